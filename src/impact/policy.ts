/**
 * The policy numbers impact analysis reads besides those its configuration names
 * (reports/impact-kz.yaml): dated parameters of law/parameters.yaml, each with its source or marked
 * as an assumption (docs/law-data.md). Read at the act's day and passed in as values: nothing here
 * is a figure.
 */
import type { Parameters } from '../law/parameters.ts';

export const POLICY_PARAMETERS = {
  /** The length of "the first year" of savings and of the occupancy within a year. */
  daysPerYear: 'calendar.days_per_year',
  /** A daily flow turned into a monthly one (a month = a twelfth of the mean year). */
  meanDaysPerYear: 'calendar.mean_days_per_year',
  /** Rows with fewer persons than this on either side are not candidates for the largest gap. */
  minGroup: 'impact.equality.min_group',
  /** A gap of at least this many percentage points is worth a reviewer's look. */
  gapWorthReview: 'impact.equality.gap_worth_review',
} as const;

/** The calendar conventions in force on a day. */
export interface CalendarPolicy {
  daysPerYear: number;
  meanDaysPerYear: number;
}

/** The thresholds of the equality section in force on a day. */
export interface EqualityPolicy {
  minGroup: number;
  gapWorthReview: number;
}

export function calendarPolicy(parameters: Parameters, day: number): CalendarPolicy {
  return { daysPerYear: parameters.value(POLICY_PARAMETERS.daysPerYear, day), meanDaysPerYear: parameters.value(POLICY_PARAMETERS.meanDaysPerYear, day) };
}

export function equalityPolicy(parameters: Parameters, day: number): EqualityPolicy {
  return { minGroup: parameters.value(POLICY_PARAMETERS.minGroup, day), gapWorthReview: parameters.value(POLICY_PARAMETERS.gapWorthReview, day) };
}
