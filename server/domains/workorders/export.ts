// the order list as an Excel workbook, with the same filters and scope as the page.
import ExcelJS from 'exceljs';
import { translate } from '../../../common/i18n';
import type { TWorkOrderListQuery } from '../../../common/desk';
import type { DbOrTx } from '../../platform/db';
import type { Principal } from '../../platform/policy';
import { listOrders } from './queries';

const MAX_ROWS = 20_000;

export async function exportOrders(db: DbOrTx, p: Principal, q: TWorkOrderListQuery) {
  const t = (k: string) => translate(p.locale, k);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t('ui.nav.orders'));
  ws.columns = [
    { header: t('ui.order.number'), key: 'number', width: 18 },
    { header: t('ui.order.status'), key: 'status', width: 10 },
    { header: t('ui.order.trade'), key: 'trade', width: 10 },
    { header: t('ui.order.location'), key: 'location', width: 24 },
    { header: t('ui.order.description'), key: 'description', width: 40 },
    { header: t('ui.order.customer'), key: 'customer', width: 12 },
    { header: t('ui.order.assignee'), key: 'assignee', width: 10 },
    { header: t('ui.order.reportedAt'), key: 'reportedAt', width: 18 },
    { header: t('ui.order.completedAt'), key: 'completedAt', width: 18 },
  ];
  ws.getRow(1).font = { bold: true };
  const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString(p.locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = await listOrders(db, p, { ...q, limit: 200, cursor });
    for (const o of page.items)
      ws.addRow({
        number: o.number,
        status: t(`ui.woStatus.${o.status}`),
        trade: t(`ui.trade.${o.trade}`),
        location: o.location,
        description: o.description,
        customer: o.customerName,
        assignee: o.assigneeName ?? '',
        reportedAt: fmt(o.reportedAt),
        completedAt: fmt(o.completedAt),
      });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && n < MAX_ROWS);
  return { name: `${t('ui.nav.orders')}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
