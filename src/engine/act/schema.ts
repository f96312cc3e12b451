/**
 * The act language: the zod schema of an act file (acts/<id>/act.yaml). See docs/acts.md.
 *
 * An act is written the way Kazakhstan's amnesty laws are: definitions, then clauses in the law's
 * order, each with its reference, its text in Kazakh and Russian, a condition and a measure; then
 * exclusions; and the execution period.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../domain/date-schema.ts';
import { customIssue, issueKey } from '../../domain/issues.ts';
import { msg } from '../../i18n/message.ts';
import { provenanceSchema } from '../../law/provenance.ts';

export { isoDateSchema };

/**
 * Messages of the checks below are keys of src/i18n/errors/act.ts (the data file reader renders
 * them in the reader's language: src/domain/issues.ts).
 */

/** Text of the law: Kazakh and Russian are required (the law's languages), English optional. */
export const lawTextSchema = z.strictObject({
  kk: z.string({ error: issueKey('act.kk_missing') }).trim().min(1, issueKey('act.kk_empty')),
  ru: z.string({ error: issueKey('act.ru_missing') }).trim().min(1, issueKey('act.ru_empty')),
  en: z.string().trim().min(1).optional(),
});

export const labelSchema = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

/** A number the law states: a literal, or the name of one of the act's parameters. */
export const amountSchema = z.union([z.number(), z.string().regex(/^[a-z][a-z0-9_]*$/, issueKey('act.parameter_name'))]);
/** A fraction in (0, 1] — a number, or written `1/3` — or the name of a parameter (checked when the act compiles). */
export const fractionSchema = z.union([
  z.number().gt(0, issueKey('act.fraction_bounds')).lte(1, issueKey('act.fraction_bounds')),
  z.string().regex(/^(?:[a-z][a-z0-9_]*|\d+\/\d+)$/, issueKey('act.fraction_form')),
]);

/** Facts are read on one of the act's days. */
export const ON_DAYS = ['entry_into_force', 'execution_end'] as const;
export type OnDay = (typeof ON_DAYS)[number];

export const measureSchema = z.discriminatedUnion('type', [
  /** Release from serving the main (or the additional) punishment. */
  z.strictObject({ type: z.literal('release'), punishment: z.enum(['main', 'additional']).default('main') }),
  /** Release from criminal liability: a case not yet tried is terminated. */
  z.strictObject({ type: z.literal('release_from_liability') }),
  /** The unserved part of the term is reduced by a fraction. */
  z.strictObject({ type: z.literal('reduce_unserved'), fraction: fractionSchema }),
  /** The term is reduced by a fraction of the term imposed (at most to what is left). */
  z.strictObject({ type: z.literal('reduce_imposed'), fraction: fractionSchema }),
  /** The term is reduced by a number of months (at most to what is left). */
  z.strictObject({ type: z.literal('reduce_months'), months: amountSchema }),
  /** The unserved part of imprisonment is replaced with a milder punishment. */
  z.strictObject({ type: z.literal('replace_milder'), with: z.enum(['restriction_of_liberty', 'correctional_work', 'community_work', 'fine']).default('restriction_of_liberty') }),
]);
export type MeasureSource = z.output<typeof measureSchema>;
export type MeasureType = MeasureSource['type'];

export const conditionSchema = z.unknown().refine((v) => v !== undefined && v !== null, issueKey('act.condition_required'));

export const clauseSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, issueKey('act.clause_id')),
  ref: z.string().min(1),
  text: lawTextSchema,
  /** A short name for reports; defaults to the reference. */
  label: labelSchema.optional(),
  when: conditionSchema,
  measure: measureSchema,
  note: z.string().optional(),
  /** Where the clause comes from: the official wording and whether the text was checked against it. */
  source: provenanceSchema.optional(),
});

export const exclusionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, issueKey('act.exclusion_id')),
  ref: z.string().min(1),
  text: lawTextSchema,
  label: labelSchema.optional(),
  when: conditionSchema,
  note: z.string().optional(),
  source: provenanceSchema.optional(),
});

export const definitionSchema = z.strictObject({
  ref: z.string().min(1).optional(),
  text: lawTextSchema.optional(),
  label: labelSchema.optional(),
  when: conditionSchema,
  note: z.string().optional(),
  /** Where the definition's wording comes from (as for clauses); absent: a paraphrase. */
  source: provenanceSchema.optional(),
});

/**
 * An act parameter's value: a number, a fraction written `1/3` (kept exact), or a term written
 * `3y`, `1y6m`, `18m`, `10d` (years, months, days).
 */
export const parameterValueSchema = z.union([
  z.number(),
  z.string().regex(/^(?:\d+\/\d+|(?:\d+y)?(?:\d+m)?(?:\d+d)?)$/, issueKey('act.parameter_value')).refine((v) => v !== '', issueKey('act.value_required')),
]);

export const parameterSchema = z.strictObject({
  value: parameterValueSchema,
  verified: z.boolean(),
  source: z.string().min(1),
  label: labelSchema.optional(),
  note: z.string().optional(),
});

export const COMBINE = ['first_match', 'most_favourable', 'all_that_apply'] as const;
export type Combine = (typeof COMBINE)[number];

export const actSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, issueKey('act.act_id')),
    title: labelSchema,
    source: z.strictObject({ text: z.string().min(1), url: z.string().optional(), verified: z.boolean() }),
    status: z.enum(['law', 'draft', 'proposal']),
    signed: isoDateSchema.optional(),
    entry_into_force: isoDateSchema,
    execution_end: isoDateSchema,
    combine: z.strictObject({
      rule: z.enum(COMBINE),
      /** What the law says about combining, in its words or ours. */
      text: z.string().min(1),
      /** With `all_that_apply`: reductions are added up (in days) and capped at what is left. */
      overlap: z.enum(['allowed', 'forbidden']).default('allowed'),
    }),
    parameters: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, issueKey('act.parameter_name')), parameterSchema).default({}),
    definitions: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, issueKey('act.definition_name')), definitionSchema).default({}),
    clauses: z.array(clauseSchema).min(1, issueKey('act.needs_clause')),
    exclusions: z.array(exclusionSchema).default([]),
    execution: z.strictObject({ text: lawTextSchema, by: z.enum(['court', 'administration']).default('court') }).optional(),
  })
  .superRefine((act, ctx) => {
    if (act.execution_end < act.entry_into_force)
      ctx.addIssue(customIssue(msg('act.execution_before_entry'), ['execution_end']));
    const seen = new Map<string, number>();
    act.clauses.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue(customIssue(msg('act.clause_id_twice', { id: c.id }), ['clauses', i, 'id']));
      seen.set(c.id, i);
    });
    const ex = new Set<string>();
    act.exclusions.forEach((e, i) => {
      if (ex.has(e.id)) ctx.addIssue(customIssue(msg('act.exclusion_id_twice', { id: e.id }), ['exclusions', i, 'id']));
      ex.add(e.id);
    });
  });

export type ActSource = z.output<typeof actSchema>;
