/**
 * The facts of the catalogue as SQL expressions — a third implementation, written independently of
 * the kernel's and the reference's, for PostgreSQL and DuckDB alike. Unknown is SQL's NULL, and
 * SQL's AND / OR / NOT are already Kleene's three-valued connectives.
 *
 * Expressions read the relation `f` (persons joined with their articles' aggregates, see emit.ts)
 * and the tables person_articles and person_children.
 */
import { TAGS, type Tag } from '../../domain/enums.ts';
import type { Fraction, Term } from '../../domain/terms.ts';
import { MAYBE_SHIFT, type CriminalCode } from '../../law/criminal-code.ts';
import type { DateShift } from '../condition.ts';
import type { ArgValue } from '../facts.ts';

export interface SqlContext {
  /** YYYYMMDD and day number of the day facts are read on, as SQL literals. */
  ymd: string;
  day: string;
  /** A parameter's value on that day, as an SQL literal. */
  param(name: string): string;
  law: CriminalCode;
}

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
const floorDiv = (a: string, b: string) => `CAST(FLOOR((${a}) / CAST(${b} AS DOUBLE PRECISION)) AS BIGINT)`;

const sign = (x: string) => `(CASE WHEN ${x} > 0 THEN 1 WHEN ${x} < 0 THEN -1 ELSE 0 END)`;

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
  return `(CASE WHEN ${S} IS NULL OR ${M} IS NULL OR (${M} = 0 AND ${d} = 0) THEN NULL ELSE ${sign(diff)} END)`;
}

/** Term facts against a term: the sign of (fact − term), NULL unknown. */
export const TERM_SIGN_SQL: Record<string, (c: SqlContext, t: Term) => string> = {
  imposed_term: (_c, t) =>
    `(CASE WHEN f.imposed_term_months IS NULL OR f.imposed_term_days IS NULL THEN NULL WHEN f.imposed_term_months <> ${t.months} THEN ${sign(`f.imposed_term_months - ${t.months}`)} ELSE ${sign(`f.imposed_term_days - ${t.days}`)} END)`,
  served_term: (c, t) => {
    const at = `GREATEST(f.sentence_start, (CASE WHEN f.sentence_end IS NOT NULL AND f.sentence_end < ${c.day} THEN f.sentence_end ELSE ${c.day} END))`;
    return `(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE ${sign(`${at} - (${addMonthsSql('f.sentence_start', String(t.months))} + ${t.days})`)} END)`;
  },
  remaining_term: (c, t) => {
    const from = `LEAST(${c.day}, f.sentence_end)`;
    return `(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE ${sign(`f.sentence_end - (${addMonthsSql(from, String(t.months))} + ${t.days})`)} END)`;
  },
};

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

/** Date facts as YYYYMMDD, for comparisons with relative dates. */
export const DATE_YMD_SQL: Record<string, () => string> = {
  birth_date: () => 'f.birth_ymd',
  offence_date: () => `(CASE WHEN f.offence_day IS NULL THEN NULL ELSE ${ymdOfSql('f.offence_day')} END)`,
  sentence_start: () => `(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE ${ymdOfSql('f.sentence_start')} END)`,
  sentence_end: () => `(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE ${ymdOfSql('f.sentence_end')} END)`,
};

const ymdOf = (dayExpr: string) =>
  `(EXTRACT(YEAR FROM DATE '1970-01-01' + ${dayExpr}) * 10000 + EXTRACT(MONTH FROM DATE '1970-01-01' + ${dayExpr}) * 100 + EXTRACT(DAY FROM DATE '1970-01-01' + ${dayExpr}))`;

const childrenUnder = (ctx: SqlContext, years: string) =>
  `(SELECT COUNT(*) FROM person_children pc WHERE pc.row_index = f.row_index AND pc.birth_ymd <= ${ctx.ymd} AND pc.birth_ymd > ${ctx.ymd} - ${years} * 10000)`;

const unpaid = `(CASE WHEN f.civil_claim_amount IS NULL THEN NULL WHEN f.civil_claim_amount = 0 THEN 0 WHEN f.civil_claim_paid IS NULL THEN NULL ELSE f.civil_claim_amount - f.civil_claim_paid END)`;

type Emit = (ctx: SqlContext, arg: ArgValue | null) => string;

/** SQL of each fact, by the fact's name. Enumerations are their index; booleans SQL booleans. */
export const FACT_SQL: Record<string, Emit> = {
  sex: () => 'f.sex',
  age: (c) => `FLOOR((${c.ymd} - f.birth_ymd) / 10000.0)`,
  age_months: (c) =>
    `((${floorDiv(c.ymd, '10000')} * 12 + ${floorDiv(c.ymd, '100')} % 100) - (${floorDiv('f.birth_ymd', '10000')} * 12 + ${floorDiv('f.birth_ymd', '100')} % 100) - (CASE WHEN (${c.ymd}) % 100 < f.birth_ymd % 100 THEN 1 ELSE 0 END))`,
  age_at_offence: () => `(CASE WHEN FLOOR((${ymdOf('f.offence_day')} - f.birth_ymd) / 10000.0) BETWEEN 0 AND 127 THEN FLOOR((${ymdOf('f.offence_day')} - f.birth_ymd) / 10000.0) END)`,
  custody: () => 'f.custody',
  facility: () => 'f.facility',
  region: () => 'f.region',
  gravity: () => 'f.gravity',
  intent: () => '(CASE WHEN f.all_negligent THEN 1 WHEN NOT f.all_negligent THEN 0 END)',
  violent: () => 'f.any_violent',
  has_tag: (_c, arg) =>
    `(CASE WHEN NOT f.articles_known OR f.tag_mask IS NULL THEN NULL WHEN (f.tag_mask & ${1 << TAGS.indexOf(String(arg) as Tag)}) <> 0 THEN TRUE WHEN (f.tag_mask & ${2 ** (MAYBE_SHIFT + TAGS.indexOf(String(arg) as Tag))}) <> 0 THEN NULL ELSE FALSE END)`,
  has_article: (c, arg) => {
    const ref = String(arg);
    const parts = c.law.matching(ref).map((p) => p.index);
    return `(CASE WHEN NOT f.articles_known THEN NULL ELSE EXISTS (SELECT 1 FROM person_articles pa WHERE pa.row_index = f.row_index AND pa.part_index IN (${parts.join(', ')})) END)`;
  },
  first_conviction: () => '(f.prior_convictions = 0)',
  prior_convictions: () => 'f.prior_convictions',
  recidivism: () => 'f.recidivism',
  sentence_type: () => 'f.sentence_type',
  imposed_term_months: () => 'f.imposed_term_months',
  term_days: () => '(f.sentence_end - f.sentence_start)',
  served_days: (c) => `(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE GREATEST(0, ${c.day} - f.sentence_start) END)`,
  // only `is known` reads this form (comparisons go through servedFractionSignSql)
  served_fraction: (c) => `(CASE WHEN ${servedFractionSignSql(c, { num: 0, den: 1 })} IS NULL THEN NULL ELSE 0 END)`,
  imposed_term: () => '(CASE WHEN f.imposed_term_months IS NULL OR f.imposed_term_days IS NULL THEN NULL ELSE 0 END)',
  served_term: () => '(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE 0 END)',
  remaining_term: () => '(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE 0 END)',
  birth_date: () =>
    `(CASE WHEN f.birth_ymd IS NULL THEN NULL ELSE CAST(MAKE_DATE(CAST(${floorDiv('f.birth_ymd', '10000')} AS INTEGER), CAST(${floorDiv('f.birth_ymd', '100')} % 100 AS INTEGER), CAST(f.birth_ymd % 100 AS INTEGER)) - DATE '1970-01-01' AS INTEGER) END)`,
  serving: (c) => `((f.sentence_start IS NULL OR f.sentence_start <= ${c.day}) AND (f.sentence_end IS NULL OR f.sentence_end > ${c.day}))`,
  remaining_days: (c) => `(CASE WHEN f.sentence_end IS NULL THEN NULL ELSE GREATEST(0, f.sentence_end - ${c.day}) END)`,
  offence_date: () => 'f.offence_day',
  sentence_start: () => 'f.sentence_start',
  sentence_end: () => 'f.sentence_end',
  pregnant: () => 'f.pregnant',
  children_count: () => '(CASE WHEN NOT f.children_known THEN NULL ELSE (SELECT COUNT(*) FROM person_children pc WHERE pc.row_index = f.row_index) END)',
  children_under: (c, arg) => `(CASE WHEN NOT f.children_known THEN NULL ELSE ${childrenUnder(c, String(Number(arg)))} END)`,
  many_children: (c) =>
    `(CASE WHEN NOT f.children_known THEN NULL ELSE ${childrenUnder(c, c.param('family.child_age_limit'))} >= ${c.param('family.many_children_threshold')} END)`,
  disabled_child: () => 'f.disabled_child',
  parental_rights_deprived: () => 'f.parental_rights_deprived',
  disability_group: () => 'f.disability_group',
  veteran: () => 'f.veteran',
  pensioner: () => 'f.pensioner',
  single_parent: () => 'f.single_parent',
  civil_claim_amount: () => 'f.civil_claim_amount',
  civil_claim_filed: () => '(f.civil_claim_amount > 0)',
  unpaid_claim: () => unpaid,
  has_unpaid_claim: () => `(${unpaid} > 0)`,
  damage_caused: () => 'f.damage_caused',
  damage_compensated: () => 'f.damage_compensated',
  behaviour: () => 'f.behaviour',
  malicious_violator: () => 'f.malicious_violator',
  first_imprisonment: () => '(CASE WHEN f.prior_convictions = 0 OR f.prior_imprisonment = FALSE THEN TRUE WHEN f.prior_imprisonment = TRUE THEN FALSE END)',
  juvenile_colony: () => '(CASE WHEN f.prior_convictions = 0 THEN FALSE ELSE f.juvenile_colony END)',
  disabled_child_group: () => 'f.disabled_child_group',
  veteran_kind: () => 'f.veteran_kind',
  victim_aged_14_18: () => 'f.victim_aged_14_18',
};
