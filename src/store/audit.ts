/**
 * The audit log: who did or read what, when, from where — append-only and hash-chained.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash, a line break, and the canonical JSON
 * (keys sorted) of the entry's fields. The application only ever INSERTs (triggers refuse UPDATE,
 * DELETE and TRUNCATE: src/store/migrations/0001_init.sql); `verifyAudit` recomputes the chain and
 * names the first entry that does not fit, so an edit made behind the application's back is seen.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { rowsOf, type Db, type Queryable } from './db.ts';
import { msg, type Message } from '../i18n/message.ts';

export const AUDIT_RESULTS = ['ok', 'refused', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** What the application records. `target` holds person ids, or the query and the count. */
export interface AuditEntry {
  userId: number | null;
  username: string | null;
  role: string | null;
  action: string;
  target: Record<string, unknown>;
  result: AuditResult;
  ip: string | null;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function entryHash(prevHash: string, e: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const fields = { seq: e.seq, at: e.at, user_id: e.userId, username: e.username, role: e.role, action: e.action, target: e.target, result: e.result, ip: e.ip };
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(fields)}`).digest('hex');
}

const headRow = z.object({ seq: z.coerce.number().int().nonnegative(), hash: z.string().length(64) });

/** The entry that follows `head`: its sequence number, time and hash. */
function entryAfter(head: { seq: number; hash: string }, entry: AuditEntry, now: Date): AuditRecord {
  // Round-trips through timestamptz exactly (millisecond precision).
  const at = now.toISOString();
  // The target as jsonb will give it back: through JSON, so that undefined members vanish.
  const target = JSON.parse(JSON.stringify(entry.target)) as Record<string, unknown>;
  const record: AuditRecord = { ...entry, target, seq: head.seq + 1, at, prevHash: head.hash, hash: '' };
  record.hash = entryHash(head.hash, record);
  return record;
}

function insertParams(r: AuditRecord): unknown[] {
  return [r.seq, r.at, r.userId, r.username, r.role, r.action, JSON.stringify(r.target), r.result, r.ip, r.prevHash, r.hash];
}

const INSERT_ENTRY = `INSERT INTO audit_log (seq, at, user_id, username, role, action, target, result, ip, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

/** Appends one entry inside the given transaction (the head row's lock serializes appends). */
export async function appendAuditIn(tx: Queryable, entry: AuditEntry, now: Date = new Date()): Promise<AuditRecord> {
  const [head] = rowsOf(headRow, await tx.query('SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1 FOR UPDATE'), 'audit_head');
  if (!head) throw new Error('audit_head is missing: the store was not migrated');
  const record = entryAfter(head, entry, now);
  await tx.query(INSERT_ENTRY, insertParams(record));
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [record.seq, record.hash]);
  return record;
}

/**
 * The head this process last wrote or read, per store: the guess the next append starts from. A
 * guess another writer has overtaken costs one more round (its entry's number is taken), never a
 * wrong chain: the entry's number is the log's primary key and the head only moves one step at a time.
 */
const lastHead = new WeakMap<Db, { seq: number; hash: string }>();

/** At most this many entries in one call of `audit_append`. */
const MAX_GROUP = 256;

interface Waiting {
  entry: AuditEntry;
  /** When the entry was asked for: its time in the log. */
  at: Date;
  resolve(record: AuditRecord): void;
  reject(e: unknown): void;
}

/** At most this many groups sent and not yet answered, per store. */
const MAX_IN_FLIGHT = 2;

/** The entries waiting to be written, per store, and the groups on their way. */
interface Appender {
  queue: Waiting[];
  /** A turn of the event loop will send the waiting entries. */
  scheduled: boolean;
  /** Groups sent and not yet settled. */
  inFlight: number;
  /** Settled once the last group sent is settled (written, or its entries failed). */
  last: Promise<void>;
  /** The head the last group sent leaves when it is written as sent; null when that is not known. */
  ahead: { seq: number; hash: string } | null;
}
const appenders = new WeakMap<Db, Appender>();

/** The entries of a group after `head`, chained in the order given. */
function chainAfter(head: { seq: number; hash: string }, group: readonly Waiting[]): AuditRecord[] {
  const records: AuditRecord[] = [];
  let prev = head;
  for (const w of group) {
    const record = entryAfter(prev, w.entry, w.at);
    records.push(record);
    prev = record;
  }
  return records;
}

function appendRow(r: AuditRecord): Record<string, unknown> {
  return { seq: r.seq, at: r.at, user_id: r.userId, username: r.username, role: r.role, action: r.action, target: r.target, result: r.result, ip: r.ip, prev_hash: r.prevHash, hash: r.hash };
}

const appendedRow = z.object({ seq: z.coerce.number().int().nonnegative().nullable() });

/** Remembers the head a written group left, unless a later group's is already remembered. */
function wrote(db: Db, last: AuditRecord): void {
  const known = lastHead.get(db);
  if (known === undefined || known.seq < last.seq) lastHead.set(db, { seq: last.seq, hash: last.hash });
}

/** One call of `audit_append`: whether the records were written (the head was the one they follow). */
async function callAppend(db: Db, head: { seq: number; hash: string }, records: readonly AuditRecord[]): Promise<boolean> {
  const moved = rowsOf(appendedRow, await db.query('SELECT audit_append($1::bigint, $2::text, $3::jsonb)::text AS seq', [head.seq, head.hash, JSON.stringify(records.map(appendRow))]), 'audit_append');
  return moved[0]?.seq === records[records.length - 1]!.seq;
}

/**
 * Writes a group of entries in one statement (`audit_append`, migration 0003) when this process
 * knows the head, atomically either way; returns their records in the group's order.
 */
async function appendGroup(db: Db, group: readonly Waiting[]): Promise<AuditRecord[]> {
  for (let attempt = 0; attempt < 3; attempt++) {
    let head = lastHead.get(db);
    if (head === undefined) {
      [head] = rowsOf(headRow, await db.query('SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1'), 'audit_head');
      if (!head) throw new Error('audit_head is missing: the store was not migrated');
    }
    const records = chainAfter(head, group);
    let written: boolean;
    try {
      written = await callAppend(db, head, records);
    } catch (e) {
      lastHead.delete(db);
      throw e;
    }
    const last = records[records.length - 1]!;
    if (written) {
      wrote(db, last);
      return records;
    }
    // Another writer moved the head: read it again.
    lastHead.delete(db);
  }
  // Writers keep overtaking this one: wait for the head's lock instead.
  const records = await db.transaction(async (tx) => {
    const out: AuditRecord[] = [];
    for (const w of group) out.push(await appendAuditIn(tx, w.entry, w.at));
    return out;
  });
  wrote(db, records[records.length - 1]!);
  return records;
}

/** Writes a group; when it fails, each of its entries on its own, so that one entry the store refuses fails only its own read. */
async function settle(db: Db, group: readonly Waiting[]): Promise<void> {
  try {
    const records = await appendGroup(db, group);
    group.forEach((w, k) => w.resolve(records[k]!));
  } catch (e) {
    if (group.length === 1) group[0]!.reject(e);
    else for (const w of group) await settle(db, [w]);
  }
}

/**
 * Writes a group sent while `before` (the groups sent ahead of it) may still be on their way: chained
 * after the head they will leave, so that the store writes it as soon as they are committed (its
 * call waits for the head's lock meanwhile) — no round trip back to this process in between. When it
 * is not written as sent (a group before it failed, another writer moved the head, or the head is not
 * known), it waits for every group before it to settle and is written on the head they left.
 */
async function writeGroup(db: Db, a: Appender, group: readonly Waiting[], before: Promise<void>, head: { seq: number; hash: string } | null): Promise<void> {
  if (head !== null) {
    const records = chainAfter(head, group);
    const last = records[records.length - 1]!;
    a.ahead = { seq: last.seq, hash: last.hash };
    let written = false;
    try {
      written = await callAppend(db, head, records);
    } catch {
      // Written again below, after the groups before it, like every group that was not written.
    }
    if (written) {
      wrote(db, last);
      group.forEach((w, k) => w.resolve(records[k]!));
      return;
    }
    // The groups sent after this one were chained after it: they will not be written as sent either.
    a.ahead = null;
  }
  await before;
  await settle(db, group);
}

/** Sends the waiting entries, a group at a time, while fewer than MAX_IN_FLIGHT groups are on their way. */
function pump(db: Db, a: Appender): void {
  while (a.queue.length > 0 && a.inFlight < MAX_IN_FLIGHT) {
    const group = a.queue.splice(0, MAX_GROUP);
    // With nothing on its way the head is the one this process last wrote (if known); behind a group
    // on its way, the head that group will leave (null when that group is known not to be written).
    const head = a.inFlight === 0 ? (lastHead.get(db) ?? null) : a.ahead;
    a.inFlight++;
    a.last = writeGroup(db, a, group, a.last, head).finally(() => {
      a.inFlight--;
      if (a.inFlight === 0) a.ahead = null;
      pump(db, a);
    });
  }
}

/**
 * Appends one entry on its own (not inside a transaction of the caller's): resolved once the entry
 * is committed. Entries asked for in the same turn of the event loop, or while MAX_IN_FLIGHT groups
 * are on their way, are written together as the next group (group commit): one statement for all of
 * them, in the order they were asked for, each answered only after the group is committed. A group is
 * sent without waiting for the one before it to be answered, chained after it; the store writes it
 * once that one is committed, or not at all (see `writeGroup`), so the log keeps the order asked. A
 * group the store refuses is written again an entry at a time: an entry it refuses then fails its own
 * read only (and is not in the log), the others are written in their order.
 */
export function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRecord> {
  let appender = appenders.get(db);
  if (!appender) {
    appender = { queue: [], scheduled: false, inFlight: 0, last: Promise.resolve(), ahead: null };
    appenders.set(db, appender);
  }
  const a = appender;
  return new Promise<AuditRecord>((resolve, reject) => {
    a.queue.push({ entry, at: new Date(), resolve, reject });
    if (!a.scheduled) {
      a.scheduled = true;
      // The entries of the requests answered in this turn join the group.
      setImmediate(() => {
        a.scheduled = false;
        pump(db, a);
      });
    }
  });
}

const recordRow = z.object({
  seq: z.coerce.number().int().positive(),
  at: z.string(),
  user_id: z.number().int().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  target: z.record(z.string(), z.unknown()),
  result: z.enum(AUDIT_RESULTS),
  ip: z.string().nullable(),
  prev_hash: z.string(),
  hash: z.string(),
});

const SELECT_RECORD = `SELECT seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  user_id, username, role, action, target, result, ip, prev_hash, hash FROM audit_log`;

function toRecord(r: z.output<typeof recordRow>): AuditRecord {
  return { seq: r.seq, at: r.at, userId: r.user_id, username: r.username, role: r.role, action: r.action, target: r.target, result: r.result, ip: r.ip, prevHash: r.prev_hash, hash: r.hash };
}

export interface AuditQuery {
  /** Entries after this sequence number (paging forward). */
  after?: number;
  /** Entries before this sequence number (paging back; the default: the newest). */
  before?: number;
  limit: number;
  action?: string;
  username?: string;
  result?: AuditResult;
  /** Entries naming this person (in `target.person_id` or `target.person_ids`). */
  personId?: string;
}

export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.after !== undefined) add('seq > ?', q.after);
  if (q.before !== undefined) add('seq < ?', q.before);
  if (q.action !== undefined) add('action = ?', q.action);
  if (q.username !== undefined) add('username = ?', q.username);
  if (q.result !== undefined) add('result = ?', q.result);
  if (q.personId !== undefined) {
    params.push(q.personId);
    const p = `$${params.length}`;
    where.push(`(target->>'person_id' = ${p} OR target->'person_ids' ? ${p})`);
  }
  params.push(q.limit);
  const order = q.after !== undefined ? 'ASC' : 'DESC';
  const sql = `${SELECT_RECORD} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.seq ${order} LIMIT $${params.length}`;
  return rowsOf(recordRow, await db.query(sql, params), 'audit_log').map(toRecord);
}

export type AuditVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBroken: number; reason: Message };

/** Recomputes the whole chain, a page at a time. */
export async function verifyAudit(db: Queryable, pageSize = 10_000): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = rowsOf(recordRow, await db.query(`${SELECT_RECORD} WHERE audit_log.seq >= $1 ORDER BY audit_log.seq LIMIT $2`, [expectedSeq, pageSize]), 'audit_log');
    for (const row of rows) {
      const r = toRecord(row);
      if (r.seq !== expectedSeq) return { ok: false, entries: expectedSeq - 1, firstBroken: expectedSeq, reason: msg('audit.entry_missing', { seq: String(expectedSeq), next: String(r.seq) }) };
      if (r.prevHash !== prev) return { ok: false, entries: expectedSeq - 1, firstBroken: r.seq, reason: msg('audit.prev_hash', { seq: String(r.seq) }) };
      const h = entryHash(prev, r);
      if (h !== r.hash) return { ok: false, entries: expectedSeq - 1, firstBroken: r.seq, reason: msg('audit.entry_changed', { seq: String(r.seq) }) };
      prev = r.hash;
      expectedSeq++;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = rowsOf(headRow, await db.query('SELECT seq::text AS seq, hash FROM audit_head WHERE id = 1'), 'audit_head');
  const last = expectedSeq - 1;
  if (!head) return { ok: false, entries: last, firstBroken: last + 1, reason: msg('audit.head_missing') };
  if (head.seq !== last || head.hash !== prev)
    return { ok: false, entries: last, firstBroken: Math.min(head.seq, last) + 1, reason: msg('audit.entries_removed', { last: String(last), head: String(head.seq) }) };
  return { ok: true, entries: last, headHash: prev };
}
