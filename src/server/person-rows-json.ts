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
import { PERSON_FIELDS, PersonRows, ymdText, type PersonField } from '../app/person-row.ts';
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

/** The rows as a JSON array. */
export function writePersonRows(w: JsonWriter, rows: PersonRows): void {
  const s = rows.source;
  const page = rows.rows;
  // Each field's table and its encoding, looked up once per answer.
  const tables = FIELDS.map((f) => (f.kind === 'text' || f.kind === 'texts' ? f.table(s) : []));
  const encoded = tables.map((t) => encodedTable(t));
  w.ascii('[');
  for (let n = 0; n < page.length; n++) {
    const i = page[n]!;
    if (n > 0) w.ascii(',');
    for (let k = 0; k < FIELDS.length; k++) {
      const f = FIELDS[k]!;
      const key = KEYS[k]!;
      copy(w, key, 0, key.length);
      switch (f.kind) {
        case 'id':
          w.string(f.value(s, i));
          break;
        case 'text': {
          const code = f.code(s, i);
          if (code < 0) copy(w, NULL, 0, 4);
          else entry(w, tables[k]!, encoded[k]!, code, f.what);
          break;
        }
        case 'texts': {
          if (!f.known(s, i)) {
            copy(w, NULL, 0, 4);
            break;
          }
          const codes = f.codes(s);
          w.ascii('[');
          for (let j = f.from(s, i), end = f.to(s, i), first = true; j < end; j++, first = false) {
            if (!first) w.ascii(',');
            entry(w, tables[k]!, encoded[k]!, codes[j]!, f.what);
          }
          w.ascii(']');
          break;
        }
        case 'day': {
          const d = f.day(s, i);
          if (d === UNKNOWN_DATE) copy(w, NULL, 0, 4);
          else {
            const v = ymdOfDay(d);
            if (FOUR_DIGIT_YEARS(v)) ymdLiteral(w, v);
            else w.string(formatIsoDate(d));
          }
          break;
        }
        case 'ymd': {
          const v = f.ymd(s, i);
          if (v === UNKNOWN_DATE) copy(w, NULL, 0, 4);
          else if (FOUR_DIGIT_YEARS(v)) ymdLiteral(w, v);
          else w.string(ymdText(v));
          break;
        }
        case 'count': {
          const v = f.value(s, i);
          if (v < 0) copy(w, NULL, 0, 4);
          else count(w, v);
          break;
        }
      }
    }
    w.ascii('}');
  }
  w.ascii(']');
}

/** For `jsonBytes`: a page of person rows is written from the columns. */
export const personRowsWriter: SpecialWriter = {
  handles: (v) => v instanceof PersonRows,
  write: (w, v) => writePersonRows(w, v as PersonRows),
};
