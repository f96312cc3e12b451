import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../i18n/message.ts';
import { loadLaw } from '../law/law.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { makeIin } from '../domain/iin.ts';
import { importRegistryFile } from './import.ts';
import { buildCriminalCode, criminalCodeFileSchema } from '../law/criminal-code.ts';
import { CONTRACT_COLUMNS } from './record.ts';
import { parseRow, recordToCells, rowSchema } from './row.ts';
import { goodRow as sharedGoodRow, type Row } from './testing/files.ts';

const law = loadLaw();
const BAD = resolve(PROJECT_ROOT, 'test/fixtures/bad-registry.csv');

function tmp(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'amnestia-import-')), name);
}

/**
 * The shared valid row (src/registry/testing/files.ts) with Kazakh letters in her names and the
 * optional columns written out as their explicit "none" / zero values.
 */
function goodRow(overrides: Partial<Row> = {}): Row {
  return sharedGoodRow({ first_name: 'Айгүл', middle_name: 'Серіковна', imposed_term_days: '0', disabled_child_group: 'none', veteran_kind: 'none', ...overrides });
}

function csv(rows: Record<string, string>[], columns: readonly string[] = CONTRACT_COLUMNS): string {
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.join(','), ...rows.map((r) => columns.map((c) => q(r[c] ?? '')).join(','))].join('\n') + '\n';
}

describe('registry import (CSV)', () => {
  it('reports each bad row of the fixture with row, column, value and rule, and accepts the good ones', async () => {
    const r = await importRegistryFile(law.criminalCode, BAD);
    expect(r.rows).toBe(8);
    expect(r.accepted).toBe(4);
    expect(r.rejected).toBe(4);
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => ({ row: i.row, column: i.column, rule: i.rule }));
    expect(errors).toEqual([
      { row: 3, column: 'iin', rule: 'iin.check_digit' },
      { row: 4, column: 'sentence_start', rule: 'date.invalid' },
      { row: 5, column: 'articles', rule: 'articles.unknown' },
      { row: 6, column: 'person_id', rule: 'person_id.duplicate' },
    ]);
    expect(r.issues.find((i) => i.rule === 'articles.unknown')!.value).toContain('9999-1');
  });

  it('keeps an empty cell as unknown, not false', async () => {
    const file = tmp('r.csv');
    writeFileSync(file, csv([goodRow({ pregnant: '', disability_group: '', children_birth_dates: '' }), goodRow({ person_id: 'P2', iin: '', children_birth_dates: 'none' })]));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.accepted).toBe(2);
    const p1 = r.registry.record(0);
    expect(p1.pregnant).toBeNull();
    expect(p1.disabilityGroup).toBeNull();
    expect(p1.childrenBirthYmd).toBeNull();
    expect(r.registry.record(1).childrenBirthYmd).toEqual([]);
    expect(p1.articles!.map((a) => law.criminalCode.parts[a]!.id)).toEqual(['190-2', '188-1']);
  });

  it('checks every rule that spans columns', async () => {
    const file = tmp('r.csv');
    const rows = [
      goodRow({ person_id: 'A', sex: 'M' }), // ИИН encodes a woman
      goodRow({ person_id: 'B', birth_date: '1979-03-04' }), // ИИН encodes another birth date
      goodRow({ person_id: 'C', sentence_end: '2022-12-31' }), // ends before it starts
      goodRow({ person_id: 'D', offence_date: '1990-01-01' }), // aged 10 at the offence
      goodRow({ person_id: 'E', civil_claim_paid: '2000000' }), // paid more than claimed
      goodRow({ person_id: 'F', iin: '', sex: 'M', pregnant: 'true' }),
      goodRow({ person_id: 'G', sentence_type: 'fine' }), // a fine in an institution
      goodRow({ person_id: 'H', civil_claim_amount: '-5' }),
      goodRow({ person_id: 'I', custody: 'prison' }),
      goodRow({ person_id: 'J', malicious_violator: 'yes' }),
      goodRow({ person_id: 'K', articles: '188' }), // article without its part
      goodRow({ person_id: '' }),
      goodRow({ person_id: 'L', custody: 'СП', sentence_type: 'restriction_of_liberty', sex: 'Ж' }), // aliases accepted
    ];
    writeFileSync(file, csv(rows));
    const r = await importRegistryFile(law.criminalCode, file);
    const rules = (row: number) => r.issues.filter((i) => i.row === row && i.severity === 'error').map((i) => `${i.column}:${i.rule}`);
    expect(rules(2)).toEqual(['iin:iin.sex']);
    expect(rules(3)).toEqual(['iin:iin.birth_date']);
    expect(rules(4)).toEqual(['sentence_end:dates.order']);
    expect(rules(5)).toEqual(['offence_date:dates.age_at_offence']);
    expect(rules(6)).toEqual(['civil_claim_paid:claim.paid_exceeds_amount']);
    expect(rules(7)).toEqual(['pregnant:pregnant.sex']);
    expect(rules(8)).toEqual(['sentence_type:custody.sentence_type']);
    expect(rules(9)).toEqual(['civil_claim_amount:amount']);
    expect(rules(10)).toEqual(['custody:enum.custody']);
    expect(rules(11)).toEqual(['malicious_violator:boolean']);
    expect(rules(12)).toEqual(['articles:articles.unknown']);
    expect(rules(13)).toEqual(['person_id:person_id.missing']);
    expect(rules(14)).toEqual([]);
    expect(r.accepted).toBe(1);
    expect(r.accepted + r.rejected).toBe(rows.length);
    expect(r.registry.record(0)).toMatchObject({ custody: 'probation', sex: 'F' });
  });

  it('rejects a file without the contract columns as a whole, losing no row silently', async () => {
    const file = tmp('r.csv');
    writeFileSync(file, csv([goodRow()], CONTRACT_COLUMNS.filter((c) => c !== 'sex' && c !== 'articles')));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.fileIssues[0]).toMatchObject({ severity: 'error', rule: 'header.missing_columns' });
    expect(renderMessage(r.fileIssues[0]!.message, 'en')).toContain('sex');
    expect(r.accepted).toBe(0);
    expect(r.rejected).toBe(1);
  });
});

describe('registry import (XLSX)', () => {
  it('reads the first worksheet, with dates and numbers as Excel stores them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('registry');
    ws.addRow([...CONTRACT_COLUMNS]);
    const row = goodRow();
    ws.addRow(
      CONTRACT_COLUMNS.map((c) => {
        if (c === 'birth_date') return new Date(Date.UTC(1979, 2, 3));
        if (c === 'imposed_term_months') return 48;
        return row[c];
      }),
    );
    // a person born in 2005: Excel keeps the ИИН as a number and drops its leading zero
    const young = goodRow({ person_id: 'P2', birth_date: '2005-01-01', iin: '', offence_date: '2023-01-01', children_birth_dates: 'none' });
    const youngIin = makeIin(20050101, 'F', 0).iin;
    expect(youngIin.startsWith('0')).toBe(true);
    ws.addRow(CONTRACT_COLUMNS.map((c) => (c === 'iin' ? Number(youngIin) : young[c])));
    const file = tmp('r.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues).toEqual([]);
    expect(r.registry.record(1).iin).toBe(youngIin);
    expect(r.registry.record(0)).toMatchObject({ personId: 'P1', birthYmd: 19790303, imposedTermMonths: 48, iin: '790303402568' });
  });
});

describe('articles read with their Code and wording', () => {
  // a table whose Art. 1 part 1 had a 5-year sanction until 2020-01-10 and 6 years since
  const file = criminalCodeFileSchema.parse({
    code: 'X',
    title: { ru: 'X', en: 'X' },
    article_id: 'X1',
    url: 'https://example.org/x',
    in_force: '2015-01-01',
    gravity_rules: 'cc2014',
    source: 'test',
    articles: {
      '1': {
        title: { ru: 'a', en: 'a' },
        intent: 'intentional',
        violent: 'no',
        verified: true,
        parts: { '1': { max: '6y', since: '2020-01-10', earlier: [{ until: '2020-01-10', max: '5y', verified: true, source: 's' }] } },
      },
    },
    earlier_codes: {
      '1997': {
        code: 'Y',
        title: { ru: 'Y', en: 'Y' },
        article_id: 'Y1',
        url: 'https://example.org/y',
        in_force: '1998-01-01',
        until: '2015-01-01',
        gravity_rules: 'cc1997',
        source: 'test',
        articles: { '96': { title: { ru: 'b', en: 'b' }, intent: 'intentional', violent: 'yes', verified: false, parts: { '1': { max: '15y' } } } },
      },
    },
  });
  const code = buildCriminalCode(file, null);
  const schema = rowSchema(code);
  const row = (articles: string, offence: string) => {
    const cells = goodRow({ articles, offence_date: offence, sentence_start: '2021-01-15', sentence_end: '2027-01-15' });
    return parseRow(schema, cells, 2);
  };
  it('takes the sanction in force on the offence date', () => {
    expect(code.parts[row('1-1', '2020-01-09').record!.articles![0]!]).toMatchObject({ gravity: 'medium', current: false });
    expect(code.parts[row('1-1', '2020-01-10').record!.articles![0]!]).toMatchObject({ gravity: 'grave', current: true });
  });
  it('warns of a conviction under a part dated after the offence (a part that did not exist yet)', () => {
    // 120 part 3-2 was added by the Law of 27 December 2019 No. 292-VI, in force from 2020-01-07 at the earliest
    const shipped = rowSchema(law.criminalCode);
    const rape = (offence: string) =>
      parseRow(shipped, goodRow({ articles: '120-3-2', offence_date: offence, sentence_start: '2021-01-15', sentence_end: '2040-01-15' }), 2);
    const early = rape('2019-06-01');
    expect(early.record).not.toBeNull();
    expect(early.issues).toEqual([expect.objectContaining({ rule: 'articles.not_in_force', severity: 'warning', column: 'articles' })]);
    expect(renderMessage(early.issues[0]!.message, 'en')).toContain('2020-01-07');
    // inside the window the day rests on an assumption (marked where the figures are), not an error of the registry
    expect(rape('2020-01-07').issues).toEqual([]);
    expect(rape('2020-03-01').issues).toEqual([]);
    // a 1997 part the Law of 27 June 2008 No. 50-IV added
    const drugs = parseRow(shipped, goodRow({ articles: '1997:259-2-1', offence_date: '2008-01-10', sentence_start: '2009-01-15', sentence_end: '2027-01-15' }), 2);
    expect(drugs.issues.map((i) => i.rule)).toEqual(['articles.not_in_force']);
  });
  it('warns of a 1997-Code conviction for an offence after that Code was replaced, and writes the edition back', () => {
    const late = row('1997:96-1', '2016-01-01');
    expect(late.issues).toEqual([expect.objectContaining({ rule: 'articles.edition', severity: 'warning' })]);
    const early = row('1997:96-1', '2010-01-01');
    expect(early.issues).toEqual([]);
    expect(recordToCells(early.record!, code).articles).toBe('1997:96-1');
  });
});
