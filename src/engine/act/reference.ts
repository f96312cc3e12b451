/**
 * The reference evaluation of an act: one person at a time, over the person's record, with the
 * reference interpreter — deliberately simple. It defines the semantics that the generated kernel
 * must reproduce (property tests hold them equal) and it is what explanations are built from.
 *
 * Semantics (docs/acts.md):
 * 1. A person not serving on the day of entry into force (term ended, or not begun) is not covered.
 * 2. Exclusions are checked first, in order, against every conviction of the person: the first
 *    that holds excludes. An exclusion that cannot be decided (a fact is unknown) does not exclude,
 *    but an outcome that would grant something then needs review — unknown never counts as "not excluded".
 * 3. Clauses combine as the act says:
 *    - first_match: in the law's order, the first clause that holds applies; a clause that cannot
 *      be decided before any holds makes the outcome need review;
 *    - most_favourable: among the clauses that hold, the one remitting most (release first);
 *      an undecided clause that could remit more makes the outcome need review;
 *    - all_that_apply: every clause that holds applies; reductions add up in days, capped at what
 *      is left; a release absorbs them.
 *    With `overlap: forbidden`, two holding clauses with different measures need review.
 * 4. Almost eligible (for persons not covered, and whom no exclusion takes): short of exactly one
 *    criterion of a clause with at least two criteria, none unknown; or eligible from a later day
 *    of the execution period (facts marked `during: execution_period` read on its last day). Under
 *    first match, an eligible person whom an earlier clause takes later in the period is marked
 *    almost eligible — later, with that clause.
 */
import { addMonths, ymdOfDay } from '../../domain/dates.ts';
import { addTerm, reducedEnd, termBetween } from '../../domain/terms.ts';
import { sentenceTerm } from '../calendar.ts';
import type { Law } from '../../law/law.ts';
import type { PersonRecord } from '../../registry/record.ts';
import { F, T, U, type Checked, type Truth } from '../condition.ts';
import type { FactEnv } from '../facts/index.ts';
import { interpret } from '../interpret.ts';
import { measureCode, MEASURE_CODES, type Measure, type Plan } from './plan.ts';
import type { Outcome, Reason } from './outcome.ts';

export interface ActEnv extends FactEnv {
  /** The day facts marked `during: execution_period` are read on. */
  duringYmd: number;
  duringDay: number;
}

export function actEnv(law: Law, day: number, duringDay = day): ActEnv {
  return { asOfYmd: ymdOfDay(day), asOfDay: day, duringYmd: ymdOfDay(duringDay), duringDay, law: law.criminalCode, parameters: law.parameters };
}

/** What a measure's arithmetic reads of a sentence: its start, scheduled end and the term imposed (null unknown). */
export interface SentenceDays {
  start: number | null;
  end: number | null;
  termMonths: number | null;
  termDays: number | null;
}

export function sentenceOf(p: PersonRecord): SentenceDays {
  return { start: p.sentenceStartDay, end: p.sentenceEndDay, termMonths: p.imposedTermMonths, termDays: p.imposedTermDays };
}

/**
 * Days remitted and the new end of the term under a measure; null where it cannot be computed or
 * does not apply. Fractions are taken of terms in calendar units and laid on the calendar
 * (src/domain/terms.ts): reduce_unserved shortens the part left from the day of entry into force
 * to the end — that part less its fraction, laid from that day; reduce_imposed takes the fraction
 * of the term imposed (or, not recorded, of the term from start to end) off its end, both laid
 * from the start. Never more than the days left, never fewer than none.
 */
export function remit(m: Measure, s: SentenceDays, day0: number): { days: number | null; newEnd: number | null; unknown: boolean } {
  if (m.type === 'replace_milder' || (m.type === 'release' && m.punishment === 'additional')) return { days: null, newEnd: null, unknown: false };
  const end = s.end;
  if (end === null) return { days: null, newEnd: null, unknown: true };
  const rem = Math.max(0, end - day0);
  const clamp = (d: number) => Math.min(rem, Math.max(0, d));
  switch (m.type) {
    case 'release':
    case 'release_from_liability':
      return { days: rem, newEnd: day0, unknown: false };
    case 'reduce_unserved': {
      const d = rem === 0 ? 0 : clamp(end - reducedEnd(day0, termBetween(day0, end), m.fraction));
      return { days: d, newEnd: end - d, unknown: false };
    }
    case 'reduce_imposed': {
      if (s.start === null) return { days: null, newEnd: null, unknown: true };
      const t = sentenceTerm(s.start, end, s.termMonths ?? -1, s.termDays ?? -1);
      if (t === null) return { days: null, newEnd: null, unknown: true };
      const d = clamp(addTerm(s.start, t) - reducedEnd(s.start, t, m.fraction));
      return { days: d, newEnd: end - d, unknown: false };
    }
    case 'reduce_months': {
      const d = Math.min(rem, end - addMonths(end, -m.months));
      return { days: d, newEnd: end - d, unknown: false };
    }
  }
}

/** How favourable a measure is, for most_favourable: releases first, then by days remitted. */
export function favour(m: Measure, days: number | null): number {
  if (m.type === 'release' && m.punishment === 'main') return 4e9;
  if (m.type === 'release_from_liability') return 4e9 + 1;
  if (m.type === 'replace_milder') return -1;
  if (m.type === 'release') return -2;
  return days ?? 0;
}

export interface ClauseEval {
  truth: Truth;
  /** Truth of each criterion. */
  criteria: Truth[];
}

export function evalClause(plan: Plan, j: number, p: PersonRecord, env: ActEnv, defs: ReadonlyMap<string, Checked>): ClauseEval {
  const criteria = plan.clauses[j]!.criteria.map((c) => interpret(c, p, env, defs));
  let truth: Truth = T;
  for (const c of criteria) if (c < truth) truth = c;
  return { truth, criteria };
}

export function definitionsOf(plan: Plan): Map<string, Checked> {
  return new Map(plan.definitions.map((d) => [d.name, d.condition]));
}

const NONE_ALMOST = { kind: 'none' as const, clause: -1, criterion: -1, from: null };

function outcome(partial: Partial<Outcome> & { status: Outcome['status']; reason: Reason }): Outcome {
  return { measure: 'none', clause: -1, exclusion: -1, daysRemitted: null, newEnd: null, almost: NONE_ALMOST, clauses: [], ...partial };
}

/** The outcome of one person (reference semantics). `day0` is the day of entry into force. */
export function evaluatePerson(plan: Plan, p: PersonRecord, law: Law, day0: number, dayLater: number): Outcome {
  if ((p.sentenceEndDay !== null && p.sentenceEndDay <= day0) || (p.sentenceStartDay !== null && p.sentenceStartDay > day0))
    return outcome({ status: 'not_covered', reason: 'not_serving' });
  const env = actEnv(law, day0);
  const defs = definitionsOf(plan);
  /** Exclusions are read only for a person some clause covers (or may cover); the first that holds excludes. */
  let exUnknown = -1;
  const excludedBy = (): number => {
    for (const e of plan.exclusions) {
      const t = interpret(e.condition, p, env, defs);
      if (t === T) return e.index;
      if (t === U && exUnknown < 0) exUnknown = e.index;
    }
    return -1;
  };

  const evalAll = plan.combine !== 'first_match' || plan.overlapForbidden;
  const evals: (ClauseEval | null)[] = plan.clauses.map(() => null);
  let almost: Outcome['almost'] = NONE_ALMOST;
  const noteAlmost = (j: number, ev: ClauseEval) => {
    if (almost.kind !== 'none' || ev.criteria.length < 2) return;
    const fails = ev.criteria.filter((c) => c === F).length;
    const unknowns = ev.criteria.filter((c) => c === U).length;
    if (fails === 1 && unknowns === 0) almost = { kind: 'one_short', clause: j, criterion: ev.criteria.indexOf(F), from: null };
  };
  let chosen = -1;
  let undecided = -1;
  for (let j = 0; j < plan.clauses.length; j++) {
    const ev = evalClause(plan, j, p, env, defs);
    evals[j] = ev;
    if (!evalAll) {
      if (ev.truth === T) {
        chosen = j;
        break;
      }
      if (ev.truth === U) {
        undecided = j;
        break;
      }
      noteAlmost(j, ev);
    }
  }

  const sentence = sentenceOf(p);
  const end = p.sentenceEndDay;
  let mask: number[] = [];
  let days: number | null = null;
  let newEnd: number | null = null;
  let remainingUnknown = false;
  if (evalAll) {
    const holding = evals.map((e, j) => (e!.truth === T ? j : -1)).filter((j) => j >= 0);
    const unknown = evals.map((e, j) => (e!.truth === U ? j : -1)).filter((j) => j >= 0);
    mask = holding;
    if (plan.overlapForbidden) {
      const codes = new Set(holding.map((j) => measureCode(plan.clauses[j]!.measure)));
      if (codes.size > 1) {
        const ex = excludedBy();
        if (ex >= 0) return outcome({ status: 'excluded', reason: 'excluded', exclusion: ex, clause: evals.findIndex((e) => e!.truth !== F) });
        return outcome({ status: 'needs_review', reason: 'overlap', clause: holding[0]!, clauses: mask });
      }
    }
    if (plan.combine === 'first_match') {
      // first_match with overlap checking: the first holding or undecided clause in order decides
      const firstDecisive = evals.findIndex((e) => e!.truth !== F);
      if (firstDecisive >= 0 && evals[firstDecisive]!.truth === T) chosen = firstDecisive;
      else if (firstDecisive >= 0) undecided = firstDecisive;
      for (let j = 0; j < (firstDecisive < 0 ? evals.length : firstDecisive); j++) noteAlmost(j, evals[j]!);
    } else if (plan.combine === 'most_favourable') {
      let best = -1;
      let bestScore = -Infinity;
      for (const j of holding) {
        const m = plan.clauses[j]!.measure;
        const score = favour(m, remit(m, sentence, day0).days);
        if (score > bestScore) {
          best = j;
          bestScore = score;
        }
      }
      for (const j of unknown) {
        const m = plan.clauses[j]!.measure;
        const r = remit(m, sentence, day0);
        if (best < 0 || r.unknown || favour(m, r.days) > bestScore) {
          undecided = j;
          break;
        }
      }
      if (undecided < 0) chosen = best;
      if (chosen < 0 && undecided < 0) for (let j = 0; j < evals.length; j++) noteAlmost(j, evals[j]!);
    } else {
      if (unknown.length > 0) undecided = unknown[0]!;
      else if (holding.length > 0) {
        chosen = holding[0]!;
        let best = holding[0]!;
        let bestScore = -Infinity;
        let sum = 0;
        let release = false;
        for (const j of holding) {
          const m = plan.clauses[j]!.measure;
          const r = remit(m, sentence, day0);
          if (r.unknown) remainingUnknown = true;
          if ((m.type === 'release' && m.punishment === 'main') || m.type === 'release_from_liability') release = true;
          else if (r.days !== null) sum += r.days;
          const score = favour(m, r.days);
          if (score > bestScore) {
            best = j;
            bestScore = score;
          }
        }
        chosen = best;
        if (end !== null && !remainingUnknown) {
          const rem = Math.max(0, end - day0);
          const anyRemission = release || holding.some((j) => remit(plan.clauses[j]!.measure, sentence, day0).days !== null);
          if (anyRemission) {
            days = release ? rem : Math.min(rem, sum);
            newEnd = end - days;
          }
        }
      } else for (let j = 0; j < evals.length; j++) noteAlmost(j, evals[j]!);
    }
  }

  if (chosen >= 0 || undecided >= 0) {
    const ex = excludedBy();
    if (ex >= 0) {
      const first = evals.findIndex((e) => e !== null && e.truth !== F);
      return outcome({ status: 'excluded', reason: 'excluded', exclusion: ex, clause: first });
    }
  }
  if (chosen >= 0) {
    const m = plan.clauses[chosen]!.measure;
    if (plan.combine !== 'all_that_apply') {
      const r = remit(m, sentence, day0);
      days = r.days;
      newEnd = r.newEnd;
      remainingUnknown = r.unknown;
    }
    const measure = MEASURE_CODES[measureCode(m)]!;
    // Not granted yet: the measure is named, but no days are remitted until the exclusion is decided.
    if (exUnknown >= 0) return outcome({ status: 'needs_review', reason: 'exclusion_unknown', exclusion: exUnknown, clause: chosen, measure, clauses: mask });
    // Under first match, an earlier clause may take the person later in the execution period.
    let better: Outcome['almost'] = NONE_ALMOST;
    if (plan.combine === 'first_match' && dayLater > day0) {
      const later = actEnv(law, day0, dayLater);
      for (let j = 0; j < chosen; j++) {
        if (!plan.clauses[j]!.criteria.some(usesDuring)) continue;
        if (evalClause(plan, j, p, later, defs).truth === T) {
          better = { kind: 'later', clause: j, criterion: -1, from: eligibleFrom(plan, j, p, law, day0, dayLater) };
          break;
        }
      }
    }
    return outcome({ status: 'eligible', reason: remainingUnknown ? 'remaining_unknown' : 'matched', clause: chosen, measure, daysRemitted: days, newEnd, clauses: mask, almost: better });
  }
  if (undecided >= 0) return outcome({ status: 'needs_review', reason: 'unknown_fact', clause: undecided, exclusion: exUnknown, clauses: mask });

  // Not covered on the day of entry into force: eligible later in the execution period?
  if (hasDuring(plan) && dayLater > day0) {
    const later = actEnv(law, day0, dayLater);
    for (let j = 0; j < plan.clauses.length; j++) {
      if (!plan.clauses[j]!.criteria.some(usesDuring)) continue;
      if (evalClause(plan, j, p, later, defs).truth === T) {
        almost = { kind: 'later', clause: j, criterion: -1, from: eligibleFrom(plan, j, p, law, day0, dayLater) };
        break;
      }
    }
  }
  // A person an exclusion would take anyway is not "almost eligible".
  if (almost.kind !== 'none' && excludedBy() >= 0) almost = NONE_ALMOST;
  return outcome({ status: 'not_covered', reason: 'no_clause', almost, clauses: mask });
}

export function usesDuring(c: Checked): boolean {
  switch (c.k) {
    case 'during':
      return true;
    case 'and':
    case 'or':
      return c.items.some(usesDuring);
    case 'not':
      return usesDuring(c.item);
    default:
      return false;
  }
}

export function hasDuring(plan: Plan): boolean {
  return plan.clauses.some((c) => c.criteria.some(usesDuring));
}

/**
 * The first day of the execution period from which a clause holds (facts marked `during` read on
 * that day), by bisection between the day of entry into force (where it does not hold) and the last
 * day of the period (where it holds): the facts such clauses read (remaining term, part served, age)
 * only move one way in time. The kernel and the SQL bisect the same way, so the three agree even on
 * a condition that does not.
 */
export function eligibleFrom(plan: Plan, j: number, p: PersonRecord, law: Law, day0: number, dayLater: number): number | null {
  const defs = definitionsOf(plan);
  const holds = (d: number) => evalClause(plan, j, p, actEnv(law, day0, d), defs).truth === T;
  if (!holds(dayLater)) return null;
  let lo = day0;
  let hi = dayLater;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
