/** Users and sessions in the store. Passwords are kept only as argon2id hashes. */
import { z } from 'zod';
import { present } from '../domain/lookup.ts';
import { rowsOf, type Queryable } from './db.ts';
import { ROLES, type Role } from '../app/roles.ts';

export interface User {
  id: number;
  username: string;
  role: Role;
  facilities: string[];
  regions: string[];
  courts: string[];
  createdAt: string;
  disabled: boolean;
}

export const timestampSchema = z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()));

const userRow = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(ROLES),
  facilities: z.array(z.string()),
  regions: z.array(z.string()),
  courts: z.array(z.string()),
  created_at: timestampSchema,
  disabled_at: timestampSchema.nullable(),
});

const USER_COLUMNS = 'id, username, role, facilities, regions, courts, created_at, disabled_at';

function toUser(r: z.output<typeof userRow>): User {
  return { id: r.id, username: r.username, role: r.role, facilities: r.facilities, regions: r.regions, courts: r.courts, createdAt: r.created_at, disabled: r.disabled_at !== null };
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  facilities: string[];
  regions: string[];
  courts: string[];
}

export async function insertUser(q: Queryable, u: NewUser): Promise<User> {
  const rows = await q.query(
    `INSERT INTO users (username, password_hash, role, facilities, regions, courts) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${USER_COLUMNS}`,
    [u.username, u.passwordHash, u.role, u.facilities, u.regions, u.courts],
  );
  return toUser(present(rowsOf(userRow, rows, 'users')[0], `the new user ${u.username} was not returned by its INSERT`));
}

export async function userCount(q: Queryable): Promise<number> {
  const [r] = rowsOf(z.object({ n: z.coerce.number() }), await q.query('SELECT count(*)::int AS n FROM users'), 'users');
  return r?.n ?? 0;
}

export async function listUsers(q: Queryable): Promise<User[]> {
  return rowsOf(userRow, await q.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`), 'users').map(toUser);
}

export async function findUserByName(q: Queryable, username: string): Promise<{ user: User; passwordHash: string } | null> {
  const rows = rowsOf(userRow.extend({ password_hash: z.string() }), await q.query(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE username = $1`, [username]), 'users');
  const r = rows[0];
  return r ? { user: toUser(r), passwordHash: r.password_hash } : null;
}

export async function setUserDisabled(q: Queryable, id: number, disabled: boolean): Promise<User | null> {
  const rows = await q.query(`UPDATE users SET disabled_at = ${disabled ? 'now()' : 'NULL'} WHERE id = $1 RETURNING ${USER_COLUMNS}`, [id]);
  const r = rowsOf(userRow, rows, 'users')[0];
  if (disabled) await q.query('UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [id]);
  return r ? toUser(r) : null;
}

export async function setUserPassword(q: Queryable, id: number, passwordHash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  await q.query('UPDATE sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [id]);
}

export interface SessionRow {
  user: User;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(q: Queryable, s: { tokenHash: string; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await q.query('INSERT INTO sessions (token_hash, user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)', [s.tokenHash, s.userId, s.expiresAt.toISOString(), s.ip, s.userAgent]);
}

/** The live session of a token hash with its user, or null (unknown, ended, expired, user disabled). */
export async function findSession(q: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const rows = rowsOf(
    userRow.extend({ expires_at: timestampSchema, last_seen_at: timestampSchema }),
    await q.query(
      `SELECT u.id, u.username, u.role, u.facilities, u.regions, u.courts, u.created_at, u.disabled_at, s.expires_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    ),
    'sessions',
  );
  const r = rows[0];
  return r ? { user: toUser(r), expiresAt: r.expires_at, lastSeenAt: r.last_seen_at } : null;
}

/** Slides the idle expiry forward, never past the session's absolute lifetime. */
export async function touchSession(q: Queryable, tokenHash: string, lifetime: { idleSeconds: number; absoluteSeconds: number }): Promise<void> {
  await q.query(
    `UPDATE sessions SET last_seen_at = now(),
            expires_at = LEAST(created_at + make_interval(secs => $2), now() + make_interval(secs => $3))
      WHERE token_hash = $1 AND ended_at IS NULL`,
    [tokenHash, lifetime.absoluteSeconds, lifetime.idleSeconds],
  );
}

export async function endSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [tokenHash]);
}
