import { describe, expect, it } from 'vitest';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { loadAct } from '../engine/act/plan.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { generateRegistry } from '../registry/synthetic/generate.ts';
import { loadProfile } from '../registry/synthetic/profile.ts';
import { backtestJson, computeBacktest, loadResults, renderBacktest } from './backtest.ts';

const law = loadLaw();
const results = loadResults(DEFAULT_PATHS.results);
const { plan } = loadAct(`${DEFAULT_PATHS.acts}/${results.act}/act.yaml`, law);
const profile = loadProfile(DEFAULT_PATHS.profile);
const registry = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: DEFAULT_SEED });
const report = computeBacktest(results, plan, law, registry, 'default', true);
const fig = (id: string) => report.figures.find((f) => f.id === id)!;

describe('the 2025 law beside what it did', () => {
  it('counts the act’s outcome by custody and measure, consistently with the figures', () => {
    const c = report.outcome.byCustody;
    expect(fig('released').model).toBe(c.institution.released + c.probation.released);
    expect(fig('reduced').model).toBe(c.institution.reduced + c.probation.reduced);
    expect(fig('released_probation').model).toBe(c.probation.released);
    expect(fig('submissions').model).toBe((report.outcome.byStatus['eligible'] ?? 0) + (report.outcome.byStatus['needs_review'] ?? 0));
  });

  it('gives every figure more than the tolerance off its account, in kk, ru and en', () => {
    for (const f of report.figures) {
      if (f.within) continue;
      expect(f.account, f.id).not.toBeNull();
      for (const lang of ['kk', 'ru', 'en'] as const) expect(f.account![lang].length, `${f.id} ${lang}`).toBeGreaterThan(50);
    }
  });

  it('pins the model’s figures the accounts quote: a change here means the accounts in reports/results-kz-2025.yaml must be read again', () => {
    expect(Object.fromEntries(report.figures.map((f) => [f.id, f.model]))).toEqual({
      submissions: 16615,
      released_institution: 1288,
      released_probation: 8487,
      reduced: 6544,
      reduced_probation: 3858,
      released: 9775,
      reduced_institution: 2686,
      covered_probation: 12345,
      covered_institution: 3974,
    });
  });

  it('says what the model’s figures rest on, and prints the report in three languages', () => {
    expect(fig('released_probation').unverified).toContain('registry');
    expect(fig('reduced').unverified).toContain('param:grave_reduction');
    const ru = renderBacktest(report, 'ru');
    expect(ru).toContain('вне ±20%');
    expect(ru).toContain('освобождены от наказания на учёте пробации');
    expect(renderBacktest(report, 'kk')).toContain('±20% тыс');
    const json = backtestJson(report, 'en') as { figures: { id: string; gap: number }[]; unverified_inputs: { key: string }[] };
    expect(json.figures.find((f) => f.id === 'submissions')!.gap).toBeCloseTo(16615 / 15970 - 1, 6);
    expect(json.unverified_inputs.map((d) => d.key)).toContain('act.source');
  });
});
