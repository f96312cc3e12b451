/** The letter's table (F1–F18) computed from a stored registry, beside the letter's own values. */
import { isoDay, parseIsoDate } from '../domain/dates.ts';
import { API_MESSAGES } from '../i18n/api.ts';
import type { Lang } from '../i18n/text.ts';
import { computeLetter, letterJson } from '../reports/letter.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { isSynthetic, registryFor } from './evaluations.ts';

export async function letterFor(ctx: AppContext, req: { registry?: string | undefined; asOf?: string | undefined; lang: Lang }): Promise<unknown> {
  if (req.asOf !== undefined && parseIsoDate(req.asOf) === null) throw new AppError('bad_request', API_MESSAGES.bad_date, { value: req.asOf }, [{ path: 'query:$.as_of' }]);
  const { info, registry } = await registryFor(ctx, req.registry);
  const def = ctx.env.letter;
  const report = computeLetter(def, ctx.env.law, registry, `${info.name} (${info.id.slice(0, 12)})`, req.asOf ? isoDay(req.asOf) : def.file.as_of, isSynthetic(info));
  return { registry_id: info.id, ...(letterJson(report, req.lang) as Record<string, unknown>) };
}
