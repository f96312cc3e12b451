/**
 * Importing a registry file (CSV or XLSX) into the columnar registry. Nothing is lost silently:
 * every row is either accepted or reported with each of its problems (row, column, value, rule).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { UserError } from '../domain/errors.ts';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { CriminalCode } from '../law/criminal-code.ts';
import { CONTRACT_COLUMNS, REQUIRED_COLUMNS, type ContractColumn } from './record.ts';
import { Registry, RegistryBuilder } from './registry.ts';
import { parseRow, rowSchema, type RowIssue } from './row.ts';
import { loadSnapshot } from './snapshot.ts';

export interface FileIssue {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

export interface ImportResult {
  file: string;
  registry: Registry;
  /** Rows read (not counting the header). */
  rows: number;
  accepted: number;
  rejected: number;
  /** Problems of rows, in row order; a rejected row has at least one error. */
  issues: RowIssue[];
  /** Problems of the file as a whole (missing columns: then no row is accepted). */
  fileIssues: FileIssue[];
}

export interface ImportOptions {
  /** Called now and then with the rows read so far and, where known, the fraction of the file read. */
  onProgress?: (rows: number, fraction: number | null) => void;
  /** Put the columns in SharedArrayBuffers, for evaluation across worker threads. */
  shared?: boolean;
}

/** Reads rows of cells by column name from a source, checks them, and builds the registry. */
export class RegistryImporter {
  private readonly builder: RegistryBuilder;
  private readonly schema;
  private readonly seen = new Map<string, number>();
  readonly issues: RowIssue[] = [];
  readonly fileIssues: FileIssue[] = [];
  rows = 0;
  rejected = 0;
  private columnsOk = true;

  constructor(
    private readonly law: CriminalCode,
    readonly file: string,
  ) {
    this.builder = new RegistryBuilder(law, 1 << 14);
    this.schema = rowSchema(law);
  }

  /** Checks the header; returns false (and records why) when required columns are missing. */
  header(names: string[]): boolean {
    const trimmed = names.map((n) => n.trim());
    const missing = REQUIRED_COLUMNS.filter((c) => !trimmed.includes(c));
    if (missing.length > 0) {
      this.fileIssues.push({ severity: 'error', rule: 'header.missing_columns', message: `missing columns: ${missing.join(', ')}` });
      this.columnsOk = false;
    }
    const unknown = trimmed.filter((n) => !(CONTRACT_COLUMNS as readonly string[]).includes(n));
    if (unknown.length > 0) this.fileIssues.push({ severity: 'warning', rule: 'header.unknown_columns', message: `ignored columns: ${unknown.join(', ')}` });
    const dup = trimmed.filter((n, i) => trimmed.indexOf(n) !== i);
    if (dup.length > 0) {
      this.fileIssues.push({ severity: 'error', rule: 'header.duplicate_columns', message: `columns named twice: ${[...new Set(dup)].join(', ')}` });
      this.columnsOk = false;
    }
    return this.columnsOk;
  }

  /** One data row; `rowNumber` as a spreadsheet shows it (header = 1). */
  row(cells: Record<string, string>, rowNumber: number): void {
    this.rows++;
    if (!this.columnsOk) {
      this.rejected++;
      return;
    }
    const { record, issues } = parseRow(this.schema, cells as Record<ContractColumn, string>, rowNumber);
    if (record !== null) {
      const first = this.seen.get(record.personId);
      if (first !== undefined) {
        issues.push({
          severity: 'error',
          row: rowNumber,
          column: 'person_id',
          value: record.personId,
          rule: 'person_id.duplicate',
          message: `person_id ${record.personId} already used on row ${first}`,
        });
      }
    }
    for (const i of issues) this.issues.push(i);
    if (record === null || issues.some((i) => i.severity === 'error')) {
      this.rejected++;
      return;
    }
    this.seen.set(record.personId, rowNumber);
    this.builder.push(record);
  }

  finish(shared = false): ImportResult {
    const registry = this.builder.finish(shared);
    return {
      file: this.file,
      registry,
      rows: this.rows,
      accepted: registry.size,
      rejected: this.rejected,
      issues: this.issues,
      fileIssues: this.fileIssues,
    };
  }
}

export async function importCsv(law: CriminalCode, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const importer = new RegistryImporter(law, file);
  const total = statSync(file).size;
  const input = createReadStream(file);
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let header: string[] | null = null;
  let n = 0;
  /** Row number as a spreadsheet shows it (header = 1), whatever line breaks quoted cells hold. */
  let row = 1;
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
    if (header === null) {
      header = rec.record;
      importer.header(header);
      continue;
    }
    row++;
    const cells: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) cells[header[i]!.trim()] = rec.record[i] ?? '';
    if (rec.record.length !== header.length) {
      importer.issues.push({
        severity: 'warning',
        row,
        column: null,
        value: '',
        rule: 'row.cell_count',
        message: `row has ${rec.record.length} cells, the header ${header.length}`,
      });
    }
    importer.row(cells, row);
    if (options.onProgress && ++n % 50_000 === 0) options.onProgress(n, total > 0 ? rec.info.bytes / total : null);
  }
  if (header === null) importer.fileIssues.push({ severity: 'error', rule: 'file.empty', message: 'the file has no header row' });
  return importer.finish(options.shared);
}

function excelCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return excelCellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** Imports the first worksheet of an XLSX workbook; row 1 is the header. */
export async function importXlsx(law: CriminalCode, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const importer = new RegistryImporter(law, file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    importer.fileIssues.push({ severity: 'error', rule: 'file.empty', message: 'the workbook has no worksheet' });
    return importer.finish(options.shared);
  }
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(excelCellText(row.getCell(c).value));
    if (header === null) {
      header = values.map((v) => v.trim());
      importer.header(header);
      return;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => (cells[name] = values[i] ?? ''));
    // Spreadsheets turn a ИИН into a number and drop its leading zeros (persons born 2000–2009).
    const iin = cells['iin'];
    if (iin !== undefined && /^\d{1,11}$/.test(iin)) cells['iin'] = iin.padStart(12, '0');
    importer.row(cells, rowNumber);
    if (options.onProgress && rowNumber % 50_000 === 0) options.onProgress(rowNumber, null);
  });
  if (header === null) importer.fileIssues.push({ severity: 'error', rule: 'file.empty', message: 'the worksheet has no header row' });
  return importer.finish(options.shared);
}

export async function importRegistryFile(law: CriminalCode, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (!existsSync(file)) throw new UserError(`${file}: no such file`);
  if (statSync(file).isDirectory()) throw new UserError(`${file}: is a directory, expected a CSV or XLSX file`);
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return importXlsx(law, file, options);
  if (ext === '.amnreg') {
    // A binary snapshot holds rows that passed validation when it was written.
    const registry = loadSnapshot(file, law, { shared: options.shared ?? false });
    return { file, registry, rows: registry.size, accepted: registry.size, rejected: 0, issues: [], fileIssues: [] };
  }
  if (ext === '.csv' || ext === '.txt') return importCsv(law, file, options);
  throw new UserError(`${file}: unsupported registry file type ${ext || '(none)'}; expected .csv, .xlsx or .amnreg (snapshot)`);
}
