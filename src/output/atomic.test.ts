/**
 * Output files are written whole or not at all: a kill mid-write or a full disk leaves the old
 * file as it was; an output that is an input is refused before anything is written.
 */
import { execFileSync, spawn } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../domain/errors.ts';
import { unescapeSpreadsheetText } from '../registry/row.ts';
import { AtomicFile, outputError, refuseInputAsOutput, writeFileAtomic } from './atomic.ts';
import { escapeSpreadsheetText, spreadsheetCell } from './spreadsheet.ts';

const dir = mkdtempSync(join(tmpdir(), 'amnestia-out-'));

function ruleOf(f: () => void): string {
  try {
    f();
  } catch (e) {
    if (e instanceof OutputError) return e.rule;
    throw e;
  }
  return 'written';
}

describe('atomic output files', () => {
  it('replaces the file only when the write is complete, leaving no temporary file', () => {
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'old');
    const f = AtomicFile.open(file);
    f.write('new ');
    expect(readFileSync(file, 'utf8')).toBe('old');
    f.write('content');
    f.commit();
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file when the write is abandoned', () => {
    const file = join(dir, 'b.csv');
    writeFileSync(file, 'old');
    const f = AtomicFile.open(file);
    f.write('x'.repeat(3 << 20));
    f.abort();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file when the process is killed mid-write', async () => {
    const file = join(dir, 'killed.csv');
    writeFileSync(file, 'old');
    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `import { AtomicFile } from ${JSON.stringify(join(process.cwd(), 'src/output/atomic.ts'))};
const f = AtomicFile.open(${JSON.stringify(file)});
f.write('x'.repeat(4 << 20));
process.stdout.write('writing\\n');
setInterval(() => f.write('y'.repeat(1 << 20)), 5);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('refuses an output that is an input (the same path, or a link to the same file)', () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'data');
    linkSync(input, join(dir, 'link.csv'));
    expect(ruleOf(() => refuseInputAsOutput(join(dir, '.', 'in.csv'), [input]))).toBe('output.is_input');
    expect(ruleOf(() => writeFileAtomic(join(dir, 'link.csv'), 'x', [undefined, input]))).toBe('output.is_input');
    expect(readFileSync(input, 'utf8')).toBe('data');
  });

  it('says what is wrong with a path that cannot be written', () => {
    mkdirSync(join(dir, 'folder'));
    expect(ruleOf(() => writeFileAtomic(join(dir, 'no-such-folder', 'x.csv'), 'x'))).toBe('output.folder_missing');
    expect(ruleOf(() => writeFileAtomic(join(dir, 'folder'), 'x'))).toBe('output.is_folder');
    expect(ruleOf(() => writeFileAtomic(join(dir, 'in.csv', 'x.csv'), 'x'))).toBe('output.folder_missing');
    expect(outputError('f', Object.assign(new Error('x'), { code: 'ENOSPC' })).rule).toBe('output.disk_full');
    expect(outputError('f', Object.assign(new Error('x'), { code: 'EACCES' })).rule).toBe('output.permission');
    expect(outputError('f', Object.assign(new Error('x'), { code: 'EROFS' })).rule).toBe('output.read_only');
  });

  it('reports a full disk and keeps the old file (on a 64 KiB file system when one can be mounted)', (ctx) => {
    const mnt = join(dir, 'tiny');
    mkdirSync(mnt);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      ctx.skip();
      return;
    }
    try {
      const file = join(mnt, 'r.csv');
      writeFileSync(file, 'old');
      expect(ruleOf(() => writeFileAtomic(file, 'x'.repeat(1 << 20)))).toBe('output.disk_full');
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(mnt)).toEqual(['r.csv']);
    } finally {
      execFileSync('umount', [mnt]);
      rmSync(mnt, { recursive: true });
    }
  });
});

describe('text a spreadsheet would run as a formula', () => {
  it('is escaped with an apostrophe, and reads back as written', () => {
    expect(escapeSpreadsheetText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeSpreadsheetText('+7 701')).toBe("'+7 701");
    expect(escapeSpreadsheetText('-1')).toBe("'-1");
    expect(escapeSpreadsheetText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeSpreadsheetText("O'Brien")).toBe("O'Brien");
    expect(escapeSpreadsheetText('Ахметова')).toBe('Ахметова');
    expect(spreadsheetCell(-5)).toBe('-5');
    fc.assert(fc.property(fc.string(), (s) => unescapeSpreadsheetText(escapeSpreadsheetText(s)) === s));
    fc.assert(fc.property(fc.string(), (s) => !/^[=+\-@\t\r]/.test(escapeSpreadsheetText(s))));
  });
});
