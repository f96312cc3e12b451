/**
 * `GET /api/meta`: the vocabularies the web app needs to write and filter — the fact catalogue of
 * the condition language (for completion in the act editor), measures, the closed enumerations with
 * their kk/ru/en labels, regions and facilities. Read-only, the same for every signed-in user, and no
 * personal data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { TAGS } from '../../domain/enums.ts';
import { CUSTODY_LABELS, GRAVITY_LABELS, SEX_LABELS } from '../../i18n/enums.ts';
import { ALMOST_KINDS, REASONS, STATUSES } from '../../engine/act/outcome.ts';
import { MEASURE_CODES, MEASURE_LABELS } from '../../engine/act/plan.ts';
import { FACTS, type FactDef } from '../../engine/facts/index.ts';
import { nameOf } from '../../registry/facilities.ts';

const text3 = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
const labelled = z.object({ code: z.string(), label: text3 });

export const metaSchema = z.object({
  facts: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['boolean', 'number', 'date', 'enum', 'string', 'term']),
      unit: z.string().nullable().describe('For numbers: years, months, days, tenge, …'),
      values: z.array(z.string()).describe('For enumerations: the values, in order when ordered'),
      ordered: z.boolean(),
      arg: z.enum(['number', 'tag', 'article']).nullable().describe('A parametric fact: children_under(3), has_tag(corruption), has_article(188-2)'),
      label: text3,
    }),
  ),
  tags: z.array(z.string()),
  measures: z.array(labelled),
  statuses: z.array(z.string()),
  reasons: z.array(z.string()),
  almost: z.array(z.string()),
  sexes: z.array(labelled),
  custodies: z.array(labelled),
  gravities: z.array(labelled),
  regions: z.array(labelled),
  facilities: z.array(labelled.extend({ type: z.enum(['institution', 'probation']), region: z.string(), capacity: z.number().int().nullable() })),
});

export type Meta = z.output<typeof metaSchema>;

function factView(f: FactDef): Meta['facts'][number] {
  const t = f.type;
  return {
    name: f.name,
    type: t.kind,
    unit: t.kind === 'number' ? t.unit : null,
    values: t.kind === 'enum' ? [...t.values] : [],
    ordered: t.kind === 'enum' ? t.ordered : false,
    arg: f.arg?.kind ?? null,
    label: f.label,
  };
}

export function metaOf(ctx: AppContext): Meta {
  const labelledOf = <K extends string>(labels: Record<K, { kk: string; ru: string; en: string }>) => (Object.entries(labels) as [K, { kk: string; ru: string; en: string }][]).map(([code, label]) => ({ code, label }));
  return {
    facts: FACTS.map(factView),
    tags: [...TAGS],
    measures: MEASURE_CODES.filter((m) => m !== 'none').map((code) => ({ code, label: MEASURE_LABELS[code] })),
    statuses: [...STATUSES],
    reasons: REASONS.filter((r) => r !== 'none'),
    almost: ALMOST_KINDS.filter((a) => a !== 'none'),
    sexes: labelledOf(SEX_LABELS),
    custodies: labelledOf(CUSTODY_LABELS),
    gravities: labelledOf(GRAVITY_LABELS),
    regions: ctx.env.facilities.regions.map((r) => ({ code: r.code, label: nameOf(r) })),
    facilities: ctx.env.facilities.facilities.map((f) => ({ code: f.code, label: nameOf(f), type: f.type, region: f.region, capacity: f.type === 'institution' ? f.capacity : null })),
  };
}

export function metaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const meta = metaOf(ctx);
  return async (app) => {
    app.get(
      '/api/meta',
      { config: { permission: 'session' }, schema: { tags: ['meta'], summary: 'Vocabularies: the fact catalogue, measures, enumerations, regions and facilities (kk, ru, en labels)', response: { 200: metaSchema } } },
      async () => meta,
    );
  };
}
