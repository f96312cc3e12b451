/**
 * Registry use cases: import a file into the store (whole or not at all, every rejected row
 * reported), the default synthetic registry, the current registry, and opening a stored snapshot
 * as a columnar registry (cached by its content hash).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { API_MESSAGES, API_OBJECTS } from '../i18n/api.ts';
import { locationMessage, RejectedRowsError, UnreadableFileError } from '../domain/errors.ts';
import { firstLine } from '../domain/lookup.ts';
import type { Law } from '../law/law.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { msg, renderMessage, renderParams, storedMessage } from '../i18n/message.ts';
import { render, type Lang } from '../i18n/text.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { importRegistryFile, type FileIssue, type ImportResult } from '../registry/import.ts';
import { CONTRACT_COLUMNS, type ContractColumn } from '../registry/record.ts';
import { RegistryBuilder, type Registry } from '../registry/registry.ts';
import { parseRow, recordToCells, rowSchema, type RowIssue } from '../registry/row.ts';
import { loadSnapshot, saveSnapshot } from '../registry/snapshot.ts';
import { generateRegistry } from '../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../registry/synthetic/profile.ts';
import { appendAuditIn } from '../store/audit.ts';
import {
  currentRegistryId,
  failInterruptedImports,
  finishImport,
  getImport,
  getRegistry,
  getRegistryRef,
  insertImport,
  insertImportIssues,
  insertRegistry,
  listRegistries,
  putSetting,
  readPieces,
  readRecords,
  replacePieces,
  setRegistryLawHash,
  type ImportInfo,
  type PersonRowForStore,
  type RegistryInfo,
  type RegistryRef,
  type RegistryQuality,
  type StoredFileIssue,
  type StoredIssue,
} from '../store/registries.ts';
import type { Actor, AppContext, ImportProgress } from './context.ts';
import { AppError, named } from './errors.ts';
import { maybeKill } from './faults.ts';

/** Pieces of the columnar form stored in the database (bytea). */
const PIECE_BYTES = 8 * 1024 * 1024;

/** A CSV field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line break. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The data contract's header line, then each person's row: the content that names a snapshot. */
export function* canonicalRows(registry: Registry): Generator<PersonRowForStore> {
  for (let i = 0; i < registry.size; i++) {
    const cells = recordToCells(registry.record(i), registry.law);
    let record = '';
    let separator = '';
    for (const column of CONTRACT_COLUMNS) {
      record += separator + csvField(cells[column]);
      separator = ',';
    }
    yield { personId: cells.person_id, facility: cells.facility || null, region: cells.region || null, custody: cells.custody || null, sex: cells.sex || null, record };
  }
}

/** SHA-256 over the header and the canonical rows: the same persons in the same order, the same id. */
export function registryContentHash(registry: Registry): string {
  const h = createHash('sha256');
  h.update(`${CONTRACT_COLUMNS.join(',')}\n`);
  for (const r of canonicalRows(registry)) h.update(`${r.record}\n`);
  return h.digest('hex');
}

function snapshotPieces(ctx: AppContext, registry: Registry): Uint8Array[] {
  const file = join(ctx.tmpDir, `snapshot-${randomUUID()}.amnreg`);
  try {
    saveSnapshot(registry, file);
    const bytes = readFileSync(file);
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < bytes.byteLength; at += PIECE_BYTES) pieces.push(bytes.subarray(at, Math.min(bytes.byteLength, at + PIECE_BYTES)));
    return pieces;
  } finally {
    rmSync(file, { force: true });
  }
}

/** A problem of a file as the store keeps it: the English text, and the message's key and parameters. */
function storedFileIssue(f: FileIssue): StoredFileIssue {
  return { severity: f.severity, rule: f.rule, message: renderMessage(f.message, 'en'), key: f.message.key, params: f.message.params };
}

/**
 * A stored problem's detail in `lang`: rendered from its key and parameters, or, for one stored
 * before messages had keys, its English text as it was stored.
 */
export function shownDetail(i: { message: string; key?: string | null | undefined; params?: unknown }, lang: Lang): { message: string; key: string | null; params: Record<string, string | number> | null } {
  const m = storedMessage(i.key, i.params);
  return m ? { message: renderMessage(m, lang), key: m.key, params: renderParams(m.params, lang) } : { message: i.message, key: null, params: null };
}

export function qualityOf(result: Pick<ImportResult, 'rows' | 'accepted' | 'rejected' | 'issues' | 'fileIssues'>): RegistryQuality {
  const byRule: Record<string, number> = {};
  let warnings = 0;
  for (const i of result.issues) {
    byRule[i.rule] = (byRule[i.rule] ?? 0) + 1;
    if (i.severity === 'warning') warnings++;
  }
  return { rows: result.rows, accepted: result.accepted, rejected: result.rejected, warnings, by_rule: byRule, file_issues: result.fileIssues.map(storedFileIssue) };
}

function storedIssue(i: RowIssue): StoredIssue {
  return { row: i.row, column: i.column, value: i.value, rule: i.rule, severity: i.severity, message: renderMessage(i.message, 'en'), key: i.message.key, params: i.message.params };
}

/**
 * Stores a registry that passed validation, unless the same content is stored already; the
 * registry is cached. Runs `also` in the same transaction (the upload's own record and audit).
 */
async function storeRegistry(
  ctx: AppContext,
  registry: Registry,
  meta: { name: string; source: string; quality: RegistryQuality; createdBy: number | null },
  also: (tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], id: string, created: boolean) => Promise<void>,
  killPoint: string | null = null,
): Promise<{ info: RegistryInfo; created: boolean }> {
  const id = registryContentHash(registry);
  const existing = await getRegistry(ctx.db, id);
  const pieces = existing ? [] : snapshotPieces(ctx, registry);
  let created = false;
  await ctx.db.transaction(async (tx) => {
    if (!existing) {
      await insertRegistry(tx, { id, name: meta.name, source: meta.source, persons: registry.size, lawHash: ctx.env.criminalCodeHash, quality: meta.quality, createdBy: meta.createdBy }, canonicalRows(registry), pieces);
      if (killPoint !== null) maybeKill(killPoint);
      created = true;
    }
    await also(tx, id, created);
  });
  ctx.registries.set(id, registry);
  const info = await getRegistry(ctx.db, id);
  if (!info) throw new Error(`registry ${id} vanished after it was stored`);
  return { info, created };
}

/** Starts an upload's record; the file is imported by `runImport`. */
export async function startImport(ctx: AppContext, actor: Actor, fileName: string): Promise<{ id: string; progress: ImportProgress }> {
  const id = randomUUID();
  await insertImport(ctx.db, { id, fileName: basename(fileName), startedBy: actor.userId });
  const progress: ImportProgress = { phase: 'receiving', bytes: 0, rows: 0, fraction: null };
  ctx.imports.set(id, progress);
  return { id, progress };
}

/**
 * An import stopped by an unexpected error — of the server, not a located problem of the file: the
 * problem stored for the reader is a message of the catalogue (`import.failed_unexpected`, shown in
 * their language), and the error's own first line, in the words of the code that threw it, is the
 * detail kept apart for the log (the upload's `error`, the audit entry). `file` is the temporary
 * file's path, replaced in the detail by the upload's name.
 */
export function unexpectedImportFailure(importId: string, fileName: string, e: unknown, file?: string): { issue: StoredFileIssue; detail: string } {
  const text = e instanceof Error ? firstLine(e.message) : String(e);
  return {
    issue: storedFileIssue({ severity: 'error', rule: 'import.failed', message: msg('import.failed_unexpected', { file: fileName, id: importId }) }),
    detail: file === undefined ? text : text.replaceAll(file, fileName),
  };
}

/**
 * Imports a received file: reads and validates every row; when no row is rejected, stores the
 * snapshot (or finds the same one stored) in one transaction with the upload's record and its audit
 * entry; otherwise stores only the report of every rejected row. The file is removed afterwards.
 */
export async function runImport(ctx: AppContext, actor: Actor, importId: string, file: string, fileName: string): Promise<ImportInfo> {
  const progress = ctx.imports.get(importId) ?? { phase: 'reading' as const, bytes: 0, rows: 0, fraction: null };
  progress.phase = 'reading';
  ctx.imports.set(importId, progress);
  const audit = (result: 'ok' | 'refused' | 'failed', target: Record<string, unknown>) => ({
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    action: 'registry.import',
    target: { import_id: importId, file: fileName, ...target },
    result,
    ip: actor.ip,
  });
  let result: ImportResult;
  try {
    result = await importRegistryFile(ctx.env.law.criminalCode, file, {
      onProgress: (rows, fraction) => {
        progress.rows = rows;
        progress.fraction = fraction;
      },
    });
  } catch (e) {
    // The uploaded file's temporary name means nothing to the user: the message names the upload.
    const failure =
      e instanceof UnreadableFileError
        ? ((message) => ({ issue: storedFileIssue({ severity: 'error', rule: e.rule, message }), detail: renderMessage(message, 'en') }))(msg('registry.at', { at: locationMessage(fileName, e.at), detail: e.detail }))
        : unexpectedImportFailure(importId, fileName, e, file);
    await ctx.db.transaction(async (tx) => {
      await finishImport(tx, importId, { status: 'failed', rows: null, accepted: null, rejected: null, fileIssues: [failure.issue], registryId: null, error: failure.detail });
      await appendAuditIn(tx, audit('failed', { error: failure.detail }));
    });
    return finished(ctx, importId);
  } finally {
    rmSync(file, { force: true });
  }
  progress.phase = 'storing';
  progress.rows = result.rows;
  progress.fraction = 1;
  const quality = qualityOf(result);
  const fatal = result.fileIssues.some((i) => i.severity === 'error');
  const counts = { rows: result.rows, accepted: result.accepted, rejected: result.rejected };
  if (result.rejected > 0 || fatal || result.rows === 0) {
    await ctx.db.transaction(async (tx) => {
      await insertImportIssues(tx, importId, result.issues.map(storedIssue));
      await finishImport(tx, importId, { status: 'rejected', ...counts, fileIssues: quality.file_issues, registryId: null, error: null });
      await appendAuditIn(tx, audit('refused', counts));
    });
    return finished(ctx, importId);
  }
  await storeRegistry(ctx, result.registry, { name: basename(fileName), source: basename(fileName), quality, createdBy: actor.userId }, async (tx, id, created) => {
    await insertImportIssues(tx, importId, result.issues.map(storedIssue));
    await finishImport(tx, importId, { status: 'accepted', ...counts, fileIssues: quality.file_issues, registryId: id, error: null });
    await appendAuditIn(tx, audit('ok', { ...counts, registry_id: id, created }));
  }, 'registry.import');
  return finished(ctx, importId);
}

async function finished(ctx: AppContext, importId: string): Promise<ImportInfo> {
  const p = ctx.imports.get(importId);
  if (p) p.phase = 'done';
  const info = await getImport(ctx.db, importId);
  if (!info) throw new Error(`import ${importId} vanished`);
  return info;
}

/**
 * A registry from a file (CSV, XLSX, snapshot) or, without one, the default synthetic population —
 * for the commands that read a registry directly instead of the store. A file with a rejected row
 * or file-level error is refused (RejectedRowsError, exit code 1): a decision about persons needs
 * every person. The file's warnings (other worksheets, unknown columns) go to `onWarning`.
 */
export async function openRegistryFile(
  law: Law,
  file: string | undefined,
  opts: { lang: Lang; sheet?: string | undefined; onProgress?: (rows: number) => void; onWarning?: (text: string) => void },
): Promise<{ registry: Registry; source: string; synthetic: boolean }> {
  if (file === undefined) {
    const profile = loadProfile(DEFAULT_PATHS.profile);
    const registry = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: DEFAULT_SEED });
    return { registry, source: render(MESSAGES['registry.default'], opts.lang, { profile: profile.id, seed: String(DEFAULT_SEED) }), synthetic: true };
  }
  const { onProgress } = opts;
  const result = await importRegistryFile(law.criminalCode, file, {
    ...(onProgress ? { onProgress: (rows: number) => onProgress(rows) } : {}),
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
  });
  const fatal = result.fileIssues.filter((i) => i.severity === 'error');
  if (result.rejected > 0 || fatal.length > 0)
    throw new RejectedRowsError([render(MESSAGES['error.registry_rejected'], opts.lang, { file, rejected: result.rejected }), ...fatal.map((i) => `${file}: ${renderMessage(i.message, opts.lang)} [${i.rule}]`)].join('\n'));
  for (const w of result.fileIssues) opts.onWarning?.(`${render(MESSAGES['check.severity.warning'], opts.lang)} ${file}: ${renderMessage(w.message, opts.lang)} [${w.rule}]`);
  const sheetRead = result.source.format === 'xlsx' && result.source.sheet !== null ? ` (${result.source.sheet})` : '';
  return { registry: result.registry, source: `${basename(file)}${sheetRead}`, synthetic: false };
}

/** The synthetic national registry (profile kz-2025, the default seed), or the same profile scaled to `persons`. */
export function defaultRegistry(ctx: AppContext, persons?: number, seed: number = DEFAULT_SEED): { registry: Registry; source: string } {
  const base = loadProfile(DEFAULT_PATHS.profile);
  const profile = persons === undefined ? base : scaleProfile(base, persons);
  const registry = generateRegistry(profile, ctx.env.law.criminalCode, ctx.env.facilities, { seed });
  return { registry, source: `synthetic: profile ${profile.id}${persons === undefined ? '' : ` scaled to ${persons}`}, seed ${seed}` };
}

/** Generates a synthetic registry from the default profile and stores it (or finds the same one stored). */
export async function generateStoredRegistry(ctx: AppContext, actor: Actor, req: { persons?: number | undefined; seed?: number | undefined }): Promise<{ info: RegistryInfo; created: boolean }> {
  const { registry, source } = defaultRegistry(ctx, req.persons, req.seed ?? DEFAULT_SEED);
  const quality: RegistryQuality = { rows: registry.size, accepted: registry.size, rejected: 0, warnings: 0, by_rule: {}, file_issues: [] };
  return storeRegistry(ctx, registry, { name: `synthetic ${registry.size}, seed ${req.seed ?? DEFAULT_SEED}`, source, quality, createdBy: actor.userId }, async (tx, id, created) => {
    await appendAuditIn(tx, { userId: actor.userId, username: actor.username, role: actor.role, action: 'registry.generate', target: { registry_id: id, source, persons: registry.size, created }, result: 'ok', ip: actor.ip });
  });
}

/** At start: a store without registries gets the default one (or the profile scaled to `persons`), made current. */
export async function ensureRegistry(ctx: AppContext, persons?: number): Promise<{ created: RegistryInfo | null }> {
  await failInterruptedImports(ctx.db);
  if ((await listRegistries(ctx.db)).length > 0) {
    if ((await currentRegistryId(ctx.db)) === null) {
      const [newest] = await listRegistries(ctx.db);
      if (newest) await putSetting(ctx.db, 'current_registry', newest.id);
    }
    return { created: null };
  }
  const { registry, source } = defaultRegistry(ctx, persons);
  const quality: RegistryQuality = { rows: registry.size, accepted: registry.size, rejected: 0, warnings: 0, by_rule: {}, file_issues: [] };
  const { info } = await storeRegistry(ctx, registry, { name: persons === undefined ? 'kz-2025 (synthetic)' : `kz-2025 (synthetic, ${persons})`, source, quality, createdBy: null }, async (tx, id) => {
    await putSetting(tx, 'current_registry', id);
    await appendAuditIn(tx, { userId: null, username: null, role: null, action: 'registry.create_default', target: { registry_id: id, source, persons: registry.size }, result: 'ok', ip: null });
  });
  return { created: info };
}

export async function setCurrentRegistry(ctx: AppContext, actor: Actor, id: string): Promise<RegistryInfo> {
  const info = await getRegistry(ctx.db, id);
  if (!info) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.registry, { id: id }) });
  await ctx.db.transaction(async (tx) => {
    await putSetting(tx, 'current_registry', id);
    await appendAuditIn(tx, { userId: actor.userId, username: actor.username, role: actor.role, action: 'registry.set_current', target: { registry_id: id }, result: 'ok', ip: actor.ip });
  });
  return info;
}

export async function currentRegistryInfo(ctx: AppContext): Promise<RegistryInfo> {
  const id = await currentRegistryId(ctx.db);
  const info = id === null ? null : await getRegistry(ctx.db, id);
  if (!info) throw new AppError('not_found', API_MESSAGES.no_registry);
  return info;
}

/**
 * The current registry (or the one named) with its columnar form (from memory, its columnar pieces,
 * or its rows): one query when the form is in memory.
 */
export async function openRegistry(ctx: AppContext, id: string | undefined): Promise<{ info: RegistryRef; registry: Registry }> {
  const info = await getRegistryRef(ctx.db, id ?? null);
  if (!info) throw id === undefined ? new AppError('not_found', API_MESSAGES.no_registry) : new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.registry, { id: id }) });
  return { info, registry: await columnarOf(ctx, info) };
}

async function columnarOf(ctx: AppContext, info: RegistryRef): Promise<Registry> {
  const cached = ctx.registries.get(info.id);
  if (cached) return cached;
  let pending = ctx.loading.get(info.id);
  if (!pending) {
    pending = loadRegistry(ctx, info).finally(() => ctx.loading.delete(info.id));
    ctx.loading.set(info.id, pending);
  }
  const registry = await pending;
  ctx.registries.set(info.id, registry);
  return registry;
}

async function loadRegistry(ctx: AppContext, info: RegistryRef): Promise<Registry> {
  if (info.lawHash === ctx.env.criminalCodeHash) {
    const pieces = await readPieces(ctx.db, info.id);
    if (pieces.length > 0) {
      const file = join(ctx.tmpDir, `load-${randomUUID()}.amnreg`);
      try {
        writeFileSync(file, Buffer.concat(pieces));
        return loadSnapshot(file, ctx.env.law.criminalCode);
      } catch {
        // A snapshot that does not load (another column layout) is rebuilt from its rows below.
      } finally {
        rmSync(file, { force: true });
      }
    }
  }
  return rebuildFromRecords(ctx, info);
}

/**
 * Reads a snapshot's rows again under the current Criminal Code table, checks that they still give
 * the snapshot's content hash, and stores the new columnar form.
 */
async function rebuildFromRecords(ctx: AppContext, info: RegistryRef): Promise<Registry> {
  const law = ctx.env.law.criminalCode;
  const schema = rowSchema(law);
  const builder = new RegistryBuilder(law, Math.max(1024, info.persons));
  const hash = createHash('sha256');
  hash.update(`${CONTRACT_COLUMNS.join(',')}\n`);
  let bad = 0;
  let first: { row: number; issue: RowIssue | undefined } | null = null;
  for await (const { rowIndex, record } of readRecords(ctx.db, info.id)) {
    hash.update(`${record}\n`);
    const [cellsList] = parseCsvSync(record, { relax_column_count: true }) as string[][];
    const cells = Object.fromEntries(CONTRACT_COLUMNS.map((c, k) => [c, cellsList?.[k] ?? ''])) as Record<ContractColumn, string>;
    const { record: person, issues } = parseRow(schema, cells, rowIndex + 2);
    const error = issues.find((i) => i.severity === 'error');
    if (person === null || error) {
      bad++;
      first ??= { row: rowIndex + 2, issue: error };
      continue;
    }
    builder.push(person);
  }
  if (bad > 0 && first) {
    const at = first.issue;
    throw new AppError('conflict', API_MESSAGES.registry_law_changed, { id: info.id, n: bad, row: first.row }, [{ file: info.id, row: first.row, field: at?.column ?? null, ...(at ? { message: at.message } : {}) }]);
  }
  if (hash.digest('hex') !== info.id) throw new Error(`registry ${info.id}: its stored rows no longer give its content hash`);
  const registry = builder.finish();
  const pieces = snapshotPieces(ctx, registry);
  await ctx.db.transaction(async (tx) => {
    await replacePieces(tx, info.id, pieces);
    await setRegistryLawHash(tx, info.id, ctx.env.criminalCodeHash);
  });
  return registry;
}
