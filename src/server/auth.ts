/**
 * Sessions, roles and CSRF, checked on the server for every request before anything else runs:
 * - the session cookie (`amnestia_session`, HttpOnly, SameSite=Strict) names a session in the store;
 * - a route declares the permission it needs (`config.permission`); a signed-out request gets 401,
 *   a role without the permission 403 — both recorded in the audit log;
 * - a state-changing request (POST, PUT, PATCH, DELETE) must carry the session's CSRF token in
 *   `X-CSRF-Token` and must not come from another site (Origin, Sec-Fetch-Site).
 */
import { timingSafeEqual } from 'node:crypto';
import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AppContext } from '../app/context.ts';
import { AppError } from '../app/errors.ts';
import { can, type Permission } from '../app/roles.ts';
import { actorOf, csrfOf, sessionUser } from '../app/users.ts';
import { API_MESSAGES } from '../i18n/api.ts';
import { appendAudit } from '../store/audit.ts';
import type { User } from '../store/users.ts';

export const SESSION_COOKIE = 'amnestia_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** The permission a route needs; a route without one is public (health, sign-in, the page). */
    permission?: Permission;
    /** Sign-in: state-changing but without a session yet (the Origin check still applies). */
    csrfExempt?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request's actor; only for routes with a permission (the user is known there). */
export function actor(request: FastifyRequest): Actor {
  if (!request.user) throw new AppError('unauthenticated', API_MESSAGES.unauthenticated);
  return actorOf(request.user, request.ip);
}

/** The request's session: its user and token; only for routes with a permission (both are known there). */
export function session(request: FastifyRequest): { user: User; token: string } {
  if (!request.user || request.sessionToken === null) throw new AppError('unauthenticated', API_MESSAGES.unauthenticated);
  return { user: request.user, token: request.sessionToken };
}

/** A request from another site: its Origin names another host, or the browser says so. */
function crossSite(request: FastifyRequest): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return 'cross-site';
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    try {
      if (new URL(origin).host !== request.headers.host) return origin;
    } catch {
      return origin;
    }
  } else if (origin === 'null') return 'null';
  return null;
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  const refuse = async (request: FastifyRequest, reason: string, error: AppError): Promise<never> => {
    const u = request.user;
    await appendAudit(ctx.db, {
      userId: u?.id ?? null,
      username: u?.username ?? null,
      role: u?.role ?? null,
      action: 'access.refused',
      target: { method: request.method, route: request.routeOptions.url ?? null, url: request.url, reason },
      result: 'refused',
      ip: request.ip,
    });
    throw error;
  };

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 128) {
      const user = await sessionUser(ctx, token);
      if (user) {
        request.user = user;
        request.sessionToken = token;
      }
    }
    const config = request.routeOptions.config;
    const changing = !SAFE_METHODS.has(request.method);
    if (changing) {
      const other = crossSite(request);
      if (other !== null) await refuse(request, 'cross_origin', new AppError('csrf', API_MESSAGES.cross_origin, { origin: other }));
    }
    const permission = config.permission;
    if (permission === undefined) return;
    const { user, sessionToken } = request;
    if (!user || sessionToken === null) return refuse(request, token ? 'session_unknown_or_expired' : 'signed_out', new AppError('unauthenticated', API_MESSAGES.unauthenticated));
    if (!can(user.role, permission)) await refuse(request, `role:${permission}`, new AppError('forbidden', API_MESSAGES.forbidden_role, { role: user.role }));
    if (changing && !config.csrfExempt) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, csrfOf(sessionToken))) await refuse(request, 'csrf', new AppError('csrf', API_MESSAGES.csrf));
    }
  });
}
