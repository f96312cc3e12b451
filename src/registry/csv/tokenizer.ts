/**
 * CSV records (RFC 4180) read from text that arrives in chunks, each with the physical lines it
 * spans. Malformed quoting does not stop the reading: the record is returned with a located error
 * and reading goes on, so the rest of the file is still checked.
 *
 * - A quoted cell ends at a quote followed by the delimiter, a line end or the end of the file;
 *   `""` inside it is one quote; it may hold delimiters and line breaks.
 * - A quote inside an unquoted cell, or text after a closing quote, is `csv.stray_quote`.
 * - A quote that is not closed by the end of the file, within QUOTED_LINE_BREAKS line breaks or
 *   within RECORD_CHARS characters is `csv.unclosed_quote`: the record ends with the line on which
 *   the quote opened, and reading goes on with the next line.
 * - Line ends are LF, CRLF or CR.
 * We read cells ourselves rather than with csv-parse because csv-parse stops at the first broken
 * quote (or takes the rest of the file into one cell), and a registry must be checked to its end.
 */
import { UnreadableFileError } from '../../domain/errors.ts';
import { msg, type Message } from '../../i18n/message.ts';

/** Line breaks a quoted cell may hold before its quote is taken as never closed. */
export const QUOTED_LINE_BREAKS = 20;
/** Characters a quoted cell may hold before its quote is taken as never closed. */
export const RECORD_CHARS = 64 * 1024;
/** A physical line longer than this (without a line break) ends the reading: not a registry file. */
export const LINE_CHARS = 1024 * 1024;

export interface CsvError {
  rule: 'csv.stray_quote' | 'csv.unclosed_quote';
  message: Message;
  line: number;
  column: number;
}

export interface CsvRecord {
  cells: string[];
  /** Physical line on which the record begins (1-based). */
  line: number;
  /** Physical line on which it ends. */
  endLine: number;
  /** The first quoting error of the record; its cells are then not to be trusted. */
  error: CsvError | null;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class CsvTokenizer {
  private buf = '';
  /** Line number of the character at buf[0]... kept for the unconsumed part. */
  private line = 1;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error(`bad delimiter ${JSON.stringify(delimiter)}`);
  }

  /** Adds text; returns the records it completes. */
  push(text: string): CsvRecord[] {
    this.buf += text;
    return this.drain(false);
  }

  /** The end of the text; returns the last records. */
  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(eof: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    let start = 0;
    while (start < this.buf.length) {
      const r = this.scan(start, eof);
      if (r === null) break;
      out.push(r.record);
      start = r.next;
      this.line = r.nextLine;
    }
    this.buf = start === 0 ? this.buf : this.buf.slice(start);
    if (!eof && this.buf.length > LINE_CHARS && out.length === 0) {
      throw new UnreadableFileError(this.file, 'file.line_too_long', msg('file.line_too_long', { max: LINE_CHARS }), { line: this.line });
    }
    return out;
  }

  /** One record from `start`, or null when more text is needed to finish it. */
  // long: the tokenizer's inner loop, a state machine over characters whose states share the loop's locals (position, line, cells, error)
  private scan(start: number, eof: boolean): { record: CsvRecord; next: number; nextLine: number } | null {
    const b = this.buf;
    const n = b.length;
    const d = this.delimiter.charCodeAt(0);
    const cells: string[] = [];
    let error: CsvError | null = null;
    let line = this.line;
    let lineStart = start;
    let i = start;
    const fail = (rule: CsvError['rule'], message: Message, at: number, atLine = line, atLineStart = lineStart) => {
      if (error === null) error = { rule, message, line: atLine, column: at - atLineStart + 1 };
    };
    /** Index of the delimiter, CR or LF that ends an unquoted field from `k`, or n; `quoteAt` the first quote before it, or -1. */
    let quoteAt = -1;
    const fieldEnd = (k: number) => {
      quoteAt = -1;
      while (k < n) {
        const c = b.charCodeAt(k);
        if (c === d || c === LF || c === CR) return k;
        if (c === QUOTE && quoteAt < 0) quoteAt = k;
        k++;
      }
      return n;
    };
    for (;;) {
      if (i < n && b.charCodeAt(i) === QUOTE) {
        const openIdx = i;
        const openLine = line;
        const openLineStart = lineStart;
        let j = i + 1;
        let value = '';
        let breaks = 0;
        let closed = false;
        let unclosed = false;
        while (!closed) {
          const k = b.indexOf('"', j);
          const segEnd = k < 0 ? n : k;
          for (let m = j; m < segEnd; m++) {
            const c = b.charCodeAt(m);
            if (c === LF || c === CR) {
              if (c === CR && m + 1 >= n && !eof) return null;
              if (c === CR && b.charCodeAt(m + 1) === LF) m++;
              breaks++;
              line++;
              lineStart = m + 1;
            }
          }
          if (breaks > QUOTED_LINE_BREAKS || segEnd - openIdx > RECORD_CHARS) {
            unclosed = true;
            break;
          }
          if (k < 0) {
            if (!eof) return null;
            unclosed = true;
            break;
          }
          if (k + 1 >= n && !eof) return null;
          if (b.charCodeAt(k + 1) === QUOTE) {
            value += b.slice(j, k + 1);
            j = k + 2;
            // line counting resumes after the doubled quote
            continue;
          }
          value += b.slice(j, k);
          i = k + 1;
          closed = true;
        }
        if (unclosed) {
          // The record ends with the line of the opening quote; reading goes on with the next line.
          fail('csv.unclosed_quote', msg('registry.unclosed_quote'), openIdx, openLine, openLineStart);
          let e = openIdx;
          while (e < n && b.charCodeAt(e) !== LF && b.charCodeAt(e) !== CR) e++;
          if (e < n) e += b.charCodeAt(e) === CR && b.charCodeAt(e + 1) === LF ? 2 : 1;
          return { record: { cells, line: this.line, endLine: openLine, error }, next: e, nextLine: openLine + 1 };
        }
        if (i < n && b.charCodeAt(i) !== d && b.charCodeAt(i) !== LF && b.charCodeAt(i) !== CR) {
          fail('csv.stray_quote', msg('registry.text_after_quote'), i);
          const e = fieldEnd(i);
          if (e === n && !eof) return null;
          value += b.slice(i, e);
          i = e;
        }
        cells.push(value);
      } else {
        const e = fieldEnd(i);
        if (e === n && !eof) return null;
        const q = quoteAt;
        if (q >= 0) fail('csv.stray_quote', msg('registry.quote_in_unquoted'), q);
        cells.push(b.slice(i, e));
        i = e;
      }
      if (i >= n) return { record: { cells, line: this.line, endLine: line, error }, next: n, nextLine: line };
      const c = b.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      // A line end closes the record.
      if (c === CR) {
        if (i + 1 >= n && !eof) return null;
        i += b.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      return { record: { cells, line: this.line, endLine: line, error }, next: i, nextLine: line + 1 };
    }
  }
}

/** Delimiters read in registry files: comma, semicolon (Russian Excel), tab. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The first line of a text outside quotes (without its line end), or null if it is not complete yet. */
export function firstLine(text: string, eof: boolean): string | null {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return text.slice(0, i);
  }
  return eof ? text : null;
}

/** How many times a character occurs outside quotes in a line. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let k = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === ch) k++;
  }
  return k;
}

/**
 * The delimiter of a header line: the one that splits it into the most names the data contract
 * knows; with no known name, the one that occurs most often (comma when none occurs).
 */
export function detectDelimiter(header: string, known: readonly string[]): Delimiter {
  let best: Delimiter = ',';
  let bestKnown = -1;
  let bestCount = -1;
  for (const d of DELIMITERS) {
    const count = countOutsideQuotes(header, d);
    const names = header.split(d).map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
    const k = names.filter((x) => known.includes(x)).length;
    if (k > bestKnown || (k === bestKnown && count > bestCount)) {
      best = d;
      bestKnown = k;
      bestCount = count;
    }
  }
  return best;
}

/** A delimiter the reader does not use that seems to split a header (for the message of a header of one cell). */
export function likelyOtherDelimiter(header: string): string | null {
  for (const d of ['|', ':', '^', '~']) if (countOutsideQuotes(header, d) >= 3) return d;
  return null;
}

/** A delimiter's name for a message: the comma, the semicolon, the tab, or the character itself. */
export const delimiterName = (d: string): Message =>
  d === '\t' ? msg('registry.delimiter.tab') : d === ',' ? msg('registry.delimiter.comma') : d === ';' ? msg('registry.delimiter.semicolon') : msg('registry.delimiter.other', { char: d });
