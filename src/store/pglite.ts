/**
 * The embedded store: PGlite (PostgreSQL in WebAssembly) in a local folder. One backend process
 * serves everything; a transaction holds it exclusively (other statements wait), so what a
 * transaction writes is seen whole or not at all.
 *
 * The server runs PGlite on a thread of its own (`openPgliteThread`, ./pglite-thread.ts), so that
 * the time a statement takes does not hold up the requests being answered meanwhile; commands that
 * run one statement after another (the CLI) may run it on their own thread (`openPglite`).
 */
import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';
import { aroundWrite, ReadMemo, watched } from './memo.ts';
import type { FromStoreThread, ToStoreThread } from './pglite-thread.ts';

/** COPY loads at most this many characters at a time (bounded memory for large registries). */
const COPY_BATCH_CHARS = 32 * 1024 * 1024;

type Runner = Pick<PGlite, 'query' | 'exec'> | Transaction;

/** Gathers CSV chunks into batches of about COPY_BATCH_CHARS and hands each to `load`. */
async function inBatches(chunks: AsyncIterable<string> | Iterable<string>, load: (text: string) => Promise<void>): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  for await (const c of chunks) {
    parts.push(c);
    size += c.length;
    if (size >= COPY_BATCH_CHARS) {
      await load(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) await load(parts.join(''));
}

export function runnerQueryable(runner: Runner): Queryable {
  return {
    async query(sql, params = []) {
      const r = await runner.query<Record<string, unknown>>(sql, [...params]);
      return r.rows;
    },
    async exec(script) {
      await runner.exec(script);
    },
    async copyCsv(table, columns, chunks) {
      await inBatches(chunks, async (text) => {
        await runner.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([text]) });
      });
    },
  };
}

export async function openPgliteRunner(dataDir: string | null): Promise<PGlite> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir === null ? {} : { dataDir });
}

/** PGlite on the calling thread. */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const pg = await openPgliteRunner(dataDir);
  // PGlite's folder is opened by this process alone: what it has not written has not changed.
  const memo = new ReadMemo();
  const base = watched(memo, runnerQueryable(pg));
  return {
    kind: 'pglite',
    location: dataDir ?? 'memory',
    memo,
    query: base.query,
    copyCsv: base.copyCsv,
    exec: base.exec,
    transaction: (fn) => aroundWrite(memo, () => pg.transaction((tx) => fn(watched(memo, runnerQueryable(tx))))),
    close: () => pg.close(),
  };
}

type Request = ToStoreThread extends infer T ? (T extends { n: number } ? Omit<T, 'n'> : never) : never;

/** PGlite on a thread of its own: the same store, its statements run beside the calling thread's work. */
export async function openPgliteThread(dataDir: string | null): Promise<Db> {
  const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url));
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let next = 1;
  let broken: Error | null = null;
  const failAll = (e: Error) => {
    broken ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker.unref();
  };
  worker.on('message', (m: FromStoreThread) => {
    const p = pending.get(m.n);
    if (!p) return;
    pending.delete(m.n);
    // The thread keeps the process alive only while a statement is on its way.
    if (pending.size === 0) worker.unref();
    if (m.ok) p.resolve(m.result);
    else p.reject(Object.assign(new Error(m.error.message), m.error.fields, { name: m.error.name }));
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the store's thread stopped (exit code ${code})`)));
  const call = (request: Request): Promise<unknown> => {
    if (broken) return Promise.reject(broken);
    const n = next++;
    if (pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      pending.set(n, { resolve, reject });
      worker.postMessage({ ...request, n });
    });
  };
  const on = (tx: number | null): Queryable => ({
    query: async (sql, params = []) => (await call({ op: 'query', tx, sql, params: [...params] })) as Record<string, unknown>[],
    exec: async (script) => {
      await call({ op: 'exec', tx, script });
    },
    copyCsv: (table, columns, chunks) => inBatches(chunks, async (text) => void (await call({ op: 'copy', tx, table, columns: [...columns], text }))),
  });
  try {
    await call({ op: 'open', dataDir });
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  // PGlite's folder is opened by this process alone: what it has not written has not changed.
  const memo = new ReadMemo();
  const base = watched(memo, on(null));
  return {
    kind: 'pglite',
    location: dataDir ?? 'memory',
    memo,
    ...base,
    transaction: (fn) =>
      aroundWrite(memo, async () => {
        const tx = (await call({ op: 'begin' })) as number;
        let result;
        try {
          result = await fn(watched(memo, on(tx)));
        } catch (e) {
          await call({ op: 'end', tx, commit: false });
          throw e;
        }
        await call({ op: 'end', tx, commit: true });
        return result;
      }),
    async close() {
      if (!broken) await call({ op: 'close' });
      broken ??= new Error('the store is closed');
      await worker.terminate();
    },
  };
}
