/**
 * What a fact is: a word of the condition language read from a person's record on a day, with
 * three independent implementations side by side, named alike in every subject module:
 * - `kernel`: a JavaScript expression over the registry's typed columns, used by the generated
 *   kernel (src/engine/kernel.ts), built only from fixed column names, operators and numeric
 *   constants;
 * - `reference`: a plain computation over one person's record, used by the reference interpreter
 *   (src/engine/interpret.ts);
 * - `sql`: an SQL expression for PostgreSQL and DuckDB alike (src/engine/sql/emit.ts).
 * Property tests hold the three to the same answers over persons and conditions the test
 * generators draw — from the `leaves` every fact names.
 *
 * In kernel code unknown is NaN for numbers (negative in `kernelInt`, the form of number facts that
 * are whole numbers) and -1 for enumerations and booleans; in the reference
 * `null`; in SQL `NULL` (SQL's AND / OR / NOT are already Kleene's three-valued connectives). A
 * comparison that makes a boolean is written `(x === y) * 1`, not `x === y ? 1 : 0`: V8 compiles
 * the conditional into a jump, which the data of a registry makes unpredictable (src/engine/kernel.ts).
 */
import type { Fraction, Term } from '../../domain/terms.ts';
import type { Text } from '../../i18n/text.ts';
import type { CriminalCode } from '../../law/criminal-code.ts';
import type { Parameters } from '../../law/parameters.ts';
import type { PersonRecord } from '../../registry/record.ts';
import type { ColumnName } from '../../registry/registry.ts';

export type FactType =
  | { kind: 'boolean' }
  | { kind: 'number'; unit: string }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[]; ordered: boolean; aliases?: Record<string, string> }
  | { kind: 'string' }
  /** A term in calendar units (months and days), compared with terms like 3y, 1y6m, 10d. */
  | { kind: 'term' };

/** The argument a parametric fact takes: `children_under(3)`, `has_tag(corruption)`, `has_article(188-2)`. */
export type FactArg = { kind: 'number'; min: number; max: number } | { kind: 'tag' } | { kind: 'article' };

export type ArgValue = number | string;

/** What kernel code may refer to: columns, the evaluation date, parameters and bound constants. */
export interface EmitContext {
  /** The local variable holding a column (registers the column as read). */
  col(name: ColumnName): string;
  /** The local variable holding the ymd / day number of the evaluation date. */
  readonly asOfYmd: string;
  readonly asOfDay: string;
  /** A numeric literal, checked finite. */
  num(value: number): string;
  /** A parameter's value in force on the evaluation date, as a literal. */
  param(name: string): string;
  /** A Uint8Array constant (a set of article parts), bound at run time; returns its variable. */
  set(values: Uint8Array): string;
  /** A helper function from the kernel's fixed library. */
  helper(name: HelperName): string;
  /**
   * The number of the person's children under `years` (an expression: a literal or a parameter)
   * on the day facts are read on — the caller tests `childrenKnown` first. The act kernel reads it
   * from a column counted once per registry and day (src/engine/children-counts.ts).
   */
  childrenUnder(years: string): string;
  /**
   * The sign of the person's remaining term (from the day facts are read on, or the end if it came
   * first) against `months` and `days`: calendar.ts remainingTermSign. The act kernel compares the
   * end of the term with the day the term would end, computed once per day of evaluation.
   */
  remainingTermSign(months: number, days: number): string;
  /**
   * 1 when one of the person's articles is in `set` (1 at a part's index), else 0 — the caller
   * tests `articlesKnown` first. The act kernel reads it from a column computed once per registry
   * and set (src/engine/article-columns.ts).
   */
  hasArticle(set: Uint8Array): string;
}

/** The kernel's fixed library of helpers (src/engine/kernel.ts). */
export type HelperName = 'hasArticle' | 'childrenUnder' | 'ymdOfDay' | 'dayOfYmd' | 'servedFractionSign' | 'imposedTermSign' | 'servedTermSign' | 'remainingTermSign' | 'relativeDateSign';

/** What the reference interpreter knows besides the person. */
export interface FactEnv {
  asOfYmd: number;
  asOfDay: number;
  /** The day facts under `during: execution_period` are read on (default: asOf). */
  duringYmd?: number;
  duringDay?: number;
  /** The day law parameters are read on: the day of entry into force, also inside `during` (default: asOfDay). */
  paramDay?: number;
  law: CriminalCode;
  parameters: Parameters;
}

/** What SQL expressions may refer to besides the relation `f` (src/engine/sql/emit.ts) and the tables person_articles and person_children. */
export interface SqlContext {
  /** YYYYMMDD and day number of the day facts are read on, as SQL literals. */
  ymd: string;
  day: string;
  /** A parameter's value on that day, as an SQL literal. */
  param(name: string): string;
  law: CriminalCode;
  /**
   * The number of the person's children under `years` (an SQL number) on that day — the caller
   * tests `f.children_known` first. The act's query counts them once per person, in one pass over
   * person_children, for the ages and days its plan reads (src/engine/sql/emit.ts).
   */
  childrenUnder(years: string): string;
}

export type FactValue = number | string | boolean | null;

/** A comparison of a fact with a constant (a fraction, a term) as a sign: -1, 0, 1; unknown -2 in the kernel and the reference, NULL in SQL. */
export interface SignForms<C> {
  kernel(ctx: EmitContext, c: C): string;
  reference(p: PersonRecord, env: FactEnv, c: C): number;
  sql(ctx: SqlContext, c: C): string;
}

/** A date fact's date as YYYYMMDD, for comparisons with dates relative to the day (NaN / null / NULL unknown). */
export interface YmdForms {
  kernel(ctx: EmitContext): string;
  reference(p: PersonRecord): number | null;
  sql(): string;
}

interface FactForms {
  arg?: FactArg;
  /** Registry columns the kernel form reads. */
  columns: readonly ColumnName[];
  kernel(ctx: EmitContext, arg: ArgValue | null, law: CriminalCode): string;
  reference(p: PersonRecord, env: FactEnv, arg: ArgValue | null): FactValue;
  sql(ctx: SqlContext, arg: ArgValue | null): string;
  /**
   * Conditions that read the fact, drawn by the property tests' generators
   * (src/engine/testing/arbitraries.ts, LEAVES): at least one; plain, negated, `is unknown`.
   */
  leaves: readonly [string, ...string[]];
  /**
   * served_fraction: the sign of (part served − fraction) on the calendar (src/domain/terms.ts),
   * used for every comparison of the fact with a constant, instead of the ratio `reference` shows.
   */
  fractionSign?: SignForms<Fraction>;
  /**
   * Boolean facts: the truth in the kernel's bits (F 0, U 1, T 3; src/engine/kernel.ts) directly,
   * without branches, where `kernel`'s -1 / 0 / 1 would need them.
   */
  kernelW?(ctx: EmitContext, arg: ArgValue | null, law: CriminalCode): string;
  /**
   * Number facts whose known values are whole numbers from 0 to 2^31 − 1: the value as such, with
   * unknown negative (where `kernel` gives NaN), so that comparisons stay in whole numbers and
   * without branches (src/engine/kernel.ts comparisonW).
   */
  kernelInt?(ctx: EmitContext, arg: ArgValue | null, law: CriminalCode): string;
  /** has_tag: the bits of the tag mask the fact reads (certain and maybe), for one mask test over many tags. */
  tagBits?(arg: ArgValue | null): number;
  /** has_tag: the bits of the tag mask without which the fact does not hold (the certain one). */
  tagHoldBits?(arg: ArgValue | null): number;
}

/**
 * A fact as its subject module defines it. A term fact must say how it compares with a term, a
 * date fact how it compares with a date relative to the day: without them it does not compile.
 */
export type FactDefinition = FactForms &
  (
    | { type: { kind: 'term' }; termSign: SignForms<Term>; ymd?: never }
    | { type: { kind: 'date' }; ymd: YmdForms; termSign?: never }
    | { type: Exclude<FactType, { kind: 'term' } | { kind: 'date' }>; termSign?: never; ymd?: never }
  );

/** A fact of the catalogue: its definition, its name and its label (src/i18n/facts.ts). */
export type Fact<N extends string = string> = FactDefinition & { name: N; label: Text };

/** The parameter day of an environment: the day of entry into force. */
export const paramDayOf = (env: FactEnv): number => env.paramDay ?? env.asOfDay;
