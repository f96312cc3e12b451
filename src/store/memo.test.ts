/**
 * The answers an embedded store keeps in memory (memo.ts): kept until a write naming their tables,
 * never kept when such a write began while they were read, and seen changed at once after an act's
 * new version or a new current registry is written — inside a transaction or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersionRef, insertAct, insertVersion } from './acts.ts';
import type { Db } from './db.ts';
import { ReadMemo, touchesMemo } from './memo.ts';
import { openStore } from './open.ts';
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
