import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../domain/dates.ts';
import { DataFileError } from '../domain/located.ts';
import { loadCriminalCode } from './criminal-code.ts';
import { loadLaw } from './law.ts';
import { loadParameters } from './parameters.ts';

const law = loadLaw();
const cc = law.criminalCode;

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'amnestia-law-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('Criminal Code table', () => {
  it('covers every part of the articles of the domain brief with its gravity', () => {
    // DOMAIN.md, "A partial reference table": gravity by part (the higher one where a range is given).
    const expected: Record<string, string[]> = {
      '99': ['especially_grave', 'especially_grave'],
      '101': ['medium', 'medium'],
      '106': ['grave', 'grave', 'grave'],
      '107': ['medium', 'medium'],
      '110': ['medium', 'grave'],
      '187': ['misdemeanour'],
      '188': ['medium', 'medium', 'grave', 'grave'],
      '189': ['minor', 'medium', 'grave', 'grave'],
      '190': ['medium', 'medium', 'grave', 'grave'],
      '191': ['medium', 'grave', 'grave', 'grave'],
      '192': ['grave', 'grave', 'especially_grave', 'especially_grave'],
      '218': ['medium', 'grave', 'grave'],
      '293': ['misdemeanour', 'medium', 'grave'],
      '296': ['medium', 'grave', 'grave'],
      '297': ['grave', 'grave', 'especially_grave', 'especially_grave'],
      '345': ['minor', 'minor', 'medium', 'medium'],
      '380': ['medium', 'grave'],
    };
    for (const [article, gravities] of Object.entries(expected)) {
      gravities.forEach((g, i) => expect(cc.part(`${article}-${i + 1}`)?.gravity, `${article}-${i + 1}`).toBe(g));
    }
    for (const a of ['104', '128', '194', '202', '361', '366', '367', '368', '385']) expect(cc.hasArticle(a), a).toBe(true);
  });
  it('derives gravity from the maximum punishment wherever it is given', () => {
    const derived = cc.parts.filter((p) => p.gravityDerived);
    expect(derived.length).toBeGreaterThan(20);
    for (const p of derived) expect(p.max).not.toBeNull();
  });
  it('marks 202-1 verified and the rest as the data says, each with a source', () => {
    expect(cc.part('202-1')?.verified).toBe(true);
    for (const p of cc.parts) expect(p.source.length).toBeGreaterThan(0);
  });
  it('tags exclusion groups', () => {
    expect(cc.part('366-1')?.tags).toContain('corruption');
    expect(cc.part('297-1')?.tags).toContain('drug_trafficking');
    expect(cc.part('99-1')?.tags).toContain('murder');
    expect(cc.part('255-1')?.tags).toContain('terrorism');
  });
  it('never resolves an unknown article or part to a default', () => {
    expect(cc.resolve('188-2')).toMatchObject({ part: { id: '188-2' } });
    expect(cc.resolve('187')).toMatchObject({ part: { id: '187-1' } });
    expect(cc.resolve('188')).toMatchObject({ error: expect.stringContaining('has parts') });
    expect(cc.resolve('188-9')).toMatchObject({ error: expect.stringContaining('no part 9') });
    expect(cc.resolve('9999-1')).toMatchObject({ error: expect.stringContaining('not in the Criminal Code table') });
  });
  it('rejects a part that gives both max and gravity, with file, line and path', () => {
    const file = tmpFile(
      'cc.yaml',
      [
        'code: X',
        'title: { ru: X, en: X }',
        'source: test',
        'articles:',
        '  "1":',
        '    title: { ru: a, en: a }',
        '    intent: intentional',
        '    violent: "no"',
        '    verified: false',
        '    source: test',
        '    parts:',
        '      "1": { max: 3y, gravity: grave }',
        '      "2": { max: three }',
        '      "3": { gravity: grave, tags: [bogus] }',
      ].join('\n'),
    );
    try {
      loadCriminalCode(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataFileError);
      const errors = (e as DataFileError).errors;
      expect(errors.map((x) => x.path)).toEqual(
        expect.arrayContaining(['$.articles["1"].parts["1"].gravity', '$.articles["1"].parts["2"].max', '$.articles["1"].parts["3"].tags[0]']),
      );
      const both = errors.find((x) => x.path.endsWith('parts["1"].gravity'))!;
      expect(both.line).toBe(12);
      expect(both.file).toBe(file);
    }
  });
});

describe('dated parameters', () => {
  it('looks a value up by date', () => {
    expect(law.parameters.value('cost.inmate_per_day.letter', isoDay('2025-02-01'))).toBe(2900);
    expect(law.parameters.value('cost.inmate_per_day.committee', isoDay('2024-08-01'))).toBe(7500);
    expect(law.parameters.at('cost.probationer_per_day', isoDay('2025-02-01')).assumption).toBe(true);
    expect(law.parameters.value('family.many_children_threshold', isoDay('2025-02-01'))).toBe(4);
  });
  it('has no value before the first date', () => {
    expect(() => law.parameters.value('cost.inmate_per_day.letter', isoDay('2020-01-01'))).toThrow(/no value on 2020-01-01/);
  });
  it('takes the latest value in force', () => {
    const file = tmpFile(
      'p.yaml',
      [
        'parameters:',
        '  x.y:',
        '    description: { kk: a, ru: a, en: a }',
        '    unit: tenge',
        '    values:',
        '      - { from: 2024-01-01, value: 1, source: s }',
        '      - { from: 2025-01-01, value: 2, source: s }',
      ].join('\n'),
    );
    const p = loadParameters(file);
    expect(p.value('x.y', isoDay('2024-12-31'))).toBe(1);
    expect(p.value('x.y', isoDay('2025-01-01'))).toBe(2);
  });
});
