/** The audit log (admin): entries, newest first or paged forward; and the check of the hash chain. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { AUDIT_RESULTS, appendAudit, listAudit, verifyAudit } from '../../store/audit.ts';
import { actor } from '../auth.ts';
import { langOf, langSchema } from '../http.ts';
import { renderMessage } from '../../i18n/message.ts';

const entrySchema = z.object({
  seq: z.number().int(),
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

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit entries: newest first, or from `after` forward; filter by action, user, result or person',
          querystring: z.strictObject({
            after: z.coerce.number().int().min(0).optional(),
            before: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(5000).default(100),
            action: z.string().optional(),
            username: z.string().optional(),
            result: z.enum(AUDIT_RESULTS).optional(),
            person_id: z.string().optional(),
            lang: langSchema.optional(),
          }),
          response: { 200: z.array(entrySchema) },
        },
      },
      async (request) => {
        const q = request.query;
        const entries = await listAudit(ctx.db, {
          limit: q.limit,
          ...(q.after !== undefined ? { after: q.after } : {}),
          ...(q.before !== undefined ? { before: q.before } : {}),
          ...(q.action ? { action: q.action } : {}),
          ...(q.username ? { username: q.username } : {}),
          ...(q.result ? { result: q.result } : {}),
          ...(q.person_id ? { personId: q.person_id } : {}),
        });
        const a = actor(request);
        // Reading the audit log is itself recorded (it names persons).
        await appendAudit(ctx.db, { userId: a.userId, username: a.username, role: a.role, action: 'audit.read', target: { query: q, count: entries.length }, result: 'ok', ip: a.ip });
        return entries.map((e) => ({ seq: e.seq, at: e.at, user_id: e.userId, username: e.username, role: e.role, action: e.action, target: e.target, result: e.result, ip: e.ip, prev_hash: e.prevHash, hash: e.hash }));
      },
    );

    app.get(
      '/api/audit/verify',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Recompute the hash chain: intact, or the first entry that does not fit',
          response: { 200: z.object({ ok: z.boolean(), entries: z.number().int(), head_hash: z.string().optional(), first_broken: z.number().int().optional(), reason: z.string().optional().describe('Why the chain is broken, in the requested language') }) },
        },
      },
      async (request) => {
        const v = await verifyAudit(ctx.db);
        return v.ok ? { ok: true, entries: v.entries, head_hash: v.headHash } : { ok: false, entries: v.entries, first_broken: v.firstBroken, reason: renderMessage(v.reason, langOf(request)) };
      },
    );
  };
}
