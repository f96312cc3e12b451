/**
 * Keystroke to figures on screen, measured in the browser (npm run bench:web): the analyst's editor
 * open on a draft over the national registry (61 899 persons); each keystroke changes the act's text
 * to a text never evaluated before, and the time runs from the keydown event to the first animation
 * frame after the headline figures of that very text are in the page. Two kinds of keystroke:
 * - a slider moved with the arrow keys (a fraction of the act, 0.01 a step);
 * - a digit typed into the YAML (a parameter's value gets one more decimal).
 * Keystrokes are sequential (the next one after the figures of the last), after 5 unrecorded ones.
 * The server runs on a fresh embedded store (PGlite), the browser is Debian's Chromium, both on this
 * machine. Results: bench/results/web-keystroke-<date>.md.
 *   npm run bench:web                  # its own server
 *   npm run bench:web -- --url http://127.0.0.1:8080 --passwords .amnestia/initial-passwords.txt
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/paths.ts';
import { buildWeb, CHROMIUM, hasChromium, launchBrowser, signIn, startServer, type RunningServer } from '../web/e2e/harness.ts';

/** grave_reduction 0.30 → 0.95 (65 steps), then vulnerable_reduction 0.50 → 0.05 (45 steps). */
const RIGHT_STEPS = 65;
const LEFT_STEPS = 45;
const DIGITS = Number(process.env['BENCH_DIGITS'] ?? 60);
const ACT = 'kz-2025-women-proposal';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

/** Presses a key and returns the milliseconds from its keydown to the frame after its figures. */
async function timedKey(page: Page, key: string): Promise<number> {
  const before = Number(await page.locator('.editor-page').getAttribute('data-text-revision'));
  // Runs in the page (a string: this file is type-checked without the DOM's types).
  const waiting = page.evaluate<number>(`new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no figures within 30 s')), 30000);
    const check = () => {
      const root = document.querySelector('.editor-page');
      const figures = document.querySelector('.figures');
      const textRev = Number(root ? root.dataset.textRevision : -1);
      const figRev = Number(figures ? figures.dataset.revision : -1);
      if (textRev > ${before} && figRev === textRev) {
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - window.__keydownAt));
        return true;
      }
      return false;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-revision', 'data-text-revision'] });
  })`);
  await page.keyboard.press(key);
  return waiting;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const fmt = (v: number) => v.toFixed(1);

async function main(): Promise<void> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is absent (apt-get install -y chromium)`);
  let server: RunningServer;
  const url = arg('url');
  if (url) {
    const file = arg('passwords') ?? join(PROJECT_ROOT, '.amnestia/initial-passwords.txt');
    const passwords = Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')).map((c) => [c[0]!, c[2]!]));
    server = { url: url.replace(/\/$/, ''), passwords, dataDir: '', close: async () => undefined };
  } else {
    buildWeb();
    log('starting the server on a fresh embedded store');
    server = await startServer();
  }
  const browser = await launchBrowser({ width: 1366, height: 900 });
  const load = loadavg();
  try {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.goto(`${server.url}/acts/${ACT}/edit`);
    await page.locator('[data-figure="covered"]').waitFor({ timeout: 60_000 });
    await page.evaluate(`window.__keydownAt = 0; window.addEventListener('keydown', () => { window.__keydownAt = performance.now(); }, true);`);
    const persons = ((await page.locator('.editor-right .small.muted').first().textContent()) ?? '').split('·')[0]!.trim();
    log(`editor open: ${persons ?? ''}`);

    // Sliders: grave_reduction from 0.30 upwards, then vulnerable_reduction from 0.50 downwards — every text new.
    const slider: number[] = [];
    const grave = page.locator('input[type="range"][data-number="parameters.grave_reduction"]');
    const vulnerable = page.locator('input[type="range"][data-number="parameters.vulnerable_reduction"]');
    await grave.focus();
    for (let i = 0; i < 5; i++) await timedKey(page, 'ArrowRight');
    for (let i = 0; i < RIGHT_STEPS + LEFT_STEPS; i++) {
      if (i === RIGHT_STEPS) await vulnerable.focus();
      slider.push(await timedKey(page, i < RIGHT_STEPS ? 'ArrowRight' : 'ArrowLeft'));
    }
    log(`slider: ${slider.length} keystrokes, p95 ${fmt(quantile(slider, 0.95))} ms`);

    // Digits typed into the YAML: "value: 0.95" of grave_reduction gets more decimals, 1 to 9 in turn (each text new).
    const typed: number[] = [];
    await page.locator('.yaml-editor .cm-content').click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('grave_reduction:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    for (let i = 0; i < 5 + DIGITS; i++) {
      const ms = await timedKey(page, String(1 + (i % 9)));
      if (i >= 5) typed.push(ms);
    }
    log(`typing: ${typed.length} keystrokes, p95 ${fmt(quantile(typed, 0.95))} ms`);

    const all = [...slider, ...typed];
    const row = (name: string, xs: number[]) => `| ${name} | ${xs.length} | ${fmt(quantile(xs, 0.5))} | ${fmt(quantile(xs, 0.9))} | ${fmt(quantile(xs, 0.95))} | ${fmt(quantile(xs, 0.99))} | ${fmt(Math.max(...xs))} |`;
    const date = new Date().toISOString().slice(0, 10);
    const cpu = cpus();
    const text = [
      `# Keystroke to figures in the browser, ${date}`,
      '',
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node.js ${process.version}, Chromium at ${CHROMIUM} (headless); load average before the run ${load.map((l) => l.toFixed(2)).join(' / ')} (the machine is shared).`,
      '',
      `The editor of \`${ACT}\` on the national registry (${persons}, 61 899 persons); server and browser on the same machine, the server on a fresh embedded store (PGlite). Each keystroke makes an act text never evaluated before; time from the keydown event to the first animation frame after the headline figures of that text are in the page (POST /api/what-if sent at once when no request is on its way — as here, one keystroke after the figures of the last — else after a 25 ms pause, the older request cancelled). Milliseconds; the target is p95 < 200 ms.`,
      '',
      '| keystroke | n | p50 | p90 | p95 | p99 | max |',
      '|---|---:|---:|---:|---:|---:|---:|',
      row('slider, arrow key', slider),
      row('digit typed into the YAML', typed),
      row('all', all),
      '',
      `p95 of all: **${fmt(quantile(all, 0.95))} ms** (${quantile(all, 0.95) < 200 ? 'under' : 'over'} 200 ms).`,
      '',
    ].join('\n');
    mkdirSync(join(PROJECT_ROOT, 'bench/results'), { recursive: true });
    const out = join(PROJECT_ROOT, `bench/results/web-keystroke-${date}.md`);
    writeFileSync(out, text);
    process.stdout.write(`${text}\nwritten to ${out}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
