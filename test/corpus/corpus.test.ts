/**
 * The command line over a corpus of malformed inputs (test/corpus/build.ts): for every case, no
 * stack trace, the exit code that tells rejected rows (1) from bad options (2), unreadable files (3)
 * and unwritable outputs (4), a message that says where, and — for registries — exactly the persons
 * that should be accepted, each equal cell by cell to the person written: none lost, invented or
 * garbled.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { persons } from '../../src/registry/testing/files.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { buildCorpus, type CorpusCase } from './build.ts';
import type { CaseResult } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'amnestia-corpus-'));
const cases: CorpusCase[] = await buildCorpus(dir);
writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
let results = new Map<string, CaseResult>();

beforeAll(() => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'test/corpus/run.ts'), dir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, AMNESTIA_ERROR_DIR: dir },
  });
  results = new Map((JSON.parse(out) as CaseResult[]).map((r) => [r.id, r]));
}, 600_000);

/** A Node stack frame ("    at f (file.ts:1:2)") or an error escaping the command. */
const STACK = /^\s+at .+(?:\(|\s)\S+:\d+:\d+\)?$|ESCAPED:|node:internal/m;
/** A place in a file: file:line[:column], row N, line N, cell A1, byte N, or a JSON path. */
const PLACE = /:\d+(?::\d+)?\b|\brow \d+|\bline \d+|\bcell [A-Z]+\d+|\bbyte \d+|\$[.[]|, sheet "|\.(?:csv|tsv|txt|xlsx|amnreg|yaml|json)\b/;
const canonical = new Map(persons().map((p) => [p.person_id, p]));

describe('the command line over a corpus of malformed inputs', () => {
  it('has many cases of every kind', () => {
    const kinds = new Set(cases.map((c) => c.id.split('.')[0]));
    expect([...kinds].sort()).toEqual(['act', 'csv', 'file', 'option', 'output', 'snapshot', 'xlsx']);
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = results.get(id)!;
    const output = `${r.stderr}\n${r.stdout}`;
    expect(output, 'no stack trace').not.toMatch(STACK);
    expect(output).not.toMatch(/Unexpected error/);
    expect({ exit: r.exit, output }).toMatchObject({ exit: c.exit });
    expect(output).toMatch(new RegExp(c.message, 's'));
    if (c.located) {
      const problem = c.exit === 1 ? output : r.stderr;
      // A place in the file, or (for a folder or a missing file) the path itself.
      if (!PLACE.test(problem)) expect(problem, 'the message says where').toContain(dir);
    }
    if (c.registry) {
      expect(r.refused, 'the registry is read').toBeUndefined();
      const accepted = r.accepted!;
      expect(accepted.map((p) => p['person_id']).sort()).toEqual([...c.registry.persons].sort());
      for (const p of accepted) expect(p, `person ${p['person_id']} unchanged`).toEqual(canonical.get(p['person_id']!));
    }
    if (c.unchanged) expect(createHash('sha256').update(readFileSync(c.unchanged.file)).digest('hex')).toBe(c.unchanged.sha256);
  });
});
