import { describe, expect, it } from 'vitest';
import { addMonths, addYearsYmd, civilOf, dayNumberOf, formatIsoDate, fullYears, parseIsoDate, ymdOfDay } from './dates.ts';

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
});
