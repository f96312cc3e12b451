import { describe, expect, it } from 'vitest';
import { checkIin, decodeIin, iinCheckDigit, makeIin } from './iin.ts';

describe('ИИН check digit', () => {
  it('accepts the documented example 790303402568 (S1 = 217 mod 11 = 8)', () => {
    expect(iinCheckDigit('79030340256')).toBe(8);
    expect(checkIin('790303402568', 19790303, 'F')).toBeNull();
  });
  it('falls back to the second weights when S1 = 10', () => {
    // 9·1+0·2+0·3+1·4+0·5+1·6+4·7+0·8+0·9+4·10+0·11 = 87, 87 mod 11 = 10 → S2 = 4 (by hand)
    expect(iinCheckDigit('90010140040')).toBe(4);
  });
  it('reports a number that is never issued (S1 = S2 = 10)', () => {
    expect(iinCheckDigit('90010140043')).toBeNull();
    expect(checkIin('900101400430', 19900101, 'F')).toEqual({ rule: 'iin.check_digit', expected: null });
  });
  it('rejects a wrong check digit, naming the expected one', () => {
    expect(checkIin('790303402567', null, null)).toEqual({ rule: 'iin.check_digit', expected: 8 });
  });
  it('rejects a number that is not 12 digits', () => {
    expect(checkIin('79030340256', null, null)).toEqual({ rule: 'iin.format' });
    expect(checkIin('79030340256X', null, null)).toEqual({ rule: 'iin.format' });
  });
});

describe('ИИН agreement with the record', () => {
  it('decodes birth date, century and sex', () => {
    expect(decodeIin('790303402568')).toEqual({ birthYmd: 19790303, sex: 'F', serial: '0256' });
  });
  it('reports a birth date that disagrees', () => {
    expect(checkIin('790303402568', 19790304, 'F')).toMatchObject({ rule: 'iin.birth_date' });
  });
  it('reports a sex that disagrees (4 = woman born in the 1900s)', () => {
    expect(checkIin('790303402568', 19790303, 'M')).toEqual({ rule: 'iin.sex', encoded: 'F' });
  });
  it('reports a century digit outside 1–6', () => {
    for (let serial = 0; serial < 100; serial++) {
      const first11 = `7903037${String(serial).padStart(4, '0')}`;
      const check = iinCheckDigit(first11);
      if (check === null) continue;
      expect(checkIin(`${first11}${check}`, null, null)).toEqual({ rule: 'iin.century_digit', digit: 7 });
      return;
    }
    throw new Error('no serial with a check digit');
  });
  it('makes valid numbers for every century and sex', () => {
    for (const [ymd, sex] of [
      [18991231, 'M'],
      [19790303, 'F'],
      [20050101, 'M'],
      [20240229, 'F'],
    ] as const) {
      for (let serial = 0; serial < 50; serial++) {
        const { iin } = makeIin(ymd, sex, serial);
        expect(checkIin(iin, ymd, sex)).toBeNull();
      }
    }
  });
});
