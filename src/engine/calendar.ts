/**
 * The calendar facts of a sentence as the kernel's helpers and the reference interpreter read them
 * (src/domain/terms.ts has the law): the term of the sentence, the part served against a fraction,
 * terms compared, dates relative to a day. Unknown is signalled by -2 (a sign is -1, 0 or 1).
 */
import { civilOf, UNKNOWN_DATE, ymdOfDay } from '../domain/dates.ts';
import { addTerm, compareServedFraction, compareTerms, termBetween, type Term } from '../domain/terms.ts';

/** A sign that cannot be computed: a fact it needs is unknown. */
export const UNKNOWN_SIGN = -2;

/**
 * The term of a sentence: the term imposed (months and days) when both are recorded, otherwise the
 * term from its start to its scheduled end; null when neither is known. Unknown dates are
 * UNKNOWN_DATE and unknown counts negative.
 */
export function sentenceTerm(start: number, end: number, months: number, days: number): Term | null {
  if (months >= 0 && days >= 0) return { months, days };
  if (start !== UNKNOWN_DATE && end !== UNKNOWN_DATE && end > start) return termBetween(start, end);
  return null;
}

/** Sign of (part served on `day` − num/den of the sentence's term); UNKNOWN_SIGN when it cannot be told. */
export function servedFractionSign(start: number, end: number, months: number, days: number, day: number, num: number, den: number): number {
  if (start === UNKNOWN_DATE) return UNKNOWN_SIGN;
  const t = sentenceTerm(start, end, months, days);
  if (t === null || (t.months === 0 && t.days === 0)) return UNKNOWN_SIGN;
  return compareServedFraction(day, start, t, { num, den });
}

/** Sign of (term imposed − the term tm/td), months first; UNKNOWN_SIGN when the imposed term is not recorded. */
export function imposedTermSign(months: number, days: number, tm: number, td: number): number {
  if (months < 0 || days < 0) return UNKNOWN_SIGN;
  return compareTerms({ months, days }, { months: tm, days: td });
}

/** Sign of (term served on `day` − tm/td): the served part runs from the start to the day, not past the end. */
export function servedTermSign(start: number, end: number, day: number, tm: number, td: number): number {
  if (start === UNKNOWN_DATE) return UNKNOWN_SIGN;
  let at = end !== UNKNOWN_DATE && end < day ? end : day;
  if (at < start) at = start;
  const x = addTerm(start, { months: tm, days: td });
  return at > x ? 1 : at < x ? -1 : 0;
}

/** Sign of (term left on `day` − tm/td): the term left runs from the day to the scheduled end (none after it). */
export function remainingTermSign(end: number, day: number, tm: number, td: number): number {
  if (end === UNKNOWN_DATE) return UNKNOWN_SIGN;
  const from = day < end ? day : end;
  const x = addTerm(from, { months: tm, days: td });
  return end > x ? 1 : end < x ? -1 : 0;
}

/**
 * The date `amount` units from `day`, as YYYYMMDD: months (and years) shift the year and month and
 * keep the day number, even where the month has no such day (2025-03-31 − 1 month is 20250231,
 * which sorts between 28 February and 1 March), as ages are counted (src/domain/dates.ts).
 */
/**
 * A date fact (YYYYMMDD) against a date relative to the day: -1 before it, 0 on it, 1 after. "On
 * it" means the periods counted are completed on the day and not on the day before: a person born
 * `day - 60y` turns 60 on the day. So `birth_date <= day - 60y` is `age >= 60`, and
 * `birth_date < day - 60y` is "older than 60" — 60 already on the day before — also for a person
 * born on 29 February (60 on 1 March of a common year, older than 60 from 2 March).
 */
export function relativeDateSign(ymd: number, day: number, unit: 'months' | 'days', amount: number): number {
  return ymd <= shiftedYmd(day - 1, unit, amount) ? -1 : ymd <= shiftedYmd(day, unit, amount) ? 0 : 1;
}

export function shiftedYmd(day: number, unit: 'months' | 'days', amount: number): number {
  if (unit === 'days') return ymdOfDay(day + amount);
  const { year, month, day: d } = civilOf(day);
  const total = year * 12 + (month - 1) + amount;
  return Math.floor(total / 12) * 10000 + ((total % 12) + 12) % 12 * 100 + 100 + d;
}
