/**
 * The facts of the catalogue as SQL expressions — a third implementation, written independently of
 * the kernel's and the reference's, for PostgreSQL and DuckDB alike. Unknown is SQL's NULL, and
 * SQL's AND / OR / NOT are already Kleene's three-valued connectives.
 *
 * Expressions read the relation `f` (persons joined with their articles' aggregates, see emit.ts)
 * and the tables person_articles and person_children.
 */
import { TAGS, type Tag } from '../../domain/enums.ts';
import type { CriminalCode } from '../../law/criminal-code.ts';
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
  age_at_offence: () => `(CASE WHEN FLOOR((${ymdOf('f.offence_day')} - f.birth_ymd) / 10000.0) BETWEEN 0 AND 127 THEN FLOOR((${ymdOf('f.offence_day')} - f.birth_ymd) / 10000.0) END)`,
  custody: () => 'f.custody',
  facility: () => 'f.facility',
  region: () => 'f.region',
  gravity: () => 'f.gravity',
  intent: () => '(CASE WHEN f.all_negligent THEN 1 WHEN NOT f.all_negligent THEN 0 END)',
  violent: () => 'f.any_violent',
  has_tag: (_c, arg) => `(CASE WHEN NOT f.articles_known OR f.tag_mask IS NULL THEN NULL ELSE (f.tag_mask & ${1 << TAGS.indexOf(String(arg) as Tag)}) <> 0 END)`,
  has_article: (c, arg) => {
    const ref = String(arg);
    const exact = c.law.part(ref);
    const parts = exact ? [exact.index] : c.law.partsOf(ref).map((p) => p.index);
    return `(CASE WHEN NOT f.articles_known THEN NULL ELSE EXISTS (SELECT 1 FROM person_articles pa WHERE pa.row_index = f.row_index AND pa.part_index IN (${parts.join(', ')})) END)`;
  },
  first_conviction: () => '(f.prior_convictions = 0)',
  prior_convictions: () => 'f.prior_convictions',
  recidivism: () => 'f.recidivism',
  sentence_type: () => 'f.sentence_type',
  imposed_term_months: () => 'f.imposed_term_months',
  term_days: () => '(f.sentence_end - f.sentence_start)',
  served_days: (c) => `(CASE WHEN f.sentence_start IS NULL THEN NULL ELSE GREATEST(0, ${c.day} - f.sentence_start) END)`,
  served_fraction: (c) =>
    `(CASE WHEN f.sentence_start IS NULL OR f.sentence_end IS NULL OR f.sentence_end <= f.sentence_start THEN NULL ELSE LEAST(CAST(1 AS DOUBLE PRECISION), GREATEST(0, ${c.day} - f.sentence_start) / CAST(f.sentence_end - f.sentence_start AS DOUBLE PRECISION)) END)`,
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
};
