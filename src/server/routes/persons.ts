/**
 * Persons: filtered lists with their outcome under an act (JSON, or exported as CSV / XLSX), and one
 * person with the explanation of the outcome in kk, ru or en. Within the user's scope only; every
 * read and export is audited (src/app/persons.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { listPersons, PERSON_SORTS, readPerson, type PersonListRequest } from '../../app/persons.ts';
import { PERSON_COLUMNS, personRowSchema, type PersonRow } from '../../app/person-row.ts';
import { actor } from '../auth.ts';
import { errorBodySchema, langOf, langSchema, sendJsonBytes } from '../http.ts';
import { pooledJsonBytes } from '../json-bytes.ts';
import { personRowsWriter } from '../person-rows-json.ts';

const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
  .optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const sourceQuery = {
  act: z.string().optional().describe('An act id (its head version unless `version` is given)'),
  version: z.coerce.number().int().min(1).optional(),
  run: z.string().optional().describe('A stored evaluation instead of an act'),
  registry: z.string().optional().describe('A registry id (default: the current registry)'),
  as_of: isoDate.optional(),
  lang: langSchema.optional(),
};

const listQuery = z.strictObject({
  ...sourceQuery,
  status: list.describe('not_covered, eligible, excluded, needs_review (comma-separated)'),
  measure: list,
  clause: list.describe('Clause ids or references'),
  exclusion: list.describe('Exclusion ids or references'),
  reason: list,
  facility: list,
  region: list,
  custody: list,
  sex: list,
  almost: z.enum(['any', 'one_short', 'later']).optional(),
  q: z.string().max(100).optional().describe('A person id, ИИН or surname prefix'),
  kind: z.enum(['none', 'release', 'reduce', 'replace', 'other']).optional().describe('Kind of measure under this act (a transition cell)'),
  compare_act: z.string().optional().describe('The other act of a transition cell'),
  compare_version: z.coerce.number().int().min(1).optional(),
  compare_kind: z.enum(['none', 'release', 'reduce', 'replace', 'other']).optional(),
  sort: z.enum(PERSON_SORTS).default('row'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(100_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const exportQuery = listQuery.extend({ format: z.enum(['csv', 'xlsx']), limit: z.coerce.number().int().min(1).max(1_000_000).default(1_000_000) });

const listSchema = z.object({
  act: z.object({ id: z.string(), version: z.number().int(), hash: z.string() }),
  registry: z.object({ id: z.string(), name: z.string() }),
  as_of: z.string(),
  run: z.string().nullable(),
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(personRowSchema),
});

const COLUMNS = PERSON_COLUMNS;
/** About the size of a person row in JSON, bytes: the first guess at a page's size. */
const ROW_BYTES = 560;

/** A cell a spreadsheet would run as a formula is written as text (a leading apostrophe). */
function safeCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

async function xlsxOf(rows: PersonRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c, key: c, width: Math.max(12, c.length + 2) }));
  for (const r of rows) ws.addRow(COLUMNS.map((c) => (c === 'days_remitted' ? r.days_remitted : safeCell(r[c]))));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function listRequest(q: z.output<typeof listQuery>): PersonListRequest {
  return {
    source: { act: q.act, version: q.version, run: q.run, registry: q.registry, asOf: q.as_of },
    filter: {
      status: q.status,
      measure: q.measure,
      clause: q.clause,
      exclusion: q.exclusion,
      reason: q.reason,
      facility: q.facility,
      region: q.region,
      custody: q.custody,
      sex: q.sex,
      almost: q.almost,
      search: q.q,
      kind: q.kind,
      compareWith: q.compare_act ? { act: q.compare_act, version: q.compare_version } : undefined,
      compareKind: q.compare_kind,
    },
    sort: q.sort,
    order: q.order,
    limit: q.limit,
    offset: q.offset,
  };
}

export function personRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/persons',
      {
        config: { permission: 'persons.read' },
        schema: {
          tags: ['persons'],
          summary: 'Persons with their outcome under an act, filtered and sorted (a page of up to 100 000 rows)',
          description: 'Officers see the persons of their facilities, supervisors of their regions, courts the persons submitted to them. Every read is audited with the query and the count.',
          querystring: listQuery,
          response: { 200: listSchema, 400: errorBodySchema, 404: errorBodySchema },
        },
      },
      // Written straight to UTF-8 from the columns (person-rows-json.ts), into a buffer of a sent
      // answer: a page runs to thousands of rows with names in Cyrillic.
      async (request, reply) => {
        const result = await listPersons(ctx, actor(request), listRequest(request.query), 'persons.list');
        return sendJsonBytes(reply, pooledJsonBytes(result, 1024 + result.rows.length * ROW_BYTES, personRowsWriter));
      },
    );

    app.get(
      '/api/persons/export',
      {
        config: { permission: 'persons.read' },
        schema: {
          tags: ['persons'],
          summary: 'The same list as a file: CSV (UTF-8 with BOM) or XLSX; audited as an export',
          querystring: exportQuery,
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const q = request.query;
        const result = await listPersons(ctx, actor(request), listRequest(q), 'persons.export');
        const name = `persons-${result.act.id}-${result.registry.id.slice(0, 8)}`;
        const rows = result.rows.objects();
        if (q.format === 'csv') {
          const body = stringify([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => safeCell(r[c])))]);
          return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(`\ufeff${body}`);
        }
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await xlsxOf(rows, result.act.id));
      },
    );

    app.get(
      '/api/persons/:person_id',
      {
        config: { permission: 'persons.read' },
        schema: {
          tags: ['persons'],
          summary: 'One person: the record’s facts, the outcome, and the explanation in kk, ru or en',
          params: z.object({ person_id: z.string().min(1).max(64) }),
          querystring: z.strictObject(sourceQuery),
          response: { 200: z.record(z.string(), z.unknown()).describe('record, articles, outcome, explanation {lang, text, trace}, unknown_facts, unverified (docs/api.md)'), 403: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        const q = request.query;
        const view = await readPerson(ctx, actor(request), request.params.person_id, { act: q.act, version: q.version, run: q.run, registry: q.registry, asOf: q.as_of }, langOf(request));
        return view as unknown as Record<string, unknown>;
      },
    );
  };
}
