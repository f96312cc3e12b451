/**
 * The fixed (not generated) library of the act kernel (./kernel.ts): the days a measure remits,
 * and the decision of the combination rules other than plain first match — most_favourable,
 * all_that_apply, and first match with overlaps forbidden — from every clause's truth. The
 * semantics are the reference's (./reference.ts); property tests hold the two to the same outcomes.
 */
import { addMonths, UNKNOWN_DATE } from '../../domain/dates.ts';
import { imposedReductionDays, unservedReductionDays } from '../calendar.ts';
import { KERNEL_HELPERS } from '../kernel.ts';
import { REASON, STATUS } from './outcome.ts';

/** Measure kinds for the arithmetic of days (measureCode − 1). */
export const K_RELEASE = 0;
export const K_RELEASE_ADDITIONAL = 1;
export const K_LIABILITY = 2;
export const K_REDUCE_UNSERVED = 3;
const K_REDUCE_IMPOSED = 4;
export const K_REPLACE = 6;

/**
 * Days remitted: -1 when the measure remits no days of the main term, NaN when unknown. `num`/`den`
 * is the measure's fraction (or `num` its months); `mo`/`dd` the term imposed (-1 unknown). The
 * arithmetic of terms is the reference's (./reference.ts remit, src/domain/terms.ts).
 */
function remitDays(kind: number, num: number, den: number, st: number, en: number, mo: number, dd: number, day0: number): number {
  if (kind === K_REPLACE || kind === K_RELEASE_ADDITIONAL) return -1;
  if (en === UNKNOWN_DATE) return NaN;
  const rem = en > day0 ? en - day0 : 0;
  if (kind === K_RELEASE || kind === K_LIABILITY) return rem;
  let d: number;
  if (kind === K_REDUCE_UNSERVED) {
    if (rem === 0) return 0;
    d = unservedReductionDays(day0, en, num, den);
  } else if (kind === K_REDUCE_IMPOSED) {
    if (st === UNKNOWN_DATE) return NaN;
    d = imposedReductionDays(st, en, mo, dd, num, den);
    if (d !== d) return NaN;
  } else d = en - addMonths(en, -num);
  return d < 0 ? 0 : d < rem ? d : rem;
}

function favourOf(kind: number, days: number): number {
  if (kind === K_RELEASE) return 4e9;
  if (kind === K_LIABILITY) return 4e9 + 1;
  if (kind === K_REPLACE) return -1;
  if (kind === K_RELEASE_ADDITIONAL) return -2;
  return days === days && days >= 0 ? days : 0;
}

/**
 * One person's outcome as the fixed helpers of the other combination rules leave it, for the
 * generated code to copy into its locals (indexes R_*).
 */
export const R_STATUS = 0;
export const R_REASON = 1;
export const R_CLAUSE = 2;
export const R_EXCLUSION = 3;
export const R_MEASURE = 4;
export const R_DAYS = 5;
export const R_END = 6;
export const R_ALMOST_KIND = 7;
export const R_ALMOST_CLAUSE = 8;
export const R_ALMOST_CRITERION = 9;
/** The clause mask's words follow, one per 32 clauses. */
export const R_MASK = 10;

export interface Scratch {
  /** Truth of each clause (F 0, U 1, T 2), its false and unknown criteria, and its first false criterion. */
  tr: Uint8Array;
  nf: Int32Array;
  nu: Int32Array;
  ms: Int32Array;
  /** The outcome being decided (R_*). */
  r: Int32Array;
  /** The choice of a combination rule: the clause chosen, the first undecided, and up to which clause "almost eligible" is looked for (C_*). */
  c: Int32Array;
}

const C_CHOSEN = 0;
const C_UNDECIDED = 1;
const C_ALMOST_UP_TO = 2;

/** Scratch space for an act of `clauses` clauses. */
export function newScratch(clauses: number, maskWords: number): Scratch {
  return { tr: new Uint8Array(clauses), nf: new Int32Array(clauses), nu: new Int32Array(clauses), ms: new Int32Array(clauses), r: new Int32Array(R_MASK + maskWords), c: new Int32Array(3) };
}

/** What an act's clauses are bound with: their measures, and the number of criteria of each. */
export interface ActConstants {
  kinds: Int8Array;
  /** Per clause: the fraction's numerator (or the months of reduce_months) and denominator. */
  nums: Float64Array;
  dens: Float64Array;
  codes: Uint8Array;
  ncrit: Int32Array;
  /** remitDaysMemo's memory for one registry and day (clauses × MEMO_DAYS), -1 not yet computed. */
  memo: Int32Array;
}

/** The person's term: start, end, the term imposed (months, days), and the day of the evaluation. */
type TermArgs = [st: number, en: number, mo: number, dd: number, day0: number];

/**
 * Days remitted by reducing the unserved part depend only on the days left (the day of the
 * evaluation fixed): remembered per clause for up to MEMO_DAYS days left, -1 until computed.
 */
export const MEMO_DAYS = 8192;

function remitDaysOf(A: ActConstants, j: number, ...[st, en, mo, dd, day0]: TermArgs): number {
  return remitDays(A.kinds[j]!, A.nums[j]!, A.dens[j]!, st, en, mo, dd, day0);
}

/** remitDays, remembered per clause by the days left where the measure reduces the unserved part. */
function remitDaysMemo(memo: Int32Array, chosen: number, kind: number, num: number, den: number, st: number, en: number, mo: number, dd: number, day0: number): number {
  if (kind === K_REDUCE_UNSERVED && en !== UNKNOWN_DATE) {
    const left = en - day0;
    if (left > 0 && left < MEMO_DAYS) {
      const k = chosen * MEMO_DAYS + left;
      let v = memo[k]!;
      if (v < 0) memo[k] = v = remitDays(kind, num, den, st, en, mo, dd, day0);
      return v;
    }
  }
  return remitDays(kind, num, den, st, en, mo, dd, day0);
}

/**
 * Writes a granted (or undecided-by-exclusion) outcome into R (the clause mask is already there):
 * the days remitted under the chosen clause's measure, or `days` and `newEnd` when `computed`.
 */
function grant(R: Int32Array, chosen: number, exU: number, A: ActConstants, term: TermArgs, days: number, newEnd: number, computed: boolean): void {
  let d = days;
  let ne = newEnd;
  if (!computed) {
    d = remitDaysOf(A, chosen, ...term);
    ne = d >= 0 ? term[1] - d : UNKNOWN_DATE;
    if (d !== d) ne = UNKNOWN_DATE;
  }
  R[R_CLAUSE] = chosen;
  R[R_MEASURE] = A.codes[chosen]!;
  // an outcome that needs review remits no days until the exclusion is decided
  R[R_DAYS] = d !== d || d < 0 || exU >= 0 ? -1 : d;
  R[R_END] = d !== d || d < 0 || exU >= 0 ? UNKNOWN_DATE : ne;
  if (exU >= 0) {
    R[R_STATUS] = STATUS.needs_review;
    R[R_REASON] = REASON.exclusion_unknown;
    R[R_EXCLUSION] = exU;
  } else {
    R[R_STATUS] = STATUS.eligible;
    R[R_REASON] = d !== d ? REASON.remaining_unknown : REASON.matched;
  }
}

/** R as "not covered", with the mask of the clauses that hold (bit j % 32 of word j / 32). */
function clearOutcome(R: Int32Array, tr: Uint8Array, n: number): void {
  R[R_STATUS] = STATUS.not_covered;
  R[R_REASON] = REASON.no_clause;
  R[R_CLAUSE] = -1;
  R[R_EXCLUSION] = -1;
  R[R_MEASURE] = 0;
  R[R_DAYS] = -1;
  R[R_END] = UNKNOWN_DATE;
  R[R_ALMOST_KIND] = 0;
  R[R_ALMOST_CLAUSE] = -1;
  R[R_ALMOST_CRITERION] = -1;
  R.fill(0, R_MASK);
  for (let j = 0; j < n; j++) if (tr[j] === 2) R[R_MASK + (j >> 5)]! |= 1 << (j & 31);
}

/** Overlaps forbidden: two clauses with different measures hold — the person needs review (true). */
function overlapFound(R: Int32Array, tr: Uint8Array, n: number, codes: Uint8Array): boolean {
  let first = -1;
  for (let j = 0; j < n; j++) {
    if (tr[j] !== 2) continue;
    if (first < 0) first = j;
    else if (codes[j] !== codes[first]) {
      R[R_STATUS] = STATUS.needs_review;
      R[R_REASON] = REASON.overlap;
      R[R_CLAUSE] = first;
      return true;
    }
  }
  return false;
}

/** first_match: the first clause that holds or may hold decides; "almost eligible" is looked for before it. */
function chooseFirst(c: Int32Array, tr: Uint8Array, n: number): void {
  let first = -1;
  for (let j = 0; j < n; j++)
    if (tr[j] !== 0) {
      first = j;
      break;
    }
  if (first >= 0 && tr[first] === 2) c[C_CHOSEN] = first;
  else if (first >= 0) c[C_UNDECIDED] = first;
  c[C_ALMOST_UP_TO] = first < 0 ? n : first;
}

/** most_favourable: the clause that holds remitting the most, unless a clause that may hold could remit more. */
function chooseMostFavourable(c: Int32Array, tr: Uint8Array, n: number, A: ActConstants, term: TermArgs): void {
  let best = -1;
  let bestScore = -Infinity;
  for (let j = 0; j < n; j++) {
    if (tr[j] !== 2) continue;
    const score = favourOf(A.kinds[j]!, remitDaysOf(A, j, ...term));
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  }
  for (let j = 0; j < n; j++) {
    if (tr[j] !== 1) continue;
    const d = remitDaysOf(A, j, ...term);
    if (best < 0 || d !== d || favourOf(A.kinds[j]!, d) > bestScore) {
      c[C_UNDECIDED] = j;
      break;
    }
  }
  if (c[C_UNDECIDED]! < 0) c[C_CHOSEN] = best;
  c[C_ALMOST_UP_TO] = c[C_CHOSEN]! < 0 && c[C_UNDECIDED]! < 0 ? n : 0;
}

/**
 * all_that_apply: undecided while a clause may hold; otherwise every clause that holds remits its
 * days (a release the whole of the days left), shown under the most favourable. True when granted.
 */
function grantAllThatApply(R: Int32Array, c: Int32Array, tr: Uint8Array, n: number, exU: number, A: ActConstants, term: TermArgs): boolean {
  for (let j = 0; j < n; j++)
    if (tr[j] === 1) {
      c[C_UNDECIDED] = j;
      return false;
    }
  let best = -1;
  let bestScore = -Infinity;
  let sum = 0;
  let release = false;
  let unknown = false;
  let measured = false;
  for (let j = 0; j < n; j++) {
    if (tr[j] !== 2) continue;
    const k = A.kinds[j]!;
    const d = remitDaysOf(A, j, ...term);
    if (d !== d) unknown = true;
    if (k === K_RELEASE || k === K_LIABILITY) {
      release = true;
      measured = true;
    } else if (d === d && d >= 0) {
      sum += d;
      measured = true;
    }
    const score = favourOf(k, d);
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  }
  if (best < 0) {
    c[C_ALMOST_UP_TO] = n;
    return false;
  }
  const [, en, , , day0] = term;
  let days = -1;
  let newEnd = UNKNOWN_DATE;
  if (unknown) days = NaN;
  else if (measured) {
    const rem = en > day0 ? en - day0 : 0;
    days = release ? rem : sum < rem ? sum : rem;
    newEnd = en - days;
  }
  grant(R, best, exU, A, term, days, newEnd, true);
  return true;
}

/** "Almost eligible": the first clause before `upTo` with two criteria or more, all known, one of them false. */
function markAlmost(s: Scratch, ncrit: Int32Array, upTo: number): void {
  const R = s.r;
  for (let j = 0; j < upTo; j++) {
    if (ncrit[j]! >= 2 && s.nf[j] === 1 && s.nu[j] === 0) {
      R[R_ALMOST_KIND] = 1;
      R[R_ALMOST_CLAUSE] = j;
      R[R_ALMOST_CRITERION] = s.ms[j]!;
      return;
    }
  }
}

/**
 * most_favourable, all_that_apply, or first_match with overlap checking: decides from every
 * clause's truth into R. False when no clause covers the person (R then holds the clause mask and
 * "almost eligible").
 */
function decideAll(s: Scratch, n: number, rule: number, overlapForbidden: boolean, exU: number, A: ActConstants, st: number, en: number, mo: number, dd: number, day0: number): boolean {
  const R = s.r;
  const c = s.c;
  const term: TermArgs = [st, en, mo, dd, day0];
  clearOutcome(R, s.tr, n);
  if (overlapForbidden && overlapFound(R, s.tr, n, A.codes)) return true;
  c[C_CHOSEN] = -1;
  c[C_UNDECIDED] = -1;
  c[C_ALMOST_UP_TO] = 0;
  if (rule === 0) chooseFirst(c, s.tr, n);
  else if (rule === 1) chooseMostFavourable(c, s.tr, n, A, term);
  else if (grantAllThatApply(R, c, s.tr, n, exU, A, term)) return true;
  if (c[C_CHOSEN]! >= 0) {
    grant(R, c[C_CHOSEN]!, exU, A, term, 0, 0, false);
    return true;
  }
  if (c[C_UNDECIDED]! >= 0) {
    R[R_STATUS] = STATUS.needs_review;
    R[R_REASON] = REASON.unknown_fact;
    R[R_CLAUSE] = c[C_UNDECIDED]!;
    R[R_EXCLUSION] = exU;
    return true;
  }
  markAlmost(s, A.ncrit, c[C_ALMOST_UP_TO]!);
  return false;
}

/** The helpers generated act kernels may call (`H.<name>`). */
export const ACT_HELPERS = {
  ...KERNEL_HELPERS,
  remitDays,
  remitDaysMemo,
  decideAll,
};
