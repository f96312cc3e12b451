import { describe, expect, it } from 'vitest';
import { formatIsoDate, isoDay } from './dates.ts';
import { addTerm, compareServedFraction, fraction, fractionOfNumber, parseFraction, parseTerm, reducedEnd, termBetween, termLess, type Term } from './terms.ts';

const d = isoDay;
const iso = formatIsoDate;
const third = fraction(1, 3);
const half = fraction(1, 2);

/** The sign of (served − fraction) on the day before, the day of and the day after `day`. */
const around = (day: string, start: string, t: Term, f = third) => [-1, 0, 1].map((k) => compareServedFraction(d(day) + k, d(start), t, f));

describe('a term laid on the calendar (Criminal Procedure Code Art. 48 part 4)', () => {
  it('ends on the same day of the last month, or on the month’s last day when it has none', () => {
    expect(iso(addTerm(d('2020-03-15'), { months: 60, days: 0 }))).toBe('2025-03-15');
    expect(iso(addTerm(d('2025-01-31'), { months: 1, days: 0 }))).toBe('2025-02-28');
    expect(iso(addTerm(d('2024-01-31'), { months: 1, days: 0 }))).toBe('2024-02-29');
    expect(iso(addTerm(d('2025-03-31'), { months: 1, days: 0 }))).toBe('2025-04-30');
    expect(iso(addTerm(d('2024-02-29'), { months: 12, days: 0 }))).toBe('2025-02-28');
    expect(iso(addTerm(d('2024-02-29'), { months: 48, days: 0 }))).toBe('2028-02-29');
    expect(iso(addTerm(d('2024-12-31'), { months: 2, days: 10 }))).toBe('2025-03-10');
  });

  it('is counted back from two days in months, then days', () => {
    expect(termBetween(d('2020-03-15'), d('2025-03-15'))).toEqual({ months: 60, days: 0 });
    expect(termBetween(d('2025-01-31'), d('2025-02-28'))).toEqual({ months: 1, days: 0 });
    expect(termBetween(d('2025-01-31'), d('2025-02-27'))).toEqual({ months: 0, days: 27 });
    expect(termBetween(d('2024-02-29'), d('2025-02-28'))).toEqual({ months: 12, days: 0 });
    expect(termBetween(d('2025-07-05'), d('2027-01-15'))).toEqual({ months: 18, days: 10 });
    expect(termBetween(d('2025-07-05'), d('2025-07-05'))).toEqual({ months: 0, days: 0 });
  });
});

describe('“served at least one third of the term”, decided on the calendar', () => {
  it('one third of 5 years is 1 year 8 months: from 2020-03-15 it is served on 2021-11-15, not 608.67 days later', () => {
    expect(around('2021-11-15', '2020-03-15', { months: 60, days: 0 })).toEqual([-1, 0, 1]);
    // 608.67 days after the start would be 2021-11-13/14: still short of one third
    expect(compareServedFraction(d('2020-03-15') + 609, d('2020-03-15'), { months: 60, days: 0 }, third)).toBe(-1);
  });

  it('from 29 February: one third of 3 years is 12 months, ending on 28 February of the common year', () => {
    expect(around('2025-02-28', '2024-02-29', { months: 36, days: 0 })).toEqual([-1, 0, 1]);
  });

  it('from the 31st: one third of 1 year 1 month is 4 months 10 days (a month’s left-over third as 10 days), laid from 31 January to 31 May, then 10 days', () => {
    expect(around('2023-06-10', '2023-01-31', { months: 13, days: 0 })).toEqual([-1, 0, 1]);
  });

  it('with days in the term: half of 2 years 10 days is 1 year 5 days', () => {
    expect(around('2023-06-06', '2022-06-01', { months: 24, days: 10 }, half)).toEqual([-1, 0, 1]);
  });

  it('a fraction of a day is not yet served: a third of 3 years 7 months 10 days is 14 months 13⅓ days', () => {
    const start = d('2021-01-10');
    const base = d('2022-03-10'); // start + 14 months
    const t = { months: 43, days: 10 };
    expect([13, 14].map((k) => compareServedFraction(base + k, start, t, third))).toEqual([-1, 1]);
  });

  it('counts nothing served before the start and all of it after the end', () => {
    const t = { months: 12, days: 0 };
    expect(compareServedFraction(d('2019-01-01'), d('2020-01-01'), t, fraction(0, 1))).toBe(0);
    expect(compareServedFraction(d('2030-01-01'), d('2020-01-01'), t, fraction(1, 1))).toBe(0);
  });
});

describe('a term reduced by a fraction', () => {
  it('keeps the rest of the term laid from its start, a month borrowed as 30 days', () => {
    expect(termLess({ months: 60, days: 0 }, third)).toEqual({ months: 40, days: 0 });
    expect(termLess({ months: 43, days: 0 }, third)).toEqual({ months: 28, days: 20 });
    expect(iso(reducedEnd(d('2020-03-15'), { months: 60, days: 0 }, third))).toBe('2023-07-15');
    // the unserved 18 months 10 days from 2025-07-05, reduced by three quarters: 5 months less 13 days (22.5 rounded up), i.e. 4 months 17 days
    expect(termLess({ months: 18, days: 10 }, fraction(3, 4))).toEqual({ months: 4, days: 17 });
    expect(iso(reducedEnd(d('2025-07-05'), { months: 18, days: 10 }, fraction(3, 4)))).toBe('2025-11-22');
  });
});

describe('fractions and terms as written', () => {
  it('reads terms and fractions', () => {
    expect(parseTerm('5y')).toEqual({ months: 60, days: 0 });
    expect(parseTerm('1y8m')).toEqual({ months: 20, days: 0 });
    expect(parseTerm('2y3m15d')).toEqual({ months: 27, days: 15 });
    expect(parseTerm('10d')).toEqual({ months: 0, days: 10 });
    expect(parseTerm('y')).toBeNull();
    expect(parseFraction('1/3')).toEqual({ num: 1, den: 3 });
    expect(parseFraction('0.75')).toEqual({ num: 3, den: 4 });
    expect(parseFraction('2/6')).toEqual({ num: 1, den: 3 });
    expect(parseFraction('1/0')).toBeNull();
  });

  it('turns a number into the fraction it stands for', () => {
    expect(fractionOfNumber(1 / 3)).toEqual({ num: 1, den: 3 });
    expect(fractionOfNumber(2 / 3)).toEqual({ num: 2, den: 3 });
    expect(fractionOfNumber(0.333)).toEqual({ num: 333, den: 1000 });
    expect(fractionOfNumber(0.5)).toEqual({ num: 1, den: 2 });
    expect(fractionOfNumber(1)).toEqual({ num: 1, den: 1 });
    expect(fractionOfNumber(0)).toEqual({ num: 0, den: 1 });
  });
});
