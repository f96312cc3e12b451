/** Users (admin): list, create, disable, set a password. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { AppError, named } from '../../app/errors.ts';
import { ROLES } from '../../app/roles.ts';
import { createUser, forgetSessionsOf, hashPassword } from '../../app/users.ts';
import { present } from '../../domain/lookup.ts';
import { API_MESSAGES, API_OBJECTS } from '../../i18n/api.ts';
import { appendAuditIn } from '../../store/audit.ts';
import { listUsers, setUserDisabled, setUserPassword, type User } from '../../store/users.ts';
import { actor } from '../auth.ts';
import { errorBodySchema } from '../http.ts';

const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(ROLES),
  facilities: z.array(z.string()),
  regions: z.array(z.string()),
  courts: z.array(z.string()),
  created_at: z.string(),
  disabled: z.boolean(),
});

const view = (u: User) => ({ id: u.id, username: u.username, role: u.role, facilities: u.facilities, regions: u.regions, courts: u.courts, created_at: u.createdAt, disabled: u.disabled });

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/users', { config: { permission: 'users.manage' }, schema: { tags: ['users'], summary: 'Users', response: { 200: z.array(userSchema) } } }, async () => (await listUsers(ctx.db)).map(view));

    app.post(
      '/api/users',
      {
        config: { permission: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Create a user',
          body: z.strictObject({
            username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, dot, dash, underscore; 2–64'),
            role: z.enum(ROLES),
            password: z.string().min(ctx.env.security.minPasswordLength).max(1024),
            facilities: z.array(z.string()).optional(),
            regions: z.array(z.string()).optional(),
            courts: z.array(z.string()).optional(),
          }),
          response: { 201: userSchema, 400: errorBodySchema, 409: errorBodySchema },
        },
      },
      async (request, reply) => reply.code(201).send(view(await createUser(ctx, actor(request), request.body))),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { permission: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Disable or enable a user, or set a new password (their sessions end)',
          params: z.object({ id: z.coerce.number().int() }),
          body: z.strictObject({ disabled: z.boolean().optional(), password: z.string().min(ctx.env.security.minPasswordLength).max(1024).optional() }),
          response: { 200: userSchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        const a = actor(request);
        const passwordHash = request.body.password === undefined ? null : await hashPassword(request.body.password);
        const user = await ctx.db.transaction(async (tx) => {
          let u = (await listUsers(tx)).find((x) => x.id === request.params.id) ?? null;
          if (!u) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.user, { id: String(request.params.id) }) });
          if (request.body.disabled !== undefined) u = present(await setUserDisabled(tx, u.id, request.body.disabled), `user ${u.id} vanished while it was being updated`);
          if (passwordHash !== null) await setUserPassword(tx, request.params.id, passwordHash);
          await appendAuditIn(tx, {
            userId: a.userId,
            username: a.username,
            role: a.role,
            action: 'user.update',
            target: { user_id: request.params.id, ...(request.body.disabled !== undefined ? { disabled: request.body.disabled } : {}), password_changed: passwordHash !== null },
            result: 'ok',
            ip: a.ip,
          });
          return u;
        });
        forgetSessionsOf(ctx, request.params.id);
        return view(user);
      },
    );
  };
}
