/**
 * `amnestia impact` on the default national registry for the women's proposal: the JSON report
 * holds every section the ministry asked for, and satisfies its documented schema.
 */
import { describe, expect, it } from 'vitest';
import { loadLaw } from '../law/law.ts';
import { impactReportSchema } from '../impact/report.ts';
import { renderImpact } from '../impact/render.ts';
import { sampleRegistry } from './acts.ts';
import { admissionsArg, impactOf, SHIPPED_ACTS, shareArg } from './impact.ts';

const law = loadLaw();
const registry = sampleRegistry(law);
const { report } = impactOf(law, registry, 'default', [...SHIPPED_ACTS], { changes: 10 });
const women = report.acts[0]!;

describe('impact of the women’s proposal on the default registry', () => {
  it('is a valid report of the three shipped acts with their comparison', () => {
    expect(() => impactReportSchema.parse(JSON.parse(JSON.stringify(report)))).not.toThrow();
    expect(report.acts.map((a) => a.act.id)).toEqual([...SHIPPED_ACTS]);
    expect(report.comparison!.transitions.map((t) => t.to)).toEqual(['kz-2025-sex-neutral', 'kz-2025-constitution-30']);
    expect(report.comparison!.transitions[0]!.changes).toHaveLength(10);
  });

  it('splits savings by custody type under both daily costs, with the letter’s method beside them', () => {
    expect(women.money.variants.map((v) => v.inmate_cost.value)).toEqual([2900, 7500]);
    for (const v of women.money.variants) {
      expect(v.institution.first_year + v.probation.first_year).toBe(v.total.first_year);
      expect(v.probation.first_year).toBeGreaterThan(0);
    }
    // The letter's own method charges every released woman a prison bed for a year: far more than the releases save.
    const lm = women.money.letter_method;
    expect(lm.per_year).toBe(lm.released * 2900 * 365);
    expect(lm.released_probation).toBeGreaterThan(lm.released_institution);
    expect(women.money.variants[0]!.by_measure['release']!.first_year).toBeLessThan(lm.per_year);
    expect(women.money.difference.kk.length).toBeGreaterThan(50);
  });

  it('reports the men the sex-neutral counterfactual adds', () => {
    expect(women.equality.depends_on_sex.clauses.length).toBe(4);
    expect(women.equality.counterfactual.added.men).toBeGreaterThan(10_000);
    expect(women.equality.counterfactual.added.women).toBe(0);
    expect(women.equality.verdict.ru).toContain('ст. 14 Конституции');
  });

  it('has the victims, the risk interval and the 24-month projection', () => {
    expect(women.victims.covered_with_unpaid_claims).toBeGreaterThan(0);
    expect(women.victims.with_condition.released_with_unpaid_claims_after).toBe(0);
    const [y1, y3] = women.risk.horizons;
    expect(y1!.low).toBeLessThanOrEqual(y1!.expected);
    expect(y1!.high).toBeGreaterThanOrEqual(y1!.expected);
    expect(y3!.expected).toBeGreaterThan(y1!.expected);
    expect(women.projection.months).toHaveLength(24);
    expect(women.projection.months.at(-1)!.beds_freed).toBeGreaterThan(0);
  });

  it('renders in the three languages, as text and Markdown', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const text = renderImpact(report, lang, 'text');
      expect(text).toContain(women.act.title[lang]);
      expect(renderImpact(report, lang, 'md')).toMatch(/^\| .* \|$/m);
    }
  });
});

describe('impact command options', () => {
  it('read admissions and shares, and refuse what they cannot read', () => {
    expect(admissionsArg('institution=440,probation=1200.5')).toEqual({ institution: 440, probation: 1200.5 });
    expect(() => admissionsArg('institution=440')).toThrow('cli.admissions_both');
    expect(() => admissionsArg('prison=4')).toThrow('{"key":"cli.expected_admissions","params":{"part":"prison=4"}}');
    expect(shareArg('0.85')).toBe(0.85);
    expect(() => shareArg('1.5')).toThrow('cli.expected_share');
  });
});
