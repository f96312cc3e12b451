/**
 * The json-rules-engine version of an act (bench/json-rules-engine.ts) decides as the kernel does,
 * under every combination rule and with overlaps allowed or forbidden: the shipped acts rewritten
 * to each, on a small synthetic registry. The benchmark relies on it to compare like with like.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JRE_STATUS, JsonRulesAct } from '../../bench/json-rules-engine.ts';
import { findActs } from '../../src/engine/act/act-tests.ts';
import { evaluate } from '../../src/engine/act/evaluate.ts';
import { measureAt, outcomeAt } from '../../src/engine/act/outcome.ts';
import { compileAct, loadAct } from '../../src/engine/act/plan.ts';
import { loadLaw } from '../../src/law/law.ts';
import { DEFAULT_PATHS } from '../../src/paths.ts';
import { loadFacilities } from '../../src/registry/facilities.ts';
import { generateRegistry } from '../../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../src/registry/synthetic/profile.ts';

const law = loadLaw();
// two-valued like the benchmark's rules: the registry without the profile's unknown cells
const profile = { ...scaleProfile(loadProfile(DEFAULT_PATHS.profile), 3_000), missing: {} };
const registry = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 11 });

describe('json-rules-engine version of an act', () => {
  for (const file of findActs(DEFAULT_PATHS.acts).map((f) => join(f, 'act.yaml'))) {
    for (const rule of ['first_match', 'most_favourable', 'all_that_apply'] as const) {
      for (const overlap of ['allowed', 'forbidden'] as const) {
        it(`decides as the kernel: ${file.split('/').at(-2)}, ${rule}, overlap ${overlap}`, async () => {
          const { source } = loadAct(file, law).plan;
          const { plan } = compileAct({ ...source, combine: { ...source.combine, rule, overlap } }, law, null, 'test');
          const outcomes = evaluate(plan, registry, law);
          const jre = new JsonRulesAct(plan, law);
          let compared = 0;
          for (let i = 0; i < registry.size; i++) {
            const o = outcomeAt(outcomes, i);
            // two-valued: persons with an undecided fact are the kernel's alone
            if (o.status === 'needs_review' && o.reason !== 'overlap') continue;
            const status = JRE_STATUS[o.status];
            const expected = [status, o.status === 'eligible' ? measureAt(outcomes, i) : 0, o.status === 'not_covered' ? -1 : o.clause, o.status === 'excluded' ? o.exclusion : -1];
            const got = await jre.decide(registry.record(i), plan.entryIntoForce, plan.executionEnd);
            if (JSON.stringify(got) !== JSON.stringify(expected)) expect.fail(`person ${i}: json-rules-engine ${JSON.stringify(got)}, kernel ${JSON.stringify(expected)} (${o.reason})`);
            compared++;
          }
          expect(compared).toBeGreaterThan(registry.size * 0.9);
        });
      }
    }
  }
});
