/**
 * The outcome lines `evaluate --engine sql` writes (DuckDB, registry in memory) are byte-identical
 * to the kernel engine's, on 4 000 synthetic persons under the 2025 law, with unrecorded facts
 * (needs review, and the unknown facts named) and outcomes almost eligible later (with their day).
 */
import { actDoubts, outcomeDoubts } from '../act/doubt.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS } from '../../paths.ts';
import { loadFacilities } from '../../registry/facilities.ts';
import { registryOf } from '../../registry/registry.ts';
import { generatePersons } from '../../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../registry/synthetic/profile.ts';
import { evaluate, outcomeDetails } from '../act/evaluate.ts';
import { outcomeAt, outcomeRow, STATUS, type Outcomes } from '../act/outcome.ts';
import { compileAct, loadAct } from '../act/plan.ts';
import type { Registry } from '../../registry/registry.ts';
import type { Plan } from '../act/plan.ts';
import { DuckDbBackend } from './backend.ts';

const law = loadLaw();
const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), 4000);
const persons = [...generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 11 })].map((p, i) =>
  // every seventh person: veteran status and behaviour not recorded
  i % 7 === 0 ? { ...p, veteran: null, behaviour: null } : p,
);
const registry = registryOf(law.criminalCode, persons);
// the 2025 law with its Art. 2 §2 read during the execution period (as the act read it before its
// 2021 wording was known): outcomes "eligible later", with their first day, come out of it
const shipped = loadAct(`${DEFAULT_PATHS.acts}/kz-2025-constitution-30/act.yaml`, law).plan.source;
const { plan } = compileAct(
  {
    ...shipped,
    clauses: shipped.clauses.map((c) =>
      c.id === 'art2_2' ? { ...c, when: { all: ['gravity = medium', 'behaviour != negative', { during: 'execution_period', when: 'remaining_days <= 365' }] } } : c,
    ),
  },
  law,
  null,
  'hash',
);

function lines(p: Plan, r: Registry, outcomes: Outcomes): string[] {
  const out: string[] = [];
  const doubts = actDoubts(p, law);
  for (let i = 0; i < r.size; i++) {
    const { outcome, reasons } = outcomes.status[i] === STATUS.needs_review ? outcomeDetails(p, r, law, outcomes, i) : { outcome: outcomeAt(outcomes, i), reasons: [outcomeAt(outcomes, i).reason] };
    const parts = (r.articlesOf(i) ?? []).map((a) => law.criminalCode.parts[a]!);
    out.push(JSON.stringify(outcomeRow(p, r.personId[i]!, outcome, reasons, outcomeDoubts(doubts, outcome, parts))));
  }
  return out;
}

describe('outcome lines of the kernel and of DuckDB', () => {
  let duck: DuckDbBackend;
  beforeAll(async () => {
    duck = await DuckDbBackend.open();
    await duck.loadRegistry(registry, law);
  });
  afterAll(async () => duck.close());

  it('are byte-identical, needs-review reasons and the first day of later outcomes included', async () => {
    const kernel = lines(plan, registry, evaluate(plan, registry, law));
    const sql = lines(plan, registry, await duck.outcomes(plan, law, registry.size));
    expect(kernel.filter((l) => l.includes('"needs_review"') && l.includes('unknown:')).length).toBeGreaterThan(10);
    expect(kernel.filter((l) => l.includes('"later"') && l.includes('"from"')).length).toBeGreaterThan(5);
    expect(kernel.filter((l) => l.includes('"unverified":["act.source"')).length).toBeGreaterThan(10);
    expect(sql).toEqual(kernel);
  });
});
