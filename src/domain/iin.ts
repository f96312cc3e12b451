/**
 * ИИН / ЖСН — the individual identification number of the Republic of Kazakhstan (12 digits).
 *
 * | positions | meaning                                                       |
 * |-----------|---------------------------------------------------------------|
 * | 1–6       | birth date YYMMDD                                             |
 * | 7         | century and sex: 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd male, even female |
 * | 8–11      | serial number                                                 |
 * | 12        | check digit                                                   |
 *
 * Check digit: S1 = Σ dᵢ·i mod 11 (weights 1..11). If S1 ≠ 10 it is the check digit; otherwise
 * S2 = Σ dᵢ·wᵢ mod 11 with weights 3,4,5,6,7,8,9,10,11,1,2; if S2 = 10 the number is never issued.
 */
import type { Sex } from './enums.ts';

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** The check digit for the first 11 digits, or null when such a number is never issued. */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`expected 11 digits, got ${JSON.stringify(first11)}`);
  const weighted = (weights: readonly number[]) => weights.reduce((sum, w, i) => sum + Number(first11[i]) * w, 0) % 11;
  const s1 = weighted(WEIGHTS_1);
  if (s1 !== 10) return s1;
  const s2 = weighted(WEIGHTS_2);
  return s2 === 10 ? null : s2;
}

export type IinProblem =
  | { rule: 'iin.format' }
  | { rule: 'iin.check_digit'; expected: number | null }
  | { rule: 'iin.century_digit'; digit: number }
  | { rule: 'iin.birth_date'; encoded: string }
  | { rule: 'iin.sex'; encoded: Sex };

export interface IinParts {
  /** Birth date as YYYYMMDD. */
  birthYmd: number;
  sex: Sex;
  serial: string;
}

/** Reads the birth date and sex encoded in a ИИН whose shape and check digit are valid. */
export function decodeIin(iin: string): IinParts | IinProblem {
  if (!/^\d{12}$/.test(iin)) return { rule: 'iin.format' };
  const expected = iinCheckDigit(iin.slice(0, 11));
  if (expected === null || expected !== Number(iin[11])) return { rule: 'iin.check_digit', expected };
  const c = Number(iin[6]);
  if (c < 1 || c > 6) return { rule: 'iin.century_digit', digit: c };
  const century = c <= 2 ? 1800 : c <= 4 ? 1900 : 2000;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const birthYmd = year * 10000 + month * 100 + day;
  return { birthYmd, sex: c % 2 === 1 ? 'M' : 'F', serial: iin.slice(7, 11) };
}

/**
 * Checks a ИИН and its agreement with the record's own birth date and sex.
 * Returns the first problem found, or null when the number is valid and agrees.
 */
export function checkIin(iin: string, birthYmd: number | null, sex: Sex | null): IinProblem | null {
  const parts = decodeIin(iin);
  if ('rule' in parts) return parts;
  const { year, month, day } = { year: Math.floor(parts.birthYmd / 10000), month: Math.floor(parts.birthYmd / 100) % 100, day: parts.birthYmd % 100 };
  const validDate = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!validDate) return { rule: 'iin.birth_date', encoded: String(parts.birthYmd) };
  if (birthYmd !== null && birthYmd !== parts.birthYmd) return { rule: 'iin.birth_date', encoded: String(parts.birthYmd) };
  if (sex !== null && sex !== parts.sex) return { rule: 'iin.sex', encoded: parts.sex };
  return null;
}

/**
 * Builds a valid ИИН for a birth date, sex and serial (0..9999). When that serial gives a number
 * that is never issued (S2 = 10), the next serials are tried; returns the ИИН and the serial used.
 */
export function makeIin(birthYmd: number, sex: Sex, serial: number): { iin: string; serial: number } {
  const year = Math.floor(birthYmd / 10000);
  const centuryBase = year < 1900 ? 1 : year < 2000 ? 3 : 5;
  const c = centuryBase + (sex === 'F' ? 1 : 0);
  const yymmdd = String(birthYmd).slice(2);
  for (let s = serial; s < serial + 10000; s++) {
    const first11 = `${yymmdd}${c}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return { iin: `${first11}${check}`, serial: s % 10000 };
  }
  throw new RangeError('no valid ИИН for this date and sex');
}
