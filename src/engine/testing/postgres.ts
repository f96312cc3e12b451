/**
 * Whether the PostgreSQL server the tests use answers. Tests that need it skip with a message when
 * it does not (a machine without PostgreSQL still passes `npm test`); `.ci/run` starts the server,
 * so CI runs them.
 */
import pg from 'pg';

/** The database the PostgreSQL tests use: DATABASE_URL, else the local server's `test` database. */
export const TEST_DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Null when the server answers; otherwise why the tests that need it are skipped. Under
 * AMNESTIA_REQUIRE_POSTGRES=1 (set by .ci/run) a server that does not answer is an error instead.
 */
export async function postgresUnavailable(url: string = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    const safe = url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
    if (process.env['AMNESTIA_REQUIRE_POSTGRES'] === '1') throw new Error(`PostgreSQL at ${safe} does not answer, and AMNESTIA_REQUIRE_POSTGRES=1 requires it`, { cause: e });
    return `PostgreSQL at ${safe} does not answer (${e instanceof Error ? e.message : String(e)}): its tests are skipped`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
