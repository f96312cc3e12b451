/**
 * Opening the store: a PostgreSQL server when a URL is given (DATABASE_URL), otherwise PGlite in
 * the data folder (`<data-dir>/pgdata`); the migrations are applied before anything else runs.
 */
import { join } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite, openPgliteThread } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface StoreOptions {
  /** PostgreSQL server URL; when absent, the embedded PGlite store is used. */
  databaseUrl?: string | undefined;
  /** The data folder (PGlite's data, the first-start passwords file); null: PGlite in memory. */
  dataDir: string | null;
  /** Server only: a schema of its own (tests). */
  schema?: string;
  /**
   * PGlite only: run it on a thread of its own (the server, whose other requests go on meanwhile)
   * rather than on the calling thread (a command that runs one statement after another).
   */
  pgliteThread?: boolean;
  /** PostgreSQL only: open the pool's connections at once (the server), not as they are first needed. */
  warmPool?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, { ...(options.schema ? { schema: options.schema } : {}), warm: options.warmPool === true })
    : await (options.pgliteThread ? openPgliteThread : openPglite)(options.dataDir === null ? null : join(options.dataDir, 'pgdata'));
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
