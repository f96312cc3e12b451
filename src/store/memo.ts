/**
 * Small answers of the store kept in memory while nothing they depend on is written: which version
 * is an act's head, which registry is current. Every read of a person asks both; on PGlite each is
 * a statement on the store's one backend (docs/benchmarks.md, *A person*).
 *
 * Only a store this process alone writes may keep them (PGlite in its folder: one process opens
 * it): every write then passes here first. A write statement that names one of the tables the
 * answers come from forgets them all, when it is sent and again when it is done (or, inside a
 * transaction, when the transaction ends), and an answer read while such a write was on its way is
 * not kept — so a kept answer is always the committed one.
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
  readonly #kept = new Map<string, unknown>();

  /** The kept answer under `key`, or `load`'s (kept unless a write began or ended meanwhile). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.#kept.has(key)) return this.#kept.get(key) as T;
    const generation = this.#generation;
    const value = await load();
    if (generation === this.#generation) this.#kept.set(key, value);
    return value;
  }

  /** A write that may change the kept answers began or ended: forget them. */
  written(): void {
    this.#generation++;
    this.#kept.clear();
  }
}

/** The memo of a store that keeps one (not of a transaction, whose reads must see its own writes). */
export function memoOf(q: Queryable): ReadMemo | null {
  return 'memo' in q && q.memo instanceof ReadMemo ? q.memo : null;
}

/** `query` through the memo's watch: a write naming a kept table forgets, before and after. */
export function watched(memo: ReadMemo, q: Queryable): Queryable {
  const forgetting = async <T>(write: () => Promise<T>): Promise<T> => {
    memo.written();
    try {
      return await write();
    } finally {
      memo.written();
    }
  };
  return {
    query: (sql, params) => (touchesMemo(sql) ? forgetting(() => q.query(sql, params)) : q.query(sql, params)),
    exec: (script) => forgetting(() => q.exec(script)),
    copyCsv: (table, columns, chunks) => (MEMO_TABLES.test(table) ? forgetting(() => q.copyCsv(table, columns, chunks)) : q.copyCsv(table, columns, chunks)),
  };
}
