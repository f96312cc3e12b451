/** The letter's table (F1–F18) computed from a stored registry, beside the letter's own values. */
import { isoDay, parseIsoDate } from '../domain/dates.ts';
import { API_MESSAGES } from '../i18n/api.ts';
import type { Lang } from '../i18n/text.ts';
import { computeLetter, letterJson, type LetterDefinition, type LetterReport } from '../reports/letter.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';
import { isSynthetic, registryFor } from './evaluations.ts';

/** The letter's report on a registry (`amnestia letter`, `GET /api/letter`). */
export function letterReport(def: LetterDefinition, law: Law, registry: Registry, source: string, asOfDay: number | undefined, synthetic: boolean): LetterReport {
  return computeLetter(def, law, registry, source, asOfDay ?? def.file.as_of, synthetic);
}

export async function letterFor(ctx: AppContext, req: { registry?: string | undefined; asOf?: string | undefined; lang: Lang }): Promise<unknown> {
  if (req.asOf !== undefined && parseIsoDate(req.asOf) === null) throw new AppError('bad_request', API_MESSAGES.bad_date, { value: req.asOf }, [{ path: 'query:$.as_of' }]);
  const { info, registry } = await registryFor(ctx, req.registry);
  const def = ctx.env.letter;
  const report = letterReport(def, ctx.env.law, registry, `${info.name} (${info.id.slice(0, 12)})`, req.asOf ? isoDay(req.asOf) : undefined, isSynthetic(info));
  return { registry_id: info.id, ...(letterJson(report, req.lang) as Record<string, unknown>) };
}
