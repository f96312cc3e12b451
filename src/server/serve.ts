/**
 * Starting the product: open the store (PGlite in the data folder, or DATABASE_URL), apply the
 * migrations, make sure there are users, a registry and acts, then serve the API (and the web app
 * when it is built). What it prints is in the chosen language.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureActs } from '../app/acts.ts';
import { ComputePool } from '../app/compute-pool.ts';
import { createContext, type AppContext } from '../app/context.ts';
import { loadSecurityPolicy } from '../app/security.ts';
import { loadDisclosure } from '../app/disclosure.ts';
import { loadEnvironment } from '../app/environment.ts';
import { ensureRegistry } from '../app/registries.ts';
import { ensureUsers, type InitialUser } from '../app/users.ts';
import { render, type Lang } from '../i18n/text.ts';
import { SERVE_MESSAGES as M } from '../i18n/serve.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { openStore } from '../store/open.ts';
import type { RegistryInfo } from '../store/registries.ts';
import { redactUrl } from '../store/postgres.ts';
import { buildServer, type Api, type ServerOptions } from './server.ts';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  lang: Lang;
  secureCookies: boolean;
  logger: boolean;
  /** The built web app (web/dist), served at / when it exists. */
  webRoot: string | null;
  /** Persons of the synthetic registry loaded into an empty store (default: the national profile's own size). */
  registryPersons?: number | undefined;
  /** Worker threads for what-if (0: inline on the HTTP thread). */
  threads: number;
}

/** Two worker threads where there are two cores or more: the editor's evaluations use every core. */
export const DEFAULT_THREADS = Math.min(2, Math.max(1, availableParallelism()));

export const DEFAULT_DATA_DIR = '.amnestia';
export const DEFAULT_PORT = 8080;
export const DEFAULT_WEB_ROOT = join(PROJECT_ROOT, 'web', 'dist');

export interface Started {
  ctx: AppContext;
  app: Api;
  url: string;
  users: InitialUser[];
  passwordsFile: string | null;
  close(): Promise<void>;
}

/** Opens the store and the context, and fills an empty store (users, the default registry, the shipped acts). */
export async function prepare(options: { dataDir: string | null; databaseUrl: string | undefined; schema?: string; registryPersons?: number }): Promise<{
  ctx: AppContext;
  users: InitialUser[];
  passwordsFile: string | null;
  registryCreated: RegistryInfo | null;
  actsImported: string[];
}> {
  const dataDir = options.dataDir === null ? null : resolve(options.dataDir);
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const env = loadEnvironment();
  const db = await openStore({ databaseUrl: options.databaseUrl, dataDir, pgliteThread: true, warmPool: true, ...(options.schema ? { schema: options.schema } : {}) });
  const ctx = createContext(env, db, dataDir === null ? {} : { tmpDir: join(dataDir, 'tmp') });
  const users = await ensureUsers(ctx, dataDir);
  const registry = await ensureRegistry(ctx, options.registryPersons);
  const acts = await ensureActs(ctx);
  return { ctx, users: users.created, passwordsFile: users.file, registryCreated: registry.created, actsImported: acts };
}

export function serverOptions(o: Pick<ServeOptions, 'secureCookies' | 'logger' | 'webRoot'>, overrides: Partial<ServerOptions> = {}): ServerOptions {
  return {
    secureCookies: o.secureCookies,
    bodyLimit: 2 * 1024 * 1024,
    uploadLimit: 2 * 1024 * 1024 * 1024,
    signInPerMinute: loadSecurityPolicy().signInPerMinute,
    webRoot: o.webRoot,
    disclosure: loadDisclosure(),
    logger: o.logger,
    trustProxy: false,
    ...overrides,
  };
}

export async function serve(options: ServeOptions, print: (line: string) => void): Promise<Started> {
  const t = (key: keyof typeof M, params: Record<string, string | number> = {}) => render(M[key], options.lang, params);
  print(t('opening', { store: options.databaseUrl ? redactUrl(options.databaseUrl) : `PGlite, ${resolve(options.dataDir)}` }));
  const { ctx, users, passwordsFile, registryCreated, actsImported } = await prepare({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, ...(options.registryPersons !== undefined ? { registryPersons: options.registryPersons } : {}) });
  if (registryCreated) print(t('registryCreated', { persons: registryCreated.persons }));
  if (actsImported.length > 0) print(t('actsImported', { acts: actsImported.join(', ') }));
  if (options.threads > 0) ctx.pool = await ComputePool.start(options.threads);
  const app = await buildServer(ctx, serverOptions(options));
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    await ctx.pool?.close();
    await ctx.db.close();
    throw e;
  }
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${options.port}/`;
  print(t('listening', { url }));
  print(t('docs', { url: `${url}api/docs` }));
  if (users.length > 0) {
    print(t('usersCreated'));
    for (const u of users) print(`  ${u.username.padEnd(11)} ${u.password}${u.scope ? `   (${u.scope})` : ''}`);
    if (passwordsFile) print(t('usersFile', { file: passwordsFile }));
  } else print(t('usersExisting', { file: join(resolve(options.dataDir), 'initial-passwords.txt') }));
  return {
    ctx,
    app,
    url,
    users,
    passwordsFile,
    async close() {
      await app.close();
      await ctx.pool?.close();
      await ctx.db.close();
    },
  };
}
