/**
 * Acts: the library of laws and drafts, the literate view of a version, drafts (create, update with
 * If-Match, fork), versions and their clause-by-clause diff, validation, adoption.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actHistory, actView, adoptAct, createDraft, diffPlans, etagOf, forkAct, listActSummaries, readAct, updateDraft, validateActText } from '../../app/acts.ts';
import type { AppContext } from '../../app/context.ts';
import { locationsOf } from '../../app/errors.ts';
import { registryFor } from '../../app/evaluations.ts';
import { actor } from '../auth.ts';
import { errorBodySchema, errorLocationSchema, langOf, langSchema, renderLocation } from '../http.ts';
import { DOUBT_KINDS } from '../../engine/act/doubt.ts';

const text3 = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
const lawText = z.object({ kk: z.string(), ru: z.string(), en: z.string().optional() });

export const actSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['law', 'draft']),
  status: z.enum(['law', 'draft', 'proposal']),
  title: text3,
  entryIntoForce: z.string(),
  executionEnd: z.string(),
  version: z.number().int(),
  hash: z.string(),
  etag: z.string(),
  forkedFrom: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  clauses: z.number().int(),
  exclusions: z.number().int(),
  unverified: z.number().int().describe('How many inputs of the act are not verified against the law’s text'),
});

const criterionSchema = z.object({ condition: z.string(), facts: z.array(z.object({ name: z.string(), arg: z.union([z.string(), z.number()]).nullable(), label: text3 })) });
const measureSchema = z
  .object({
    code: z.string(),
    label: text3,
    fraction: z.number().optional(),
    fraction_text: z.string().optional().describe('The fraction as written: 3/4'),
    months: z.number().optional(),
    with: z.string().optional().describe('The milder punishment’s code (replace_milder)'),
    with_label: text3.optional().describe('The milder punishment’s name'),
  })
  .describe('A clause’s measure: its kind with its kk/ru/en name, and its fraction, months or milder punishment');

/** One field of a part that differs between two versions; `field` names it and says what its values are. */
const changed = <F extends string, V extends z.ZodType>(field: F | readonly [F, ...F[]], value: V) =>
  z.object({ field: typeof field === 'string' ? z.literal(field) : z.enum(field), before: value.nullable(), after: value.nullable() });
const fieldDiffSchema = z.discriminatedUnion('field', [
  changed(['ref', 'text.kk', 'text.ru', 'title.kk', 'title.ru', 'source'] as const, z.string()),
  changed(['entry_into_force', 'execution_end'] as const, z.string().describe('An ISO date')),
  changed('condition', z.array(criterionSchema).describe('The criteria, as in the literate view')),
  changed('measure', measureSchema),
  changed('value', z.object({ text: z.string().describe('As written: 0.75, 1/3, 1y6m'), number: z.number().nullable().describe('A number, or a fraction as its quotient; null for a term') })),
  changed(['verified', 'source_verified'] as const, z.boolean()),
  changed('status', z.enum(['law', 'draft', 'proposal'])),
  changed('combine', z.object({ rule: z.enum(['first_match', 'most_favourable', 'all_that_apply']), overlapForbidden: z.boolean() })),
]);

const unverifiedSchema = z.object({ key: z.string(), kind: z.enum(DOUBT_KINDS), label: text3 }).describe('An input not verified against the law’s text (docs/doubt.md)');

const actViewSchema = z.object({
  summary: actSummarySchema,
  source: z.string().describe('The act file (YAML) of this version'),
  readme: z.string().nullable(),
  combine: z.object({ rule: z.enum(['first_match', 'most_favourable', 'all_that_apply']), text: z.string(), overlapForbidden: z.boolean() }),
  actSource: z.object({ text: z.string(), url: z.string().optional(), verified: z.boolean() }),
  parameters: z.array(z.object({ name: z.string(), value: z.number().nullable().describe('A number, or a fraction as its quotient; null for a term'), text: z.string().describe('As written: 0.75, 1/3, 1y6m'), verified: z.boolean(), source: z.string(), label: text3.nullable() })),
  definitions: z.array(z.object({ name: z.string(), ref: z.string().nullable(), text: lawText, label: text3.nullable(), criteria: z.array(criterionSchema) })),
  clauses: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      text: lawText,
      label: text3.nullable(),
      criteria: z.array(criterionSchema),
      measure: measureSchema,
    }),
  ),
  exclusions: z.array(z.object({ id: z.string(), ref: z.string(), text: lawText, label: text3.nullable(), criteria: z.array(criterionSchema) })),
  unverified: z.array(unverifiedSchema),
});

const idParams = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/) });
const sourceBody = z.strictObject({ source: z.string().min(1).max(1_000_000).describe('The act file (YAML)'), note: z.string().max(2000).optional() });

// long: a Fastify plugin: the routes of one resource, each a handful of lines beside its schema
export function actRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/acts',
      { config: { permission: 'acts.read' }, schema: { tags: ['acts'], summary: 'Laws and drafts', response: { 200: z.array(actSummarySchema) } } },
      async () => listActSummaries(ctx),
    );

    app.post(
      '/api/acts',
      {
        config: { permission: 'acts.write' },
        schema: { tags: ['acts'], summary: 'Create a draft from its text (its id is the act’s own id)', body: sourceBody, response: { 201: actSummarySchema, 409: errorBodySchema, 422: errorBodySchema } },
      },
      async (request, reply) => {
        const s = await createDraft(ctx, actor(request), request.body.source, request.body.note ?? null);
        return reply.code(201).header('etag', s.etag).header('location', `/api/acts/${s.id}`).send(s);
      },
    );

    app.post(
      '/api/acts/validate',
      {
        config: { permission: 'acts.read' },
        schema: {
          tags: ['acts'],
          summary: 'Check an act’s text: schema, conditions, parameters; unreachable or overlapping clauses on the current registry',
          body: z.strictObject({ source: z.string().min(1).max(1_000_000), sample: z.boolean().default(true), lang: langSchema.optional() }),
          response: { 200: z.object({ valid: z.boolean(), errors: z.array(errorLocationSchema), warnings: z.array(errorLocationSchema) }) },
        },
      },
      async (request) => {
        const sample = request.body.sample ? (await registryFor(ctx, undefined)).registry : null;
        const r = validateActText(ctx.env.law, request.body.source, 'draft.yaml', sample);
        const lang = request.body.lang ?? langOf(request);
        const rendered = (errors: typeof r.errors) => locationsOf(errors).map((l) => renderLocation(l, lang));
        return { valid: r.errors.length === 0, errors: rendered(r.errors), warnings: rendered(r.warnings) };
      },
    );

    app.get(
      '/api/acts/:id',
      {
        config: { permission: 'acts.read' },
        schema: {
          tags: ['acts'],
          summary: 'The literate view of an act (its head, or ?version=N): each clause’s reference and text beside its condition and measure',
          params: idParams,
          querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional(), lang: langSchema.optional() }),
          response: { 200: actViewSchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        const { act, version, plan } = await readAct(ctx, request.params.id, request.query.version);
        reply.header('etag', etagOf(act));
        return actView(act, version, plan, ctx.env.law);
      },
    );

    app.put(
      '/api/acts/:id',
      {
        config: { permission: 'acts.write' },
        schema: {
          tags: ['acts'],
          summary: 'Save a new version of a draft',
          description: 'If-Match must carry the ETag read with the act: a stale write changes nothing and gets 409 with the current version. An adopted law gets 409 (frozen).',
          params: idParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          body: sourceBody,
          response: { 200: actSummarySchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema, 428: errorBodySchema },
        },
      },
      async (request, reply) => {
        const s = await updateDraft(ctx, actor(request), request.params.id, request.body.source, request.headers['if-match'], request.body.note ?? null);
        return reply.header('etag', s.etag).send(s);
      },
    );

    app.post(
      '/api/acts/:id/fork',
      {
        config: { permission: 'acts.write' },
        schema: {
          tags: ['acts'],
          summary: 'Fork an act (a law or a draft) into a new draft',
          params: idParams,
          body: z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), version: z.number().int().min(1).optional() }),
          response: { 201: actSummarySchema, 404: errorBodySchema, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        const s = await forkAct(ctx, actor(request), request.params.id, request.body.id, request.body.version);
        return reply.code(201).header('etag', s.etag).header('location', `/api/acts/${s.id}`).send(s);
      },
    );

    app.post(
      '/api/acts/:id/adopt',
      {
        config: { permission: 'acts.write' },
        schema: {
          tags: ['acts'],
          summary: 'Record that a draft was adopted: a last version with status law, frozen from then on',
          params: idParams,
          headers: z.object({ 'if-match': z.string().optional() }),
          response: { 200: actSummarySchema, 404: errorBodySchema, 409: errorBodySchema, 428: errorBodySchema },
        },
      },
      async (request, reply) => {
        const s = await adoptAct(ctx, actor(request), request.params.id, request.headers['if-match']);
        return reply.header('etag', s.etag).send(s);
      },
    );

    app.get(
      '/api/acts/:id/versions',
      {
        config: { permission: 'acts.read' },
        schema: {
          tags: ['acts'],
          summary: 'The versions of an act, newest first',
          params: idParams,
          response: { 200: z.array(z.object({ version: z.number().int(), hash: z.string(), note: z.string().nullable(), author: z.string().nullable(), created_at: z.string() })), 404: errorBodySchema },
        },
      },
      async (request) => (await actHistory(ctx, request.params.id)).map((v) => ({ version: v.version, hash: v.hash, note: v.note, author: v.authorName, created_at: v.createdAt })),
    );

    app.get(
      '/api/acts/:id/diff',
      {
        config: { permission: 'acts.read' },
        schema: {
          tags: ['acts'],
          summary: 'Two versions compared clause by clause (and definition, exclusion, parameter)',
          params: idParams,
          querystring: z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1).optional(), lang: langSchema.optional() }),
          response: {
            200: z.object({
              from: z.number().int(),
              to: z.number().int(),
              parts: z.array(
                z.object({
                  kind: z.enum(['clause', 'exclusion', 'definition', 'parameter', 'act']),
                  id: z.string(),
                  ref: z.string().nullable(),
                  label: text3.nullable().describe('The part’s name, where the act gives one'),
                  change: z.enum(['added', 'removed', 'changed', 'same']),
                  fields: z.array(fieldDiffSchema),
                }),
              ),
            }),
            404: errorBodySchema,
          },
        },
      },
      async (request) => {
        const a = await readAct(ctx, request.params.id, request.query.from);
        const b = await readAct(ctx, request.params.id, request.query.to);
        return { from: a.version.version, to: b.version.version, parts: diffPlans(a.plan, b.plan) };
      },
    );
  };
}
