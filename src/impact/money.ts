/**
 * Money: what the act saves, priced by custody type with dated parameters.
 *
 * Per person the act remits days of punishment (see docs/acts.md, Measures): a release saves the
 * days left to the scheduled end, from the day of entry into force; a reduction saves the days cut,
 * at the end of the term; a replacement of imprisonment with a milder punishment moves the days
 * left from an institution to probation, saving the difference of the two daily costs. Each day
 * saved is priced at the daily cost of the custody the person would have spent it in.
 *
 * Spans: the first month (as an amount per day), the first year, and the whole horizon (until the
 * last remitted day). This is the full effect, as if every covered person were granted on the day
 * of entry into force; the projection spreads applications over time and applies a grant rate.
 *
 * Non-null assertions (`!`) left here are reads of the registry's and the outcomes' columns (typed
 * arrays) at a person index below the registry's size, and of the day accumulators at an offset
 * below their length, in the loop over every person.
 */
import { entryAt, present } from '../domain/lookup.ts';
import { CUSTODIES } from '../domain/enums.ts';
import { formatIsoDate, UNKNOWN_DATE } from '../domain/dates.ts';
import { MONEY_DIFFERENCE_TEXTS as D, MONEY_TEXTS as M } from '../i18n/impact/money.ts';
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import { formatNumber, renderAll, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import { table } from '../reports/table.ts';
import type { Registry } from '../registry/registry.ts';
import { MEASURE_KINDS, type ImpactConfig } from './config.ts';
import { doubtRefs, heading, mln, n, paragraphs, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, MoneySection, MoneyVariant, ParameterUsed } from './report.ts';
import { KIND, type ActRun } from './run.ts';
import { parameterUsed } from './parameters-used.ts';

const INST = CUSTODIES.indexOf('institution');
const PROB = CUSTODIES.indexOf('probation');

function overlap(a: number, b: number, lo: number, hi: number): number {
  const d = Math.min(b, hi) - Math.max(a, lo);
  return d > 0 ? d : 0;
}

/** Days saved, by custody (institution, probation) × kind × span (first month, first year, all). */
export interface DaysSaved {
  /** [custody 0..1][kind 0..3][span 0..2] flattened. */
  days: Float64Array;
  unknownPersons: number;
  lastDay: number;
  releasedDaysLeft: { sum: number; known: number };
}

const at = (custody: number, kind: number, span: number) => (custody * MEASURE_KINDS.length + kind) * 3 + span;

export function daysSaved(run: ActRun, registry: Registry, firstMonthDays: number): DaysSaved {
  const c = registry.columns;
  const o = run.outcomes;
  const D = run.day;
  const monthEnd = D + firstMonthDays;
  const yearEnd = D + run.calendar.daysPerYear;
  const days = new Float64Array(2 * MEASURE_KINDS.length * 3);
  let unknownPersons = 0;
  let lastDay = Number.NEGATIVE_INFINITY;
  let releasedSum = 0;
  let releasedKnown = 0;
  const span = (cu: number, k: number, a: number, b: number) => {
    days[at(cu, k, 0)]! += overlap(a, b, D, monthEnd);
    days[at(cu, k, 1)]! += overlap(a, b, D, yearEnd);
    days[at(cu, k, 2)]! += b - a;
    if (b > lastDay) lastDay = b;
  };
  for (let i = 0; i < o.size; i++) {
    const k = run.kind[i]!;
    if (k < 0 || k === KIND.other) continue;
    const cu = c.custody[i]!;
    const end = c.sentenceEndDay[i]!;
    if (cu < 0) {
      unknownPersons++;
      continue;
    }
    if (k === KIND.replace) {
      // Only imprisonment can be replaced with a milder punishment; on probation nothing moves.
      if (cu !== INST) continue;
      if (end === UNKNOWN_DATE) unknownPersons++;
      else if (end > D) span(INST, k, D, end);
      continue;
    }
    const d = o.daysRemitted[i]!;
    if (d < 0) {
      unknownPersons++;
      continue;
    }
    if (d === 0) continue;
    if (k === KIND.release) {
      span(cu, k, D, D + d);
      releasedSum += d;
      releasedKnown++;
    } else span(cu, k, end - d, end);
  }
  return { days, unknownPersons, lastDay, releasedDaysLeft: { sum: releasedSum, known: releasedKnown } };
}

export function money(run: ActRun, registry: Registry, law: Law, config: ImpactConfig, saved: DaysSaved = daysSaved(run, registry, config.money.first_month_days)): MoneySection {
  const D = run.day;
  const fm = config.money.first_month_days;
  const probCost = parameterUsed(law, config.money.probation_cost, D);
  const d = saved.days;
  const sum = (cu: number, k: number, s: number) => d[at(cu, k, s)]!;
  const variants: MoneyVariant[] = config.money.inmate_costs.map((name) => {
    const inmate = parameterUsed(law, name, D);
    const price = (cu: number, k: number) => (k === KIND.replace ? inmate.value - probCost.value : cu === INST ? inmate.value : probCost.value);
    const spans = (cus: number[], kinds: number[]) => {
      const over = (s: number) => cus.reduce((a, cu) => a + kinds.reduce((b, k) => b + sum(cu, k, s) * price(cu, k), 0), 0);
      return { first_month_per_day: Math.round(over(0) / fm), first_year: Math.round(over(1)), horizon: Math.round(over(2)) };
    };
    const allKinds = [KIND.release, KIND.reduce, KIND.replace];
    return {
      // filled by the report (impact/doubt.ts): the unverified inputs the variant rests on
      unverified: [],
      inmate_cost: inmate,
      probation_cost: probCost,
      total: spans([INST, PROB], allKinds),
      institution: spans([INST], allKinds),
      probation: spans([PROB], allKinds),
      by_measure: Object.fromEntries(allKinds.map((k) => [entryAt(MEASURE_KINDS, k, 'measure kind'), spans([INST, PROB], [k])])),
    };
  });

  const letterCost = parameterUsed(law, config.money.letter_cost, D);
  const daysPerYear = parameterUsed(law, config.money.days_per_year, D).value;
  let released = 0;
  let releasedInst = 0;
  let releasedProb = 0;
  const custody = registry.columns.custody;
  for (let i = 0; i < run.kind.length; i++) {
    if (run.kind[i] !== KIND.release) continue;
    released++;
    if (custody[i] === INST) releasedInst++;
    else if (custody[i] === PROB) releasedProb++;
  }
  const letter = {
    released,
    released_institution: releasedInst,
    released_probation: releasedProb,
    cost_per_day: letterCost,
    unverified: [],
    per_day: released * letterCost.value,
    per_year: released * letterCost.value * daysPerYear,
    mean_days_left: saved.releasedDaysLeft.known > 0 ? Math.round((saved.releasedDaysLeft.sum / saved.releasedDaysLeft.known) * 10) / 10 : null,
  };
  const atLetterCost = variants.find((v) => v.inmate_cost.name === config.money.letter_cost) ?? entryAt(variants, 0, 'cost variants');
  return {
    days: {
      released_institution: sum(INST, KIND.release, 2),
      released_probation: sum(PROB, KIND.release, 2),
      reduced_institution: sum(INST, KIND.reduce, 2),
      reduced_probation: sum(PROB, KIND.reduce, 2),
      replaced_institution: sum(INST, KIND.replace, 2),
      unknown_persons: saved.unknownPersons,
    },
    first_month_days: fm,
    days_per_year: daysPerYear,
    horizon_end: Number.isFinite(saved.lastDay) ? formatIsoDate(saved.lastDay - 1) : null,
    variants,
    letter_method: letter,
    difference: moneyDifference({
      released,
      probation: releasedProb,
      letterCost: letterCost.value,
      probationCost: probCost.value,
      letterYear: letter.per_year,
      meanDaysLeft: letter.mean_days_left,
      ourYear: present(atLetterCost.by_measure['release'], 'the cost of releases').first_year,
    }),
  };
}

/** Why the letter's method and ours differ, in one sentence per language. */
export function moneyDifference(p: { released: number; probation: number; letterCost: number; probationCost: number; letterYear: number; meanDaysLeft: number | null; ourYear: number }): Text {
  if (p.released === 0) return D.nobodyReleased;
  const template = p.meanDaysLeft === null ? D.daysUnknown : p.probation > 0 ? D.probation : D.institution;
  return renderAll(template, (lang) => ({
    released: formatNumber(p.released, lang),
    letterCost: formatNumber(p.letterCost, lang),
    letterYear: formatNumber(Math.round(p.letterYear), lang),
    probation: formatNumber(p.probation, lang),
    probationCost: formatNumber(p.probationCost, lang),
    meanDays: formatNumber(Math.round(p.meanDaysLeft ?? 0), lang),
    ourYear: formatNumber(Math.round(p.ourYear), lang),
  }));
}

export type { ParameterUsed };

function variantLabel(v: MoneyVariant, ctx: Ctx): string {
  const mark = (p: MoneyVariant['inmate_cost']) => {
    const notes = [...(p.assumption ? [t(R.assumption, ctx)] : []), ...(p.extrapolated ? [t(R.extrapolated, ctx, { from: p.from })] : [])];
    return notes.length > 0 ? ` (${notes.join(', ')})` : '';
  };
  return `${n(v.inmate_cost.value, ctx)}${mark(v.inmate_cost)} / ${n(v.probation_cost.value, ctx)}${mark(v.probation_cost)}`;
}

/** The section as text or Markdown: the days remitted, one row per variant, the letter's method and why it differs. */
export function renderMoney(a: ActImpact, ctx: Ctx): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  const m = a.money;
  push(heading(t(M.money, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.money, ctx));
  push(t(M.moneyDays, ctx, { ri: n(m.days.released_institution, ctx), rp: n(m.days.released_probation, ctx), di: n(m.days.reduced_institution, ctx), dp: n(m.days.reduced_probation, ctx), xi: n(m.days.replaced_institution, ctx), u: n(m.days.unknown_persons, ctx) }));
  push(
    table(
      [t(M.variant, ctx), t(M.firstMonth, ctx), t(M.firstYear, ctx), t(M.ofWhich, ctx), t(M.horizon, ctx, { end: m.horizon_end ?? '—' }), t(R.unverifiedCol, ctx)],
      m.variants.map((v) => [variantLabel(v, ctx), n(v.total.first_month_per_day, ctx), mln(v.total.first_year, ctx), `${mln(v.institution.first_year, ctx)} / ${mln(v.probation.first_year, ctx)}`, mln(v.total.horizon, ctx), doubtRefs(v.unverified, ctx)]),
      ['l', 'r', 'r', 'r', 'r', 'l'],
      ctx.format,
    ),
  );
  const lm = m.letter_method;
  push(t(M.letterMethod, ctx, { released: n(lm.released, ctx), cost: n(lm.cost_per_day.value, ctx), perDay: n(lm.per_day, ctx), perYear: n(lm.per_year, ctx), ri: n(lm.released_institution, ctx), rp: n(lm.released_probation, ctx) }));
  push(m.difference[ctx.lang]);
  return out;
}
