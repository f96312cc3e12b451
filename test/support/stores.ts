/**
 * The stores tests run on: PGlite always; the PostgreSQL server when it answers at DATABASE_URL
 * (default: the local server, database `test`). Without a server, its tests are skipped with a
 * message — `.ci/run` starts one, so CI runs them all.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await reachable(DATABASE_URL);
if (!postgresAvailable) console.warn(`PostgreSQL does not answer at ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}: the tests on the PostgreSQL server are skipped (PGlite only). .ci/run starts the server and runs them.`);

export interface StoreKind {
  name: 'pglite' | 'postgres';
  /** DATABASE_URL for the server, undefined for PGlite. */
  databaseUrl: string | undefined;
  /** A schema of the test's own on the server, so that test files do not meet. */
  schema: string | undefined;
}

export function storeKinds(): StoreKind[] {
  const kinds: StoreKind[] = [{ name: 'pglite', databaseUrl: undefined, schema: undefined }];
  if (postgresAvailable) kinds.push({ name: 'postgres', databaseUrl: DATABASE_URL, schema: `amnestia_test_${randomBytes(6).toString('hex')}` });
  return kinds;
}

/** Drops a test schema from the server. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
