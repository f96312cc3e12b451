/**
 * `amnestia users add` and `amnestia audit verify` on a data folder (PGlite): a password from
 * standard input or generated and printed once, scopes checked, the creation audited, the chain
 * verified — and an edited entry named with exit code 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { openStore } from '../../src/store/open.ts';
import { listAudit } from '../../src/store/audit.ts';
import { findUserByName } from '../../src/store/users.ts';
import { checkPassword } from '../../src/app/users.ts';

const dir = mkdtempSync(join(tmpdir(), 'amnestia-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function amnestia(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], {
    cwd: PROJECT_ROOT,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('amnestia users add and audit verify', () => {
  it('adds a user with a password from standard input, and one with a generated password printed once', async () => {
    const a = amnestia(['users', 'add', '--data-dir', dir, '--role', 'officer', '--username', 'officer.w01', '--facility', 'W-01', '--password-stdin', '--lang', 'en'], 'correct horse battery staple\n');
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/User officer\.w01 \(officer\) added/);
    expect(a.out).not.toMatch(/staple/);
    const b = amnestia(['users', 'add', '--data-dir', dir, '--role', 'analyst', '--username', 'analyst2', '--lang', 'ru']);
    expect(b.code).toBe(0);
    const password = /Пароль \(показывается один раз\): (\S+)/.exec(b.out)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{18}$/);
    const db = await openStore({ dataDir: dir, databaseUrl: undefined });
    try {
      const u = await findUserByName(db, 'officer.w01');
      expect(u?.user).toMatchObject({ role: 'officer', facilities: ['W-01'] });
      expect(await checkPassword(u!.passwordHash, 'correct horse battery staple')).toBe(true);
      expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await checkPassword((await findUserByName(db, 'analyst2'))!.passwordHash, password!)).toBe(true);
      const created = await listAudit(db, { limit: 10, action: 'user.create' });
      expect(created.map((e) => e.target['username']).sort()).toEqual(['analyst2', 'officer.w01']);
    } finally {
      await db.close();
    }
  }, 240_000);

  it('refuses a missing scope, an unknown facility, a short password and a taken name, with a message and exit 2', () => {
    const noScope = amnestia(['users', 'add', '--data-dir', dir, '--role', 'supervisor', '--username', 'sup', '--lang', 'en']);
    expect(noScope.code).toBe(2);
    expect(noScope.err).toMatch(/needs a scope: --region/);
    const unknown = amnestia(['users', 'add', '--data-dir', dir, '--role', 'officer', '--username', 'o9', '--facility', 'X-99', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/X-99/);
    const short = amnestia(['users', 'add', '--data-dir', dir, '--role', 'admin', '--username', 'adm', '--password-stdin', '--lang', 'kk'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/кемінде 12/);
    const taken = amnestia(['users', 'add', '--data-dir', dir, '--role', 'analyst', '--username', 'analyst2', '--lang', 'en']);
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(/already exists/);
    for (const r of [noScope, unknown, short, taken]) expect(r.err).not.toMatch(/\n\s+at /);
  }, 240_000);

  it('verifies the audit chain, and names the first entry edited behind its back', async () => {
    const ok = amnestia(['audit', 'verify', '--data-dir', dir, '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/The audit log is intact: 2 entries; head hash [0-9a-f]{64}/);
    const db = await openStore({ dataDir: dir, databaseUrl: undefined });
    try {
      await db.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
        await tx.query(`UPDATE audit_log SET username = 'someone else' WHERE seq = 1`);
        await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
      });
    } finally {
      await db.close();
    }
    const broken = amnestia(['audit', 'verify', '--data-dir', dir, '--lang', 'en']);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/broken from entry 1/);
  }, 240_000);
});
