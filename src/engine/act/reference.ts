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
 *      be decided before one holds makes the outcome need review;
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
import { entryAt, present } from '../../domain/lookup.ts';
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
  const criteria = entryAt(plan.clauses, j, 'clause').criteria.map((c) => interpret(c, p, env, defs));
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
  const sentence = sentenceOf(p);
  const d = plan.combine !== 'first_match' || plan.overlapForbidden ? combineAll(plan, p, env, defs, sentence, day0) : firstMatchInOrder(plan, p, env, defs);
  // Exclusions are read only for a person some clause covers (or may cover); the first that holds excludes.
  const firstNotFalse = () => d.evals.findIndex((e) => e !== null && e.truth !== F);
  if (d.overlap) {
    const ex = exclusionsOf(plan, p, env, defs);
    if (ex.excluding >= 0) return outcome({ status: 'excluded', reason: 'excluded', exclusion: ex.excluding, clause: firstNotFalse() });
    return outcome({ status: 'needs_review', reason: 'overlap', clause: entryAt(d.mask, 0, 'overlapping clauses'), clauses: d.mask });
  }
  if (d.chosen < 0 && d.undecided < 0) return notCovered(plan, p, law, env, defs, day0, dayLater, d);

  const ex = exclusionsOf(plan, p, env, defs);
  if (ex.excluding >= 0) return outcome({ status: 'excluded', reason: 'excluded', exclusion: ex.excluding, clause: firstNotFalse() });
  if (d.chosen < 0) return outcome({ status: 'needs_review', reason: 'unknown_fact', clause: d.undecided, exclusion: ex.undecided, clauses: d.mask });

  const m = entryAt(plan.clauses, d.chosen, 'clause').measure;
  let { days, newEnd, remainingUnknown } = d;
  if (plan.combine !== 'all_that_apply') {
    const r = remit(m, sentence, day0);
    days = r.days;
    newEnd = r.newEnd;
    remainingUnknown = r.unknown;
  }
  const measure = entryAt(MEASURE_CODES, measureCode(m), 'measure code');
  // Not granted yet: the measure is named, but no days are remitted until the exclusion is decided.
  if (ex.undecided >= 0) return outcome({ status: 'needs_review', reason: 'exclusion_unknown', exclusion: ex.undecided, clause: d.chosen, measure, clauses: d.mask });
  // Under first match, an earlier clause may take the person later in the execution period.
  const better = plan.combine === 'first_match' && dayLater > day0 ? laterInPeriod(plan, p, law, defs, day0, dayLater, d.chosen) : NONE_ALMOST;
  return outcome({ status: 'eligible', reason: remainingUnknown ? 'remaining_unknown' : 'matched', clause: d.chosen, measure, daysRemitted: days, newEnd, clauses: d.mask, almost: better });
}

/** What the clauses decide, before exclusions are read. */
interface ClauseDecision {
  /** Each clause's evaluation; null where first match stopped before it. */
  evals: (ClauseEval | null)[];
  /** The clause that applies, or -1. */
  chosen: number;
  /** The undecided clause that makes the outcome need review, or -1. */
  undecided: number;
  /** The clauses that hold (when all are read). */
  mask: number[];
  /** all_that_apply: the days remitted by the clauses together and the new end. */
  days: number | null;
  newEnd: number | null;
  remainingUnknown: boolean;
  /** Clauses of different measures hold while the act forbids overlaps. */
  overlap: boolean;
  almost: Outcome['almost'];
}

const decision = (evals: (ClauseEval | null)[], partial: Partial<ClauseDecision>): ClauseDecision => ({
  evals,
  chosen: -1,
  undecided: -1,
  mask: [],
  days: null,
  newEnd: null,
  remainingUnknown: false,
  overlap: false,
  almost: NONE_ALMOST,
  ...partial,
});

/** First match without overlap checking: clauses in the law's order, up to the first that holds or cannot be decided. */
function firstMatchInOrder(plan: Plan, p: PersonRecord, env: ActEnv, defs: ReadonlyMap<string, Checked>): ClauseDecision {
  const evals: (ClauseEval | null)[] = plan.clauses.map(() => null);
  for (let j = 0; j < plan.clauses.length; j++) {
    const ev = evalClause(plan, j, p, env, defs);
    evals[j] = ev;
    if (ev.truth === T) return decision(evals, { chosen: j, almost: oneShort(evals, j) });
    if (ev.truth === U) return decision(evals, { undecided: j, almost: oneShort(evals, j) });
  }
  return decision(evals, { almost: oneShort(evals, evals.length) });
}

/** Every clause read, then combined by the act's rule (and overlaps checked when forbidden). */
function combineAll(plan: Plan, p: PersonRecord, env: ActEnv, defs: ReadonlyMap<string, Checked>, sentence: SentenceDays, day0: number): ClauseDecision {
  const evals = plan.clauses.map((_, j) => evalClause(plan, j, p, env, defs));
  const holding = evals.map((e, j) => (e.truth === T ? j : -1)).filter((j) => j >= 0);
  const unknown = evals.map((e, j) => (e.truth === U ? j : -1)).filter((j) => j >= 0);
  const mask = holding;
  if (plan.overlapForbidden && new Set(holding.map((j) => measureCode(entryAt(plan.clauses, j, 'clause').measure))).size > 1) return decision(evals, { mask, overlap: true });
  if (plan.combine === 'first_match') {
    // first_match with overlap checking: the first holding or undecided clause in order decides
    const firstDecisive = evals.findIndex((e) => e.truth !== F);
    if (firstDecisive < 0) return decision(evals, { mask, almost: oneShort(evals, evals.length) });
    const side = entryAt(evals, firstDecisive, 'clause evaluation').truth === T ? { chosen: firstDecisive } : { undecided: firstDecisive };
    return decision(evals, { mask, ...side, almost: oneShort(evals, firstDecisive) });
  }
  if (plan.combine === 'most_favourable') {
    const { chosen, undecided } = mostFavourable(plan, holding, unknown, sentence, day0);
    return decision(evals, { mask, chosen, undecided, almost: chosen < 0 && undecided < 0 ? oneShort(evals, evals.length) : NONE_ALMOST });
  }
  const [firstUnknown] = unknown;
  if (firstUnknown !== undefined) return decision(evals, { mask, undecided: firstUnknown });
  if (holding.length === 0) return decision(evals, { mask, almost: oneShort(evals, evals.length) });
  return decision(evals, { mask, ...allThatApply(plan, holding, sentence, day0) });
}

/** most_favourable: the holding clause remitting most, unless an undecided one could remit more. */
function mostFavourable(plan: Plan, holding: number[], unknown: number[], sentence: SentenceDays, day0: number): { chosen: number; undecided: number } {
  let best = -1;
  let bestScore = -Infinity;
  for (const j of holding) {
    const m = entryAt(plan.clauses, j, 'clause').measure;
    const score = favour(m, remit(m, sentence, day0).days);
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  }
  for (const j of unknown) {
    const m = entryAt(plan.clauses, j, 'clause').measure;
    const r = remit(m, sentence, day0);
    if (best < 0 || r.unknown || favour(m, r.days) > bestScore) return { chosen: -1, undecided: j };
  }
  return { chosen: best, undecided: -1 };
}

/** all_that_apply: reductions add up in days, capped at what is left; a release absorbs them; the most favourable names the measure. */
function allThatApply(plan: Plan, holding: number[], sentence: SentenceDays, day0: number): Pick<ClauseDecision, 'chosen' | 'days' | 'newEnd' | 'remainingUnknown'> {
  let best = entryAt(holding, 0, 'holding clauses');
  let bestScore = -Infinity;
  let sum = 0;
  let release = false;
  let remainingUnknown = false;
  for (const j of holding) {
    const m = entryAt(plan.clauses, j, 'clause').measure;
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
  const end = sentence.end;
  if (end === null || remainingUnknown) return { chosen: best, days: null, newEnd: null, remainingUnknown };
  const rem = Math.max(0, end - day0);
  const anyRemission = release || holding.some((j) => remit(entryAt(plan.clauses, j, 'clause').measure, sentence, day0).days !== null);
  if (!anyRemission) return { chosen: best, days: null, newEnd: null, remainingUnknown };
  const days = release ? rem : Math.min(rem, sum);
  return { chosen: best, days, newEnd: end - days, remainingUnknown };
}

/** Almost eligible, one short: the first clause before `upTo` with at least two criteria, exactly one false and none unknown. */
function oneShort(evals: (ClauseEval | null)[], upTo: number): Outcome['almost'] {
  for (let j = 0; j < upTo; j++) {
    const ev = present(evals[j], `clause ${j}: not read, though a clause after it was`);
    if (ev.criteria.length < 2) continue;
    const fails = ev.criteria.filter((c) => c === F).length;
    const unknowns = ev.criteria.filter((c) => c === U).length;
    if (fails === 1 && unknowns === 0) return { kind: 'one_short', clause: j, criterion: ev.criteria.indexOf(F), from: null };
  }
  return NONE_ALMOST;
}

/** The exclusion that takes the person (the first that holds), and the first before it that cannot be decided; -1 for none. */
function exclusionsOf(plan: Plan, p: PersonRecord, env: ActEnv, defs: ReadonlyMap<string, Checked>): { excluding: number; undecided: number } {
  let undecided = -1;
  for (const e of plan.exclusions) {
    const t = interpret(e.condition, p, env, defs);
    if (t === T) return { excluding: e.index, undecided };
    if (t === U && undecided < 0) undecided = e.index;
  }
  return { excluding: -1, undecided };
}

/** The first clause before `upTo` read `during` the execution period that holds on its last day, and from which day. */
function laterInPeriod(plan: Plan, p: PersonRecord, law: Law, defs: ReadonlyMap<string, Checked>, day0: number, dayLater: number, upTo: number): Outcome['almost'] {
  const later = actEnv(law, day0, dayLater);
  for (let j = 0; j < upTo; j++) {
    if (!entryAt(plan.clauses, j, 'clause').criteria.some(usesDuring)) continue;
    if (evalClause(plan, j, p, later, defs).truth === T) return { kind: 'later', clause: j, criterion: -1, from: eligibleFrom(plan, j, p, law, day0, dayLater) };
  }
  return NONE_ALMOST;
}

/** Not covered on the day of entry into force: almost eligible one short, or eligible later in the execution period — unless an exclusion would take the person anyway. */
function notCovered(plan: Plan, p: PersonRecord, law: Law, env: ActEnv, defs: ReadonlyMap<string, Checked>, day0: number, dayLater: number, d: ClauseDecision): Outcome {
  let almost = d.almost;
  if (hasDuring(plan) && dayLater > day0) {
    const later = laterInPeriod(plan, p, law, defs, day0, dayLater, plan.clauses.length);
    if (later.kind !== 'none') almost = later;
  }
  if (almost.kind !== 'none' && exclusionsOf(plan, p, env, defs).excluding >= 0) almost = NONE_ALMOST;
  return outcome({ status: 'not_covered', reason: 'no_clause', almost, clauses: d.mask });
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
