/**
 * Backtest: an act's outcome on a registry beside what was reported after it was applied
 * (reports/results-*.yaml), by custody and by measure, with the gap of each figure and, beyond the
 * tolerance, the figure's account of why (docs/backtest.md).
 */
import { z } from 'zod';
import { isoDateSchema } from '../domain/date-schema.ts';
import { CUSTODIES, type Custody } from '../domain/enums.ts';
import { formatIsoDate } from '../domain/dates.ts';
import { entryAt } from '../domain/lookup.ts';
import { loadDataFile } from '../domain/located.ts';
import { actDoubts, fixedDoubt, outcomeDoubts, type Doubt, DOUBT_KINDS } from '../engine/act/doubt.ts';
import { evaluate } from '../engine/act/evaluate.ts';
import { outcomeAt, STATUSES, type Status } from '../engine/act/outcome.ts';
import type { Plan } from '../engine/act/plan.ts';
import { formatNumber, render, type Lang, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import { BACKTEST_TEXTS as T } from '../i18n/backtest.ts';
import { table } from './table.ts';

const text = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
export const MEASURE_GROUPS = ['released', 'reduced', 'replaced'] as const;
type MeasureGroup = (typeof MEASURE_GROUPS)[number];

const figureSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: text,
  reported: z.number().nonnegative(),
  /** `at_least`: the source says "more than"; the gap is measured from the number. */
  bound: z.enum(['exact', 'at_least']),
  /** `ours`: the figure follows from the reported ones by our reading, it is not reported itself. */
  reading: z.literal('ours').optional(),
  /** Which of the act's outcomes it counts: the covered by measure, or persons by status; by custody if given. */
  model: z.union([
    z.strictObject({ measure: z.enum(MEASURE_GROUPS), custody: z.enum(['institution', 'probation']).optional() }),
    z.strictObject({ status: z.array(z.enum(STATUSES)).min(1), custody: z.enum(['institution', 'probation']).optional() }),
  ]),
  note: z.string().optional(),
  source: z.string().optional(),
  /** Why the model misses the figure by more than the tolerance, and which input the evidence points to. */
  account: text.optional(),
});

export const resultsFileSchema = z.strictObject({
  id: z.string(),
  act: z.string(),
  title: text,
  reported_on: isoDateSchema,
  by: text,
  sources: z.array(z.string().url()).min(1),
  tolerance: z.number().positive().max(1),
  figures: z.array(figureSchema).min(1),
  forecasts: z.array(z.strictObject({ date: isoDateSchema, by: z.string(), text: z.string() })).default([]),
});
export type ResultsFile = z.output<typeof resultsFileSchema>;

export function loadResults(path: string): ResultsFile {
  return loadDataFile(resultsFileSchema, path).data;
}

export interface BacktestFigure {
  id: string;
  label: Text;
  reported: number;
  bound: 'exact' | 'at_least';
  readingOurs: boolean;
  model: number;
  /** (model − reported) / reported; null when nothing was reported (0). */
  gap: number | null;
  within: boolean;
  account: Text | null;
  note: string | null;
  /** Keys of the report's unverified inputs the model figure rests on. */
  unverified: string[];
}

export interface BacktestReport {
  results: { id: string; title: Text; reportedOn: string; by: Text; sources: string[] };
  act: { id: string; title: Text; asOf: string };
  registry: { source: string; persons: number; serving: number };
  tolerance: number;
  /** The act's outcome on the registry: covered persons by custody and measure, and persons by status. */
  outcome: { byCustody: Record<Custody, Record<MeasureGroup, number>>; byStatus: Record<string, number> };
  figures: BacktestFigure[];
  forecasts: { date: string; by: string; text: string }[];
  unverified: Doubt[];
}

const GROUP_OF_MEASURE: Record<string, MeasureGroup | null> = {
  none: null,
  release: 'released',
  release_additional: 'released',
  release_from_liability: 'released',
  reduce_unserved: 'reduced',
  reduce_imposed: 'reduced',
  reduce_months: 'reduced',
  replace_milder: 'replaced',
};

export function computeBacktest(results: ResultsFile, plan: Plan, law: Law, registry: Registry, registrySource: string, registrySynthetic = false): BacktestReport {
  const day = plan.entryIntoForce;
  const outcomes = evaluate(plan, registry, law, day);
  const doubts = actDoubts(plan, law, day);
  const byCustody = Object.fromEntries(CUSTODIES.map((c) => [c, { released: 0, reduced: 0, replaced: 0 }])) as Record<Custody, Record<MeasureGroup, number>>;
  const custodies = (): Record<Custody, number> => ({ institution: 0, probation: 0 });
  const byStatus: Record<Status, Record<Custody, number>> = { not_covered: custodies(), eligible: custodies(), excluded: custodies(), needs_review: custodies() };
  // what each count rests on: the outcomes it counts
  const restsOn = { measure: new Map<string, Set<string>>(), status: new Map<string, Set<string>>() };
  const note = (m: Map<string, Set<string>>, key: string, keys: readonly string[]) => {
    const s = m.get(key) ?? new Set<string>();
    for (const k of keys) s.add(k);
    m.set(key, s);
  };
  let serving = 0;
  for (let i = 0; i < registry.size; i++) {
    const o = outcomeAt(outcomes, i);
    if (o.reason === 'not_serving') continue;
    serving++;
    const custody = registry.record(i).custody;
    const keys = outcomeDoubts(doubts, o, (registry.articlesOf(i) ?? []).map((a) => entryAt(law.criminalCode.parts, a, 'law part')));
    if (custody !== null) byStatus[o.status][custody]++;
    note(restsOn.status, o.status, keys);
    const group = o.status === 'eligible' ? GROUP_OF_MEASURE[o.measure] : null;
    if (group && custody !== null) {
      byCustody[custody][group]++;
      note(restsOn.measure, group, keys);
    }
  }
  const registryKeys = registrySynthetic ? fixedDoubt(doubts.all, 'registry') : [];
  const figures: BacktestFigure[] = results.figures.map((f) => {
    const custodies: Custody[] = f.model.custody ? [f.model.custody] : [...CUSTODIES];
    let model = 0;
    let keys: Set<string>;
    if ('measure' in f.model) {
      for (const c of custodies) model += byCustody[c][f.model.measure];
      keys = restsOn.measure.get(f.model.measure) ?? new Set();
    } else {
      keys = new Set();
      for (const s of f.model.status) {
        for (const c of custodies) model += byStatus[s][c];
        for (const k of restsOn.status.get(s) ?? []) keys.add(k);
      }
    }
    const gap = f.reported === 0 ? null : (model - f.reported) / f.reported;
    return {
      id: f.id,
      label: f.label,
      reported: f.reported,
      bound: f.bound,
      readingOurs: f.reading === 'ours',
      model,
      gap,
      within: gap !== null && Math.abs(gap) <= results.tolerance,
      account: f.account ?? null,
      note: f.note ?? null,
      unverified: [...new Set([...keys, ...registryKeys])],
    };
  });
  const used = new Set(figures.flatMap((f) => f.unverified));
  return {
    results: { id: results.id, title: results.title, reportedOn: formatIsoDate(results.reported_on), by: results.by, sources: results.sources },
    act: { id: plan.id, title: plan.source.title, asOf: formatIsoDate(day) },
    registry: { source: registrySource, persons: registry.size, serving },
    tolerance: results.tolerance,
    outcome: { byCustody, byStatus: Object.fromEntries(STATUSES.map((s) => [s, byStatus[s].institution + byStatus[s].probation])) },
    figures,
    forecasts: results.forecasts.map((x) => ({ date: formatIsoDate(x.date), by: x.by, text: x.text })),
    unverified: [...doubts.all.values()].filter((d) => used.has(d.key)).sort((a, b) => DOUBT_KINDS.indexOf(a.kind) - DOUBT_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key, 'en', { numeric: true })),
  };
}

export function renderBacktest(r: BacktestReport, lang: Lang): string {
  const t = (x: Text, p: Record<string, string | number> = {}) => render(x, lang, p);
  const n = (v: number) => formatNumber(v, lang);
  const pctText = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${formatNumber(Math.round(v * 1000) / 10, lang, 1)}%`);
  const tol = Math.round(r.tolerance * 100);
  const number = new Map(r.unverified.map((d, i) => [d.key, i + 1]));
  const lines: string[] = [t(T.heading, { act: r.act.title[lang] }), t(T.reported, { title: r.results.title[lang] }), t(T.registry, { source: r.registry.source, persons: n(r.registry.persons), serving: n(r.registry.serving), asOf: r.act.asOf }), ''];
  const c = r.outcome.byCustody;
  lines.push(t(T.byCustody, { ri: n(c.institution.released), di: n(c.institution.reduced), rp: n(c.probation.released), dp: n(c.probation.reduced) }), '');
  const rows = r.figures.map((f) => [
    `${f.label[lang]}${f.readingOurs ? ` ${t(T.ours)}` : ''}`,
    `${f.bound === 'at_least' ? `${t(T.atLeast)} ` : ''}${n(f.reported)}`,
    n(f.model),
    pctText(f.gap),
    f.within ? t(T.within, { t: tol }) : t(T.beyond, { t: tol }),
    f.unverified.map((k) => number.get(k) ?? 0).sort((a, b) => a - b).map((k) => `[${k}]`).join(', '),
  ]);
  const header = [t(T.colFigure), t(T.colReported), t(T.colModel), t(T.colGap), '', t(T.colUnverified)];
  lines.push(table(header, rows, ['l', 'r', 'r', 'r', 'l', 'l'], 'text'), '');
  const off = r.figures.filter((f) => !f.within);
  if (off.length > 0) {
    lines.push(t(T.accounts, { t: tol }));
    for (const f of off) lines.push(`- ${f.label[lang]} (${pctText(f.gap)}): ${f.account ? f.account[lang] : t(T.noAccount)}`);
    lines.push('');
  }
  if (r.forecasts.length > 0) lines.push(t(T.forecasts), ...r.forecasts.map((x) => `- ${x.date}, ${x.by}: ${x.text}`), '');
  if (r.unverified.length > 0) lines.push(t(T.unverified), ...r.unverified.map((d, i) => `[${i + 1}] ${d.label[lang]}`), '');
  lines.push(`${t(T.sources)}: ${r.results.sources.join(' ; ')}`);
  return lines.join('\n');
}

/** The JSON form: labels in the chosen language. */
export function backtestJson(r: BacktestReport, lang: Lang): unknown {
  return {
    results: { ...r.results, title: r.results.title[lang], by: r.results.by[lang] },
    act: { ...r.act, title: r.act.title[lang] },
    registry: r.registry,
    tolerance: r.tolerance,
    outcome: r.outcome,
    figures: r.figures.map((f) => ({
      id: f.id,
      label: f.label[lang],
      reported: f.reported,
      bound: f.bound,
      reading: f.readingOurs ? 'ours' : 'reported',
      model: f.model,
      gap: f.gap,
      within: f.within,
      account: f.account ? f.account[lang] : null,
      note: f.note,
      unverified: f.unverified,
    })),
    forecasts: r.forecasts,
    unverified_inputs: r.unverified.map((d) => ({ key: d.key, kind: d.kind, label: d.label[lang] })),
  };
}
