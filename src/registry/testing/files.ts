/**
 * Test support: a few persons whose every cell is valid, and writers of registry files in the
 * forms institutions send them (CSV with each delimiter, encoding and line end; XLSX with several
 * worksheets, hidden ones, formulas and error cells). Tests compare what an import accepted with
 * these persons cell by cell: nothing lost, invented or garbled.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIin } from '../../domain/iin.ts';
import { CONTRACT_COLUMNS, type ContractColumn } from '../record.ts';

export type Row = Record<ContractColumn, string>;

/** A valid row: a woman born 1979-03-03 whose ИИН is the documented example. */
export function goodRow(overrides: Partial<Row> = {}): Row {
  const base: Row = {
    person_id: 'P1',
    iin: '790303402568',
    last_name: 'Ахметова',
    first_name: 'Алия',
    middle_name: 'Сергеевна',
    sex: 'F',
    birth_date: '1979-03-03',
    custody: 'institution',
    facility: 'W-01',
    region: 'karaganda',
    articles: '190-2;188-1',
    offence_date: '2022-05-10',
    sentence_type: 'imprisonment',
    sentence_start: '2023-01-15',
    sentence_end: '2027-01-15',
    imposed_term_months: '48',
    prior_convictions: '0',
    recidivism: 'none',
    behaviour: 'positive',
    malicious_violator: 'false',
    pregnant: 'false',
    children_birth_dates: '2008-04-01;2012-11-30',
    disabled_child: 'false',
    parental_rights_deprived: 'false',
    disability_group: '0',
    veteran: 'false',
    pensioner: 'false',
    single_parent: 'true',
    civil_claim_amount: '1500000',
    civil_claim_paid: '200000',
    damage_caused: 'true',
    damage_compensated: 'false',
    imposed_term_days: '',
    prior_imprisonment: '',
    juvenile_colony: '',
    disabled_child_group: '',
    veteran_kind: '',
    victim_aged_14_18: '',
  };
  return { ...base, ...overrides };
}

/**
 * Four persons with Russian names (Windows-1251 can write them) and distinct valid ИИН; P3 was
 * born in 2005 (her ИИН begins with 0), P4 has a Ё and a Kazakh-Russian І.
 */
export function persons(): Row[] {
  const man = makeIin(19850612, 'M', 1234).iin;
  const young = makeIin(20050101, 'F', 77).iin;
  const p4 = makeIin(19601120, 'M', 4321).iin;
  return [
    goodRow(),
    goodRow({ person_id: 'P2', iin: man, last_name: 'Кенжебаев', first_name: 'Арман', middle_name: 'Ерланович', sex: 'M', birth_date: '1985-06-12', children_birth_dates: 'none', civil_claim_amount: '0', civil_claim_paid: '' }),
    goodRow({ person_id: 'P3', iin: young, last_name: 'Сулейменова', first_name: 'Дана', middle_name: '', birth_date: '2005-01-01', offence_date: '2023-01-01', children_birth_dates: 'none', custody: 'probation', sentence_type: 'restriction_of_liberty' }),
    goodRow({ person_id: 'P4', iin: p4, last_name: 'Семёнов', first_name: 'Іван', middle_name: 'Пётрович', sex: 'M', birth_date: '1960-11-20', pensioner: 'true', children_birth_dates: '1990-02-02' }),
  ];
}

export interface CsvOptions {
  delimiter?: string;
  eol?: string;
  columns?: readonly string[];
  /** Quote every cell (as some exports do). */
  quoteAll?: boolean;
}

/** Rows as CSV text (RFC 4180 quoting). */
export function csvText(rows: readonly Partial<Record<string, string>>[], o: CsvOptions = {}): string {
  const d = o.delimiter ?? ',';
  const eol = o.eol ?? '\n';
  const columns = o.columns ?? CONTRACT_COLUMNS;
  const q = (v: string) => (o.quoteAll || v.includes(d) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(d), ...rows.map((r) => columns.map((c) => q(r[c] ?? '')).join(d))].join(eol) + eol;
}

/** Writes text in an encoding, with a byte-order mark when asked. */
export function writeEncoded(file: string, text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'cp866', bom = false): void {
  const body = iconv.encode(text, encoding);
  const mark = !bom ? Buffer.alloc(0) : encoding === 'utf-8' ? Buffer.from([0xef, 0xbb, 0xbf]) : encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : encoding === 'utf-16be' ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0);
  writeFileSync(file, Buffer.concat([mark, body]));
}

export type CellSpec = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  rows: CellSpec[][];
  /** Number formats by 1-based column. */
  numFmt?: Record<number, string>;
  /** Ranges to merge, e.g. `J3:J4`. */
  merge?: string[];
}

/** A header row and person rows as worksheet rows (text cells). */
export function sheetRows(rows: readonly Row[], columns: readonly string[] = CONTRACT_COLUMNS): CellSpec[][] {
  return [[...columns], ...rows.map((r) => columns.map((c) => r[c as ContractColumn] ?? ''))];
}

/** Writes a workbook with the given worksheets. */
export async function writeXlsx(file: string, sheets: readonly SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r);
    if (s.numFmt) for (const [col, fmt] of Object.entries(s.numFmt)) ws.getColumn(Number(col)).numFmt = fmt;
    for (const range of s.merge ?? []) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(file);
}
