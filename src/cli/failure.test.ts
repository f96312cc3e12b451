/**
 * How the command line ends: bad input gets a located line and its exit code; an unexpected error
 * gets one line naming the file where its stack was written, and exit code 70.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, UnreadableFileError } from '../domain/errors.ts';
import { msg } from '../i18n/message.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { langOf, reportFailure } from './failure.ts';
import { validateCommand } from './acts.ts';

const dir = mkdtempSync(join(tmpdir(), 'amnestia-failure-'));
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env['AMNESTIA_ERROR_DIR'];
});

function stderrOf(f: () => number): { code: number; text: string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  const code = f();
  vi.restoreAllMocks();
  return { code, text };
}

describe('failures of the command line', () => {
  it('prints one line and the file holding the details of an unexpected error, exit code 70', () => {
    process.env['AMNESTIA_ERROR_DIR'] = dir;
    const { code, text } = stderrOf(() => reportFailure(new TypeError('Cannot read properties of undefined'), ['node', 'amnestia', 'check', 'x.csv', '--lang', 'en']));
    expect(code).toBe(EXIT.internal);
    expect(text.trim().split('\n')).toHaveLength(1);
    const file = /Details were written to (\S+)$/.exec(text.trim())![1]!;
    const details = readFileSync(file, 'utf8');
    expect(details).toContain('command: "check" "x.csv" "--lang" "en"');
    expect(details).toMatch(/TypeError: Cannot read properties of undefined\n\s+at /);
  });

  it('renders a file that cannot be read in the chosen language, with its place and rule', () => {
    const e = new UnreadableFileError('r.csv', 'encoding.unknown', msg('file.doubtful_byte', { byte: 'A3' }), { line: 5, byte: 812 });
    const { code, text } = stderrOf(() => reportFailure(e, ['node', 'amnestia', 'check', 'r.csv', '--lang=kk']));
    expect(code).toBe(EXIT.unreadable);
    expect(text).toBe('Файлды оқу мүмкін емес: r.csv:5: 0xA3 байты Windows-1251 кодтауындағы орыс немесе қазақ әрпі емес: кодтық бет күмәнді; файлды UTF-8 ретінде сақтаңыз [encoding.unknown]\n');
    expect(langOf(['--lang', 'en'])).toBe('en');
    expect(langOf(['--lang', 'fr'])).toBe('ru');
    expect(langOf(['--lang', 'kk', 'letter', '--lang=en'])).toBe('en');
  });

  it('prints a bad act’s located errors in the language of --lang (amnestia validate)', () => {
    const file = join(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml');
    const expected = { kk: 'белгісіз факт немесе анықтама agee', ru: 'неизвестный факт или определение agee', en: 'unknown fact or definition agee' } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const argv = ['node', 'amnestia', 'validate', file, '--no-sample', '--lang', lang];
      const { code, text } = stderrOf(() => {
        try {
          validateCommand(file, { lang, sample: false });
          return 0;
        } catch (e) {
          return reportFailure(e, argv);
        }
      });
      expect(code).toBe(EXIT.usage);
      const line = text.split('\n').find((l) => l.includes('agee'));
      expect(line).toContain(`${file}:15:`);
      expect(line).toContain('$.clauses[0].when.all[0]');
      expect(line).toContain(expected[lang]);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('ends the real process with the documented code and no stack trace', () => {
    const gz = join(dir, 'r.csv');
    writeFileSync(gz, gzipSync('person_id\n'));
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const unreadable = run('check', gz, '--lang', 'en');
    expect(unreadable.status).toBe(3);
    expect(unreadable.stderr).toBe(`The file cannot be read: ${gz}: a gzip-compressed file: decompress it first [file.compressed]\n`);
    const usage = run('check');
    expect(usage.status).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });
});
