/**
 * The embedded store's own thread: PGlite (PostgreSQL in WebAssembly) runs here, so that the time
 * it spends in a statement is not taken from the server's thread, which meanwhile answers other
 * requests (./pglite.ts sends the statements; this answers them in the order PGlite runs them).
 *
 * A transaction opened by the server's thread stays open here until it says how it ends: PGlite
 * holds it exclusively meanwhile (other statements wait), exactly as on one thread.
 */
import { parentPort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { openPgliteRunner, runnerQueryable } from './pglite.ts';
import type { Queryable } from './db.ts';

export type ToStoreThread =
  | { n: number; op: 'open'; dataDir: string | null }
  | { n: number; op: 'query'; tx: number | null; sql: string; params: unknown[] }
  | { n: number; op: 'exec'; tx: number | null; script: string }
  | { n: number; op: 'copy'; tx: number | null; table: string; columns: string[]; text: string }
  | { n: number; op: 'begin' }
  | { n: number; op: 'end'; tx: number; commit: boolean }
  | { n: number; op: 'close' };

export type FromStoreThread = { n: number; ok: true; result: unknown } | { n: number; ok: false; error: { name: string; message: string; fields: Record<string, unknown> } };

const port = parentPort;
if (!port) throw new Error('pglite-thread runs as a worker thread');

/** Thrown inside a transaction the server's thread rolls back: PGlite then rolls it back. */
class RollBack extends Error {}

interface OpenTransaction {
  q: Queryable;
  finish(commit: boolean): void;
  done: Promise<void>;
}

let pg: PGlite | null = null;
let base: Queryable | null = null;
let nextTx = 1;
const open = new Map<number, OpenTransaction>();

function runner(tx: number | null): Queryable {
  if (tx === null) {
    if (!base) throw new Error('the store is not open');
    return base;
  }
  const t = open.get(tx);
  if (!t) throw new Error(`transaction ${tx} is not open`);
  return t.q;
}

function begin(): Promise<number> {
  if (!pg) throw new Error('the store is not open');
  const id = nextTx++;
  return new Promise<number>((started, failed) => {
    let finish!: (commit: boolean) => void;
    const ended = new Promise<boolean>((resolve) => (finish = resolve));
    const done = pg!
      .transaction(async (tx: Transaction) => {
        open.set(id, { q: runnerQueryable(tx), finish, done });
        started(id);
        if (!(await ended)) throw new RollBack();
      })
      .then(
        () => undefined,
        (e: unknown) => {
          if (!(e instanceof RollBack)) throw e;
        },
      )
      .finally(() => open.delete(id));
    // A transaction that could not even begin.
    done.catch((e: unknown) => failed(e));
  });
}

async function end(tx: number, commit: boolean): Promise<void> {
  const t = open.get(tx);
  if (!t) throw new Error(`transaction ${tx} is not open`);
  t.finish(commit);
  await t.done;
}

async function answer(m: ToStoreThread): Promise<unknown> {
  switch (m.op) {
    case 'open':
      pg = await openPgliteRunner(m.dataDir);
      base = runnerQueryable(pg);
      return null;
    case 'query':
      return runner(m.tx).query(m.sql, m.params);
    case 'exec':
      return runner(m.tx).exec(m.script);
    case 'copy':
      return runner(m.tx).copyCsv(m.table, m.columns, [m.text]);
    case 'begin':
      return begin();
    case 'end':
      return end(m.tx, m.commit);
    case 'close':
      await pg?.close();
      pg = null;
      base = null;
      return null;
  }
}

function errorOf(e: unknown): { name: string; message: string; fields: Record<string, unknown> } {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  // PostgreSQL's own fields (code, detail, hint, position …) travel with the message.
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { name: e.name, message: e.message, fields };
}

port.on('message', (m: ToStoreThread) => {
  answer(m).then(
    (result) => port.postMessage({ n: m.n, ok: true, result } satisfies FromStoreThread),
    (e: unknown) => port.postMessage({ n: m.n, ok: false, error: errorOf(e) } satisfies FromStoreThread),
  );
});
