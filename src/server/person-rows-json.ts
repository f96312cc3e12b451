/**
 * The rows of a person list written as JSON straight from the registry's and the outcome columns
 * (the fields of src/app/person-row.ts), without an object per row: byte for byte the UTF-8 of
 * `JSON.stringify` of the row objects (person-rows-json.test.ts).
 *
 * Strings from tables (names, facilities, regions, articles, clause references, statuses) are
 * encoded once per table — once per loaded registry for its dictionaries — and copied from there;
 * dates and numbers are written digit by digit.
 */
import { formatIsoDate, UNKNOWN_DATE, ymdOfDay } from '../domain/dates.ts';
import { entryAt } from '../domain/lookup.ts';
import { PERSON_FIELDS, PersonRows, ymdText, type PersonField, type RowSource } from '../app/person-row.ts';
import type { JsonWriter, SpecialWriter } from './json-bytes.ts';

const encoder = new TextEncoder();
const FIELDS: readonly PersonField[] = PERSON_FIELDS;
/** `{"person_id":`, `,"last_name":`, …: each field's key as written. */
const KEYS = FIELDS.map((f, k) => encoder.encode(`${k === 0 ? '{' : ','}${JSON.stringify(f.key)}:`));
const NULL = encoder.encode('null');
const QUOTE = 0x22;
const DASH = 0x2d;
const ZERO = 0x30;
/** Fragments this short are copied in a loop: cheaper than a call to `set`. */
const SHORT = 48;

/** A table of strings as JSON string literals, encoded one after another; entry k is bytes[start[k]..start[k + 1]). */
interface EncodedTable {
  bytes: Uint8Array;
  start: Int32Array;
}

/** Kept per table array: a registry's dictionaries while the registry is loaded, the constant tables for good. */
const encodedTables = new WeakMap<readonly string[], EncodedTable>();

function encodedTable(table: readonly string[]): EncodedTable {
  let e = encodedTables.get(table);
  if (e !== undefined && e.start.length === table.length + 1) return e;
  const literals = table.map((s) => JSON.stringify(s));
  let most = 0;
  for (const l of literals) most += l.length * 3;
  const bytes = new Uint8Array(most);
  const start = new Int32Array(table.length + 1);
  let at = 0;
  for (let k = 0; k < literals.length; k++) {
    start[k] = at;
    at += encoder.encodeInto(literals[k]!, bytes.subarray(at)).written;
  }
  start[table.length] = at;
  e = { bytes: bytes.slice(0, at), start };
  encodedTables.set(table, e);
  return e;
}

function copy(w: JsonWriter, from: Uint8Array, a: number, b: number): void {
  const n = b - a;
  w.room(n);
  if (n < SHORT) {
    const buf = w.buf;
    let at = w.at;
    for (let j = a; j < b; j++) buf[at++] = from[j]!;
    w.at = at;
  } else {
    w.buf.set(from.subarray(a, b), w.at);
    w.at += n;
  }
}

/** Entry `k` of a table (an error naming the table when there is none). */
function entry(w: JsonWriter, table: readonly string[], e: EncodedTable, k: number, what: string): void {
  if (k >= table.length) entryAt(table, k, what);
  copy(w, e.bytes, e.start[k]!, e.start[k + 1]!);
}

/** `"YYYY-MM-DD"` from a YYYYMMDD integer of a four-digit year. */
function ymdLiteral(w: JsonWriter, v: number): void {
  w.room(12);
  const buf = w.buf;
  let at = w.at;
  buf[at++] = QUOTE;
  buf[at++] = ZERO + ((v / 10000000) | 0);
  buf[at++] = ZERO + (((v / 1000000) | 0) % 10);
  buf[at++] = ZERO + (((v / 100000) | 0) % 10);
  buf[at++] = ZERO + (((v / 10000) | 0) % 10);
  buf[at++] = DASH;
  buf[at++] = ZERO + (((v / 1000) | 0) % 10);
  buf[at++] = ZERO + (((v / 100) | 0) % 10);
  buf[at++] = DASH;
  buf[at++] = ZERO + (((v / 10) | 0) % 10);
  buf[at++] = ZERO + (v % 10);
  buf[at++] = QUOTE;
  w.at = at;
}

const FOUR_DIGIT_YEARS = (v: number) => v >= 10000000 && v <= 99999999;

function count(w: JsonWriter, v: number): void {
  if (v > 0x7fffffff) {
    w.ascii(String(v));
    return;
  }
  w.room(10);
  const buf = w.buf;
  let n = 1;
  for (let x = v; x >= 10; x = (x / 10) | 0) n++;
  let at = w.at + n;
  w.at = at;
  let x = v;
  do {
    buf[--at] = ZERO + (x % 10);
    x = (x / 10) | 0;
  } while (x > 0);
}

/** Writes one field of row `i`, its key included. */
type CellWriter = (w: JsonWriter, i: number) => void;

function writeNull(w: JsonWriter): void {
  copy(w, NULL, 0, 4);
}

/** The writer of one field over one answer's source: its table, encoding and key looked up once. */
function cellWriter(f: PersonField, s: RowSource, key: Uint8Array): CellWriter {
  const keyLength = key.length;
  switch (f.kind) {
    case 'id': {
      const value = f.value;
      return (w, i) => {
        copy(w, key, 0, keyLength);
        w.string(value(s, i));
      };
    }
    case 'text': {
      const table = f.table(s);
      const { bytes, start } = encodedTable(table);
      const { code, what } = f;
      return (w, i) => {
        copy(w, key, 0, keyLength);
        const k = code(s, i);
        if (k < 0) writeNull(w);
        else {
          if (k >= table.length) entryAt(table, k, what);
          copy(w, bytes, start[k]!, start[k + 1]!);
        }
      };
    }
    case 'texts': {
      const table = f.table(s);
      const { bytes, start } = encodedTable(table);
      const codes = f.codes(s);
      const { known, from, to, what } = f;
      return (w, i) => {
        copy(w, key, 0, keyLength);
        if (!known(s, i)) {
          writeNull(w);
          return;
        }
        w.ascii('[');
        const first = from(s, i);
        for (let j = first, end = to(s, i); j < end; j++) {
          if (j > first) w.ascii(',');
          const k = codes[j]!;
          if (k >= table.length) entryAt(table, k, what);
          copy(w, bytes, start[k]!, start[k + 1]!);
        }
        w.ascii(']');
      };
    }
    case 'day': {
      const day = f.day;
      return (w, i) => {
        copy(w, key, 0, keyLength);
        const d = day(s, i);
        if (d === UNKNOWN_DATE) writeNull(w);
        else {
          const v = ymdOfDay(d);
          if (FOUR_DIGIT_YEARS(v)) ymdLiteral(w, v);
          else w.string(formatIsoDate(d));
        }
      };
    }
    case 'ymd': {
      const ymd = f.ymd;
      return (w, i) => {
        copy(w, key, 0, keyLength);
        const v = ymd(s, i);
        if (v === UNKNOWN_DATE) writeNull(w);
        else if (FOUR_DIGIT_YEARS(v)) ymdLiteral(w, v);
        else w.string(ymdText(v));
      };
    }
    case 'count': {
      const value = f.value;
      return (w, i) => {
        copy(w, key, 0, keyLength);
        const v = value(s, i);
        if (v < 0) writeNull(w);
        else count(w, v);
      };
    }
  }
}

/** The rows as a JSON array. */
export function writePersonRows(w: JsonWriter, rows: PersonRows): void {
  const cells = FIELDS.map((f, k) => cellWriter(f, rows.source, KEYS[k]!));
  const page = rows.rows;
  w.ascii('[');
  for (let n = 0; n < page.length; n++) {
    const i = page[n]!;
    if (n > 0) w.ascii(',');
    for (let k = 0; k < cells.length; k++) cells[k]!(w, i);
    w.ascii('}');
  }
  w.ascii(']');
}

/** For `jsonBytes`: a page of person rows is written from the columns. */
export const personRowsWriter: SpecialWriter = {
  handles: (v) => v instanceof PersonRows,
  write: (w, v) => writePersonRows(w, v as PersonRows),
};
