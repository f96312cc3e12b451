/**
 * The embedded store: PGlite (PostgreSQL in WebAssembly) in a local folder. One backend process
 * serves everything; a transaction holds it exclusively (other statements wait), so what a
 * transaction writes is seen whole or not at all.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';

/** COPY loads at most this many characters at a time (bounded memory for large registries). */
const COPY_BATCH_CHARS = 32 * 1024 * 1024;

type Runner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function queryable(runner: Runner): Queryable {
  return {
    async query(sql, params = []) {
      const r = await runner.query<Record<string, unknown>>(sql, [...params]);
      return r.rows;
    },
    async exec(script) {
      await runner.exec(script);
    },
    async copyCsv(table, columns, chunks) {
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (parts.length === 0) return;
        const blob = new Blob(parts);
        parts = [];
        size = 0;
        await runner.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
      };
      for await (const c of chunks) {
        parts.push(c);
        size += c.length;
        if (size >= COPY_BATCH_CHARS) await flush();
      }
      await flush();
    },
  };
}

export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir === null ? {} : { dataDir });
  const base = queryable(pg);
  return {
    kind: 'pglite',
    location: dataDir ?? 'memory',
    query: base.query,
    copyCsv: base.copyCsv,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    close: () => pg.close(),
  };
}
