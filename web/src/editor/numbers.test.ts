import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findNumbers, withNumber, type NumericFact } from './numbers.ts';

const act = (id: string) => readFileSync(fileURLToPath(new URL(`../../../acts/${id}/act.yaml`, import.meta.url)), 'utf8');
const FACTS = new Map<string, NumericFact>([
  ['age', { name: 'age', unit: 'years' }],
  ['children_under', { name: 'children_under', unit: 'persons' }],
  ['remaining_days', { name: 'remaining_days', unit: 'days' }],
  ['disability_group', { name: 'disability_group', unit: 'group' }],
  ['remaining_term', { name: 'remaining_term', unit: 'term' }],
]);

describe('the numbers under the editor’s sliders', () => {
  it('finds the parameters, and the numbers compared with numeric facts in conditions', () => {
    const text = act('kz-2025-women-proposal');
    const numbers = findNumbers(text, FACTS);
    const byKey = new Map(numbers.map((n) => [n.key, n]));
    expect(byKey.get('parameters.vulnerable_reduction')).toMatchObject({ kind: 'fraction', value: 0.5 });
    expect(byKey.get('parameters.grave_reduction')).toMatchObject({ kind: 'fraction', value: 0.25 });
    const age = numbers.find((n) => n.name === 'age >=');
    expect(age).toMatchObject({ kind: 'years', value: 60, owner: 'socially_vulnerable_woman' });
    expect(text.slice(age!.from, age!.to)).toBe('60');
    expect(numbers.find((n) => n.name === 'children_under(3) >=')).toMatchObject({ value: 1 });
    // "disability_group in [1, 2, 3]" is a list, not a comparison: no slider.
    expect(numbers.some((n) => n.name.startsWith('disability_group'))).toBe(false);
  });

  it('rewrites one number and leaves the rest of the text as it was', () => {
    const text = act('kz-2025-women-proposal');
    const grave = findNumbers(text, FACTS).find((n) => n.key === 'parameters.grave_reduction')!;
    const next = withNumber(text, grave, 0.4);
    const doc = parseDocument(next);
    expect(doc.errors).toEqual([]);
    expect(doc.getIn(['parameters', 'grave_reduction', 'value'])).toBe(0.4);
    expect(doc.getIn(['parameters', 'vulnerable_reduction', 'value'])).toBe(0.5);
    expect(next.length).toBe(text.length - '0.25'.length + '0.4'.length);
  });

  it('finds the year left to serve of the 2025 law’s release clause and moves it', () => {
    const text = act('kz-2025-constitution-30');
    // The law's year is a term (remaining_term <= 1y), moved in months and written back as a term.
    const remaining = findNumbers(text, FACTS).find((n) => n.name === 'remaining_term <=')!;
    expect(remaining).toMatchObject({ owner: 'art2_2', kind: 'term', value: 12 });
    expect(withNumber(text, remaining, 24)).toContain('remaining_term <= 2y');
    expect(withNumber(text, remaining, 18)).toContain('remaining_term <= 1y6m');
    expect(withNumber(text, remaining, 5)).toContain('remaining_term <= 5m');
  });

  it('finds nothing in a text that is not valid YAML', () => {
    expect(findNumbers('parameters: [\n', FACTS)).toEqual([]);
  });
});
