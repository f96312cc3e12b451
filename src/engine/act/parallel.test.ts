import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS } from '../../paths.ts';
import { loadFacilities } from '../../registry/facilities.ts';
import { RegistryBuilder } from '../../registry/registry.ts';
import { generatePersons } from '../../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../registry/synthetic/profile.ts';
import { findActs } from './act-tests.ts';
import { evaluate } from './evaluate.ts';
import { outcomeAt } from './outcome.ts';
import { ParallelEvaluator } from './parallel.ts';
import { loadAct } from './plan.ts';

const law = loadLaw();

describe('worker threads', () => {
  it('give the same outcomes as one thread, for every shipped act', async () => {
    const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), 20_000);
    const b = new RegistryBuilder(law.criminalCode);
    for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 9 })) b.push(r);
    const registry = b.finish(true);
    for (const folder of findActs(DEFAULT_PATHS.acts)) {
      const file = join(folder, 'act.yaml');
      const { plan } = loadAct(file, law);
      const one = evaluate(plan, registry, law);
      const par = await ParallelEvaluator.create(file, 2);
      try {
        const two = await par.evaluate(registry);
        for (let i = 0; i < registry.size; i++) expect(outcomeAt(two, i)).toEqual(outcomeAt(one, i));
      } finally {
        await par.close();
      }
    }
  });
});
