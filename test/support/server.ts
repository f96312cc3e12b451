/**
 * A server for tests: a fresh store (PGlite in memory, or a schema of its own on the PostgreSQL
 * server), one user per role with their passwords, a small synthetic registry, the shipped acts —
 * and requests made through Fastify's inject (no network), with sessions and CSRF like a browser.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/app/context.ts';
import type { Role } from '../../src/app/roles.ts';
import { buildServer, type Api } from '../../src/server/server.ts';
import { prepare, serverOptions } from '../../src/server/serve.ts';
import { dropSchema, type StoreKind } from './stores.ts';

export interface TestServer {
  app: Api;
  ctx: AppContext;
  passwords: Record<Role, string>;
  /** Signs in and returns a client that sends the session cookie and the CSRF token. */
  signIn(role: Role): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  cookie: string | null;
  csrf: string | null;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, options?: { body?: unknown; headers?: Record<string, string>; payload?: string | Buffer; csrf?: boolean }): Promise<LightMyRequestResponse>;
}

function client(app: Api, cookie: string | null, csrf: string | null): Client {
  return {
    cookie,
    csrf,
    request(method, url, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (cookie) headers['cookie'] = cookie;
      if (csrf && method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = csrf;
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      return app.inject({ method, url, headers, ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : options.payload !== undefined ? { payload: options.payload } : {}) });
    },
  };
}

export async function startTestServer(kind: StoreKind, options: { persons?: number } = {}): Promise<TestServer> {
  const prepared = await prepare({ dataDir: null, databaseUrl: kind.databaseUrl, ...(kind.schema ? { schema: kind.schema } : {}), registryPersons: options.persons ?? 3000 });
  const app = await buildServer(prepared.ctx, serverOptions({ secureCookies: false, logger: false, webRoot: null }, { signInPerMinute: 10_000 }));
  await app.ready();
  const passwords = Object.fromEntries(prepared.users.map((u) => [u.role, u.password])) as Record<Role, string>;
  return {
    app,
    ctx: prepared.ctx,
    passwords,
    anonymous: client(app, null, null),
    async signIn(role) {
      const res = await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: role, password: passwords[role] }) });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${role} failed: ${res.statusCode} ${res.body}`);
      const set = res.cookies.find((c) => c.name === 'amnestia_session');
      return client(app, set ? `amnestia_session=${set.value}` : null, (res.json() as { csrf_token: string }).csrf_token);
    },
    async close() {
      await app.close();
      await prepared.ctx.db.close();
      if (kind.schema) await dropSchema(kind.schema);
    },
  };
}

/** Signs each role in once and keeps its client: `as(role)` for a server made later (in beforeAll). */
export function signedIn(server: () => TestServer): (role: Role) => Promise<Client> {
  const clients = new Map<Role, Client>();
  return async (role) => {
    let c = clients.get(role);
    if (!c) {
      c = await server().signIn(role);
      clients.set(role, c);
    }
    return c;
  };
}
