/**
 * The impact report as the CLI writes it in JSON (`amnestia impact --format json`) and as the API,
 * the web UI and the documents read it. The schema is the contract: docs/impact.md describes every
 * field, and tests parse real reports with it. Dates are ISO strings, money is in tenge, shares are
 * in [0, 1]; labels come in kk, ru and en.
 */
import { z } from 'zod';

export const IMPACT_SCHEMA_ID = 'amnestia.impact/1';

const text = z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const money = z.number();

/** A dated parameter as used: its value on the day it was read, with its source. */
export const parameterUsedSchema = z.strictObject({
  name: z.string(),
  label: text,
  value: z.number(),
  unit: z.string(),
  from: isoDate,
  source: z.string(),
  assumption: z.boolean(),
  /** The day asked for comes before the first value: the first value is used. */
  extrapolated: z.boolean(),
});

/** Persons of one group by what the act does to them. `covered` = eligible = released + reduced + replaced + other. */
export const coverageRowSchema = z.strictObject({
  key: z.string(),
  label: text.nullable(),
  persons: count,
  covered: count,
  released: count,
  reduced: count,
  replaced: count,
  other: count,
  excluded: count,
  needs_review: count,
  not_covered: count,
  /** Days of punishment remitted to the group (releases and reductions; replacements remit none). */
  days_remitted: count,
});

export const occupancyRowSchema = z.strictObject({
  facility: z.string(),
  label: text.nullable(),
  region: z.string().nullable(),
  capacity: count.nullable(),
  /** Persons held on the day of entry into force. */
  held: count,
  /** Released or moved to a milder punishment by the act: they leave at once. */
  leaving: count,
  /** Leaving within a year of entry into force because of a reduction (they would have stayed longer). */
  leaving_earlier_within_year: count,
  occupancy_before: z.number().nullable(),
  occupancy_after: z.number().nullable(),
});

const moneyBySpanSchema = z.strictObject({ first_month_per_day: money, first_year: money, horizon: money });

export const moneyVariantSchema = z.strictObject({
  /** Keys of the unverified inputs this variant's figures rest on. */
  unverified: z.array(z.string()),
  inmate_cost: parameterUsedSchema,
  probation_cost: parameterUsedSchema,
  total: moneyBySpanSchema,
  institution: moneyBySpanSchema,
  probation: moneyBySpanSchema,
  by_measure: z.record(z.string(), moneyBySpanSchema),
});

export const moneySchema = z.strictObject({
  /** Days of punishment remitted, by measure kind and custody; replaced = days moved from an institution to probation. */
  days: z.strictObject({
    released_institution: count,
    released_probation: count,
    reduced_institution: count,
    reduced_probation: count,
    replaced_institution: count,
    /** Covered persons whose days cannot be computed (end of term unknown, life sentence). */
    unknown_persons: count,
  }),
  first_month_days: count,
  days_per_year: count,
  horizon_end: isoDate.nullable(),
  variants: z.array(moneyVariantSchema),
  /** The letter's method: every released person × the letter's daily cost, per day and × days per year. */
  letter_method: z.strictObject({
    released: count,
    released_institution: count,
    released_probation: count,
    cost_per_day: parameterUsedSchema,
    per_day: money,
    per_year: money,
    /** Mean days left to serve of the released whose end of term is known. */
    mean_days_left: z.number().nullable(),
    unverified: z.array(z.string()),
  }),
  /** One sentence on why ours differs from the letter's. */
  difference: text,
});

const countBy = z.record(z.string(), count);

export const addedSchema = z.strictObject({
  persons: count,
  women: count,
  men: count,
  by_gravity: countBy,
  by_custody: countBy,
  by_measure: countBy,
  by_clause: countBy,
  by_social_category: countBy,
});

const disparitySideSchema = z.strictObject({ persons: count, covered: count, rate: z.number().nullable(), released: count, released_rate: z.number().nullable() });

export const disparityRowSchema = z.strictObject({
  gravity: z.string(),
  /** A social category id, `any_category` or `no_category`. */
  group: z.string(),
  women: disparitySideSchema,
  men: disparitySideSchema,
  /** Women's coverage rate minus men's, in percentage points; null when either side is empty. */
  difference_points: z.number().nullable(),
  /** The same for the rate of release. */
  released_difference_points: z.number().nullable(),
});

const sexCountSchema = z.strictObject({ persons: count, women: count, men: count });

export const equalitySchema = z.strictObject({
  depends_on_sex: z.strictObject({
    clauses: z.array(z.strictObject({ id: z.string(), ref: z.string(), label: text.nullable() })),
    exclusions: z.array(z.strictObject({ id: z.string(), ref: z.string() })),
    definitions: z.array(z.string()),
  }),
  counterfactual: z.strictObject({
    act_id: z.string(),
    covered: count,
    /** Persons the sex-neutral act covers and the act does not. */
    added: addedSchema,
    /** Persons the act covers and the sex-neutral act does not (possible under first_match). */
    removed: sexCountSchema,
    /** Persons covered by both whose measure differs, with the kinds `reduce→release` and so on. */
    measure_changed: sexCountSchema.extend({ by_transition: countBy }),
  }),
  disparity: z.array(disparityRowSchema),
  /** The largest gap in coverage or in release among rows with at least impact.equality.min_group persons a side. */
  largest_gap: z.strictObject({ row: disparityRowSchema, on: z.enum(['covered', 'released']), points: z.number() }).nullable(),
  verdict: text,
});

export const victimsSchema = z.strictObject({
  covered_with_unpaid_claims: count,
  unpaid_total: money,
  /** Covered persons whose claim (amount or payment) is unknown. */
  covered_claim_unknown: count,
  by_measure: z.record(z.string(), z.strictObject({ persons: count, unpaid: money })),
  by_custody: z.record(z.string(), z.strictObject({ persons: count, unpaid: money })),
  with_condition: z.strictObject({
    ref: text,
    label: text,
    applies_to: z.array(z.string()),
    act_id: z.string(),
    covered_before: count,
    covered_after: count,
    released_before: count,
    released_after: count,
    released_with_unpaid_claims_before: count,
    released_with_unpaid_claims_after: count,
    /** Persons the condition takes out of a clause it applies to. */
    leave_clause: count,
    leave_clause_unpaid: money,
    /** What those persons get instead (measure kind, or a status). */
    leave_clause_now: countBy,
  }),
});

export const riskSchema = z.strictObject({
  released: count,
  interval: z.number(),
  runs: count,
  seed: z.number().int(),
  horizons: z.array(z.strictObject({ years: z.number().int(), expected: z.number(), low: count, high: count, rate: z.number().nullable() })),
  unknown_age: count,
  unknown_priors: count,
  unknown_gravity: count,
  source: z.string(),
  assumption: z.boolean(),
  note: text,
});

export const projectionMonthSchema = z.strictObject({
  month: z.number().int().positive(),
  end: isoDate,
  baseline: z.strictObject({ institution: z.number(), probation: z.number() }),
  act: z.strictObject({ institution: z.number(), probation: z.number() }),
  beds_freed: z.number(),
  /** Money saved in the month, one amount per money variant (same order as money.variants). */
  saved: z.array(money),
});

export const projectionSchema = z.strictObject({
  start: isoDate,
  months: z.array(projectionMonthSchema),
  grant_rate: parameterUsedSchema,
  admissions_per_month: z.strictObject({ institution: z.number(), probation: z.number(), basis: z.enum(['steady_state', 'given']) }),
  applications: z.strictObject({ from: isoDate, to: isoDate, slots: count }),
  /** Covered persons whose end of term is unknown: kept as in the baseline. */
  unknown_end_persons: count,
  saved_total: z.array(money),
});

export const outcomesSummarySchema = z.strictObject({
  persons: count,
  by_status: countBy,
  by_measure: countBy,
  /** `unverified`: keys of the report's `unverified_inputs` the figure rests on. */
  by_clause: z.array(z.strictObject({ id: z.string(), ref: z.string(), label: text.nullable(), measure: z.string(), persons: count, days_remitted: count, unverified: z.array(z.string()) })),
  by_exclusion: z.array(z.strictObject({ id: z.string(), ref: z.string(), text, persons: count, unverified: z.array(z.string()) })),
  days_remitted: count,
});

export const actImpactSchema = z.strictObject({
  /** `as_of`: the day the act was evaluated as entering into force (its own unless --as-of), `as_of_execution_end` the end of its execution period then. */
  act: z.strictObject({ id: z.string(), title: text, hash: z.string(), status: z.string(), entry_into_force: isoDate, execution_end: isoDate, as_of: isoDate, as_of_execution_end: isoDate, combine: z.string() }),
  outcomes: outcomesSummarySchema,
  coverage: z.strictObject({
    by_status_measure: z.array(z.strictObject({ status: z.string(), measure: z.string(), persons: count })),
    custody: z.array(coverageRowSchema),
    sex: z.array(coverageRowSchema),
    gravity: z.array(coverageRowSchema),
    region: z.array(coverageRowSchema),
    facility: z.array(coverageRowSchema),
    social_category: z.array(coverageRowSchema),
    occupancy: z.array(occupancyRowSchema),
  }),
  money: moneySchema,
  equality: equalitySchema,
  victims: victimsSchema,
  risk: riskSchema,
  projection: projectionSchema,
  /** Per section: the keys of the report's `unverified_inputs` its figures rest on. */
  unverified: z.strictObject({
    outcomes: z.array(z.string()),
    coverage: z.array(z.string()),
    money: z.array(z.string()),
    equality: z.array(z.string()),
    victims: z.array(z.string()),
    risk: z.array(z.string()),
    projection: z.array(z.string()),
  }),
});

/** One side of a changed outcome: the clause applied (eligible, needs review) or the exclusion (excluded). */
const changeSideSchema = z.strictObject({ status: z.string(), measure: z.string().nullable(), clause: z.string().nullable(), excluded_by: z.string().nullable(), days_remitted: z.number().nullable() });

export const comparisonSchema = z.strictObject({
  acts: z.array(
    z.strictObject({
      id: z.string(),
      covered: count,
      released: count,
      reduced: count,
      replaced: count,
      excluded: count,
      needs_review: count,
      women_covered: count,
      men_covered: count,
      days_remitted: count,
      saved_first_year: z.array(money),
      released_with_unpaid_claims: count,
      reoffending_1y: z.number(),
      /** Null when the horizon is shorter than 12 months. */
      beds_freed_month_12: z.number().nullable(),
    }),
  ),
  transitions: z.array(
    z.strictObject({
      from: z.string(),
      to: z.string(),
      /** Rows: measure kind under `from` (or `none`), columns: under `to`. */
      kinds: z.array(z.string()),
      matrix: z.array(z.array(count)),
      changed: count,
      changes: z.array(
        z.strictObject({
          person_id: z.string(),
          from: changeSideSchema,
          to: changeSideSchema,
        }),
      ),
      changes_listed: count,
    }),
  ),
});

export const impactReportSchema = z.strictObject({
  schema: z.literal(IMPACT_SCHEMA_ID),
  registry: z.strictObject({ source: z.string(), persons: count }),
  parameters: z.array(parameterUsedSchema),
  acts: z.array(actImpactSchema).min(1),
  comparison: comparisonSchema.nullable(),
  /** Every unverified input a figure of the report rests on (docs/doubt.md), with its label in kk, ru and en. */
  unverified_inputs: z.array(z.strictObject({ key: z.string(), kind: z.string(), label: text })),
  /** Milliseconds spent computing the report (not loading the registry). */
  compute_ms: z.number(),
});

export type ParameterUsed = z.output<typeof parameterUsedSchema>;
export type CoverageRow = z.output<typeof coverageRowSchema>;
export type OccupancyRow = z.output<typeof occupancyRowSchema>;
export type MoneySection = z.output<typeof moneySchema>;
export type MoneyVariant = z.output<typeof moneyVariantSchema>;
export type EqualitySection = z.output<typeof equalitySchema>;
export type DisparityRow = z.output<typeof disparityRowSchema>;
export type VictimsSection = z.output<typeof victimsSchema>;
export type RiskSection = z.output<typeof riskSchema>;
export type ProjectionSection = z.output<typeof projectionSchema>;
export type OutcomesSummary = z.output<typeof outcomesSummarySchema>;
export type ActImpact = z.output<typeof actImpactSchema>;
export type Comparison = z.output<typeof comparisonSchema>;
export type ImpactReport = z.output<typeof impactReportSchema>;
