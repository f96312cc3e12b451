import { describe, expect, it } from 'vitest';
import { addMonths, dayNumberOf, UNKNOWN_DATE } from '../domain/dates.ts';
import { addTerm, compareServedFraction, compareTerms, reducedEnd, termBetween, type Term } from '../domain/terms.ts';
import { imposedReductionDays, imposedTermSign, remainingTermSign, servedFractionSign, servedTermSign, unservedReductionDays, UNKNOWN_SIGN } from './calendar.ts';

/**
 * The kernel's integer calendar functions against the arithmetic of terms in src/domain/terms.ts
 * (objects, written as the law reads), on random sentences around month ends and leap days.
 */
describe('the kernel’s calendar arithmetic equals the terms of src/domain/terms.ts', () => {
  let x = 987654321;
  const next = (n: number) => (x = (x * 1103515245 + 12345) % 2147483648) % n;
  const base = dayNumberOf(1995, 1, 1);
  const fractions = [
    [1, 3],
    [1, 2],
    [2, 3],
    [3, 4],
    [1, 4],
    [5, 7],
    [1, 1],
  ] as const;
  const sentence = () => {
    const start = base + next(12000);
    const months = next(5) === 0 ? -1 : next(300);
    const days = months < 0 ? -1 : next(40);
    const end = next(7) === 0 ? UNKNOWN_DATE : start + next(9000);
    return { start, end, months, days };
  };
  const termOf = (s: { start: number; end: number; months: number; days: number }): Term | null =>
    s.months >= 0 && s.days >= 0 ? { months: s.months, days: s.days } : s.end !== UNKNOWN_DATE && s.end > s.start ? termBetween(s.start, s.end) : null;

  it('served fraction, served, remaining and imposed terms', () => {
    for (let k = 0; k < 100_000; k++) {
      const s = sentence();
      const day = s.start + next(10000) - 500;
      const [num, den] = fractions[next(fractions.length)]!;
      const t = termOf(s);
      const want = t === null || (t.months === 0 && t.days === 0) ? UNKNOWN_SIGN : compareServedFraction(day, s.start, t, { num, den });
      expect(servedFractionSign(s.start, s.end, s.months, s.days, day, num, den)).toBe(want);
      const tm = next(120);
      const td = next(31);
      const at = Math.max(s.start, s.end !== UNKNOWN_DATE && s.end < day ? s.end : day);
      expect(servedTermSign(s.start, s.end, day, tm, td)).toBe(Math.sign(at - addTerm(s.start, { months: tm, days: td })));
      if (s.end !== UNKNOWN_DATE) expect(remainingTermSign(s.end, day, tm, td)).toBe(Math.sign(s.end - addTerm(Math.min(day, s.end), { months: tm, days: td })));
      expect(imposedTermSign(s.months, s.days, tm, td)).toBe(s.months < 0 ? UNKNOWN_SIGN : compareTerms({ months: s.months, days: s.days }, { months: tm, days: td }));
    }
  });

  it('days a reduction of the unserved part or of the term remits', () => {
    for (let k = 0; k < 100_000; k++) {
      const s = sentence();
      const [num, den] = fractions[next(fractions.length)]!;
      const day = s.start + next(4000);
      const end = day + 1 + next(6000);
      expect(unservedReductionDays(day, end, num, den)).toBe(end - reducedEnd(day, termBetween(day, end), { num, den }));
      const t = termOf(s);
      const got = imposedReductionDays(s.start, s.end, s.months, s.days, num, den);
      if (t === null) expect(got).toBeNaN();
      else expect(got).toBe(addTerm(s.start, t) - reducedEnd(s.start, t, { num, den }));
    }
    expect(addMonths(dayNumberOf(2024, 2, 29), 12)).toBe(dayNumberOf(2025, 2, 28));
  });
});
