/**
 * The store on PGlite and on the PostgreSQL server: migrations applied once and whole, and the audit
 * log — appended in a chain that verifies, refused every UPDATE, DELETE or TRUNCATE, and telling the
 * first entry that was edited, removed or cut behind the application's back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, storeKinds } from '../../test/support/stores.ts';
import { appendAudit, appendAuditIn, listAudit, verifyAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import { migrate, readMigrations } from './migrate.ts';
import { openStore } from './open.ts';
import { renderMessage } from '../i18n/message.ts';

const entry = (k: number): AuditEntry => ({ userId: null, username: `user${k}`, role: 'analyst', action: 'person.read', target: { person_id: `KZ${k}`, nested: { b: 2, a: [1, 'x'] } }, result: 'ok', ip: '127.0.0.1' });

describe.each(storeKinds())('the store on $name', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openStore({ databaseUrl: kind.databaseUrl, dataDir: null, ...(kind.schema ? { schema: kind.schema } : {}) });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    if (kind.schema) await dropSchema(kind.schema);
  });

  it('applies each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r['version'])).toEqual(readMigrations().map((m) => m.version));
  });

  it('rolls a failing migration back whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amnestia-migrations-'));
    try {
      writeFileSync(join(dir, '9001_half.sql'), 'CREATE TABLE half_done (x int);\nSELECT no_such_function();\n');
      await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/no_such_function/);
      const exists = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`);
      expect(exists[0]!['n']).toBe(0);
      expect(await db.query('SELECT version FROM schema_migrations WHERE version = 9001')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('chains audit entries and verifies the chain, also when appended at once', async () => {
    for (let k = 0; k < 12; k++) await appendAudit(db, entry(k));
    await Promise.all(Array.from({ length: 25 }, (_, k) => appendAudit(db, entry(100 + k))));
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: true, entries: 37 });
  });

  it('writes entries asked for together as one group: each once, in the order asked, the chain verifies', async () => {
    const before = (await verifyAudit(db)).entries;
    let calls = 0;
    // A handle that counts the statements that append (a store of its own to the appender).
    const counting: Db = { ...db, query: (sql, params) => ((calls += sql.includes('audit_append') ? 1 : 0), db.query(sql, params)) };
    const records = await Promise.all(Array.from({ length: 60 }, (_, k) => appendAudit(counting, entry(600 + k))));
    expect(records.map((r) => r.seq)).toEqual(records.map((_, k) => before + 1 + k));
    expect(records.map((r) => r.username)).toEqual(records.map((_, k) => `user${600 + k}`));
    expect(calls).toBe(1);
    const stored = await listAudit(db, { after: before, limit: 100 });
    expect(stored.map((r) => r.hash)).toEqual(records.map((r) => r.hash));
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: before + 60 });
  });

  it('fails only the read whose entry the store refuses when it is asked for with others', async () => {
    const before = (await verifyAudit(db)).entries;
    // A NUL character is refused by jsonb: that entry cannot be stored.
    const refused: AuditEntry = { ...entry(700), target: { person_id: 'KZ\u0000' } };
    const results = await Promise.allSettled([appendAudit(db, entry(701)), appendAudit(db, refused), appendAudit(db, entry(702))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const stored = await listAudit(db, { after: before, limit: 10 });
    expect(stored.map((r) => r.username)).toEqual(['user701', 'user702']);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: before + 2 });
  });

  it('sends the next group while one is on its way, chained after it: the order asked, each once, the chain verifies', async () => {
    let sending = 0;
    let overlapped = 0;
    // The first call's answer is held back, so the entries asked for meanwhile go as a second group.
    let hold = false;
    const slow: Db = {
      ...db,
      query: async (sql, params) => {
        if (!sql.includes('audit_append')) return db.query(sql, params);
        sending++;
        if (sending > 1) overlapped++;
        try {
          const rows = await db.query(sql, params);
          if (hold) {
            hold = false;
            await new Promise((r) => setTimeout(r, 100));
          }
          return rows;
        } finally {
          sending--;
        }
      },
    };
    // The handle's first entry: its appender learns the head.
    await appendAudit(slow, entry(800));
    const before = (await verifyAudit(db)).entries;
    hold = true;
    const first = Array.from({ length: 5 }, (_, k) => appendAudit(slow, entry(810 + k)));
    await new Promise((r) => setTimeout(r, 30));
    const second = Array.from({ length: 5 }, (_, k) => appendAudit(slow, entry(820 + k)));
    const records = await Promise.all([...first, ...second]);
    expect(overlapped).toBeGreaterThan(0);
    expect(records.map((r) => r.seq)).toEqual(records.map((_, k) => before + 1 + k));
    const stored = await listAudit(db, { after: before, limit: 100 });
    expect(stored.map((r) => r.username)).toEqual(records.map((r) => r.username));
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: before + 10 });
  });

  it('writes a group sent behind a failing one after it, in the order asked', async () => {
    const refused: AuditEntry = { ...entry(901), target: { person_id: 'KZ\u0000' } };
    let calls = -1;
    // The failing group's answer comes late: the next group is sent meanwhile, chained after it.
    const slow: Db = {
      ...db,
      query: async (sql, params) => {
        if (!sql.includes('audit_append') || calls++ !== 0) return db.query(sql, params);
        try {
          return await db.query(sql, params);
        } finally {
          await new Promise((r) => setTimeout(r, 100));
        }
      },
    };
    await appendAudit(slow, entry(900));
    const before = (await verifyAudit(db)).entries;
    calls = 0;
    const firstGroup = [appendAudit(slow, entry(902)), appendAudit(slow, refused), appendAudit(slow, entry(903))];
    await new Promise((r) => setTimeout(r, 30));
    const secondGroup = [appendAudit(slow, entry(904)), appendAudit(slow, entry(905))];
    const results = await Promise.allSettled([...firstGroup, ...secondGroup]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    const stored = await listAudit(db, { after: before, limit: 10 });
    expect(stored.map((r) => r.username)).toEqual(['user902', 'user903', 'user904', 'user905']);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: before + 4 });
  });

  it('refuses a group whose entry does not follow the one before it, writing none of it', async () => {
    const [head] = await db.query('SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1');
    const seq = Number(head!['seq']);
    const at = new Date().toISOString();
    const row = (n: number, prev: string, hash: string) => ({ seq: n, at, user_id: null, username: 'x', role: 'analyst', action: 'person.read', target: {}, result: 'ok', ip: null, prev_hash: prev, hash });
    const group = [row(seq + 1, String(head!['hash']), 'a'.repeat(64)), row(seq + 2, 'b'.repeat(64), 'c'.repeat(64))];
    await expect(db.query('SELECT audit_append($1::bigint, $2::text, $3::jsonb)', [seq, head!['hash'], JSON.stringify(group)])).rejects.toThrow(/does not follow/);
    expect(await db.query('SELECT seq FROM audit_log WHERE seq > $1', [seq])).toEqual([]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('keeps one chain when other writers append in between: a transaction, another connection', async () => {
    const before = (await verifyAudit(db)).entries;
    // A second handle on the same store, as a second server process would hold (PostgreSQL only:
    // an embedded store has one owner).
    const other = kind.databaseUrl ? await openStore({ databaseUrl: kind.databaseUrl, dataDir: null, ...(kind.schema ? { schema: kind.schema } : {}) }) : null;
    try {
      const writes: Promise<unknown>[] = [];
      for (let k = 0; k < 20; k++) {
        writes.push(appendAudit(db, entry(200 + k)));
        if (k % 3 === 0) writes.push(db.transaction((tx) => appendAuditIn(tx, entry(300 + k))));
        if (other) writes.push(appendAudit(other, entry(400 + k)));
      }
      await Promise.all(writes);
      // This process's guess of the head is stale now (the transactions moved it): the next append still follows it.
      await appendAudit(db, entry(500));
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: before + writes.length + 1 });
    } finally {
      await other?.close();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log', async () => {
    await expect(db.query(`UPDATE audit_log SET username = 'someone else' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(db.query('UPDATE audit_head SET seq = 1')).rejects.toThrow(/one entry at a time/);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('names the first entry edited behind the application’s back', async () => {
    // Someone with the database's owner rights switches the guard off and edits entry 5.
    await db.transaction(async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await tx.query(`UPDATE audit_log SET target = '{"person_id": "someone else"}' WHERE seq = 5`);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: false, firstBroken: 5, reason: { key: 'audit.entry_changed', params: { seq: '5' } } });
    if (!v.ok) expect(renderMessage(v.reason, 'kk')).toBe('5-жазба жазылғаннан кейін өзгертілген (оның хэші өрістеріне сәйкес келмейді)');
  });

  it('names a removed entry, and a cut tail', async () => {
    const other = await openStore({ databaseUrl: kind.databaseUrl, dataDir: null, ...(kind.schema ? { schema: `${kind.schema}_b` } : {}) });
    try {
      for (let k = 0; k < 10; k++) await appendAudit(other, entry(k));
      await other.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
        await tx.query('DELETE FROM audit_log WHERE seq = 4');
        await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      });
      expect(await verifyAudit(other)).toMatchObject({ ok: false, firstBroken: 4, reason: { key: 'audit.entry_missing', params: { seq: '4', next: '5' } } });
      await other.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
        await tx.query('DELETE FROM audit_log WHERE seq >= 4');
        await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      });
      const cut = await verifyAudit(other);
      expect(cut).toMatchObject({ ok: false, firstBroken: 4 });
      expect(cut.ok ? '' : renderMessage(cut.reason, 'en')).toMatch(/removed/);
      expect(cut.ok ? '' : renderMessage(cut.reason, 'ru')).toBe('журнал заканчивается записью 3, а его голова называет запись 10: записи удалены');
    } finally {
      await other.close();
      if (kind.schema) await dropSchema(`${kind.schema}_b`);
    }
  });
});
