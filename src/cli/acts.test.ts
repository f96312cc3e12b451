/** `amnestia test`: every word it prints is in the language of --lang (src/cli/acts.ts, src/i18n/cli.ts). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PATHS } from '../paths.ts';
import { LANGS, type Lang } from '../i18n/text.ts';
import { testCommand } from './acts.ts';

const ACT = 'kz-2025-constitution-30';
let root = '';
let folder = '';

/** A copy of a shipped act with one more tests file: a case with a wrong expectation and a case with a bad cell. */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'amnestia-act-tests-'));
  folder = join(root, ACT);
  cpSync(join(DEFAULT_PATHS.acts, ACT), folder, { recursive: true });
  writeFileSync(
    join(folder, 'tests', 'zz-failing.yaml'),
    [
      'cases:',
      '  - id: wrong',
      '    name: a released person expected to be excluded',
      '    person: { articles: "187-1" }',
      '    expect: { status: excluded }',
      '  - id: bad_cell',
      '    name: a birth date that is not a date',
      '    person: { birth_date: "1990-13-45" }',
      '    expect: { status: eligible }',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function printed(lang: Lang): { ok: boolean; lines: string[] } {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const ok = testCommand([folder], { lang, verbose: false });
  vi.restoreAllMocks();
  return { ok, lines: out.trimEnd().split('\n') };
}

/** A line with its data (quoted values, ids, file names, field and column names, rule codes) taken out. */
function words(line: string): string {
  return line
    .replace(/\{[^}]*\}|"[^"]*"|\[[^\]]*\]/g, ' ')
    .replace(/\S*\.yaml\S*/g, ' ')
    .replace(/[a-z0-9]+(?:[_-][a-z0-9]+)+/g, ' ')
    .replace(/\b(?:wrong|status|tests|acts)\b/g, ' ');
}

describe('amnestia test', () => {
  it('the failures and the closing count in the language; a failing case fails the command', () => {
    const en = printed('en');
    expect(en.ok).toBe(false);
    expect(en.lines.at(-1)).toMatch(/^acts: \d+ passed, 2 failed$/);
    expect(en.lines.some((l) => /^ {4}status: expected "excluded", got "[a-z_]+"$/.test(l))).toBe(true);
    expect(en.lines.some((l) => /: case bad_cell: birth_date: .+ \[[a-z_.]+\]$/.test(l))).toBe(true);
    const ru = printed('ru');
    expect(ru.lines.at(-1)).toMatch(/^акты: тестов пройдено \d+, не пройдено 2$/);
    expect(ru.lines.some((l) => /^ {4}status: ожидалось "excluded", получено "[a-z_]+"$/.test(l))).toBe(true);
    const kk = printed('kk');
    expect(kk.lines.at(-1)).toMatch(/^актілер: \d+ тест өтті, 2 өтпеді$/);
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      // A case's own line (✓ or ✗, the act, the file, the case's id and name) is the act's data.
      for (const line of printed(lang).lines.filter((l) => !/^[✓✗] /.test(l))) expect(words(line), `${lang}: ${line}`).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
