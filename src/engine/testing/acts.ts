/**
 * Random acts for property tests (fast-check): every combination rule, overlaps allowed or
 * forbidden, every kind of measure, definitions, exclusions, facts read during the execution period.
 */
import fc from 'fast-check';
import { actSchema, type ActSource } from '../act/schema.ts';
import { conditionArb, personsArb, asOfArb } from './arbitraries.ts';

export const text = { kk: 'мәтін', ru: 'текст', en: 'text' };

export const measureArb = fc.oneof(
  fc.constant({ type: 'release', punishment: 'main' }),
  fc.constant({ type: 'release', punishment: 'additional' }),
  fc.constant({ type: 'release_from_liability' }),
  fc.constantFrom<number | string>(0.1, 0.25, 1 / 3, 0.5, 0.75, 1, '1/3', '2/3', 'share').map((fraction) => ({ type: 'reduce_unserved', fraction })),
  fc.constantFrom<number | string>(0.25, 0.5, 1, '1/3', 'share').map((fraction) => ({ type: 'reduce_imposed', fraction })),
  fc.integer({ min: 1, max: 36 }).map((months) => ({ type: 'reduce_months', months })),
  fc.constant({ type: 'replace_milder' }),
);

export const duringArb = fc.tuple(fc.constantFrom('remaining_days <=', 'served_fraction >=', 'age >='), fc.integer({ min: 0, max: 400 })).map(([f, n]) => ({
  during: 'execution_period',
  when: `${f} ${f.startsWith('served') ? (n / 400).toFixed(2) : f.startsWith('age') ? Math.floor(n / 8) : n}`,
}));

/** A definition read on the last day of the execution period (`during` around a named condition). */
const duringDefArb = (defs: string[]) => fc.constantFrom(...defs).map((d) => ({ during: 'execution_period', when: d }));

/** Random acts; `wide`: how often an act has more clauses than one word of the clause mask holds (weight against 9). */
export function actArb(defs: string[], wide = 1) {
  const criterion = fc.oneof(
    { weight: 4, arbitrary: conditionArb(1, defs) },
    { weight: 1, arbitrary: duringArb },
    // the act's own parameters
    { weight: 1, arbitrary: fc.constantFrom('served_fraction >= param.share', 'remaining_term <= param.limit', 'imposed_term <= param.limit', 'age >= param.age') },
    ...(defs.length > 0 ? [{ weight: 1, arbitrary: duringDefArb(defs) }] : []),
  );
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
      { weight: 6, arbitrary: fc.array(clause, { minLength: 1, maxLength: 5 }) },
      // more clauses than one 32-bit word of the clause mask holds
      ...(wide > 0 ? [{ weight: wide, arbitrary: fc.array(clause, { minLength: 33, maxLength: 40 }) }] : []),
      // a clause read during the execution period before one that holds now
      { weight: 3, arbitrary: fc.tuple(duringArb, measureArb, measureArb, fc.boolean(), fc.array(clause, { maxLength: 2 })).map(([d, m1, m2, second, rest]) => [
        { when: { all: [d, 'true'] }, measure: m1 },
        ...(second ? [{ when: 'sentence_end is known', measure: m2 }] : []),
        ...rest,
      ]) },
    ),
    exclusions: fc.array(conditionArb(1, defs), { maxLength: 3 }),
    period: fc.integer({ min: 0, max: 200 }),
  });
}

/** An evaluation day, definitions, a random act and a random registry around the day. */
export function scenarioOf(wide: number) {
  return fc.tuple(asOfArb, fc.integer({ min: 0, max: 2 })).chain(([asOfDay, nDefs]) => {
    const defs = Array.from({ length: nDefs }, (_, k) => `def_${k}`);
    return fc.record({ asOfDay: fc.constant(asOfDay), defs: fc.constant(defs), act: actArb(defs, wide), persons: personsArb(asOfDay) });
  });
}

export const scenario = scenarioOf(1);


const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

export type RandomAct = ReturnType<typeof actArb> extends fc.Arbitrary<infer T> ? T : never;

/** The act source of a random act in force from `asOfDay`. */
export function actSource(act: RandomAct, defs: string[], asOfDay: number): ActSource {
  return actSchema.parse({
    id: 'random-act',
    title: text,
    source: { text: 'generated', verified: false },
    status: 'draft',
    entry_into_force: iso(asOfDay),
    execution_end: iso(asOfDay + act.period),
    combine: { rule: act.rule, text: 'generated', overlap: act.overlap },
    parameters: {
      share: { value: '1/3', verified: false, source: 'generated' },
      limit: { value: '1y', verified: false, source: 'generated' },
      age: { value: 50, verified: false, source: 'generated' },
    },
    definitions: Object.fromEntries(defs.map((d, k) => [d, { when: act.definitions[k] }])),
    clauses: act.clauses.map((c, j) => ({ id: `c${j}`, ref: `Art. ${j + 1}`, text, when: c.when, measure: c.measure })),
    exclusions: act.exclusions.map((when, k) => ({ id: `x${k}`, ref: `Art. 9 §${k + 1}`, text, when })),
  });
}
