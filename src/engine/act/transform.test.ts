/**
 * Counterfactual acts: the sex-neutral act reads, for every person, as the original would for
 * them as a woman or as a man (clauses) and as both (exclusions); an added criterion narrows only
 * the clauses it is given to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../domain/dates.ts';
import { SEXES } from '../../domain/enums.ts';
import { registryOf } from '../../registry/registry.ts';
import { interpret } from '../interpret.ts';
import { checkCondition, F, T, type Checked, type Truth } from '../condition.ts';
import { law, NUM_RUNS } from '../testing/arbitraries.ts';
import { actSource, scenario, text } from '../testing/acts.ts';
import { testPerson } from '../testing/person.ts';
import { compileActKernel } from './kernel.ts';
import { outcomeAt, outcomesEqual } from './outcome.ts';
import { compileAct } from './plan.ts';
import { actEnv, definitionsOf, evaluatePerson } from './reference.ts';
import { actSchema } from './schema.ts';
import { isRelease, sexDependence, sexNeutralPlan, simplify, withCriterion } from './transform.ts';

function planOf(clauses: { when: unknown; measure?: unknown }[], exclusions: unknown[] = [], definitions: Record<string, unknown> = {}) {
  const source = actSchema.parse({
    id: 'a',
    title: text,
    source: { text: 'test', verified: false },
    status: 'draft',
    entry_into_force: '2025-07-01',
    execution_end: '2025-12-31',
    combine: { rule: 'first_match', text: 'first match' },
    definitions: Object.fromEntries(Object.entries(definitions).map(([k, when]) => [k, { when }])),
    clauses: clauses.map((c, j) => ({ id: `c${j}`, ref: `Art. ${j + 1}`, text, when: c.when, measure: c.measure ?? { type: 'release', punishment: 'main' } })),
    exclusions: exclusions.map((when, k) => ({ id: `x${k}`, ref: `Art. 9 §${k + 1}`, text, when })),
  });
  return compileAct(source, law, null, 'h').plan;
}

const day = isoDay('2025-07-01');
const person = (sex: 'F' | 'M', birthYmd: number) => testPerson(law.criminalCode, { sex, birthYmd });
const statusOf = (plan: ReturnType<typeof planOf>, people: ReturnType<typeof person>[]) => {
  const out = compileActKernel(plan, law).run(registryOf(law.criminalCode, people), day);
  return people.map((_, i) => outcomeAt(out, i).status);
};

describe('the sex-neutral counterfactual', () => {
  // The 2025 law's "women aged 50 or over, men aged 60 or over".
  const plan = planOf(
    [{ when: { all: ['elderly', 'gravity <= medium'] } }],
    [{ all: ['sex = M', 'has_tag(corruption)'] }],
    { elderly: { any: [{ all: ['sex = F', 'age >= 50'] }, { all: ['sex = M', 'age >= 60'] }] } },
  );
  const people = [person('F', 19700101), person('M', 19700101), person('M', 19800101)];

  it('finds where the act depends on sex, through definitions too', () => {
    expect(sexDependence(plan)).toEqual({ clauses: [0], exclusions: [0], definitions: ['elderly'] });
  });

  it('applies the more favourable reading to everyone: aged 50 or over', () => {
    expect(statusOf(plan, people)).toEqual(['eligible', 'not_covered', 'not_covered']);
    const neutral = sexNeutralPlan(plan);
    expect(neutral.id).toBe('a~sex-neutral');
    expect(statusOf(neutral, people)).toEqual(['eligible', 'eligible', 'not_covered']);
    // The criterion that does not depend on sex stays a criterion of its own.
    expect(neutral.clauses[0]!.criteria).toHaveLength(2);
  });

  it('keeps an exclusion only where it would take a person whatever their sex', () => {
    expect(simplify(sexNeutralPlan(plan).exclusions[0]!.condition)).toEqual({ k: 'const', truth: F });
  });

  it('reads negations of sex correctly', () => {
    const p = planOf([{ when: { not: 'sex = M' } }]);
    expect(simplify(sexNeutralPlan(p).clauses[0]!.condition)).toEqual({ k: 'const', truth: T });
  });

  it('leaves an act that does not depend on sex as it is', () => {
    const p = planOf([{ when: 'gravity <= medium' }]);
    expect(sexNeutralPlan(p)).toBe(p);
    expect(sexDependence(p)).toEqual({ clauses: [], exclusions: [], definitions: [] });
  });

  it('on random acts, a clause holds as it would for the person as a woman or as a man, an exclusion as for both', () => {
    let dependent = 0;
    fc.assert(
      fc.property(scenario, ({ asOfDay, defs, act, persons }) => {
        const { plan: original } = compileAct(actSource(act, defs, asOfDay), law, null, 'hash');
        const neutral = sexNeutralPlan(original);
        if (neutral !== original) dependent++;
        const env = actEnv(law, original.entryIntoForce, original.executionEnd);
        const defsA = definitionsOf(original);
        const defsN = definitionsOf(neutral);
        const max = (a: Truth, b: Truth) => (a > b ? a : b);
        const min = (a: Truth, b: Truth) => (a < b ? a : b);
        for (const p of persons) {
          const as = SEXES.map((sex) => ({ ...p, sex }));
          original.clauses.forEach((c, j) => {
            const want = as.map((q) => interpret(c.condition, q, env, defsA)).reduce(max);
            expect(interpret(neutral.clauses[j]!.condition, p, env, defsN)).toBe(want);
            const crit = neutral.clauses[j]!.criteria.map((x) => interpret(x, p, env, defsN)).reduce(min, T as Truth);
            expect(crit).toBe(want);
          });
          original.exclusions.forEach((x, k) => {
            const want = as.map((q) => interpret(x.condition, q, env, defsA)).reduce(min);
            expect(interpret(neutral.exclusions[k]!.condition, p, env, defsN)).toBe(want);
          });
        }
        // And the kernel runs the transformed act as the reference semantics do.
        const registry = registryOf(law.criminalCode, persons);
        const out = compileActKernel(neutral, law).run(registry);
        for (let i = 0; i < registry.size; i++) {
          const b = evaluatePerson(neutral, registry.record(i), law, neutral.entryIntoForce, neutral.executionEnd);
          if (!outcomesEqual(outcomeAt(out, i), b)) expect.fail(`person ${i}: ${JSON.stringify(outcomeAt(out, i))} ≠ ${JSON.stringify(b)}`);
        }
      }),
      { numRuns: NUM_RUNS, seed: 5 },
    );
    // Not vacuous: many of the random acts depend on sex.
    expect(dependent).toBeGreaterThan(NUM_RUNS / 10);
  });
});

describe('an added criterion', () => {
  it('narrows only the clauses it is given to (by default the releases)', () => {
    const plan = planOf([{ when: 'gravity <= medium' }, { when: 'gravity <= grave', measure: { type: 'reduce_unserved', fraction: 0.5 } }]);
    const errors: never[] = [];
    const criterion: Checked = checkCondition('not has_unpaid_claim', [], { law: law.criminalCode, definitions: new Set() }, errors);
    const v = withCriterion(plan, criterion, 'victims');
    expect(v.id).toBe('a~victims');
    expect(v.clauses[0]!.criteria).toHaveLength(2);
    expect(v.clauses[1]).toBe(plan.clauses[1]);
    expect(plan.clauses.map((c) => isRelease(c.measure))).toEqual([true, false]);
    // A woman who owes a claim falls from the release to the reduction.
    const owes = testPerson(law.criminalCode, { civilClaimAmount: 1000, civilClaimPaid: 0 });
    const out = compileActKernel(v, law).run(registryOf(law.criminalCode, [owes]), day);
    expect(outcomeAt(out, 0)).toMatchObject({ status: 'eligible', measure: 'reduce_unserved', clause: 1 });
  });
});
