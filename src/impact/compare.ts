/**
 * Comparison of acts on one registry: their key figures side by side, the transition matrix of
 * measures between the first act and each other (kind under A × kind under B), and the persons
 * whose outcome changes. Each act is evaluated on its own day of entry into force.
 *
 * Non-null assertions (`!`) left here are reads of the outcomes' columns (typed arrays) at a person
 * index below the registry's size, in the loops over every person.
 */
import { entryAt } from '../domain/lookup.ts';
import { MEASURE_CODES, MEASURE_LABELS, type MeasureCode } from '../engine/act/plan.ts';
import { measureAt, STATUSES } from '../engine/act/outcome.ts';
import { SEXES } from '../domain/enums.ts';
import { COMPARISON_ROW_TEXTS, COMPARISON_TEXTS as C } from '../i18n/impact/comparison.ts';
import { KIND_LABELS } from '../i18n/impact/labels.ts';
import { MONEY_TEXTS as M } from '../i18n/impact/money.ts';
import { citeRef } from '../i18n/refs.ts';
import type { Registry } from '../registry/registry.ts';
import { table, type Align } from '../reports/table.ts';
import { MEASURE_KINDS } from './config.ts';
import { captioned, heading, kindLabel, mln, n, paragraphs, t, type Ctx } from './render-kit.ts';
import type { ActImpact, Comparison, ImpactReport } from './report.ts';
import type { ActRun } from './run.ts';

export const TRANSITION_KINDS = ['none', ...MEASURE_KINDS] as const;

type Change = Comparison['transitions'][number]['changes'][number];

function side(run: ActRun, i: number): Change['from'] {
  const o = run.outcomes;
  const status = entryAt(STATUSES, o.status[i]!, 'outcome status');
  // An excluded person's clause is the one the exclusion blocked: named by the exclusion instead.
  const clause = status === 'excluded' ? -1 : o.clause[i]!;
  const exclusion = status === 'excluded' ? o.exclusion[i]! : -1;
  return {
    status,
    measure: measureAt(o, i) === 0 ? null : entryAt(MEASURE_CODES, measureAt(o, i), 'measure code'),
    clause: clause >= 0 ? entryAt(run.plan.clauses, clause, 'clause').ref : null,
    excluded_by: exclusion >= 0 ? entryAt(run.plan.exclusions, exclusion, 'exclusion').ref : null,
    days_remitted: o.daysRemitted[i]! < 0 ? null : o.daysRemitted[i]!,
  };
}

/** Whether person i's outcome differs between two runs (status, measure or days remitted). */
export function changed(a: ActRun, b: ActRun, i: number): boolean {
  return a.outcomes.status[i] !== b.outcomes.status[i] || measureAt(a.outcomes, i) !== measureAt(b.outcomes, i) || a.outcomes.daysRemitted[i] !== b.outcomes.daysRemitted[i];
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
    reoffending_1y: entryAt(impact.risk.horizons, 0, 'reoffending horizons').expected,
    beds_freed_month_12: month12 ? month12.beds_freed : null,
  };
}

/** The figures of the comparison table, in its order (each a number or null in `Comparison['acts']`). */
const CMP_ROWS = [
  'covered',
  'released',
  'reduced',
  'replaced',
  'excluded',
  'needs_review',
  'women_covered',
  'men_covered',
  'days_remitted',
  'released_with_unpaid_claims',
  'reoffending_1y',
  'beds_freed_month_12',
] as const satisfies readonly (keyof Comparison['acts'][number] & keyof typeof COMPARISON_ROW_TEXTS)[];

/** The comparison as text or Markdown: the figures side by side, then each transition matrix and its first changes. */
export function renderComparison(report: ImpactReport, ctx: Ctx, changes = 10): string {
  const c = report.comparison;
  if (!c) return '';
  const out: string[] = [];
  const push = paragraphs(out);
  push(heading(t(C.comparison, ctx), 2, ctx));
  const variants = entryAt(report.acts, 0, 'acts of the report').money.variants;
  const rows = CMP_ROWS.map((key) => [COMPARISON_ROW_TEXTS[key][ctx.lang], ...c.acts.map((a) => {
    const v = a[key] as number | null;
    return v === null ? '—' : n(v, ctx);
  })]);
  variants.forEach((v, k) => rows.push([`${t(M.firstYear, ctx)} (${n(v.inmate_cost.value, ctx)} ₸)`, ...c.acts.map((a) => mln(entryAt(a.saved_first_year, k, 'saving of a cost variant'), ctx))]));
  push(table([t(C.figure, ctx), ...c.acts.map((a) => a.id)], rows, ['l', ...c.acts.map((): Align => 'r')], ctx.format));
  for (const tr of c.transitions) {
    const caption = t(C.transition, ctx, { from: tr.from, to: tr.to, changed: n(tr.changed, ctx) });
    // Kinds no person has under either act are left out of the printed matrix (the JSON keeps them).
    const cell = (i: number, j: number) => entryAt(entryAt(tr.matrix, i, 'transition row'), j, 'transition cell');
    const shown = tr.kinds.flatMap((kind, i) => (tr.kinds.some((_, j) => cell(i, j) > 0 || cell(j, i) > 0) ? [{ kind, i }] : []));
    const matrixRows = shown.map(({ kind, i }) => [kindLabel(kind, ctx), ...shown.map(({ i: j }) => n(cell(i, j), ctx))]);
    push(captioned(caption, table(['', ...shown.map(({ kind }) => kindLabel(kind, ctx))], matrixRows, ['l', ...shown.map((): Align => 'r')], ctx.format), ctx));
    const list = tr.changes.slice(0, changes);
    if (list.length > 0) {
      const side = (x: (typeof list)[number]['from']) =>
        x.measure
          ? `${x.clause ? citeRef(x.clause)[ctx.lang] : ''} ${MEASURE_LABELS[x.measure as MeasureCode]?.[ctx.lang] ?? x.measure}${x.days_remitted !== null ? ` (${n(x.days_remitted, ctx)})` : ''}`
          : `${KIND_LABELS[x.status]?.[ctx.lang] ?? x.status}${x.excluded_by ? ` (${citeRef(x.excluded_by)[ctx.lang]})` : ''}`;
      push(captioned(t(C.changes, ctx, { n: list.length }), table([t(C.person, ctx), tr.from, tr.to], list.map((x) => [x.person_id, side(x.from), side(x.to)]), ['l', 'l', 'l'], ctx.format), ctx));
    }
  }
  return out.join('\n');
}
