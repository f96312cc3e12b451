import { mkdtempSync } from 'node:fs';
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

  it('keeps ids that follow no pattern, and is read by --registry like any registry file', async () => {
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
