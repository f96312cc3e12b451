/**
 * Comparison of acts on one registry: their key figures side by side, the transition matrix of
 * measures between the first act and each other (kind under A × kind under B), and the persons
 * whose outcome changes. Each act is evaluated on its own day of entry into force.
 */
import { MEASURE_CODES } from '../engine/act/plan.ts';
import { STATUSES } from '../engine/act/outcome.ts';
import { SEXES } from '../domain/enums.ts';
import type { Registry } from '../registry/registry.ts';
import { MEASURE_KINDS } from './config.ts';
import type { ActImpact, Comparison } from './report.ts';
import type { ActRun } from './run.ts';

export const TRANSITION_KINDS = ['none', ...MEASURE_KINDS] as const;

type Change = Comparison['transitions'][number]['changes'][number];

function side(run: ActRun, i: number): Change['from'] {
  const o = run.outcomes;
  const status = STATUSES[o.status[i]!]!;
  // An excluded person's clause is the one the exclusion blocked: named by the exclusion instead.
  const clause = status === 'excluded' ? -1 : o.clause[i]!;
  const exclusion = status === 'excluded' ? o.exclusion[i]! : -1;
  return {
    status,
    measure: o.measure[i] === 0 ? null : MEASURE_CODES[o.measure[i]!]!,
    clause: clause >= 0 ? run.plan.clauses[clause]!.ref : null,
    excluded_by: exclusion >= 0 ? run.plan.exclusions[exclusion]!.ref : null,
    days_remitted: o.daysRemitted[i]! < 0 ? null : o.daysRemitted[i]!,
  };
}

/** Whether person i's outcome differs between two runs (status, measure or days remitted). */
export function changed(a: ActRun, b: ActRun, i: number): boolean {
  return a.outcomes.status[i] !== b.outcomes.status[i] || a.outcomes.measure[i] !== b.outcomes.measure[i] || a.outcomes.daysRemitted[i] !== b.outcomes.daysRemitted[i];
}

export function transition(a: ActRun, b: ActRun, registry: Registry, limit: number): Comparison['transitions'][number] {
  const n = TRANSITION_KINDS.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const changes: Change[] = [];
  let count = 0;
  for (let i = 0; i < registry.size; i++) {
    if (!a.serving[i] && !b.serving[i]) continue;
    matrix[a.kind[i]! + 1]![b.kind[i]! + 1]!++;
    if (!changed(a, b, i)) continue;
    count++;
    if (changes.length < limit) changes.push({ person_id: registry.personId[i]!, from: side(a, i), to: side(b, i) });
  }
  return { from: a.plan.id, to: b.plan.id, kinds: [...TRANSITION_KINDS], matrix, changed: count, changes, changes_listed: changes.length };
}

/** Every changed person, for a full listing (CSV) beside the report. */
export function* allChanges(a: ActRun, b: ActRun, registry: Registry): Generator<Change> {
  for (let i = 0; i < registry.size; i++) if ((a.serving[i] || b.serving[i]) && changed(a, b, i)) yield { person_id: registry.personId[i]!, from: side(a, i), to: side(b, i) };
}

export function summaryRow(impact: ActImpact, run: ActRun, registry: Registry): Comparison['acts'][number] {
  const sex = registry.columns.sex;
  const F = SEXES.indexOf('F');
  const M = SEXES.indexOf('M');
  let women = 0;
  let men = 0;
  for (let i = 0; i < run.kind.length; i++) {
    if (run.kind[i]! < 0) continue;
    if (sex[i] === F) women++;
    else if (sex[i] === M) men++;
  }
  const total = impact.coverage.custody.reduce(
    (acc, r) => ({ covered: acc.covered + r.covered, released: acc.released + r.released, reduced: acc.reduced + r.reduced, replaced: acc.replaced + r.replaced, excluded: acc.excluded + r.excluded, needs_review: acc.needs_review + r.needs_review }),
    { covered: 0, released: 0, reduced: 0, replaced: 0, excluded: 0, needs_review: 0 },
  );
  const month12 = impact.projection.months[11];
  return {
    id: impact.act.id,
    ...total,
    women_covered: women,
    men_covered: men,
    days_remitted: impact.outcomes.days_remitted,
    saved_first_year: impact.money.variants.map((v) => v.total.first_year),
    released_with_unpaid_claims: impact.victims.with_condition.released_with_unpaid_claims_before,
    reoffending_1y: impact.risk.horizons[0]!.expected,
    beds_freed_month_12: month12 ? month12.beds_freed : null,
  };
}
