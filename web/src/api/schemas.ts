/**
 * The shapes of the server's answers the app reads (docs/api.md), checked at the boundary. Objects
 * keep only the fields named here. Counts may be null: a researcher's aggregates have small cells
 * suppressed (src/app/disclosure.ts).
 */
import { z } from 'zod';
import type { ImpactReport } from '../../../src/impact/report.ts';
import type { PersonRow as ServerPersonRow } from '../../../src/app/person-row.ts';

export const text3 = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
export type Text3 = z.output<typeof text3>;
export const lawText = z.object({ kk: z.string(), ru: z.string(), en: z.string().optional() });
export type LawText = z.output<typeof lawText>;
/** A count of persons; null when suppressed for a researcher. */
const count = z.number().nullable();

export const errorLocationSchema = z.object({
  file: z.string().optional(),
  path: z.string().optional(),
  line: z.number().nullable().optional(),
  column: z.number().nullable().optional(),
  row: z.number().nullable().optional(),
  field: z.string().nullable().optional(),
  message: z.string().optional(),
});
export type ErrorLocation = z.output<typeof errorLocationSchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), locations: z.array(errorLocationSchema), details: z.record(z.string(), z.unknown()).optional() }),
});

export const ROLES = ['admin', 'analyst', 'officer', 'supervisor', 'court', 'researcher'] as const;
export type Role = (typeof ROLES)[number];

export const sessionSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    role: z.enum(ROLES),
    facilities: z.array(z.string()),
    regions: z.array(z.string()),
    courts: z.array(z.string()),
    permissions: z.array(z.string()),
  }),
  csrf_token: z.string(),
  expires_at: z.string().nullable(),
});
export type Session = z.output<typeof sessionSchema>;
export type SessionUser = Session['user'];

export const healthSchema = z.object({ status: z.string(), store: z.object({ kind: z.string(), location: z.string() }), engine_version: z.string(), current_registry: z.string().nullable() });

export const metaSchema = z.object({
  facts: z.array(z.object({ name: z.string(), type: z.enum(['boolean', 'number', 'date', 'enum', 'string', 'term']), unit: z.string().nullable(), values: z.array(z.string()), ordered: z.boolean(), arg: z.enum(['number', 'tag', 'article']).nullable(), label: text3 })),
  tags: z.array(z.string()),
  measures: z.array(z.object({ code: z.string(), label: text3 })),
  statuses: z.array(z.string()),
  reasons: z.array(z.string()),
  almost: z.array(z.string()),
  sexes: z.array(z.object({ code: z.string(), label: text3 })),
  custodies: z.array(z.object({ code: z.string(), label: text3 })),
  gravities: z.array(z.object({ code: z.string(), label: text3 })),
  regions: z.array(z.object({ code: z.string(), label: text3 })),
  facilities: z.array(z.object({ code: z.string(), label: text3, type: z.enum(['institution', 'probation']), region: z.string(), capacity: z.number().nullable() })),
});
export type Meta = z.output<typeof metaSchema>;

// ---- registries ------------------------------------------------------------------------------

const quality = z.object({
  rows: count,
  accepted: count,
  rejected: count,
  warnings: count.optional(),
  by_rule: z.record(z.string(), z.unknown()).optional(),
  file_issues: z.array(z.object({ severity: z.string().optional(), rule: z.string().optional(), message: z.string() }).passthrough()),
});

export const registrySchema = z.object({ id: z.string(), name: z.string(), source: z.string(), persons: z.number(), quality, created_at: z.string(), current: z.boolean() });
export type RegistryInfo = z.output<typeof registrySchema>;
export const registryListSchema = z.object({ current: z.string().nullable(), registries: z.array(registrySchema) });

export const importSchema = z.object({
  id: z.string(),
  file_name: z.string(),
  status: z.enum(['running', 'accepted', 'rejected', 'failed']),
  rows: z.number().nullable(),
  accepted: z.number().nullable(),
  rejected: z.number().nullable(),
  file_issues: quality.shape.file_issues,
  registry_id: z.string().nullable(),
  error: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  progress: z.object({ phase: z.enum(['receiving', 'reading', 'storing', 'done']), bytes: z.number(), rows: z.number(), fraction: z.number().nullable() }).nullable(),
  issues_by_rule: z.array(z.object({ rule: z.string(), column: z.string().nullable(), severity: z.enum(['error', 'warning']), count: z.number() })),
});
export type ImportInfo = z.output<typeof importSchema>;

export const issuesSchema = z.object({
  total: z.number(),
  issues: z.array(z.object({ row: z.number().nullable(), column: z.string().nullable(), value: z.string(), rule: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), key: z.string().nullable().optional(), rule_text: z.string().optional() })),
});
export type ImportIssue = z.output<typeof issuesSchema>['issues'][number];

// ---- acts ------------------------------------------------------------------------------------

export const actSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['law', 'draft']),
  status: z.enum(['law', 'draft', 'proposal']),
  title: text3,
  entryIntoForce: z.string(),
  executionEnd: z.string(),
  version: z.number(),
  hash: z.string(),
  etag: z.string(),
  forkedFrom: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  clauses: z.number(),
  exclusions: z.number(),
  unverified: z.number(),
});
export type ActSummary = z.output<typeof actSummarySchema>;

const criterion = z.object({ condition: z.string(), facts: z.array(z.object({ name: z.string(), arg: z.union([z.string(), z.number()]).nullable(), label: text3 })) });
export type Criterion = z.output<typeof criterion>;
/** A clause's measure: its kind and name, its fraction, months or milder punishment (components/Rules.tsx renders it). */
const measureSchema = z.object({ code: z.string(), label: text3, fraction: z.number().optional(), fraction_text: z.string().optional(), months: z.number().optional(), with: z.string().optional(), with_label: text3.optional() });
export type MeasureView = z.output<typeof measureSchema>;
/** An input not verified against the law's text (docs/doubt.md): its key, kind and what it is, in kk/ru/en. */
const unverified = z.object({ key: z.string(), kind: z.string(), label: text3 });

export const actViewSchema = z.object({
  summary: actSummarySchema,
  source: z.string(),
  readme: z.string().nullable(),
  combine: z.object({ rule: z.string(), text: z.string(), overlapForbidden: z.boolean() }),
  actSource: z.object({ text: z.string(), url: z.string().optional(), verified: z.boolean() }),
  parameters: z.array(z.object({ name: z.string(), value: z.number().nullable(), text: z.string(), verified: z.boolean(), source: z.string(), label: text3.nullable() })),
  definitions: z.array(z.object({ name: z.string(), ref: z.string().nullable(), text: lawText, label: text3.nullable(), criteria: z.array(criterion) })),
  clauses: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      text: lawText,
      label: text3.nullable(),
      criteria: z.array(criterion),
      measure: measureSchema,
    }),
  ),
  exclusions: z.array(z.object({ id: z.string(), ref: z.string(), text: lawText, label: text3.nullable(), criteria: z.array(criterion) })),
  unverified: z.array(unverified),
});
export type ActView = z.output<typeof actViewSchema>;

export const versionsSchema = z.array(z.object({ version: z.number(), hash: z.string(), note: z.string().nullable(), author: z.string().nullable(), created_at: z.string() }));
/** One field that differs between two versions; `field` says what its values are (docs/api.md). */
const changed = <F extends string, V extends z.ZodType>(field: F | readonly [F, ...F[]], value: V) =>
  z.object({ field: typeof field === 'string' ? z.literal(field) : z.enum(field), before: value.nullable(), after: value.nullable() });
const fieldDiff = z.discriminatedUnion('field', [
  changed(['ref', 'text.kk', 'text.ru', 'title.kk', 'title.ru', 'source'] as const, z.string()),
  changed(['entry_into_force', 'execution_end'] as const, z.string()),
  changed('condition', z.array(criterion)),
  changed('measure', measureSchema),
  changed('value', z.object({ text: z.string(), number: z.number().nullable() })),
  changed(['verified', 'source_verified'] as const, z.boolean()),
  changed('status', z.enum(['law', 'draft', 'proposal'])),
  changed('combine', z.object({ rule: z.enum(['first_match', 'most_favourable', 'all_that_apply']), overlapForbidden: z.boolean() })),
]);
export type FieldDiff = z.output<typeof fieldDiff>;
export const diffSchema = z.object({
  from: z.number(),
  to: z.number(),
  parts: z.array(
    z.object({
      kind: z.enum(['clause', 'exclusion', 'definition', 'parameter', 'act']),
      id: z.string(),
      ref: z.string().nullable(),
      label: text3.nullable(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      fields: z.array(fieldDiff),
    }),
  ),
});
export type ActDiff = z.output<typeof diffSchema>;

export const validationSchema = z.object({ valid: z.boolean(), errors: z.array(errorLocationSchema), warnings: z.array(errorLocationSchema) });

// ---- evaluations -----------------------------------------------------------------------------

const byClause = z.array(z.object({ id: z.string(), ref: z.string(), label: text3.nullable(), measure: z.string(), persons: count, days_remitted: count }));
const byExclusion = z.array(z.object({ id: z.string(), ref: z.string(), text: text3, persons: count }));
export const outcomesSummarySchema = z.object({
  persons: count,
  by_status: z.record(z.string(), count),
  by_measure: z.record(z.string(), count),
  by_clause: byClause,
  by_exclusion: byExclusion,
  days_remitted: count,
});

export const runSchema = z.object({
  id: z.string(),
  act: z.object({ id: z.string(), version: z.number().nullable(), hash: z.string() }),
  registry_id: z.string(),
  law: z.object({ hash: z.string(), files: z.array(z.object({ path: z.string(), sha256: z.string() })) }),
  as_of: z.string(),
  engine_version: z.string(),
  persons: z.number(),
  summary: outcomesSummarySchema,
  timings: z.record(z.string(), z.number()),
  created_by: z.string().nullable(),
  created_at: z.string(),
  suppressed_cells: z.number().optional(),
  suppressed_below: z.number().optional(),
});
export type Run = z.output<typeof runSchema>;

/** Numbers may be null in every report a researcher reads (small cells suppressed). */
export type Suppressible<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? Suppressible<U>[]
    : T extends object
      ? { [K in keyof T]: Suppressible<T[K]> }
      : T;

type ReportBody = Suppressible<ImpactReport> & { suppressed_cells?: number; suppressed_below?: number };
export type ActImpact = ReportBody['acts'][number];
/** The report with at least one act (reportSchema checks it): the first is the act the report is of. */
export type Report = Omit<ReportBody, 'acts'> & { acts: [ActImpact, ...ActImpact[]] };
export type CoverageRow = ActImpact['coverage']['custody'][number];

/** The impact report (amnestia.impact/1): its envelope is checked here; its body is typed by the server's contract. */
export const reportSchema = z
  .object({ schema: z.literal('amnestia.impact/1'), registry: z.object({ source: z.string(), persons: z.number().nullable() }), acts: z.array(z.object({ act: z.object({ id: z.string() }).passthrough() }).passthrough()).min(1) })
  .passthrough()
  .transform((r) => r as unknown as Report);

const coverageRow = z.object({
  key: z.string(),
  label: text3.nullable(),
  persons: count,
  covered: count,
  released: count,
  reduced: count,
  replaced: count,
  other: count,
  excluded: count,
  needs_review: count,
  not_covered: count,
  days_remitted: count,
});

const moneySpan = z.object({ first_month_per_day: z.number(), first_year: z.number(), horizon: z.number() });
const parameterUsed = z.object({ name: z.string(), label: text3, value: z.number(), unit: z.string(), from: z.string(), source: z.string(), assumption: z.boolean(), extrapolated: z.boolean() });
export type ParameterUsed = z.output<typeof parameterUsed>;

export const whatIfSchema = z.object({
  act: z.object({ id: z.string(), hash: z.string(), title: text3, entry_into_force: z.string() }),
  registry: z.object({ id: z.string(), name: z.string(), persons: z.number() }),
  as_of: z.string(),
  outcomes: outcomesSummarySchema,
  headline: z.object({
    serving: z.number(),
    covered: z.number(),
    released: z.number(),
    reduced: z.number(),
    replaced: z.number(),
    other: z.number(),
    excluded: z.number(),
    needs_review: z.number(),
    not_covered: z.number(),
    days_remitted: z.number(),
    beds_freed: z.number(),
    saved_first_year: z.array(z.object({ cost: z.string(), inmate_cost: z.number(), probation_cost: z.number(), total: z.number() })),
    letter_method_per_year: z.number(),
  }),
  sections: z.object({
    coverage: z.object({ custody: z.array(coverageRow), sex: z.array(coverageRow), gravity: z.array(coverageRow), region: z.array(coverageRow), facility: z.array(coverageRow), social_category: z.array(coverageRow) }).optional(),
    money: z
      .object({
        variants: z.array(z.object({ inmate_cost: parameterUsed, probation_cost: parameterUsed, total: moneySpan, institution: moneySpan, probation: moneySpan, by_measure: z.record(z.string(), moneySpan) })),
        letter_method: z.object({ per_day: z.number(), per_year: z.number(), released: z.number() }).passthrough(),
      })
      .passthrough()
      .optional(),
  }),
  unverified: z.array(unverified),
  timings: z.record(z.string(), z.number()),
});
export type WhatIf = z.output<typeof whatIfSchema>;

// ---- persons ---------------------------------------------------------------------------------

export const personRowSchema = z.object({
  person_id: z.string(),
  last_name: z.string().nullable(),
  first_name: z.string().nullable(),
  middle_name: z.string().nullable(),
  sex: z.string().nullable(),
  birth_date: z.string().nullable(),
  custody: z.string().nullable(),
  facility: z.string().nullable(),
  region: z.string().nullable(),
  articles: z.array(z.string()).nullable(),
  sentence_start: z.string().nullable(),
  sentence_end: z.string().nullable(),
  status: z.string(),
  measure: z.string().nullable(),
  clause: z.string().nullable(),
  clause_id: z.string().nullable(),
  excluded_by: z.string().nullable(),
  excluded_by_id: z.string().nullable(),
  days_remitted: z.number().nullable(),
  new_end_date: z.string().nullable(),
  reason: z.string(),
  almost: z.string().nullable(),
  almost_clause: z.string().nullable(),
});
export type PersonRow = z.output<typeof personRowSchema>;
/** The row read here is the row the server writes (src/app/person-row.ts), field for field: a type error otherwise. */
export const personRowAgrees: [PersonRow, ServerPersonRow] extends [ServerPersonRow, PersonRow] ? true : never = true;

export const personListSchema = z.object({
  act: z.object({ id: z.string(), version: z.number(), hash: z.string() }),
  registry: z.object({ id: z.string(), name: z.string() }),
  as_of: z.string(),
  run: z.string().nullable(),
  total: z.number(),
  offset: z.number(),
  rows: z.array(personRowSchema),
});
export type PersonList = z.output<typeof personListSchema>;

const factTrace = z.object({ fact: z.string(), label: text3, arg: z.union([z.string(), z.number()]).nullable(), value: z.union([z.string(), z.number(), z.boolean()]).nullable(), convictions: z.array(z.string()) });
const ruleTrace = z.object({
  kind: z.enum(['exclusion', 'clause']),
  index: z.number(),
  id: z.string(),
  ref: z.string(),
  text: lawText,
  truth: z.number(),
  criteria: z.array(z.object({ condition: z.string(), truth: z.number(), facts: z.array(factTrace) })),
});
export type RuleTrace = z.output<typeof ruleTrace>;

export const personSchema = z.object({
  act: z.object({ id: z.string(), version: z.number(), hash: z.string(), title: text3 }),
  registry: z.object({ id: z.string(), name: z.string() }),
  as_of: z.string(),
  record: z.record(z.string(), z.string().nullable()),
  articles: z.array(z.object({ id: z.string(), title: z.object({ kk: z.string(), ru: z.string(), en: z.string().optional() }), gravity: z.string().nullable() })),
  outcome: z.object({
    status: z.string(),
    measure: z.string().nullable(),
    clause: z.string().nullable(),
    clause_id: z.string().nullable(),
    excluded_by: z.string().nullable(),
    excluded_by_id: z.string().nullable(),
    exclusion_undecided: z.string().nullable().optional(),
    days_remitted: z.number().nullable(),
    new_end_date: z.string().nullable(),
    reason: z.string(),
    reasons: z.array(z.string()).optional(),
    almost: z.unknown().optional(),
  }),
  explanation: z.object({
    lang: z.enum(['kk', 'ru', 'en']),
    text: z.string(),
    trace: z.object({ exclusions: z.array(ruleTrace), clauses: z.array(ruleTrace), unknownFacts: z.array(z.string()), serving: z.boolean() }).passthrough(),
  }),
  unknown_facts: z.array(z.string()),
  unverified: z.array(z.unknown()),
});
export type PersonView = z.output<typeof personSchema>;

// ---- the letter ------------------------------------------------------------------------------

const splitSide = z.object({ letter: z.number().nullable(), computed: z.number().nullable(), status: z.string() });
type Figure = {
  id: string;
  label: string;
  kind: string;
  letter: number | null;
  computed: number | null;
  unknown?: number | null | undefined;
  status: string;
  note?: string | null | undefined;
  source?: string | null | undefined;
  split?: Record<string, z.output<typeof splitSide>> | null | undefined;
  parts: Figure[];
};
const figure: z.ZodType<Figure> = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    kind: z.string(),
    letter: z.number().nullable(),
    computed: z.number().nullable(),
    unknown: z.number().nullable().optional(),
    status: z.string(),
    note: z.string().nullable().optional(),
    source: z.string().nullable().optional(),
    split: z.record(z.string(), splitSide).nullable().optional(),
    parts: z.array(figure),
  }),
);
export type LetterFigure = Figure;

export const letterSchema = z.object({
  registry_id: z.string(),
  title: z.string(),
  source: z.string(),
  asOf: z.string(),
  registry: z.object({ source: z.string(), persons: z.number().nullable() }),
  figures: z.array(figure),
  audits: z.array(z.object({ id: z.string(), kind: z.string(), figure: z.string(), holds: z.boolean(), message: z.string(), details: z.array(z.string()) })),
  summary: z.object({ consistent: z.number().nullable(), matching: z.number().nullable(), inconsistentInLetter: z.array(z.string()), differing: z.array(z.string()) }).passthrough(),
  suppressed_cells: z.number().optional(),
  suppressed_below: z.number().optional(),
});
export type Letter = z.output<typeof letterSchema>;
