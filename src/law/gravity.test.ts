import { describe, expect, it } from 'vitest';
import { deriveGravity, parseMaxPunishment } from './gravity.ts';

const years = (y: number, m = 0) => ({ kind: 'imprisonment' as const, months: y * 12 + m });

describe('gravity derived by Criminal Code Art. 10/11', () => {
  it('no imprisonment is a criminal misdemeanour (Art. 10)', () => {
    expect(deriveGravity('intentional', { kind: 'no_imprisonment' })).toBe('misdemeanour');
    expect(deriveGravity('negligent', { kind: 'no_imprisonment' })).toBe('misdemeanour');
  });
  it('intentional: up to 2 years inclusive is minor, above is medium', () => {
    expect(deriveGravity('intentional', years(2))).toBe('minor');
    expect(deriveGravity('intentional', years(2, 1))).toBe('medium');
  });
  it('intentional: up to 5 years inclusive is medium, above is grave', () => {
    expect(deriveGravity('intentional', years(5))).toBe('medium');
    expect(deriveGravity('intentional', years(5, 1))).toBe('grave');
  });
  it('intentional: up to 12 years inclusive is grave, above or life is especially grave', () => {
    expect(deriveGravity('intentional', years(12))).toBe('grave');
    expect(deriveGravity('intentional', years(12, 1))).toBe('especially_grave');
    expect(deriveGravity('intentional', { kind: 'life' })).toBe('especially_grave');
  });
  it('negligent: up to 5 years inclusive is minor, above is medium, never grave', () => {
    expect(deriveGravity('negligent', years(5))).toBe('minor');
    expect(deriveGravity('negligent', years(5, 1))).toBe('medium');
    expect(deriveGravity('negligent', years(20))).toBe('medium');
  });
  it('reads maximum punishments', () => {
    expect(parseMaxPunishment('3y')).toEqual(years(3));
    expect(parseMaxPunishment('2y6m')).toEqual(years(2, 6));
    expect(parseMaxPunishment('18m')).toEqual(years(1, 6));
    expect(parseMaxPunishment('none')).toEqual({ kind: 'no_imprisonment' });
    expect(parseMaxPunishment('life')).toEqual({ kind: 'life' });
    expect(parseMaxPunishment('0y')).toBeNull();
    expect(parseMaxPunishment('three years')).toBeNull();
    expect(parseMaxPunishment('')).toBeNull();
  });
});

describe('gravity of the 1997 Code (its Art. 10: the same thresholds, no criminal misdemeanours)', () => {
  const g = (intent: 'intentional' | 'negligent', max: Parameters<typeof deriveGravity>[1]) => deriveGravity(intent, max, 'cc1997');
  it('part 2: intentional up to 2 years and negligent up to 5 years are minor; a sanction without imprisonment too', () => {
    expect(g('intentional', years(2))).toBe('minor');
    expect(g('negligent', years(5))).toBe('minor');
    expect(g('intentional', { kind: 'no_imprisonment' })).toBe('minor');
    expect(g('negligent', { kind: 'no_imprisonment' })).toBe('minor');
  });
  it('part 3: intentional up to 5 years is medium; negligent above 5 years is medium, never grave', () => {
    expect(g('intentional', years(2, 1))).toBe('medium');
    expect(g('intentional', years(5))).toBe('medium');
    expect(g('negligent', years(5, 1))).toBe('medium');
    expect(g('negligent', years(20))).toBe('medium');
  });
  it('parts 4-5: intentional up to 12 years is grave, above it (or life, or death) especially grave', () => {
    expect(g('intentional', years(5, 1))).toBe('grave');
    expect(g('intentional', years(12))).toBe('grave');
    expect(g('intentional', years(12, 1))).toBe('especially_grave');
    expect(g('intentional', { kind: 'life' })).toBe('especially_grave');
  });
});
