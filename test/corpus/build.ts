/**
 * A corpus of malformed inputs, each with what the command line must do with it: the exit code, a
 * located message, and (for registries) exactly which persons are accepted. Registries, workbooks,
 * snapshots, acts, data files and options, as institutions and users get them wrong.
 *
 *   npx tsx test/corpus/build.ts <folder>    writes the corpus and its cases.json into <folder>
 *
 * test/corpus/corpus.test.ts builds it in a temporary folder and runs the command line over it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadLaw } from '../../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../../src/paths.ts';
import { registryOf } from '../../src/registry/registry.ts';
import { saveSnapshot } from '../../src/registry/snapshot.ts';
import { parseRow, rowSchema } from '../../src/registry/row.ts';
import { csvText, goodRow, persons, sheetRows, writeEncoded, writeXlsx, type Row } from '../../src/registry/testing/files.ts';
import { CONTRACT_COLUMNS, type PersonRecord } from '../../src/registry/record.ts';

export interface CorpusCase {
  id: string;
  /** The command line after `amnestia`. */
  args: string[];
  /** The exit code it must end with. */
  exit: number;
  /** A pattern the output (standard error and standard output) must hold. */
  message: string;
  /** The message must say where: the file and a line, row, cell, byte or JSON path (not for option errors). */
  located: boolean;
  /** For a registry file: the persons an import must accept, exactly (ids of persons()), with the worksheet to read. */
  registry?: { file: string; sheet?: string; persons: string[] };
  /** A file that must be left exactly as it was. */
  unchanged?: { file: string; sha256: string };
}

const P = persons();
const ALL = P.map((p) => p.person_id);
const col = (c: string) => CONTRACT_COLUMNS.indexOf(c as (typeof CONTRACT_COLUMNS)[number]);
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

function lines(rows: Row[], o: Parameters<typeof csvText>[1] = {}): string[] {
  return csvText(rows, o).split(o.eol ?? '\n');
}

function actText(body: string): string {
  return `id: corpus-act
title: { kk: т, ru: т, en: t }
source: { text: test, verified: false }
status: draft
entry_into_force: 2025-02-01
execution_end: 2025-07-31
combine: { rule: first_match, text: t }
${body}`;
}
const clause = (when: string) => `clauses:\n  - id: c1\n    ref: "1"\n    text: { kk: т, ru: т }\n    when: ${when}\n    measure: { type: release }\n`;

export async function buildCorpus(dir: string): Promise<CorpusCase[]> {
  mkdirSync(dir, { recursive: true });
  const f = (name: string) => join(dir, name);
  const cases: CorpusCase[] = [];
  const registry = (id: string, file: string, exit: number, message: string, accepted: string[], extra: Partial<CorpusCase> = {}) =>
    cases.push({ id, args: ['check', file, '--lang', 'en'], exit, message, located: exit !== 0, registry: { file, persons: accepted }, ...extra });
  const refused = (id: string, file: string, message: string) => cases.push({ id, args: ['check', file, '--lang', 'en'], exit: 3, message, located: true });

  // ---------------------------------------------------------------- CSV: encodings and delimiters
  writeFileSync(f('ok.csv'), csvText(P));
  registry('csv.ok', f('ok.csv'), 0, 'accepted: 4', ALL);
  writeEncoded(f('excel-utf8-semicolon.csv'), csvText(P, { delimiter: ';', eol: '\r\n' }), 'utf-8', true);
  registry('csv.semicolon-bom-crlf', f('excel-utf8-semicolon.csv'), 0, 'semicolon delimiter', ALL);
  writeEncoded(f('excel-1251.csv'), csvText(P, { delimiter: ';', eol: '\r\n' }), 'windows-1251');
  registry('csv.windows-1251', f('excel-1251.csv'), 0, 'WINDOWS-1251 encoding', ALL);
  writeEncoded(f('unicode-text.txt'), csvText(P, { delimiter: '\t', eol: '\r\n' }), 'utf-16le', true);
  registry('csv.utf16le-tab', f('unicode-text.txt'), 0, 'UTF-16LE encoding, tab delimiter', ALL);
  writeEncoded(f('utf16be.tsv'), csvText(P, { delimiter: '\t' }), 'utf-16be');
  registry('csv.utf16be-no-bom', f('utf16be.tsv'), 0, 'UTF-16BE', ALL);
  writeFileSync(f('cr.csv'), csvText(P, { eol: '\r', quoteAll: true }));
  registry('csv.cr-quoted', f('cr.csv'), 0, 'accepted: 4', ALL);
  writeEncoded(f('koi8.csv'), csvText(P, { delimiter: ';' }), 'koi8-r');
  refused('csv.koi8-r', f('koi8.csv'), 'encoding.unknown');
  writeEncoded(f('dos.csv'), csvText(P, { delimiter: ';' }), 'cp866');
  refused('csv.cp866', f('dos.csv'), 'encoding.unknown');
  writeFileSync(f('pipe.csv'), csvText(P, { delimiter: '|' }));
  registry('csv.pipe-delimiter', f('pipe.csv'), 1, 'separated by "\\|"', []);
  {
    const many = Array.from({ length: 400 }, (_, i) => goodRow({ person_id: `X${i}`, iin: '' }));
    writeFileSync(f('mixed-encoding.csv'), Buffer.concat([Buffer.from(csvText(many)), Buffer.from('Y1,,'), Buffer.from([0xc8, 0xe2, 0xe0, 0xed]), Buffer.from(`${','.repeat(29)}\n`)]));
    refused('csv.mixed-encoding', f('mixed-encoding.csv'), ':402.*encoding.invalid');
  }

  // ---------------------------------------------------------------- CSV: not text at all
  writeFileSync(f('gzip.csv'), gzipSync(csvText(P)));
  refused('csv.gzip', f('gzip.csv'), 'file.compressed');
  writeFileSync(f('zip.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
  refused('csv.zip', f('zip.csv'), 'file.not_text');
  writeFileSync(f('random.csv'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
  refused('csv.binary', f('random.csv'), 'file.binary');
  symlinkSync('/dev/zero', f('zero.csv'));
  refused('csv.dev-zero', f('zero.csv'), 'file.binary');
  symlinkSync('/dev/urandom', f('urandom.csv'));
  refused('csv.dev-urandom', f('urandom.csv'), 'file\\.binary|encoding\\.unknown');
  writeFileSync(f('utf32.csv'), Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
  refused('csv.utf32', f('utf32.csv'), 'encoding.unsupported');
  writeFileSync(f('long-line.csv'), `${csvText([])}${'x'.repeat(2 * 1024 * 1024)}`);
  refused('csv.long-line', f('long-line.csv'), 'file.line_too_long');
  mkdirSync(f('folder.csv'));
  refused('csv.folder', f('folder.csv'), 'file.directory');
  refused('csv.missing', f('missing.csv'), 'file.missing');
  writeFileSync(f('registry.json'), '[]');
  refused('file.unknown-type', f('registry.json'), 'file.type');
  writeFileSync(f('snapshot-named.csv'), Buffer.concat([Buffer.from('AMNREG02'), Buffer.alloc(64)]));
  refused('csv.snapshot-named-csv', f('snapshot-named.csv'), 'file.not_text');

  // ---------------------------------------------------------------- CSV: records
  writeFileSync(f('empty.csv'), '');
  registry('csv.empty', f('empty.csv'), 1, 'file.empty', []);
  writeFileSync(f('header-only.csv'), csvText([]));
  registry('csv.header-only', f('header-only.csv'), 0, 'Rows: 0', []);
  {
    const l = lines(P);
    l[2] = l[2]!.replace('Кенжебаев', '"Кенжебаев');
    writeFileSync(f('unclosed-quote.csv'), l.join('\n'));
    registry('csv.unclosed-quote', f('unclosed-quote.csv'), 1, 'row 3.*csv.unclosed_quote', ['P1', 'P3', 'P4']);
  }
  {
    const l = lines(P);
    l[4] = l[4]!.replace('Семёнов', '"Семёнов');
    writeFileSync(f('unclosed-quote-last.csv'), l.join('\n'));
    registry('csv.unclosed-quote-last-row', f('unclosed-quote-last.csv'), 1, 'row 5.*csv.unclosed_quote', ['P1', 'P2', 'P3']);
  }
  {
    const l = lines(P);
    l[2] = l[2]!.replace('Кенжебаев', 'Кенже"баев');
    l[3] = l[3]!.replace('Сулейменова', '"Сулеймен"ова');
    writeFileSync(f('stray-quote.csv'), l.join('\n'));
    registry('csv.stray-quote', f('stray-quote.csv'), 1, 'row 3.*csv.stray_quote', ['P1', 'P4']);
  }
  {
    const l = lines(P);
    l[2] = l[2]!.replace(/,[^,]*$/, '');
    l[3] = `${l[3]},extra`;
    writeFileSync(f('cell-count.csv'), l.join('\n'));
    registry('csv.cell-count', f('cell-count.csv'), 1, `row 3.*${CONTRACT_COLUMNS.length - 1} cells, the header ${CONTRACT_COLUMNS.length}`, ['P1', 'P4']);
  }
  {
    const body = csvText([P[0]!, { ...P[1]!, last_name: 'Кенже\nбаев' }, P[2]!, P[3]!]).replace('\nP3', '\n\n,,,\n\nP3');
    writeFileSync(f('physical-lines.csv'), `\n${body}`);
    registry('csv.physical-lines', f('physical-lines.csv'), 1, 'row 4, column last_name.*text.control_character', ['P1', 'P3', 'P4']);
  }
  {
    const header = CONTRACT_COLUMNS.map((c) => (c === 'sex' ? 'person_id' : c));
    writeFileSync(f('duplicate-header.csv'), csvText(P, { columns: header }));
    registry('csv.duplicate-header', f('duplicate-header.csv'), 1, 'header.duplicate_columns', []);
    writeFileSync(f('missing-columns.csv'), csvText(P, { columns: CONTRACT_COLUMNS.filter((c) => c !== 'articles') }));
    registry('csv.missing-columns', f('missing-columns.csv'), 1, 'missing columns: articles', []);
  }
  {
    const l = lines(P);
    l[1] = l[1]!.replace('Ахметова', 'Ахме\u0000това');
    l[2] = l[2]!.replace('Арман', 'Ар\u0007ман');
    l[3] = l[3]!.replace('Дана', 'Да\u202Eна');
    writeFileSync(f('control-characters.csv'), l.join('\n'));
    registry('csv.control-characters', f('control-characters.csv'), 1, 'U\\+0000', ['P4']);
  }
  {
    const rows = [goodRow({ person_id: 'M1', last_name: 'РђС…РјРµС‚РѕРІР°' }), goodRow({ person_id: 'M2', iin: '', last_name: 'Ð•Ñ€Ð¼ÐµÐºÐ¾Ð²Ð°' }), goodRow({ person_id: 'M3', iin: '', first_name: 'Ал\uFFFDя' }), P[1]!];
    writeFileSync(f('garbled.csv'), csvText(rows));
    registry('csv.garbled-text', f('garbled.csv'), 1, 'text.mojibake', ['P2']);
  }
  {
    const rows = [
      goodRow({ person_id: 'A1', civil_claim_amount: '9'.repeat(40) }),
      goodRow({ person_id: 'A2', iin: '', civil_claim_amount: '1e308' }),
      goodRow({ person_id: 'A3', iin: '', civil_claim_amount: '125 000,50' }),
      goodRow({ person_id: 'A4', iin: '', civil_claim_amount: '-5' }),
      goodRow({ person_id: 'A5', iin: '', imposed_term_months: '99999999999' }),
      goodRow({ person_id: 'A6', iin: '', civil_claim_amount: 'Infinity' }),
      P[1]!,
    ];
    writeFileSync(f('amounts.csv'), csvText(rows));
    registry('csv.absurd-amounts', f('amounts.csv'), 1, 'row 2, column civil_claim_amount', ['P2']);
  }
  {
    const rows = [P[0]!, { ...P[0]!, person_id: 'P9' }, goodRow({ person_id: 'C1', iin: '', children_birth_dates: '1970-01-01' }), goodRow({ person_id: 'C2', iin: '', offence_date: '', sentence_start: '', sentence_end: '1978-01-01' }), P[1]!];
    writeFileSync(f('identity.csv'), csvText(rows));
    registry('csv.identity', f('identity.csv'), 1, 'iin.duplicate', ['P1', 'P2']);
    writeFileSync(f('same-id.csv'), csvText([P[0]!, { ...P[1]!, person_id: 'P1' }]));
    registry('csv.duplicate-person-id', f('same-id.csv'), 1, 'person_id.duplicate', ['P1']);
  }
  {
    const rows = [goodRow({ person_id: 'S1', last_name: '#N/A' }), goodRow({ person_id: 'S2', iin: '', birth_date: '07.09.1979' }), goodRow({ person_id: 'S3', iin: '', sex: 'Female' }), P[1]!];
    writeFileSync(f('spreadsheet-artefacts.csv'), csvText(rows));
    registry('csv.spreadsheet-artefacts', f('spreadsheet-artefacts.csv'), 1, 'cell.error', ['P2']);
  }
  {
    const l = lines(P);
    writeFileSync(f('trailing-empty-rows.csv'), `${l.join('\n')}${',,,,\n'.repeat(3)};;;;\n`);
    registry('csv.trailing-empty-rows', f('trailing-empty-rows.csv'), 1, 'row.cell_count', ALL);
  }

  // ---------------------------------------------------------------- XLSX
  await writeXlsx(f('ok.xlsx'), [{ name: 'Реестр', rows: sheetRows(P) }]);
  registry('xlsx.ok', f('ok.xlsx'), 0, 'worksheet "Реестр" read', ALL);
  {
    const rows = sheetRows(P);
    rows[1]![col('birth_date')] = new Date(Date.UTC(1979, 2, 3));
    rows[1]![col('imposed_term_months')] = { formula: '12*4', result: 48 };
    rows[2]![col('last_name')] = { formula: '"Кенже"&"баев"', result: 'Кенжебаев' };
    rows[3]![col('iin')] = Number(P[2]!.iin);
    await writeXlsx(f('formulas-cached.xlsx'), [{ name: 'registry', rows }]);
    registry('xlsx.formulas-with-values', f('formulas-cached.xlsx'), 0, 'accepted: 4', ALL);
  }
  {
    const rows = sheetRows(P);
    rows[1]![col('imposed_term_months')] = { formula: 'B2*4' } as never;
    rows[2]![col('civil_claim_amount')] = { error: '#REF!' } as never;
    rows[3]![CONTRACT_COLUMNS.length + 2] = 'shifted';
    await writeXlsx(f('bad-cells.xlsx'), [{ name: 'registry', rows }]);
    registry('xlsx.bad-cells', f('bad-cells.xlsx'), 1, 'row 2 \\(cell P2\\).*cell.formula_without_value', ['P4']);
  }
  {
    const rows = sheetRows([P[0]!, { ...P[1]!, region: P[0]!.region }, P[2]!, P[3]!]);
    const region = String.fromCharCode(65 + col('region'));
    await writeXlsx(f('merged.xlsx'), [{ name: 'registry', rows, merge: [`${region}2:${region}3`] }]);
    registry('xlsx.merged-cells', f('merged.xlsx'), 1, `row 3 \\(cell ${region}3\\).*xlsx.merged_cells`, ['P1', 'P3', 'P4']);
  }
  await writeXlsx(f('sheets.xlsx'), [
    { name: 'old', state: 'hidden', rows: sheetRows([P[3]!]) },
    { name: 'registry', rows: sheetRows([P[0]!, P[1]!]) },
    { name: 'more', rows: sheetRows([P[2]!]) },
  ]);
  registry('xlsx.other-sheets-reported', f('sheets.xlsx'), 0, 'xlsx.other_sheets', ['P1', 'P2']);
  cases.push({ id: 'xlsx.hidden-sheet-named', args: ['check', f('sheets.xlsx'), '--sheet', 'old', '--lang', 'en'], exit: 0, message: 'worksheet "old" read', located: false, registry: { file: f('sheets.xlsx'), sheet: 'old', persons: ['P4'] } });
  cases.push({ id: 'xlsx.no-such-sheet', args: ['check', f('sheets.xlsx'), '--sheet', 'Лист1', '--lang', 'en'], exit: 3, message: 'xlsx.no_such_sheet', located: true });
  await writeXlsx(f('only-hidden.xlsx'), [
    { name: 'blank', rows: [] },
    { name: 'data', state: 'veryHidden', rows: sheetRows(P) },
  ]);
  registry('xlsx.only-hidden', f('only-hidden.xlsx'), 1, 'xlsx.only_hidden_sheets', []);
  await writeXlsx(f('no-rows.xlsx'), [{ name: 'empty', rows: [] }]);
  registry('xlsx.no-rows', f('no-rows.xlsx'), 1, 'file.empty', []);
  {
    const good = readFileSync(f('ok.xlsx'));
    writeFileSync(f('truncated.xlsx'), good.subarray(0, Math.floor(good.length * 0.6)));
    refused('xlsx.truncated', f('truncated.xlsx'), 'xlsx.truncated');
    const damaged = Buffer.from(good);
    for (let i = 300; i < damaged.length - 600; i += 61) damaged[i] = damaged[i]! ^ 0xa5;
    writeFileSync(f('damaged.xlsx'), damaged);
    refused('xlsx.damaged', f('damaged.xlsx'), 'xlsx.corrupt');
  }
  writeFileSync(f('csv-named.xlsx'), csvText(P));
  refused('xlsx.csv-named-xlsx', f('csv-named.xlsx'), 'xlsx.not_zip');
  writeFileSync(f('empty.xlsx'), '');
  refused('xlsx.empty-file', f('empty.xlsx'), 'xlsx.not_zip');
  writeFileSync(f('old-excel.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]));
  refused('xlsx.xls-named-xlsx', f('old-excel.xlsx'), 'xlsx.not_zip');
  writeFileSync(f('gzip.xlsx'), gzipSync(Buffer.from('x')));
  refused('xlsx.gzip', f('gzip.xlsx'), 'xlsx.not_zip');

  // ---------------------------------------------------------------- snapshots
  {
    const law = loadLaw();
    const schema = rowSchema(law.criminalCode);
    const records = P.map((r, i) => parseRow(schema, r, i + 2).record as PersonRecord);
    const snap = f('ok.amnreg');
    saveSnapshot(registryOf(law.criminalCode, records), snap);
    registry('snapshot.ok', snap, 0, 'snapshot verified: 4 persons', ALL);
    const bytes = readFileSync(snap);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] = flipped[flipped.length - 20]! ^ 1;
    writeFileSync(f('flipped.amnreg'), flipped);
    refused('snapshot.flipped-byte', f('flipped.amnreg'), 'snapshot.checksum');
    writeFileSync(f('cut.amnreg'), bytes.subarray(0, bytes.length - 64));
    refused('snapshot.cut-off', f('cut.amnreg'), 'snapshot.size');
    writeFileSync(f('v1.amnreg'), Buffer.concat([Buffer.from('AMNREG01'), bytes.subarray(8)]));
    refused('snapshot.old-version', f('v1.amnreg'), 'snapshot.version');
    writeFileSync(f('text.amnreg'), csvText(P));
    refused('snapshot.not-a-snapshot', f('text.amnreg'), 'snapshot.not_snapshot');
    writeFileSync(f('tiny.amnreg'), 'AMNREG');
    refused('snapshot.tiny', f('tiny.amnreg'), 'snapshot.truncated');
    // An edited derived column with the checksum computed again.
    const h = bytes.readUInt32LE(8);
    const header = JSON.parse(bytes.subarray(44, 44 + h).toString('utf8')) as { columns: { name: string; offset: number }[] };
    const start = (44 + h + 7) & ~7;
    const forged = Buffer.from(bytes);
    const gravity = header.columns.find((c) => c.name === 'gravity')!;
    forged[start + gravity.offset] = (forged[start + gravity.offset]! + 1) % 4;
    createHash('sha256').update(forged.subarray(44)).digest().copy(forged, 12);
    writeFileSync(f('forged.amnreg'), forged);
    refused('snapshot.forged-derived', f('forged.amnreg'), 'snapshot.derived');
  }

  // ---------------------------------------------------------------- acts
  const act = (id: string, text: string | Buffer, exit: number, message: string) => {
    const folder = f(`act-${id}`);
    mkdirSync(folder);
    // An act's id is the name of its folder.
    writeFileSync(join(folder, 'act.yaml'), typeof text === 'string' ? text.replace('id: corpus-act', `id: act-${id}`) : text);
    cases.push({ id: `act.${id}`, args: ['validate', folder, '--no-sample', '--lang', 'en'], exit, message, located: exit !== 0 });
  };
  act('yaml-syntax', actText(clause('"age >= 60"')).replace('status: draft', 'status: [draft'), 2, 'act.yaml:\\d+:\\d+');
  act('tab-indent', actText(clause('"age >= 60"')).replace('    ref: "1"', '\tref: "1"'), 2, 'act.yaml:\\d+:\\d+');
  act('duplicate-key', actText(clause('"age >= 60"')).replace('status: draft', 'status: draft\nstatus: law'), 2, 'act.yaml:\\d+:\\d+');
  act(
    'alias-bomb',
    ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 7 }, (_, i) => `${'bcdefgh'[i]}: &${'bcdefgh'[i]} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n'),
    2,
    'act.yaml:2:\\d+.*aliases',
  );
  act('deep-nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 2, 'act.yaml');
  act('condition-nesting', actText(clause(`${'{ not: '.repeat(40)}"age >= 50"${' }'.repeat(40)}`)), 2, 'nests all / any / not 40 deep');
  act('number-overflow', actText(clause('"imposed_term_months >= 1' + '0'.repeat(30) + '"')), 2, 'too large.*column');
  act('many-comparisons', actText(clause(`{ any: [${Array.from({ length: 3000 }, (_, i) => `"age >= ${i % 90}"`).join(', ')}] }`)), 2, '3,0\\d\\d comparisons');
  act('definition-like-fact', actText(`definitions:\n  age:\n    when: "sex = F"\n${clause('age')}`), 2, '\\$\\.definitions\\.age: the definition age has the name of a fact');
  act('binary', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0, 0, 0, 1, 2]), 3, 'file.binary');
  act('windows-1251', Buffer.concat([Buffer.from('id: x\ntitle: '), Buffer.from([0xc0, 0xec, 0xed, 0xe8]), Buffer.from('\n')]), 3, 'act.yaml:2.*encoding.invalid');
  act(
    'all-that-apply-40',
    actText(`clauses:\n${Array.from({ length: 40 }, (_, i) => `  - id: c${i}\n    ref: "${i}"\n    text: { kk: т, ru: т }\n    when: "age >= ${i}"\n    measure: { type: reduce_months, months: 1 }\n`).join('')}`).replace('rule: first_match', 'rule: all_that_apply'),
    0,
    'the act is valid — 40 clauses',
  );
  cases.push({ id: 'act.missing', args: ['validate', f('no-such-act'), '--lang', 'en'], exit: 2, message: 'no act here', located: true });

  // ---------------------------------------------------------------- data files and options
  cases.push({ id: 'option.figures-missing', args: ['letter', '--figures', f('none.yaml'), '--lang', 'en'], exit: 3, message: 'none.yaml: no such file', located: true });
  cases.push({ id: 'option.facilities-missing', args: ['impact', '--facilities', f('none.yaml'), '--lang', 'en'], exit: 3, message: 'none.yaml: no such file', located: true });
  cases.push({ id: 'option.config-folder', args: ['impact', '--config', dir, '--lang', 'en'], exit: 3, message: 'is a folder', located: true });
  cases.push({ id: 'option.profile-missing', args: ['generate', '--profile', f('none.yaml'), '--out', f('gen.csv'), '--lang', 'en'], exit: 3, message: 'none.yaml: no such file', located: true });
  writeFileSync(f('facilities-bad.yaml'), 'synthetic: true\nsource: x\nregions: []\nfacilities:\n  - code: A\n    type: prison\n');
  cases.push({ id: 'option.facilities-invalid', args: ['impact', '--facilities', f('facilities-bad.yaml'), '--lang', 'en'], exit: 2, message: 'facilities-bad.yaml:\\d+:\\d+', located: true });
  cases.push({ id: 'option.limit-not-a-number', args: ['check', f('ok.csv'), '--limit', 'many', '--lang', 'en'], exit: 2, message: 'expected a whole number', located: false });
  cases.push({ id: 'option.grant-rate', args: ['impact', '--grant-rate', '1.5', '--lang', 'en'], exit: 2, message: 'expected a share from 0 to 1', located: false });
  cases.push({ id: 'option.unknown', args: ['check', f('ok.csv'), '--frobnicate', '--lang', 'en'], exit: 2, message: 'unknown option', located: false });
  cases.push({ id: 'option.unknown-command', args: ['frobnicate', '--lang', 'en'], exit: 2, message: 'unknown command', located: false });
  cases.push({ id: 'option.as-of-before-parameters', args: ['letter', '--as-of', '1990-01-01', '--lang', 'en'], exit: 2, message: 'has no value on 1990-01-01', located: false });
  cases.push({ id: 'option.rejected-registry', args: ['letter', '--registry', f('stray-quote.csv'), '--lang', 'en'], exit: 1, message: '2 rows rejected', located: false });
  cases.push({ id: 'option.unreadable-registry', args: ['evaluate', '--act', 'kz-2025-sex-neutral', '--registry', f('gzip.csv')], exit: 3, message: 'file.compressed', located: true });

  // ---------------------------------------------------------------- outputs
  {
    const input = f('input-registry.csv');
    cpSync(f('ok.csv'), input);
    cases.push({
      id: 'output.equal-to-input',
      args: ['evaluate', '--act', 'kz-2025-sex-neutral', '--registry', input, '--out', input],
      exit: 4,
      message: 'output.is_input',
      located: true,
      unchanged: { file: input, sha256: sha(input) },
    });
    const actFile = resolve(DEFAULT_PATHS.acts, 'kz-2025-sex-neutral', 'act.yaml');
    cases.push({
      id: 'output.over-the-act',
      args: ['evaluate', '--act', actFile, '--registry', input, '--out', actFile, '--format', 'csv'],
      exit: 4,
      message: 'output.is_input',
      located: true,
      unchanged: { file: actFile, sha256: sha(actFile) },
    });
    cases.push({ id: 'output.folder-missing', args: ['evaluate', '--act', 'kz-2025-sex-neutral', '--registry', input, '--out', f('no/such/folder/out.jsonl')], exit: 4, message: 'output.folder_missing', located: true });
    cases.push({ id: 'output.is-folder', args: ['generate', '--persons', '10', '--out', dir], exit: 4, message: 'output.is_folder', located: true });
    cases.push({ id: 'output.changes-over-registry', args: ['impact', '--registry', input, '--compare', 'kz-2025-sex-neutral', '--changes-csv', input], exit: 4, message: 'output.is_input', located: true, unchanged: { file: input, sha256: sha(input) } });
    mkdirSync(f('profiles'));
    mkdirSync(f('data'), { recursive: true });
    const profile = f('profiles/profile-copy.yaml');
    cpSync(DEFAULT_PATHS.profile, profile);
    cpSync(DEFAULT_PATHS.facilities, f('data/facilities-kz.yaml'));
    cases.push({ id: 'output.generate-over-profile', args: ['generate', '--profile', profile, '--out', profile, '--persons', '10'], exit: 4, message: 'output.is_input', located: true, unchanged: { file: profile, sha256: sha(profile) } });
  }
  return cases;
}

// Run directly: write the corpus into a folder.
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  const out = resolve(process.argv[2] ?? join(PROJECT_ROOT, 'malformed-corpus'));
  const cases = await buildCorpus(out);
  writeFileSync(join(out, 'cases.json'), `${JSON.stringify(cases, null, 2)}\n`);
  process.stdout.write(`${cases.length} cases written to ${out}\n`);
}
