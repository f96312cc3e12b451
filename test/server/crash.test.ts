/**
 * The server killed (SIGKILL, no clean-up) in the middle of an import and of an act update: after a
 * restart the store holds the whole change or none of it, the interrupted import says so, and the
 * audit chain verifies. On PGlite (a data folder) and on the PostgreSQL server.
 *
 * The kill points are set with AMNESTIA_KILL_AT (src/app/faults.ts) so that the process dies inside
 * the transaction every time; one more import is killed from outside at whatever moment it reaches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, DEFAULT_PATHS } from '../../src/paths.ts';
import { loadLaw } from '../../src/law/law.ts';
import { loadFacilities } from '../../src/registry/facilities.ts';
import { writeRegistryCsv } from '../../src/registry/export.ts';
import { generatePersons } from '../../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../src/registry/synthetic/profile.ts';
import { dropSchema, storeKinds } from '../support/stores.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** Every server started, so that none outlives the tests whatever fails. */
const started: ChildProcess[] = [];

async function start(dataDir: string, env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), 'serve', '--data-dir', dataDir, '--port', String(port), '--registry-persons', '500', '--lang', 'en'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const base = `http://127.0.0.1:${port}`;
  for (let k = 0; k < 600; k++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server stopped at start:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${output}`);
}

async function signIn(base: string, dataDir: string, role: string): Promise<{ cookie: string; csrf: string }> {
  const line = readFileSync(join(dataDir, 'initial-passwords.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${role}\t`))!;
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: role, password: line.split('\t')[2] }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrf_token: string }).csrf_token };
}

async function json(base: string, s: { cookie: string; csrf: string }, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe.each(storeKinds())('a killed server on $name', (kind) => {
  let dir: string;
  let csv: string;
  const schemas: string[] = [];
  /** The store of one test: a data folder of its own, and on the server a schema of its own. */
  const storeEnv = async (name: string): Promise<Record<string, string>> => {
    if (!kind.databaseUrl || !kind.schema) return { DATABASE_URL: '' };
    const schema = `${kind.schema}_${name}`;
    schemas.push(schema);
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: kind.databaseUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const url = new URL(kind.databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return { DATABASE_URL: url.toString() };
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amnestia-crash-'));
    csv = join(dir, 'registry.csv');
    const law = loadLaw();
    const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), 20_000);
    await writeRegistryCsv(csv, law.criminalCode, generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 5 }));
    }, 120_000);
  afterAll(async () => {
    for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    for (const schema of schemas) await dropSchema(schema);
  });

  it('an import killed inside its transaction leaves no registry and a failed import; the audit chain verifies', async () => {
    const data = join(dir, 'data');
    const env = await storeEnv('import');
    const first = await start(data, { ...env, AMNESTIA_KILL_AT: 'registry.import' });
    const analyst = await signIn(first.base, data, 'analyst');
    const before = (await json(first.base, analyst, 'GET', '/api/registries')).body as { registries: unknown[] };
    const res = await fetch(`${first.base}/api/registries?file_name=registry.csv`, { method: 'POST', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'text/csv' }, body: readFileSync(csv) });
    expect(res.status).toBe(202);
    const importId = ((await res.json()) as { id: string }).id;
    expect(await first.exited).toBe('SIGKILL');

    const second = await start(data, env);
    try {
      const a = await signIn(second.base, data, 'analyst');
      const after = (await json(second.base, a, 'GET', '/api/registries')).body as { registries: unknown[] };
      expect(after.registries.length).toBe(before.registries.length);
      const imp = (await json(second.base, a, 'GET', `/api/registries/imports/${importId}`, undefined, { 'accept-language': 'en' })).body as { status: string; error: string; registry_id: string | null };
      expect(imp).toMatchObject({ status: 'failed', registry_id: null });
      expect(imp.error).toMatch(/interrupted/);
      // said in the reader's language
      expect(((await json(second.base, a, 'GET', `/api/registries/imports/${importId}`, undefined, { 'accept-language': 'kk' })).body as { error: string }).error).toBe('жүктеу аяқталмады: сервер жүктеу кезінде тоқтады');
      const admin = await signIn(second.base, data, 'admin');
      expect((await json(second.base, admin, 'GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
      // the same file imports whole once the server runs undisturbed
      const again = await fetch(`${second.base}/api/registries?file_name=registry.csv&wait=true`, { method: 'POST', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': 'text/csv' }, body: readFileSync(csv) });
      const done = (await again.json()) as { status: string; accepted: number; registry_id: string };
      expect(done).toMatchObject({ status: 'accepted', accepted: 20_000 });
      expect(((await json(second.base, a, 'GET', `/api/registries/${done.registry_id}`)).body as { persons: number }).persons).toBe(20_000);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  }, 300_000);

  it('an import killed from outside at any moment holds all of the file or none of it', async () => {
    const data = join(dir, 'data-outside');
    const env = await storeEnv('outside');
    const first = await start(data, env);
    const analyst = await signIn(first.base, data, 'analyst');
    const res = await fetch(`${first.base}/api/registries?file_name=registry.csv`, { method: 'POST', headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'text/csv' }, body: readFileSync(csv) });
    const importId = ((await res.json()) as { id: string }).id;
    // wait until the import writes to the store, then kill
    for (let k = 0; k < 1000; k++) {
      const p = (await json(first.base, analyst, 'GET', `/api/registries/imports/${importId}`)).body as { status: string; progress: { phase: string } | null };
      if (p.status !== 'running' || p.progress?.phase === 'storing') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await start(data, env);
    try {
      const a = await signIn(second.base, data, 'analyst');
      const imp = (await json(second.base, a, 'GET', `/api/registries/imports/${importId}`)).body as { status: string; registry_id: string | null };
      const list = (await json(second.base, a, 'GET', '/api/registries')).body as { registries: { id: string; persons: number }[] };
      if (imp.status === 'accepted') expect(list.registries.find((r) => r.id === imp.registry_id)?.persons).toBe(20_000);
      else {
        expect(imp.status).toBe('failed');
        expect(list.registries.every((r) => r.persons !== 20_000)).toBe(true);
      }
      const admin = await signIn(second.base, data, 'admin');
      expect((await json(second.base, admin, 'GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  }, 300_000);

  it('an act update killed inside its transaction keeps the version before it', async () => {
    const data = join(dir, 'data-act');
    const env = await storeEnv('act');
    const first = await start(data, { ...env, AMNESTIA_KILL_AT: 'act.update' });
    const analyst = await signIn(first.base, data, 'analyst');
    const fork = await json(first.base, analyst, 'POST', '/api/acts/kz-2025-women-proposal/fork', { id: 'crash-draft' });
    expect(fork.status).toBe(201);
    const view = (await json(first.base, analyst, 'GET', '/api/acts/crash-draft')).body as { source: string };
    await fetch(`${first.base}/api/acts/crash-draft`, {
      method: 'PUT',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf, 'content-type': 'application/json', 'if-match': fork.headers.get('etag')! },
      body: JSON.stringify({ source: view.source.replace('value: 0.5', 'value: 0.25') }),
    }).catch(() => undefined);
    expect(await first.exited).toBe('SIGKILL');

    const second = await start(data, env);
    try {
      const a = await signIn(second.base, data, 'analyst');
      const act = (await json(second.base, a, 'GET', '/api/acts/crash-draft')).body as { summary: { version: number }; source: string };
      expect(act.summary.version).toBe(1);
      expect(act.source).toBe(view.source);
      expect((await json(second.base, a, 'GET', '/api/acts/crash-draft/versions')).body).toHaveLength(1);
      const admin = await signIn(second.base, data, 'admin');
      expect((await json(second.base, admin, 'GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
      const updates = (await json(second.base, admin, 'GET', '/api/audit?action=act.update')).body as unknown[];
      expect(updates).toHaveLength(0);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  }, 300_000);
});
