/**
 * Evaluations (runs with provenance, their summary and impact report, the comparison of acts),
 * the what-if evaluation of an unsaved draft, and the letter's table. Researchers receive these
 * aggregates with small cells suppressed (src/app/disclosure.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { suppressSmallCells } from '../../app/disclosure.ts';
import { AppError, named } from '../../app/errors.ts';
import { compareActs, runEvaluation } from '../../app/evaluations.ts';
import { whatIf, WHAT_IF_SECTIONS } from '../../app/what-if.ts';
import { letterFor } from '../../app/letter.ts';
import { API_MESSAGES, API_OBJECTS } from '../../i18n/api.ts';
import { getRun, getRunImpact, listRuns, type RunRecord } from '../../store/runs.ts';
import { actor } from '../auth.ts';
import { errorBodySchema, langOf, langSchema } from '../http.ts';
import type { ServerOptions } from '../server.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const runSchema = z.object({
  id: z.string().describe('SHA-256 of the inputs: act hash, law hash, registry id, as-of day, engine version'),
  act: z.object({ id: z.string(), version: z.number().int().nullable(), hash: z.string() }),
  registry_id: z.string(),
  law: z.object({ hash: z.string(), files: z.array(z.object({ path: z.string(), sha256: z.string() })) }),
  as_of: z.string(),
  engine_version: z.string(),
  persons: z.number().int(),
  summary: z.record(z.string(), z.unknown()).describe('Persons by status, measure, clause and exclusion, and days remitted (docs/impact.md, outcomes)'),
  timings: z.record(z.string(), z.number()),
  created_by: z.string().nullable(),
  created_at: z.string(),
  suppressed_cells: z.number().int().optional(),
  suppressed_below: z.number().int().optional().describe('The disclosure threshold the suppressed counts were under (data/disclosure.yaml)'),
});

const reportSchema = z
  .record(z.string(), z.unknown())
  .describe('The impact report, schema amnestia.impact/1 (docs/impact.md). For researchers, counts under the disclosure threshold are null and person lists are empty.');

function runView(r: RunRecord) {
  return {
    id: r.id,
    act: { id: r.actId, version: r.actVersion, hash: r.actHash },
    registry_id: r.registryId,
    law: { hash: r.lawHash, files: r.lawFiles },
    as_of: r.asOf,
    engine_version: r.engineVersion,
    persons: r.persons,
    summary: r.summary as Record<string, unknown>,
    timings: r.timings,
    created_by: r.createdByName,
    created_at: r.createdAt,
  };
}

// long: a Fastify plugin: the routes of one resource, each a handful of lines beside its schema
export function evaluationRoutes(ctx: AppContext, options: Pick<ServerOptions, 'disclosure'>): FastifyPluginAsyncZod {
  const threshold = options.disclosure.minCellCount;
  /** Aggregates as the asking role may see them. */
  const forRole = <T extends Record<string, unknown>>(request: FastifyRequest, value: T): T & { suppressed_cells?: number; suppressed_below?: number } => {
    if (request.user?.role !== 'researcher') return value;
    const s = suppressSmallCells(value, threshold);
    return { ...s.value, suppressed_cells: s.cells, suppressed_below: threshold };
  };

  return async (app) => {
    app.post(
      '/api/evaluations',
      {
        config: { permission: 'evaluations.run' },
        schema: {
          tags: ['evaluations'],
          summary: 'Run an act on a registry (the current one by default) and store the run; the same inputs give the same run',
          body: z.strictObject({ act: z.string().min(1), version: z.number().int().min(1).optional(), registry: z.string().optional(), as_of: isoDate.optional() }),
          response: { 200: runSchema, 201: runSchema, 404: errorBodySchema, 422: errorBodySchema },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const { run, created } = await runEvaluation(ctx, actor(request), { act: b.act, version: b.version, registry: b.registry, asOf: b.as_of });
        return reply.code(created ? 201 : 200).header('location', `/api/evaluations/${run.id}`).send(runView(run));
      },
    );

    app.get(
      '/api/evaluations',
      {
        config: { permission: 'aggregates.read' },
        schema: {
          tags: ['evaluations'],
          summary: 'Stored runs, newest first',
          querystring: z.strictObject({ act: z.string().optional(), registry: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(50), lang: langSchema.optional() }),
          response: { 200: z.array(runSchema) },
        },
      },
      async (request) => {
        const q = request.query;
        const runs = await listRuns(ctx.db, { ...(q.act ? { actId: q.act } : {}), ...(q.registry ? { registryId: q.registry } : {}), limit: q.limit });
        return runs.map((r) => forRole(request, runView(r)));
      },
    );

    app.get(
      '/api/evaluations/:id',
      { config: { permission: 'aggregates.read' }, schema: { tags: ['evaluations'], summary: 'A run: provenance, summary, timings', params: z.object({ id: z.string() }), response: { 200: runSchema, 404: errorBodySchema } } },
      async (request) => {
        const run = await getRun(ctx.db, request.params.id);
        if (!run) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.evaluation, { id: request.params.id }) });
        return forRole(request, runView(run));
      },
    );

    app.get(
      '/api/evaluations/:id/impact',
      { config: { permission: 'aggregates.read' }, schema: { tags: ['evaluations'], summary: 'The impact report of a run', params: z.object({ id: z.string() }), response: { 200: reportSchema, 404: errorBodySchema } } },
      async (request) => {
        const impact = await getRunImpact(ctx.db, request.params.id);
        if (impact === null) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.evaluation, { id: request.params.id }) });
        return forRole(request, impact as Record<string, unknown>);
      },
    );

    app.post(
      '/api/evaluations/compare',
      {
        config: { permission: 'aggregates.read' },
        schema: {
          tags: ['evaluations'],
          summary: 'Two to four acts on one registry: their impact side by side, the transition matrix of measures, the changed persons',
          description: 'Nothing is stored. `changes` limits the persons listed per transition (the counts are complete); researchers get no person list.',
          body: z.strictObject({
            acts: z.array(z.strictObject({ act: z.string().min(1), version: z.number().int().min(1).optional() })).min(2).max(4),
            registry: z.string().optional(),
            as_of: isoDate.optional(),
            changes: z.number().int().min(0).max(10_000).default(100),
          }),
          response: { 200: reportSchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        const b = request.body;
        const { report } = await compareActs(ctx, { acts: b.acts, registry: b.registry, asOf: b.as_of, changes: request.user?.role === 'analyst' ? b.changes : 0 });
        return forRole(request, report as unknown as Record<string, unknown>);
      },
    );

    app.post(
      '/api/what-if',
      {
        config: { permission: 'what_if' },
        schema: {
          tags: ['evaluations'],
          summary: 'Evaluate an unsaved draft on the current registry: the headline figures (and sections on request); nothing is stored',
          body: z.strictObject({ source: z.string().min(1).max(1_000_000), registry: z.string().optional(), as_of: isoDate.optional(), sections: z.array(z.enum(WHAT_IF_SECTIONS)).max(WHAT_IF_SECTIONS.length).optional() }),
          response: { 200: z.record(z.string(), z.unknown()).describe('Headline figures, the outcome summary, requested sections, unverified inputs and timings (docs/api.md)'), 422: errorBodySchema },
        },
      },
      async (request) => {
        const b = request.body;
        return (await whatIf(ctx, { source: b.source, registry: b.registry, asOf: b.as_of, sections: b.sections })) as unknown as Record<string, unknown>;
      },
    );

    app.get(
      '/api/letter',
      {
        config: { permission: 'aggregates.read' },
        schema: {
          tags: ['letter'],
          summary: 'The letter’s figures F1–F18 recomputed from a registry (the current one by default), beside the letter’s values, with the audit of the letter',
          querystring: z.strictObject({ registry: z.string().optional(), as_of: isoDate.optional(), lang: langSchema.optional() }),
          response: { 200: z.record(z.string(), z.unknown()).describe('docs/letter.md (the JSON form)'), 404: errorBodySchema },
        },
      },
      async (request) => forRole(request, (await letterFor(ctx, { registry: request.query.registry, asOf: request.query.as_of, lang: langOf(request) })) as Record<string, unknown>),
    );
  };
}
