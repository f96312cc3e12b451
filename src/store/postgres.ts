/**
 * The store on a PostgreSQL server (DATABASE_URL): a connection pool; a transaction runs on one
 * connection from BEGIN to COMMIT (or ROLLBACK on an error). The pool's connections, once open, are
 * kept while the store is open, and the server opens them all at start: a request does not wait for a
 * connection to be made (on a busy machine that took 100–200 ms, docs/benchmarks.md).
 *
 * The small answers every read of persons asks (an act's head, the current registry) are kept in
 * memory (./memo.ts) while one more connection listens on the channel `amnestia_memo`, which every
 * write of their tables notifies when it commits (migration 0004), whoever the writer is. While that
 * connection is down, nothing is kept: every read asks the server, as it would without the memo.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Queryable } from './db.ts';
import { aroundWrite, ReadMemo, watched } from './memo.ts';

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query(sql, params = []) {
      const r = await client.query<Record<string, unknown>>(sql, [...params]);
      return r.rows;
    },
    async exec(script) {
      await client.query(script);
    },
    async copyCsv(table, columns, chunks) {
      const run = async (c: pg.PoolClient) => {
        const stream = c.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from(chunks), stream);
      };
      if (client instanceof pg.Pool) {
        const c = await client.connect();
        try {
          await run(c);
        } finally {
          c.release();
        }
      } else await run(client);
    },
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}

/** The channel every write of the kept answers' tables notifies (migration 0004), with its schema. */
export const MEMO_CHANNEL = 'amnestia_memo';

/** The listening connection's application_name (pg_stat_activity), followed by the schema when one is given. */
export const LISTENER_NAME = 'amnestia memo listener';

/** How long the listening connection waits before it connects again after it was lost, ms. */
const RELISTEN_MS = 1000;

/**
 * Keeps `memo` live while a connection listens to MEMO_CHANNEL: a notification of this store's
 * schema forgets what it keeps; a lost connection suspends it (nothing kept) until listening again.
 */
function listenForWrites(config: pg.ClientConfig, memo: ReadMemo, name: string): { ready: Promise<void>; close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  const start = async (): Promise<void> => {
    timer = null;
    if (closed) return;
    const c = new pg.Client({ ...config, keepAlive: true, application_name: name });
    client = c;
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      memo.suspend();
      c.end().catch(() => undefined);
      if (client === c) client = null;
      if (!closed) timer = setTimeout(() => void start(), RELISTEN_MS).unref();
    };
    c.on('error', lose);
    c.on('end', lose);
    try {
      await c.connect();
      const [row] = (await c.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows;
      const schema = row?.schema ?? null;
      c.on('notification', (n) => {
        if (n.channel === MEMO_CHANNEL && (n.payload === undefined || n.payload === schema)) memo.written();
      });
      await c.query(`LISTEN ${MEMO_CHANNEL}`);
      if (!lost && !closed) memo.resume();
    } catch {
      lose();
    }
  };
  const ready = start();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      memo.suspend();
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}

/**
 * `schema` sets the search_path of every connection (tests use a schema of their own); `warm` opens
 * every connection of the pool now (the server) rather than as statements first need them.
 */
export async function openPostgres(url: string, options: { schema?: string; max?: number; warm?: boolean } = {}): Promise<Db> {
  const max = options.max ?? 8;
  const config: pg.ClientConfig = { connectionString: url, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) };
  // Idle connections are kept (idleTimeoutMillis 0): reopening one under load costs more than it holds.
  const pool = new pg.Pool({ ...config, max, idleTimeoutMillis: 0 });
  // An idle connection that fails (the server restarted) must not bring the process down.
  pool.on('error', () => undefined);
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  if (options.warm) {
    // Every connection opened now rather than under the first requests.
    const opened = await Promise.all(Array.from({ length: max }, () => pool.connect()));
    for (const c of opened) c.release();
  }
  const memo = new ReadMemo(false);
  const listener = listenForWrites(config, memo, options.schema ? `${LISTENER_NAME} ${options.schema}` : LISTENER_NAME);
  await listener.ready;
  const base = watched(memo, queryable(pool));
  return {
    kind: 'postgres',
    memo,
    location: redactUrl(url) + (options.schema ? ` (schema ${options.schema})` : ''),
    query: base.query,
    copyCsv: base.copyCsv,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        return await aroundWrite(memo, async () => {
          await client.query('BEGIN');
          try {
            const result = await fn(watched(memo, queryable(client)));
            await client.query('COMMIT');
            return result;
          } catch (e) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw e;
          }
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
