/**
 * JSON written straight to UTF-8 bytes, for answers of thousands of rows (the person lists).
 *
 * `JSON.stringify` builds a JavaScript string; a list with Cyrillic names is a two-byte string, and
 * turning it into the UTF-8 bytes a socket sends (and measuring it for Content-Length) costs more
 * than building the JSON (measured in docs/benchmarks.md, "The server"). Here the text is written
 * into a byte buffer as it is produced: ASCII strings byte by byte, every other string (and every
 * key) encoded once per answer and copied where it recurs — names, facilities and clause
 * references repeat down a list.
 *
 * The output is byte for byte the UTF-8 encoding of `JSON.stringify(value)` for JSON data (the
 * property test in json-bytes.test.ts), including `toJSON`, skipped `undefined` members, non-finite
 * numbers as `null`, and a TypeError on a cycle or a BigInt.
 *
 * An object can be written its own way (`SpecialWriter`: a person list's rows, straight from the
 * columns, src/server/person-rows-json.ts), and an answer into a buffer of one already sent
 * (`pooledJsonBytes`): a list of a megabyte then allocates next to nothing.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Fragments this short are copied in a loop: cheaper than a call to `set`. */
const SHORT = 16;

export class JsonWriter {
  buf: Uint8Array;
  at = 0;
  /** Strings (and keys) that are not plain ASCII, encoded once per answer. */
  private readonly encoded = new Map<string, Uint8Array>();
  private readonly firstKeys = new Map<string, Uint8Array>();
  private readonly laterKeys = new Map<string, Uint8Array>();
  private readonly encoder = new TextEncoder();

  /** `capacity` bytes to start with, or a buffer to write into (it grows into a new one when too small). */
  constructor(start: number | Uint8Array) {
    this.buf = typeof start === 'number' ? new Uint8Array(start) : start;
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }

  /** Text known to be ASCII with nothing to escape (punctuation, numbers, `null`). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let at = this.at;
    for (let j = 0; j < s.length; j++) buf[at++] = s.charCodeAt(j);
    this.at = at;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    if (b.length < SHORT) {
      const buf = this.buf;
      let at = this.at;
      for (let j = 0; j < b.length; j++) buf[at++] = b[j] as number;
      this.at = at;
    } else {
      this.buf.set(b, this.at);
      this.at += b.length;
    }
  }

  /** A JSON string literal, quotes included. */
  string(s: string): void {
    if (isPlainAscii(s)) {
      this.room(s.length + 2);
      const buf = this.buf;
      let at = this.at;
      buf[at++] = QUOTE;
      for (let j = 0; j < s.length; j++) buf[at++] = s.charCodeAt(j);
      buf[at++] = QUOTE;
      this.at = at;
      return;
    }
    let b = this.encoded.get(s);
    if (b === undefined) {
      // JSON.stringify escapes what JSON must (quotes, backslashes, controls, lone surrogates).
      b = this.encoder.encode(JSON.stringify(s));
      this.encoded.set(s, b);
    }
    this.bytes(b);
  }

  /** `"key":` (after `{` or `,`) — keys repeat on every row, so each is encoded once. */
  key(k: string, first: boolean): void {
    const known = first ? this.firstKeys : this.laterKeys;
    let b = known.get(k);
    if (b === undefined) {
      b = this.encoder.encode(`${first ? '{' : ','}${JSON.stringify(k)}:`);
      known.set(k, b);
    }
    this.bytes(b);
  }
}

/** ASCII printable, no quote or backslash: written as it is. */
function isPlainAscii(s: string): boolean {
  for (let j = 0; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}

type Holder = Record<string, unknown> | unknown[];

function hasToJson(v: object): v is { toJSON(key: string): unknown } {
  return typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** What JSON.stringify would write for `v` as the member `key`: undefined when it writes nothing. */
function prepared(v: unknown, key: string, special: SpecialWriter | null): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (special !== null && special.handles(v)) return v;
  let x: unknown = v;
  if (hasToJson(v)) x = v.toJSON(key);
  if (x instanceof Number || x instanceof String || x instanceof Boolean) x = x.valueOf();
  return x;
}

/**
 * Objects written their own way (a list written straight from columns), before their `toJSON`:
 * the bytes `write` gives must be those of `JSON.stringify` of the object.
 */
export interface SpecialWriter {
  handles(v: object): boolean;
  write(w: JsonWriter, v: object): void;
}

function write(w: JsonWriter, v: unknown, stack: Holder[], special: SpecialWriter | null): void {
  switch (typeof v) {
    case 'string':
      w.string(v);
      return;
    case 'number':
      w.ascii(Number.isFinite(v) ? String(v) : 'null');
      return;
    case 'boolean':
      w.ascii(v ? 'true' : 'false');
      return;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      break;
    default:
      // undefined, a function or a symbol where a value must be: JSON.stringify writes null in an array.
      w.ascii('null');
      return;
  }
  if (v === null) {
    w.ascii('null');
    return;
  }
  if (special !== null && special.handles(v)) {
    special.write(w, v);
    return;
  }
  if (stack.includes(v as Holder)) throw new TypeError('Converting circular structure to JSON');
  if (Array.isArray(v)) {
    stack.push(v);
    w.ascii('[');
    for (let k = 0; k < v.length; k++) {
      if (k > 0) w.ascii(',');
      write(w, prepared(v[k], String(k), special), stack, special);
    }
    w.ascii(']');
    stack.pop();
    return;
  }
  const o = v as Record<string, unknown>;
  stack.push(o);
  let first = true;
  for (const k of Object.keys(o)) {
    const x = prepared(o[k], k, special);
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    w.key(k, first);
    first = false;
    write(w, x, stack, special);
  }
  w.ascii(first ? '{}' : '}');
  stack.pop();
}

function writeTop(w: JsonWriter, value: unknown, special: SpecialWriter | null): void {
  const top = prepared(value, '', special);
  if (top === undefined || typeof top === 'function' || typeof top === 'symbol') throw new TypeError('The value has no JSON text');
  write(w, top, [], special);
}

/** The UTF-8 bytes of `JSON.stringify(value)`; `capacity` is a first guess at the size, in bytes. */
export function jsonBytes(value: unknown, capacity = 64 * 1024, special: SpecialWriter | null = null): Buffer {
  const w = new JsonWriter(capacity);
  writeTop(w, value, special);
  return Buffer.from(w.buf.buffer, w.buf.byteOffset, w.at);
}

/**
 * Buffers of answers already sent, written into again: an answer of a megabyte then allocates
 * nothing. A buffer comes back only when its answer has been handed whole to the socket.
 */
const POOL_SIZE = 4;
/** Buffers larger than this are left to the garbage collector rather than kept. */
const POOL_MAX_BYTES = 16 * 1024 * 1024;
const pool: Uint8Array[] = [];

/** How many buffers wait in the pool (tests). */
export function pooledBuffers(): number {
  return pool.length;
}

export interface PooledJson {
  body: Buffer;
  /** Gives the buffer back; call it once, when nothing reads `body` again. */
  release(): void;
}

/** Like `jsonBytes`, into a buffer of the pool (see `release`). */
export function pooledJsonBytes(value: unknown, capacity: number, special: SpecialWriter | null = null): PooledJson {
  const k = pool.findIndex((b) => b.length >= capacity);
  const w = new JsonWriter(k >= 0 ? pool.splice(k, 1)[0]! : capacity);
  writeTop(w, value, special);
  const buf = w.buf;
  let released = false;
  return {
    body: Buffer.from(buf.buffer, buf.byteOffset, w.at),
    release() {
      if (released) return;
      released = true;
      if (pool.length < POOL_SIZE && buf.length <= POOL_MAX_BYTES) pool.push(buf);
    },
  };
}
