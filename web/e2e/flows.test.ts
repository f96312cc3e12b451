/**
 * The web app's flows in a real browser (Debian's Chromium through playwright-core) against the real
 * server on an embedded store: upload a registry with bad rows and read the located errors; open a
 * law's literate view; fork it, change its numbers and see the figures move; make an error in the
 * YAML and see it marked at its line; compare two acts and open a transition cell; open a person
 * and read the explanation in kk, then ru; a researcher is refused a person page; read the letter's
 * figures and its audit; evaluate an act and open its impact sections.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { buildWeb, hasChromium, launchBrowser, NO_CHROMIUM_MESSAGE, signIn, startServer, type Browser, type RunningServer } from './harness.ts';

if (!hasChromium) console.warn(NO_CHROMIUM_MESSAGE);

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] .value`);
async function figureValue(page: Page, key: string): Promise<number> {
  return Number(await figure(page, key).getAttribute('data-value'));
}

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('uploads a registry with bad rows and shows every rejected row with its row, column and rule', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Registries', exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(join(PROJECT_ROOT, 'test/fixtures/bad-registry.csv'));
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/registries\/imports\//, { timeout: 60_000 });
    const counts = await page.getByTestId('import-counts').textContent();
    expect(counts).toMatch(/rejected: [1-9]/);
    await expect.poll(() => page.locator('[data-testid="issues"] tbody tr').count()).toBeGreaterThan(0);
    const firstRow = page.locator('[data-testid="issues"] tbody tr').first();
    expect(Number(await firstRow.locator('th').textContent())).toBeGreaterThan(0);
    expect((await firstRow.locator('td').nth(0).textContent())?.trim()).not.toBe('—');
    await page.getByText('The file has rejected rows, so it was not stored.').waitFor();
    // Filter by one rule: only its rows remain.
    const rule = (await firstRow.locator('td').nth(2).textContent())!.trim();
    await page.locator('select[name="rule"]').selectOption(rule);
    await expect.poll(async () => [...new Set(await page.locator('[data-testid="issues"] tbody tr td:nth-child(4)').allTextContents())]).toEqual([rule]);
    await page.close();
  });

  it('opens a law’s literate view: each clause’s reference and official text beside its condition, and the doubts', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Acts', exact: true }).click();
    await page.getByRole('link', { name: /thirtieth anniversary of the Constitution/ }).first().click();
    await page.waitForURL(/\/acts\/kz-2025-constitution-30$/);
    const clause = page.locator('[data-clause="art2_1_1"]');
    await expect.poll(() => clause.locator('.ref').textContent()).toBe('Art. 2 §1(1)');
    await expect.poll(() => clause.locator('code').first().textContent()).toBe('gravity <= minor');
    await expect.poll(() => clause.locator('.official p[lang="ru"]').textContent()).toContain('освобождаются');
    await page.getByRole('group', { name: 'Language of the text' }).getByRole('button', { name: 'Қазақша' }).click();
    await expect.poll(() => clause.locator('.official p[lang="kk"]').textContent()).toContain('босатылады');
    await page.getByRole('heading', { name: 'The act’s doubts: unverified inputs' }).waitFor();
    await expect.poll(() => page.locator('#h-doubts + ul li').count()).toBeGreaterThan(3);
    await page.close();
  });

  it('forks the law into a draft, changes a fraction and a threshold, and sees the figures move', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.goto(`${server.url}/acts/kz-2025-constitution-30`);
    await page.locator('section[aria-labelledby="h-fork"] input[name="fork-id"]').fill('constitution-30-wider');
    await page.locator('section[aria-labelledby="h-fork"] button[type="submit"]').click();
    await page.waitForURL(/\/acts\/constitution-30-wider\/edit$/);
    await figure(page, 'released').waitFor();
    const released = await figureValue(page, 'released');
    const days = await figureValue(page, 'days_remitted');
    expect(released).toBeGreaterThan(0);

    // A fraction: the grave crimes' reduction from 3/4 to 1/2 — fewer days remitted.
    const grave = page.locator('input[data-number-field="parameters.grave_reduction"]');
    await grave.fill('0.5');
    await expect.poll(() => figureValue(page, 'days_remitted'), { timeout: 20_000 }).toBeLessThan(days);
    await expect.poll(() => grave.inputValue()).toBe('0.5');

    // A threshold of a release clause: a year left to serve (1y, in months) becomes two — more persons released.
    const remaining = page.locator('input[data-number-field^="art2_2@"]');
    await remaining.fill('24');
    await expect.poll(() => figureValue(page, 'released'), { timeout: 20_000 }).toBeGreaterThan(released);

    // Saved as version 2 with If-Match; the history lists it and the diff names the changed parameter.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Version 2 saved.').waitFor();
    await page.goto(`${server.url}/acts/constitution-30-wider/history?from=1&to=2`);
    await page.locator('.diff').filter({ hasText: 'grave_reduction' }).waitFor();
    // Each changed field is named, and its values read as the literate view reads them: the parameter's
    // value in the language's numbers, the measure in words (not JSON), the condition as its criteria.
    const param = page.locator('[data-part="parameter:grave_reduction"] tr[data-field="value"]');
    const measure = page.locator('[data-part="clause:art3_2"] tr[data-field="measure"]');
    const condition = page.locator('[data-part="clause:art2_2"] tr[data-field="condition"]');
    await expect.poll(() => param.locator('th').textContent()).toBe('Value');
    await expect.poll(() => param.locator('td.after').textContent()).toBe('0.5');
    await expect.poll(() => measure.locator('th').textContent()).toBe('Measure');
    await expect.poll(() => measure.locator('td.before').textContent()).toBe('reduction of the unserved part, fraction 3/4');
    await expect.poll(() => measure.locator('td.after').textContent()).toBe('reduction of the unserved part, fraction 1/2');
    await expect.poll(() => condition.locator('th').textContent()).toBe('Condition');
    await expect.poll(() => condition.locator('td.after li.marked code').allTextContents()).toEqual([expect.stringMatching(/^remaining_term <= (2y|24m)$/)]);
    await expect.poll(() => condition.locator('td.before li.marked code').allTextContents()).toEqual(['remaining_term <= 1y']);
    await page.locator('[data-lang="kk"]').click();
    await expect.poll(() => measure.locator('th').textContent()).toBe('Шара');
    await expect.poll(() => measure.locator('td.after').textContent()).toBe('жазаның өтелмеген бөлігін қысқарту, үлесі 1/2');
    await expect.poll(() => param.locator('td.before').textContent()).toBe('0,75');
    // The changed clause is cited as a reader of the language cites it, here and in the editor.
    await page.locator('[data-lang="ru"]').click();
    await expect.poll(() => measure.locator('td.after').textContent()).toBe('сокращение неотбытой части наказания, доля 1/2');
    await expect.poll(() => param.locator('th').textContent()).toBe('Значение');
    // cited once: the clause's name begins with its reference
    await expect.poll(() => page.locator('.diff h3').filter({ hasText: 'art2_2' }).textContent()).toMatch(/^[^С]*положение\s+Ст\. 2 п\. 2: /);
    expect((await page.locator('.diff h3').filter({ hasText: 'art2_2' }).textContent())?.match(/ст\. 2 п\. 2/gi)).toHaveLength(1);
    await page.goto(`${server.url}/acts/constitution-30-wider/edit`);
    const slider = page.locator('.number-control').filter({ has: page.locator('input[data-number-field^="art2_2@"]') });
    await expect.poll(() => slider.locator('label').textContent()).toMatch(/^ст\. 2 п\. 2 \(/);
    await page.close();
  });

  it('detects a conflicting save (409) and lets the analyst load the newer version', async () => {
    const first = await browser.context.newPage();
    await signIn(first, server, 'analyst');
    const second = await browser.context.newPage();
    for (const page of [first, second]) {
      await page.goto(`${server.url}/acts/kz-2025-sex-neutral/edit`);
      await figure(page, 'covered').waitFor();
    }
    const field = (page: Page) => page.locator('input[data-number-field^="parameters."]').first();
    await field(second).fill('0.3');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    await second.getByText('Version 2 saved.').waitFor();
    await field(first).fill('0.7');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await first.getByText('Someone saved version 2 after you opened the act.').waitFor();
    await first.getByRole('button', { name: 'Load their version (my changes are dropped)' }).click();
    await expect.poll(() => field(first).inputValue()).toBe('0.3');
    await first.close();
    await second.close();
  });

  it('marks an error in the YAML at its line, and the figures come back when it is fixed', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.goto(`${server.url}/acts/kz-2025-women-proposal/edit`);
    await figure(page, 'covered').waitFor();
    // The line of the first clause's condition in the act's file (the store holds the file as shipped).
    const source = readFileSync(join(PROJECT_ROOT, 'acts/kz-2025-women-proposal/act.yaml'), 'utf8').split('\n');
    const lineNumber = source.findIndex((l) => l.includes('all: [woman, "gravity <= medium"]')) + 1;
    expect(lineNumber).toBeGreaterThan(0);
    // Find it with the editor's own search (Ctrl+F), then delete the last letter of "gravity".
    await page.locator('.yaml-editor .cm-content').click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('[woman, "gravity');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace'); // "gravity <= medium" → "gravit <= medium"
    const errors = page.getByTestId('errors');
    await expect.poll(() => errors.textContent()).toContain(`line ${lineNumber}`);
    await expect.poll(() => errors.textContent()).toContain('gravit');
    await expect.poll(() => page.locator('.cm-lint-marker-error').count()).toBe(1);
    await page.keyboard.type('y');
    await expect.poll(() => page.getByTestId('check').textContent()).toContain('The act is valid.');
    await page.close();
  });

  it('compares two acts and opens the persons of a transition cell', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.goto(`${server.url}/compare?acts=kz-2025-women-proposal,kz-2025-constitution-30`);
    const matrix = page.getByTestId('matrix-kz-2025-women-proposal-kz-2025-constitution-30');
    await matrix.waitFor({ timeout: 60_000 });
    const cell = matrix.locator('a[data-cell="release-none"]');
    const count = Number((await cell.textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL(/\/persons\?/);
    await page.getByTestId('transition').waitFor();
    await expect.poll(() => page.locator('.page-title .sub').textContent()).toContain(String(count));
    await expect.poll(() => page.locator('[data-testid="person-list"] [role="row"] a').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a person and reads the explanation in Kazakh, then in Russian', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.goto(`${server.url}/persons?act=kz-2025-women-proposal&status=excluded`);
    const first = page.locator('[data-testid="person-list"] [role="row"] a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/persons\/KZ/);
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('excluded');
    await page.locator('[data-explain-lang="kk"]').click();
    await expect.poll(() => page.getByTestId('explanation').getAttribute('lang')).toBe('kk');
    await expect.poll(() => page.getByTestId('explanation').textContent()).toContain('сотталғандар');
    await page.locator('[data-explain-lang="ru"]').click();
    await expect.poll(() => page.getByTestId('explanation').getAttribute('lang')).toBe('ru');
    await expect.poll(() => page.getByTestId('explanation').textContent()).toContain('осуждённых');
    await page.close();
  });

  it('refuses a researcher a person page, as the server says, and shows no persons in the menu', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'researcher');
    await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: 'Persons' }).count()).toBe(0);
    await page.goto(`${server.url}/persons/KZ00003?act=kz-2025-women-proposal`);
    await page.getByRole('heading', { name: 'Access refused' }).waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('researcher');
    await page.close();
  });

  it('shows the letter’s figures beside the computed ones, their parts indented, and the audit', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'The letter' }).click();
    await page.getByRole('heading', { name: 'Audit of the letter' }).waitFor();
    const rows = page.locator('table.letter tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(18);
    await expect.poll(() => rows.first().locator('th .mono').textContent()).toBe('F1');
    await expect.poll(() => page.locator('ul.audit > li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('evaluates an act and opens the impact sections: headline figures, money, equality, victims, parameters', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst');
    await page.goto(`${server.url}/impact?act=kz-2025-women-proposal`);
    await page.getByRole('heading', { name: 'Headline figures' }).waitFor();
    await expect.poll(() => figureValue(page, 'covered')).toBeGreaterThan(0);
    for (const section of ['Money', 'Equality before the law', 'Victims', 'Parameters used']) await page.locator('summary', { hasText: section }).click();
    await expect.poll(() => page.locator('#sec-money p.card').textContent()).toContain('₸');
    await expect.poll(() => page.locator('#sec-victims p').first().textContent()).toContain('₸');
    await page.locator('#sec-equality select').waitFor();
    await expect.poll(() => page.locator('#sec-equality .verdict').textContent()).not.toBe('');
    await expect.poll(() => page.locator('#sec-params li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps the chosen language after a reload', async () => {
    const page = await browser.context.newPage();
    await signIn(page, server, 'analyst', 'kk');
    await page.getByRole('navigation').getByRole('link', { name: 'Актілер' }).waitFor();
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('kk');
    await page.getByRole('navigation').getByRole('link', { name: 'Актілер' }).waitFor();
    await page.close();
  });
});
