/**
 * Victims: covered persons who still owe an unpaid civil claim (the victim's damage), how much,
 * by measure and custody; and what a condition "no damage caused, or the damage fully compensated,
 * or no civil claim filed" (amnesty law of 23 June 2025 No. 195-VIII, Art. 2 §1(2)) would change if
 * added to the act's clauses of the configured kinds.
 *
 * Non-null assertions (`!`) left here are reads of the registry's and the outcomes' columns (typed
 * arrays) at a person index below the registry's size, in the loop over every person.
 */
import { entryAt } from '../domain/lookup.ts';
import { CUSTODIES } from '../domain/enums.ts';
import { STATUSES } from '../engine/act/outcome.ts';
import { measureCode } from '../engine/act/plan.ts';
import { withCriterion } from '../engine/act/transform.ts';
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import { VICTIMS_TEXTS as V } from '../i18n/impact/victims.ts';
import type { Law } from '../law/law.ts';
import { table } from '../reports/table.ts';
import type { Registry } from '../registry/registry.ts';
import { MEASURE_KINDS, type ImpactConfig } from './config.ts';
import { custodyLabel, heading, kindLabel, countsLine, n, paragraphs, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, VictimsSection } from './report.ts';
import { KIND, KIND_OF_MEASURE, runAct, type ActRun } from './run.ts';

export function victims(run: ActRun, registry: Registry, law: Law, config: ImpactConfig): { section: VictimsSection; variant: ActRun } {
  const applies = new Set(config.victims.appliesTo.map((k) => MEASURE_KINDS.indexOf(k)));
  const variantPlan = withCriterion(run.plan, config.victims.condition, 'victims-condition', (cl) => applies.has(entryAt(KIND_OF_MEASURE, measureCode(cl.measure), 'measure kind')));
  const variant = runAct(variantPlan, registry, law, run.day);
  const appliedClauses = new Set(variantPlan.clauses.filter((cl, j) => cl !== run.plan.clauses[j]).map((cl) => cl.index));
  return {
    section: {
      ...unpaidClaimsOfCovered(run, registry),
      with_condition: {
        ref: config.victims.ref,
        label: config.victims.label,
        applies_to: config.victims.appliesTo,
        act_id: variantPlan.id,
        ...withCondition(run, variant, registry, appliedClauses),
      },
    },
    variant,
  };
}

const unpaidOf = (registry: Registry, i: number) => registry.columns.civilClaimAmount[i]! - registry.columns.civilClaimPaid[i]!;

/** The covered who owe an unpaid civil claim: how many, how much, by measure and by custody. */
function unpaidClaimsOfCovered(run: ActRun, registry: Registry): Omit<VictimsSection, 'with_condition'> {
  const c = registry.columns;
  let persons = 0;
  let total = 0;
  let unknown = 0;
  const byMeasure: VictimsSection['by_measure'] = {};
  const byCustody: VictimsSection['by_custody'] = {};
  for (let i = 0; i < run.kind.length; i++) {
    const k = run.kind[i]!;
    if (k < 0) continue;
    const flag = c.unpaidClaim[i]!;
    if (flag < 0) unknown++;
    if (flag !== 1) continue;
    const u = unpaidOf(registry, i);
    persons++;
    total += u;
    const m = (byMeasure[entryAt(MEASURE_KINDS, k, 'measure kind')] ??= { persons: 0, unpaid: 0 });
    m.persons++;
    m.unpaid += u;
    const custody = c.custody[i]!;
    const cu = custody >= 0 ? entryAt(CUSTODIES, custody, 'custody') : 'unknown';
    const b = (byCustody[cu] ??= { persons: 0, unpaid: 0 });
    b.persons++;
    b.unpaid += u;
  }
  return { covered_with_unpaid_claims: persons, unpaid_total: total, covered_claim_unknown: unknown, by_measure: byMeasure, by_custody: byCustody };
}

/** The act beside its variant with the victims' condition: covered and released before and after, and who leaves a clause the condition was added to. */
function withCondition(run: ActRun, variant: ActRun, registry: Registry, appliedClauses: ReadonlySet<number>) {
  const c = registry.columns;
  let coveredBefore = 0;
  let coveredAfter = 0;
  let releasedBefore = 0;
  let releasedAfter = 0;
  let unpaidReleasedBefore = 0;
  let unpaidReleasedAfter = 0;
  let leave = 0;
  let leaveUnpaid = 0;
  const now: Record<string, number> = {};
  const o = run.outcomes;
  const v = variant.outcomes;
  for (let i = 0; i < run.kind.length; i++) {
    const a = run.kind[i]!;
    const b = variant.kind[i]!;
    const owes = c.unpaidClaim[i] === 1;
    if (a >= 0) coveredBefore++;
    if (b >= 0) coveredAfter++;
    if (a === KIND.release) {
      releasedBefore++;
      if (owes) unpaidReleasedBefore++;
    }
    if (b === KIND.release) {
      releasedAfter++;
      if (owes) unpaidReleasedAfter++;
    }
    if (a >= 0 && appliedClauses.has(o.clause[i]!) && (b < 0 || v.clause[i] !== o.clause[i])) {
      leave++;
      if (owes) leaveUnpaid += unpaidOf(registry, i);
      const key = b >= 0 ? entryAt(MEASURE_KINDS, b, 'measure kind') : entryAt(STATUSES, v.status[i]!, 'outcome status');
      now[key] = (now[key] ?? 0) + 1;
    }
  }
  return {
    covered_before: coveredBefore,
    covered_after: coveredAfter,
    released_before: releasedBefore,
    released_after: releasedAfter,
    released_with_unpaid_claims_before: unpaidReleasedBefore,
    released_with_unpaid_claims_after: unpaidReleasedAfter,
    leave_clause: leave,
    leave_clause_unpaid: leaveUnpaid,
    leave_clause_now: now,
  };
}

/** The section as text or Markdown: unpaid claims of the covered, and what the victims' condition would change. */
export function renderVictims(a: ActImpact, ctx: Ctx): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  const v = a.victims;
  push(heading(t(V.victims, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.victims, ctx));
  push(t(V.victimsLine, ctx, { persons: n(v.covered_with_unpaid_claims, ctx), amount: n(v.unpaid_total, ctx), unknown: n(v.covered_claim_unknown, ctx) }));
  if (v.covered_with_unpaid_claims > 0) {
    push(table([t(R.measure, ctx), t(R.persons, ctx), t(V.unpaid, ctx)], Object.entries(v.by_measure).map(([k, x]) => [kindLabel(k, ctx), n(x.persons, ctx), n(x.unpaid, ctx)]), ['l', 'r', 'r'], ctx.format));
    push(table([t(R.custody, ctx), t(R.persons, ctx), t(V.unpaid, ctx)], Object.entries(v.by_custody).map(([k, x]) => [custodyLabel(k, ctx), n(x.persons, ctx), n(x.unpaid, ctx)]), ['l', 'r', 'r'], ctx.format));
  }
  const w = v.with_condition;
  push(
    t(V.condition, ctx, {
      label: w.label[ctx.lang],
      ref: w.ref[ctx.lang],
      applies: w.applies_to.map((k) => kindLabel(k, ctx)).join(', '),
      rb: n(w.released_before, ctx),
      ra: n(w.released_after, ctx),
      ub: n(w.released_with_unpaid_claims_before, ctx),
      ua: n(w.released_with_unpaid_claims_after, ctx),
      leave: n(w.leave_clause, ctx),
      amount: n(w.leave_clause_unpaid, ctx),
      now: countsLine(w.leave_clause_now, (k) => kindLabel(k, ctx), ctx) || '—',
    }),
  );
  return out;
}
