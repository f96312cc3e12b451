/**
 * The calendar facts of a sentence as the kernel's helpers and the reference interpreter read them
 * (src/domain/terms.ts has the law): the term of the sentence, the part served against a fraction,
 * terms compared, dates relative to a day. Unknown is signalled by -2 (a sign is -1, 0 or 1).
 */
import { addMonths, civilOf, monthsBetween, UNKNOWN_DATE, ymdOfDay } from '../domain/dates.ts';
import { DAYS_PER_LEFTOVER_MONTH, termBetween, type Term } from '../domain/terms.ts';

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

/**
 * The kernel's loop calls the functions below for every person: they work on whole numbers only
 * (the months table of src/domain/dates.ts, no object, no Date), and compute exactly what the
 * functions of src/domain/terms.ts compute on terms (calendar.test.ts holds them to it).
 */

/** Sign of (part served on `day` − num/den of the sentence's term); UNKNOWN_SIGN when it cannot be told. */
export function servedFractionSign(start: number, end: number, months: number, days: number, day: number, num: number, den: number): number {
  if (start === UNKNOWN_DATE) return UNKNOWN_SIGN;
  // the term (sentenceTerm): the one imposed when recorded, else from start to scheduled end
  let tm = months;
  let td = days;
  if (tm < 0 || td < 0) {
    if (end === UNKNOWN_DATE || end <= start) return UNKNOWN_SIGN;
    tm = monthsBetween(start, end);
    td = end - addMonths(start, tm);
  }
  if (tm === 0 && td === 0) return UNKNOWN_SIGN;
  // compareServedFraction: the served part from the start, not past the term's end, against the
  // fraction taken of the months first, the left-over part of a month as 30 days
  const termEnd = addMonths(start, tm) + td;
  const at = day < start ? start : day > termEnd ? termEnd : day;
  const m = tm * num;
  const pm = Math.floor(m / den);
  const restNum = (m - pm * den) * DAYS_PER_LEFTOVER_MONTH + td * num;
  const diff = (at - addMonths(start, pm)) * den - restNum;
  return diff > 0 ? 1 : diff < 0 ? -1 : 0;
}

/** Sign of (term imposed − the term tm/td), months first; UNKNOWN_SIGN when the imposed term is not recorded. */
export function imposedTermSign(months: number, days: number, tm: number, td: number): number {
  if (months < 0 || days < 0) return UNKNOWN_SIGN;
  if (months !== tm) return months < tm ? -1 : 1;
  return days === td ? 0 : days < td ? -1 : 1;
}

/** Sign of (term served on `day` − tm/td): the served part runs from the start to the day, not past the end. */
export function servedTermSign(start: number, end: number, day: number, tm: number, td: number): number {
  if (start === UNKNOWN_DATE) return UNKNOWN_SIGN;
  let at = end !== UNKNOWN_DATE && end < day ? end : day;
  if (at < start) at = start;
  const x = addMonths(start, tm) + td;
  return at > x ? 1 : at < x ? -1 : 0;
}

/** Sign of (term left on `day` − tm/td): the term left runs from the day to the scheduled end (none after it). */
export function remainingTermSign(end: number, day: number, tm: number, td: number): number {
  if (end === UNKNOWN_DATE) return UNKNOWN_SIGN;
  const from = day < end ? day : end;
  const x = addMonths(from, tm) + td;
  return end > x ? 1 : end < x ? -1 : 0;
}

/**
 * The day a term of tm months and td days, laid from `start`, ends once reduced by num/den of it
 * (src/domain/terms.ts reducedEnd: the fraction's days rounded half up, 30-day months borrowed).
 */
export function reducedEndOf(start: number, tm: number, td: number, num: number, den: number): number {
  const m = tm * num;
  const pm = Math.floor(m / den);
  const restNum = (m - pm * den) * DAYS_PER_LEFTOVER_MONTH + td * num;
  let months = tm - pm;
  let days = td - Math.floor((2 * restNum + den) / (2 * den));
  if (days < 0) {
    const need = Math.ceil(-days / DAYS_PER_LEFTOVER_MONTH);
    const borrow = months < need ? months : need;
    months -= borrow;
    days += borrow * DAYS_PER_LEFTOVER_MONTH;
  }
  return addMonths(start, months) + (days > 0 ? days : 0);
}

/** Days by which reducing the unserved part (from `day` to `end`, end > day) by num/den shortens it. */
export function unservedReductionDays(day: number, end: number, num: number, den: number): number {
  const tm = monthsBetween(day, end);
  return end - reducedEndOf(day, tm, end - addMonths(day, tm), num, den);
}

/**
 * Days by which reducing the sentence's term (imposed, else start to scheduled end) by num/den
 * shortens it; NaN when the term is not known.
 */
export function imposedReductionDays(start: number, end: number, months: number, days: number, num: number, den: number): number {
  let tm = months;
  let td = days;
  if (tm < 0 || td < 0) {
    if (start === UNKNOWN_DATE || end === UNKNOWN_DATE || end <= start) return NaN;
    tm = monthsBetween(start, end);
    td = end - addMonths(start, tm);
  }
  return addMonths(start, tm) + td - reducedEndOf(start, tm, td, num, den);
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
