/**
 * Small answers of the store kept in memory while nothing they depend on is written: which version
 * is an act's head, which registry is current. Every read of a person asks both; each would be a
 * statement on the store (docs/benchmarks.md, *A person*).
 *
 * Every write of this process passes here first: a write statement that names one of the tables the
 * answers come from forgets them all, when it is sent and again when it is done (or, inside a
 * transaction, when the transaction ends), and an answer read while such a write was on its way is
 * not kept — so a kept answer is always the committed one, and a read after this process's own write
 * sees it. PGlite's folder is opened by this process alone, so that is all it needs. A PostgreSQL
 * server may also be written by other processes: there the store is told of their writes by the
 * server (./postgres.ts: a trigger on those tables notifies a channel when the writing transaction
 * commits, and the store listens to it), and keeps nothing while it is not listening.
 */
import type { Queryable } from './db.ts';

/** The tables the kept answers are read from. */
const MEMO_TABLES = /\b(acts|act_versions|registries|settings)\b/i;
/** A statement that may change rows or tables (a read begins with SELECT, or is a WITH without one of these). */
const WRITES = /\b(INSERT|UPDATE|DELETE|TRUNCATE|COPY|ALTER|DROP|CREATE)\b/i;

/** Whether a statement may change what the kept answers were read from. */
export function touchesMemo(sql: string): boolean {
  return WRITES.test(sql) && MEMO_TABLES.test(sql);
}

export class ReadMemo {
  #generation = 0;
  #live: boolean;
  readonly #kept = new Map<string, unknown>();

  /** `live` false: keeps nothing until `resume` (a store not yet told of other writers' changes). */
  constructor(live = true) {
    this.#live = live;
  }

  /** How many times it forgot: a number that moves on every write seen. */
  get generation(): number {
    return this.#generation;
  }

  /** Whether answers are kept now. */
  get live(): boolean {
    return this.#live;
  }

  /** The kept answer under `key`, or `load`'s (kept unless a write began or ended meanwhile). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#kept.has(key)) return this.#kept.get(key) as T;
    const generation = this.#generation;
    const value = await load();
    if (this.#live && generation === this.#generation) this.#kept.set(key, value);
    return value;
  }

  /** A write that may change the kept answers began or ended: forget them. */
  written(): void {
    this.#generation++;
    this.#kept.clear();
  }

  /** Writes by others can no longer be seen (the channel is lost): forget, and keep nothing. */
  suspend(): void {
    this.#live = false;
    this.written();
  }

  /** Writes by others are seen again: keep answers read from now on (none read before). */
  resume(): void {
    this.written();
    this.#live = true;
  }
}

/** The memo of a store that keeps one (not of a transaction, whose reads must see its own writes). */
export function memoOf(q: Queryable): ReadMemo | null {
  return 'memo' in q && q.memo instanceof ReadMemo ? q.memo : null;
}

/** Runs a write (a statement, or a whole transaction) forgetting the kept answers before and after it. */
export async function aroundWrite<T>(memo: ReadMemo, write: () => Promise<T>): Promise<T> {
  memo.written();
  try {
    return await write();
  } finally {
    memo.written();
  }
}

/** `query` through the memo's watch: a write naming a kept table forgets, before and after. */
export function watched(memo: ReadMemo, q: Queryable): Queryable {
  const forgetting = <T>(write: () => Promise<T>): Promise<T> => aroundWrite(memo, write);
  return {
    query: (sql, params) => (touchesMemo(sql) ? forgetting(() => q.query(sql, params)) : q.query(sql, params)),
    exec: (script) => forgetting(() => q.exec(script)),
    copyCsv: (table, columns, chunks) => (MEMO_TABLES.test(table) ? forgetting(() => q.copyCsv(table, columns, chunks)) : q.copyCsv(table, columns, chunks)),
  };
}
