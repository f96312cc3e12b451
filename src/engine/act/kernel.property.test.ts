/**
 * Property test: for random acts (every combination rule, overlaps allowed or forbidden, every
 * kind of measure, definitions, exclusions, facts read during the execution period) over random
 * registries, the generated act kernel gives every person the same outcome as the reference
 * semantics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registryOf } from '../../registry/registry.ts';
import { conditionArb, law, NUM_RUNS, personsArb, asOfArb } from '../testing/arbitraries.ts';
import { compileActKernel } from './kernel.ts';
import { outcomeAt, outcomesEqual } from './outcome.ts';
import { compileAct } from './plan.ts';
import { evaluatePerson } from './reference.ts';
import { actSchema } from './schema.ts';

const text = { kk: 'мәтін', ru: 'текст', en: 'text' };

const measureArb = fc.oneof(
  fc.constant({ type: 'release', punishment: 'main' }),
  fc.constant({ type: 'release', punishment: 'additional' }),
  fc.constant({ type: 'release_from_liability' }),
  fc.constantFrom(0.1, 0.25, 1 / 3, 0.5, 0.75, 1).map((fraction) => ({ type: 'reduce_unserved', fraction })),
  fc.constantFrom(0.25, 0.5, 1).map((fraction) => ({ type: 'reduce_imposed', fraction })),
  fc.integer({ min: 1, max: 36 }).map((months) => ({ type: 'reduce_months', months })),
  fc.constant({ type: 'replace_milder' }),
);

const duringArb = fc.tuple(fc.constantFrom('remaining_days <=', 'served_fraction >=', 'age >='), fc.integer({ min: 0, max: 400 })).map(([f, n]) => ({
  during: 'execution_period',
  when: `${f} ${f.startsWith('served') ? (n / 400).toFixed(2) : f.startsWith('age') ? Math.floor(n / 8) : n}`,
}));

function actArb(defs: string[]) {
  const criterion = fc.oneof({ weight: 4, arbitrary: conditionArb(1, defs) }, { weight: 1, arbitrary: duringArb });
  const clause = fc.record({
    when: fc.oneof(
      fc.array(criterion, { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      conditionArb(2, defs),
      fc.tuple(duringArb, fc.constantFrom('true', 'sex = F', 'custody = institution', 'gravity <= medium')).map((all) => ({ all })),
    ),
    measure: measureArb,
  });
  return fc.record({
    rule: fc.constantFrom('first_match', 'most_favourable', 'all_that_apply'),
    overlap: fc.constantFrom('allowed', 'forbidden'),
    definitions: fc.array(conditionArb(2), { minLength: defs.length, maxLength: defs.length }),
    clauses: fc.oneof(
      fc.array(clause, { minLength: 1, maxLength: 5 }),
      // a clause read during the execution period before one that holds now
      fc.tuple(duringArb, measureArb, measureArb, fc.boolean(), fc.array(clause, { maxLength: 2 })).map(([d, m1, m2, second, rest]) => [
        { when: { all: [d, 'true'] }, measure: m1 },
        ...(second ? [{ when: 'sentence_end is known', measure: m2 }] : []),
        ...rest,
      ]),
    ),
    exclusions: fc.array(conditionArb(1, defs), { maxLength: 3 }),
    period: fc.integer({ min: 0, max: 200 }),
  });
}

const scenario = fc.tuple(asOfArb, fc.integer({ min: 0, max: 2 })).chain(([asOfDay, nDefs]) => {
  const defs = Array.from({ length: nDefs }, (_, k) => `def_${k}`);
  return fc.record({ asOfDay: fc.constant(asOfDay), defs: fc.constant(defs), act: actArb(defs), persons: personsArb(asOfDay) });
});

const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

const seen = new Set<string>();
/** A fixed seed keeps CI reproducible; PROPERTY_SEED and PROPERTY_RUNS widen the hunt. */
const SEED = Number(process.env.PROPERTY_SEED ?? 2);

describe('act kernel = reference semantics', () => {
  it('gives every person of random registries the same outcome under random acts', () => {
    fc.assert(
      fc.property(scenario, ({ asOfDay, defs, act, persons }) => {
        const source = actSchema.parse({
          id: 'random-act',
          title: text,
          source: { text: 'generated', verified: false },
          status: 'draft',
          entry_into_force: iso(asOfDay),
          execution_end: iso(asOfDay + act.period),
          combine: { rule: act.rule, text: 'generated', overlap: act.overlap },
          definitions: Object.fromEntries(defs.map((d, k) => [d, { when: act.definitions[k] }])),
          clauses: act.clauses.map((c, j) => ({ id: `c${j}`, ref: `Art. ${j + 1}`, text, when: c.when, measure: c.measure })),
          exclusions: act.exclusions.map((when, k) => ({ id: `x${k}`, ref: `Art. 9 §${k + 1}`, text, when })),
        });
        const { plan } = compileAct(source, law, null, 'hash');
        const registry = registryOf(law.criminalCode, persons);
        const out = compileActKernel(plan, law).run(registry);
        const later = plan.executionEnd;
        for (let i = 0; i < registry.size; i++) {
          const a = outcomeAt(out, i);
          seen.add(`${act.rule}:${a.status}:${a.reason}:${a.measure}:${a.almost.kind}`);
          const b = evaluatePerson(plan, registry.record(i), law, plan.entryIntoForce, later);
          if (!outcomesEqual(a, b)) expect.fail(`person ${i}: kernel ${JSON.stringify(a)}\nreference ${JSON.stringify(b)}\nact ${JSON.stringify(act)}\nperson ${JSON.stringify(persons[i])}`);
        }
      }),
      { numRuns: Math.max(NUM_RUNS, 300), seed: SEED },
    );
    // The random acts reach every kind of outcome, so that the property is not vacuous (checked for
    // the fixed seed; PROPERTY_SEED=<n> explores other acts).
    if (process.env.PROPERTY_SEED !== undefined) return;
    const kinds = [...seen].join(' ');
    for (const s of ['eligible', 'excluded', 'needs_review', 'not_covered', 'not_serving', 'one_short', 'later', 'overlap', 'exclusion_unknown', 'remaining_unknown', 'most_favourable:eligible', 'all_that_apply:eligible'])
      expect(kinds, s).toContain(s);
    expect(kinds).toMatch(/first_match:eligible:\w+:\w+:later/);
  });
});
