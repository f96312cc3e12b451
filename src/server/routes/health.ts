/** `GET /api/health`: which store answers, the versions, the current registry — no session needed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { currentRegistryId } from '../../store/registries.ts';

export const healthSchema = z.object({
  status: z.literal('ok'),
  store: z.object({ kind: z.enum(['pglite', 'postgres']), location: z.string() }),
  engine_version: z.string(),
  law_hash: z.string(),
  current_registry: z.string().nullable(),
  time: z.string(),
});

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/health', { schema: { tags: ['health'], summary: 'Is the server up, and on which store', response: { 200: healthSchema } } }, async () => ({
      status: 'ok' as const,
      // The embedded store's folder is this machine's business: say only that it is PGlite.
      store: { kind: ctx.db.kind, location: ctx.db.kind === 'pglite' ? 'embedded' : ctx.db.location },
      engine_version: ctx.env.engineVersion,
      law_hash: ctx.env.lawFingerprint.hash,
      current_registry: await currentRegistryId(ctx.db),
      time: new Date().toISOString(),
    }));
  };
}
