/**
 * The impact report as text (the command line) or Markdown (documents), in kk, ru or en: the frame
 * (title, act, unverified inputs) around the sections, each of which renders itself beside its
 * computation (./outcomes.ts, ./coverage.ts, ./money.ts, ./equality.ts, ./victims.ts, ./risk.ts,
 * ./projection.ts, ./compare.ts). The texts are in src/i18n/impact/. JSON is the report itself
 * (./report.ts).
 */
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import { ACT_STATUS_LABELS } from '../i18n/refs.ts';
import type { Lang } from '../i18n/text.ts';
import type { TableFormat } from '../reports/table.ts';
import { renderComparison } from './compare.ts';
import { renderCoverage } from './coverage.ts';
import { renderEquality } from './equality.ts';
import { renderMoney } from './money.ts';
import { renderOutcomes } from './outcomes.ts';
import { renderProjection } from './projection.ts';
import { heading, n, paragraphs, t, type Ctx } from './render-kit.ts';
import type { ActImpact, ImpactReport } from './report.ts';
import { renderRisk } from './risk.ts';
import { renderVictims } from './victims.ts';

export { renderComparison };
export type { Ctx };

/** A section of one act's impact: each key of the report's per-section `unverified`. */
export type ImpactSection = keyof ActImpact['unverified'];

/** Every section's renderer, in the order the report shows them (a section without one does not compile). */
export const SECTION_RENDERERS: Record<ImpactSection, (a: ActImpact, ctx: Ctx, opts: { facilities: number }) => string[]> = {
  outcomes: renderOutcomes,
  coverage: renderCoverage,
  money: renderMoney,
  equality: renderEquality,
  victims: renderVictims,
  risk: renderRisk,
  projection: renderProjection,
};

export function renderActImpact(a: ActImpact, ctx: Ctx, opts: { facilities: number } = { facilities: 10 }): string {
  const out: string[] = [];
  const push = paragraphs(out);
  push(heading(t(R.title, ctx, { act: a.act.title[ctx.lang] }), 2, ctx));
  push(t(R.act, ctx, { id: a.act.id, status: ACT_STATUS_LABELS[a.act.status as keyof typeof ACT_STATUS_LABELS]?.[ctx.lang] ?? a.act.status, from: a.act.entry_into_force, to: a.act.execution_end, hash: a.act.hash.slice(0, 12) }));
  if (a.act.as_of !== a.act.entry_into_force) push(t(R.asOf, ctx, { from: a.act.as_of, to: a.act.as_of_execution_end }));
  // every unverified input a figure of this act rests on, numbered as in the report
  const actKeys = [...new Set(Object.values(a.unverified).flat())].sort((x, y) => (ctx.doubts?.number.get(x) ?? 0) - (ctx.doubts?.number.get(y) ?? 0));
  if (actKeys.length === 0) push(t(R.noUnverified, ctx));
  else push(`${t(R.unverifiedList, ctx)}:`, ...actKeys.map((k) => `[${ctx.doubts?.number.get(k) ?? '?'}] ${ctx.doubts?.label.get(k)?.[ctx.lang] ?? k}`));
  for (const render of Object.values(SECTION_RENDERERS)) out.push(...render(a, ctx, opts));
  return out.join('\n');
}

export function renderImpact(report: ImpactReport, lang: Lang, format: TableFormat): string {
  const ctx: Ctx = {
    lang,
    format,
    doubts: { number: new Map(report.unverified_inputs.map((d, i) => [d.key, i + 1])), label: new Map(report.unverified_inputs.map((d) => [d.key, d.label])) },
  };
  const parts = [t(R.registry, ctx, { source: report.registry.source, persons: n(report.registry.persons, ctx) }), ''];
  for (const a of report.acts) parts.push(renderActImpact(a, ctx));
  if (report.comparison) parts.push(renderComparison(report, ctx));
  parts.push(t(R.computed, ctx, { ms: n(report.compute_ms, ctx) }));
  return parts.join('\n');
}
