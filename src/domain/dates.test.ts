import { describe, expect, it } from 'vitest';
import { addMonths, addMonthsByFormula, addYearsYmd, civilOf, dayNumberOf, formatIsoDate, fullYears, monthsBetween, parseIsoDate, ymdOfDay, ymdOfDayByFormula } from './dates.ts';
import { termBetween } from './terms.ts';

describe('dates', () => {
  it('day numbers count from 1970-01-01', () => {
    expect(dayNumberOf(1970, 1, 1)).toBe(0);
    expect(dayNumberOf(2000, 3, 1)).toBe(11017);
    expect(parseIsoDate('1969-12-31')).toBe(-1);
  });
  it('round-trips every day of four centuries', () => {
    for (let d = dayNumberOf(1800, 1, 1); d < dayNumberOf(2200, 1, 1); d += 1) {
      const { year, month, day } = civilOf(d);
      if (dayNumberOf(year, month, day) !== d) throw new Error(`round trip fails at ${d}`);
    }
  });
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('2025-04-31')).toBeNull();
    expect(parseIsoDate('25-04-01')).toBeNull();
  });
  it('counts age in completed years on the day', () => {
    const born = 19750623;
    expect(fullYears(born, 20250622)).toBe(49);
    expect(fullYears(born, 20250623)).toBe(50);
    // born on 29 February: a year older on 1 March of a common year
    expect(fullYears(20000229, 20250228)).toBe(24);
    expect(fullYears(20000229, 20250301)).toBe(25);
    expect(fullYears(20000229, 20240229)).toBe(24);
  });
  it('adds years and months', () => {
    expect(addYearsYmd(20000229, 1)).toBe(20010301);
    expect(addYearsYmd(20000229, 4)).toBe(20040229);
    expect(formatIsoDate(addMonths(parseIsoDate('2025-01-31')!, 1))).toBe('2025-02-28');
    expect(formatIsoDate(addMonths(parseIsoDate('2025-06-23')!, -6))).toBe('2024-12-23');
    expect(ymdOfDay(parseIsoDate('2025-06-23')!)).toBe(20250623);
  });
  it('the months table answers as the formula on every day, and beyond its range', () => {
    const shifts = [-1200, -241, -13, -12, -1, 0, 1, 2, 11, 12, 13, 59, 240, 1199];
    for (let d = dayNumberOf(1895, 1, 1); d < dayNumberOf(2205, 1, 1); d += 1) {
      if (ymdOfDay(d) !== ymdOfDayByFormula(d)) throw new Error(`ymdOfDay differs at ${d}`);
      for (const m of shifts) if (addMonths(d, m) !== addMonthsByFormula(d, m)) throw new Error(`addMonths(${d}, ${m}) differs`);
    }
  });
  it('counts whole months between two days as termBetween does, across leap days and month ends', () => {
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 200_000; k++) {
      const a = dayNumberOf(1890, 1, 1) + (next() % 120000);
      const b = a + (next() % 9000) - 100;
      const want = b < a ? 0 : termBetween(a, b).months;
      if (monthsBetween(a, b) !== want) throw new Error(`monthsBetween(${a}, ${b}) = ${monthsBetween(a, b)}, not ${want}`);
    }
    // 31 January to 28 February 2025 is one month (the month has no 31st); 29 February 2024 to 28 February 2025 is 12 months (29 February + 12 months ends on 28 February)
    expect(monthsBetween(parseIsoDate('2025-01-31')!, parseIsoDate('2025-02-28')!)).toBe(1);
    expect(monthsBetween(parseIsoDate('2024-02-29')!, parseIsoDate('2025-02-28')!)).toBe(12);
  });
});
