/**
 * Screenshots of every page of the web app in kk, ru and en, into docs/screenshots/ (linked from the
 * README). Starts the server on a fresh embedded store, or uses a running one:
 *   npm run screenshots                                   # its own server
 *   npm run screenshots -- --url http://127.0.0.1:8080 --passwords .amnestia/initial-passwords.txt
 *   npm run screenshots -- --only editor,impact --lang en # some pages, one language
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/paths.ts';
import { buildWeb, CHROMIUM, hasChromium, launchBrowser, signIn, startServer, type RunningServer } from '../web/e2e/harness.ts';

type Lang = 'kk' | 'ru' | 'en';
const OUT = join(PROJECT_ROOT, 'docs', 'screenshots');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Shot {
  name: string;
  user: 'analyst' | 'researcher';
  /** Opens the page and waits until it shows what it should. */
  open(page: Page, base: string): Promise<void>;
}

/** The draft the editor shot forks and saves, and the history shot compares (one per language). */
let forkId = '';

const settle = (page: Page) => page.waitForLoadState('networkidle').then(() => page.waitForTimeout(400));

const SHOTS: Shot[] = [
  { name: 'signin', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/signin`); } },
  { name: 'home', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/`); await settle(page); } },
  {
    name: 'registry-report',
    user: 'analyst',
    open: async (page, base) => {
      await page.goto(`${base}/registries`);
      await page.locator('input[type="file"]').setInputFiles(join(PROJECT_ROOT, 'test/fixtures/bad-registry.csv'));
      await page.locator('form button[type="submit"].primary').click();
      await page.waitForURL(/\/registries\/imports\//, { timeout: 60_000 });
      await page.locator('[data-testid="issues"] tbody tr').first().waitFor();
      await settle(page);
    },
  },
  { name: 'registries', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/registries`); await settle(page); } },
  { name: 'acts', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/acts`); await settle(page); } },
  { name: 'literate', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/acts/kz-2025-constitution-30`); await page.locator('[data-clause]').first().waitFor(); await page.locator('#h-clauses').scrollIntoViewIfNeeded(); await settle(page); } },
  {
    name: 'editor',
    user: 'analyst',
    open: async (page, base) => {
      forkId = `women-proposal-variant-${Date.now().toString(36)}`;
      await page.goto(`${base}/acts/kz-2025-women-proposal`);
      await page.locator('section[aria-labelledby="h-fork"] input[name="fork-id"]').fill(forkId);
      await page.locator('section[aria-labelledby="h-fork"] button[type="submit"]').click();
      await page.waitForURL(/\/edit$/);
      await page.locator('[data-figure="covered"]').waitFor();
      await page.locator('input[data-number-field="parameters.grave_reduction"]').fill('0.4');
      await page.locator('.chart-card').first().waitFor({ timeout: 30_000 });
      await page.locator('.save-bar button.primary').click();
      await page.locator('.save-bar .ok').waitFor();
      await settle(page);
    },
  },
  { name: 'history', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/acts/${forkId}/history?from=1&to=2`); await page.locator('.diff').first().waitFor(); await settle(page); } },
  { name: 'tablet-literate', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/acts/kz-2025-women-proposal`); await page.locator('[data-clause]').first().waitFor(); await page.locator('#h-clauses').scrollIntoViewIfNeeded(); await settle(page); } },
  { name: 'tablet-person', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/persons/KZ00003?act=kz-2025-women-proposal`); await page.getByTestId('explanation').waitFor(); await settle(page); } },
  { name: 'impact', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/impact?act=kz-2025-constitution-30`); await page.waitForURL(/\/impact\/[0-9a-f]{64}/, { timeout: 120_000 }); await page.locator('.chart-card canvas').first().waitFor(); await settle(page); } },
  {
    name: 'impact-equality',
    user: 'analyst',
    open: async (page, base) => {
      await page.goto(`${base}/impact?act=kz-2025-women-proposal`);
      await page.waitForURL(/\/impact\/[0-9a-f]{64}/, { timeout: 120_000 });
      await page.locator('#sec-coverage summary').click();
      await page.locator('#sec-equality summary').click();
      await page.locator('#sec-projection summary').click();
      await page.locator('#sec-equality > summary').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await settle(page);
    },
  },
  { name: 'compare', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/compare?acts=kz-2025-women-proposal,kz-2025-sex-neutral,kz-2025-constitution-30`); await page.locator('table.matrix').first().waitFor({ timeout: 120_000 }); await page.locator('#h-transitions').scrollIntoViewIfNeeded(); await settle(page); } },
  { name: 'persons', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/persons?act=kz-2025-constitution-30`); await page.locator('[data-testid="person-list"] a').first().waitFor(); await settle(page); } },
  { name: 'person', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/persons/KZ00003?act=kz-2025-women-proposal`); await page.getByTestId('explanation').waitFor(); await settle(page); } },
  { name: 'letter', user: 'analyst', open: async (page, base) => { await page.goto(`${base}/letter`); await page.locator('table.letter').waitFor(); await settle(page); } },
  { name: 'researcher-refused', user: 'researcher', open: async (page, base) => { await page.goto(`${base}/persons/KZ00003?act=kz-2025-women-proposal`); await page.locator('.refused').waitFor(); } },
];

async function main(): Promise<void> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is absent (apt-get install -y chromium)`);
  const only = arg('only')?.split(',');
  const langs = (arg('lang')?.split(',') ?? ['kk', 'ru', 'en']) as Lang[];
  const url = arg('url');
  let server: RunningServer;
  if (url) {
    const file = arg('passwords') ?? join(PROJECT_ROOT, '.amnestia/initial-passwords.txt');
    const passwords = Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split('\t'))
        .map((c) => [c[0]!, c[2]!]),
    );
    server = { url: url.replace(/\/$/, ''), passwords, dataDir: '', close: async () => undefined };
  } else {
    buildWeb();
    server = await startServer();
  }
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser({ width: 1366, height: 940 });
  try {
    for (const lang of langs) {
      const pages: Record<string, Page> = {};
      for (const shot of SHOTS) {
        if (only && !only.includes(shot.name)) continue;
        let page = pages[shot.user];
        if (!page) {
          page = await browser.context.newPage();
          if (shot.name !== 'signin') await signIn(page, server, shot.user, lang);
          pages[shot.user] = page;
        }
        if (shot.name === 'signin') {
          await page.goto(`${server.url}/signin`);
          await page.locator(`[data-lang="${lang}"]`).click();
        }
        // A tablet held upright, or the laptop screen of the other shots.
        await page.setViewportSize(shot.name.startsWith('tablet') ? { width: 820, height: 1180 } : { width: 1366, height: 940 });
        await shot.open(page, server.url);
        const file = join(OUT, `${shot.name}-${lang}.png`);
        await page.screenshot({ path: file });
        process.stdout.write(`${file}\n`);
        if (shot.name === 'signin') {
          await signIn(page, server, shot.user, lang);
        }
      }
      for (const p of Object.values(pages)) await p.close();
      await browser.context.clearCookies();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
