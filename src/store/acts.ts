/**
 * Acts in the store: each act has versions (its YAML text, content-hashed, with author and time);
 * a draft takes new versions, a law is frozen. Writes check the version the writer read
 * (optimistic concurrency): a stale write changes nothing.
 */
import { z } from 'zod';
import { rowsOf, type Queryable } from './db.ts';
import { memoOf } from './memo.ts';
import { timestampSchema } from './users.ts';

export const ACT_KINDS = ['law', 'draft'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export interface ActRecord {
  id: string;
  kind: ActKind;
  headVersion: number;
  forkedFrom: string | null;
  createdBy: number | null;
  createdAt: string;
  adoptedBy: number | null;
  adoptedAt: string | null;
  /** The head version's hash and its author's name. */
  headHash: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ActVersion {
  actId: string;
  version: number;
  hash: string;
  source: string;
  readme: string | null;
  note: string | null;
  author: number | null;
  authorName: string | null;
  createdAt: string;
}

const actRow = z.object({
  id: z.string(),
  kind: z.enum(ACT_KINDS),
  head_version: z.number().int(),
  forked_from: z.string().nullable(),
  created_by: z.number().int().nullable(),
  created_at: timestampSchema,
  adopted_by: z.number().int().nullable(),
  adopted_at: timestampSchema.nullable(),
  head_hash: z.string(),
  updated_at: timestampSchema,
  updated_by: z.string().nullable(),
});

const SELECT_ACT = `SELECT a.id, a.kind, a.head_version, a.forked_from, a.created_by, a.created_at, a.adopted_by, a.adopted_at,
       v.hash AS head_hash, v.created_at AS updated_at, u.username AS updated_by
  FROM acts a JOIN act_versions v ON v.act_id = a.id AND v.version = a.head_version
  LEFT JOIN users u ON u.id = v.author`;

function toAct(r: z.output<typeof actRow>): ActRecord {
  return {
    id: r.id,
    kind: r.kind,
    headVersion: r.head_version,
    forkedFrom: r.forked_from,
    createdBy: r.created_by,
    createdAt: r.created_at,
    adoptedBy: r.adopted_by,
    adoptedAt: r.adopted_at,
    headHash: r.head_hash,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

const versionRow = z.object({
  act_id: z.string(),
  version: z.number().int(),
  hash: z.string(),
  source: z.string(),
  readme: z.string().nullable(),
  note: z.string().nullable(),
  author: z.number().int().nullable(),
  author_name: z.string().nullable(),
  created_at: timestampSchema,
});

function toVersion(r: z.output<typeof versionRow>): ActVersion {
  return { actId: r.act_id, version: r.version, hash: r.hash, source: r.source, readme: r.readme, note: r.note, author: r.author, authorName: r.author_name, createdAt: r.created_at };
}

const SELECT_VERSION = `SELECT v.act_id, v.version, v.hash, v.source, v.readme, v.note, v.author, u.username AS author_name, v.created_at
  FROM act_versions v LEFT JOIN users u ON u.id = v.author`;

export async function actCount(q: Queryable): Promise<number> {
  return rowsOf(z.object({ n: z.number().int() }), await q.query('SELECT count(*)::int AS n FROM acts'), 'acts')[0]?.n ?? 0;
}

export async function listActs(q: Queryable): Promise<ActRecord[]> {
  return rowsOf(actRow, await q.query(`${SELECT_ACT} ORDER BY a.kind DESC, a.id`), 'acts').map(toAct);
}

export async function getAct(q: Queryable, id: string, forUpdate = false): Promise<ActRecord | null> {
  // FOR UPDATE locks the act's row only (a plain join would lock the version and user rows too).
  return rowsOf(actRow, await q.query(`${SELECT_ACT} WHERE a.id = $1${forUpdate ? ' FOR UPDATE OF a' : ''}`, [id]), 'acts').map(toAct)[0] ?? null;
}

/** Which version of an act a read means, and its hash (no text): `version` null is the head. */
export interface VersionRef {
  actId: string;
  kind: ActKind;
  headVersion: number;
  /** Null when the act has no such version. */
  version: number | null;
  hash: string | null;
}

const versionRefRow = z.object({ id: z.string(), kind: z.enum(ACT_KINDS), head_version: z.number().int(), version: z.number().int().nullable(), hash: z.string().nullable() });

/** An act's version by number (or its head) without its text: one small query for the read paths. */
export async function getVersionRef(q: Queryable, id: string, version: number | null): Promise<VersionRef | null> {
  const memo = memoOf(q);
  return memo ? memo.get(`act:${id}:${version ?? 'head'}`, () => readVersionRef(q, id, version)) : readVersionRef(q, id, version);
}

async function readVersionRef(q: Queryable, id: string, version: number | null): Promise<VersionRef | null> {
  const rows = await q.query(
    `SELECT a.id, a.kind, a.head_version, v.version, v.hash
       FROM acts a LEFT JOIN act_versions v ON v.act_id = a.id AND v.version = COALESCE($2::int, a.head_version)
      WHERE a.id = $1`,
    [id, version],
  );
  return rowsOf(versionRefRow, rows, 'acts').map((r) => ({ actId: r.id, kind: r.kind, headVersion: r.head_version, version: r.version, hash: r.hash }))[0] ?? null;
}

/** The text of one version (for a plan not yet in memory). */
export async function getVersionSource(q: Queryable, id: string, version: number): Promise<string | null> {
  return rowsOf(z.object({ source: z.string() }), await q.query('SELECT source FROM act_versions WHERE act_id = $1 AND version = $2', [id, version]), 'act_versions')[0]?.source ?? null;
}

export async function getVersion(q: Queryable, id: string, version: number): Promise<ActVersion | null> {
  return rowsOf(versionRow, await q.query(`${SELECT_VERSION} WHERE v.act_id = $1 AND v.version = $2`, [id, version]), 'act_versions').map(toVersion)[0] ?? null;
}

/** Versions without their text, newest first. */
export async function listVersions(q: Queryable, id: string): Promise<Omit<ActVersion, 'source' | 'readme'>[]> {
  return rowsOf(
    versionRow.omit({ source: true, readme: true }),
    await q.query(`SELECT v.act_id, v.version, v.hash, v.note, v.author, u.username AS author_name, v.created_at FROM act_versions v LEFT JOIN users u ON u.id = v.author WHERE v.act_id = $1 ORDER BY v.version DESC`, [id]),
    'act_versions',
  ).map((r) => ({ actId: r.act_id, version: r.version, hash: r.hash, note: r.note, author: r.author, authorName: r.author_name, createdAt: r.created_at }));
}

/** The act and version a content hash names, if stored. */
export async function findVersionByHash(q: Queryable, hash: string): Promise<ActVersion | null> {
  return rowsOf(versionRow, await q.query(`${SELECT_VERSION} WHERE v.hash = $1 ORDER BY v.act_id, v.version LIMIT 1`, [hash]), 'act_versions').map(toVersion)[0] ?? null;
}

export async function insertAct(
  tx: Queryable,
  a: { id: string; kind: ActKind; forkedFrom: string | null; createdBy: number | null; hash: string; source: string; readme: string | null; note: string | null },
): Promise<void> {
  await tx.query('INSERT INTO acts (id, kind, head_version, forked_from, created_by) VALUES ($1, $2, 1, $3, $4)', [a.id, a.kind, a.forkedFrom, a.createdBy]);
  await tx.query('INSERT INTO act_versions (act_id, version, hash, source, readme, note, author) VALUES ($1, 1, $2, $3, $4, $5, $6)', [a.id, a.hash, a.source, a.readme, a.note, a.createdBy]);
}

/** Adds the next version and moves the head; the caller has checked the version it read, under a row lock. */
export async function insertVersion(
  tx: Queryable,
  v: { actId: string; version: number; hash: string; source: string; readme: string | null; note: string | null; author: number | null },
): Promise<void> {
  await tx.query('INSERT INTO act_versions (act_id, version, hash, source, readme, note, author) VALUES ($1, $2, $3, $4, $5, $6, $7)', [v.actId, v.version, v.hash, v.source, v.readme, v.note, v.author]);
  await tx.query('UPDATE acts SET head_version = $2 WHERE id = $1', [v.actId, v.version]);
}

export async function markAdopted(tx: Queryable, id: string, by: number | null): Promise<void> {
  await tx.query(`UPDATE acts SET kind = 'law', adopted_by = $2, adopted_at = now() WHERE id = $1`, [id, by]);
}
