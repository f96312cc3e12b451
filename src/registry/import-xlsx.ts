/**
 * Reading a registry workbook (XLSX) with exceljs's streaming reader, fed part by part from the
 * archive's central directory (workbookParts), so that a workbook of half a million rows is read in
 * bounded memory (bench/xlsx-import.ts).
 *
 * - The worksheet read is the one named by `sheet`, or else the first visible worksheet that has
 *   rows, in tab order. Hidden worksheets are read only when named. Every
 *   other worksheet with rows is reported (`xlsx.other_sheets`), so that no sheet is skipped unseen.
 * - A formula cell gives its saved result; a formula without one, an error value (#N/A, #REF!, …)
 *   or a value of an unknown kind rejects the row with the cell's address, never read as text.
 * - A workbook that is not a ZIP archive, is cut off or is corrupt is refused (exit code 3).
 * See docs/data-contract.md, "XLSX".
 */
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import unzipper from 'unzipper';
import { UnreadableFileError, UserError } from '../domain/errors.ts';
import { firstLine } from '../domain/lookup.ts';
import { listOf, msg, type Message } from '../i18n/message.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import type { ContractColumn } from './record.ts';
import { RegistryImporter, type ImportOptions, type ImportResult, type ImportSource, type RowIssue } from './importer.ts';

type SheetState = 'visible' | 'hidden' | 'veryHidden';
type SheetInfo = Extract<ImportSource, { format: 'xlsx' }>['sheets'][number];

/** A1-style letters of a 1-based column number. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** True when an Excel number format shows a date (exceljs's own test, which the streaming reader applies only to plain cells). */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial day → date (1900 system, or 1904 when the workbook says so). */
function excelSerialDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

export type CellRead = { text: string; number?: number } | { rule: string; message: Message };

/** The text of a cell, or why it cannot be read. */
export function readCell(value: ExcelJS.CellValue, numFmt: string | undefined, date1904: boolean): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1 || value.getUTCFullYear() > 9999) return { rule: 'cell.date', message: msg('registry.cell_not_date') };
    return { text: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { rule: 'cell.number', message: msg('registry.cell_number', { value: String(value) }) };
    return { text: String(value), number: value };
  }
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'object') {
    if ('error' in value) return { rule: 'cell.error', message: msg('registry.error_value', { value: String((value as { error: unknown }).error) }) };
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as { formula?: string; sharedFormula?: string; result?: unknown };
      const formula = f.formula ?? msg('registry.shared_formula', { cell: f.sharedFormula ?? '?' });
      const result = f.result;
      if (result === undefined || result === null)
        return { rule: 'cell.formula_without_value', message: msg('registry.formula_no_value', { formula }) };
      if (typeof result === 'number' && Number.isNaN(result)) return { rule: 'cell.error', message: msg('registry.formula_error', { formula }) };
      if (typeof result === 'object' && result !== null && 'error' in result) return { rule: 'cell.error', message: msg('registry.formula_error_value', { formula, value: String((result as { error: unknown }).error) }) };
      if (typeof result === 'number' && isDateFormat(numFmt)) return readCell(excelSerialDate(result, date1904), undefined, date1904);
      return readCell(result as ExcelJS.CellValue, numFmt, date1904);
    }
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      if (typeof t === 'string') return { text: t };
      if (t && typeof t === 'object' && 'richText' in t) return readCell(t as ExcelJS.CellValue, numFmt, date1904);
    }
  }
  return { rule: 'cell.unreadable', message: msg('registry.cell_unreadable') };
}

/** Refuses what is not a complete ZIP archive before streaming it: not a workbook, or cut off. */
function checkZip(file: string, size: number): void {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    readSync(fd, head, 0, 8, 0);
    const sig = head.readUInt32BE(0);
    if (size === 0) throw new UnreadableFileError(file, 'xlsx.not_zip', msg('file.xlsx_empty'));
    if (head[0] === 0x1f && head[1] === 0x8b) throw new UnreadableFileError(file, 'xlsx.not_zip', msg('file.xlsx_gzip'));
    if (sig === 0xd0cf11e0) throw new UnreadableFileError(file, 'xlsx.not_zip', msg('file.xlsx_xls'));
    if (sig !== 0x504b0304) throw new UnreadableFileError(file, 'xlsx.not_zip', msg('file.xlsx_not_zip'), { byte: 0 });
    // The end-of-central-directory record closes every complete ZIP archive: its absence means the file was cut off.
    const tail = Math.min(size, 65_557);
    const buf = Buffer.alloc(tail);
    readSync(fd, buf, 0, tail, size - tail);
    let found = false;
    for (let i = tail - 22; i >= 0; i--)
      if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
        found = true;
        break;
      }
    if (!found) throw new UnreadableFileError(file, 'xlsx.truncated', msg('file.xlsx_truncated', { size }));
  } finally {
    closeSync(fd);
  }
}

interface SheetEntry {
  name: string;
  state: SheetState;
  /** N of xl/worksheets/sheetN.xml, the number exceljs's streaming reader knows a worksheet by. */
  sheetNo: string;
}

const xmlText = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? e,
  );
const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, name = '', value = '']) => [name, xmlText(value)]));

/** A merged range of cells (1-based, inclusive). */
interface Merge {
  ref: string;
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The merged ranges of a worksheet (`<mergeCell ref="B3:B5"/>`, after its rows), found by scanning its
 * XML as it is unpacked: exceljs's streaming reader skips them, and in a merged range only the first
 * cell holds the value — the others would be read as unknown.
 */
async function mergedRanges(file: string, zip: JSZip, sheetNo: string): Promise<Merge[]> {
  const entry = zip.file(`xl/worksheets/sheet${sheetNo}.xml`);
  if (!entry) return [];
  const out: Merge[] = [];
  let tail = '';
  await new Promise<void>((resolve, reject) => {
    entry
      .nodeStream('nodebuffer')
      .on('data', (chunk: Buffer) => {
        const text = tail + chunk.toString('latin1');
        for (const [, col1 = '', row1, col2 = '', row2] of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g))
          out.push({ ref: `${col1}${row1}:${col2}${row2}`, c1: columnNumber(col1), r1: Number(row1), c2: columnNumber(col2), r2: Number(row2) });
        const cut = text.lastIndexOf('<');
        tail = cut >= 0 && text.length - cut < 200 ? text.slice(cut) : '';
      })
      .on('error', reject)
      .on('end', () => resolve());
  }).catch((e: unknown) => {
    throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_part_unpack', { part: `sheet${sheetNo}.xml`, detail: e instanceof Error ? e.message : String(e) }));
  });
  return out;
}

/**
 * The worksheets in tab order and the merged cells of each that may be read (`sheet`, or every
 * visible one). The archive is let go before the rows are streamed, so it is not held in memory.
 */
async function workbookIndex(file: string, sheet: string | undefined): Promise<{ tabs: SheetEntry[]; merges: Map<string, Merge[]> }> {
  const { tabs, zip } = await workbookSheets(file);
  if (sheet !== undefined && !tabs.some((t) => t.name === sheet))
    throw new UnreadableFileError(file, 'xlsx.no_such_sheet', tabs.length > 0 ? msg('file.xlsx_no_such_sheet', { sheet, sheets: listOf(tabs.map((t) => `"${t.name}"`)) }) : msg('file.xlsx_no_such_sheet_none', { sheet }));
  const merges = new Map<string, Merge[]>();
  for (const t of tabs) if (sheet !== undefined ? t.name === sheet : t.state === 'visible') merges.set(t.sheetNo, await mergedRanges(file, zip, t.sheetNo));
  return { tabs, merges };
}

/** The worksheets in tab order, with their names and states, read from the workbook's own index. */
async function workbookSheets(file: string): Promise<{ tabs: SheetEntry[]; zip: JSZip }> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(readFileSync(file), { checkCRC32: false });
  } catch (e) {
    throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_zip_directory', { detail: e instanceof Error ? e.message : String(e) }));
  }
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (workbook === undefined || rels === undefined) throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_no_workbook'));
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a['Id'] && a['Target']) targets.set(a['Id'], { target: a['Target'], type: a['Type'] ?? '' });
  }
  const out: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const rel = targets.get(a['r:id'] ?? '');
    const name = a['name'] ?? '?';
    if (!rel) throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_sheet_no_part', { sheet: name }));
    if (!/\/worksheet$/.test(rel.type)) continue; // a chart sheet holds no rows
    const no = /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(rel.target)?.[1];
    if (no === undefined) throw new UnreadableFileError(file, 'xlsx.layout', msg('file.xlsx_sheet_layout', { sheet: name, target: rel.target }));
    if (!zip.file(`xl/worksheets/sheet${no}.xml`)) throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_sheet_missing', { sheet: name, part: `xl/worksheets/sheet${no}.xml` }));
    const state = a['state'] === 'hidden' || a['state'] === 'veryHidden' ? a['state'] : 'visible';
    out.push({ name, state, sheetNo: no });
  }
  return { tabs: out, zip };
}

export async function importXlsx(law: CriminalCode, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new UnreadableFileError(file, 'file.missing', msg('file.cannot_open', { code: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  checkZip(file, size);
  const { tabs, merges } = await workbookIndex(file, options.sheet);
  // Worksheets are read in tab order, so the first visible one with rows is the one imported.
  const pass = await readSheets(law, file, tabs, options.sheet ?? null, options, merges);
  const { importer, chosen } = pass;
  const sheets: SheetInfo[] = tabs.map((t) => ({ name: t.name, state: t.state, rows: pass.rows.get(t.sheetNo) ?? 0 }));
  if (sheets.length === 0) importer.fileIssue('error', 'file.empty', msg('registry.workbook_no_sheet'));
  else if (chosen === null) {
    const hidden = sheets.filter((s) => s.rows > 0);
    if (options.sheet !== undefined) importer.fileIssue('error', 'file.empty', msg('registry.sheet_no_rows', { sheet: options.sheet }));
    else if (hidden.length > 0)
      importer.fileIssue('error', 'xlsx.only_hidden_sheets', msg('registry.only_hidden_sheets', { sheets: listOf(hidden.map((s) => `"${s.name}" (${s.rows})`)) }));
    else importer.fileIssue('error', 'file.empty', msg('registry.no_sheet_rows'));
  }
  const others = sheets.filter((s) => s.name !== chosen && s.rows > 0);
  if (chosen !== null && others.length > 0)
    importer.fileIssue(
      'warning',
      'xlsx.other_sheets',
      msg('registry.other_sheets', { sheet: chosen, sheets: listOf(others.map((s) => `"${s.name}" (${s.rows}${s.state === 'visible' ? '' : `, ${s.state}`})`)) }),
    );
  return importer.finish({ format: 'xlsx', sheet: chosen, sheets }, options.shared);
}

/**
 * One streaming pass over the workbook's worksheets, in tab order: counts the rows of every worksheet
 * and imports the rows of `target` (by name), or, with no target, of the first visible worksheet
 * with rows.
 */
async function readSheets(law: CriminalCode, file: string, tabs: readonly SheetEntry[], target: string | null, options: ImportOptions, merges: ReadonlyMap<string, readonly Merge[]>) {
  const importer = new RegistryImporter(law, file, options.onIssue);
  const rows = new Map<string, number>();
  let chosen: string | null = null;
  let nextProgress = 50_000;
  try {
    const parts = await workbookParts(file);
    const reader = parts.reader;
    const date1904 = reader.properties?.model?.date1904 === true;
    const total = tabs.reduce((n, t) => n + (parts.size(`xl/worksheets/sheet${t.sheetNo}.xml`) ?? 0), 0);
    let done = 0;
    for (const tab of tabs) {
      const name = tab.name;
      rows.set(tab.sheetNo, 0);
      const wanted = target !== null ? name === target : tab.state === 'visible';
      let header: string[] | null = null;
      const merged = merges.get(tab.sheetNo) ?? [];
      const counted = new Counted();
      pipeline(parts.stream(`xl/worksheets/sheet${tab.sheetNo}.xml`), counted, (err) => err && counted.destroy(err));
      const w = worksheetRows(reader, counted, tab.sheetNo);
      for await (const row of w) {
        options.signal?.throwIfAborted();
        const read = new Map<number, CellRead>();
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const c = readCell(cell.value, cell.numFmt, date1904);
          if ('rule' in c || c.text.trim() !== '') read.set(col, c);
        });
        if (read.size === 0) continue;
        rows.set(tab.sheetNo, (rows.get(tab.sheetNo) ?? 0) + 1);
        if (!wanted || (chosen !== null && chosen !== name)) continue;
        chosen = name;
        if (header === null) {
          header = readXlsxHeader(importer, row.number, read);
          continue;
        }
        if (!readXlsxRow(importer, row.number, read, header, merged)) continue;
        if (options.onProgress && importer.rows >= nextProgress) {
          nextProgress += 50_000;
          options.onProgress(importer.rows, total > 0 ? Math.min(1, (done + counted.bytes) / total) : null);
        }
      }
      done += counted.bytes;
    }
  } catch (e) {
    if (e instanceof UserError || e === options.signal?.reason || (e instanceof Error && e.name === 'AbortError')) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_unreadable', { detail: firstLine(message) }));
  }
  return { importer, chosen, rows };
}

/** Counts the bytes of a worksheet's XML as they are unpacked (the progress of a pass). */
class Counted extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** The parts of exceljs's streaming reader used here: its parsers of single archive parts. */
interface ReaderParts {
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * exceljs's streaming reader, fed part by part from the archive's central directory. Its own pass
 * walks the archive in stored order and, when the worksheets come before the shared strings (as
 * Excel and exceljs store them), copies them to temporary files and reads them after; in that path
 * the archive's walk ends early now and then (about one read in thirty of a four-sheet workbook
 * lost the shared strings or the workbook part, src/registry/import-xlsx.test.ts "reads one
 * workbook alike every time"). Here the workbook's index, its shared strings and its styles are
 * read first, each from its own place in the file, then every worksheet is streamed from its own.
 * Nothing is copied and the archive is not held in memory.
 */
async function workbookParts(file: string): Promise<{ reader: ReaderParts; stream(path: string): Readable; size(path: string): number | null }> {
  const directory = await unzipper.Open.file(file);
  const byPath = new Map(directory.files.map((f) => [f.path, f]));
  const stream = (path: string): Readable => {
    const f = byPath.get(path);
    if (!f) throw new UnreadableFileError(file, 'xlsx.corrupt', msg('file.xlsx_part_missing', { part: path }));
    return f.stream();
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as ReaderParts;
  await reader._parseRels(stream('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(stream('xl/workbook.xml'));
  // a workbook with no text cells may have no shared strings, and one without styles no styles part
  if (byPath.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(stream('xl/sharedStrings.xml'))) void _;
  if (byPath.has('xl/styles.xml')) await reader._parseStyles(stream('xl/styles.xml'));
  return { reader, stream, size: (path) => byPath.get(path)?.uncompressedSize ?? null };
}

/** The rows of one worksheet, streamed. */
function worksheetRows(reader: ReaderParts, xml: Readable, sheetNo: string): AsyncIterable<ExcelJS.Row> {
  for (const ev of reader._parseWorksheet(xml, sheetNo)) if (ev.eventType === 'worksheet') return ev.value;
  throw new Error(`exceljs emitted no worksheet for sheet${sheetNo}.xml`);
}

/** The header row's names by column (a gap is a nameless column); unreadable cells reject the header. */
function readXlsxHeader(importer: RegistryImporter, rowNumber: number, read: ReadonlyMap<number, CellRead>): string[] {
  const names: string[] = [];
  const bad: { cell: string; message: Message }[] = [];
  for (const [col, r] of read) {
    if ('rule' in r) bad.push({ cell: `${columnLetters(col)}${rowNumber}`, message: r.message });
    else names[col - 1] = r.text.trim();
  }
  const header = Array.from({ length: names.length }, (_, i) => names[i] ?? '');
  const [first] = bad;
  if (first) importer.fileIssue('error', 'xlsx.header', msg('registry.header_unreadable', { row: rowNumber, n: bad.length, cell: first.cell, detail: first.message }));
  importer.header(bad.length > 0 ? [] : header);
  return header;
}

/**
 * A data row: rejected with its rule for an unreadable cell, a value under a nameless column or a
 * cell inside a merged range (false); else handed to the importer by column name (true).
 */
function readXlsxRow(importer: RegistryImporter, rowNumber: number, read: ReadonlyMap<number, CellRead>, h: string[], merged: readonly Merge[]): boolean {
  const at = (col: number) => `${columnLetters(col)}${rowNumber}`;
  const idCol = h.indexOf('person_id') + 1;
  const idRead = idCol > 0 ? read.get(idCol) : undefined;
  const personId = idRead && !('rule' in idRead) ? idRead.text.trim() : '';
  const problems: RowIssue[] = [];
  for (const [col, r] of read) {
    const column = (h[col - 1] ?? '') as ContractColumn | '';
    if ('rule' in r) problems.push({ severity: 'error' as const, row: rowNumber, column: column === '' ? null : column, value: '', rule: r.rule, message: r.message, cell: at(col) });
    else if (column === '')
      problems.push({ severity: 'error' as const, row: rowNumber, column: null, value: r.text, rule: 'row.unnamed_cell', message: msg('registry.unnamed_cell_at', { cell: at(col) }), cell: at(col) });
  }
  // A cell inside a merged range (other than its first) would be read empty: the row is rejected, never read with unknowns.
  for (const m of merged) {
    if (rowNumber < m.r1 || rowNumber > m.r2) continue;
    for (let c = m.c1; c <= Math.min(m.c2, h.length); c++) {
      if (c === m.c1 && rowNumber === m.r1) continue;
      if (h[c - 1] === '') continue;
      problems.push({
        severity: 'error' as const,
        row: rowNumber,
        column: h[c - 1] as ContractColumn,
        value: '',
        rule: 'xlsx.merged_cells',
        message: msg('registry.merged_cells', { ref: m.ref, first: `${columnLetters(m.c1)}${m.r1}`, cell: at(c) }),
        cell: at(c),
      });
      break;
    }
  }
  if (problems.length > 0) {
    if (personId) for (const p of problems) p.message = msg('registry.of_person', { message: p.message, id: JSON.stringify(personId.slice(0, 64)) });
    importer.rejectRow(problems);
    return false;
  }
  const cells: Record<string, string> = {};
  h.forEach((n, i) => {
    if (n === '') return;
    const r = read.get(i + 1) as { text: string; number?: number } | undefined;
    cells[n] = r?.text ?? '';
  });
  // A ИИН stored as a number loses its leading zero (persons born 2001–2009): 11 digits get it back.
  const iin = read.get(h.indexOf('iin') + 1) as { text: string; number?: number } | undefined;
  if (iin?.number !== undefined && /^\d{11}$/.test(iin.text)) cells['iin'] = `0${iin.text}`;
  importer.row(cells, rowNumber, (column) => {
    const k = h.indexOf(column);
    return k >= 0 ? at(k + 1) : undefined;
  });
  return true;
}
