/**
 * Gravity of an offence derived from the maximum punishment its article part allows.
 *
 * Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V:
 * - Art. 10: a criminal misdemeanour (уголовный проступок) is punishable without imprisonment;
 * - Art. 11 part 2: minor (небольшой тяжести) — intentional, maximum imprisonment not above 2 years;
 *   negligent, not above 5 years;
 * - Art. 11 part 3: medium (средней тяжести) — intentional, not above 5 years; negligent, above 5 years;
 * - Art. 11 part 4: grave (тяжкое) — intentional, not above 12 years;
 * - Art. 11 part 5: especially grave (особо тяжкое) — intentional, above 12 years, or life imprisonment.
 */
import type { Gravity, Intent } from '../domain/enums.ts';

/** The most severe punishment an article part provides, in months of imprisonment. */
export type MaxPunishment = { kind: 'no_imprisonment' } | { kind: 'imprisonment'; months: number } | { kind: 'life' };

export const THRESHOLD_MONTHS = {
  intentionalMinor: 24,
  intentionalMedium: 60,
  intentionalGrave: 144,
  negligentMinor: 60,
} as const;

/**
 * Which Code's categories apply: `cc2014` (above) or `cc1997`, the Criminal Code of 16 July 1997
 * No. 167-I, Art. 10 (read in its Russian text, copies at studopedia.ru/10_178139 and, with a commentary,
 * zakonpravo.kz; the same thresholds in both):
 * - part 2: minor — intentional acts whose maximum punishment is not above two years of imprisonment,
 *   negligent acts not above five years;
 * - part 3: medium — intentional not above five years; negligent punishable by imprisonment above five years;
 * - part 4: grave — intentional not above twelve years;
 * - part 5: especially grave — intentional, imprisonment above twelve years or the death penalty (life
 *   imprisonment, added later as the death penalty's alternative, is above twelve years).
 * The thresholds are those of the 2014 Code's Art. 11; the 1997 Code knew no criminal misdemeanours, so
 * a sanction without imprisonment is minor (its maximum is below two years of imprisonment).
 */
export type GravityRules = 'cc2014' | 'cc1997';

export function deriveGravity(intent: Intent, max: MaxPunishment, rules: GravityRules = 'cc2014'): Gravity {
  if (max.kind === 'no_imprisonment') return rules === 'cc1997' ? 'minor' : 'misdemeanour';
  if (intent === 'negligent') {
    if (max.kind === 'life') return 'medium';
    return max.months <= THRESHOLD_MONTHS.negligentMinor ? 'minor' : 'medium';
  }
  if (max.kind === 'life') return 'especially_grave';
  if (max.months <= THRESHOLD_MONTHS.intentionalMinor) return 'minor';
  if (max.months <= THRESHOLD_MONTHS.intentionalMedium) return 'medium';
  if (max.months <= THRESHOLD_MONTHS.intentionalGrave) return 'grave';
  return 'especially_grave';
}

const MAX_TEXT = /^(?:(\d+)y)?(?:(\d+)m)?$/;

/** Reads `none`, `life`, `3y`, `2y6m` or `18m`; null when the text is none of these. */
export function parseMaxPunishment(text: string): MaxPunishment | null {
  if (text === 'none') return { kind: 'no_imprisonment' };
  if (text === 'life') return { kind: 'life' };
  const m = MAX_TEXT.exec(text);
  if (m === null || (m[1] === undefined && m[2] === undefined)) return null;
  const months = Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
  if (months <= 0) return null;
  return { kind: 'imprisonment', months };
}
