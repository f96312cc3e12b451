/**
 * Users, passwords and sessions. Passwords are hashed with argon2id (OWASP's parameters: 19 MiB,
 * 2 passes); there are no built-in passwords: a new installation creates one user per role with a
 * random password, shown once and written to a file only its owner can read.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash as argonHash, verify as argonVerify, Algorithm } from '@node-rs/argon2';
import { API_MESSAGES, API_OBJECTS } from '../i18n/api.ts';
import { appendAuditIn } from '../store/audit.ts';
import { endSession, findSession, findUserByName, insertSession, insertUser, touchSession, userCount, type User } from '../store/users.ts';
import type { Actor, AppContext } from './context.ts';
import { present } from '../domain/lookup.ts';
import { AppError } from './errors.ts';
import { ROLES, type Role } from './roles.ts';

const ARGON = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

/** A hash to verify against when the user does not exist, so that both cases take the same time. */
let decoy: Promise<string> | null = null;

export async function checkPassword(hash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  try {
    return await argonVerify(hash ?? (await decoy), password);
  } catch {
    return false;
  }
}

/** 18 characters from an alphabet without look-alikes: about 104 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 18; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export interface NewUserRequest {
  username: string;
  role: Role;
  password: string;
  facilities?: readonly string[] | undefined;
  regions?: readonly string[] | undefined;
  courts?: readonly string[] | undefined;
}

/** Checks a role's scope against the facilities file: an officer needs facilities, a supervisor regions, a court courts. */
function checkScope(ctx: AppContext, u: NewUserRequest): { facilities: string[]; regions: string[]; courts: string[] } {
  const facilities = [...new Set(u.facilities ?? [])];
  const regions = [...new Set(u.regions ?? [])];
  const courts = [...new Set(u.courts ?? [])];
  const knownFacilities = new Set(ctx.env.facilities.facilities.map((f) => f.code));
  const knownRegions = new Set(ctx.env.facilities.regions.map((r) => r.code));
  const unknownF = facilities.filter((f) => !knownFacilities.has(f));
  if (unknownF.length > 0) throw new AppError('bad_request', API_MESSAGES.unknown_scope, { what: API_OBJECTS.facilities, codes: unknownF.join(', ') }, [{ path: '$.facilities' }]);
  const knownCourts = new Set(ctx.env.courts.courts.map((c) => c.code));
  const unknownC = courts.filter((c) => !knownCourts.has(c));
  if (unknownC.length > 0) throw new AppError('bad_request', API_MESSAGES.unknown_scope, { what: API_OBJECTS.courts, codes: unknownC.join(', ') }, [{ path: '$.courts' }]);
  const unknownR = regions.filter((r) => !knownRegions.has(r));
  if (unknownR.length > 0) throw new AppError('bad_request', API_MESSAGES.unknown_scope, { what: API_OBJECTS.regions, codes: unknownR.join(', ') }, [{ path: '$.regions' }]);
  if (u.role === 'officer' && facilities.length === 0) throw new AppError('bad_request', API_MESSAGES.scope_required, { role: u.role, option: '--facility' }, [{ path: '$.facilities' }]);
  if (u.role === 'supervisor' && regions.length === 0) throw new AppError('bad_request', API_MESSAGES.scope_required, { role: u.role, option: '--region' }, [{ path: '$.regions' }]);
  if (u.role === 'court' && courts.length === 0) throw new AppError('bad_request', API_MESSAGES.scope_required, { role: u.role, option: '--court' }, [{ path: '$.courts' }]);
  return { facilities, regions, courts };
}

export async function createUser(ctx: AppContext, actor: Actor | null, u: NewUserRequest): Promise<User> {
  // The least length is policy (data/security.yaml, ctx.env.security).
  const least = ctx.env.security.minPasswordLength;
  if (u.password.length < least) throw new AppError('bad_request', API_MESSAGES.weak_password, { n: least }, [{ path: '$.password' }]);
  const scope = checkScope(ctx, u);
  const passwordHash = await hashPassword(u.password);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByName(tx, u.username)) throw new AppError('conflict', API_MESSAGES.user_exists, { username: u.username }, [{ path: '$.username' }]);
    const user = await insertUser(tx, { username: u.username, passwordHash, role: u.role, ...scope });
    await appendAuditIn(tx, {
      userId: actor?.userId ?? null,
      username: actor?.username ?? null,
      role: actor?.role ?? null,
      action: 'user.create',
      target: { user_id: user.id, username: user.username, role: user.role, ...scope },
      result: 'ok',
      ip: actor?.ip ?? null,
    });
    return user;
  });
}

export interface InitialUser {
  username: string;
  role: Role;
  password: string;
  scope: string;
}

/**
 * A store without users gets one per role, each with a random password; the list is written to
 * `<data-dir>/initial-passwords.txt` (mode 0600) and returned to be printed once.
 */
export async function ensureUsers(ctx: AppContext, dataDir: string | null): Promise<{ created: InitialUser[]; file: string | null }> {
  if ((await userCount(ctx.db)) > 0) return { created: [], file: null };
  const f = ctx.env.facilities;
  const officerFacility = f.facilities.find((x) => x.type === 'institution' && x.sex === 'F') ?? present(f.facilities[0], 'the facility list is empty (data/facilities.yaml)');
  const probation = f.facilities.find((x) => x.type === 'probation' && x.region === officerFacility.region);
  const region = officerFacility.region;
  const scopes: Record<Role, Pick<NewUserRequest, 'facilities' | 'regions' | 'courts'>> = {
    admin: {},
    analyst: {},
    officer: { facilities: probation ? [officerFacility.code, probation.code] : [officerFacility.code] },
    supervisor: { regions: [region] },
    court: { courts: ctx.env.courts.courts.filter((c) => c.region === region).map((c) => c.code).slice(0, 1) },
    researcher: {},
  };
  const created: InitialUser[] = [];
  for (const role of ROLES) {
    const password = generatePassword();
    const s = scopes[role];
    await createUser(ctx, null, { username: role, role, password, ...s });
    created.push({ username: role, role, password, scope: [...(s.facilities ?? []), ...(s.regions ?? []), ...(s.courts ?? [])].join(', ') });
  }
  let file: string | null = null;
  if (dataDir !== null) {
    file = join(dataDir, 'initial-passwords.txt');
    const lines = ['# Users created at the first start of this installation. Change the passwords and delete this file.', ...created.map((u) => `${u.username}\t${u.role}\t${u.password}\t${u.scope}`)];
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${lines.join('\n')}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  }
  return { created, file };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignedIn {
  user: User;
  token: string;
  /** The CSRF token for state-changing requests (sent back in the X-CSRF-Token header). */
  csrf: string;
  expiresAt: Date;
}

/** The CSRF token of a session: derived from its token, so nothing more is stored. */
export function csrfOf(token: string): string {
  return createHash('sha256').update(`csrf\n${token}`).digest('base64url');
}

/** Signs in; a wrong username or password is one answer (no hint which), and is audited. */
export async function signIn(ctx: AppContext, username: string, password: string, from: { ip: string | null; userAgent: string | null }): Promise<SignedIn> {
  const found = await findUserByName(ctx.db, username);
  const ok = await checkPassword(found?.passwordHash ?? null, password);
  if (!found || !ok || found.user.disabled) {
    await ctx.db.transaction((tx) =>
      appendAuditIn(tx, { userId: found?.user.id ?? null, username, role: found?.user.role ?? null, action: 'session.sign_in', target: { reason: found ? (found.user.disabled ? 'disabled' : 'password') : 'unknown_user' }, result: 'refused', ip: from.ip }),
    );
    throw new AppError('unauthenticated', API_MESSAGES.bad_credentials);
  }
  const token = randomBytes(32).toString('base64url');
  // A session ends after the idle lifetime without a request, and at the latest after the absolute one (data/security.yaml).
  const expiresAt = new Date(Date.now() + ctx.env.security.session.idleSeconds * 1000);
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, { tokenHash: tokenHash(token), userId: found.user.id, expiresAt, ip: from.ip, userAgent: from.userAgent });
    await appendAuditIn(tx, { userId: found.user.id, username, role: found.user.role, action: 'session.sign_in', target: {}, result: 'ok', ip: from.ip });
  });
  return { user: found.user, token, csrf: csrfOf(token), expiresAt };
}

/**
 * A session found in the store is trusted for this long without asking again. Signing out, disabling
 * a user or changing a password forgets it at once in this process; another server process on the
 * same database sees such a change within this time.
 */
export const SESSION_RECHECK_MS = 5_000;

/** The user of a session token, sliding its idle expiry (written at most once a minute). */
export async function sessionUser(ctx: AppContext, token: string): Promise<User | null> {
  const h = tokenHash(token);
  const now = Date.now();
  const cached = ctx.sessions.get(h);
  if (cached && now - cached.checkedAt < SESSION_RECHECK_MS) return cached.user;
  const s = await findSession(ctx.db, h);
  if (!s) {
    ctx.sessions.delete(h);
    return null;
  }
  if (now - Date.parse(s.lastSeenAt) > 60_000) await touchSession(ctx.db, h, ctx.env.security.session);
  if (ctx.sessions.size > 10_000) ctx.sessions.clear();
  ctx.sessions.set(h, { user: s.user, checkedAt: now });
  return s.user;
}

/** Forgets the checked sessions of a user (disabled, new password). */
export function forgetSessionsOf(ctx: AppContext, userId: number): void {
  for (const [h, s] of ctx.sessions) if (s.user.id === userId) ctx.sessions.delete(h);
}

export async function signOut(ctx: AppContext, actor: Actor, token: string): Promise<void> {
  ctx.sessions.delete(tokenHash(token));
  await ctx.db.transaction(async (tx) => {
    await endSession(tx, tokenHash(token));
    await appendAuditIn(tx, { userId: actor.userId, username: actor.username, role: actor.role, action: 'session.sign_out', target: {}, result: 'ok', ip: actor.ip });
  });
}

export function actorOf(user: User, ip: string | null): Actor {
  return { userId: user.id, username: user.username, role: user.role, facilities: user.facilities, regions: user.regions, courts: user.courts, ip };
}

