/**
 * The person list's answer, written from the columns, is byte for byte `JSON.stringify` of the list
 * with its rows built as objects as the list built them before (test/support/person-row-reference.ts):
 * across roles and their scopes, filters, sorts and pages, every read audited. Also: a buffer reused
 * for a later answer does not change an earlier one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/app/roles.ts';
import { resolveOutcomes } from '../../src/app/persons.ts';
import { referenceRow } from '../support/person-row-reference.ts';
import { listAudit } from '../../src/store/audit.ts';
import { pooledBuffers } from '../../src/server/json-bytes.ts';
import { signedIn, startTestServer, type Client, type TestServer } from '../support/server.ts';

const WOMEN = 'kz-2025-women-proposal';
const LAW = 'kz-2025-constitution-30';

interface ListJson {
  act: unknown;
  registry: unknown;
  as_of: string;
  run: string | null;
  total: number;
  offset: number;
  rows: { person_id: string }[];
}

describe('the person list written from the columns', () => {
  let s: TestServer;
  const as = signedIn(() => s);

  beforeAll(async () => {
    s = await startTestServer({ name: 'pglite', databaseUrl: undefined, schema: undefined });
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  /** The answer's bytes and those of JSON.stringify of the same list with its rows as plain objects. */
  async function compare(role: Role, act: string, query: string): Promise<ListJson> {
    const before = (await listAudit(s.ctx.db, { limit: 100_000, action: 'persons.list' })).length;
    const res = await (await as(role)).request('GET', `/api/persons?act=${act}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const list = res.json() as ListJson;
    const r = await resolveOutcomes(s.ctx, { act });
    const rows = list.rows.map(({ person_id }) => referenceRow(r.registry, r.outcomes, r.plan, r.registry.indexOf(person_id)));
    expect(res.rawPayload.equals(Buffer.from(JSON.stringify({ ...list, rows }), 'utf8'))).toBe(true);
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    // Every read is still audited, with the count.
    const after = await listAudit(s.ctx.db, { limit: 100_000, action: 'persons.list' });
    expect(after.length).toBe(before + 1);
    expect(after[0]!.target['count']).toBe(list.total);
    return list;
  }

  it('answers the same bytes for every role with persons, filters, sorts and pages', async () => {
    const queries = [
      'limit=100000',
      'limit=100000&sort=last_name&order=desc',
      'status=eligible,excluded&limit=500&offset=10',
      'almost=any&sort=days_remitted',
      'sex=F&custody=institution&sort=new_end&order=desc&limit=3000',
      `q=${encodeURIComponent('Ж')}&limit=50`,
      'q=kz0000&limit=50',
      'sort=facility&limit=100000',
    ];
    for (const role of ['analyst', 'officer', 'supervisor', 'court'] as const)
      for (const act of [WOMEN, LAW]) for (const q of queries) await compare(role, act, q);
    // Roles without persons.read get no rows at all.
    for (const role of ['admin', 'researcher'] as const) expect((await (await as(role)).request('GET', `/api/persons?act=${WOMEN}`)).statusCode).toBe(403);
  }, 120_000);

  it('keeps each scope: an officer sees only their facilities, a supervisor their regions', async () => {
    const all = await compare('analyst', WOMEN, 'limit=100000');
    const officer = await compare('officer', WOMEN, 'limit=100000');
    const mine = ((await (await as('officer')).request('GET', '/api/session')).json() as { user: { facilities: string[] } }).user.facilities;
    const byId = new Map(all.rows.map((r) => [r.person_id, r as { person_id: string; facility?: string | null }]));
    for (const r of officer.rows) expect(mine).toContain(byId.get(r.person_id)!.facility);
    const facility = byId.get(all.rows[0]!.person_id)!.facility!;
    const one = await compare('analyst', LAW, `facility=${encodeURIComponent(facility)}&limit=100000`);
    expect(one.total).toBeGreaterThan(0);
  }, 60_000);

  it('does not change an answer already given when its buffer is written into again', async () => {
    const a = await (await as('analyst')).request('GET', `/api/persons?act=${WOMEN}&limit=100000`);
    const copy = Buffer.from(a.rawPayload);
    // The answer's buffer went back to the pool once sent, and is written into again below.
    expect(pooledBuffers()).toBeGreaterThan(0);
    for (let k = 0; k < 6; k++) await (await as('analyst')).request('GET', `/api/persons?act=${LAW}&limit=${100 + k * 300}&sort=last_name`);
    expect(a.rawPayload.equals(copy)).toBe(true);
  }, 60_000);
});
