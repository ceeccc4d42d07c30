// any list as an Excel workbook — one sheet, bold headers, the rows a list query pages through.
import ExcelJS from 'exceljs';

export interface ExcelColumn<T> {
  header: string;
  width: number;
  value(row: T): string | number | null;
}

export const EXPORT_MAX_ROWS = 20_000;

/** Pages through `fetchPage` (keyset cursors) up to EXPORT_MAX_ROWS rows. */
export async function exportWorkbook<T>(
  sheet: string,
  columns: ExcelColumn<T>[],
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  ws.getRow(1).font = { bold: true };
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = await fetchPage(cursor);
    for (const row of page.items) ws.addRow(columns.map((c) => c.value(row)));
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && n < EXPORT_MAX_ROWS);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Local date and time for a spreadsheet cell. */
export const cellTime = (iso: string | null, locale: 'zh-CN' | 'en', timeZone: string) =>
  iso ? new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, hour12: false }) : '';
