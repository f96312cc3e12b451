/**
 * Shapes the subject modules share: a fact that is one registry column read as it is (a boolean,
 * an enumeration, a date), with its three forms and the literals kernel code compares with.
 */
import { UNKNOWN_DATE, ymdOfDay } from '../../domain/dates.ts';
import type { PersonRecord } from '../../registry/record.ts';
import type { ColumnName } from '../../registry/registry.ts';
import { ymdOfSql } from '../sql/expressions.ts';
import type { FactDefinition } from './types.ts';

/** The day number kernel columns hold for a date not recorded, as a literal. */
export const UNKNOWN_DATE_LIT = String(UNKNOWN_DATE);

export const nanIfNull = (v: number | null): number | null => (v === null ? null : v);

type Leaves = readonly [string, ...string[]];

/** A boolean column read as it is (kernel: 1, 0, -1 unknown; SQL: the boolean column). */
export function boolFact(column: ColumnName, field: keyof PersonRecord, sqlColumn: string, leaves: Leaves): FactDefinition {
  return {
    type: { kind: 'boolean' },
    columns: [column],
    kernel: (ctx) => `${ctx.col(column)}[i]`,
    reference: (p) => p[field] as boolean | null,
    sql: () => sqlColumn,
    leaves,
  };
}

/** An enumeration column read as it is (kernel and SQL: the value's index, -1 / NULL unknown). */
export function enumFact(
  column: ColumnName,
  field: keyof PersonRecord,
  values: readonly string[],
  sqlColumn: string,
  leaves: Leaves,
  options: { ordered?: boolean; aliases?: Record<string, string> } = {},
): FactDefinition {
  const ordered = options.ordered ?? false;
  return {
    type: options.aliases ? { kind: 'enum', values, ordered, aliases: options.aliases } : { kind: 'enum', values, ordered },
    columns: [column],
    kernel: (ctx) => `${ctx.col(column)}[i]`,
    reference: (p) => p[field] as string | null,
    sql: () => sqlColumn,
    leaves,
  };
}

/** A date fact over a day-number column: compared as a day number, and as YYYYMMDD with relative dates. */
export function dateFact(column: ColumnName, field: 'offenceDay' | 'sentenceStartDay' | 'sentenceEndDay', sqlColumn: string, leaves: Leaves): FactDefinition {
  return {
    type: { kind: 'date' },
    columns: [column],
    kernel: (ctx) => `(${ctx.col(column)}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.col(column)}[i])`,
    reference: (p) => p[field],
    sql: () => sqlColumn,
    ymd: {
      kernel: (ctx) => `(${ctx.col(column)}[i] === ${UNKNOWN_DATE_LIT} ? NaN : ${ctx.helper('ymdOfDay')}(${ctx.col(column)}[i]))`,
      reference: (p) => (p[field] === null ? null : ymdOfDay(p[field])),
      sql: () => `(CASE WHEN ${sqlColumn} IS NULL THEN NULL ELSE ${ymdOfSql(sqlColumn)} END)`,
    },
    leaves,
  };
}
