/**
 * The quick YAML reading gives exactly the value the located reading gives, for every YAML file the
 * project ships and for scalars of every kind the core schema resolves (or leaves as strings).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../paths.ts';
import { readYamlQuickly } from './yaml-quick.ts';

const located = (text: string): unknown => {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 });
};

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe('readYamlQuickly', () => {
  const files = ['acts', 'law', 'data', 'profiles', 'reports', 'test/fixtures'].flatMap((d) => yamlFiles(join(PROJECT_ROOT, d)));

  it('reads every shipped YAML file as the located reading does (or leaves it to it)', () => {
    expect(files.length).toBeGreaterThan(10);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const quick = readYamlQuickly(text);
      if (quick === undefined) continue;
      read++;
      expect(quick, file).toEqual(located(text));
    }
    // The acts have no aliases: all three are read quickly.
    expect(read).toBeGreaterThanOrEqual(3);
  });

  it('resolves plain scalars as the YAML 1.2 core schema does', () => {
    const scalars = ['1', '-1', '+5', '0', '007', '0o17', '0x1F', '0b101', '1_000', '1.5', '1.', '.5', '-.5e3', '1e3', '1E-2', '.inf', '-.Inf', '+.INF', '.nan', '.NaN',
      'true', 'True', 'TRUE', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', '~', '', '2025-01-01', '2025-01-01T10:00:00Z', '12:30', '1:20:30', '0.1.2', 'abc', '"1"', "'true'", '-', '<<'];
    for (const s of scalars) {
      const text = `a: ${s}\nb: [${s === '' ? 'x' : s}]\n`;
      expect(readYamlQuickly(text), s).toEqual(located(text));
    }
  });

  it('reads keys of every kind as the located reading does (or leaves them to it)', () => {
    const keys = ['1', '-1', '0x1F', '0o17', '1.5', '.inf', '-.inf', '.nan', 'true', 'False', 'null', 'Null', 'NULL', '~', 'yes', 'abc', '"null"', "'~'", '2025-01-01'];
    for (const k of keys)
      for (const text of [`${k}: 1\n`, `a:\n  ${k}: x\n`, `- ${k}: 1\n`, `a: {${k}: 1}\n`]) {
        const quick = readYamlQuickly(text);
        if (quick !== undefined) expect(quick, text).toEqual(located(text));
      }
    expect(readYamlQuickly('null: 1\n')).toBeUndefined();
    expect(readYamlQuickly('"null": 1\n')).toEqual({ null: 1 });
  });

  it('agrees on arbitrary plain and quoted scalars and nested maps', () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[-+.0-9a-zA-Z_:ox ]{0,8}$/),
      fc.double().map(String),
      fc.integer().map(String),
      fc.string().map((s) => JSON.stringify(s)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), scalar), { maxLength: 6 }), (pairs) => {
        const keys = new Set(pairs.map(([k]) => k));
        fc.pre(keys.size === pairs.length);
        const text = pairs.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
        const quick = readYamlQuickly(text);
        const slow = located(text);
        if (quick !== undefined && slow !== undefined) expect(quick).toEqual(slow);
        // What the located reading refuses, the quick one leaves to it.
        if (slow === undefined) expect(quick).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves texts with errors, duplicate keys or aliases to the located reading', () => {
    expect(readYamlQuickly('a: 1\na: 2\n')).toBeUndefined();
    expect(readYamlQuickly('a: [1, 2\n')).toBeUndefined();
    expect(readYamlQuickly('a: &x [1]\nb: *x\n')).toBeUndefined();
  });
});
