/**
 * Impact figures on a registry of nine persons under a small act (test/fixtures/test-impact), every
 * expected value worked out by hand in the comments. D = 2025-01-01, the act's entry into force.
 *
 *   P1 woman, institution, theft 188-1 (medium), ends D+100            → Art. 1 release, 100 days
 *   P2 woman, probation,   188-1 (medium), ends D+400, owes 50 000     → Art. 1 release, 400 days
 *   P3 woman aged 65, institution, 188-3 (grave), ends D+200           → Art. 2 reduce ½, 101 days
 *      (6 months 19 days left; half is 3 months 9½ days → 10: new end 2025-04-10, D+99 — docs/acts.md)
 *   P4 woman, institution, 188-3 (grave), ends D+1000, owes 100 000    → Art. 3 replace (1000 days moved)
 *   P5 man, institution, 188-3 (grave), ends D+480                     → Art. 4 reduce ¼, 120 days
 *      (15 months 25 days left; a quarter is 3 months 28¾ days → 29: new end 2025-12-27, D+360)
 *   P6 man, institution, 188-1 (medium), ends D+300                    → not covered
 *   P7 woman, institution, bribery 366-2 (grave, corruption)           → excluded
 *   P8 man, probation, 202-1 (minor), ends D+50                        → not covered
 *   P9 woman whose term ended before D                                 → not serving
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, isoDay } from '../domain/dates.ts';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../paths.ts';
import { loadAct } from '../engine/act/plan.ts';
import { sexNeutralPlan } from '../engine/act/transform.ts';
import { RegistryBuilder, registryOf } from '../registry/registry.ts';
import type { Facilities } from '../registry/facilities.ts';
import type { PersonRecord } from '../registry/record.ts';
import { testPerson } from '../engine/testing/person.ts';
import { loadImpactConfig } from './config.ts';
import { computeImpact } from './impact.ts';
import { impactReportSchema } from './report.ts';
import { binomial } from './risk.ts';
import { Random } from '../registry/synthetic/random.ts';
import { projection } from './projection.ts';
import { runAct } from './run.ts';
import { parameterUsed } from './parameters-used.ts';
import { verdict } from './equality.ts';
import { largestGap } from './equality.ts';
import type { DisparityRow } from './report.ts';
import { calendarPolicy, equalityPolicy } from './policy.ts';
import { renderImpact } from './render.ts';

const law = loadLaw();
const cc = law.criminalCode;
const config = loadImpactConfig(DEFAULT_PATHS.impact, law);
const { plan } = loadAct(`${PROJECT_ROOT}/test/fixtures/test-impact/act.yaml`, law);
const D = isoDay('2025-01-01');
const part = (ref: string) => cc.part(ref)!.index;

const facilities: Facilities = {
  synthetic: true,
  source: 'test',
  regions: [{ code: 'r1', ru: 'Регион', kk: 'Өңір', en: 'Region' }],
  facilities: [
    { code: 'W-T', type: 'institution', sex: 'F', region: 'r1', capacity: 10, ru: 'Женское учреждение', kk: 'Әйелдер мекемесі', en: 'Women’s institution' },
    { code: 'M-T', type: 'institution', sex: 'M', region: 'r1', capacity: 5, ru: 'Мужское учреждение', kk: 'Ерлер мекемесі', en: 'Men’s institution' },
    { code: 'P-T', type: 'probation', region: 'r1', ru: 'Пробация', kk: 'Пробация', en: 'Probation' },
  ],
};

function person(id: string, o: Partial<PersonRecord>): PersonRecord {
  return testPerson(cc, { personId: id, region: 'r1', sentenceStartDay: isoDay('2024-01-01'), ...o });
}

const persons: PersonRecord[] = [
  person('P1', { facility: 'W-T', sentenceEndDay: D + 100 }),
  person('P2', { custody: 'probation', facility: 'P-T', sentenceType: 'restriction_of_liberty', sentenceEndDay: D + 400, civilClaimAmount: 80_000, civilClaimPaid: 30_000, damageCaused: true }),
  person('P3', { facility: 'W-T', birthYmd: 19590601, articles: [part('188-3')], sentenceEndDay: D + 200 }),
  person('P4', { facility: 'W-T', articles: [part('188-3')], sentenceEndDay: D + 1000, civilClaimAmount: 100_000, civilClaimPaid: 0, damageCaused: true }),
  person('P5', { sex: 'M', facility: 'M-T', articles: [part('188-3')], sentenceEndDay: D + 480 }),
  person('P6', { sex: 'M', facility: 'M-T', sentenceEndDay: D + 300 }),
  person('P7', { facility: 'W-T', articles: [part('366-2')], sentenceEndDay: isoDay('2028-06-01') }),
  person('P8', { sex: 'M', custody: 'probation', facility: 'P-T', sentenceType: 'restriction_of_liberty', articles: [part('202-1')], sentenceEndDay: D + 50 }),
  person('P9', { facility: 'W-T', sentenceEndDay: isoDay('2024-12-01') }),
];
const builder = new RegistryBuilder(cc);
for (const p of persons) builder.push(p);
const registry = builder.finish();

const options = { grantRate: 1, admissions: { institution: 0, probation: 0 }, riskRuns: 1000, riskSeed: 7 };
const { report } = computeImpact({ plans: [plan], registry, registrySource: 'test', law, facilities, config, options });
const a = report.acts[0]!;

describe('impact on a registry checked by hand', () => {
  it('writes a report that satisfies its documented schema', () => {
    expect(() => impactReportSchema.parse(report)).not.toThrow();
  });

  it('counts outcomes of the persons serving (P9 is not)', () => {
    expect(a.outcomes.persons).toBe(8);
    expect(a.outcomes.by_status).toEqual({ not_covered: 2, eligible: 5, excluded: 1, needs_review: 0 });
    expect(a.outcomes.by_clause.map((c) => [c.id, c.persons, c.days_remitted])).toEqual([
      ['art1', 2, 500],
      ['art2', 1, 101],
      ['art3', 1, 0],
      ['art4', 1, 120],
    ]);
    expect(a.outcomes.days_remitted).toBe(721);
    // the act's own exclusion, then the Criminal Code's (Art. 78 part 2), which exclude no one here
    expect(a.outcomes.by_exclusion[0]).toEqual({ id: 'corruption', ref: 'Art. 5', text: { kk: 'сыбайлас жемқорлық', ru: 'коррупция', en: 'коррупция' }, persons: 1, unverified: ['act.source', 'text:corruption'] });
    expect(a.outcomes.by_exclusion.slice(1).map((x) => [x.id, x.ref, x.persons])).toEqual(['cc78_sexual_minors', 'cc78_terrorist', 'cc78_extremist', 'cc78_torture', 'cc78_recidivism'].map((id) => [id, 'CC Art. 78 part 2', 0]));
  });

  it('names the unverified inputs of every section and figure, each in the report\'s dictionary', () => {
    const dictionary = new Set(report.unverified_inputs.map((d) => d.key));
    const referenced = [
      ...Object.values(a.unverified).flat(),
      ...a.outcomes.by_clause.flatMap((c) => c.unverified),
      ...a.outcomes.by_exclusion.flatMap((x) => x.unverified),
      ...a.money.variants.flatMap((v) => v.unverified),
      ...a.money.letter_method.unverified,
    ];
    for (const k of referenced) expect(dictionary.has(k), k).toBe(true);
    for (const d of report.unverified_inputs) for (const lang of ['kk', 'ru', 'en'] as const) expect(d.label[lang].length).toBeGreaterThan(0);
    // the act's source and the wording of the clause that decided: per clause, only its own wording
    expect(a.outcomes.by_clause.find((c) => c.id === 'art2')!.unverified).toEqual(['act.source', 'text:art2', 'text:woman']);
    // the Code's exclusions are its official wording: only the act's source
    expect(a.outcomes.by_exclusion.find((x) => x.id === 'cc78_torture')!.unverified).toEqual(['act.source']);
    // synthetic facilities under coverage, the assumed rates under risk, the probation cost under money
    expect(a.unverified.coverage).toContain('facilities');
    expect(a.unverified.outcomes).not.toContain('facilities');
    expect(a.unverified.risk).toContain('rates');
    expect(a.unverified.money).toContain('law:cost.probationer_per_day');
    expect(a.unverified.outcomes).not.toContain('registry');
    const synthetic = computeImpact({ plans: [plan], registry, registrySource: 'test', law, facilities, config, options, registrySynthetic: true }).report;
    expect(synthetic.acts[0]!.unverified.outcomes).toContain('registry');
  });

  it('breaks coverage down by custody, sex, gravity and social category', () => {
    const inst = a.coverage.custody.find((r) => r.key === 'institution')!;
    // P1, P3, P4, P5, P6, P7: released P1, reduced P3 P5, replaced P4, excluded P7, not covered P6.
    expect(inst).toMatchObject({ persons: 6, covered: 4, released: 1, reduced: 2, replaced: 1, excluded: 1, not_covered: 1, days_remitted: 321 });
    expect(a.coverage.custody.find((r) => r.key === 'probation')).toMatchObject({ persons: 2, covered: 1, released: 1, not_covered: 1, days_remitted: 400 });
    expect(a.coverage.sex.map((r) => [r.key, r.persons, r.covered])).toEqual([
      ['F', 5, 4],
      ['M', 3, 1],
    ]);
    expect(a.coverage.gravity.map((r) => [r.key, r.persons, r.covered])).toEqual([
      ['minor', 1, 0],
      ['medium', 3, 2],
      ['grave', 4, 3],
    ]);
    const cat = Object.fromEntries(a.coverage.social_category.map((r) => [r.key, [r.persons, r.covered]]));
    expect(cat['age_60_plus']).toEqual([1, 1]);
    expect(cat['any_category']).toEqual([1, 1]);
    expect(cat['no_category']).toEqual([7, 4]);
    expect(a.coverage.by_status_measure).toEqual([
      { status: 'not_covered', measure: 'none', persons: 2 },
      { status: 'eligible', measure: 'release', persons: 2 },
      { status: 'eligible', measure: 'reduce_unserved', persons: 2 },
      { status: 'eligible', measure: 'replace_milder', persons: 1 },
      { status: 'excluded', measure: 'none', persons: 1 },
    ]);
    expect(a.coverage.region).toEqual([
      { key: 'r1', label: { kk: 'Өңір', ru: 'Регион', en: 'Region' }, persons: 8, covered: 5, released: 2, reduced: 2, replaced: 1, other: 0, excluded: 1, needs_review: 0, not_covered: 2, days_remitted: 721 },
    ]);
    expect(a.coverage.facility.map((r) => [r.key, r.persons])).toEqual([
      ['W-T', 4],
      ['M-T', 2],
      ['P-T', 2],
    ]);
  });

  it('measures occupancy relief against capacity', () => {
    // W-T holds P1 P3 P4 P7; P1 (release) and P4 (replaced) leave at once.
    expect(a.coverage.occupancy.find((r) => r.facility === 'W-T')).toMatchObject({ capacity: 10, held: 4, leaving: 2, leaving_earlier_within_year: 0, occupancy_before: 0.4, occupancy_after: 0.2 });
    // M-T holds P5 P6; P5's end moves from D+480 to D+360, inside the first year.
    expect(a.coverage.occupancy.find((r) => r.facility === 'M-T')).toMatchObject({ capacity: 5, held: 2, leaving: 0, leaving_earlier_within_year: 1, occupancy_before: 0.4, occupancy_after: 0.4 });
  });

  it('prices the days remitted by custody, under both inmate costs', () => {
    expect(a.money.days).toEqual({ released_institution: 100, released_probation: 400, reduced_institution: 221, reduced_probation: 0, replaced_institution: 1000, unknown_persons: 0 });
    const [letter, committee] = a.money.variants;
    expect(letter!.inmate_cost).toMatchObject({ value: 2900, from: '2025-01-30', extrapolated: true });
    expect(committee!.inmate_cost).toMatchObject({ value: 7500, from: '2024-07-18', extrapolated: false });
    expect(letter!.probation_cost.value).toBe(300);
    // First month [D, D+30): P1 30 × 2900, P2 30 × 300, P4 30 × (2900 − 300) = 174 000 → per day 5 800.
    // First year: P1 100 × 2900 + P2 365 × 300 + P3 101 × 2900 + P4 365 × 2600 + P5 5 × 2900 (D+360..D+365).
    // Horizon: P1 100 × 2900 + P2 400 × 300 + P3 101 × 2900 + P4 1000 × 2600 + P5 120 × 2900.
    expect(letter!.total).toEqual({ first_month_per_day: 5800, first_year: 1_655_900, horizon: 3_650_900 });
    expect(letter!.institution.first_year).toBe(1_546_400);
    expect(letter!.probation.first_year).toBe(109_500);
    expect(letter!.by_measure['replace']).toEqual({ first_month_per_day: 2600, first_year: 949_000, horizon: 2_600_000 });
    // 7 500 a day: first month 30 × 7500 + 30 × 300 + 30 × 7200 = 450 000 → 15 000 a day.
    expect(committee!.total).toEqual({ first_month_per_day: 15_000, first_year: 4_282_500, horizon: 9_727_500 });
    expect(a.money.horizon_end).toBe(formatIsoDate(D + 999));
  });

  it('reproduces the letter’s method beside ours', () => {
    // Two released (P1 institution, P2 probation) × 2 900 a day, × 365.
    expect(a.money.letter_method).toMatchObject({ released: 2, released_institution: 1, released_probation: 1, per_day: 5800, per_year: 2_117_000, mean_days_left: 250 });
    expect(a.money.difference.en).toContain('1 of them are on probation');
    expect(a.money.difference.ru).toContain('250');
  });

  it('finds the clauses that depend on sex and what the sex-neutral act adds', () => {
    expect(a.equality.depends_on_sex.clauses.map((c) => c.id)).toEqual(['art1', 'art2', 'art3']);
    expect(a.equality.depends_on_sex.definitions).toEqual(['woman']);
    // Art. 1 for everyone: P6 (medium) and P8 (minor) are released; nobody else changes.
    const cf = a.equality.counterfactual;
    expect(cf.covered).toBe(7);
    expect(cf.added).toEqual({
      persons: 2,
      women: 0,
      men: 2,
      by_gravity: { medium: 1, minor: 1 },
      by_custody: { institution: 1, probation: 1 },
      by_measure: { release: 2 },
      by_clause: { 'Art. 1': 2 },
      by_social_category: { no_category: 2 },
    });
    expect(cf.removed).toEqual({ persons: 0, women: 0, men: 0 });
    expect(cf.measure_changed).toEqual({ persons: 0, women: 0, men: 0, by_transition: {} });
    expect(a.equality.verdict.en).toContain('Art. 1, Art. 2, Art. 3');
    expect(a.equality.verdict.en).toContain('2 men');
  });

  it('compares coverage rates of women and men within gravity and social group', () => {
    const rows = Object.fromEntries(a.equality.disparity.map((r) => [`${r.gravity}/${r.group}`, r]));
    expect(rows['medium/no_category']).toMatchObject({ women: { persons: 2, covered: 2, rate: 1 }, men: { persons: 1, covered: 0, rate: 0 }, difference_points: 100 });
    // P4 covered, P7 excluded; P5 covered.
    expect(rows['grave/no_category']).toMatchObject({ women: { persons: 2, covered: 1, rate: 0.5 }, men: { persons: 1, covered: 1, rate: 1 }, difference_points: -50 });
    expect(rows['grave/any_category']).toMatchObject({ women: { persons: 1, covered: 1 }, men: { persons: 0, rate: null }, difference_points: null });
    // Per social category too: P3 is the only person aged 60 or over.
    expect(rows['grave/age_60_plus']).toMatchObject({ women: { persons: 1, covered: 1, released: 0, released_rate: 0 }, men: { persons: 0 } });
    // Release rates: P1 and P2 released, P6 not.
    expect(rows['medium/no_category']).toMatchObject({ women: { released: 2, released_rate: 1 }, men: { released: 0, released_rate: 0 }, released_difference_points: 100 });
    expect(Object.keys(rows).sort()).toEqual(['grave/age_60_plus', 'grave/any_category', 'grave/no_category', 'medium/no_category', 'minor/no_category']);
    // Groups under ten persons a side are too small to name as the largest gap.
    expect(a.equality.largest_gap).toBeNull();
  });

  it('counts victims’ unpaid claims and what the 2025 condition changes', () => {
    const v = a.victims;
    expect(v.covered_with_unpaid_claims).toBe(2);
    expect(v.unpaid_total).toBe(150_000);
    expect(v.by_measure).toEqual({ release: { persons: 1, unpaid: 50_000 }, replace: { persons: 1, unpaid: 100_000 } });
    expect(v.by_custody).toEqual({ probation: { persons: 1, unpaid: 50_000 }, institution: { persons: 1, unpaid: 100_000 } });
    // P2 caused damage, did not compensate it, and a claim was filed: Art. 1 no longer releases her.
    expect(v.with_condition).toMatchObject({
      applies_to: ['release'],
      covered_before: 5,
      covered_after: 4,
      released_before: 2,
      released_after: 1,
      released_with_unpaid_claims_before: 1,
      released_with_unpaid_claims_after: 0,
      leave_clause: 1,
      leave_clause_unpaid: 50_000,
      leave_clause_now: { not_covered: 1 },
    });
  });

  it('estimates repeat offending of the released from base rates', () => {
    // P1, P2: medium, no prior conviction (× 0.7), aged 45 (× 0.8): 0.15 × 0.56 = 0.084 a year, 0.32 × 0.56 = 0.1792 in 3.
    const [y1, y3] = a.risk.horizons;
    expect(a.risk.released).toBe(2);
    expect(y1).toMatchObject({ years: 1, expected: 0.2, rate: 0.084 });
    expect(y3).toMatchObject({ years: 3, expected: 0.4, rate: 0.1792 });
    expect(y1!.low).toBe(0);
    expect(y1!.high).toBeGreaterThanOrEqual(y1!.low);
    expect(y3!.high).toBeGreaterThanOrEqual(y1!.high);
    expect(y3!.high).toBeLessThanOrEqual(2);
  });

  it('projects populations month by month with applications spread over the execution period', () => {
    const p = a.projection;
    // Execution period 2025-01-01 … 2025-03-31: decisions on D+15, D+45 and D+74, a third each.
    expect(p.applications).toEqual({ from: '2025-01-01', to: '2025-03-31', slots: 3 });
    expect(p.months).toHaveLength(24);
    const m1 = p.months[0]!;
    // On D+30: baseline P1 P3 P4 P5 P6 P7 held; with the act P1 and P4 left with the D+15 third.
    expect(m1).toMatchObject({ month: 1, end: '2025-01-31', baseline: { institution: 6, probation: 2 }, act: { institution: 5.3, probation: 2 }, beds_freed: 0.7 });
    // Days D+15 … D+30 (16 days): P1 and P4 a third out of the institution; P2 a third out of probation, P4 a third onto it.
    expect(m1.saved).toEqual([Math.round((32 / 3) * 2900), Math.round((32 / 3) * 7500)]);
    const m24 = p.months[23]!;
    // On D+729 only P7 (to 2028) and P4 (to D+1000) would be held; P4 is on probation instead.
    expect(m24).toMatchObject({ end: '2026-12-31', baseline: { institution: 2, probation: 0 }, act: { institution: 1, probation: 1 }, beds_freed: 1 });
    // Whole horizon: institution days saved P1 55⅓ + P3 101 + P4 685⅓ + P5 120; probation P2 +355⅓, P4 −685⅓.
    expect(p.saved_total[0]).toBe(Math.round((55 + 1 / 3 + 101 + 685 + 1 / 3 + 120) * 2900 + (355 + 1 / 3 - (685 + 1 / 3)) * 300));
    expect(p.admissions_per_month).toEqual({ institution: 0, probation: 0, basis: 'given' });
  });

  it('keeps expected populations in the steady state when admissions are not given', () => {
    // Two held in an institution with terms of 100 and 300 days: inflow = 2 × (1/100 + 1/300) / 2 a day.
    const b = new RegistryBuilder(cc);
    b.push(person('S1', { sentenceStartDay: D - 50, sentenceEndDay: D + 50 }));
    b.push(person('S2', { sentenceStartDay: D - 100, sentenceEndDay: D + 200 }));
    const r = b.finish();
    const run = runAct(plan, r, law);
    const p = projection(run, r, { horizonMonths: 24, grantRate: parameterUsed(law, 'amnesty.grant_rate', D), admissions: null, costs: [[2900, 300]] });
    expect(p.admissions_per_month.basis).toBe('steady_state');
    expect(p.admissions_per_month.institution).toBeCloseTo(Math.round((1 / 100 + 1 / 300) * (365.25 / 12) * 10) / 10, 5);
    // Long after the two have left, the admitted keep about as many held as before (2).
    expect(p.months[23]!.baseline.institution).toBeGreaterThan(1.6);
    expect(p.months[23]!.baseline.institution).toBeLessThan(2.4);
  });
});

describe('projection edge cases', () => {
  it('keeps application slots on the same day of each month when the period starts on the 31st', () => {
    const late = { ...plan, entryIntoForce: isoDay('2025-01-31'), executionEnd: isoDay('2025-07-31') };
    const p = projection(runAct(late, registry, law), registry, { horizonMonths: 12, grantRate: parameterUsed(law, 'amnesty.grant_rate', D), admissions: { institution: 0, probation: 0 }, costs: [[2900, 300]] });
    // Jan 31 – Feb 28, Feb 28 – Mar 31, … Jun 30 – Jul 31: six months, not seven.
    expect(p.applications.slots).toBe(6);
  });

  it('leaves covered persons whose end of term is unknown as in the baseline, and counts them', () => {
    const b = new RegistryBuilder(cc);
    b.push(person('U1', { sentenceEndDay: null }));
    const r = b.finish();
    const run = runAct(plan, r, law);
    expect(run.kind[0]).toBe(0); // released (the days cannot be computed)
    const p = projection(run, r, { horizonMonths: 3, grantRate: parameterUsed(law, 'amnesty.grant_rate', D), admissions: { institution: 0, probation: 0 }, costs: [[2900, 300]] });
    expect(p.unknown_end_persons).toBe(1);
    expect(p.months.map((m) => m.beds_freed)).toEqual([0, 0, 0]);
    expect(p.saved_total).toEqual([0]);
  });
});

describe('the equality verdict', () => {
  const none = { persons: 0, women: 0, men: 0 };
  const label = (g: string) => ({ kk: g, ru: g, en: g });
  it('asks for a review when only an exclusion depends on sex', () => {
    const v = verdict({ groupLabel: label, clauses: [], exclusions: ['Art. 3 §1(2)'], added: { persons: 8, women: 0, men: 8 }, removed: none, changed: { ...none, by_transition: {} }, largest: null, gapWorthReview: 5 });
    expect(v.en).toContain('Exclusions that depend on sex: Art. 3 §1(2).');
    expect(v.ru).toContain('От пола зависят исключения: ст. 3 п. 1 пп. 2.');
    expect(v.kk).toContain('3-бап 1-т. 2) тт.');
    expect(v.en).toContain('A reviewer should check');
  });
  it('names a different measure for persons covered either way', () => {
    const v = verdict({ groupLabel: label, clauses: ['Art. 1'], exclusions: [], added: none, removed: none, changed: { persons: 1305, women: 0, men: 1305, by_transition: { 'reduce→release': 1305 } }, largest: null, gapWorthReview: 5 });
    expect(v.en).toContain('For 1,305 persons already covered (1,305 men, 0 women) another measure would apply: reduction → release 1,305.');
  });
  it('finds nothing to review in an act that does not depend on sex and treats both alike', () => {
    expect(verdict({ groupLabel: label, clauses: [], exclusions: [], added: none, removed: none, changed: { ...none, by_transition: {} }, largest: null, gapWorthReview: 5 }).en).toBe(
      'No condition of the act depends on sex. Nothing was found that calls for a special equality review.',
    );
  });
});

describe('comparison of acts', () => {
  const neutral = sexNeutralPlan(plan);
  const { report: both } = computeImpact({ plans: [plan, neutral], registry, registrySource: 'test', law, facilities, config, options });

  it('puts the acts side by side', () => {
    expect(both.comparison!.acts.map((x) => [x.id, x.covered, x.released, x.women_covered, x.men_covered])).toEqual([
      ['test-impact', 5, 2, 4, 1],
      ['test-impact~sex-neutral', 7, 4, 4, 3],
    ]);
  });

  it('gives the transition matrix and the persons whose outcome changes', () => {
    const tr = both.comparison!.transitions[0]!;
    expect(tr.kinds).toEqual(['none', 'release', 'reduce', 'replace', 'other']);
    expect(tr.matrix).toEqual([
      [1, 2, 0, 0, 0],
      [0, 2, 0, 0, 0],
      [0, 0, 2, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(tr.changed).toBe(2);
    expect(tr.changes.map((c) => [c.person_id, c.from.status, c.to.measure, c.to.days_remitted])).toEqual([
      ['P6', 'not_covered', 'release', 300],
      ['P8', 'not_covered', 'release', 50],
    ]);
  });
});

describe('binomial draws', () => {
  it('have the binomial mean and variance, by inversion and by the normal approximation', () => {
    for (const [n, p] of [
      [40, 0.1],
      [5000, 0.3],
      [100, 0.9],
    ] as const) {
      const rng = new Random(11);
      const runs = 20_000;
      let sum = 0;
      let sq = 0;
      for (let k = 0; k < runs; k++) {
        const x = binomial(rng, n, p);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
        sum += x;
        sq += x * x;
      }
      const mean = sum / runs;
      const variance = sq / runs - mean * mean;
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / runs));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
    }
  });
});

describe('an act in force before the parameters’ first values', () => {
  it('is measured: the parameters it reads (here the family ones behind “many children”) take their first value, marked extrapolated', () => {
    const old = { ...plan, id: 'test-impact-2000', entryIntoForce: isoDay('2000-06-01'), executionEnd: isoDay('2000-08-31') };
    const before = persons.map((p) => ({ ...p, sentenceStartDay: isoDay('1999-01-01'), sentenceEndDay: isoDay('2001-06-01') }));
    const { report: r } = computeImpact({ plans: [old], registry: registryOf(cc, before), registrySource: 'test', law, facilities, config, options });
    expect(() => impactReportSchema.parse(r)).not.toThrow();
    const family = r.parameters.filter((p) => p.name.startsWith('family.'));
    expect(family.map((p) => p.name).sort()).toEqual(['family.child_age_limit', 'family.many_children_threshold']);
    const threshold = family.find((p) => p.name === 'family.many_children_threshold')!;
    expect(threshold).toMatchObject({ value: 4, from: '2005-06-28', extrapolated: true });
    // the child age limit has a value from 1995: read as it stood, not extrapolated
    expect(family.find((p) => p.name === 'family.child_age_limit')).toMatchObject({ value: 18, extrapolated: false });
  });
});

describe('impact as of another day of entry into force', () => {
  // 150 days later: P1 (ends D+100) and P8 (ends D+50) have served their terms; the execution
  // period keeps its length (90 days)
  const later = D + 150;
  const { report: r } = computeImpact({ plans: [plan], registry, registrySource: 'test', law, facilities, config, options: { ...options, asOfDay: later } });
  const x = r.acts[0]!;

  it('evaluates the act as if it entered into force on that day, and says so', () => {
    expect(x.act).toMatchObject({ entry_into_force: '2025-01-01', execution_end: '2025-03-31', as_of: formatIsoDate(later), as_of_execution_end: formatIsoDate(later + 89) });
    expect(x.outcomes.persons).toBe(6);
    // P2 released with 250 days left instead of 400; P3 (ends D+200): half of 1 month 20 days is
    // 25 days; P5 (ends D+480): a quarter of 10 months 26 days is 2 months 21½ days → 22, leaving
    // 8 months 4 days: new end 2026-02-04, 81 days
    expect(x.outcomes.by_clause.map((c) => [c.id, c.persons, c.days_remitted])).toEqual([
      ['art1', 1, 250],
      ['art2', 1, 25],
      ['art3', 1, 0],
      ['art4', 1, 81],
    ]);
    expect(() => impactReportSchema.parse(r)).not.toThrow();
  });
});

describe('the policy numbers come from law/parameters.yaml', () => {
  const law = loadLaw();
  const side = (persons: number, covered: number) => ({ persons, covered, rate: covered / persons, released: 0, released_rate: 0 });
  const row = (women: number, men: number, cw: number, cm: number): DisparityRow => {
    const w = side(women, cw);
    const m = side(men, cm);
    return { gravity: 'medium', group: 'no_category', women: w, men: m, difference_points: Math.round((w.rate - m.rate) * 1000) / 10, released_difference_points: 0 };
  };
  it('reads the thresholds and the calendar as dated parameters', () => {
    const day = isoDay('2025-07-01');
    expect(equalityPolicy(law.parameters, day)).toEqual({ minGroup: law.parameters.value('impact.equality.min_group', day), gapWorthReview: law.parameters.value('impact.equality.gap_worth_review', day) });
    expect(calendarPolicy(law.parameters, day)).toEqual({ daysPerYear: law.parameters.value('calendar.days_per_year', day), meanDaysPerYear: law.parameters.value('calendar.mean_days_per_year', day) });
  });
  it('names the largest gap only among rows of at least the least group on each side', () => {
    const small = row(4, 40, 4, 10); // a 75-point gap over 4 women
    const big = row(20, 30, 10, 12); // a 10-point gap
    expect(largestGap([small, big], 10)?.row).toBe(big);
    expect(largestGap([small, big], 4)?.row).toBe(small);
    expect(largestGap([small, big], 50)).toBeNull();
  });
  it('asks for a review from the gap worth a review on', () => {
    const none = { persons: 0, women: 0, men: 0 };
    const r = row(20, 30, 10, 12);
    const base = { groupLabel: (g: string) => ({ kk: g, ru: g, en: g }), clauses: [], exclusions: [], added: none, removed: none, changed: { ...none, by_transition: {} }, largest: { row: r, on: 'covered' as const, points: 10 } };
    expect(verdict({ ...base, gapWorthReview: 10 }).en).toContain('A reviewer should check');
    expect(verdict({ ...base, gapWorthReview: 10.5 }).en).toContain('Nothing was found that calls for a special equality review.');
  });
});

describe('the rendered report', () => {
  // The text and Markdown of this report in each language, kept beside the test: a change of a text
  // or of a figure shows here line by line. After an intended change, update them with
  // `npx vitest run src/impact/impact.test.ts -u` and read the difference before committing.
  const fixed = { ...report, compute_ms: 0 };
  for (const lang of ['kk', 'ru', 'en'] as const)
    for (const format of ['text', 'md'] as const)
      it(`in ${lang}, as ${format}`, async () => {
        await expect(renderImpact(fixed, lang, format)).toMatchFileSnapshot(`./golden/test-impact.${lang}.${format === 'md' ? 'md' : 'txt'}`);
      });
});
