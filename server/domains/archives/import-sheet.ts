// X-05: the import workbook — its Chinese template, and reading an uploaded .xlsx into rows. A file that
// is not an .xlsx, or whose headers are not the template's, is refused with a field error, never a 500.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type TImportColumn } from '../../../common/archives';
import { translate } from '../../../common/i18n';
import type { TLocale } from '../../../common/shared';
import { invalidField } from '../../platform/errors';

export const MAX_IMPORT_ROWS = 20_000;
export type SheetRow = { row: number } & Record<TImportColumn, string>;

const header = (locale: TLocale, c: TImportColumn) => translate(locale, `archive.import.columns.${c}`);

export async function templateWorkbook(locale: TLocale, example: { area: string; building: string }): Promise<Buffer> {
  const t = (k: string) => translate(locale, `archive.import.${k}`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t('sheet'));
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: header(locale, c), key: c, width: c === 'idNumber' ? 22 : 14 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow({ area: example.area, building: example.building, floor: 1, number: '101', use: t('uses.residence'), areaM2: 89.5, handoverDate: '2024-05-01', relation: t('relations.owner'), customerKind: t('kinds.person'), name: '张三', phone: '13800001234', idNumber: '110105198001010016', since: '2024-05-01' });
  ws.addRow({ area: example.area, building: example.building, floor: 1, number: '101', use: t('uses.residence'), areaM2: 89.5, handoverDate: '2024-05-01', relation: t('relations.tenant'), customerKind: t('kinds.person'), name: '李四', phone: '13900005678', idNumber: '', since: '2025-03-01' });
  // Numbers kept as text so ID numbers and phones keep every digit.
  for (const c of ['number', 'phone', 'idNumber', 'handoverDate', 'since'] as const) ws.getColumn(c).numFmt = '@';
  const help = wb.addWorksheet(t('help'));
  help.addRow([`${header(locale, 'use')}: ${['residence', 'office', 'shop'].map((u) => t(`uses.${u}`)).join(' / ')}`]);
  help.addRow([`${header(locale, 'relation')}: ${t('relations.owner')} / ${t('relations.tenant')}`]);
  help.addRow([`${header(locale, 'customerKind')}: ${t('kinds.person')} / ${t('kinds.company')}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v).trim();
}

/** Reads the first sheet; headers are matched in either language. */
export async function readSheet(bytes: Buffer): Promise<SheetRow[]> {
  // An .xlsx is a zip: anything else (a renamed .xls, a CSV, a picture) is refused before parsing.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw invalidField('data', 'bad_excel');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalidField('data', 'bad_excel');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalidField('data', 'bad_excel');
  const known = new Map<string, TImportColumn>();
  for (const c of IMPORT_COLUMNS) for (const l of ['zh-CN', 'en'] as TLocale[]) known.set(header(l, c), c);
  const columns = new Map<number, TImportColumn>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = known.get(cellText(cell.value));
    if (c) columns.set(col, c);
  });
  if (columns.size !== IMPORT_COLUMNS.length) throw invalidField('data', 'bad_template');
  if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS) throw invalidField('data', 'too_many_rows');
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const out = { row: n } as SheetRow;
    for (const c of IMPORT_COLUMNS) out[c] = '';
    r.eachCell((cell, col) => {
      const c = columns.get(col);
      if (c) out[c] = cellText(cell.value);
    });
    if (IMPORT_COLUMNS.some((c) => out[c])) rows.push(out);
  });
  return rows;
}
