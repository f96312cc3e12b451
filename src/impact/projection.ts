/**
 * Projection, month by month, of the population of institutions and of probation: the baseline
 * (people leave at the scheduled end of their term; new admissions come in) against the act.
 *
 * Under the act, applications are spread evenly over the execution period (one slot per month of
 * it, each decided in the middle of its month) and only a share of the covered are granted (the
 * grant rate: eligible is not granted, and forecasts that assume it overshoot). The figures are
 * expected values: a covered person contributes (1 − grant rate) × their baseline stay plus
 * grant rate × the mean over slots of their stay under the act. A release ends the stay on the day
 * of the decision; a reduction ends it at the new end, or on the day of the decision if that comes
 * later; a replacement moves the rest of the term from the institution to probation.
 *
 * Admissions are a parameter per custody: given, or by default the steady state, the monthly
 * inflow that keeps the population with known terms constant by Little's law (population =
 * inflow × mean term of those admitted). Terms of admissions are drawn from the terms of the persons held, reweighted by
 * 1 / term (a population on a given day over-represents long terms). The act does not touch
 * admissions: it covers offences before its entry into force.
 *
 * Non-null assertions (`!`) left here are reads and updates of the registry's columns and of the daily
 * accumulators (typed arrays, one per custody), in the loop over every person and every day: a
 * person index below the registry's size, a custody index checked non-negative, a day index below
 * the horizon.
 */
import { entryAt, present } from '../domain/lookup.ts';
import { addMonths, formatIsoDate, UNKNOWN_DATE } from '../domain/dates.ts';
import { CUSTODIES } from '../domain/enums.ts';
import { PROJECTION_TEXTS as P } from '../i18n/impact/projection.ts';
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import type { Registry } from '../registry/registry.ts';
import { table, type Align } from '../reports/table.ts';
import { heading, mln, n, paragraphs, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, ParameterUsed, ProjectionSection } from './report.ts';
import { KIND, type ActRun } from './run.ts';

const INST = CUSTODIES.indexOf('institution');
const PROB = CUSTODIES.indexOf('probation');
/** Expected persons are fractional; a tenth is as precise as they mean anything. */
const tenth = (x: number) => Math.round(x * 10) / 10;

export interface ProjectionOptions {
  horizonMonths: number;
  grantRate: ParameterUsed;
  /** Persons admitted a month; null = steady state. */
  admissions: { institution: number; probation: number } | null;
  /** Daily costs per money variant: [inmate, probationer]. */
  costs: [number, number][];
}

/** Survival of an admission's stay: the share of admissions still serving t days after admission. */
function survival(registry: Registry, serving: Uint8Array, custody: number, length: number): { curve: Float64Array; steadyPerDay: number } {
  const c = registry.columns;
  const weightAtTerm = new Float64Array(length + 1);
  let total = 0;
  for (let i = 0; i < registry.size; i++) {
    if (!serving[i] || c.custody[i] !== custody) continue;
    const s = c.sentenceStartDay[i]!;
    const e = c.sentenceEndDay[i]!;
    if (s === UNKNOWN_DATE || e === UNKNOWN_DATE || e <= s) continue;
    const term = e - s;
    const w = 1 / term;
    total += w;
    weightAtTerm[Math.min(term, length)]! += w;
  }
  const curve = new Float64Array(length);
  // curve[t] = share of admissions whose term exceeds t days.
  let above = total;
  for (let t = 0; t < length; t++) {
    above -= weightAtTerm[t]!;
    curve[t] = total > 0 ? above / total : 0;
  }
  // Little's law for the persons with a known term: inflow = population / mean term of
  // admissions = Σ 1/term over them (each held person of term T stands for an inflow of 1/T a
  // day). Persons with an unknown term stay through the horizon and are not replaced.
  return { curve, steadyPerDay: total };
}

export function projection(run: ActRun, registry: Registry, opts: ProjectionOptions): ProjectionSection {
  const D = run.day;
  const monthEnds = Array.from({ length: opts.horizonMonths }, (_, k) => addMonths(D, k + 1));
  const T = present(monthEnds.at(-1), 'projection: no month to project');
  const { end: X, slots } = applicationSlots(run);
  const { base, act, unknownEnd } = populationChanges(run, registry, T, slots, opts.grantRate.value);
  const baseDaily = base.map(daily);
  const actDaily = act.map(daily);
  const admissions = addAdmissions(run, registry, opts, monthEnds, baseDaily, actDaily);
  const [baseInst, baseProb, actInst, actProb] = [
    entryAt(baseDaily, INST, 'baseline in institutions'),
    entryAt(baseDaily, PROB, 'baseline on probation'),
    entryAt(actDaily, INST, 'institutions under the act'),
    entryAt(actDaily, PROB, 'probation under the act'),
  ];

  let start = D;
  const savedTotal = opts.costs.map(() => 0);
  const months = monthEnds.map((end, m) => {
    const saved = opts.costs.map(([inmate, probationer], v) => {
      let s = 0;
      for (let t = start - D; t < end - D; t++) s += (baseInst[t]! - actInst[t]!) * inmate + (baseProb[t]! - actProb[t]!) * probationer;
      savedTotal[v]! += s;
      return s;
    });
    start = end;
    const last = end - 1 - D;
    return {
      month: m + 1,
      end: formatIsoDate(end - 1),
      baseline: { institution: tenth(baseInst[last]!), probation: tenth(baseProb[last]!) },
      act: { institution: tenth(actInst[last]!), probation: tenth(actProb[last]!) },
      beds_freed: tenth(baseInst[last]! - actInst[last]!),
      saved: saved.map(Math.round),
    };
  });
  return {
    start: formatIsoDate(D),
    months,
    grant_rate: opts.grantRate,
    admissions_per_month: { ...admissions, institution: tenth(admissions.institution), probation: tenth(admissions.probation) },
    applications: { from: formatIsoDate(D), to: formatIsoDate(X), slots: slots.length },
    unknown_end_persons: unknownEnd,
    saved_total: savedTotal.map(Math.round),
  };
}

/**
 * Application slots: one per month of the execution period (bounds D + k months, so that a
 * period starting on the 31st does not drift), each decided in the middle of its month.
 */
function applicationSlots(run: ActRun): { end: number; slots: number[] } {
  const D = run.day;
  // the end of the execution period, shifted with the day the act is evaluated as entering into force
  const X = Math.max(D + (run.plan.executionEnd - run.plan.entryIntoForce), D);
  const slots: number[] = [];
  for (let k = 0, s = D; s < X || slots.length === 0; k++) {
    const next = Math.min(addMonths(D, k + 1), Math.max(X, s + 1));
    slots.push(Math.floor((s + next) / 2));
    s = next;
  }
  return { end: X, slots };
}

/**
 * The daily population of the persons serving, as difference arrays [custody][day] from the day of
 * entry into force to the horizon T: the baseline, and under the act — granted at rate `g`, spread
 * over the application slots.
 */
function populationChanges(run: ActRun, registry: Registry, T: number, slots: number[], g: number) {
  const c = registry.columns;
  const o = run.outcomes;
  const D = run.day;
  const len = T - D;
  const base = [new Float64Array(len + 1), new Float64Array(len + 1)];
  const act = [new Float64Array(len + 1), new Float64Array(len + 1)];
  const add = (arr: Float64Array, a: number, b: number, w: number) => {
    const lo = Math.max(a, D) - D;
    const hi = Math.min(b, T) - D;
    if (lo < hi) {
      arr[lo]! += w;
      arr[hi]! -= w;
    }
  };
  const share = g / slots.length;
  let unknownEnd = 0;
  for (let i = 0; i < registry.size; i++) {
    if (!run.serving[i]) continue;
    const cu = c.custody[i]!;
    if (cu !== INST && cu !== PROB) continue;
    const endRaw = c.sentenceEndDay[i]!;
    // An unknown end (a life sentence, a missing date): the person stays through the horizon.
    const E = endRaw === UNKNOWN_DATE ? T : endRaw;
    add(base[cu]!, D, E, 1);
    const k = run.kind[i]!;
    if (k < 0 || k === KIND.other) {
      add(act[cu]!, D, E, 1);
      continue;
    }
    // Covered, but the days cannot be computed: left as in the baseline, like the money section does.
    if (endRaw === UNKNOWN_DATE || (k === KIND.reduce && o.daysRemitted[i]! < 0)) {
      unknownEnd++;
      add(act[cu]!, D, E, 1);
      continue;
    }
    add(act[cu]!, D, E, 1 - g);
    for (const a of slots) {
      const decided = Math.min(a, E);
      if (k === KIND.release) add(act[cu]!, D, decided, share);
      else if (k === KIND.reduce) add(act[cu]!, D, Math.max(E - o.daysRemitted[i]!, decided), share);
      else if (cu === INST) {
        add(act[INST]!, D, decided, share);
        add(act[PROB]!, decided, E, share);
      } else add(act[cu]!, D, E, share);
    }
  }
  return { base, act, unknownEnd };
}

/** Daily populations from a difference array (its last cell, the horizon itself, left out). */
function daily(diff: Float64Array): Float64Array {
  const out = new Float64Array(diff.length - 1);
  let v = 0;
  for (let t = 0; t < out.length; t++) out[t] = v += diff[t]!;
  return out;
}

/** Admissions on top of both scenarios alike, each month's in the middle of the month, staying as the registry's terms say (survival). */
function addAdmissions(run: ActRun, registry: Registry, opts: ProjectionOptions, monthEnds: number[], baseDaily: Float64Array[], actDaily: Float64Array[]) {
  const D = run.day;
  const len = entryAt(baseDaily, INST, 'baseline in institutions').length;
  const admissions = { institution: 0, probation: 0, basis: opts.admissions === null ? ('steady_state' as const) : ('given' as const) };
  for (const cu of [INST, PROB]) {
    const base = entryAt(baseDaily, cu, 'baseline by custody');
    const act = entryAt(actDaily, cu, 'population under the act by custody');
    const sv = survival(registry, run.serving, cu, len);
    const perMonth = opts.admissions === null ? sv.steadyPerDay * (run.calendar.meanDaysPerYear / 12) : cu === INST ? opts.admissions.institution : opts.admissions.probation;
    if (cu === INST) admissions.institution = perMonth;
    else admissions.probation = perMonth;
    let start = D;
    for (const end of monthEnds) {
      const s = Math.floor((start + end) / 2) - D;
      for (let t = s; t < len; t++) {
        const v = perMonth * sv.curve[t - s]!;
        base[t]! += v;
        act[t]! += v;
      }
      start = end;
    }
  }
  return admissions;
}

/** The section as text or Markdown: how applications are spread, then month by month the populations and the savings. */
export function renderProjection(a: ActImpact, ctx: Ctx): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  const p = a.projection;
  push(heading(t(P.projection, ctx, { months: p.months.length }), 3, ctx));
  push(sectionDoubts(a.unverified.projection, ctx));
  push(
    t(P.projectionLine, ctx, {
      from: p.applications.from,
      to: p.applications.to,
      slots: p.applications.slots,
      grant: n(p.grant_rate.value, ctx, 2),
      grantSource: p.grant_rate.assumption ? t(R.assumption, ctx) : p.grant_rate.source,
      ai: n(p.admissions_per_month.institution, ctx),
      ap: n(p.admissions_per_month.probation, ctx),
      basis: t(p.admissions_per_month.basis === 'steady_state' ? P.steady : P.given, ctx),
      unknown: n(p.unknown_end_persons, ctx),
    }),
  );
  push(
    table(
      [t(P.month, ctx), t(P.end, ctx), t(P.instBase, ctx), t(P.instAct, ctx), t(P.freed, ctx), t(P.probBase, ctx), t(P.probAct, ctx), ...a.money.variants.map((x) => t(P.savedAt, ctx, { cost: n(x.inmate_cost.value, ctx) }))],
      p.months.map((x) => [String(x.month), x.end, n(x.baseline.institution, ctx), n(x.act.institution, ctx), n(x.beds_freed, ctx), n(x.baseline.probation, ctx), n(x.act.probation, ctx), ...x.saved.map((y) => mln(y, ctx))]),
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', ...a.money.variants.map((): Align => 'r')],
      ctx.format,
    ),
  );
  return out;
}
