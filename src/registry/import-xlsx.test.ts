/**
 * Workbooks as institutions send them: several worksheets (some hidden), formulas with and without
 * saved results, error values, ИИН stored as numbers, files cut off or damaged.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../i18n/message.ts';
import { loadLaw } from '../law/law.ts';
import { UnreadableFileError } from '../domain/errors.ts';
import { importRegistryFile, type ImportResult } from './import.ts';
import { recordToCells } from './row.ts';
import { CONTRACT_COLUMNS } from './record.ts';
import { csvText, persons, sheetRows, writeXlsx, type Row } from './testing/files.ts';
import { columnLetters } from './import-xlsx.ts';

const law = loadLaw();
const dir = mkdtempSync(join(tmpdir(), 'amnestia-xlsx-'));
const path = (name: string) => join(dir, name);
const everyone = persons();
const [p1, p2, p3, p4] = everyone as [Row, Row, Row, Row];
const col = (c: string) => CONTRACT_COLUMNS.indexOf(c as (typeof CONTRACT_COLUMNS)[number]);

function accepted(r: ImportResult): Row[] {
  return Array.from({ length: r.registry.size }, (_, i) => recordToCells(r.registry.record(i), law.criminalCode));
}

async function refusal(file: string, sheet?: string): Promise<UnreadableFileError> {
  try {
    await importRegistryFile(law.criminalCode, file, sheet === undefined ? {} : { sheet });
  } catch (e) {
    if (e instanceof UnreadableFileError) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
}

describe('XLSX worksheets', () => {
  it('reads cells as Excel stores them: dates, numbers, ИИН as numbers, formulas with saved results', async () => {
    const rows = sheetRows(everyone);
    // P1: birth date as a date cell, the term as a formula with its saved result; P3: ИИН as a number (leading zero lost)
    rows[1]![col('birth_date')] = new Date(Date.UTC(1979, 2, 3));
    rows[1]![col('imposed_term_months')] = { formula: '12*4', result: 48 };
    rows[1]![col('last_name')] = { formula: 'UPPER("a")&"хметова"', result: 'Ахметова' };
    rows[3]![col('iin')] = Number(p3.iin);
    rows[4]![col('civil_claim_amount')] = 1500000;
    const file = path('ok.xlsx');
    await writeXlsx(file, [{ name: 'Реестр', rows }]);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues).toEqual([]);
    expect(r.fileIssues).toEqual([]);
    expect(accepted(r)).toEqual(everyone);
    expect(r.source).toMatchObject({ format: 'xlsx', sheet: 'Реестр' });
  });

  it('rejects a formula without a saved result, an error value and a value beyond the header, naming the cell', async () => {
    const rows = sheetRows(everyone);
    rows[1]![col('imposed_term_months')] = { formula: 'B2*4' } as never;
    rows[2]![col('civil_claim_amount')] = { error: '#N/A' } as never;
    rows[3]![CONTRACT_COLUMNS.length + 1] = 'stray';
    rows[4]![col('birth_date')] = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
    const file = path('cells.xlsx');
    await writeXlsx(file, [{ name: 'registry', rows }]);
    const r = await importRegistryFile(law.criminalCode, file);
    const term = `${columnLetters(col('imposed_term_months') + 1)}2`;
    const claim = `${columnLetters(col('civil_claim_amount') + 1)}3`;
    const stray = `${columnLetters(CONTRACT_COLUMNS.length + 2)}4`;
    expect(r.issues.map((i) => `${i.row}:${i.cell}:${i.rule}`)).toEqual([`2:${term}:cell.formula_without_value`, `3:${claim}:cell.error`, `4:${stray}:row.unnamed_cell`, `5:${columnLetters(col('birth_date') + 1)}5:cell.formula_without_value`]);
    expect(r.issues.some((i) => /object Object/.test(renderMessage(i.message, 'en') + i.value))).toBe(false);
    expect(r.accepted).toBe(0);
    expect(r.rejected).toBe(4);
  });

  it('prefers the first visible worksheet with rows, reports the others, and reads a hidden one only when named', async () => {
    const file = path('sheets.xlsx');
    await writeXlsx(file, [
      { name: 'old', state: 'hidden', rows: sheetRows([p4]) },
      { name: 'empty', rows: [] },
      { name: 'registry', rows: sheetRows([p1, p2]) },
      { name: 'more', rows: sheetRows([p3]) },
    ]);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.source).toMatchObject({ sheet: 'registry' });
    expect(accepted(r)).toEqual([p1, p2]);
    expect(r.fileIssues).toEqual([
      { severity: 'warning', rule: 'xlsx.other_sheets', message: expect.objectContaining({ key: 'registry.other_sheets' }) },
    ]);
    expect(renderMessage(r.fileIssues[0]!.message, 'en')).toMatch(/"old" \(2, hidden\), "more" \(2\)/);
    expect(accepted(await importRegistryFile(law.criminalCode, file, { sheet: 'old' }))).toEqual([p4]);
    expect(accepted(await importRegistryFile(law.criminalCode, file, { sheet: 'more' }))).toEqual([p3]);
    const missing = await refusal(file, 'Лист1');
    expect(missing.rule).toBe('xlsx.no_such_sheet');
    expect(missing.message).toMatch(/"old", "empty", "registry", "more"/);
  });

  it('reads one workbook alike every time: the worksheets before the shared strings, as Excel stores them', async () => {
    // exceljs's own walk of such an archive ended early about once in thirty reads
    const file = path('again.xlsx');
    await writeXlsx(file, [
      { name: 'old', state: 'hidden', rows: sheetRows([p4]) },
      { name: 'registry', rows: sheetRows([p1, p2]) },
      { name: 'more', rows: sheetRows([p3]) },
    ]);
    for (let k = 0; k < 60; k++) {
      const r = await importRegistryFile(law.criminalCode, file);
      expect(r.issues).toEqual([]);
      expect(accepted(r)).toEqual([p1, p2]);
      expect(r.source).toMatchObject({ sheets: [{ name: 'old', rows: 2 }, { name: 'registry', rows: 3 }, { name: 'more', rows: 2 }] });
    }
  });

  it('rejects a row whose cell lies inside merged cells (read empty otherwise), naming the range', async () => {
    // P2 and P3 share a region merged over two rows, as reports in Excel often are; P4 and P1 are unmerged.
    const rows = sheetRows([p2, { ...p3, region: p2.region }, p4, p1]);
    const region = columnLetters(col('region') + 1);
    const file = path('merged.xlsx');
    await writeXlsx(file, [{ name: 'registry', rows, merge: [`${region}2:${region}3`] }]);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues.map((i) => `${i.row}:${i.cell}:${i.rule}`)).toEqual([`3:${region}3:xlsx.merged_cells`]);
    expect(renderMessage(r.issues[0]!.message, 'en')).toMatch(new RegExp(`cells ${region}2:${region}3 are merged`));
    expect(accepted(r)).toEqual([p2, p4, p1]);
  });

  it('reads no hidden worksheet unasked: a workbook whose rows are all hidden is an error naming them', async () => {
    const file = path('hidden.xlsx');
    await writeXlsx(file, [
      { name: 'visible', rows: [] },
      { name: 'data', state: 'hidden', rows: sheetRows([p1]) },
    ]);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.accepted).toBe(0);
    expect(r.fileIssues[0]).toMatchObject({ severity: 'error', rule: 'xlsx.only_hidden_sheets' });
    expect(renderMessage(r.fileIssues[0]!.message, 'en')).toMatch(/"data"/);
  });
});

describe('damaged workbooks', () => {
  it.each([
    ['cut off in the middle', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), 'xlsx.truncated'],
    ['cut off before its last bytes', (b: Buffer) => b.subarray(0, b.length - 10), 'xlsx.truncated'],
    ['CSV text named .xlsx', () => Buffer.from(csvText(everyone)), 'xlsx.not_zip'],
    ['empty', () => Buffer.alloc(0), 'xlsx.not_zip'],
    ['an Excel 97–2003 file', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'xlsx.not_zip'],
    ['damaged inside its compressed data', (b: Buffer) => {
      const c = Buffer.from(b);
      for (let i = 200; i < c.length - 400; i += 97) c[i] = c[i]! ^ 0x5a;
      return c;
    }, 'xlsx.corrupt'],
  ])('refuses a workbook %s', async (name, damage, rule) => {
    const good = path('good.xlsx');
    await writeXlsx(good, [{ name: 'registry', rows: sheetRows(everyone) }]);
    const file = path(`${name.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(file, damage(readFileSync(good)));
    expect((await refusal(file)).rule).toBe(rule);
  });
});
