/**
 * Registries: upload a CSV or XLSX file (imported whole or not at all; every rejected row reported),
 * follow an import's progress, read its data-quality report, list the snapshots, choose the current one.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, AppContext } from '../../app/context.ts';
import { AppError, named } from '../../app/errors.ts';
import { currentRegistryInfo, generateStoredRegistry, runImport, setCurrentRegistry, shownDetail, startImport, unexpectedImportFailure } from '../../app/registries.ts';
import { present } from '../../domain/lookup.ts';
import { API_MESSAGES, API_OBJECTS } from '../../i18n/api.ts';
import { msg, renderMessage } from '../../i18n/message.ts';
import { appendAudit } from '../../store/audit.ts';
import {
  currentRegistryId,
  finishImport,
  getImport,
  getRegistry,
  importIssueSummary,
  INTERRUPTED_IMPORT,
  listImportIssues,
  listImports,
  listRegistries,
  registryQualitySchema,
  type ImportInfo,
  type RegistryInfo,
  type StoredFileIssue,
} from '../../store/registries.ts';
import { actor } from '../auth.ts';
import { errorBodySchema, langOf, langSchema } from '../http.ts';
import { RULE_TEXTS } from '../../i18n/rules.ts';
import { render, type Lang } from '../../i18n/text.ts';
import type { ServerOptions } from '../server.ts';

/** A problem of a whole file, its detail in the answer's language (with its message key and parameters when it has them). */
const fileIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string().describe("The detail, in the answer's language (English for a problem stored before messages had keys)"),
  key: z.string().nullable().describe('The message key (src/i18n/errors/), stable for programs; null for a problem stored before messages had keys'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable().describe("The message's parameters, rendered in the answer's language"),
});
const qualitySchema = registryQualitySchema.extend({ file_issues: z.array(fileIssueSchema) });

const registrySchema = z.object({
  id: z.string().describe('SHA-256 of the canonical rows'),
  name: z.string(),
  source: z.string(),
  persons: z.number().int(),
  law_hash: z.string(),
  quality: qualitySchema,
  created_at: z.string(),
  current: z.boolean(),
});

const importSchema = z.object({
  id: z.string(),
  file_name: z.string(),
  status: z.enum(['running', 'accepted', 'rejected', 'failed']),
  rows: z.number().int().nullable(),
  accepted: z.number().int().nullable(),
  rejected: z.number().int().nullable(),
  file_issues: z.array(fileIssueSchema),
  registry_id: z.string().nullable(),
  error: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  progress: z.object({ phase: z.enum(['receiving', 'reading', 'storing', 'done']), bytes: z.number().int(), rows: z.number().int(), fraction: z.number().nullable() }).nullable(),
  issues_by_rule: z.array(z.object({ rule: z.string(), column: z.string().nullable(), severity: z.enum(['error', 'warning']), count: z.number().int() })),
});

const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream', 'application/vnd.ms-excel'];
const EXTENSIONS = new Set(['.csv', '.txt', '.xlsx']);

/** Problems of a whole file, each detail in `lang`. */
function fileIssuesIn(issues: readonly StoredFileIssue[], lang: Lang) {
  return issues.map((f) => ({ severity: f.severity, rule: f.rule, ...shownDetail(f, lang) }));
}

function registryView(r: RegistryInfo, current: string | null, lang: Lang) {
  return { id: r.id, name: r.name, source: r.source, persons: r.persons, law_hash: r.lawHash, quality: { ...r.quality, file_issues: fileIssuesIn(r.quality.file_issues, lang) }, created_at: r.createdAt, current: r.id === current };
}

/**
 * Why an upload failed, in `lang`: the problem of the file that stopped it when it is a message of
 * the catalogue, the interruption by a stopped server, or else the text stored.
 */
function importErrorIn(i: ImportInfo, lang: Lang): string | null {
  if (i.error === null) return null;
  if (i.error === INTERRUPTED_IMPORT) return render(API_MESSAGES.import_interrupted, lang);
  const cause = i.fileIssues.find((f) => f.severity === 'error' && f.key);
  return cause ? shownDetail(cause, lang).message : i.error;
}

async function importView(ctx: AppContext, i: ImportInfo, lang: Lang) {
  const p = ctx.imports.get(i.id);
  return {
    id: i.id,
    file_name: i.fileName,
    status: i.status,
    rows: i.rows,
    accepted: i.accepted,
    rejected: i.rejected,
    file_issues: fileIssuesIn(i.fileIssues, lang),
    registry_id: i.registryId,
    error: importErrorIn(i, lang),
    started_at: i.startedAt,
    finished_at: i.finishedAt,
    progress: i.status === 'running' && p ? { ...p } : null,
    issues_by_rule: i.status === 'running' ? [] : await importIssueSummary(ctx.db, i.id),
  };
}

/** Writes the request body to a file, counting bytes; refuses more than `limit`. */
async function receive(body: Readable, file: string, limit: number, onBytes: (n: number) => void): Promise<number> {
  let n = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      onBytes(n);
      if (n > limit) done(new AppError('too_large', API_MESSAGES.too_large, { limit }));
      else done(null, chunk);
    },
  });
  await pipeline(body, counter, createWriteStream(file, { mode: 0o600 }));
  return n;
}

// long: a Fastify plugin: the routes of one resource, each a handful of lines beside its schema
export function registryRoutes(ctx: AppContext, options: Pick<ServerOptions, 'uploadLimit'>): FastifyPluginAsyncZod {
  /** Imports run one at a time: each holds a whole registry in memory. */
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  return async (app) => {
    app.get(
      '/api/registries',
      { config: { permission: 'registries.read' }, schema: { tags: ['registries'], summary: 'Stored registry snapshots, newest first', response: { 200: z.object({ current: z.string().nullable(), registries: z.array(registrySchema) }) } } },
      async (request) => {
        const current = await currentRegistryId(ctx.db);
        return { current, registries: (await listRegistries(ctx.db)).map((r) => registryView(r, current, langOf(request))) };
      },
    );

    app.get(
      '/api/registries/current',
      { config: { permission: 'registries.read' }, schema: { tags: ['registries'], summary: 'The current registry', response: { 200: registrySchema, 404: errorBodySchema } } },
      async (request) => {
        const info = await currentRegistryInfo(ctx);
        return registryView(info, info.id, langOf(request));
      },
    );

    app.put(
      '/api/registries/current',
      {
        config: { permission: 'registries.write' },
        schema: { tags: ['registries'], summary: 'Choose the current registry', body: z.strictObject({ id: z.string().min(1) }), response: { 200: registrySchema, 404: errorBodySchema } },
      },
      async (request) => registryView(await setCurrentRegistry(ctx, actor(request), request.body.id), request.body.id, langOf(request)),
    );

    app.get(
      '/api/registries/:id',
      { config: { permission: 'registries.read' }, schema: { tags: ['registries'], summary: 'One registry with its data-quality summary', params: z.object({ id: z.string() }), response: { 200: registrySchema, 404: errorBodySchema } } },
      async (request) => {
        const info = await getRegistry(ctx.db, request.params.id);
        if (!info) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.registry, { id: request.params.id }) });
        return registryView(info, await currentRegistryId(ctx.db), langOf(request));
      },
    );

    app.post(
      '/api/registries/generate',
      {
        config: { permission: 'registries.write' },
        schema: {
          tags: ['registries'],
          summary: 'Generate a synthetic registry from the default profile (scaled to `persons`) and store it',
          body: z.strictObject({ persons: z.number().int().min(100).max(2_000_000).optional(), seed: z.number().int().min(0).max(2_147_483_647).optional() }),
          response: { 200: registrySchema, 201: registrySchema },
        },
      },
      async (request, reply) => {
        const { info, created } = await enqueue(() => generateStoredRegistry(ctx, actor(request), request.body));
        return reply.code(created ? 201 : 200).send(registryView(info, await currentRegistryId(ctx.db), langOf(request)));
      },
    );

    app.get(
      '/api/registries/imports',
      { config: { permission: 'registries.write' }, schema: { tags: ['registries'], summary: 'Uploads, newest first', querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50), lang: langSchema.optional() }), response: { 200: z.array(importSchema) } } },
      async (request) => Promise.all((await listImports(ctx.db, request.query.limit)).map((i) => importView(ctx, i, langOf(request)))),
    );

    app.get(
      '/api/registries/imports/:id',
      { config: { permission: 'registries.write' }, schema: { tags: ['registries'], summary: 'An upload: status, progress, counts, issues by rule', params: z.object({ id: z.string().uuid() }), response: { 200: importSchema, 404: errorBodySchema } } },
      async (request) => {
        const i = await getImport(ctx.db, request.params.id);
        if (!i) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.import, { id: request.params.id }) });
        return importView(ctx, i, langOf(request));
      },
    );

    app.get(
      '/api/registries/imports/:id/issues',
      {
        config: { permission: 'registries.write' },
        schema: {
          tags: ['registries'],
          summary: 'Every problem of every row of an upload (filterable); the cells they show are audited as a read of person data',
          params: z.object({ id: z.string().uuid() }),
          querystring: z.strictObject({
            severity: z.enum(['error', 'warning']).optional(),
            rule: z.string().optional(),
            column: z.string().optional(),
            from_row: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(10_000).default(500),
            offset: z.coerce.number().int().min(0).default(0),
            lang: langSchema.optional(),
          }),
          response: {
            200: z.object({
              total: z.number().int(),
              issues: z.array(
                z.object({
                  row: z.number().int().nullable(),
                  column: z.string().nullable(),
                  value: z.string(),
                  rule: z.string(),
                  severity: z.enum(['error', 'warning']),
                  message: z.string().describe("The detail, in the answer's language (English for a problem stored before messages had keys)"),
                  key: z.string().nullable().describe('The message key (src/i18n/errors/registry.ts), stable for programs; null for a problem stored before messages had keys'),
                  params: z.record(z.string(), z.union([z.string(), z.number()])).nullable().describe("The message's parameters, rendered in the answer's language"),
                  rule_text: z.string().describe("What the rule means, in the answer's language"),
                }),
              ),
            }),
            404: errorBodySchema,
          },
        },
      },
      async (request) => {
        const i = await getImport(ctx.db, request.params.id);
        if (!i) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.import, { id: request.params.id }) });
        const q = request.query;
        const result = await listImportIssues(ctx.db, i.id, {
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.rule ? { rule: q.rule } : {}),
          ...(q.column ? { column: q.column } : {}),
          ...(q.from_row ? { fromRow: q.from_row } : {}),
          limit: q.limit,
          offset: q.offset,
        });
        const a = actor(request);
        await appendAudit(ctx.db, { userId: a.userId, username: a.username, role: a.role, action: 'import.issues', target: { import_id: i.id, query: q, count: result.total, returned: result.issues.length }, result: 'ok', ip: a.ip });
        const lang = langOf(request);
        return {
          total: result.total,
          issues: result.issues.map((x) => ({ row: x.row, column: x.column, value: x.value, rule: x.rule, severity: x.severity, ...shownDetail(x, lang), rule_text: RULE_TEXTS[x.rule]?.[lang] ?? x.rule })),
        };
      },
    );

    await app.register(async (upload) => {
      upload.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
      upload.withTypeProvider<ZodTypeProvider>().post(
        '/api/registries',
        {
          bodyLimit: options.uploadLimit,
          config: { permission: 'registries.write' },
          schema: {
            tags: ['registries'],
            summary: 'Upload a registry file (the body is the file: text/csv, an XLSX workbook, or application/octet-stream)',
            description:
              'Answers 202 with the import at once (follow it at /api/registries/imports/{id}); with wait=true, answers when the import is finished: 201 accepted, 422 rejected (every rejected row is in /issues). A file with a rejected row is not stored.',
            querystring: z.strictObject({ file_name: z.string().min(1).max(255), wait: z.enum(['true', 'false']).default('false'), lang: langSchema.optional() }),
            response: { 201: importSchema, 202: importSchema, 413: errorBodySchema, 415: errorBodySchema, 422: importSchema },
          },
        },
        async (request, reply) => {
          const fileName = request.query.file_name;
          const ext = extname(fileName).toLowerCase();
          if (!EXTENSIONS.has(ext)) throw new AppError('unsupported_media_type', API_MESSAGES.unsupported_media_type, { type: ext || fileName, expected: '.csv, .xlsx' }, [{ file: 'query', path: 'query:$.file_name' }]);
          const a: Actor = actor(request);
          const { id: importId, progress } = await startImport(ctx, a, fileName);
          const file = join(ctx.tmpDir, `upload-${importId}${ext}`);
          const length = Number(request.headers['content-length'] ?? NaN);
          try {
            await receive(request.body as Readable, file, options.uploadLimit, (n) => {
              progress.bytes = n;
              progress.fraction = Number.isFinite(length) && length > 0 ? Math.min(1, n / length) : null;
            });
          } catch (e) {
            rmSync(file, { force: true });
            // Kept with its message's key, so that a reader sees why in their own language.
            const cause = e instanceof AppError && e.code === 'too_large' ? msg('file.upload_too_large', { limit: options.uploadLimit }) : msg('file.upload_broken');
            const detail = renderMessage(cause, 'en');
            await finishImport(ctx.db, importId, { status: 'failed', rows: null, accepted: null, rejected: null, fileIssues: [{ severity: 'error', rule: 'upload.failed', message: detail, key: cause.key, params: cause.params }], registryId: null, error: detail });
            ctx.imports.delete(importId);
            throw e instanceof AppError ? e : new AppError('bad_request', API_MESSAGES.registry_unreadable, { file: fileName, detail });
          }
          const job = enqueue(async () => {
            try {
              return await runImport(ctx, a, importId, file, fileName);
            } catch (e) {
              rmSync(file, { force: true });
              const failure = unexpectedImportFailure(importId, fileName, e, file);
              await finishImport(ctx.db, importId, { status: 'failed', rows: null, accepted: null, rejected: null, fileIssues: [failure.issue], registryId: null, error: failure.detail });
              throw e;
            }
          }).finally(() => setTimeout(() => ctx.imports.delete(importId), 60_000).unref());
          if (request.query.wait === 'true') {
            const done = await job;
            return reply.code(done.status === 'accepted' ? 201 : 422).send(await importView(ctx, done, langOf(request)));
          }
          job.catch((err: unknown) => request.log.error({ err }, 'import failed'));
          const info = present(await getImport(ctx.db, importId), `import ${importId} vanished after it was started`);
          reply.header('location', `/api/registries/imports/${importId}`);
          return reply.code(202).send(await importView(ctx, info, langOf(request)));
        },
      );
    });
  };
}
