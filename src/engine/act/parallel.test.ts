import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS } from '../../paths.ts';
import { loadFacilities } from '../../registry/facilities.ts';
import { RegistryBuilder, type Registry } from '../../registry/registry.ts';
import { generatePersons } from '../../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../registry/synthetic/profile.ts';
import { findActs } from './act-tests.ts';
import { breakdown, breakdownRows } from './breakdown.ts';
import { evaluate, evaluateWithBreakdown } from './evaluate.ts';
import { newOutcomes, outcomeAt, type Outcomes } from './outcome.ts';
import { ParallelEvaluator } from './parallel.ts';
import { loadAct } from './plan.ts';

const law = loadLaw();

function registryOf(persons: number, seed: number): Registry {
  const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), persons);
  const b = new RegistryBuilder(law.criminalCode);
  for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed })) b.push(r);
  return b.finish(true);
}

function expectSameOutcomes(a: Outcomes, b: Outcomes): void {
  expect(a.size).toBe(b.size);
  for (let i = 0; i < a.size; i++) if (JSON.stringify(outcomeAt(a, i)) !== JSON.stringify(outcomeAt(b, i))) expect(outcomeAt(a, i)).toEqual(outcomeAt(b, i));
}

describe('worker threads', () => {
  const registry = registryOf(20_000, 9);
  const acts = findActs(DEFAULT_PATHS.acts).map((f) => join(f, 'act.yaml'));

  it('give the same outcomes and breakdowns as one thread, for every shipped act', async () => {
    for (const file of acts) {
      const { plan } = loadAct(file, law);
      const one = evaluateWithBreakdown(plan, registry, law);
      // the breakdowns counted by the kernel are those of its outcome columns
      expect(breakdownRows(one.breakdown)).toEqual(breakdownRows(breakdown(one.outcomes)));
      const par = await ParallelEvaluator.create(file, 2, law);
      try {
        const two = par.evaluateWithBreakdown(registry);
        expectSameOutcomes(two.outcomes, one.outcomes);
        expect(breakdownRows(two.breakdown)).toEqual(breakdownRows(one.breakdown));
        expectSameOutcomes(await par.evaluate(registry), one.outcomes);
      } finally {
        await par.close();
      }
    }
  });

  it('keep giving them when the outcome columns, the registry or the day change between evaluations', async () => {
    const file = acts[0]!;
    const { plan } = loadAct(file, law);
    const other = registryOf(7_000, 3);
    const par = await ParallelEvaluator.create(file, 3, law);
    try {
      const out = newOutcomes(registry.size, true);
      const later = plan.entryIntoForce + 40;
      for (const [reg, day, o] of [
        [registry, plan.entryIntoForce, out],
        [registry, later, out],
        [other, plan.entryIntoForce, newOutcomes(other.size, true)],
        [registry, plan.entryIntoForce, out],
        [registry, plan.entryIntoForce, newOutcomes(registry.size, true)],
      ] as const) {
        const got = par.evaluateWithBreakdown(reg, day, o);
        const want = evaluateWithBreakdown(plan, reg, law, day);
        expectSameOutcomes(got.outcomes, want.outcomes);
        expect(breakdownRows(got.breakdown)).toEqual(breakdownRows(want.breakdown));
      }
    } finally {
      await par.close();
    }
  });

  it('run on the calling thread alone with one thread, and refuse columns that are not shared', async () => {
    const file = acts[0]!;
    const { plan } = loadAct(file, law);
    const par = await ParallelEvaluator.create(file, 1, law);
    try {
      expect(par.threads).toBe(1);
      expectSameOutcomes(par.evaluateWithBreakdown(registry).outcomes, evaluate(plan, registry, law));
    } finally {
      await par.close();
    }
    const two = await ParallelEvaluator.create(file, 2, law);
    try {
      expect(() => two.evaluateWithBreakdown(registry, undefined, newOutcomes(registry.size))).toThrow(/SharedArrayBuffer/);
    } finally {
      await two.close();
    }
  });
});
