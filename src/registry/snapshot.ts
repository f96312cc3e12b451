/**
 * The binary columnar snapshot of a registry (`.amnreg`): the typed columns written as they lie in
 * memory, so that ten million persons load in seconds (docs/data-contract.md, "Snapshots").
 *
 *   bytes 0–7   "AMNREG01"
 *   bytes 8–11  length H of the header (little-endian u32)
 *   H bytes     header, JSON: size, the law table's part ids (hash), and per column its name,
 *               array type, length and offset in the data; dictionaries' values; person ids
 *   padding to a multiple of 8, then the data: each column at its offset (8-aligned)
 *
 * Article part indexes refer to the law table the snapshot was written with: loading it with a
 * different table is refused, never reinterpreted.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { CriminalCode } from '../law/criminal-code.ts';
import { UserError } from '../domain/errors.ts';
import { Registry, RegistryBuilder, type DictColumn, type RegistryColumns } from './registry.ts';

const MAGIC = 'AMNREG01';
const TYPES = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;
type Typed = Int8Array<ArrayBufferLike> | Uint8Array<ArrayBufferLike> | Int16Array<ArrayBufferLike> | Uint16Array<ArrayBufferLike> | Int32Array<ArrayBufferLike> | Uint32Array<ArrayBufferLike> | Float64Array<ArrayBufferLike>;

interface ColumnEntry {
  name: string;
  type: TypeName;
  length: number;
  offset: number;
  /** For dictionary-encoded columns: the values (code 0 is unknown). */
  values?: string[];
}

interface Header {
  size: number;
  lawHash: string;
  columns: ColumnEntry[];
  personIds: { kind: 'pattern'; prefix: string; width: number } | { kind: 'list'; offset: number; byteLength: number };
  dataLength: number;
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
  if (ids.length === 0) return null;
  const m = /^(\D*)(\d+)$/.exec(ids[0]!);
  if (!m) return null;
  const prefix = m[1]!;
  const width = m[2]!.length;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== `${prefix}${String(i + 1).padStart(width, '0')}`) return null;
  return { prefix, width };
}

export function saveSnapshot(registry: Registry, file: string): number {
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
  const header: Header = { size: registry.size, lawHash: lawHash(registry.law), columns: entries, personIds, dataLength: offset };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const fd = openSync(file, 'w');
  try {
    const lead = Buffer.alloc(12);
    lead.write(MAGIC, 0, 'latin1');
    lead.writeUInt32LE(headerBytes.byteLength, 8);
    writeSync(fd, lead);
    writeSync(fd, headerBytes);
    let pos = 12 + headerBytes.byteLength;
    const pad = align8(pos) - pos;
    if (pad) writeSync(fd, Buffer.alloc(pad));
    pos += pad;
    let written = 0;
    for (const b of blocks) {
      writeSync(fd, b);
      written += b.byteLength;
      const p2 = align8(written) - written;
      if (p2) writeSync(fd, Buffer.alloc(p2));
      written += p2;
    }
    return pos + written;
  } finally {
    closeSync(fd);
  }
}

/** Loads a snapshot; with `shared`, the columns lie in one SharedArrayBuffer (for worker threads). */
export function loadSnapshot(file: string, law: CriminalCode, options: { shared?: boolean } = {}): Registry {
  const fd = openSync(file, 'r');
  try {
    const lead = Buffer.alloc(12);
    readSync(fd, lead, 0, 12, 0);
    if (lead.toString('latin1', 0, 8) !== MAGIC) throw new UserError(`${file}: not a registry snapshot`);
    const headerLength = lead.readUInt32LE(8);
    const headerBytes = Buffer.alloc(headerLength);
    readSync(fd, headerBytes, 0, headerLength, 12);
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    if (header.lawHash !== lawHash(law))
      throw new UserError(`${file}: written with another Criminal Code table (${header.lawHash}); regenerate it with the current law/criminal-code.yaml`);
    const expected = Object.keys(new RegistryBuilder(law, 1).finish().columns).sort().join(',');
    if (header.columns.map((c) => c.name).sort().join(',') !== expected)
      throw new UserError(`${file}: written by another version of the registry's columns; write the snapshot again`);
    const start = align8(12 + headerLength);
    const buffer = options.shared ? new SharedArrayBuffer(header.dataLength) : new ArrayBuffer(header.dataLength);
    const bytes = new Uint8Array(buffer);
    let pos = 0;
    while (pos < header.dataLength) {
      const n = readSync(fd, bytes, pos, Math.min(1 << 30, header.dataLength - pos), start + pos);
      if (n === 0) throw new UserError(`${file}: truncated`);
      pos += n;
    }
    const columns: Record<string, unknown> = {};
    for (const e of header.columns) {
      const a = new TYPES[e.type](buffer as ArrayBuffer, e.offset, e.length);
      columns[e.name] = e.values ? { codes: a, values: e.values } : a;
    }
    const ids = header.personIds;
    const personIds =
      ids.kind === 'pattern'
        ? () => Array.from({ length: header.size }, (_, i) => `${ids.prefix}${String(i + 1).padStart(ids.width, '0')}`)
        : (JSON.parse(new TextDecoder().decode(bytes.subarray(ids.offset, ids.offset + ids.byteLength))) as string[]);
    return new Registry(header.size, personIds, columns as unknown as RegistryColumns, law);
  } finally {
    closeSync(fd);
  }
}
