/**
 * Registry snapshots, uploads and their data-quality issues, and the current registry, in the store.
 * A snapshot is written in one transaction (its row, its persons, its columnar pieces): it is there
 * whole or not at all.
 */
import { z } from 'zod';
import { csvLine, rowsOf, type Queryable } from './db.ts';
import { memoOf } from './memo.ts';
import { timestampSchema } from './users.ts';

/**
 * A problem of a file as a whole, as stored (JSON): `message` in English, and since messages have
 * keys, the key and parameters of the catalogue (src/i18n/errors/) that render it in each language.
 */
export const storedFileIssueSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type StoredFileIssue = z.output<typeof storedFileIssueSchema>;

export const registryQualitySchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** Issues by rule: how many rows each rule flagged. */
  by_rule: z.record(z.string(), z.number().int().nonnegative()),
  file_issues: z.array(storedFileIssueSchema),
});
export type RegistryQuality = z.output<typeof registryQualitySchema>;

export interface RegistryInfo {
  id: string;
  name: string;
  source: string;
  persons: number;
  lawHash: string;
  quality: RegistryQuality;
  createdBy: number | null;
  createdAt: string;
}

const registryRow = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  persons: z.number().int(),
  law_hash: z.string(),
  quality: registryQualitySchema,
  created_by: z.number().int().nullable(),
  created_at: timestampSchema,
});
const REGISTRY_COLUMNS = 'id, name, source, persons, law_hash, quality, created_by, created_at';

function toRegistry(r: z.output<typeof registryRow>): RegistryInfo {
  return { id: r.id, name: r.name, source: r.source, persons: r.persons, lawHash: r.law_hash, quality: r.quality, createdBy: r.created_by, createdAt: r.created_at };
}

export async function listRegistries(q: Queryable): Promise<RegistryInfo[]> {
  return rowsOf(registryRow, await q.query(`SELECT ${REGISTRY_COLUMNS} FROM registries ORDER BY created_at DESC, id`), 'registries').map(toRegistry);
}

/** A registry without its data-quality report: what reading persons needs. */
export type RegistryRef = Omit<RegistryInfo, 'quality'>;

const registryRefRow = registryRow.omit({ quality: true });

/**
 * A registry's reference by id, or the current registry's when `id` is null: one small query (no
 * quality report), as every read of persons asks it.
 */
export async function getRegistryRef(q: Queryable, id: string | null): Promise<RegistryRef | null> {
  const memo = memoOf(q);
  return memo ? memo.get(`registry:${id ?? 'current'}`, () => readRegistryRef(q, id)) : readRegistryRef(q, id);
}

async function readRegistryRef(q: Queryable, id: string | null): Promise<RegistryRef | null> {
  const rows = await q.query(
    `SELECT id, name, source, persons, law_hash, created_by, created_at FROM registries
      WHERE id = COALESCE($1::text, (SELECT value #>> '{}' FROM settings WHERE key = 'current_registry'))`,
    [id],
  );
  return rowsOf(registryRefRow, rows, 'registries').map((r) => ({ id: r.id, name: r.name, source: r.source, persons: r.persons, lawHash: r.law_hash, createdBy: r.created_by, createdAt: r.created_at }))[0] ?? null;
}

export async function getRegistry(q: Queryable, id: string): Promise<RegistryInfo | null> {
  return rowsOf(registryRow, await q.query(`SELECT ${REGISTRY_COLUMNS} FROM registries WHERE id = $1`, [id]), 'registries').map(toRegistry)[0] ?? null;
}

export interface PersonRowForStore {
  personId: string;
  facility: string | null;
  region: string | null;
  custody: string | null;
  sex: string | null;
  /** The data contract's row as one CSV line (no line break). */
  record: string;
}

export const REGISTRY_PERSON_COLUMNS = ['registry_id', 'row_index', 'person_id', 'facility', 'region', 'custody', 'sex', 'record'] as const;

/** Writes a snapshot: the registry's row, its persons and its columnar pieces. Call inside a transaction. */
export async function insertRegistry(
  tx: Queryable,
  info: Omit<RegistryInfo, 'createdAt'>,
  persons: Iterable<PersonRowForStore>,
  pieces: readonly Uint8Array[],
): Promise<void> {
  await tx.query(`INSERT INTO registries (id, name, source, persons, law_hash, quality, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    info.id,
    info.name,
    info.source,
    info.persons,
    info.lawHash,
    JSON.stringify(info.quality),
    info.createdBy,
  ]);
  const id = info.id;
  function* lines(): Generator<string> {
    let i = 0;
    for (const p of persons) yield csvLine([id, i++, p.personId, p.facility, p.region, p.custody, p.sex, p.record]);
  }
  await tx.copyCsv('registry_persons', REGISTRY_PERSON_COLUMNS, lines());
  await replacePieces(tx, id, pieces);
}

export async function replacePieces(tx: Queryable, registryId: string, pieces: readonly Uint8Array[]): Promise<void> {
  await tx.query('DELETE FROM registry_columns WHERE registry_id = $1', [registryId]);
  for (let k = 0; k < pieces.length; k++) await tx.query('INSERT INTO registry_columns (registry_id, piece, bytes) VALUES ($1, $2, $3)', [registryId, k, pieces[k]]);
}

export async function setRegistryLawHash(tx: Queryable, registryId: string, lawHash: string): Promise<void> {
  await tx.query('UPDATE registries SET law_hash = $2 WHERE id = $1', [registryId, lawHash]);
}

const pieceRow = z.object({ bytes: z.instanceof(Uint8Array) });

export async function readPieces(q: Queryable, registryId: string): Promise<Uint8Array[]> {
  const n = rowsOf(z.object({ n: z.number().int() }), await q.query('SELECT count(*)::int AS n FROM registry_columns WHERE registry_id = $1', [registryId]), 'registry_columns')[0]?.n ?? 0;
  const out: Uint8Array[] = [];
  // One piece a query: a piece is up to 16 MB, and a whole snapshot may not fit one answer.
  for (let k = 0; k < n; k++) {
    const [row] = rowsOf(pieceRow, await q.query('SELECT bytes FROM registry_columns WHERE registry_id = $1 AND piece = $2', [registryId, k]), 'registry_columns');
    if (!row) throw new Error(`registry ${registryId}: piece ${k} is missing`);
    out.push(row.bytes);
  }
  return out;
}

/** The stored records of a snapshot in row order, a page at a time. */
export async function* readRecords(q: Queryable, registryId: string, pageSize = 20_000): AsyncGenerator<{ rowIndex: number; record: string }> {
  let from = 0;
  for (;;) {
    const rows = rowsOf(
      z.object({ row_index: z.number().int(), record: z.string() }),
      await q.query('SELECT row_index, record FROM registry_persons WHERE registry_id = $1 AND row_index >= $2 ORDER BY row_index LIMIT $3', [registryId, from, pageSize]),
      'registry_persons',
    );
    for (const r of rows) {
      yield { rowIndex: r.row_index, record: r.record };
      from = r.row_index + 1;
    }
    if (rows.length < pageSize) return;
  }
}

// ---- the current registry -------------------------------------------------------------------

export async function getSetting(q: Queryable, key: string): Promise<unknown> {
  const rows = rowsOf(z.object({ value: z.unknown() }), await q.query('SELECT value FROM settings WHERE key = $1', [key]), 'settings');
  return rows[0]?.value ?? null;
}

export async function putSetting(q: Queryable, key: string, value: unknown): Promise<void> {
  await q.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, JSON.stringify(value)]);
}

export async function currentRegistryId(q: Queryable): Promise<string | null> {
  const v = await getSetting(q, 'current_registry');
  return typeof v === 'string' ? v : null;
}

// ---- uploads ----------------------------------------------------------------------------------

export const IMPORT_STATUSES = ['running', 'accepted', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportInfo {
  id: string;
  fileName: string;
  status: ImportStatus;
  rows: number | null;
  accepted: number | null;
  rejected: number | null;
  fileIssues: RegistryQuality['file_issues'];
  registryId: string | null;
  error: string | null;
  startedBy: number | null;
  startedAt: string;
  finishedAt: string | null;
}

const importRow = z.object({
  id: z.string(),
  file_name: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rows_read: z.number().int().nullable(),
  accepted: z.number().int().nullable(),
  rejected: z.number().int().nullable(),
  file_issues: registryQualitySchema.shape.file_issues,
  registry_id: z.string().nullable(),
  error: z.string().nullable(),
  started_by: z.number().int().nullable(),
  started_at: timestampSchema,
  finished_at: timestampSchema.nullable(),
});
const IMPORT_COLUMNS = 'id, file_name, status, rows_read, accepted, rejected, file_issues, registry_id, error, started_by, started_at, finished_at';

function toImport(r: z.output<typeof importRow>): ImportInfo {
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    rows: r.rows_read,
    accepted: r.accepted,
    rejected: r.rejected,
    fileIssues: r.file_issues,
    registryId: r.registry_id,
    error: r.error,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export async function insertImport(q: Queryable, i: { id: string; fileName: string; startedBy: number | null }): Promise<void> {
  await q.query(`INSERT INTO registry_imports (id, file_name, status, started_by) VALUES ($1, $2, 'running', $3)`, [i.id, i.fileName, i.startedBy]);
}

export async function finishImport(
  q: Queryable,
  id: string,
  r: { status: Exclude<ImportStatus, 'running'>; rows: number | null; accepted: number | null; rejected: number | null; fileIssues: RegistryQuality['file_issues']; registryId: string | null; error: string | null },
): Promise<void> {
  await q.query(
    `UPDATE registry_imports SET status = $2, rows_read = $3, accepted = $4, rejected = $5, file_issues = $6, registry_id = $7, error = $8, finished_at = now()
      WHERE id = $1 AND status = 'running'`,
    [id, r.status, r.rows, r.accepted, r.rejected, JSON.stringify(r.fileIssues), r.registryId, r.error],
  );
}

/** The `error` stored for an upload a stopped process left running (shown to a reader in their language: API_MESSAGES.import_interrupted). */
export const INTERRUPTED_IMPORT = 'interrupted: the server stopped during the import';

/** Uploads left running by a process that stopped: they failed. */
export async function failInterruptedImports(q: Queryable): Promise<number> {
  const rows = await q.query(`UPDATE registry_imports SET status = 'failed', error = $1, finished_at = now() WHERE status = 'running' RETURNING id`, [INTERRUPTED_IMPORT]);
  return rows.length;
}

export async function getImport(q: Queryable, id: string): Promise<ImportInfo | null> {
  return rowsOf(importRow, await q.query(`SELECT ${IMPORT_COLUMNS} FROM registry_imports WHERE id = $1`, [id]), 'registry_imports').map(toImport)[0] ?? null;
}

export async function listImports(q: Queryable, limit: number): Promise<ImportInfo[]> {
  return rowsOf(importRow, await q.query(`SELECT ${IMPORT_COLUMNS} FROM registry_imports ORDER BY started_at DESC LIMIT $1`, [limit]), 'registry_imports').map(toImport);
}

export interface StoredIssue {
  row: number | null;
  column: string | null;
  value: string;
  rule: string;
  severity: 'error' | 'warning';
  /** The detail in English (what a row stored before messages had keys holds alone). */
  message: string;
  /** The detail's message key and parameters (src/i18n/errors/), null in rows stored before them. */
  key: string | null;
  params: Readonly<Record<string, unknown>> | null;
}

export const ISSUE_COLUMNS = ['import_id', 'seq', 'row_number', 'column_name', 'value', 'rule', 'severity', 'message', 'message_key', 'message_params'] as const;

export async function insertImportIssues(tx: Queryable, importId: string, issues: Iterable<StoredIssue>): Promise<void> {
  function* lines(): Generator<string> {
    let k = 0;
    for (const i of issues) yield csvLine([importId, k++, i.row, i.column, i.value, i.rule, i.severity, i.message, i.key, i.params === null ? null : JSON.stringify(i.params)]);
  }
  await tx.copyCsv('import_issues', ISSUE_COLUMNS, lines());
}

export interface IssueFilter {
  severity?: 'error' | 'warning';
  rule?: string;
  column?: string;
  /** Rows from this row number on. */
  fromRow?: number;
  limit: number;
  offset: number;
}

const issueRow = z.object({
  row_number: z.number().int().nullable(),
  column_name: z.string().nullable(),
  value: z.string().nullable(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  message_key: z.string().nullable(),
  message_params: z.record(z.string(), z.unknown()).nullable(),
});

export async function listImportIssues(q: Queryable, importId: string, f: IssueFilter): Promise<{ total: number; issues: StoredIssue[] }> {
  const where = ['import_id = $1'];
  const params: unknown[] = [importId];
  const add = (col: string, v: unknown, op = '=') => {
    params.push(v);
    where.push(`${col} ${op} $${params.length}`);
  };
  if (f.severity !== undefined) add('severity', f.severity);
  if (f.rule !== undefined) add('rule', f.rule);
  if (f.column !== undefined) add('column_name', f.column);
  if (f.fromRow !== undefined) add('row_number', f.fromRow, '>=');
  const whereSql = where.join(' AND ');
  const [count] = rowsOf(z.object({ n: z.number().int() }), await q.query(`SELECT count(*)::int AS n FROM import_issues WHERE ${whereSql}`, params), 'import_issues');
  const rows = rowsOf(
    issueRow,
    await q.query(`SELECT row_number, column_name, value, rule, severity, message, message_key, message_params FROM import_issues WHERE ${whereSql} ORDER BY seq LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, f.limit, f.offset]),
    'import_issues',
  );
  return { total: count?.n ?? 0, issues: rows.map((r) => ({ row: r.row_number, column: r.column_name, value: r.value ?? '', rule: r.rule, severity: r.severity, message: r.message, key: r.message_key, params: r.message_params })) };
}

/** Issues counted by rule, column and severity (for the report's filters). */
export async function importIssueSummary(q: Queryable, importId: string): Promise<{ rule: string; column: string | null; severity: 'error' | 'warning'; count: number }[]> {
  return rowsOf(
    z.object({ rule: z.string(), column_name: z.string().nullable(), severity: z.enum(['error', 'warning']), n: z.number().int() }),
    await q.query('SELECT rule, column_name, severity, count(*)::int AS n FROM import_issues WHERE import_id = $1 GROUP BY rule, column_name, severity ORDER BY n DESC, rule', [importId]),
    'import_issues',
  ).map((r) => ({ rule: r.rule, column: r.column_name, severity: r.severity, count: r.n }));
}
