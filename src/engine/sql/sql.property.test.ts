/**
 * Property tests: the SQL emitted from a plan, run by DuckDB and by PostgreSQL, gives every person
 * the same outcome as the generated kernel, on random registries and random acts.
 * PostgreSQL is reached through DATABASE_URL (default: the local server, database `test`); when no
 * server answers, its test is skipped with a message (DuckDB's still runs).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryOf } from '../../registry/registry.ts';
import { compileActKernel } from '../act/kernel.ts';
import { outcomeAt, outcomesEqual } from '../act/outcome.ts';
import { compileAct } from '../act/plan.ts';
import { law } from '../testing/arbitraries.ts';
import { actSource, scenarioOf } from '../testing/acts.ts';
import { DuckDbBackend, PostgresBackend, type SqlBackend } from './backend.ts';
import { postgresUnavailable, TEST_DATABASE_URL } from '../testing/postgres.ts';

const RUNS = Number(process.env.SQL_PROPERTY_RUNS ?? 40);
const SEED = Number(process.env.PROPERTY_SEED ?? 7);
const pgMissing = await postgresUnavailable();
if (pgMissing) console.warn(pgMissing);

/** Acts of up to five clauses; acts of 33–40 clauses (several words of the clause mask) apart, fewer: their SQL is long. */
const narrow = scenarioOf(0);
const wideOnly = scenarioOf(1000);

async function agree(backend: SqlBackend, runs: number, scenario = narrow): Promise<void> {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ asOfDay, defs, act, persons }) => {
      const { plan } = compileAct(actSource(act, defs, asOfDay), law, null, 'hash');
      const registry = registryOf(law.criminalCode, persons);
      const kernel = compileActKernel(plan, law).run(registry);
      await backend.loadRegistry(registry, law);
      const sql = await backend.outcomes(plan, law, registry.size);
      for (let i = 0; i < registry.size; i++) {
        const a = outcomeAt(kernel, i);
        const b = outcomeAt(sql, i);
        if (!outcomesEqual(a, b)) expect.fail(`${backend.name}, person ${i}: kernel ${JSON.stringify(a)}\nsql ${JSON.stringify(b)}\nact ${JSON.stringify(act)}\nperson ${JSON.stringify(persons[i])}`);
      }
    }),
    { numRuns: runs, seed: SEED },
  );
}

describe('kernel = SQL on DuckDB', () => {
  let duck: DuckDbBackend;
  beforeAll(async () => {
    duck = await DuckDbBackend.open();
  });
  afterAll(async () => duck.close());
  it('gives every person the same outcome under random acts', async () => {
    await agree(duck, RUNS);
  });
  it('and under acts of more than 32 clauses', async () => {
    await agree(duck, 2, wideOnly);
  });
});

describe.skipIf(pgMissing !== null)('kernel = SQL on PostgreSQL', () => {
  let pgb: PostgresBackend;
  beforeAll(async () => {
    pgb = await PostgresBackend.open(TEST_DATABASE_URL);
    await pgb.exec('CREATE SCHEMA IF NOT EXISTS amnestia_property_test');
    await pgb.exec('SET search_path TO amnestia_property_test');
  });
  afterAll(async () => {
    await pgb.exec('DROP SCHEMA IF EXISTS amnestia_property_test CASCADE');
    await pgb.close();
  });
  it('gives every person the same outcome under random acts', async () => {
    await agree(pgb, Math.ceil(RUNS / 2));
  });
  it('and under acts of more than 32 clauses', async () => {
    await agree(pgb, 1, wideOnly);
  });
});
