/**
 * The outcomes section of the impact report: how many serving persons each status, measure, clause
 * and exclusion holds, and the days of punishment remitted — computed and rendered here.
 *
 * Non-null assertions (`!`) left here are reads of the outcomes' columns (typed arrays) at a person
 * index below the registry's size, and counts at a status, measure, clause or exclusion index the
 * kernel wrote: all in the loop over every person.
 */
import { entryAt } from '../domain/lookup.ts';
import { MEASURE_CODES, MEASURE_LABELS, measureCode, type MeasureCode } from '../engine/act/plan.ts';
import { measureAt, STATUSES } from '../engine/act/outcome.ts';
import { OUTCOMES_TEXTS as O } from '../i18n/impact/outcomes.ts';
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import { citeRef } from '../i18n/refs.ts';
import { table } from '../reports/table.ts';
import { doubtRefs, heading, n, paragraphs, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, OutcomesSummary } from './report.ts';
import type { ActRun } from './run.ts';

export function outcomesSummary(run: ActRun): OutcomesSummary {
  const o = run.outcomes;
  const plan = run.plan;
  const byStatus = new Float64Array(STATUSES.length);
  const byMeasure = new Float64Array(MEASURE_CODES.length);
  const clausePersons = new Float64Array(plan.clauses.length);
  const clauseDays = new Float64Array(plan.clauses.length);
  const exclusion = new Float64Array(plan.exclusions.length);
  let days = 0;
  const allApply = plan.combine === 'all_that_apply';
  for (let i = 0; i < o.size; i++) {
    if (!run.serving[i]) continue;
    const s = o.status[i]!;
    byStatus[s]!++;
    if (run.kind[i]! >= 0) {
      byMeasure[measureAt(o, i)]!++;
      const j = o.clause[i]!;
      // Under all_that_apply a person counts under every clause that applies (their days once, under `clause`).
      if (allApply) {
        for (let q = 0; q < plan.clauses.length; q++) if ((o.clauseMask[i * o.maskWords + (q >> 5)]! >>> (q & 31)) & 1) clausePersons[q]!++;
      } else clausePersons[j]!++;
      const d = o.daysRemitted[i]!;
      if (d > 0) {
        clauseDays[j]! += d;
        days += d;
      }
    } else if (s === 2 && o.exclusion[i]! >= 0) exclusion[o.exclusion[i]!]!++;
  }
  return {
    persons: byStatus.reduce((a, b) => a + b, 0),
    by_status: Object.fromEntries(STATUSES.map((s, k) => [s, entryAt(byStatus, k, 'status count')])),
    by_measure: Object.fromEntries(MEASURE_CODES.map((m, k) => [m, byMeasure[k]!]).filter(([m, n]) => m !== 'none' && (n as number) > 0)),
    by_clause: plan.clauses.map((c, j) => ({ id: c.id, ref: c.ref, label: c.label, measure: entryAt(MEASURE_CODES, measureCode(c.measure), 'measure code'), persons: entryAt(clausePersons, j, 'clause count'), days_remitted: entryAt(clauseDays, j, 'clause days'), unverified: [] as string[] })),
    by_exclusion: plan.exclusions.map((x, k) => ({ id: x.id, ref: x.ref, text: x.label ?? { kk: x.text.kk, ru: x.text.ru, en: x.text.en ?? x.text.ru }, persons: entryAt(exclusion, k, 'exclusion count'), unverified: [] as string[] })),
    days_remitted: days,
  };
}

export function renderOutcomes(a: ActImpact, ctx: Ctx): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  push(heading(t(O.outcomes, ctx), 3, ctx));
  const s = a.outcomes.by_status;
  push(t(O.outcomesLine, ctx, { persons: n(a.outcomes.persons, ctx), eligible: n(s['eligible'] ?? 0, ctx), excluded: n(s['excluded'] ?? 0, ctx), review: n(s['needs_review'] ?? 0, ctx), none: n(s['not_covered'] ?? 0, ctx), days: n(a.outcomes.days_remitted, ctx) }));
  push(sectionDoubts(a.unverified.outcomes, ctx));
  push(
    table(
      [t(O.clause, ctx), t(R.measure, ctx), t(R.persons, ctx), t(R.days, ctx), t(R.unverifiedCol, ctx)],
      a.outcomes.by_clause.map((c) => [c.label ? c.label[ctx.lang] : citeRef(c.ref)[ctx.lang], MEASURE_LABELS[c.measure as MeasureCode]?.[ctx.lang] ?? c.measure, n(c.persons, ctx), n(c.days_remitted, ctx), doubtRefs(c.unverified, ctx)]),
      ['l', 'l', 'r', 'r', 'l'],
      ctx.format,
    ),
  );
  const excl = a.outcomes.by_exclusion.filter((x) => x.persons > 0);
  if (excl.length > 0)
    push(table([t(O.exclusion, ctx), t(R.persons, ctx), t(R.unverifiedCol, ctx)], excl.map((x) => [`${citeRef(x.ref)[ctx.lang]}: ${x.text[ctx.lang]}`, n(x.persons, ctx), doubtRefs(x.unverified, ctx)]), ['l', 'r', 'l'], ctx.format));
  return out;
}
