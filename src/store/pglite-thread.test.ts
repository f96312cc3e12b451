import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { openPgliteThread } from './pglite.ts';

describe('PGlite on a thread of its own', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPgliteThread(null);
    await db.exec('CREATE TABLE t (k int PRIMARY KEY, v text NOT NULL)');
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('gives rows back, and PostgreSQL errors with their message and code', async () => {
    await db.query('INSERT INTO t (k, v) VALUES ($1, $2), ($3, $4)', [1, 'a', 2, 'b']);
    expect(await db.query('SELECT k, v FROM t ORDER BY k')).toEqual([{ k: 1, v: 'a' }, { k: 2, v: 'b' }]);
    await expect(db.query('INSERT INTO t (k, v) VALUES (1, $1)', ['again'])).rejects.toMatchObject({ code: '23505', message: expect.stringMatching(/duplicate key/) });
    await expect(db.query('SELECT no_such_function()')).rejects.toMatchObject({ code: '42883' });
  });

  it('commits a transaction whole, rolls a failed one back whole, and holds other statements meanwhile', async () => {
    let seenInside: unknown[] = [];
    const outside: Promise<Record<string, unknown>[]>[] = [];
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t (k, v) VALUES (3, 'c')");
      // A statement from outside waits until the transaction ends.
      outside.push(db.query('SELECT count(*)::int AS n FROM t'));
      seenInside = await tx.query('SELECT count(*)::int AS n FROM t');
      await tx.query("INSERT INTO t (k, v) VALUES (4, 'd')");
    });
    expect(seenInside).toEqual([{ n: 3 }]);
    expect(await outside[0]).toEqual([{ n: 4 }]);
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO t (k, v) VALUES (5, 'e')");
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(db.transaction((tx) => tx.query("INSERT INTO t (k, v) VALUES (6, 'f'), (1, 'dup')"))).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('SELECT k FROM t ORDER BY k')).toEqual([{ k: 1 }, { k: 2 }, { k: 3 }, { k: 4 }]);
  });

  it('loads CSV with COPY, on its own and in a transaction', async () => {
    await db.copyCsv('t', ['k', 'v'], ['10,"x, y"\n', '11,z\n']);
    await db.transaction((tx) => tx.copyCsv('t', ['k', 'v'], (function* () {
      yield '12,w\n';
    })()));
    expect(await db.query('SELECT k, v FROM t WHERE k >= 10 ORDER BY k')).toEqual([{ k: 10, v: 'x, y' }, { k: 11, v: 'z' }, { k: 12, v: 'w' }]);
  });

  it('refuses statements once closed', async () => {
    const other = await openPgliteThread(null);
    await other.close();
    await expect(other.query('SELECT 1')).rejects.toThrow(/closed/);
  }, 120_000);
});
