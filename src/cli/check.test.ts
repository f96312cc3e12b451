/**
 * `amnestia check --format json` writes each issue as it is found: a file with a hundred thousand
 * problems comes out in blocks, never as one string, and the whole is valid JSON with every issue.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvText, goodRow } from '../registry/testing/files.ts';
import { runCheck } from './check.ts';

const dir = mkdtempSync(join(tmpdir(), 'amnestia-check-'));

afterEach(() => vi.restoreAllMocks());

describe('check --format json', () => {
  it('streams every issue of a file with 20 000 problems in blocks', async () => {
    // 10 000 rows, each with two bad cells
    const rows = Array.from({ length: 10_000 }, (_, i) => goodRow({ person_id: `R${i}`, iin: '', sex: 'X', custody: 'prison' }));
    const file = join(dir, 'many.csv');
    writeFileSync(file, csvText(rows));
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    const ok = await runCheck(file, { lang: 'en', format: 'json', limit: 50 }, () => undefined);
    expect(ok).toBe(false);
    expect(chunks.length).toBeGreaterThan(30);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 17);
    const report = JSON.parse(chunks.join('')) as { issues: { row: number; rule: string }[]; rejected: number; byRule: Record<string, { count: number }> };
    expect(report.issues).toHaveLength(20_000);
    expect(report.rejected).toBe(10_000);
    expect(report.byRule['enum.sex']!.count).toBe(10_000);
    expect(report.issues[19_999]).toMatchObject({ row: 10_001, rule: 'enum.custody' });
  });
});
