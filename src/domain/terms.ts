/**
 * Terms of punishment as courts count them, and fractions of a term laid on the calendar.
 *
 * The law (verified against the official texts, adilet.zan.kz):
 * - Criminal Code of 3 July 2014 No. 226-V (K1400000226), Art. 62 part 1: terms of imprisonment and
 *   of restriction of liberty "исчисляются в месяцах и годах"; part 2: when a punishment is replaced,
 *   punishments are added up, or time is credited, "сроки могут исчисляться в сутках".
 * - Criminal Procedure Code of 4 July 2014 No. 231-V (K1400000231), Art. 48 part 4: "Срок,
 *   исчисляемый месяцами, истекает в соответствующие месяц и число последнего месяца срока. Если
 *   окончание срока приходится на месяц, в котором нет соответствующего числа, то срок истекает в
 *   последний день этого месяца." — and the same for years.
 *
 * So a term is whole months (a year is twelve) and days, and it is laid on the calendar from its
 * start: `start + N months` is the same day number N months later, or the last day of that month
 * when it has no such day (31 January + 1 month = 28 or 29 February; 29 February + 12 months =
 * 28 February), then the days are added. The day a term ends is the first day not served (the
 * registry's `sentence_end`): a person whose term ends on a day is no longer serving on it.
 *
 * A fraction of a term ("one third of the term", "reduce the unserved part by a half") is taken in
 * calendar units: of the months first — one third of 5 years (60 months) is 20 months, 1 year 8
 * months, not 608.67 days — and the part of a month left over is counted as 30 days, together with
 * the fraction of the term's days. The 30-day month of a left-over part is a convention of this
 * model (the Codes give none for parts of a month); it is stated wherever it is used. Fractions are
 * exact rationals (1/3 is never 0.333…), so "served at least one third" is decided exactly on each
 * boundary day.
 */
import { addMonths, civilOf, daysInMonth } from './dates.ts';

/** A term: whole months (years as 12 months) and days. */
export interface Term {
  months: number;
  days: number;
}

/** A fraction num/den, both whole numbers, den > 0. */
export interface Fraction {
  num: number;
  den: number;
}

/** Days in a month for a part of a month left over by a fraction of a term (a convention, see above). */
export const DAYS_PER_LEFTOVER_MONTH = 30;

/** The day a term laid on the calendar from `start` ends (Criminal Procedure Code Art. 48 part 4). */
export function addTerm(start: number, t: Term): number {
  return addMonths(start, t.months) + t.days;
}

/**
 * The term from day `a` to day `b` (a ≤ b) as courts count it: the most whole months that, laid
 * from `a`, do not pass `b`, then the days left.
 */
export function termBetween(a: number, b: number): Term {
  const ca = civilOf(a);
  const cb = civilOf(b);
  let months = (cb.year - ca.year) * 12 + (cb.month - ca.month);
  if (months > 0 && Math.min(ca.day, daysInMonth(cb.year, cb.month)) > cb.day) months--;
  if (months < 0) months = 0;
  return { months, days: b - addMonths(a, months) };
}

/**
 * A fraction of a term, exactly: whole months, and the rest in days as the rational
 * `restNum / den` (left-over part of a month × 30 + the fraction of the term's days).
 */
export function fractionOfTerm(t: Term, f: Fraction): { months: number; restNum: number; den: number } {
  const m = t.months * f.num;
  const months = Math.floor(m / f.den);
  const leftover = m - months * f.den;
  return { months, restNum: leftover * DAYS_PER_LEFTOVER_MONTH + t.days * f.num, den: f.den };
}

/** Whole days of a rational number of days, rounded half up. */
export function roundDaysHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/**
 * Compares the part of a term served on day `day` with a fraction of it: the term `t` began on
 * `start`; the part served is counted from the start and not past the end (before the start
 * nothing is served; after the end all of it). Returns the sign of (served − f × t): -1, 0 or 1.
 */
export function compareServedFraction(day: number, start: number, t: Term, f: Fraction): number {
  const end = addTerm(start, t);
  const at = day < start ? start : day > end ? end : day;
  const part = fractionOfTerm(t, f);
  const base = addMonths(start, part.months);
  // served − part = (at − base) − restNum / den, compared in units of 1/den day
  const diff = (at - base) * part.den - part.restNum;
  return diff > 0 ? 1 : diff < 0 ? -1 : 0;
}

/**
 * A term less a fraction of it, as a court writes the new term: the fraction's days rounded half
 * up (in the convict's favour at an exact half), and a month borrowed as 30 days when the days
 * would be negative (43 months less one third = 43 months − 14 months 10 days = 28 months 20 days).
 */
export function termLess(t: Term, f: Fraction): Term {
  const part = fractionOfTerm(t, f);
  let months = t.months - part.months;
  let days = t.days - roundDaysHalfUp(part.restNum, part.den);
  if (days < 0) {
    // borrow as many 30-day months as the days need (and the months allow)
    const borrow = Math.min(months, Math.ceil(-days / DAYS_PER_LEFTOVER_MONTH));
    months -= borrow;
    days += borrow * DAYS_PER_LEFTOVER_MONTH;
  }
  return { months, days: Math.max(0, days) };
}

/** The day a term reduced by a fraction ends, the reduced term laid on the calendar from the term's start. */
export function reducedEnd(start: number, t: Term, f: Fraction): number {
  return addTerm(start, termLess(t, f));
}

/** Compares two terms: months first, then days. */
export function compareTerms(a: Term, b: Term): number {
  if (a.months !== b.months) return a.months < b.months ? -1 : 1;
  return a.days === b.days ? 0 : a.days < b.days ? -1 : 1;
}

const TERM_TEXT = /^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)d)?$/;

/** Reads a term written `5y`, `1y8m`, `18m`, `2y3m15d`, `10d`; null when it is not one. */
export function parseTerm(text: string): Term | null {
  const m = TERM_TEXT.exec(text);
  if (m === null || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return { months: Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0), days: Number(m[3] ?? 0) };
}

/** A term written back as `1y8m`, `10d`, `0d`. */
export function formatTerm(t: Term): string {
  const y = Math.floor(t.months / 12);
  const m = t.months % 12;
  const parts = [y > 0 ? `${y}y` : '', m > 0 ? `${m}m` : '', t.days > 0 ? `${t.days}d` : ''].join('');
  return parts === '' ? '0d' : parts;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** A fraction in lowest terms. */
export function fraction(num: number, den: number): Fraction {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den <= 0) throw new RangeError(`not a fraction: ${num}/${den}`);
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/**
 * The fraction a number stands for: exact for decimals (0.75 = 3/4), and the simplest fraction
 * within 1e-9 for a value computed as a quotient (0.3333333333333333 = 1/3), denominators up to a
 * million.
 */
export function fractionOfNumber(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  // continued fraction convergents
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let r = a;
  for (let i = 0; i < 40; i++) {
    const q = Math.floor(r);
    [h0, h1] = [h1, q * h1 + h0];
    [k0, k1] = [k1, q * k1 + k0];
    if (k1 > 1_000_000) {
      [h1, k1] = [h0, k0];
      break;
    }
    if (Math.abs(a - h1 / k1) < 1e-9) break;
    const frac = r - q;
    if (frac < 1e-12) break;
    r = 1 / frac;
  }
  return fraction(sign * h1, k1);
}

/** Reads `1/3`, `0.75`, `1`; null when the text is none of these. */
export function parseFraction(text: string): Fraction | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (m) return Number(m[2]) === 0 ? null : fraction(Number(m[1]), Number(m[2]));
  const n = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  return Number.isFinite(n) ? fractionOfNumber(n) : null;
}
