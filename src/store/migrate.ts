/**
 * Migrations: plain SQL files `src/store/migrations/NNNN_name.sql`, applied in order at start, each
 * in its own transaction together with its row in `schema_migrations` — a migration is applied
 * whole or not at all. On a server several processes may start at once: an advisory lock makes
 * them take turns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { rowsOf, type Db } from './db.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A number of the project's own, for pg_advisory_xact_lock. */
const MIGRATION_LOCK = 720_825_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

const appliedRow = z.object({ version: z.number().int() });

/** Applies the migrations not yet applied; returns the versions applied now. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done: number[] = [];
  for (const m of migrations) {
    const applied = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = rowsOf(appliedRow, await tx.query('SELECT version FROM schema_migrations WHERE version = $1', [m.version]), 'schema_migrations');
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (applied) done.push(m.version);
  }
  return done;
}
