/**
 * The store's connection: one interface over the two PostgreSQL engines the product runs on —
 * PGlite (PostgreSQL compiled to WebAssembly, in a local folder: the embedded default) and a
 * PostgreSQL server (DATABASE_URL). The SQL is the same on both (src/store/migrations/).
 *
 * Rows that come back cross a boundary: every repository reads them through a zod schema
 * (`rowsOf`), so a column that changed type is a located error, never a silent wrong value.
 */
import type { z } from 'zod';
import type { ReadMemo } from './memo.ts';

/** Something that runs SQL: the database itself or a transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters; returns the rows as plain objects. */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Bulk-loads CSV text into a table (COPY … FROM STDIN WITH (FORMAT csv)). */
  copyCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<void>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lies, for messages and `GET /api/health` (no password). */
  readonly location: string;
  /**
   * Answers kept in memory while nothing they come from is written (./memo.ts): on PGlite because
   * this process is its folder's one writer; on a PostgreSQL server while the store listens to the
   * channel every writer notifies (./postgres.ts), and nothing kept while it does not.
   */
  readonly memo: ReadMemo | null;
  /** Runs `fn` in one transaction: everything it does is committed together, or nothing is. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StoreRowError extends Error {
  override name = 'StoreRowError';
}

/** Reads rows through a schema; a row that does not fit is an error naming the query and the field. */
export function rowsOf<S extends z.ZodType>(schema: S, rows: readonly Record<string, unknown>[], what: string): z.output<S>[] {
  return rows.map((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new StoreRowError(`${what}: row ${i + 1}, field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
    }
    return r.data;
  });
}

/** A CSV cell for COPY: NULL is an unquoted empty cell, every value else is quoted. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return `"${v.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** A PostgreSQL array literal of text values, for a CSV cell. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
