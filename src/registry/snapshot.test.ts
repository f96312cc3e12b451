import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { UnreadableFileError } from '../domain/errors.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS } from '../paths.ts';
import { loadFacilities } from './facilities.ts';
import { importRegistryFile } from './import.ts';
import type { PersonRecord } from './record.ts';
import { registryOf } from './registry.ts';
import { loadSnapshot, saveSnapshot } from './snapshot.ts';
import { generateRegistry } from './synthetic/generate.ts';
import { loadProfile, scaleProfile } from './synthetic/profile.ts';

const law = loadLaw();
const dir = mkdtempSync(join(tmpdir(), 'amnestia-snap-'));

describe('binary snapshot', () => {
  it('gives back every record, unknown values included, in shared memory on request', () => {
    const profile = scaleProfile({ ...loadProfile(DEFAULT_PATHS.profile), missing: { pregnant: 0.2, children_birth_dates: 0.2, sentence_end: 0.1, civil_claim_paid: 0.1 } }, 3000);
    const reg = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 3 });
    const file = join(dir, 'r.amnreg');
    saveSnapshot(reg, file);
    const back = loadSnapshot(file, law.criminalCode, { shared: true });
    expect(back.size).toBe(reg.size);
    for (let i = 0; i < reg.size; i++) expect(back.record(i)).toEqual(reg.record(i));
    expect(back.columns.sex.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('keeps ids that follow no pattern, and is read by --registry like every registry file', async () => {
    const base = generateRegistry(scaleProfile(loadProfile(DEFAULT_PATHS.profile), 50), law.criminalCode, loadFacilities(loadProfile(DEFAULT_PATHS.profile).facilitiesPath), { seed: 1 });
    const records: PersonRecord[] = Array.from({ length: base.size }, (_, i) => ({ ...base.record(i), personId: `id-${(i * 7919) % 1000}-x` }));
    const reg = registryOf(law.criminalCode, records);
    const file = join(dir, 'ids.amnreg');
    saveSnapshot(reg, file);
    const result = await importRegistryFile(law.criminalCode, file);
    expect(result.accepted).toBe(reg.size);
    expect(result.registry.personId).toEqual(reg.personId);
  });

  it('refuses a file that is not a snapshot', () => {
    expect(() => loadSnapshot(DEFAULT_PATHS.profile, law.criminalCode)).toThrow(/not a registry snapshot/);
  });
});

describe('snapshot checks', () => {
  const reg = generateRegistry(scaleProfile(loadProfile(DEFAULT_PATHS.profile), 200), law.criminalCode, loadFacilities(loadProfile(DEFAULT_PATHS.profile).facilitiesPath), { seed: 5 });
  const good = join(dir, 'good.amnreg');
  saveSnapshot(reg, good);
  const bytes = readFileSync(good);
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.subarray(44, 44 + headerLength).toString('utf8')) as {
    columns: { name: string; type: string; offset: number; length: number }[];
  };
  const dataStart = (44 + headerLength + 7) & ~7;
  const columnAt = (name: string) => header.columns.find((c) => c.name === name)!;

  /** A copy with its checksum computed again after the change (as a careful forger would). */
  function resealed(change: (b: Buffer) => Buffer): Buffer {
    const b = change(Buffer.from(bytes));
    createHash('sha256').update(b.subarray(44)).digest().copy(b, 12);
    return b;
  }
  function withHeader(edit: (h: Record<string, unknown>) => void): Buffer {
    const h = JSON.parse(bytes.subarray(44, 44 + headerLength).toString('utf8')) as Record<string, unknown>;
    edit(h);
    const text = Buffer.from(JSON.stringify(h));
    const start = (44 + text.length + 7) & ~7;
    const out = Buffer.concat([bytes.subarray(0, 44), text, Buffer.alloc(start - 44 - text.length), bytes.subarray(dataStart)]);
    out.writeUInt32LE(text.length, 8);
    createHash('sha256').update(out.subarray(44)).digest().copy(out, 12);
    return out;
  }
  function rule(b: Buffer): string {
    const file = join(dir, `case-${Math.random().toString(36).slice(2)}.amnreg`);
    writeFileSync(file, b);
    try {
      loadSnapshot(file, law.criminalCode);
    } catch (e) {
      if (e instanceof UnreadableFileError) return e.rule;
      throw e;
    }
    return 'read';
  }

  it('reads a snapshot that passes every check, and says what it verified', async () => {
    const r = await importRegistryFile(law.criminalCode, good);
    expect(r.source).toMatchObject({ format: 'amnreg', snapshot: { version: 2, persons: reg.size } });
    expect(r.registry.size).toBe(reg.size);
  });

  it.each([
    ['one byte of data changed', () => {
      const b = Buffer.from(bytes);
      b[b.length - 9] = b[b.length - 9]! ^ 1;
      return b;
    }, 'snapshot.checksum'],
    ['cut off', () => bytes.subarray(0, bytes.length - 100), 'snapshot.size'],
    ['bytes added at the end', () => Buffer.concat([bytes, Buffer.alloc(8)]), 'snapshot.size'],
    ['cut off inside its lead', () => bytes.subarray(0, 20), 'snapshot.truncated'],
    ['of format version 1', () => Buffer.concat([Buffer.from('AMNREG01'), bytes.subarray(8)]), 'snapshot.version'],
    ['not a snapshot at all', () => Buffer.from('person_id,iin\n'.repeat(10)), 'snapshot.not_snapshot'],
    ['with a header length beyond the file', () => {
      const b = Buffer.from(bytes);
      b.writeUInt32LE(0x7fffffff, 8);
      return b;
    }, 'snapshot.header'],
    ['with an edited derived column (gravity), checksum recomputed', () => resealed((b) => {
      const c = columnAt('gravity');
      b[dataStart + c.offset] = (b[dataStart + c.offset]! + 1) % 4;
      return b;
    }), 'snapshot.derived'],
    ['with a sex code outside its list, checksum recomputed', () => resealed((b) => {
      b[dataStart + columnAt('sex').offset] = 9;
      return b;
    }), 'snapshot.values'],
    ['with a column of another type, checksum recomputed', () => withHeader((h) => {
      (h['columns'] as { name: string; type: string }[]).find((c) => c.name === 'sex')!.type = 'Float64Array';
    }), 'snapshot.columns'],
    ['with a wrong person count, checksum recomputed', () => withHeader((h) => {
      h['size'] = (h['size'] as number) + 1;
    }), 'snapshot.layout'],
    ['with another law table, checksum recomputed', () => withHeader((h) => {
      h['lawHash'] = '0123456789abcdef';
    }), 'snapshot.law'],
    ['with an unknown header key, checksum recomputed', () => withHeader((h) => {
      h['extra'] = 1;
    }), 'snapshot.header'],
  ])('refuses a snapshot %s', (_name, make, expected) => {
    expect(rule(make())).toBe(expected);
  });
});
