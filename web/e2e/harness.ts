/**
 * What the browser tests, the screenshots and the keystroke benchmark share: the real server on an
 * embedded store (PGlite in a temporary folder, a free port), the built web app, and Debian's
 * Chromium driven by playwright-core with a fresh profile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../../src/server/server.ts';
import { prepare, serverOptions } from '../../src/server/serve.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

export const CHROMIUM = process.env['AMNESTIA_CHROMIUM'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const NO_CHROMIUM_MESSAGE = `browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`;

/** Builds web/dist if its sources changed (in a child process: Vite 8 is not the Vite that runs the tests). */
export function buildWeb(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/build-web.ts')], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`the web app did not build (exit ${r.status})`);
}

export interface RunningServer {
  url: string;
  passwords: Record<string, string>;
  dataDir: string;
  close(): Promise<void>;
}

/** The server as `amnestia serve` runs it, on a fresh embedded store and a free port. */
export async function startServer(options: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'amnestia-web-'));
  const { ctx, users } = await prepare({ dataDir, databaseUrl: undefined });
  const app = await buildServer(ctx, { ...serverOptions({ secureCookies: false, logger: false, webRoot: join(PROJECT_ROOT, 'web', 'dist') }), signInPerMinute: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    passwords: Object.fromEntries(users.map((u) => [u.username, u.password])),
    dataDir,
    async close() {
      await app.close();
      await ctx.db.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'amnestia-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport,
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chooses the language, then signs in through the form; waits for the home page. */
export async function signIn(page: Page, server: RunningServer, username: string, lang: 'kk' | 'ru' | 'en' = 'en'): Promise<void> {
  // One user at a time in a browser profile: whoever was signed in before is signed out.
  await page.context().clearCookies();
  await page.goto(`${server.url}/signin`);
  await page.locator(`[data-lang="${lang}"]`).click();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(server.passwords[username] ?? '');
  await page.locator('form button[type="submit"]').click();
  await page.locator('[data-testid="user"]').waitFor();
}
