/** Sign in and out: `POST /api/session`, `GET /api/session`, `DELETE /api/session`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { PERMISSIONS, ROLES } from '../../app/roles.ts';
import { csrfOf, signIn, signOut } from '../../app/users.ts';
import { actor, session, SESSION_COOKIE } from '../auth.ts';
import { errorBodySchema } from '../http.ts';
import type { ServerOptions } from '../server.ts';

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(ROLES),
  facilities: z.array(z.string()),
  regions: z.array(z.string()),
  courts: z.array(z.string()),
  /** What the role may do: the web app hides what the server would refuse. */
  permissions: z.array(z.string()),
});

const sessionSchema = z.object({ user: sessionUserSchema, csrf_token: z.string(), expires_at: z.string().nullable() });

function userView(u: { id: number; username: string; role: (typeof ROLES)[number]; facilities: string[]; regions: string[]; courts: string[] }) {
  const permissions = Object.entries(PERMISSIONS)
    .filter(([, roles]) => (roles as readonly string[]).includes(u.role))
    .map(([p]) => p);
  return { id: u.id, username: u.username, role: u.role, facilities: u.facilities, regions: u.regions, courts: u.courts, permissions };
}

export function sessionRoutes(ctx: AppContext, options: Pick<ServerOptions, 'secureCookies' | 'signInPerMinute'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/session',
      {
        config: { csrfExempt: true, rateLimit: { max: options.signInPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['session'],
          summary: 'Sign in',
          description: 'Sets the HttpOnly, SameSite=Strict session cookie and returns the CSRF token that state-changing requests must send in X-CSRF-Token. Rate-limited per address.',
          body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
          response: { 200: sessionSchema, 401: errorBodySchema, 429: errorBodySchema },
        },
      },
      async (request, reply) => {
        const s = await signIn(ctx, request.body.username, request.body.password, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
        reply.setCookie(SESSION_COOKIE, s.token, { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/', maxAge: ctx.env.security.session.absoluteSeconds });
        return { user: userView(s.user), csrf_token: s.csrf, expires_at: s.expiresAt.toISOString() };
      },
    );

    app.get(
      '/api/session',
      { config: { permission: 'session' }, schema: { tags: ['session'], summary: 'The signed-in user and the CSRF token', response: { 200: sessionSchema, 401: errorBodySchema } } },
      async (request) => {
        const { user, token } = session(request);
        return { user: userView(user), csrf_token: csrfOf(token), expires_at: null };
      },
    );

    app.delete(
      '/api/session',
      { config: { permission: 'session' }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), 401: errorBodySchema } } },
      async (request, reply) => {
        await signOut(ctx, actor(request), session(request).token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );
  };
}
