/** The pension ages a profile takes from law/parameters.yaml on its day (src/registry/synthetic/profile.ts). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHS } from '../../paths.ts';
import { ymdOfDay } from '../../domain/dates.ts';
import { loadLaw } from '../../law/law.ts';
import { loadFacilities } from '../facilities.ts';
import { generateRegistry } from './generate.ts';
import { loadProfile, scaleProfile } from './profile.ts';

describe('the pension ages of a profile', () => {
  it('are the parameters of its day in whole years rounded up, and the generator follows them', () => {
    const shipped = loadProfile(DEFAULT_PATHS.profile);
    // 732 and 756 months in force on 2025-02-01
    expect(shipped.pensionAge).toEqual({ women: 61, men: 63 });

    const dir = mkdtempSync(join(tmpdir(), 'amnestia-pension-'));
    try {
      const text = readFileSync(DEFAULT_PATHS.parameters, 'utf8');
      // the women's age from 2023 (61 years) made 62, the men's (63) made 65
      const women = /(pension\.age_women_months:[^]*?from: 2023-01-01\s+value: )732/;
      const men = /(pension\.age_men_months:[^]*?value: )756/;
      expect(text).toMatch(women);
      expect(text).toMatch(men);
      const file = join(dir, 'parameters.yaml');
      writeFileSync(file, text.replace(women, '$1744').replace(men, '$1780'));
      const later = loadProfile(DEFAULT_PATHS.profile, file);
      expect(later.pensionAge).toEqual({ women: 62, men: 65 });

      // women have no planned social categories: a woman is a pensioner exactly when she is past the age
      const law = loadLaw();
      const profile = scaleProfile(later, 20_000);
      const registry = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 7 });
      const asOfYmd = ymdOfDay(profile.as_of);
      let counted = 0;
      for (let i = 0; i < registry.size; i++) {
        const p = registry.record(i);
        if (p.sex !== 'F' || p.birthYmd === null || p.pensioner === null) continue;
        counted++;
        const age = Math.floor((asOfYmd - p.birthYmd) / 10_000);
        expect(p.pensioner, `${p.personId}, aged ${age}`).toBe(age >= 62);
      }
      expect(counted).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
