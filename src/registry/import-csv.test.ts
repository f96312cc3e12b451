/**
 * CSV files as institutions send them: Russian Excel's semicolons and Windows-1251, UTF-16 "Unicode
 * text", broken quoting, wrong cell counts, blank lines. Every accepted person is compared with
 * the person written, cell by cell; every refusal says where.
 */
import { mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_COLUMNS } from './record.ts';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../i18n/message.ts';
import { loadLaw } from '../law/law.ts';
import { UnreadableFileError } from '../domain/errors.ts';
import { importRegistryFile, type ImportResult } from './import.ts';
import { recordToCells } from './row.ts';
import { csvText, goodRow, persons, writeEncoded, type Row } from './testing/files.ts';
import { makeIin } from '../domain/iin.ts';

const law = loadLaw();
const dir = mkdtempSync(join(tmpdir(), 'amnestia-csv-'));
const path = (name: string) => join(dir, name);

/** The accepted persons as the cells they were read from. */
function accepted(r: ImportResult): Row[] {
  return Array.from({ length: r.registry.size }, (_, i) => recordToCells(r.registry.record(i), law.criminalCode));
}

async function refusal(file: string): Promise<UnreadableFileError> {
  try {
    await importRegistryFile(law.criminalCode, file);
  } catch (e) {
    if (e instanceof UnreadableFileError) return e;
    throw e;
  }
  throw new Error(`${file} was read`);
}

describe('CSV encodings and delimiters', () => {
  const everyone = persons();

  it.each([
    ['comma, UTF-8, LF', { delimiter: ',', eol: '\n' }, 'utf-8', false],
    ['semicolon, UTF-8 with a byte-order mark, CRLF (Russian Excel "CSV UTF-8")', { delimiter: ';', eol: '\r\n' }, 'utf-8', true],
    ['semicolon, Windows-1251, CRLF (Russian Excel "CSV")', { delimiter: ';', eol: '\r\n' }, 'windows-1251', false],
    ['tab, UTF-16LE with a mark (Excel "Unicode text")', { delimiter: '\t', eol: '\r\n' }, 'utf-16le', true],
    ['tab, UTF-16BE without a mark', { delimiter: '\t', eol: '\n' }, 'utf-16be', false],
    ['every cell quoted, CR line ends', { delimiter: ',', eol: '\r', quoteAll: true }, 'utf-8', false],
  ] as const)('reads %s with every person intact', async (_name, o, encoding, bom) => {
    const file = path(`enc-${encoding}-${o.delimiter === '\t' ? 'tab' : o.delimiter}-${bom}-${o.eol.length}.csv`);
    writeEncoded(file, csvText(everyone, o), encoding, bom);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues).toEqual([]);
    expect(r.fileIssues).toEqual([]);
    expect(accepted(r)).toEqual(everyone);
    expect(r.source).toMatchObject({ format: 'csv', encoding, delimiter: o.delimiter });
  });

  it.each([
    ['koi8-r', 'KOI8-R'],
    ['cp866', 'CP866 (DOS)'],
  ] as const)('refuses Cyrillic in %s with the place of the first doubtful byte, never garbled', async (encoding, _name) => {
    const file = path(`${encoding}.csv`);
    writeEncoded(file, csvText(everyone, { delimiter: ';' }), encoding);
    const e = await refusal(file);
    expect(e.rule).toBe('encoding.unknown');
    expect(e.at.line).toBe(2);
    expect(e.message).toMatch(/save the file as UTF-8/);
  });

  it('refuses a UTF-8 file that turns into Windows-1251 after the first 64 KiB, naming the line', async () => {
    const many = Array.from({ length: 400 }, (_, i) => goodRow({ person_id: `X${i}`, iin: '' }));
    const head = Buffer.from(csvText(many), 'utf8');
    const tail = Buffer.concat([Buffer.from('Y1,,'), Buffer.from(require_cp1251('Иванова')), Buffer.from(',,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n')]);
    const file = path('mixed.csv');
    writeFileSync(file, Buffer.concat([head, tail]));
    const e = await refusal(file);
    expect(e.rule).toBe('encoding.invalid');
    expect(e.at.line).toBe(402);
  });

  it('reads Windows-1251 whose first 64 KiB are plain ASCII, and refuses KOI8-R found there', async () => {
    const latin = Array.from({ length: 400 }, (_, i) => goodRow({ person_id: `L${i}`, iin: '', last_name: 'Akhmetova', first_name: 'Aliya', middle_name: 'Sergeevna' }));
    const text = csvText([...latin, ...everyone]);
    const file = path('late-1251.csv');
    writeEncoded(file, text, 'windows-1251');
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.source).toMatchObject({ encoding: 'windows-1251' });
    expect(accepted(r).slice(400)).toEqual(everyone);
    const koi = path('late-koi8.csv');
    writeEncoded(koi, text, 'koi8-r');
    const e = await refusal(koi);
    expect(e.rule).toMatch(/^encoding\.(unknown|invalid)$/);
    expect(e.at.line).toBe(402);
    // Without a Ё, every KOI8-R byte is a letter in Windows-1251 too: the swapped letter cases give it away.
    const koi2 = path('late-koi8-no-yo.csv');
    writeEncoded(koi2, csvText([...latin, ...everyone.slice(0, 3)]), 'koi8-r');
    const e2 = await refusal(koi2);
    expect(e2.rule).toBe('encoding.unknown');
    expect(e2.at.line).toBe(402);
  });

  it('finds the delimiter from the header, and names the likely one when it is not read', async () => {
    const file = path('pipe.csv');
    writeFileSync(file, csvText(everyone, { delimiter: '|' }));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.accepted).toBe(0);
    expect(r.rejected).toBe(4);
    expect(renderMessage(r.fileIssues[0]!.message, 'en')).toMatch(/separated by "\|"/);
  });

  it.each([
    ['gzip', () => gzipSync(csvText(persons())), 'file.compressed'],
    ['a ZIP (a workbook named .csv)', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'file.not_text'],
    ['random bytes with NULs', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'file.binary'],
    ['UTF-32', () => Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), 'encoding.unsupported'],
  ])('refuses %s promptly', async (_name, bytes, rule) => {
    const file = path(`bin-${rule}.csv`);
    writeFileSync(file, bytes());
    expect((await refusal(file)).rule).toBe(rule);
  });

  it('refuses an endless input (/dev/zero) promptly', async () => {
    const file = path('zero.csv');
    symlinkSync('/dev/zero', file);
    expect((await refusal(file)).rule).toBe('file.binary');
  });

  it('refuses a line of megabytes without a line break', async () => {
    const file = path('long.csv');
    writeFileSync(file, `${csvText([])}${'x'.repeat(3 * 1024 * 1024)}\n`);
    expect((await refusal(file)).rule).toBe('file.line_too_long');
  });

  it('refuses a missing file, a folder and an unknown type', async () => {
    mkdirSync(path('folder.csv'));
    expect((await refusal(path('none.csv'))).rule).toBe('file.missing');
    expect((await refusal(path('folder.csv'))).rule).toBe('file.directory');
    writeFileSync(path('r.json'), '{}');
    expect((await refusal(path('r.json'))).rule).toBe('file.type');
  });
});

describe('CSV records: quoting, cell counts and physical line numbers', () => {
  const [p1, p2, p3, p4] = persons() as [Row, Row, Row, Row];

  it('reports an unclosed quote on its line and still checks the rest of the file', async () => {
    const text = csvText([p1, p2, p3, p4]).split('\n');
    // Line 3 (P2): the last name opens a quote that is never closed.
    text[2] = text[2]!.replace('Кенжебаев', '"Кенжебаев');
    const file = path('unclosed.csv');
    writeFileSync(file, text.join('\n'));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 3, rule: 'csv.unclosed_quote', severity: 'error' });
    expect(renderMessage(r.issues[0]!.message, 'en')).toMatch(/line 3, column \d+.*person_id "P2"/);
    expect(accepted(r)).toEqual([p1, p3, p4]);
    expect(r.rows).toBe(4);
  });

  it('reports a stray quote inside a cell and text after a closing quote', async () => {
    const text = csvText([p1, p2, p3, p4]).split('\n');
    text[2] = text[2]!.replace('Кенжебаев', 'Кенже"баев');
    text[3] = text[3]!.replace('Сулейменова', '"Сулеймен"ова');
    const file = path('stray.csv');
    writeFileSync(file, text.join('\n'));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues.map((i) => [i.row, i.rule])).toEqual([
      [3, 'csv.stray_quote'],
      [4, 'csv.stray_quote'],
    ]);
    expect(accepted(r)).toEqual([p1, p4]);
  });

  it('rejects a row with fewer or more cells than the header', async () => {
    const text = csvText([p1, p2, p3, p4]).split('\n');
    text[2] = text[2]!.replace(/,[^,]*$/, '');
    text[3] = `${text[3]},extra`;
    const file = path('count.csv');
    writeFileSync(file, text.join('\n'));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues.map((i) => [i.row, i.rule, i.severity])).toEqual([
      [3, 'row.cell_count', 'error'],
      [4, 'row.cell_count', 'error'],
    ]);
    expect(renderMessage(r.issues[0]!.message, 'en')).toMatch(new RegExp(`${CONTRACT_COLUMNS.length - 1} cells, the header ${CONTRACT_COLUMNS.length}`));
    expect(accepted(r)).toEqual([p1, p4]);
  });

  it('numbers rows by the physical line where they begin, counting blank lines and quoted line breaks', async () => {
    const broken = { ...p2, last_name: 'Кенже\nбаев' };
    const body = csvText([p1, broken, p3]).replace('\nP3', '\n\n;;;\n\nP3'.replace(';;;', ',,,'));
    const file = path('lines.csv');
    writeFileSync(file, `\n${body}`);
    const r = await importRegistryFile(law.criminalCode, file);
    // header on line 2, P1 line 3, P2 lines 4–5 (its last name holds a line break), blank 6, ",,," 7, blank 8, P3 line 9
    expect(r.issues.map((i) => [i.row, i.column, i.rule])).toEqual([[4, 'last_name', 'text.control_character']]);
    expect(accepted(r)).toEqual([p1, p3]);
    expect(r.rows).toBe(3);
  });
});

describe('cell values', () => {
  it('rejects NUL, control and invisible characters, garbled text and absurd amounts, with the cell', async () => {
    const rows = [
      goodRow({ person_id: 'A', last_name: 'Ахме\u0000това' }),
      goodRow({ person_id: 'B', first_name: 'Али\u200Bя' }),
      goodRow({ person_id: 'C', middle_name: 'Сер\u202Eгеевна' }),
      goodRow({ person_id: 'D', last_name: 'РђС…РјРµС‚РѕРІР°' }),
      goodRow({ person_id: 'E', last_name: 'Ахм\uFFFDтова' }),
      goodRow({ person_id: 'F', civil_claim_amount: '9'.repeat(40) }),
      goodRow({ person_id: 'G', civil_claim_amount: '1e9' }),
      goodRow({ person_id: 'H', civil_claim_amount: '125 000,50' }),
      goodRow({ person_id: 'I', civil_claim_paid: '12.345' }),
      goodRow({ person_id: 'J', facility: 'x'.repeat(300) }),
      goodRow({ person_id: 'K', last_name: '#N/A' }),
    ];
    const file = path('values.csv');
    writeFileSync(file, csvText(rows));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.accepted).toBe(0);
    expect(r.issues.map((i) => `${i.row}:${i.column}:${i.rule}`)).toEqual([
      '2:last_name:text.control_character',
      '3:first_name:text.control_character',
      '4:middle_name:text.control_character',
      '5:last_name:text.mojibake',
      '6:last_name:text.replacement_character',
      '7:civil_claim_amount:amount',
      '8:civil_claim_amount:amount',
      '9:civil_claim_amount:amount',
      '10:civil_claim_paid:amount',
      '11:facility:text.too_long',
      '12:last_name:cell.error',
    ]);
    expect(renderMessage(r.issues[0]!.message, 'en')).toMatch(/U\+0000 at position 5/);
  });

  it('rejects one ИИН under two person_ids, a child born before the parent, a sentence ending before birth', async () => {
    const rows = [
      goodRow({ person_id: 'P1' }),
      goodRow({ person_id: 'P9' }),
      goodRow({ person_id: 'C1', iin: '', children_birth_dates: '1970-01-01' }),
      goodRow({ person_id: 'C2', iin: '', offence_date: '', sentence_start: '', sentence_end: '1978-01-01' }),
      goodRow({ person_id: 'C3', iin: '', children_birth_dates: '1985-01-01' }),
    ];
    const file = path('identity.csv');
    writeFileSync(file, csvText(rows));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues.map((i) => `${i.row}:${i.column}:${i.rule}:${i.severity}`)).toEqual([
      '3:iin:iin.duplicate:error',
      '4:children_birth_dates:children.before_parent:error',
      '5:sentence_end:dates.order:error',
      '6:children_birth_dates:children.parent_age:warning',
    ]);
    expect(renderMessage(r.issues[0]!.message, 'en')).toMatch(/person_id P1 on row 2/);
    expect(r.registry.personId).toEqual(['P1', 'C3']);
  });

  it('reads back text that was escaped against spreadsheet formulas', async () => {
    const iin = makeIin(19900101, 'M', 5).iin;
    const row = goodRow({ person_id: "'=P1", iin, sex: 'M', birth_date: '1990-01-01', children_birth_dates: 'none', last_name: "'-Ли", first_name: "''=x", facility: "'@W" });
    const file = path('escaped.csv');
    writeFileSync(file, csvText([row]));
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.issues).toEqual([]);
    expect(r.registry.record(0)).toMatchObject({ personId: '=P1', lastName: '-Ли', firstName: "'=x", facility: '@W' });
  });
});

describe('import options', () => {
  it('stops when its signal is aborted, and takes a fixed delimiter and encoding', async () => {
    const file = path('options.csv');
    writeEncoded(file, csvText(persons(), { delimiter: ';' }), 'windows-1251');
    const stop = new AbortController();
    stop.abort(new Error('upload cancelled'));
    await expect(importRegistryFile(law.criminalCode, file, { signal: stop.signal })).rejects.toThrow('upload cancelled');
    const fixed = await importRegistryFile(law.criminalCode, file, { delimiter: ';', encoding: 'windows-1251' });
    expect(accepted(fixed)).toEqual(persons());
    const wrong = await importRegistryFile(law.criminalCode, file, { delimiter: ',', encoding: 'windows-1251' });
    expect(wrong.accepted).toBe(0);
    expect(renderMessage(wrong.fileIssues[0]!.message, 'en')).toMatch(/separated by semicolon, not comma/);
  });
});

/** Windows-1251 bytes of a text. */
function require_cp1251(text: string): Buffer {
  const map = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя';
  return Buffer.from([...text].map((c) => 0xc0 + map.indexOf(c)));
}
