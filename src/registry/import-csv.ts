/**
 * Reading a registry CSV file: the encoding and the delimiter are found from the first bytes and
 * the header, records are read with their physical lines, and each is checked as a row of the
 * data contract. See docs/data-contract.md, "CSV".
 */
import { createReadStream, statSync } from 'node:fs';
import { UnreadableFileError, UserError } from '../domain/errors.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import { msg, type Message } from '../i18n/message.ts';
import { CONTRACT_COLUMNS } from './record.ts';
import { RegistryImporter, type ImportOptions, type ImportResult } from './importer.ts';
import { SNIFF_BYTES, sniffText, ChunkDecoder, type Sniffed } from './csv/encoding.ts';
import { CsvTokenizer, delimiterName, detectDelimiter, firstLine, likelyOtherDelimiter, type CsvRecord, type Delimiter } from './csv/tokenizer.ts';

/** The first line with something on it (outside quotes), or null when it is not complete yet. */
function firstNonBlankLine(text: string, eof: boolean): string | null {
  let rest = text;
  for (;;) {
    const l = firstLine(rest, eof);
    if (l === null) return null;
    if (l.trim() !== '' || l.length >= rest.length) return l;
    rest = rest.slice(l.length + (rest[l.length] === '\r' && rest[l.length + 1] === '\n' ? 2 : 1));
  }
}

const PROGRESS_ROWS = 50_000;

export async function importCsv(law: CriminalCode, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const importer = new RegistryImporter(law, file, options.onIssue);
  const total = fileSize(file);
  let sniffed: Sniffed | null = null;
  let decoder: ChunkDecoder | null = null;
  let tokenizer: CsvTokenizer | null = null;
  let delimiter: Delimiter = options.delimiter ?? ',';
  let waiting = '';
  let header: string[] | null = null;
  let lines = 0;
  let bytes = 0;
  let nextProgress = PROGRESS_ROWS;

  const onRecords = (records: CsvRecord[]) => {
    for (const rec of records) {
      lines = rec.endLine;
      if (rec.error === null && rec.cells.every((c) => c.trim() === '')) continue; // a blank line, or a row of empty cells
      if (header === null) {
        header = readHeader(importer, rec, delimiter);
        continue;
      }
      if (!readRow(importer, rec, header, delimiter)) continue;
      if (options.onProgress && importer.rows >= nextProgress) {
        nextProgress += PROGRESS_ROWS;
        options.onProgress(importer.rows, total > 0 ? bytes / total : null);
      }
    }
  };

  /** Decoded text: held until the header line is complete (to find the delimiter), then tokenized. */
  const onText = (text: string, eof: boolean) => {
    if (tokenizer === null) {
      waiting += text;
      const line = firstNonBlankLine(waiting, eof);
      if (line === null) {
        if (waiting.length > 1024 * 1024)
          throw new UnreadableFileError(file, 'file.line_too_long', msg('file.first_line_too_long'), { line: 1 });
        return;
      }
      if (options.delimiter === undefined) delimiter = detectDelimiter(line, CONTRACT_COLUMNS);
      tokenizer = new CsvTokenizer(file, delimiter);
      text = waiting;
      waiting = '';
    }
    onRecords(tokenizer.push(text));
    if (eof) onRecords(tokenizer.end());
  };

  const pending: Buffer[] = [];
  let pendingBytes = 0;
  const start = (eof: boolean) => {
    const sample = Buffer.concat(pending);
    sniffed = options.encoding ? { encoding: options.encoding, bom: bomLength(sample, options.encoding) } : sniffText(file, sample, eof);
    decoder = new ChunkDecoder(file, sniffed);
    onText(decoder.decode(sample), false);
  };

  await readChunks(
    file,
    options.signal,
    (chunk) => {
      bytes += chunk.length;
      if (decoder === null) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= SNIFF_BYTES) start(false);
        return;
      }
      onText((decoder as ChunkDecoder).decode(chunk), false);
    },
    () => {
      if (decoder === null) start(true);
      onText((decoder as unknown as ChunkDecoder).end(), true);
    },
  );
  if (header === null) importer.fileIssue('error', 'file.empty', msg('registry.no_header'));
  const d = decoder as ChunkDecoder | null;
  return importer.finish({ format: 'csv', encoding: d?.encoding ?? 'utf-8', delimiter, lines }, options.shared);
}

/** The file's size in bytes, for progress; 0 when unknown (a missing file is reported when it is opened). */
function fileSize(file: string): number {
  try {
    const st = statSync(file);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

/** The file's bytes chunk by chunk, then its end; a file that cannot be read is reported as such (the reader's own errors pass). */
async function readChunks(file: string, signal: AbortSignal | undefined, onChunk: (chunk: Buffer) => void, onEnd: () => void): Promise<void> {
  try {
    const input = createReadStream(file, { highWaterMark: 64 * 1024 });
    for await (const chunk of input as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      onChunk(chunk);
    }
    onEnd();
  } catch (e) {
    if (e instanceof UserError || (e instanceof Error && e.name === 'AbortError') || e === signal?.reason) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new UnreadableFileError(file, 'file.unreadable', msg('file.cannot_read_detail', { code, detail: e instanceof Error ? e.message : String(e) }));
    throw e;
  }
}

/** The header row: its names, and a hint when the delimiter read seems not to be the file's. */
function readHeader(importer: RegistryImporter, rec: CsvRecord, delimiter: Delimiter): string[] {
  const header = rec.cells.map((c) => c.trim());
  if (rec.error) {
    importer.fileIssue('error', 'csv.header', msg('registry.header_malformed', { line: rec.error.line, column: rec.error.column, detail: rec.error.message }));
    importer.header([]);
    return header;
  }
  let hint: Message | undefined;
  const guess = detectDelimiter(header.join(delimiter), CONTRACT_COLUMNS);
  const [only] = header;
  if (guess !== delimiter && header.join(delimiter).includes(guess)) {
    hint = msg('registry.delimiter_guess', { found: delimiterName(guess), read: delimiterName(delimiter) });
  } else if (header.length === 1 && only !== undefined) {
    const other = likelyOtherDelimiter(only);
    hint = other ? msg('registry.header_one_cell_other', { other }) : msg('registry.header_one_cell');
  }
  importer.header(header, hint);
  return header;
}

/**
 * A data row: rejected with its rule when malformed (a CSV error, a cell count unlike the header's,
 * a value under a column without a name), else handed to the importer by column name. False for
 * a row with a value under a nameless column, which does not count towards progress.
 */
function readRow(importer: RegistryImporter, rec: CsvRecord, h: string[], delimiter: Delimiter): boolean {
  const idAt = h.indexOf('person_id');
  const idCell = idAt >= 0 ? (rec.cells[idAt] ?? '').trim() : '';
  const who = (m: Message): Message => (idCell ? msg('registry.of_person', { message: m, id: JSON.stringify(idCell.slice(0, 64)) }) : m);
  if (rec.error) {
    importer.rejectRow([
      { severity: 'error', row: rec.line, column: null, value: idCell, rule: rec.error.rule, message: who(msg('registry.csv_at', { detail: rec.error.message, line: rec.error.line, column: rec.error.column })) },
    ]);
  } else if (rec.cells.length !== h.length) {
    importer.rejectRow([
      {
        severity: 'error',
        row: rec.line,
        column: null,
        value: idCell,
        rule: 'row.cell_count',
        message: who(
          rec.endLine > rec.line
            ? msg('registry.cell_count_lines', { cells: rec.cells.length, header: h.length, delimiter: delimiterName(delimiter), from: rec.line, to: rec.endLine })
            : msg('registry.cell_count', { cells: rec.cells.length, header: h.length, delimiter: delimiterName(delimiter) }),
        ),
      },
    ]);
  } else {
    // the cell count equals the header's here: every rec.cells[i] below is there (the assertions
    // stay, as these loops run over every cell of every row of the file)
    const unnamed = h.findIndex((name, i) => name === '' && rec.cells[i]!.trim() !== '');
    if (unnamed >= 0) {
      importer.rejectRow([
        { severity: 'error', row: rec.line, column: null, value: rec.cells[unnamed] ?? '', rule: 'row.unnamed_cell', message: who(msg('registry.unnamed_cell', { n: unnamed + 1 })) },
      ]);
      return false;
    }
    const cells: Record<string, string> = {};
    for (let i = 0; i < h.length; i++) if (h[i] !== '') cells[h[i]!] = rec.cells[i]!;
    importer.row(cells, rec.line);
  }
  return true;
}

function bomLength(sample: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8' && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && sample[0] === 0xff && sample[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && sample[0] === 0xfe && sample[1] === 0xff) return 2;
  return 0;
}
