/** Files the browser saves: a chart as PNG, a table as CSV (UTF-8 with BOM, for Excel) or XLSX. */
export type Cell = string | number | null;
export interface Table {
  columns: string[];
  rows: Cell[][];
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A cell a spreadsheet would run as a formula is written as text. */
function safe(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvOf(table: Table): string {
  const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [table.columns, ...table.rows].map((r) => r.map((c) => quote(safe(c))).join(',')).join('\r\n');
}

export function saveCsv(table: Table, fileName: string): void {
  saveBlob(new Blob(['\ufeff', csvOf(table)], { type: 'text/csv;charset=utf-8' }), fileName);
}

export async function saveXlsx(table: Table, sheetName: string, fileName: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'data', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.columns);
  ws.getRow(1).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((c) => (typeof c === 'number' ? c : safe(c))));
  ws.columns.forEach((c, i) => {
    c.width = Math.min(60, Math.max(10, ...[table.columns[i] ?? '', ...table.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length + 2)));
  });
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
}

export function fileSafe(s: string): string {
  return s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'data';
}
