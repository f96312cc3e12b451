/**
 * The stores tests run on: PGlite always; the PostgreSQL server when it answers at DATABASE_URL
 * (default: the local server, database `test`). Without a server, its tests are skipped with a
 * message — `.ci/run` starts one, so CI runs them all.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresUnavailable, TEST_DATABASE_URL } from '../../src/engine/testing/postgres.ts';

export const DATABASE_URL = TEST_DATABASE_URL;

/** Null when the server answers; under AMNESTIA_REQUIRE_POSTGRES=1 (.ci/run) a silent server fails the tests. */
const unavailable = await postgresUnavailable(DATABASE_URL);
export const postgresAvailable = unavailable === null;
if (unavailable !== null) console.warn(`${unavailable} (the store and server tests run on PGlite only; .ci/run starts the server and runs them on both).`);

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
