/**
 * Random persons and random conditions for property tests (fast-check arbitraries), shared by the
 * kernel's and the act engine's property tests.
 */
import { entryAt } from '../../domain/lookup.ts';
import fc from 'fast-check';
import { BEHAVIOURS, CUSTODIES, DISABLED_CHILD_GROUPS, RECIDIVISMS, SENTENCE_TYPES, SEXES, VETERAN_KINDS } from '../../domain/enums.ts';
import { addMonths, dayNumberOf, daysInMonth, isoDay, ymdOfDay } from '../../domain/dates.ts';
import { loadLaw } from '../../law/law.ts';
import type { PersonRecord } from '../../registry/record.ts';
import type { ConditionSource } from '../condition.ts';
import { FACTS } from '../facts/index.ts';

export const law = loadLaw();
export const code = law.criminalCode;
/** PROPERTY_RUNS=5000 npx vitest run … for a longer hunt. */
export const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

// ---------------------------------------------------------------- persons

export const DAY_1950 = dayNumberOf(1950, 1, 1);
export const DAY_2030 = dayNumberOf(2030, 12, 31);
/** The family parameters (many_children) have values only from 2005-06-28. */
export const AS_OF_FIRST = dayNumberOf(2005, 6, 28);

export const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 4 });

/** Days that recur in persons and in condition values, so that equalities and boundaries are hit. */
export const FOCAL_DAYS = ['2000-01-01', '2010-05-05', '2015-01-01', '2020-01-01', '2020-02-29', '2024-02-29', '2025-03-01', '2025-06-23'].map(isoDay);
export const focalDay = fc.tuple(fc.constantFrom(...FOCAL_DAYS), fc.constantFrom(-1, 0, 0, 1)).map(([d, delta]) => d + delta);
export const day = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: DAY_1950, max: DAY_2030 }) }, { weight: 1, arbitrary: focalDay });
export const ymd = day.map(ymdOfDay);

/** Numbers of years that conditions often name (ages, children under N), and others. */
export const BOUNDARY_YEARS = [0, 1, 3, 14, 18, 30, 40, 50, 60];
export const years = fc.oneof(fc.constantFrom(...BOUNDARY_YEARS), fc.integer({ min: 0, max: 90 }));

/** The YYYYMMDD `years` before `asOfYmd`, moved by `delta` days (29 February → 1 March in a common year). */
export function anniversary(asOfYmd: number, years: number, delta: number): number {
  const y = Math.floor(asOfYmd / 10000) - years;
  const m = Math.floor(asOfYmd / 100) % 100;
  const d = asOfYmd % 100;
  const base = m === 2 && d > daysInMonth(y, 2) ? dayNumberOf(y, 3, 1) : dayNumberOf(y, m, d);
  return ymdOfDay(base + delta);
}

export const bool = nullable(fc.boolean());
export const name = nullable(fc.string({ minLength: 1, maxLength: 6 }));
export const place = (pool: string[]) => nullable(fc.oneof(fc.constantFrom(...pool), fc.string({ minLength: 1, maxLength: 4 })));
export const money = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
);

/**
 * A person, with dates spread over 1950–2030 but often placed on the boundaries that matter on
 * `asOfDay`: birthdays (age, children under N) on the day, the day before or after, and sentence
 * dates a few days around it.
 */
export function recordArb(asOfDay: number): fc.Arbitrary<Omit<PersonRecord, 'personId'>> {
  const asOfYmd = ymdOfDay(asOfDay);
  const near = fc.tuple(years, fc.constantFrom(-1, 0, 0, 1)).map(([k, delta]) => anniversary(asOfYmd, k, delta));
  const birth = fc.oneof(ymd, near);
  const childBirth = fc.oneof(ymd, fc.integer({ min: dayNumberOf(2000, 1, 1), max: DAY_2030 }).map(ymdOfDay), { weight: 2, arbitrary: near });
  const sentenceDay = fc.oneof(day, fc.integer({ min: -3, max: 3 }).map((k) => asOfDay + k), fc.integer({ min: -900, max: 900 }).map((k) => asOfDay + k));
  return fc.record({
    iin: nullable(fc.stringMatching(/^\d{12}$/)),
    lastName: name,
    firstName: name,
    middleName: name,
    sex: nullable(fc.constantFrom(...SEXES)),
    birthYmd: nullable(birth),
    custody: nullable(fc.constantFrom(...CUSTODIES)),
    facility: place(['W-01', 'W-02', 'ИУ-1']),
    region: place(['Астана', 'Алматы']),
    articles: nullable(fc.array(fc.integer({ min: 0, max: code.size - 1 }), { minLength: 1, maxLength: 3 })),
    offenceDay: nullable(day),
    sentenceType: nullable(fc.constantFrom(...SENTENCE_TYPES)),
    sentenceStartDay: nullable(sentenceDay),
    sentenceEndDay: nullable(sentenceDay),
    imposedTermMonths: nullable(fc.integer({ min: 0, max: 300 })),
    priorConvictions: nullable(fc.integer({ min: 0, max: 6 })),
    recidivism: nullable(fc.constantFrom(...RECIDIVISMS)),
    behaviour: nullable(fc.constantFrom(...BEHAVIOURS)),
    maliciousViolator: bool,
    pregnant: bool,
    childrenBirthYmd: nullable(fc.array(childBirth, { maxLength: 6 })),
    disabledChild: bool,
    parentalRightsDeprived: bool,
    disabilityGroup: nullable(fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const)),
    veteran: bool,
    pensioner: bool,
    singleParent: bool,
    civilClaimAmount: nullable(money),
    civilClaimPaid: nullable(money),
    damageCaused: bool,
    damageCompensated: bool,
    imposedTermDays: nullable(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }))),
    priorImprisonment: bool,
    juvenileColony: bool,
    disabledChildGroup: nullable(fc.constantFrom(...DISABLED_CHILD_GROUPS)),
    veteranKind: nullable(fc.constantFrom(...VETERAN_KINDS)),
    victimAged14To18: bool,
  });
}

/**
 * A person whose term began k months before `asOfDay` (± a day) with a term of 2k or 3k months: half
 * or a third of it is served on the day before, the day of or the day after — the boundaries of
 * "served at least one third (one half)" on the calendar, starts on the 29th–31st included.
 */
export function boundaryRecordArb(asOfDay: number): fc.Arbitrary<Omit<PersonRecord, 'personId'>> {
  return fc
    .tuple(recordArb(asOfDay), fc.integer({ min: 1, max: 40 }), fc.constantFrom(2, 3), fc.constantFrom(-1, 0, 0, 1), fc.constantFrom(0, 0, 10, 15))
    .map(([r, k, times, delta, days]) => {
      const start = addMonths(asOfDay, -k) + delta;
      return { ...r, sentenceStartDay: start, imposedTermMonths: times * k, imposedTermDays: days, sentenceEndDay: addMonths(start, times * k) + days };
    });
}

export function personsArb(asOfDay: number): fc.Arbitrary<PersonRecord[]> {
  const record = fc.oneof({ weight: 4, arbitrary: recordArb(asOfDay) }, { weight: 1, arbitrary: boundaryRecordArb(asOfDay) });
  return fc.array(record, { minLength: 1, maxLength: 40 }).map((rs) => rs.map((r, i) => ({ personId: `P${i}`, ...r })));
}

/** The evaluation date: a day from 2005-06-28 on (see AS_OF_FIRST), often one of the focal days. */
export const asOfArb = fc.oneof(fc.integer({ min: AS_OF_FIRST, max: DAY_2030 }), focalDay.filter((d) => d >= AS_OF_FIRST));

/** An evaluation date and a registry of persons generated around it. */
export const scenarioArb = asOfArb.chain((asOfDay) => personsArb(asOfDay).map((persons) => ({ asOfDay, persons })));

// ---------------------------------------------------------------- conditions

/**
 * Fixed leaves: the constants and the leaves every fact of the catalogue names (src/engine/facts/,
 * `leaves`) — every fact, every kind of leaf.
 */
export const LEAVES: string[] = ['true', 'false', ...FACTS.flatMap((f) => f.leaves)];

export const OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
export const op = fc.constantFrom(...OPS);
export const iso = (d: number) => {
  const y = ymdOfDay(d);
  return `${Math.floor(y / 10000)}-${String(Math.floor(y / 100) % 100).padStart(2, '0')}-${String(y % 100).padStart(2, '0')}`;
};

/** Generated leaves: random operators and values, to hit boundaries the fixed leaves miss. */
export const generatedLeaf: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(op, years).map(([o, n]) => `age ${o} ${n}`),
  fc.tuple(op, fc.integer({ min: -1, max: 7 })).map(([o, n]) => `prior_convictions ${o} ${n}`),
  fc.tuple(op, fc.integer({ min: 0, max: 300 })).map(([o, n]) => `imposed_term_months ${o} ${n}`),
  fc.tuple(fc.constantFrom('term_days', 'served_days', 'remaining_days'), op, fc.integer({ min: -100, max: 30000 })).map(([f, o, n]) => `${f} ${o} ${n}`),
  fc.tuple(op, fc.constantFrom('0', '0.25', '0.5', '0.75', '1', '0.333', '1/3', '2/3', '1/2', '3/4', '1/4')).map(([o, n]) => `served_fraction ${o} ${n}`),
  fc.tuple(fc.constantFrom('imposed_term', 'served_term', 'remaining_term'), op, fc.constantFrom('1y', '2y', '6m', '3y', '1y6m', '10d', '0d', '5y', '1y15d')).map(([f, o, t]) => `${f} ${o} ${t}`),
  fc.tuple(fc.constantFrom('birth_date', 'offence_date', 'sentence_start', 'sentence_end'), op, fc.constantFrom('-', '+'), fc.constantFrom('60y', '18y', '1y', '6m', '30d', '1d', '50y6m')).map(([f, o, sg, t]) => `${f} ${o} day ${sg} ${t}`),
  fc.tuple(op, fc.integer({ min: 0, max: 6 })).map(([o, n]) => `children_count ${o} ${n}`),
  fc.tuple(fc.oneof(fc.constantFrom(1, 3, 14, 18, 30), fc.integer({ min: 1, max: 30 })), op, fc.integer({ min: 0, max: 4 })).map(([a, o, n]) => `children_under(${a}) ${o} ${n}`),
  fc.tuple(op, fc.integer({ min: 0, max: 3 })).map(([o, n]) => `disability_group ${o} ${n}`),
  fc.tuple(fc.constantFrom('civil_claim_amount', 'unpaid_claim'), op, fc.integer({ min: -1000, max: 1_000_000 })).map(([f, o, n]) => `${f} ${o} ${n}`),
  fc.tuple(fc.constantFrom('offence_date', 'sentence_start', 'sentence_end'), op, fc.oneof(day, focalDay)).map(([f, o, d]) => `${f} ${o} ${iso(d)}`),
  fc.tuple(op, fc.constantFrom('misdemeanour', 'minor', 'medium', 'grave', 'especially_grave', 'УП', 'НТ', 'СТ', 'Т', 'ОТ')).map(([o, g]) => `gravity ${o} ${g}`),
  fc.tuple(fc.integer({ min: 0, max: code.size - 1 }), fc.boolean()).map(([i, whole]) => {
    const part = entryAt(code.parts, i, 'Criminal Code part');
    return `has_article(${whole ? part.article : part.id})`;
  }),
);

export const leafArb = (extra: string[]): fc.Arbitrary<ConditionSource> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...LEAVES) },
    { weight: 3, arbitrary: generatedLeaf },
    { weight: 1, arbitrary: fc.boolean() },
    ...(extra.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...extra, ...extra.map((d) => `not ${d}`)) }] : []),
  );

/** Condition trees of depth ≤ `depth` over the leaves (and the named definitions in `extra`). */
export function conditionArb(depth: number, extra: string[] = []): fc.Arbitrary<ConditionSource> {
  const leaf = leafArb(extra);
  if (depth === 0) return leaf;
  const sub = conditionArb(depth - 1, extra);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 4 }).map((all) => ({ all })) },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 4 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: sub.map((not) => ({ not })) },
  );
}

