/**
 * The answers a store keeps in memory (memo.ts): kept until a write naming their tables, never kept
 * when such a write began while they were read, and seen changed at once after an act's new version
 * or a new current registry is written — inside a transaction or not. On a PostgreSQL server, a
 * write by another process (or any client) is seen once its notification arrives, a rolled-back one
 * forgets nothing, and nothing is kept while the store cannot hear of writes.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, dropSchema, postgresAvailable } from '../../test/support/stores.ts';
import { getVersionRef, insertAct, insertVersion } from './acts.ts';
import type { Db } from './db.ts';
import { ReadMemo, touchesMemo } from './memo.ts';
import { openStore } from './open.ts';
import { LISTENER_NAME } from './postgres.ts';
import { getRegistryRef, putSetting } from './registries.ts';

describe('ReadMemo', () => {
  it('keeps an answer until a write, and does not keep one read while a write began', async () => {
    const memo = new ReadMemo();
    let loads = 0;
    const load = async () => ++loads;
    expect(await memo.get('k', load)).toBe(1);
    expect(await memo.get('k', load)).toBe(1);
    memo.written();
    expect(await memo.get('k', load)).toBe(2);
    let release!: () => void;
    const slow = memo.get('k2', async () => {
      await new Promise<void>((r) => (release = r));
      return 'read before the write';
    });
    memo.written();
    release();
    expect(await slow).toBe('read before the write');
    expect(await memo.get('k2', async () => 'read again')).toBe('read again');
  });

  it('tells the statements that change what it keeps', () => {
    expect(touchesMemo('UPDATE acts SET head_version = $2 WHERE id = $1')).toBe(true);
    expect(touchesMemo('INSERT INTO act_versions (act_id, version) VALUES ($1, $2)')).toBe(true);
    expect(touchesMemo('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value')).toBe(true);
    expect(touchesMemo('DELETE FROM registries WHERE id = $1')).toBe(true);
    expect(touchesMemo('SELECT a.id FROM acts a WHERE a.id = $1')).toBe(false);
    expect(touchesMemo('SELECT audit_append($1::bigint, $2::text, $3::jsonb)')).toBe(false);
    expect(touchesMemo('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1')).toBe(false);
  });
});

describe('an embedded store keeps the refs every read of persons asks', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openStore({ dataDir: null, pgliteThread: true });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('answers an act’s head from memory, and the new head at once after a new version', async () => {
    expect(db.memo).not.toBeNull();
    await db.transaction((tx) => insertAct(tx, { id: 'memo-act', kind: 'draft', forkedFrom: null, createdBy: null, hash: 'h1', source: 'v1', readme: null, note: null }));
    expect(await getVersionRef(db, 'memo-act', null)).toMatchObject({ version: 1, hash: 'h1' });
    let statements = 0;
    const counting: Db = { ...db, query: (sql, params) => (statements++, db.query(sql, params)) };
    expect(await getVersionRef(counting, 'memo-act', null)).toMatchObject({ version: 1, hash: 'h1' });
    expect(statements).toBe(0);
    await db.transaction((tx) => insertVersion(tx, { actId: 'memo-act', version: 2, hash: 'h2', source: 'v2', readme: null, note: null, author: null }));
    expect(await getVersionRef(db, 'memo-act', null)).toMatchObject({ version: 2, hash: 'h2' });
    // A read sent while the version is written is not kept: the next read asks again and sees it.
    const during = getVersionRef(db, 'memo-act', null);
    const write = db.transaction((tx) => insertVersion(tx, { actId: 'memo-act', version: 3, hash: 'h3', source: 'v3', readme: null, note: null, author: null }));
    await Promise.all([during, write]);
    expect(await getVersionRef(db, 'memo-act', null)).toMatchObject({ version: 3, hash: 'h3' });
  });

  it('answers the current registry anew once another is made current', async () => {
    const insert = (id: string) =>
      db.query(`INSERT INTO registries (id, name, source, persons, law_hash, quality) VALUES ($1, $1, 'test', 0, 'x', '{}')`, [id]);
    await insert('memo-reg-a');
    await insert('memo-reg-b');
    await putSetting(db, 'current_registry', 'memo-reg-a');
    expect((await getRegistryRef(db, null))?.id).toBe('memo-reg-a');
    await putSetting(db, 'current_registry', 'memo-reg-b');
    expect((await getRegistryRef(db, null))?.id).toBe('memo-reg-b');
  });
});

/** Waits until `ok` holds (a notification is on its way), at most `ms`. */
async function until(ok: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await ok()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.runIf(postgresAvailable)('two server processes on one PostgreSQL database keep the refs and see each other’s writes', () => {
  const schema = `amnestia_test_${randomBytes(6).toString('hex')}`;
  let a: Db;
  let b: Db;
  let counted = 0;
  let bCounting: Db;
  beforeAll(async () => {
    a = await openStore({ databaseUrl: DATABASE_URL, dataDir: null, schema });
    b = await openStore({ databaseUrl: DATABASE_URL, dataDir: null, schema });
    bCounting = { ...b, query: (sql, params) => (counted++, b.query(sql, params)) };
  }, 60_000);

  /** Runs `write` in the other process, and waits until this one was told of it. */
  async function writtenByA(write: () => Promise<unknown>): Promise<void> {
    const seen = b.memo!.generation;
    await write();
    expect(await until(async () => b.memo!.generation > seen)).toBe(true);
  }
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(schema);
  });

  it('keeps an act’s head in one process, and forgets it when the other writes a new version', async () => {
    expect(b.memo?.live).toBe(true);
    await writtenByA(() => a.transaction((tx) => insertAct(tx, { id: 'two-act', kind: 'draft', forkedFrom: null, createdBy: null, hash: 'h1', source: 'v1', readme: null, note: null })));
    expect(await getVersionRef(b, 'two-act', null)).toMatchObject({ version: 1, hash: 'h1' });
    counted = 0;
    expect(await getVersionRef(bCounting, 'two-act', null)).toMatchObject({ version: 1, hash: 'h1' });
    expect(counted).toBe(0);
    await writtenByA(() => a.transaction((tx) => insertVersion(tx, { actId: 'two-act', version: 2, hash: 'h2', source: 'v2', readme: null, note: null, author: null })));
    expect(await getVersionRef(b, 'two-act', null)).toMatchObject({ version: 2, hash: 'h2' });
    // Kept again once read anew.
    counted = 0;
    expect(await getVersionRef(bCounting, 'two-act', null)).toMatchObject({ version: 2, hash: 'h2' });
    expect(counted).toBe(0);
  });

  it('sees a change of the current registry made by any client of the server, not only this application', async () => {
    await a.query(`INSERT INTO registries (id, name, source, persons, law_hash, quality) VALUES ('two-reg-a', 'a', 'test', 0, 'x', '{}'), ('two-reg-b', 'b', 'test', 0, 'x', '{}')`);
    await putSetting(a, 'current_registry', 'two-reg-a');
    expect(await until(async () => (await getRegistryRef(b, null))?.id === 'two-reg-a')).toBe(true);
    const other = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
    await other.connect();
    try {
      await other.query(`UPDATE settings SET value = '"two-reg-b"' WHERE key = 'current_registry'`);
    } finally {
      await other.end();
    }
    expect(await until(async () => (await getRegistryRef(b, null))?.id === 'two-reg-b')).toBe(true);
  });

  it('does not forget on a write that rolls back', async () => {
    expect((await getVersionRef(b, 'two-act', null))?.version).toBe(2);
    await expect(
      a.transaction(async (tx) => {
        await insertVersion(tx, { actId: 'two-act', version: 3, hash: 'h3', source: 'v3', readme: null, note: null, author: null });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await new Promise((r) => setTimeout(r, 200));
    counted = 0;
    expect(await getVersionRef(bCounting, 'two-act', null)).toMatchObject({ version: 2 });
    expect(counted).toBe(0);
  });

  it('keeps nothing while its listening connection is lost, and keeps again once it listens anew', async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    try {
      // Every listener of this schema's stores (a's and b's) is cut.
      const cut = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`${LISTENER_NAME} ${schema}`]);
      expect(cut.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    expect(await until(async () => b.memo?.live === false, 3000)).toBe(true);
    counted = 0;
    await getVersionRef(bCounting, 'two-act', null);
    await getVersionRef(bCounting, 'two-act', null);
    expect(counted).toBe(2);
    expect(await until(async () => b.memo?.live === true, 10_000)).toBe(true);
    // A write while it was away is seen: nothing read before it listened again is kept.
    await a.transaction((tx) => insertVersion(tx, { actId: 'two-act', version: 3, hash: 'h3', source: 'v3', readme: null, note: null, author: null }));
    expect(await until(async () => (await getVersionRef(b, 'two-act', null))?.version === 3)).toBe(true);
  }, 30_000);

  it('does not forget on another schema’s write', async () => {
    const other = `amnestia_test_${randomBytes(6).toString('hex')}`;
    const c = await openStore({ databaseUrl: DATABASE_URL, dataDir: null, schema: other });
    try {
      expect(await until(async () => b.memo?.live === true)).toBe(true);
      await getVersionRef(b, 'two-act', null);
      const seen = b.memo!.generation;
      await c.transaction((tx) => insertAct(tx, { id: 'two-act', kind: 'draft', forkedFrom: null, createdBy: null, hash: 'h9', source: 'v9', readme: null, note: null }));
      // The other schema's own store was told; this one was not.
      await new Promise((r) => setTimeout(r, 300));
      expect(b.memo!.generation).toBe(seen);
      counted = 0;
      expect(await getVersionRef(bCounting, 'two-act', null)).toMatchObject({ version: 3 });
      expect(counted).toBe(0);
    } finally {
      await c.close();
      await dropSchema(other);
    }
  });
});
