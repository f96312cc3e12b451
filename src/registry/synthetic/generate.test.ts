import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIin } from '../../domain/iin.ts';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS } from '../../paths.ts';
import { writeRegistryCsv } from '../export.ts';
import { loadFacilities } from '../facilities.ts';
import { importRegistryFile } from '../import.ts';
import { generatePersons, generateRegistry } from './generate.ts';
import { loadProfile, scaleProfile } from './profile.ts';

const law = loadLaw();
const profile = loadProfile(DEFAULT_PATHS.profile);
const facilities = loadFacilities(profile.facilitiesPath);

async function csvOf(p: typeof profile, seed: number): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'amnestia-gen-')), 'r.csv');
  await writeRegistryCsv(file, law.criminalCode, generatePersons(p, law.criminalCode, facilities, { seed }));
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('synthetic population', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const small = scaleProfile(profile, 3000);
    const a = sha(await csvOf(small, 11));
    const b = sha(await csvOf(small, 11));
    const c = sha(await csvOf(small, 12));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('writes only records that pass validation, at full size', async () => {
    const file = await csvOf(profile, 2025);
    const r = await importRegistryFile(law.criminalCode, file);
    expect(r.fileIssues).toEqual([]);
    expect(r.rejected).toBe(0);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.accepted).toBe(61_899);
  });

  it('has the profile size, valid ИИН agreeing with birth date and sex, everyone serving on the profile day', () => {
    const reg = generateRegistry(profile, law.criminalCode, facilities, { seed: 5 });
    expect(reg.size).toBe(6399 + 30_000 + 25_500);
    const asOf = profile.as_of;
    const ids = new Set<string>();
    let withIin = 0;
    for (let i = 0; i < reg.size; i += 7) {
      const p = reg.record(i);
      // the profile leaves a few ИИН unknown (foreigners, stateless persons): the others are valid
      if (p.iin === null) continue;
      withIin++;
      expect(checkIin(p.iin, p.birthYmd, p.sex)).toBeNull();
      expect(p.sentenceStartDay!).toBeLessThanOrEqual(asOf);
      if (p.sentenceEndDay !== null) expect(p.sentenceEndDay).toBeGreaterThan(asOf);
      expect(p.articles!.length).toBeGreaterThan(0);
      ids.add(p.iin!);
    }
    expect(ids.size).toBe(withIin);
    expect(withIin).toBeGreaterThan(0.99 * Math.ceil(reg.size / 7));
  });

  it('scales to another size keeping every sub-total consistent', () => {
    const scaled = scaleProfile(profile, 10_000);
    for (const g of [scaled.women, scaled.men])
      for (const c of ['institution', 'probation'] as const)
        expect(g.gravity[c].misdemeanour + g.gravity[c].minor_medium + g.gravity[c].grave_especially_grave).toBe(g.custody[c]);
    const reg = generateRegistry(scaled, law.criminalCode, facilities, { seed: 1 });
    expect(reg.size).toBe(10_000);
  });
});
