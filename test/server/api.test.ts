/**
 * The HTTP API on each store (PGlite, and the PostgreSQL server when it answers): sessions, roles
 * and scopes enforced on the server with every refusal audited, CSRF and cross-site requests, bad
 * input answered with located 4xx errors and nothing stored half, and the flows of acts,
 * evaluations, what-if, persons, registries, the letter and the audit log.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/context.ts';
import { runImport, startImport } from '../../src/app/registries.ts';
import type { Role } from '../../src/app/roles.ts';
import { MEASURE_LABELS } from '../../src/i18n/act.ts';
import { FILE_ERRORS } from '../../src/i18n/errors/file.ts';
import { render } from '../../src/i18n/text.ts';
import { writeRegistryCsv } from '../../src/registry/export.ts';
import { generatePersons } from '../../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../src/registry/synthetic/profile.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../../src/paths.ts';
import { listAudit, verifyAudit } from '../../src/store/audit.ts';
import { signedIn, startTestServer, type Client, type TestServer } from '../support/server.ts';
import { buildServer } from '../../src/server/server.ts';
import { serverOptions } from '../../src/server/serve.ts';
import { storeKinds } from '../support/stores.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WOMEN = 'kz-2025-women-proposal';
const LAW = 'kz-2025-constitution-30';

interface ErrorJson {
  error: { code: string; message: string; locations: { file?: string; path?: string; line?: number | null; column?: number | null; row?: number | null; message?: string }[]; details?: Record<string, unknown> };
}

describe.each(storeKinds())('the API on $name', (kind) => {
  let s: TestServer;
  const as = signedIn(() => s);
  const refusals = async () => (await listAudit(s.ctx.db, { limit: 100_000, action: 'access.refused' })).length;

  beforeAll(async () => {
    s = await startTestServer(kind);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  describe('health and documentation', () => {
    it('says which store answers, without a session', async () => {
      const res = await s.anonymous.request('GET', '/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', store: { kind: kind.name } });
    });

    it('publishes an OpenAPI document with every fixed path', async () => {
      const doc = (await s.anonymous.request('GET', '/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      for (const p of ['/api/health', '/api/session', '/api/registries', '/api/acts', '/api/evaluations', '/api/what-if', '/api/persons', '/api/persons/{person_id}', '/api/letter', '/api/audit'])
        expect(Object.keys(doc.paths), p).toContain(p);
      expect((await s.anonymous.request('GET', '/api/docs/')).statusCode).toBe(200);
    });

    it('sends security headers', async () => {
      const res = await s.anonymous.request('GET', '/api/health');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
    });
  });

  describe('sessions', () => {
    it('signs in with an HttpOnly, SameSite=Strict cookie and a CSRF token', async () => {
      const res = await s.anonymous.request('POST', '/api/session', { body: { username: 'analyst', password: s.passwords.analyst } });
      expect(res.statusCode).toBe(200);
      const cookie = res.headers['set-cookie'] as string;
      expect(cookie).toMatch(/amnestia_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const body = res.json() as { user: { role: string; permissions: string[] }; csrf_token: string };
      expect(body.user.role).toBe('analyst');
      expect(body.user.permissions).toContain('what_if');
      expect(body.csrf_token.length).toBeGreaterThan(20);
    });

    it('refuses a wrong password and an unknown user alike, and audits both', async () => {
      const before = (await listAudit(s.ctx.db, { limit: 1000, action: 'session.sign_in', result: 'refused' })).length;
      const wrong = await s.anonymous.request('POST', '/api/session', { body: { username: 'analyst', password: 'not the password' }, headers: { 'accept-language': 'kk' } });
      const unknown = await s.anonymous.request('POST', '/api/session', { body: { username: 'nobody', password: 'whatever it is' }, headers: { 'accept-language': 'kk' } });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect((wrong.json() as ErrorJson).error.message).toBe((unknown.json() as ErrorJson).error.message);
      expect((wrong.json() as ErrorJson).error.message).toMatch(/құпиясөз/);
      expect((await listAudit(s.ctx.db, { limit: 1000, action: 'session.sign_in', result: 'refused' })).length).toBe(before + 2);
    });

    it('signs out: the cookie no longer opens anything', async () => {
      const c = await s.signIn('analyst');
      expect((await c.request('GET', '/api/session')).statusCode).toBe(200);
      expect((await c.request('DELETE', '/api/session', { csrf: false })).statusCode).toBe(403);
      expect((await c.request('DELETE', '/api/session')).statusCode).toBe(204);
      expect((await c.request('GET', '/api/session')).statusCode).toBe(401);
    });

    it('refuses a forged session cookie and audits it', async () => {
      const before = await refusals();
      const res = await s.app.inject({ method: 'GET', url: `/api/acts`, headers: { cookie: 'amnestia_session=forged-token-of-nobody' } });
      expect(res.statusCode).toBe(401);
      const last = (await listAudit(s.ctx.db, { limit: 1, action: 'access.refused' }))[0]!;
      expect(await refusals()).toBe(before + 1);
      expect(last.target).toMatchObject({ reason: 'session_unknown_or_expired', url: '/api/acts' });
    });
  });

  describe('roles are enforced on the server, and every refusal is audited', () => {
    const person = 'KZ00001';
    const forbidden: [Role | 'anonymous', 'GET' | 'POST' | 'PUT' | 'DELETE', string, unknown?][] = [
      ['anonymous', 'GET', '/api/acts'],
      ['anonymous', 'GET', `/api/persons?act=${WOMEN}`],
      ['anonymous', 'GET', `/api/persons/${person}?act=${WOMEN}`],
      ['anonymous', 'POST', '/api/what-if', { source: 'x' }],
      ['anonymous', 'GET', '/api/letter'],
      ['anonymous', 'GET', '/api/audit'],
      ['anonymous', 'GET', '/api/registries'],
      ['anonymous', 'POST', '/api/evaluations', { act: WOMEN }],
      ['researcher', 'GET', `/api/persons?act=${WOMEN}`],
      ['researcher', 'GET', `/api/persons/${person}?act=${WOMEN}`],
      ['researcher', 'GET', `/api/persons/export?act=${WOMEN}&format=csv`],
      ['researcher', 'POST', '/api/what-if', { source: 'x' }],
      ['researcher', 'POST', '/api/evaluations', { act: WOMEN }],
      ['researcher', 'POST', '/api/acts', { source: 'x' }],
      ['researcher', 'GET', '/api/audit'],
      ['researcher', 'GET', '/api/registries/imports'],
      ['admin', 'GET', `/api/persons?act=${WOMEN}`],
      ['admin', 'GET', `/api/persons/${person}?act=${WOMEN}`],
      ['admin', 'POST', '/api/what-if', { source: 'x' }],
      ['admin', 'GET', '/api/letter'],
      ['officer', 'POST', '/api/acts', { source: 'x' }],
      ['officer', 'POST', '/api/what-if', { source: 'x' }],
      ['officer', 'GET', '/api/letter'],
      ['officer', 'GET', '/api/audit'],
      ['officer', 'PUT', '/api/registries/current', { id: 'x' }],
      ['supervisor', 'POST', '/api/evaluations', { act: WOMEN }],
      ['supervisor', 'PUT', `/api/acts/${WOMEN}`, { source: 'x' }],
      ['court', 'GET', '/api/letter'],
      ['court', 'POST', '/api/what-if', { source: 'x' }],
      ['analyst', 'GET', '/api/audit'],
      ['analyst', 'GET', '/api/users'],
      ['analyst', 'POST', '/api/users', { username: 'x1', role: 'admin', password: 'a-long-password' }],
    ];
    it.each(forbidden)('%s %s %s is refused', async (role, method, url, body) => {
      const c = role === 'anonymous' ? s.anonymous : await as(role);
      const before = await refusals();
      const res = await c.request(method, url, body === undefined ? {} : { body });
      expect(res.statusCode).toBe(role === 'anonymous' ? 401 : 403);
      expect((res.json() as ErrorJson).error.code).toBe(role === 'anonymous' ? 'unauthenticated' : 'forbidden');
      expect(await refusals()).toBe(before + 1);
      const entry = (await listAudit(s.ctx.db, { limit: 1, action: 'access.refused' }))[0]!;
      expect(entry.result).toBe('refused');
      expect(entry.username).toBe(role === 'anonymous' ? null : role);
    });

    it('an officer sees the persons of their own facilities only', async () => {
      const officer = await as('officer');
      const me = (await officer.request('GET', '/api/session')).json() as { user: { facilities: string[] } };
      const res = await officer.request('GET', `/api/persons?act=${WOMEN}&limit=100000`);
      expect(res.statusCode).toBe(200);
      const list = res.json() as { total: number; rows: { facility: string; person_id: string }[] };
      expect(list.total).toBeGreaterThan(0);
      for (const r of list.rows) expect(me.user.facilities).toContain(r.facility);
      // all of them, in registry order
      const all = (await (await as('analyst')).request('GET', `/api/persons?act=${WOMEN}&limit=100000`)).json() as { rows: { facility: string; person_id: string }[] };
      expect(list.rows.map((r) => r.person_id)).toEqual(all.rows.filter((r) => me.user.facilities.includes(r.facility)).map((r) => r.person_id));
      // another facility's person
      const other = all.rows.find((r) => !me.user.facilities.includes(r.facility))!;
      const before = await refusals();
      const refused = await officer.request('GET', `/api/persons/${other.person_id}?act=${WOMEN}`);
      expect(refused.statusCode).toBe(403);
      expect((refused.json() as ErrorJson).error.code).toBe('forbidden');
      const entry = (await listAudit(s.ctx.db, { limit: 1, action: 'person.read' }))[0]!;
      expect(entry).toMatchObject({ result: 'refused', username: 'officer', target: { person_id: other.person_id } });
      expect(await refusals()).toBe(before);
      const mine = await officer.request('GET', `/api/persons/${list.rows[0]!.person_id}?act=${WOMEN}`);
      expect(mine.statusCode).toBe(200);
    });

    it('a supervisor sees the persons of their region only', async () => {
      const sup = await as('supervisor');
      const me = (await sup.request('GET', '/api/session')).json() as { user: { regions: string[] } };
      const list = (await sup.request('GET', `/api/persons?act=${LAW}&limit=100000`)).json() as { total: number; rows: { region: string; person_id: string }[] };
      expect(list.total).toBeGreaterThan(0);
      for (const r of list.rows) expect(me.user.regions).toContain(r.region);
      const all = (await (await as('analyst')).request('GET', `/api/persons?act=${LAW}&limit=100000`)).json() as { rows: { region: string; person_id: string }[] };
      expect(list.rows.map((r) => r.person_id)).toEqual(all.rows.filter((r) => me.user.regions.includes(r.region)).map((r) => r.person_id));
    });

    it('a list filtered by facility or region holds exactly the persons a full reading would, in registry order', async () => {
      type Row = { person_id: string; facility: string | null; region: string | null; status: string };
      const analyst = await as('analyst');
      const all = ((await analyst.request('GET', `/api/persons?act=${LAW}&limit=100000`)).json() as { rows: Row[] }).rows;
      const facilities = [...new Set(all.map((r) => r.facility).filter((f): f is string => f !== null))].slice(0, 3);
      const regions = [...new Set(all.map((r) => r.region).filter((f): f is string => f !== null))].slice(0, 2);
      const ids = async (query: string) => ((await analyst.request('GET', `/api/persons?act=${LAW}&limit=100000&${query}`)).json() as { rows: Row[] }).rows.map((r) => r.person_id);
      const expected = (keep: (r: Row) => boolean) => all.filter(keep).map((r) => r.person_id);
      expect(await ids(`facility=${facilities[0]}`)).toEqual(expected((r) => r.facility === facilities[0]));
      expect(await ids(`facility=${facilities.join(',')}`)).toEqual(expected((r) => r.facility !== null && facilities.includes(r.facility)));
      expect(await ids(`facility=${facilities.join(',')}&status=eligible`)).toEqual(expected((r) => r.facility !== null && facilities.includes(r.facility) && r.status === 'eligible'));
      expect(await ids(`region=${regions.join(',')}`)).toEqual(expected((r) => r.region !== null && regions.includes(r.region)));
      const facilityRegion = all.find((r) => r.facility === facilities[0])!.region;
      const elsewhere = regions.find((g) => g !== facilityRegion) ?? 'no-such-region';
      expect(await ids(`facility=${facilities[0]}&region=${elsewhere}`)).toEqual(expected((r) => r.facility === facilities[0] && r.region === elsewhere));
      expect(await ids(`facility=no-such-facility`)).toEqual([]);
    });

    it('a court sees no person before submissions exist', async () => {
      const court = await as('court');
      const list = (await court.request('GET', `/api/persons?act=${LAW}`)).json() as { total: number };
      expect(list.total).toBe(0);
      expect((await court.request('GET', `/api/persons/KZ00001?act=${LAW}`)).statusCode).toBe(403);
    });

    it('a researcher gets aggregates with small cells suppressed and no person rows', async () => {
      const analyst = await as('analyst');
      const run = (await analyst.request('POST', '/api/evaluations', { body: { act: WOMEN } })).json() as { id: string };
      const researcher = await as('researcher');
      const impact = (await researcher.request('GET', `/api/evaluations/${run.id}/impact`)).json() as Record<string, unknown>;
      const counts: number[] = [];
      const walk = (v: unknown, key: string) => {
        if (typeof v === 'number' && ['persons', 'covered', 'released', 'reduced', 'excluded'].includes(key)) counts.push(v);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(impact, '');
      expect(counts.length).toBeGreaterThan(20);
      for (const n of counts) expect(n === 0 || n >= 10).toBe(true);
      expect(impact['suppressed_cells']).toBeGreaterThan(0);
      expect(impact['suppressed_below']).toBe(10);
      expect(JSON.stringify(impact)).not.toMatch(/"person_id"/);
      const compared = (await researcher.request('POST', '/api/evaluations/compare', { body: { acts: [{ act: WOMEN }, { act: LAW }] } })).json() as { comparison: { transitions: { changes: unknown[] }[] } };
      for (const t of compared.comparison.transitions) expect(t.changes).toEqual([]);
      const letter = (await researcher.request('GET', '/api/letter')).json() as { figures: { id: string; computed: number | null }[] };
      for (const f of letter.figures) expect(f.computed === null || f.computed === 0 || f.computed >= 10).toBe(true);
    });
  });

  describe('CSRF and cross-site requests', () => {
    const draft = () => readFileSync(join(PROJECT_ROOT, 'acts', WOMEN, 'act.yaml'), 'utf8').replace(`id: ${WOMEN}`, 'id: csrf-probe');
    it('refuses a state-changing request without the CSRF token, or with a wrong one, and audits it', async () => {
      const a = await as('analyst');
      const before = await refusals();
      const none = await a.request('POST', '/api/acts', { body: { source: draft() }, csrf: false });
      const wrong = await a.request('POST', '/api/acts', { body: { source: draft() }, csrf: false, headers: { 'x-csrf-token': 'guess' } });
      expect(none.statusCode).toBe(403);
      expect(wrong.statusCode).toBe(403);
      expect((none.json() as ErrorJson).error.code).toBe('csrf');
      expect(await refusals()).toBe(before + 2);
      expect((await a.request('GET', '/api/acts/csrf-probe')).statusCode).toBe(404);
    });

    it('refuses a POST from another site even with the token', async () => {
      const a = await as('analyst');
      const res = await a.request('POST', '/api/acts', { body: { source: draft() }, headers: { origin: 'https://evil.example' } });
      expect(res.statusCode).toBe(403);
      expect((res.json() as ErrorJson).error.code).toBe('csrf');
      const fetchSite = await a.request('POST', '/api/acts', { body: { source: draft() }, headers: { 'sec-fetch-site': 'cross-site' } });
      expect(fetchSite.statusCode).toBe(403);
      expect((await a.request('GET', '/api/acts/csrf-probe')).statusCode).toBe(404);
    });
  });

  describe('bad input: a located 4xx, never a 500, nothing stored half', () => {
    it('malformed JSON', async () => {
      const a = await as('analyst');
      const res = await a.request('POST', '/api/what-if', { payload: '{"source": "id: x",\n  oops }', headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      const e = (res.json() as ErrorJson).error;
      expect(e.code).toBe('invalid_json');
      expect(e.locations[0]!.file).toBe('body');
    });

    it('wrong types and unknown fields name their JSON path', async () => {
      const a = await as('analyst');
      const wrongType = (await a.request('POST', '/api/evaluations', { body: { act: 5 } })).json() as ErrorJson;
      expect(wrongType.error.code).toBe('validation');
      expect(wrongType.error.locations.map((l) => l.path)).toContain('$.act');
      const unknown = await a.request('POST', '/api/evaluations', { body: { act: WOMEN, colour: 'red' } });
      expect(unknown.statusCode).toBe(400);
      expect(JSON.stringify(unknown.json())).toMatch(/colour/);
      const badQuery = await a.request('GET', `/api/persons?act=${WOMEN}&limit=-3`);
      expect(badQuery.statusCode).toBe(400);
      expect((badQuery.json() as ErrorJson).error.locations[0]!.path).toBe('query:$.limit');
    });

    it('an oversized body gets 413', async () => {
      const a = await as('analyst');
      const res = await a.request('POST', '/api/what-if', { payload: JSON.stringify({ source: 'x'.repeat(3 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(413);
      expect((res.json() as ErrorJson).error.code).toBe('too_large');
    });

    it('an act with errors is refused with each error at its line, and not stored', async () => {
      const a = await as('analyst');
      const count = ((await a.request('GET', '/api/acts')).json() as unknown[]).length;
      const broken = readFileSync(join(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml'), 'utf8');
      const res = await a.request('POST', '/api/acts', { body: { source: broken } });
      expect(res.statusCode).toBe(422);
      const e = (res.json() as ErrorJson).error;
      expect(e.code).toBe('invalid_act');
      expect(e.locations.length).toBeGreaterThanOrEqual(4);
      expect(e.locations.some((l) => l.line === 15 && /agee/.test(l.message ?? ''))).toBe(true);
      expect(((await a.request('GET', '/api/acts')).json() as unknown[]).length).toBe(count);
      const syntax = await a.request('POST', '/api/what-if', { body: { source: 'id: x\nclauses: [\n' } });
      expect(syntax.statusCode).toBe(422);
      expect((syntax.json() as ErrorJson).error.locations[0]!.line).toBeGreaterThan(0);
    });

    it('a bad act’s located errors come in the language asked for, each with its key (what-if and validate)', async () => {
      const a = await as('analyst');
      const broken = readFileSync(join(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml'), 'utf8');
      const expected = { kk: 'белгісіз факт немесе анықтама agee', ru: 'неизвестный факт или определение agee', en: 'unknown fact or definition agee' } as const;
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const res = await a.request('POST', `/api/what-if?lang=${lang}`, { body: { source: broken } });
        expect(res.statusCode).toBe(422);
        const e = (res.json() as ErrorJson).error;
        const agee = e.locations.find((l) => l.line === 15 && l.path === '$.clauses[0].when.all[0]');
        expect(agee?.message).toContain(expected[lang]);
        expect((agee as { key?: string } | undefined)?.key).toBe('condition.at_column');
        expect(e.locations.every((l) => !/\{\w+\}/.test(l.message ?? ''))).toBe(true);
        const checked = await a.request('POST', '/api/acts/validate', { body: { source: broken, sample: false, lang } });
        const v = checked.json() as { valid: boolean; errors: { line?: number | null; message?: string }[] };
        expect(v.valid).toBe(false);
        expect(v.errors.find((l) => l.line === 15)?.message).toContain(expected[lang]);
      }
    });

    it('an unknown endpoint, an unknown act and a person not in the registry', async () => {
      const a = await as('analyst');
      expect((await a.request('GET', '/api/nothing-here')).statusCode).toBe(404);
      expect((await a.request('GET', '/api/acts/no-such-act')).statusCode).toBe(404);
      const res = await a.request('GET', `/api/persons/NOBODY?act=${WOMEN}`, { headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(404);
      expect((res.json() as ErrorJson).error.message).toMatch(/NOBODY is not in registry/);
    });

    it('answers in the language asked for', async () => {
      const a = await as('analyst');
      const ru = (await a.request('GET', '/api/acts/no-such-act?lang=ru')).json() as ErrorJson;
      const kk = (await a.request('GET', '/api/acts/no-such-act', { headers: { 'accept-language': 'kk-KZ,kk;q=0.9' } })).json() as ErrorJson;
      expect(ru.error.message).toBe('Не найдено: акт no-such-act');
      expect(kk.error.message).toBe('Табылмады: no-such-act акті');
    });
  });

  describe('registries', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'amnestia-upload-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a file with rejected rows is not stored; every rejected row is reported', async () => {
      const a = await as('analyst');
      const before = ((await a.request('GET', '/api/registries')).json() as { registries: unknown[] }).registries.length;
      const res = await a.request('POST', '/api/registries?file_name=bad-registry.csv&wait=true', { payload: readFileSync(join(PROJECT_ROOT, 'test/fixtures/bad-registry.csv')), headers: { 'content-type': 'text/csv' } });
      expect(res.statusCode).toBe(422);
      const imp = res.json() as { id: string; status: string; rejected: number; accepted: number; registry_id: string | null };
      expect(imp).toMatchObject({ status: 'rejected', rejected: 4, accepted: 4, registry_id: null });
      const issues = (await a.request('GET', `/api/registries/imports/${imp.id}/issues?severity=error`)).json() as { total: number; issues: { row: number; column: string; rule: string }[] };
      expect(issues.issues.map((i) => i.row).sort()).toEqual([3, 4, 5, 6]);
      expect(issues.issues.find((i) => i.row === 5)).toMatchObject({ column: 'articles' });
      const byRule = (await a.request('GET', `/api/registries/imports/${imp.id}/issues?rule=person_id.duplicate`)).json() as { total: number };
      expect(byRule.total).toBe(1);
      // each detail in the language asked for, from its key and parameters, at its row and column
      type Shown = { row: number; column: string; rule: string; message: string; key: string | null; params: Record<string, string | number> | null; rule_text: string };
      const shown = async (lang: string) => ((await a.request('GET', `/api/registries/imports/${imp.id}/issues?severity=error&lang=${lang}`)).json() as { issues: Shown[] }).issues.find((i) => i.row === 5);
      const [kk, ru, en] = [await shown('kk'), await shown('ru'), await shown('en')];
      expect(kk).toMatchObject({ row: 5, column: 'articles', rule: 'articles.unknown', key: 'registry.article_not_in_table_1997', params: { article: '9999-1' } });
      expect(kk?.message).toBe('9999-1 бабы Қылмыстық кодекстің кестесінде жоқ (1997 жылғы Кодекс бойынша соттылық 1997:БАП-БӨЛІК түрінде жазылады)');
      expect(ru?.message).toMatch(/^статьи 9999-1 нет в таблице Уголовного кодекса/);
      expect(en?.message).toMatch(/^article 9999-1 is not in the Criminal Code table/);
      expect(kk?.rule_text).toBe('бап немесе бөлік кестеде жоқ');
      // a problem stored before messages had keys is shown with the English text it was stored with
      await s.ctx.db.query("UPDATE import_issues SET message = 'an old detail', message_key = NULL, message_params = NULL WHERE import_id = $1 AND row_number = 5", [imp.id]);
      const old = await shown('kk');
      expect(old).toMatchObject({ row: 5, column: 'articles', message: 'an old detail', key: null, params: null, rule_text: 'бап немесе бөлік кестеде жоқ' });
      expect(((await a.request('GET', '/api/registries')).json() as { registries: unknown[] }).registries.length).toBe(before);
      const entry = (await listAudit(s.ctx.db, { limit: 1, action: 'registry.import' }))[0]!;
      expect(entry).toMatchObject({ result: 'refused', target: { import_id: imp.id, rejected: 4 } });
    });

    it('an import stopped by an unexpected error shows a message of the catalogue in the reader’s language, its own text kept for the log', async () => {
      const a = await as('analyst');
      const file = join(dir, 'unexpected.csv');
      const law = s.ctx.env.law;
      await writeRegistryCsv(file, law.criminalCode, generatePersons(scaleProfile(loadProfile(DEFAULT_PATHS.profile), 20), law.criminalCode, s.ctx.env.facilities, { seed: 12 }));
      // A Criminal Code table that fails when read: an error of the server, not a problem of the file.
      const failing = new Proxy(law.criminalCode, {
        get() {
          throw new Error('the Criminal Code table failed when read');
        },
      });
      const ctx = { ...s.ctx, env: { ...s.ctx.env, law: { ...law, criminalCode: failing } } };
      const actor: Actor = { userId: null, username: 'analyst', role: 'analyst', facilities: [], regions: [], courts: [], ip: '127.0.0.1' };
      const { id } = await startImport(ctx, actor, 'unexpected.csv');
      const done = await runImport(ctx, actor, id, file, 'unexpected.csv');
      expect(done).toMatchObject({ status: 'failed', error: 'the Criminal Code table failed when read' });
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const view = (await a.request('GET', `/api/registries/imports/${id}?lang=${lang}`)).json() as { status: string; error: string; file_issues: { key: string | null; rule: string; message: string }[] };
        const shown = render(FILE_ERRORS['import.failed_unexpected'], lang, { file: 'unexpected.csv', id });
        expect(view).toMatchObject({ status: 'failed', error: shown, file_issues: [{ key: 'import.failed_unexpected', rule: 'import.failed', message: shown }] });
      }
      const entry = (await listAudit(s.ctx.db, { limit: 1, action: 'registry.import' }))[0]!;
      expect(entry).toMatchObject({ result: 'failed', target: { import_id: id, error: 'the Criminal Code table failed when read' } });
    });

    it('a valid file is stored whole, named by its content; the same content again is the same registry', async () => {
      const a = await as('analyst');
      const file = join(dir, 'small.csv');
      const law = s.ctx.env.law;
      await writeRegistryCsv(file, law.criminalCode, generatePersons(scaleProfile(loadProfile(DEFAULT_PATHS.profile), 150), law.criminalCode, s.ctx.env.facilities, { seed: 11 }));
      const body = readFileSync(file);
      const first = (await a.request('POST', '/api/registries?file_name=small.csv&wait=true', { payload: body, headers: { 'content-type': 'text/csv' } })).json() as { status: string; registry_id: string; accepted: number };
      expect(first.status).toBe('accepted');
      const stored = (await a.request('GET', `/api/registries/${first.registry_id}`)).json() as { persons: number };
      expect(stored.persons).toBe(first.accepted);
      const again = (await a.request('POST', '/api/registries?file_name=again.csv&wait=true', { payload: body, headers: { 'content-type': 'text/csv' } })).json() as { registry_id: string };
      expect(again.registry_id).toBe(first.registry_id);
      // persons of that registry are read from the store
      const list = (await a.request('GET', `/api/persons?act=${LAW}&registry=${first.registry_id}&limit=1000`)).json() as { total: number };
      expect(list.total).toBe(first.accepted);
    });

    it('follows an upload that runs in the background', async () => {
      const a = await as('analyst');
      const res = await a.request('POST', '/api/registries?file_name=bad.csv', { payload: readFileSync(join(PROJECT_ROOT, 'test/fixtures/bad-registry.csv')), headers: { 'content-type': 'text/csv' } });
      expect(res.statusCode).toBe(202);
      const id = (res.json() as { id: string }).id;
      let status = 'running';
      for (let k = 0; k < 100 && status === 'running'; k++) {
        await new Promise((r) => setTimeout(r, 50));
        status = ((await a.request('GET', `/api/registries/imports/${id}`)).json() as { status: string }).status;
      }
      expect(status).toBe('rejected');
    });

    it('generates a synthetic registry; the same profile and seed give the same registry', async () => {
      const a = await as('analyst');
      const first = await a.request('POST', '/api/registries/generate', { body: { persons: 200, seed: 3 } });
      expect(first.statusCode).toBe(201);
      const again = await a.request('POST', '/api/registries/generate', { body: { persons: 200, seed: 3 } });
      expect(again.statusCode).toBe(200);
      expect((again.json() as { id: string }).id).toBe((first.json() as { id: string }).id);
      expect((await a.request('POST', '/api/registries/generate', { body: { persons: 5 } })).statusCode).toBe(400);
    });

    it('refuses a file type it cannot read', async () => {
      const a = await as('analyst');
      const res = await a.request('POST', '/api/registries?file_name=registry.pdf&wait=true', { payload: Buffer.from('%PDF-1.4'), headers: { 'content-type': 'application/octet-stream' } });
      expect(res.statusCode).toBe(415);
    });
  });

  describe('acts: drafts, versions, conflicts, adoption', () => {
    it('forks a law, edits the draft with If-Match, refuses a stale write and keeps every version', async () => {
      const a = await as('analyst');
      const fork = await a.request('POST', `/api/acts/${LAW}/fork`, { body: { id: 'law-variant' } });
      expect(fork.statusCode).toBe(201);
      const etag1 = fork.headers['etag'] as string;
      const view = (await a.request('GET', '/api/acts/law-variant')).json() as { source: string; summary: { kind: string; status: string } };
      expect(view.summary).toMatchObject({ kind: 'draft', status: 'draft' });
      const edited = view.source.replace('value: 0.75', 'value: 0.5');
      expect(edited).not.toBe(view.source);
      const noMatch = await a.request('PUT', '/api/acts/law-variant', { body: { source: edited } });
      expect(noMatch.statusCode).toBe(428);
      const ok = await a.request('PUT', '/api/acts/law-variant', { body: { source: edited, note: 'medium crimes by half' }, headers: { 'if-match': etag1 } });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as { version: number }).version).toBe(2);
      const stale = await a.request('PUT', '/api/acts/law-variant', { body: { source: edited.replace('value: 0.5', 'value: 0.25') }, headers: { 'if-match': etag1 } });
      expect(stale.statusCode).toBe(409);
      expect((stale.json() as ErrorJson).error.details).toMatchObject({ current_version: 2 });
      const versions = (await a.request('GET', '/api/acts/law-variant/versions')).json() as { version: number; author: string }[];
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
      expect(versions[0]!.author).toBe('analyst');
      type Part = { kind: string; id: string; label: unknown; change: string; fields: { field: string; before: unknown; after: unknown }[] };
      const diff = (await a.request('GET', '/api/acts/law-variant/diff?from=1&to=2')).json() as { parts: Part[] };
      const changed = diff.parts.filter((p) => p.change === 'changed');
      expect(changed.find((p) => p.kind === 'parameter')).toEqual({
        kind: 'parameter',
        id: 'medium_reduction',
        ref: null,
        label: { kk: 'орташа ауырлықтағы қылмыстар бойынша қысқарту үлесі', ru: 'доля сокращения (средней тяжести)', en: 'reduction fraction, medium crimes' },
        change: 'changed',
        fields: [{ field: 'value', before: { text: '0.75', number: 0.75 }, after: { text: '0.5', number: 0.5 } }],
      });
      // the clauses whose measure takes that parameter changed with it, the measure as data (not JSON text); nothing else did
      const clauses = changed.filter((p) => p.kind === 'clause');
      expect(clauses.length).toBeGreaterThan(0);
      for (const c of clauses) {
        expect(c.fields).toEqual([
          {
            field: 'measure',
            before: { code: 'reduce_unserved', label: MEASURE_LABELS.reduce_unserved, fraction: 0.75, fraction_text: '3/4' },
            after: { code: 'reduce_unserved', label: MEASURE_LABELS.reduce_unserved, fraction: 0.5, fraction_text: '1/2' },
          },
        ]);
      }
      expect(changed.length).toBe(clauses.length + 1);
      const mismatch = await a.request('PUT', '/api/acts/law-variant', { body: { source: edited.replace('id: law-variant', 'id: other-id') }, headers: { 'if-match': ok.headers['etag'] as string } });
      expect(mismatch.statusCode).toBe(400);
    });

    it('a law is frozen; adopting a draft freezes it', async () => {
      const a = await as('analyst');
      const law = await a.request('GET', `/api/acts/${LAW}`);
      const frozen = await a.request('PUT', `/api/acts/${LAW}`, { body: { source: (law.json() as { source: string }).source }, headers: { 'if-match': law.headers['etag'] as string } });
      expect(frozen.statusCode).toBe(409);
      expect((frozen.json() as ErrorJson).error.code).toBe('frozen');
      const fork = await a.request('POST', `/api/acts/${WOMEN}/fork`, { body: { id: 'to-adopt' } });
      const adopted = await a.request('POST', '/api/acts/to-adopt/adopt', { headers: { 'if-match': fork.headers['etag'] as string } });
      expect(adopted.statusCode).toBe(200);
      expect(adopted.json()).toMatchObject({ kind: 'law', status: 'law', version: 2 });
      const again = await a.request('PUT', '/api/acts/to-adopt', { body: { source: 'id: to-adopt' }, headers: { 'if-match': adopted.headers['etag'] as string } });
      expect(again.statusCode).toBe(409);
    });

    it('the literate view puts each clause’s text beside its condition and measure', async () => {
      const a = await as('analyst');
      const view = (await a.request('GET', `/api/acts/${LAW}`)).json() as { clauses: { ref: string; text: { kk: string; ru: string }; criteria: { condition: string }[]; measure: { code: string } }[]; unverified: unknown[] };
      expect(view.clauses.length).toBeGreaterThan(3);
      for (const c of view.clauses) {
        expect(c.text.kk.length).toBeGreaterThan(0);
        expect(c.text.ru.length).toBeGreaterThan(0);
        expect(c.criteria.length).toBeGreaterThan(0);
      }
      expect(view.unverified.length).toBeGreaterThan(0);
    });

    it('validates a text without storing it', async () => {
      const a = await as('analyst');
      const broken = readFileSync(join(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml'), 'utf8');
      const r = (await a.request('POST', '/api/acts/validate', { body: { source: broken } })).json() as { valid: boolean; errors: { line: number }[] };
      expect(r.valid).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
      const ok = (await a.request('POST', '/api/acts/validate', { body: { source: readFileSync(join(PROJECT_ROOT, 'acts', WOMEN, 'act.yaml'), 'utf8') } })).json() as { valid: boolean };
      expect(ok.valid).toBe(true);
    });
  });

  describe('evaluations and what-if', () => {
    it('a run is stored with its provenance, and the same inputs give the same run', async () => {
      const a = await as('analyst');
      const first = await a.request('POST', '/api/evaluations', { body: { act: LAW } });
      expect([200, 201]).toContain(first.statusCode);
      const run = first.json() as { id: string; act: { hash: string }; law: { hash: string; files: { path: string }[] }; engine_version: string; as_of: string; summary: { by_status: Record<string, number> } };
      expect(run.law.files.map((f) => f.path)).toEqual(expect.arrayContaining(['law/criminal-code.yaml', 'law/parameters.yaml', 'data/facilities-kz.yaml', 'reports/impact-kz.yaml']));
      expect(run.engine_version).toMatch(/\+[0-9a-f]{12}$/);
      const second = await a.request('POST', '/api/evaluations', { body: { act: LAW } });
      expect(second.statusCode).toBe(200);
      expect((second.json() as { id: string }).id).toBe(run.id);
      const impact = (await a.request('GET', `/api/evaluations/${run.id}/impact`)).json() as { schema: string; acts: { outcomes: { by_status: Record<string, number> } }[] };
      expect(impact.schema).toBe('amnestia.impact/1');
      expect(impact.acts[0]!.outcomes.by_status).toEqual(run.summary.by_status);
      const persons = (await a.request('GET', `/api/persons?run=${run.id}&status=eligible&limit=1`)).json() as { total: number };
      expect(persons.total).toBe(run.summary.by_status['eligible']);
      const entry = (await listAudit(s.ctx.db, { limit: 5, action: 'evaluation.run' }))[0]!;
      expect(entry.target).toMatchObject({ run_id: run.id, act_id: LAW });
    });

    it('compares acts with a transition matrix whose cells lead to their persons', async () => {
      const a = await as('analyst');
      const report = (await a.request('POST', '/api/evaluations/compare', { body: { acts: [{ act: WOMEN }, { act: LAW }], changes: 5 } })).json() as {
        comparison: { transitions: { kinds: string[]; matrix: number[][] }[] };
      };
      const t = report.comparison.transitions[0]!;
      const from = t.kinds.indexOf('release');
      const to = t.kinds.indexOf('none');
      const cell = t.matrix[from]![to]!;
      const persons = (await a.request('GET', `/api/persons?act=${WOMEN}&kind=release&compare_act=${LAW}&compare_kind=none&limit=1`)).json() as { total: number };
      expect(persons.total).toBe(cell);
      const bad = await a.request('POST', '/api/evaluations/compare', { body: { acts: [{ act: WOMEN }] } });
      expect(bad.statusCode).toBe(400);
    });

    it('what-if evaluates an unsaved draft and stores nothing', async () => {
      const a = await as('analyst');
      const runsBefore = ((await a.request('GET', '/api/evaluations?limit=500')).json() as unknown[]).length;
      const text = readFileSync(join(PROJECT_ROOT, 'acts', LAW, 'act.yaml'), 'utf8');
      const base = (await a.request('POST', '/api/what-if', { body: { source: text } })).json() as { headline: { covered: number; days_remitted: number; saved_first_year: { total: number }[] } };
      const halved = (await a.request('POST', '/api/what-if', { body: { source: text.replace(/value: 0\.75/g, 'value: 0.25'), sections: ['coverage'] } })).json() as {
        headline: { covered: number; days_remitted: number };
        sections: { coverage: { custody: unknown[] } };
      };
      expect(base.headline.covered).toBeGreaterThan(0);
      expect(halved.headline.covered).toBe(base.headline.covered);
      expect(halved.headline.days_remitted).toBeLessThan(base.headline.days_remitted);
      expect(halved.sections.coverage.custody.length).toBeGreaterThan(0);
      expect(base.headline.saved_first_year.length).toBe(2);
      expect(((await a.request('GET', '/api/evaluations?limit=500')).json() as unknown[]).length).toBe(runsBefore);
    });
  });

  describe('persons', () => {
    it('lists, filters, sorts and exports persons, auditing each read with its query and count', async () => {
      const a = await as('analyst');
      const list = (await a.request('GET', `/api/persons?act=${LAW}&status=eligible&sort=days_remitted&order=desc&limit=50`)).json() as { total: number; rows: { status: string; days_remitted: number | null }[] };
      expect(list.rows.length).toBeGreaterThan(0);
      for (const r of list.rows) expect(r.status).toBe('eligible');
      const days = list.rows.map((r) => r.days_remitted ?? -1);
      expect([...days].sort((x, y) => y - x)).toEqual(days);
      const entry = (await listAudit(s.ctx.db, { limit: 1, action: 'persons.list' }))[0]!;
      expect(entry.target).toMatchObject({ count: list.total, returned: list.rows.length, act_id: LAW });
      const csv = await a.request('GET', `/api/persons/export?act=${LAW}&status=eligible&format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body.trim().split('\n').length).toBe(list.total + 1);
      expect((await listAudit(s.ctx.db, { limit: 1, action: 'persons.export' }))[0]!.target).toMatchObject({ count: list.total });
      const xlsx = await a.request('GET', `/api/persons/export?act=${LAW}&status=eligible&format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('shows one person with the explanation in Kazakh, Russian or English, and audits the read', async () => {
      const a = await as('analyst');
      const first = ((await a.request('GET', `/api/persons?act=${LAW}&status=eligible&limit=1`)).json() as { rows: { person_id: string }[] }).rows[0]!.person_id;
      const kk = (await a.request('GET', `/api/persons/${first}?act=${LAW}&lang=kk`)).json() as { outcome: { status: string }; explanation: { lang: string; text: string }; record: Record<string, string> };
      const ru = (await a.request('GET', `/api/persons/${first}?act=${LAW}&lang=ru`)).json() as { explanation: { text: string } };
      expect(kk.outcome.status).toBe('eligible');
      expect(kk.explanation.lang).toBe('kk');
      expect(kk.explanation.text).toMatch(/[әғқңөұүһі]/i);
      expect(ru.explanation.text).toMatch(/Статус|статус|Решение|решение|Итог|Лицо|лицо/);
      expect(kk.record['person_id']).toBe(first);
      const entry = (await listAudit(s.ctx.db, { limit: 1, personId: first }))[0]!;
      expect(entry).toMatchObject({ action: 'person.read', username: 'analyst', result: 'ok', target: { person_id: first } });
    });

    it('audits each of many persons read at once exactly once, in one chain that verifies', async () => {
      const a = await as('analyst');
      const ids = ((await a.request('GET', `/api/persons?act=${WOMEN}&limit=40`)).json() as { rows: { person_id: string }[] }).rows.map((r) => r.person_id);
      const before = (await listAudit(s.ctx.db, { limit: 1 }))[0]!.seq;
      // Twice each person, every request in flight together: their entries are written in groups.
      const answers = await Promise.all([...ids, ...ids].map((id) => a.request('GET', `/api/persons/${id}?act=${WOMEN}&lang=en`)));
      expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
      const entries = await listAudit(s.ctx.db, { limit: 1000, after: before, action: 'person.read' });
      const counts = new Map<string, number>();
      for (const e of entries) counts.set(String(e.target['person_id']), (counts.get(String(e.target['person_id'])) ?? 0) + 1);
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(ids.map((id) => [id, 2])));
      expect(await verifyAudit(s.ctx.db)).toMatchObject({ ok: true });
    });
  });

  describe('documents', () => {
    it('the reply letter and its annex, for the roles that write them', async () => {
      const a = await as('analyst');
      const docx = await a.request('GET', `/api/documents/letter?act=${WOMEN}&lang=kk`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const annex = await a.request('GET', `/api/documents/annex?acts=${WOMEN},${LAW}&lang=ru`);
      expect(annex.statusCode).toBe(200);
      expect(annex.headers['content-type']).toMatch(/spreadsheetml/);
      for (const role of ['researcher', 'officer', 'admin'] as const) expect((await (await as(role)).request('GET', `/api/documents/letter?act=${WOMEN}`)).statusCode).toBe(403);
      expect((await a.request('GET', `/api/documents/letter?act=${WOMEN}&lang=en`)).statusCode).toBe(400);
    });

    it('a submission to court for a person the act covers, refused with the reason for one it does not; both audited', async () => {
      const a = await as('analyst');
      const eligible = ((await a.request('GET', `/api/persons?act=${LAW}&status=eligible&limit=1`)).json() as { rows: { person_id: string }[] }).rows[0]!.person_id;
      const pdf = await a.request('GET', `/api/documents/submission/${eligible}?act=${LAW}&lang=ru&format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await listAudit(s.ctx.db, { limit: 1, action: 'document.submission' }))[0]).toMatchObject({ result: 'ok', target: { person_id: eligible } });
      const notCovered = ((await a.request('GET', `/api/persons?act=${LAW}&status=not_covered&limit=1`)).json() as { rows: { person_id: string }[] }).rows[0]!.person_id;
      const refusedDoc = await a.request('GET', `/api/documents/submission/${notCovered}?act=${LAW}&lang=kk`);
      expect(refusedDoc.statusCode).toBe(422);
      expect((refusedDoc.json() as ErrorJson).error.code).toBe('not_applicable');
      expect((await listAudit(s.ctx.db, { limit: 1, action: 'document.submission' }))[0]).toMatchObject({ result: 'refused', target: { person_id: notCovered } });
    });

    it('an officer makes the submissions and the list of their own facility only', async () => {
      const officer = await as('officer');
      const me = (await officer.request('GET', '/api/session')).json() as { user: { facilities: string[] } };
      const facility = me.user.facilities[0]!;
      const job = await officer.request('POST', '/api/documents/submissions', { body: { act: LAW, facility, lang: 'kk', format: 'docx' } });
      expect(job.statusCode).toBe(202);
      const id = (job.json() as { id: string }).id;
      let view: { status: string; produced: number; file: string | null } = { status: 'running', produced: 0, file: null };
      for (let k = 0; k < 600 && view.status === 'running'; k++) {
        await new Promise((r) => setTimeout(r, 100));
        view = (await officer.request('GET', `/api/documents/jobs/${id}`)).json() as typeof view;
      }
      expect(view.status).toBe('done');
      if (view.produced > 0) {
        const zip = await officer.request('GET', view.file!);
        expect(zip.statusCode).toBe(200);
        expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
      }
      const entry = (await listAudit(s.ctx.db, { limit: 1, action: 'document.submissions' }))[0]!;
      expect(entry.target).toMatchObject({ facility });
      expect((entry.target['person_ids'] as string[]).length).toBe(view.produced);
      // another user cannot fetch this job's file
      expect((await (await as('analyst')).request('GET', `/api/documents/jobs/${id}`)).statusCode).toBe(404);
      const list = await officer.request('GET', `/api/documents/facility-list?act=${LAW}&facility=${facility}&lang=ru`);
      expect(list.statusCode).toBe(200);
      const other = s.ctx.env.facilities.facilities.find((f) => !me.user.facilities.includes(f.code))!.code;
      expect((await officer.request('POST', '/api/documents/submissions', { body: { act: LAW, facility: other } })).statusCode).toBe(403);
      expect((await officer.request('GET', `/api/documents/facility-list?act=${LAW}&facility=${other}`)).statusCode).toBe(403);
    });
  });

  describe('the letter and the audit log', () => {
    it('computes the letter’s table from the current registry', async () => {
      const a = await as('analyst');
      const letter = (await a.request('GET', '/api/letter?lang=en')).json() as { figures: { id: string }[]; audits: unknown[] };
      expect(letter.figures.map((f) => f.id)).toEqual(expect.arrayContaining(['F1', 'F2', 'F18']));
      expect(letter.audits.length).toBeGreaterThan(0);
    });

    it('admins read the audit log and check its chain', async () => {
      const admin = await as('admin');
      const entries = (await admin.request('GET', '/api/audit?limit=20')).json() as { seq: number; prev_hash: string; hash: string }[];
      expect(entries.length).toBe(20);
      for (let k = 0; k + 1 < entries.length; k++) expect(entries[k]!.prev_hash, JSON.stringify(entries.slice(k, k + 2))).toBe(entries[k + 1]!.hash);
      const v = (await admin.request('GET', '/api/audit/verify')).json() as { ok: boolean; entries: number };
      expect(v.ok).toBe(true);
      expect((await verifyAudit(s.ctx.db)).ok).toBe(true);
    });

    it('admins manage users; a disabled user’s session ends', async () => {
      const admin = await as('admin');
      const created = await admin.request('POST', '/api/users', { body: { username: 'officer2', role: 'officer', password: 'long-enough-password', facilities: ['W-02'] } });
      expect(created.statusCode).toBe(201);
      const noScope = await admin.request('POST', '/api/users', { body: { username: 'officer3', role: 'officer', password: 'long-enough-password' } });
      expect(noScope.statusCode).toBe(400);
      const badFacility = await admin.request('POST', '/api/users', { body: { username: 'officer4', role: 'officer', password: 'long-enough-password', facilities: ['X-99'] } });
      expect(badFacility.statusCode).toBe(400);
      const dup = await admin.request('POST', '/api/users', { body: { username: 'officer2', role: 'officer', password: 'long-enough-password', facilities: ['W-02'] } });
      expect(dup.statusCode).toBe(409);
      const login = await s.anonymous.request('POST', '/api/session', { body: { username: 'officer2', password: 'long-enough-password' } });
      const cookie = `amnestia_session=${login.cookies.find((c) => c.name === 'amnestia_session')!.value}`;
      expect((await s.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
      const id = (created.json() as { id: number }).id;
      expect((await admin.request('PATCH', `/api/users/${id}`, { body: { disabled: true } })).statusCode).toBe(200);
      expect((await s.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    });
  });

  describe('an upload over the limit', () => {
    it('is refused with 413, and the failed import says why in the language of the reader', async () => {
      const app = await buildServer(s.ctx, serverOptions({ secureCookies: false, logger: false, webRoot: null }, { uploadLimit: 900 }));
      try {
        const login = await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'analyst', password: s.passwords.analyst }) });
        const cookie = `amnestia_session=${login.cookies.find((c) => c.name === 'amnestia_session')!.value}`;
        const csrf = (login.json() as { csrf_token: string }).csrf_token;
        const res = await app.inject({ method: 'POST', url: '/api/registries?file_name=big.csv', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' }, payload: Buffer.alloc(5000, 0x61) });
        expect(res.statusCode).toBe(413);
        const imports = (await app.inject({ method: 'GET', url: '/api/registries/imports?lang=kk', headers: { cookie } })).json() as { id: string; file_name: string; status: string; error: string | null }[];
        const failed = imports.find((i) => i.file_name === 'big.csv');
        expect(failed).toMatchObject({ status: 'failed', error: 'жүктелетін файл тым үлкен: ең көбі 900 байт' });
        const inRussian = (await app.inject({ method: 'GET', url: `/api/registries/imports/${failed!.id}?lang=ru`, headers: { cookie } })).json() as { error: string };
        expect(inRussian.error).toBe('загружаемый файл слишком велик: не больше 900 байт');
      } finally {
        await app.close();
      }
    });
  });

  describe('sign-in is rate-limited', () => {
    it('answers 429 after too many attempts from one address', async () => {
      const app = await buildServer(s.ctx, serverOptions({ secureCookies: false, logger: false, webRoot: null }, { signInPerMinute: 5 }));
      try {
        const codes: number[] = [];
        for (let k = 0; k < 7; k++)
          codes.push((await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'admin', password: `wrong-${k}` }) })).statusCode);
        expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
      } finally {
        await app.close();
      }
    });
  });
});
