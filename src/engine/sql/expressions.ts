/**
 * SQL literals and the calendar in SQL, for PostgreSQL and DuckDB alike: what the facts' SQL forms
 * (src/engine/facts/) and the act's query (emit.ts) are written with. Unknown is SQL's NULL.
 *
 * Expressions read the relation `f` (persons joined with their articles' aggregates, see emit.ts)
 * and the tables person_articles and person_children.
 */
import type { Fraction } from '../../domain/terms.ts';
import type { DateShift } from '../condition.ts';
import type { SqlContext } from '../facts/types.ts';

export type { SqlContext };

/** A number as an SQL literal (doubles typed, so both engines compare as IEEE doubles). */
export function sqlNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return Number.isInteger(v) ? String(v) : `CAST(${v} AS DOUBLE PRECISION)`;
}

/** A string as an SQL literal. */
export function sqlString(v: string): string {
  if (v.includes('\u0000')) throw new Error('a NUL character cannot be written in SQL');
  return `'${v.replace(/'/g, "''")}'`;
}

/** YYYYMMDD of a day number (an SQL expression). */
export const ymdOfSql = (dayExpr: string): string =>
  `(EXTRACT(YEAR FROM DATE '1970-01-01' + ${dayExpr}) * 10000 + EXTRACT(MONTH FROM DATE '1970-01-01' + ${dayExpr}) * 100 + EXTRACT(DAY FROM DATE '1970-01-01' + ${dayExpr}))`;

// ---------------------------------------------------------------- the calendar in SQL
// Terms laid on the calendar (src/domain/terms.ts): adding months keeps the day number or takes
// the month's last day — what PostgreSQL's and DuckDB's date + interval both do.

const date = (day: string) => `(DATE '1970-01-01' + (${day}))`;

/** The day number `months` months after a day number (the day kept, or the month's last). */
export const addMonthsSql = (day: string, months: string): string => `(CAST(${date(day)} + INTERVAL '1 month' * (${months}) AS DATE) - DATE '1970-01-01')`;

const datePart = (unit: 'YEAR' | 'MONTH' | 'DAY', day: string) => `CAST(EXTRACT(${unit} FROM ${date(day)}) AS INTEGER)`;
const lastDayOfMonth = (day: string) => `CAST(EXTRACT(DAY FROM (DATE_TRUNC('month', ${date(day)}) + INTERVAL '1 month' - INTERVAL '1 day')) AS INTEGER)`;

/** Whole months from day a to day b as courts count them (the most months that, laid from a, do not pass b). */
export const monthsBetweenSql = (a: string, b: string): string =>
  `GREATEST(0, (${datePart('YEAR', b)} - ${datePart('YEAR', a)}) * 12 + ${datePart('MONTH', b)} - ${datePart('MONTH', a)} - (CASE WHEN LEAST(${datePart('DAY', a)}, ${lastDayOfMonth(b)}) > ${datePart('DAY', b)} THEN 1 ELSE 0 END))`;

/** floor(a / b) of whole numbers, the same in both databases. */
export const floorDiv = (a: string, b: string) => `CAST(FLOOR((${a}) / CAST(${b} AS DOUBLE PRECISION)) AS BIGINT)`;

export const signSql = (x: string) => `(CASE WHEN ${x} > 0 THEN 1 WHEN ${x} < 0 THEN -1 ELSE 0 END)`;

/**
 * The columns of the sentence's term the relation f carries (emit.ts): the term imposed when both
 * its months and days are recorded, else the term from start to scheduled end.
 */
export const SENTENCE_TERM_MONTHS_SQL = `(CASE WHEN p.imposed_term_months IS NOT NULL AND p.imposed_term_days IS NOT NULL THEN p.imposed_term_months
    WHEN p.sentence_start IS NOT NULL AND p.sentence_end IS NOT NULL AND p.sentence_end > p.sentence_start THEN ${monthsBetweenSql('p.sentence_start', 'p.sentence_end')} END)`;
export const SENTENCE_TERM_DAYS_SQL = `(CASE WHEN f1.imposed_term_months IS NOT NULL AND f1.imposed_term_days IS NOT NULL THEN f1.imposed_term_days
    WHEN f1.term_months IS NOT NULL THEN f1.sentence_end - ${addMonthsSql('f1.sentence_start', 'f1.term_months')} END)`;

/** served_fraction against num/den: the sign of (part served − fraction), NULL unknown (src/domain/terms.ts). */
export function servedFractionSignSql(c: SqlContext, f: Fraction): string {
  const M = 'f.term_months';
  const d = 'f.term_days';
  const S = 'f.sentence_start';
  const end = `(${addMonthsSql(S, M)} + ${d})`;
  const at = `(CASE WHEN ${c.day} < ${S} THEN ${S} WHEN ${c.day} > ${end} THEN ${end} ELSE ${c.day} END)`;
  const pm = floorDiv(`${M} * ${f.num}`, String(f.den));
  const rest = `((${M} * ${f.num} - ${pm} * ${f.den}) * 30 + ${d} * ${f.num})`;
  const diff = `((${at} - ${addMonthsSql(S, pm)}) * ${f.den} - ${rest})`;
  return `(CASE WHEN ${S} IS NULL OR ${M} IS NULL OR (${M} = 0 AND ${d} = 0) THEN NULL ELSE ${signSql(diff)} END)`;
}

/** A date relative to a day, as YYYYMMDD (src/engine/calendar.ts, shiftedYmd). */
function shiftedYmdSql(day: string, shift: DateShift): string {
  if (shift.unit === 'days') return ymdOfSql(`${day} + (${shift.amount})`);
  const total = `(${datePart('YEAR', day)} * 12 + ${datePart('MONTH', day)} - 1 + (${shift.amount}))`;
  const year = floorDiv(total, '12');
  return `(${year} * 10000 + (${total} - ${year} * 12) * 100 + 100 + ${datePart('DAY', day)})`;
}

/** A date (YYYYMMDD) against a date relative to the day: -1 before, 0 on it, 1 after (calendar.ts relativeDateSign). */
export function relativeDateSignSql(c: SqlContext, ymd: string, shift: DateShift): string {
  return `(CASE WHEN ${ymd} IS NULL THEN NULL WHEN ${ymd} <= ${shiftedYmdSql(`(${c.day}) - 1`, shift)} THEN -1 WHEN ${ymd} <= ${shiftedYmdSql(c.day, shift)} THEN 0 ELSE 1 END)`;
}
