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
 * No. 167-I, Art. 10 as first enacted: minor — intentional or negligent, maximum not above 2 years;
 * medium — intentional not above 5 years, negligent above 2 years; grave — intentional not above
 * 12 years; especially grave — intentional above 12 years, life imprisonment or the death penalty.
 * The 1997 Code knew no criminal misdemeanours; a sanction without imprisonment is then minor.
 * (Read from the 1997 text as recalled, not checked: the table marks 1997 parts unverified.)
 */
export type GravityRules = 'cc2014' | 'cc1997';

export function deriveGravity(intent: Intent, max: MaxPunishment, rules: GravityRules = 'cc2014'): Gravity {
  if (rules === 'cc1997') {
    if (max.kind === 'no_imprisonment') return 'minor';
    if (intent === 'negligent') return max.kind === 'imprisonment' && max.months <= 24 ? 'minor' : 'medium';
    if (max.kind === 'life') return 'especially_grave';
    if (max.months <= 24) return 'minor';
    if (max.months <= 60) return 'medium';
    if (max.months <= 144) return 'grave';
    return 'especially_grave';
  }
  if (max.kind === 'no_imprisonment') return 'misdemeanour';
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
