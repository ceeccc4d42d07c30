// PS-09: the monthly summary as an Excel workbook — departments, staff and the reconciliation.
import ExcelJS from 'exceljs';
import { translate } from '../../../common/i18n';
import type { TPaidSummary, TSummaryLine } from '../../../common/paid';
import type { Principal } from '../../platform/policy';

const COLUMNS: (keyof TSummaryLine)[] = ['registered', 'completed', 'closed', 'reworked', 'followedUp', 'satisfied', 'receipts', 'amount'];

export async function summaryWorkbook(p: Principal, s: TPaidSummary): Promise<{ name: string; bytes: Buffer }> {
  const t = (k: string) => translate(p.locale, k);
  const wb = new ExcelJS.Workbook();
  const sheet = (title: string, first: string, lines: TSummaryLine[]) => {
    const ws = wb.addWorksheet(title);
    ws.columns = [{ header: first, width: 16 }, ...COLUMNS.map((c) => ({ header: t(`ui.summary.${c}`), width: 12 }))];
    ws.getRow(1).font = { bold: true };
    for (const l of [...lines, s.total]) ws.addRow([l.name, ...COLUMNS.map((c) => l[c])]);
    ws.lastRow!.font = { bold: true };
  };
  sheet(t('ui.summary.byDepartment'), t('ui.summary.department'), s.departments);
  sheet(t('ui.summary.byStaff'), t('ui.summary.staff'), s.staff);
  const ws = wb.addWorksheet(t('ui.summary.reconciliation'));
  ws.columns = [{ header: t('ui.summary.item'), width: 28 }, { header: t('ui.summary.value'), width: 16 }];
  ws.getRow(1).font = { bold: true };
  const r = s.reconciliation;
  for (const [k, v] of [
    ['receiptsAmount', r.receiptsAmount],
    ['receiptsCount', r.receiptsCount],
    ['voidedCount', r.voidedCount],
    ...Object.entries(r.byMethod).map(([m, v]) => [`method.${m}`, v] as const),
    ['confirmedCash', r.confirmedCash],
    ['handedUnconfirmed', r.handedUnconfirmed],
    ['notHandedOver', r.notHandedOver],
    ['cashDifferences', r.cashDifferences],
    ['closedWithoutReceipt', r.closedWithoutReceipt],
    ['feeMismatch', r.feeMismatch],
  ] as const)
    ws.addRow([k.startsWith('method.') ? t(`ui.payMethod.${k.slice(7)}`) : t(`ui.summary.${k}`), v]);
  ws.addRow([t('ui.summary.balanced'), t(r.balanced ? 'ui.yes' : 'ui.no')]);
  return { name: `${s.projectName}-${t('ui.summary.title')}-${s.month}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
