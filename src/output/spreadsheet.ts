/**
 * Text that a spreadsheet would run as a formula when it opens a CSV or XLSX file (a cell
 * beginning with =, +, -, @, or a tab or carriage return) is written with a leading apostrophe,
 * as spreadsheets themselves mark text (CSV injection, OWASP). Text that already begins with an
 * apostrophe followed by one of these is escaped too, so that reading a written file takes exactly
 * one apostrophe off (`unescapeSpreadsheetText` in src/registry/row.ts) and gives back the text.
 */
const NEEDS_ESCAPE = /^(?:[=+\-@\t\r]|'[=+\-@'\t\r])/;

export function escapeSpreadsheetText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? `'${s}` : s;
}

/** A cell for a CSV or XLSX file: text escaped, numbers as they are. */
export function spreadsheetCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return escapeSpreadsheetText(v);
}
