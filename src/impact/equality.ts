/**
 * Equality before the law (Constitution of the Republic of Kazakhstan, Art. 14 §2: nobody may be
 * discriminated against on grounds of origin, social position, sex, race, …).
 *
 * Three findings: where the act's conditions depend on sex; what the same conditions applied to
 * everyone would add (the sex-neutral counterfactual, built from the act, not written by hand);
 * and how coverage rates of women and men compare within the same gravity and social group.
 */
import { GRAVITIES, SEXES } from '../domain/enums.ts';
import { sexDependence, sexNeutralPlan } from '../engine/act/transform.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import { MEASURE_KINDS } from './config.ts';
import type { DisparityRow, EqualitySection } from './report.ts';
import { runAct, type ActRun, type Categories } from './run.ts';
import { verdict } from './texts.ts';

/** Rows with fewer persons than this on either side are not candidates for the largest gap. */
export const MIN_GROUP = 10;

const F = SEXES.indexOf('F');
const M = SEXES.indexOf('M');

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function equality(run: ActRun, registry: Registry, law: Law, categories: Categories): { section: EqualitySection; neutral: ActRun } {
  const plan = run.plan;
  const dep = sexDependence(plan);
  const neutralPlan = sexNeutralPlan(plan);
  const neutral = neutralPlan === plan ? run : runAct(neutralPlan, registry, law, run.day);
  const c = registry.columns;

  const added = { persons: 0, women: 0, men: 0, by_gravity: {}, by_custody: {}, by_measure: {}, by_clause: {}, by_social_category: {} } as EqualitySection['counterfactual']['added'];
  const removed = { persons: 0, women: 0, men: 0 };
  let measureChanged = 0;
  let neutralCovered = 0;
  for (let i = 0; i < run.kind.length; i++) {
    const a = run.kind[i]!;
    const b = neutral.kind[i]!;
    if (b >= 0) neutralCovered++;
    if (a < 0 && b >= 0) {
      added.persons++;
      if (c.sex[i] === F) added.women++;
      else if (c.sex[i] === M) added.men++;
      bump(added.by_gravity, c.gravity[i]! >= 0 ? GRAVITIES[c.gravity[i]!]! : 'unknown');
      bump(added.by_custody, c.custody[i] === 0 ? 'institution' : c.custody[i] === 1 ? 'probation' : 'unknown');
      bump(added.by_measure, MEASURE_KINDS[b]!);
      bump(added.by_clause, neutralPlan.clauses[neutral.outcomes.clause[i]!]!.ref);
      let inAny = false;
      categories.masks.forEach((m, j) => {
        if (m[i]) {
          bump(added.by_social_category, categories.ids[j]!);
          inAny = true;
        }
      });
      if (!inAny) bump(added.by_social_category, 'no_category');
    } else if (a >= 0 && b < 0) {
      removed.persons++;
      if (c.sex[i] === F) removed.women++;
      else if (c.sex[i] === M) removed.men++;
    } else if (a >= 0 && run.outcomes.measure[i] !== neutral.outcomes.measure[i]) measureChanged++;
  }

  const disparity = disparityTable(run, registry, categories);
  const candidates = disparity.filter((r) => r.difference_points !== null && r.women.persons >= MIN_GROUP && r.men.persons >= MIN_GROUP);
  const largest = candidates.reduce<DisparityRow | null>((best, r) => (best === null || Math.abs(r.difference_points!) > Math.abs(best.difference_points!) ? r : best), null);
  const clauses = dep.clauses.map((j) => ({ id: plan.clauses[j]!.id, ref: plan.clauses[j]!.ref, label: plan.clauses[j]!.label }));
  const section: EqualitySection = {
    depends_on_sex: {
      clauses,
      exclusions: dep.exclusions.map((j) => ({ id: plan.exclusions[j]!.id, ref: plan.exclusions[j]!.ref })),
      definitions: dep.definitions,
    },
    counterfactual: { act_id: neutralPlan.id, covered: neutralCovered, added, removed, measure_changed: measureChanged },
    disparity,
    largest_gap: largest,
    verdict: verdict({ clauses: clauses.map((x) => x.ref), added, largest }),
  };
  return { section, neutral };
}

/** Coverage rate of women and of men within each gravity × (any social category / none). */
export function disparityTable(run: ActRun, registry: Registry, categories: Categories): DisparityRow[] {
  const c = registry.columns;
  // [gravity][group][sex][persons, covered]
  const acc = new Float64Array(GRAVITIES.length * 2 * 2 * 2);
  for (let i = 0; i < run.kind.length; i++) {
    if (!run.serving[i]) continue;
    const g = c.gravity[i]!;
    const s = c.sex[i]!;
    if (g < 0 || s < 0) continue;
    const at = ((g * 2 + (categories.any[i] ? 0 : 1)) * 2 + s) * 2;
    acc[at]!++;
    if (run.kind[i]! >= 0) acc[at + 1]!++;
  }
  const rows: DisparityRow[] = [];
  GRAVITIES.forEach((g, gi) =>
    (['any_category', 'no_category'] as const).forEach((group, k) => {
      const side = (s: number) => {
        const at = ((gi * 2 + k) * 2 + s) * 2;
        const persons = acc[at]!;
        const covered = acc[at + 1]!;
        return { persons, covered, rate: persons > 0 ? covered / persons : null };
      };
      const women = side(F);
      const men = side(M);
      if (women.persons === 0 && men.persons === 0) return;
      rows.push({ gravity: g, group, women, men, difference_points: women.rate !== null && men.rate !== null ? Math.round((women.rate - men.rate) * 1000) / 10 : null });
    }),
  );
  return rows;
}
