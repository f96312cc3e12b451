/**
 * The binary columnar snapshot of a registry (`.amnreg`): the typed columns written as they lie in
 * memory, so that ten million persons load in seconds (docs/data-contract.md, "Snapshots").
 *
 *   bytes 0–7    "AMNREG02": the magic and the format version (two digits)
 *   bytes 8–11   length H of the header (little-endian u32)
 *   bytes 12–43  SHA-256 of every byte from byte 44 to the end of the file
 *   H bytes      header, JSON: format, version, size (persons), the law table's hash, and per
 *                column its name, array type, length and offset in the data; dictionaries' values;
 *                person ids (a pattern, or the offset of a JSON list in the data); data length
 *   padding to a multiple of 8, then the data: each column at its offset (8-aligned)
 *
 * A snapshot is read only when every check passes: magic and version, header schema, file length,
 * checksum, law hash, the exact set of columns with their types and lengths, every value within
 * its column's domain, and the derived columns equal to those computed again from the others.
 * Anything else is refused with the reason (UnreadableFileError, exit code 3), never read with a
 * wrong size, a strange column type or edited derived columns.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CriminalCode } from '../law/criminal-code.ts';
import { UnreadableFileError } from '../domain/errors.ts';
import { locateIssue } from '../domain/issues.ts';
import { jsonPath } from '../domain/located.ts';
import { entryAt } from '../domain/lookup.ts';
import { msg, type Message } from '../i18n/message.ts';
import { AtomicFile } from '../output/atomic.ts';
import { findDerivedMismatch, findValueProblem, Registry, RegistryBuilder, type DictColumn, type RegistryColumns } from './registry.ts';

export const SNAPSHOT_VERSION = 2;
const MAGIC_PREFIX = 'AMNREG';
const MAGIC = `${MAGIC_PREFIX}${String(SNAPSHOT_VERSION).padStart(2, '0')}`;
const LEAD = 44;
const MAX_HEADER = 1 << 30;

const TYPES = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;
type Typed = Int8Array<ArrayBufferLike> | Uint8Array<ArrayBufferLike> | Int16Array<ArrayBufferLike> | Uint16Array<ArrayBufferLike> | Int32Array<ArrayBufferLike> | Uint32Array<ArrayBufferLike> | Float64Array<ArrayBufferLike>;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const columnEntrySchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(Object.keys(TYPES) as [TypeName, ...TypeName[]]),
  length: count,
  offset: count,
  /** For dictionary-encoded columns: the values (code 0 is unknown). */
  values: z.array(z.string()).optional(),
});
type ColumnEntry = z.infer<typeof columnEntrySchema>;

const headerSchema = z.strictObject({
  format: z.literal('amnreg'),
  version: z.literal(SNAPSHOT_VERSION),
  size: count,
  lawHash: z.string().regex(/^[0-9a-f]{16}$/),
  columns: z.array(columnEntrySchema),
  personIds: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('pattern'), prefix: z.string(), width: z.number().int().min(1).max(20) }),
    z.strictObject({ kind: z.literal('list'), offset: count, byteLength: count }),
  ]),
  dataLength: count,
});
type Header = z.infer<typeof headerSchema>;

/** What a verified snapshot holds, for reports (`amnestia check`). */
export interface SnapshotInfo {
  version: number;
  persons: number;
  lawHash: string;
  /** SHA-256 of the file from byte 44 on, as written in the file and computed again. */
  checksum: string;
  bytes: number;
}

export function lawHash(law: CriminalCode): string {
  return createHash('sha256').update(law.parts.map((p) => `${p.id}:${p.gravity}:${p.tagMask}:${p.intent}:${p.violent}`).join('\n')).digest('hex').slice(0, 16);
}

const align8 = (n: number) => (n + 7) & ~7;

function typeName(a: Typed): TypeName {
  for (const [name, ctor] of Object.entries(TYPES)) if (a instanceof ctor) return name as TypeName;
  throw new Error('unsupported column type');
}

/** The pattern of generated ids ("KZ00001" …), if every id follows it. */
function idPattern(ids: readonly string[]): { prefix: string; width: number } | null {
  const [first] = ids;
  if (first === undefined) return null;
  const m = /^(\D*)(\d+)$/.exec(first);
  if (!m) return null;
  const [, prefix = '', digits = ''] = m;
  const width = digits.length;
  if (width > 20) return null;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== `${prefix}${String(i + 1).padStart(width, '0')}`) return null;
  return { prefix, width };
}

/** Writes a snapshot atomically (temporary file, then rename); returns its length in bytes. */
export function saveSnapshot(registry: Registry, file: string, inputs: readonly (string | undefined)[] = []): number {
  const entries: ColumnEntry[] = [];
  const blocks: Uint8Array[] = [];
  let offset = 0;
  const add = (name: string, a: Typed, values?: string[]) => {
    entries.push({ name, type: typeName(a), length: a.length, offset, ...(values ? { values } : {}) });
    blocks.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    offset = align8(offset + a.byteLength);
  };
  for (const [name, col] of Object.entries(registry.columns) as [keyof RegistryColumns, RegistryColumns[keyof RegistryColumns]][]) {
    if ('codes' in col) add(name, (col as DictColumn).codes, (col as DictColumn).values);
    else add(name, col as Typed);
  }
  const pattern = idPattern(registry.personId);
  let personIds: Header['personIds'];
  if (pattern) personIds = { kind: 'pattern', ...pattern };
  else {
    const bytes = new TextEncoder().encode(JSON.stringify(registry.personId));
    personIds = { kind: 'list', offset, byteLength: bytes.byteLength };
    blocks.push(bytes);
    offset = align8(offset + bytes.byteLength);
  }
  const header: Header = { format: 'amnreg', version: SNAPSHOT_VERSION, size: registry.size, lawHash: lawHash(registry.law), columns: entries, personIds, dataLength: offset };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(LEAD + headerBytes.byteLength);
  // The body: header, padding, each block padded to 8 bytes; hashed as it is laid out.
  const body: Uint8Array[] = [headerBytes, new Uint8Array(start - LEAD - headerBytes.byteLength)];
  for (const b of blocks) {
    body.push(b);
    const pad = align8(b.byteLength) - b.byteLength;
    if (pad) body.push(new Uint8Array(pad));
  }
  const hash = createHash('sha256');
  for (const b of body) hash.update(b);
  const lead = Buffer.alloc(LEAD);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(headerBytes.byteLength, 8);
  hash.digest().copy(lead, 12);
  const out = AtomicFile.open(file, inputs);
  try {
    out.write(lead);
    for (const b of body) out.write(b);
  } catch (e) {
    out.abort();
    throw e;
  }
  out.commit();
  return start + offset;
}

/** Loads a snapshot after every check; with `shared`, the columns lie in one SharedArrayBuffer (for worker threads). */
export function loadSnapshot(file: string, law: CriminalCode, options: { shared?: boolean } = {}): Registry {
  return verifySnapshot(file, law, options).registry;
}

/** Verifies a snapshot and loads it; refuses it (UnreadableFileError) with the reason of the first failed check. */
export function verifySnapshot(file: string, law: CriminalCode, options: { shared?: boolean } = {}): { registry: Registry; info: SnapshotInfo } {
  const refuse = (rule: string, detail: Message, byte?: number): never => {
    throw new UnreadableFileError(file, rule, detail, byte === undefined ? {} : { byte });
  };
  let fileSize = 0;
  let fd: number;
  try {
    fileSize = statSync(file).size;
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UnreadableFileError(file, 'file.missing', msg('file.cannot_open', { code: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  try {
    const read = (buf: Uint8Array, position: number) => {
      let pos = 0;
      while (pos < buf.length) {
        const n = readSync(fd, buf, pos, Math.min(1 << 30, buf.length - pos), position + pos);
        if (n === 0) refuse('snapshot.truncated', msg('file.snapshot_ends_early', { at: position + pos, expected: position + buf.length }));
        pos += n;
      }
    };
    if (fileSize < LEAD) {
      const head = Buffer.alloc(Math.min(fileSize, 8));
      read(head, 0);
      if (head.toString('latin1').startsWith(MAGIC_PREFIX.slice(0, head.length)) && fileSize >= 6) refuse('snapshot.truncated', msg('file.snapshot_short', { size: fileSize }));
      refuse('snapshot.not_snapshot', msg('file.snapshot_magic'));
    }
    const lead = Buffer.alloc(LEAD);
    read(lead, 0);
    const magic = lead.toString('latin1', 0, 8);
    if (!magic.startsWith(MAGIC_PREFIX)) refuse('snapshot.not_snapshot', msg('file.snapshot_magic'), 0);
    if (magic !== MAGIC) {
      const v = magic.slice(6);
      refuse('snapshot.version', /^\d\d$/.test(v) ? msg('file.snapshot_version', { version: Number(v), reads: SNAPSHOT_VERSION }) : msg('file.snapshot_version_unknown', { version: v }), 6);
    }
    const headerLength = lead.readUInt32LE(8);
    if (headerLength === 0 || headerLength > MAX_HEADER || LEAD + headerLength > fileSize)
      refuse('snapshot.header', msg('file.snapshot_header_length', { length: headerLength, size: fileSize }), 8);
    const expectedChecksum = lead.subarray(12, 44).toString('hex');
    const headerBytes = Buffer.alloc(headerLength);
    read(headerBytes, LEAD);
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      refuse('snapshot.header', msg('file.snapshot_header_json'), LEAD);
    }
    const h = headerSchema.safeParse(parsed);
    if (!h.success) {
      const { path, message } = locateIssue(entryAt(h.error.issues, 0, 'the issues of a failed parse'));
      refuse('snapshot.header', msg('file.snapshot_header_schema', { path: jsonPath(path), detail: message }), LEAD);
    }
    const header = (h as { data: Header }).data;
    const start = align8(LEAD + headerLength);
    if (start + header.dataLength !== fileSize)
      refuse('snapshot.size', msg('file.snapshot_size', { size: fileSize, expected: start + header.dataLength, persons: header.size }));
    // Read the data and hash every byte after the checksum.
    const hash = createHash('sha256');
    hash.update(headerBytes);
    const padding = Buffer.alloc(start - LEAD - headerLength);
    read(padding, LEAD + headerLength);
    hash.update(padding);
    const buffer = options.shared ? new SharedArrayBuffer(header.dataLength) : new ArrayBuffer(header.dataLength);
    const bytes = new Uint8Array(buffer);
    read(bytes, start);
    hash.update(bytes);
    const checksum = hash.digest('hex');
    if (checksum !== expectedChecksum) refuse('snapshot.checksum', msg('file.snapshot_checksum', { written: expectedChecksum.slice(0, 16), computed: checksum.slice(0, 16) }));
    if (header.lawHash !== lawHash(law))
      refuse('snapshot.law', msg('file.snapshot_law', { written: header.lawHash, now: lawHash(law) }));
    const registry = columnsOf(file, header, buffer, law);
    return { registry, info: { version: header.version, persons: header.size, lawHash: header.lawHash, checksum, bytes: fileSize } };
  } finally {
    closeSync(fd);
  }
}

/** The columns laid over the data, after checking their names, types, lengths, values and derived columns. */
function columnsOf(file: string, header: Header, buffer: ArrayBuffer | SharedArrayBuffer, law: CriminalCode): Registry {
  const refuse = (rule: string, detail: Message): never => {
    throw new UnreadableFileError(file, rule, detail);
  };
  const n = header.size;
  const template = new RegistryBuilder(law, 1).finish().columns as unknown as Record<string, Typed | DictColumn>;
  const expected = new Map(Object.entries(template).map(([name, col]) => [name, 'codes' in col ? { type: typeName(col.codes), dict: true } : { type: typeName(col), dict: false }]));
  const seen = new Set<string>();
  const columns: Record<string, unknown> = {};
  for (const e of header.columns) {
    const want = expected.get(e.name);
    if (!want) return refuse('snapshot.columns', msg('file.snapshot_column_unknown', { column: e.name }));
    if (seen.has(e.name)) refuse('snapshot.columns', msg('file.snapshot_column_twice', { column: e.name }));
    seen.add(e.name);
    if (want.type !== e.type) refuse('snapshot.columns', msg('file.snapshot_column_type', { column: e.name, type: e.type, expected: want.type }));
    if (want.dict !== (e.values !== undefined)) refuse('snapshot.columns', msg(want.dict ? 'file.snapshot_column_no_dictionary' : 'file.snapshot_column_dictionary', { column: e.name }));
    const ctor = TYPES[e.type];
    const byteLength = e.length * ctor.BYTES_PER_ELEMENT;
    if (e.offset % 8 !== 0 || e.offset + byteLength > header.dataLength) refuse('snapshot.layout', msg('file.snapshot_column_outside', { column: e.name, offset: e.offset, bytes: byteLength, data: header.dataLength }));
    const a = new ctor(buffer as ArrayBuffer, e.offset, e.length);
    columns[e.name] = e.values ? { codes: a, values: e.values } : a;
  }
  for (const name of expected.keys()) if (!seen.has(name)) refuse('snapshot.columns', msg('file.snapshot_column_missing', { column: name }));
  const cols = columns as unknown as RegistryColumns;
  const lengthOf = (name: keyof RegistryColumns) => {
    const c = cols[name];
    return 'codes' in c ? c.codes.length : c.length;
  };
  for (const name of Object.keys(cols) as (keyof RegistryColumns)[]) {
    const want = name === 'articleOffsets' || name === 'childOffsets' ? n + 1 : name === 'articleValues' ? cols.articleOffsets[n] : name === 'childBirthYmd' ? cols.childOffsets[n] : n;
    if (want === undefined || lengthOf(name) !== want) refuse('snapshot.layout', msg('file.snapshot_column_length', { column: name, n: lengthOf(name), persons: header.size, need: want ?? '?' }));
  }
  const problem = findValueProblem(cols, n, law);
  if (problem) refuse('snapshot.values', msg('file.snapshot_value', { column: problem.column, person: problem.row + 1, detail: problem.message }));
  const derived = findDerivedMismatch(cols, n, law);
  if (derived) refuse('snapshot.derived', msg('file.snapshot_derived', { column: derived.column, person: derived.row + 1 }));
  const ids = header.personIds;
  let personIds: readonly string[] | (() => readonly string[]);
  if (ids.kind === 'pattern') {
    personIds = () => Array.from({ length: n }, (_, i) => `${ids.prefix}${String(i + 1).padStart(ids.width, '0')}`);
  } else {
    if (ids.offset + ids.byteLength > header.dataLength) refuse('snapshot.layout', msg('file.snapshot_ids_outside'));
    let list: unknown;
    try {
      list = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buffer as ArrayBuffer, ids.offset, ids.byteLength).slice()));
    } catch {
      refuse('snapshot.ids', msg('file.snapshot_ids_not_list'));
    }
    if (!Array.isArray(list) || list.length !== n || !list.every((x) => typeof x === 'string' && x.trim() !== '' && x === x.trim()))
      refuse('snapshot.ids', msg('file.snapshot_ids_not_texts', { n }));
    const arr = list as string[];
    if (new Set(arr).size !== arr.length) refuse('snapshot.ids', msg('file.snapshot_id_twice'));
    personIds = arr;
  }
  return new Registry(n, personIds, cols, law);
}
