/**
 * What-if on the worker threads gives exactly the answer the server computes inline, and an act
 * with errors is refused from a worker with the same located errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputePool } from '../../src/app/compute-pool.ts';
import { AppError } from '../../src/app/errors.ts';
import { whatIf, type WhatIfResult } from '../../src/app/what-if.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const without = (r: WhatIfResult) => ({ ...r, timings: null, computed_on: null });

describe('what-if on worker threads', () => {
  let s: TestServer;
  let pool: ComputePool;
  beforeAll(async () => {
    s = await startTestServer({ name: 'pglite', databaseUrl: undefined, schema: undefined }, { persons: 2000 });
    pool = await ComputePool.start(2);
  }, 180_000);
  afterAll(async () => {
    await pool?.close();
    await s?.close();
  });

  it('answers as the inline computation does, for every shipped act and variants of it', async () => {
    for (const id of ['kz-2025-women-proposal', 'kz-2025-constitution-30', 'kz-2025-sex-neutral']) {
      const text = readFileSync(join(PROJECT_ROOT, 'acts', id, 'act.yaml'), 'utf8');
      for (const source of [text, text.replace(/value: 0\.(\d+)/, 'value: 0.3')]) {
        s.ctx.pool = null;
        const inline = await whatIf(s.ctx, { source, sections: ['coverage'] });
        s.ctx.pool = pool;
        const threaded = await Promise.all([whatIf(s.ctx, { source, sections: ['coverage'] }), whatIf(s.ctx, { source, sections: ['coverage'] })]);
        for (const t of threaded) {
          expect(t.computed_on).toBe('worker');
          expect(without(t)).toEqual(without(inline));
        }
      }
    }
    s.ctx.pool = null;
  });

  it('refuses an act with errors from a worker, located as inline', async () => {
    const broken = readFileSync(join(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml'), 'utf8');
    s.ctx.pool = pool;
    const e = await whatIf(s.ctx, { source: broken }).catch((x: unknown) => x);
    s.ctx.pool = null;
    const inline = await whatIf(s.ctx, { source: broken }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('invalid_act');
    expect((e as AppError).locations).toEqual((inline as AppError).locations);
  });
});
