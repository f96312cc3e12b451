/**
 * Documents (docs/documents.md): the reply letter and its annex; a person's submission to court; a
 * facility's submissions (a job with progress) and its list. Person-level documents are within the
 * user's scope and audited (src/app/documents.ts).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { annexDocument, documentJob, facilityListDocument, letterDocument, startSubmissionsJob, submissionDocument, type DocumentFile, type DocumentJob } from '../../app/documents.ts';
import { AppError, named } from '../../app/errors.ts';
import { API_MESSAGES, API_OBJECTS } from '../../i18n/api.ts';
import { actor } from '../auth.ts';
import { errorBodySchema } from '../http.ts';

const docLang = z.enum(['kk', 'ru']).describe('Documents are written in Kazakh or Russian');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const actQuery = { act: z.string().min(1), version: z.coerce.number().int().min(1).optional(), registry: z.string().optional(), as_of: isoDate.optional() };

function send(reply: FastifyReply, f: DocumentFile) {
  return reply.type(f.contentType).header('content-disposition', `attachment; filename="${encodeURIComponent(f.fileName)}"`).send(f.bytes);
}

const jobSchema = z.object({
  id: z.string(),
  kind: z.literal('submissions'),
  facility: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  produced: z.number().int(),
  needs_review: z.number().int(),
  refused: z.array(z.object({ person_id: z.string(), reason: z.object({ kk: z.string(), ru: z.string(), en: z.string() }) })),
  error: z.string().nullable(),
  file: z.string().nullable().describe('Where to download the file when done'),
  started_at: z.string(),
});

function jobView(j: DocumentJob) {
  return {
    id: j.id,
    kind: j.kind,
    facility: j.facility,
    status: j.status,
    done: j.done,
    total: j.total,
    produced: j.produced,
    needs_review: j.needsReview,
    refused: j.refused.map((r) => ({ person_id: r.personId, reason: r.reason })),
    error: j.error,
    file: j.file ? `/api/documents/jobs/${j.id}/file` : null,
    started_at: j.startedAt,
  };
}

// long: a Fastify plugin: the routes of one resource, each a handful of lines beside its schema
export function documentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/documents/letter',
      {
        config: { permission: 'documents.official' },
        schema: {
          tags: ['documents'],
          summary: 'The reply letter (DOCX or PDF, kk or ru) with every figure computed from the registry and the act',
          querystring: z.strictObject({
            ...actQuery,
            lang: docLang.default('ru'),
            format: z.enum(['docx', 'pdf']).default('docx'),
            inquiry_number: z.string().min(1).max(64).optional(),
            inquiry_date: isoDate.optional(),
            addressee: z.string().max(500).optional(),
          }),
          produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'],
        },
      },
      async (request, reply) => {
        const q = request.query;
        return send(reply, await letterDocument(ctx, actor(request), { act: { act: q.act, version: q.version }, registry: q.registry, asOf: q.as_of, lang: q.lang, format: q.format, inquiryNumber: q.inquiry_number, inquiryDate: q.inquiry_date, addressee: q.addressee }));
      },
    );

    app.get(
      '/api/documents/annex',
      {
        config: { permission: 'documents.official' },
        schema: {
          tags: ['documents'],
          summary: 'The annex (XLSX): the letter’s table with its audit, coverage, money, projection, the acts compared, provenance',
          querystring: z.strictObject({
            acts: z
              .string()
              .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
              .pipe(z.array(z.string()).min(1).max(4))
              .describe('Act ids, comma-separated (the first is the letter’s act)'),
            registry: z.string().optional(),
            as_of: isoDate.optional(),
            lang: docLang.default('ru'),
          }),
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => send(reply, await annexDocument(ctx, actor(request), { acts: request.query.acts.map((act) => ({ act })), registry: request.query.registry, asOf: request.query.as_of, lang: request.query.lang })),
    );

    app.get(
      '/api/documents/submission/:person_id',
      {
        config: { permission: 'persons.read' },
        schema: {
          tags: ['documents'],
          summary: 'A person’s submission to court under an act (DOCX or PDF); refused (422) with the reason when the act does not apply; marked “needs review” when facts are unknown',
          params: z.object({ person_id: z.string().min(1).max(64) }),
          querystring: z.strictObject({ ...actQuery, lang: docLang.default('ru'), format: z.enum(['docx', 'pdf']).default('docx') }),
          produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'],
        },
      },
      async (request, reply) => {
        const q = request.query;
        const f = await submissionDocument(ctx, actor(request), request.params.person_id, { act: q.act, version: q.version, registry: q.registry, asOf: q.as_of, lang: q.lang, format: q.format });
        reply.header('x-needs-review', String(f.needsReview));
        return send(reply, f);
      },
    );

    app.get(
      '/api/documents/facility-list',
      {
        config: { permission: 'persons.read' },
        schema: {
          tags: ['documents'],
          summary: 'A facility’s list (XLSX): every person with the outcome, clause, dates and deadline',
          querystring: z.strictObject({ ...actQuery, facility: z.string().min(1), lang: docLang.default('ru') }),
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const q = request.query;
        return send(reply, await facilityListDocument(ctx, actor(request), q.facility, { act: q.act, version: q.version, registry: q.registry, asOf: q.as_of, lang: q.lang }));
      },
    );

    app.post(
      '/api/documents/submissions',
      {
        config: { permission: 'persons.read' },
        schema: {
          tags: ['documents'],
          summary: 'Every submission due for a facility, as one PDF or a ZIP of DOCX: a job (202); follow it at /api/documents/jobs/{id}',
          body: z.strictObject({ act: z.string().min(1), version: z.number().int().min(1).optional(), registry: z.string().optional(), as_of: isoDate.optional(), facility: z.string().min(1), lang: docLang.default('ru'), format: z.enum(['pdf', 'docx']).default('pdf') }),
          response: { 202: jobSchema, 403: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const job = await startSubmissionsJob(ctx, actor(request), b.facility, { act: b.act, version: b.version, registry: b.registry, asOf: b.as_of, lang: b.lang, format: b.format });
        return reply.code(202).header('location', `/api/documents/jobs/${job.id}`).send(jobView(job));
      },
    );

    app.get(
      '/api/documents/jobs/:id',
      { config: { permission: 'persons.read' }, schema: { tags: ['documents'], summary: 'A document job: progress, counts, refusals', params: z.object({ id: z.string().uuid() }), response: { 200: jobSchema, 404: errorBodySchema } } },
      async (request) => {
        const j = documentJob(request.params.id, actor(request));
        if (!j) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.job, { id: request.params.id }) });
        return jobView(j);
      },
    );

    app.get(
      '/api/documents/jobs/:id/file',
      { config: { permission: 'persons.read' }, schema: { tags: ['documents'], summary: 'The file of a finished document job', params: z.object({ id: z.string().uuid() }) } },
      async (request, reply) => {
        const j = documentJob(request.params.id, actor(request));
        if (!j || !j.file) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.jobFile, { id: request.params.id }) });
        return send(reply, j.file);
      },
    );
  };
}
