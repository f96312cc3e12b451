/**
 * Calendar dates as integers, the two forms the registry and the engine use.
 *
 * - a **day number**: days since 1970-01-01 (negative before). Differences of day numbers are
 *   durations in days: served days, remaining days, days remitted.
 * - a **ymd**: the date written as the integer YYYYMMDD. Full years between two dates are
 *   `floor((ymdB - ymdA) / 10000)`, which is how age "on the day the law enters into force" is
 *   counted: a person born on 1975-06-23 is 50 on 2025-06-23 and not on 2025-06-22.
 *   A person born on 29 February becomes a year older on 1 March in a common year.
 *
 * Both are plain numbers so that columns of them are typed arrays.
 *
 * Non-null assertions (`!`) here are reads of the month tables (typed arrays), each at an index
 * checked in range just before (`0 <= k < TABLE_DAYS`, `0 <= m < TABLE_MONTHS`): these functions
 * run once per person and date, so they read the tables without a further check.
 */

/** The value stored in an Int32 date column when the date is unknown. */
export const UNKNOWN_DATE = -2147483648;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (H. Hinnant's civil_from_days). */
export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO date (YYYY-MM-DD) into a day number; null if it is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberOf(year, month, day);
}

/** Like parseIsoDate, but throws with the text when the date is not valid. */
export function isoDay(text: string): number {
  const d = parseIsoDate(text);
  if (d === null) throw new RangeError(`not a valid ISO date: ${JSON.stringify(text)}`);
  return d;
}

export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function ymdOfDay(dayNumber: number): number {
  const k = dayNumber - TABLE_FIRST_DAY;
  if (k >= 0 && k < TABLE_DAYS) {
    const m = MONTH_OF_DAY[k]!;
    return ((m / 12) | 0) * 10000 + TABLE_FIRST_YEAR * 10000 + (m % 12) * 100 + 100 + DAY_OF_MONTH[k]!;
  }
  return ymdOfDayByFormula(dayNumber);
}

/** ymdOfDay computed from civilOf, for every day (the table's fallback and its check). */
export function ymdOfDayByFormula(dayNumber: number): number {
  const { year, month, day } = civilOf(dayNumber);
  return year * 10000 + month * 100 + day;
}

export function dayOfYmd(ymd: number): number {
  return dayNumberOf(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);
}

/** Completed years from `fromYmd` to `toYmd` (age on a date). */
export function fullYears(fromYmd: number, toYmd: number): number {
  return Math.floor((toYmd - fromYmd) / 10000);
}

/** The date `years` years after `ymd`, with 29 February moving to 1 March in a common year. */
export function addYearsYmd(ymd: number, years: number): number {
  const y = Math.floor(ymd / 10000) + years;
  const md = ymd % 10000;
  if (md === 229 && daysInMonth(y, 2) === 28) return y * 10000 + 301;
  return y * 10000 + md;
}

/**
 * The months table: for every day from 1900-01-01 to 2199-12-31, its month (counted from January
 * 1900) and its day of the month; for every month, the day number of its first day. Built once from
 * civilOf, it answers addMonths and ymdOfDay with a few loads and no division or object — the terms
 * of every person are laid on the calendar with it in the kernel's loop (src/engine/calendar.ts).
 * Days outside the range take the formula; dates.test.ts holds the two equal on every day.
 */
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
const TABLE_FIRST_DAY = dayNumberOf(TABLE_FIRST_YEAR, 1, 1);
const TABLE_DAYS = dayNumberOf(TABLE_FIRST_YEAR + TABLE_YEARS, 1, 1) - TABLE_FIRST_DAY;
const TABLE_MONTHS = TABLE_YEARS * 12;
const MONTH_OF_DAY = new Int16Array(TABLE_DAYS);
const DAY_OF_MONTH = new Uint8Array(TABLE_DAYS);
/** First day of month m (m = 0 … TABLE_MONTHS: one more, so that month m has MONTH_START[m + 1] − MONTH_START[m] days). */
const MONTH_START = new Int32Array(TABLE_MONTHS + 1);
for (let m = 0; m <= TABLE_MONTHS; m++) MONTH_START[m] = dayNumberOf(TABLE_FIRST_YEAR + Math.floor(m / 12), (m % 12) + 1, 1);
for (let m = 0; m < TABLE_MONTHS; m++)
  for (let d = MONTH_START[m]!, k = 1; d < MONTH_START[m + 1]!; d++, k++) {
    MONTH_OF_DAY[d - TABLE_FIRST_DAY] = m;
    DAY_OF_MONTH[d - TABLE_FIRST_DAY] = k;
  }

/** The date `months` months after a day number, clamped to the end of the month. */
export function addMonths(dayNumber: number, months: number): number {
  const k = dayNumber - TABLE_FIRST_DAY;
  if (k >= 0 && k < TABLE_DAYS) {
    const m = MONTH_OF_DAY[k]! + months;
    if (m >= 0 && m < TABLE_MONTHS) {
      const first = MONTH_START[m]!;
      const length = MONTH_START[m + 1]! - first;
      const d = DAY_OF_MONTH[k]!;
      return first + (d < length ? d : length) - 1;
    }
  }
  return addMonthsByFormula(dayNumber, months);
}

/**
 * Whole months from day `a` to day `b` as courts count them (a ≤ b): the most months that, laid
 * from `a` (src/domain/terms.ts termBetween), do not pass `b`; 0 when b < a.
 */
export function monthsBetween(a: number, b: number): number {
  const ka = a - TABLE_FIRST_DAY;
  const kb = b - TABLE_FIRST_DAY;
  let months: number;
  let da: number;
  let db: number;
  let lengthB: number;
  if (ka >= 0 && ka < TABLE_DAYS && kb >= 0 && kb < TABLE_DAYS) {
    const mb = MONTH_OF_DAY[kb]!;
    months = mb - MONTH_OF_DAY[ka]!;
    da = DAY_OF_MONTH[ka]!;
    db = DAY_OF_MONTH[kb]!;
    lengthB = MONTH_START[mb + 1]! - MONTH_START[mb]!;
  } else {
    const ca = civilOf(a);
    const cb = civilOf(b);
    months = (cb.year - ca.year) * 12 + (cb.month - ca.month);
    da = ca.day;
    db = cb.day;
    lengthB = daysInMonth(cb.year, cb.month);
  }
  if (months > 0 && (da < lengthB ? da : lengthB) > db) months--;
  return months < 0 ? 0 : months;
}

/** addMonths computed from civilOf, for every day (the table's fallback and its check). */
export function addMonthsByFormula(dayNumber: number, months: number): number {
  const { year, month, day } = civilOf(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayNumberOf(y, m, Math.min(day, daysInMonth(y, m)));
}
