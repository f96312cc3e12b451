/**
 * ECharts options and their tables, built from the impact report's sections, shared by the impact
 * page and the editor. Each chart's table is what its CSV/XLSX holds and what a screen reader reads.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n/catalogue.ts';
import type { Table } from './download.ts';
import { formatCount, formatMoneyShort, pick } from './format.ts';

export interface CoverageLike {
  key: string;
  label: { kk: string; ru: string; en: string } | null;
  persons: number | null;
  covered: number | null;
  released: number | null;
  reduced: number | null;
  replaced: number | null;
  other: number | null;
  excluded: number | null;
  needs_review: number | null;
  not_covered: number | null;
  days_remitted: number | null;
}

const SERIES = ['released', 'reduced', 'replaced', 'other', 'excluded', 'needs_review'] as const;
const SERIES_KEYS = { released: 'series.released', reduced: 'series.reduced', replaced: 'series.replaced', other: 'series.other', excluded: 'series.excluded', needs_review: 'series.needsReview' } as const;

function labelOf(row: CoverageLike, lang: Lang, names?: Map<string, { kk: string; ru: string; en: string }>): string {
  return row.label ? pick(row.label, lang) : names?.get(row.key) ? pick(names.get(row.key), lang) : row.key;
}

/** Stacked horizontal bars: what the act does to each group. */
export function coverageChart(rows: CoverageLike[], t: TFunction, lang: Lang, options: { top?: number; names?: Map<string, { kk: string; ru: string; en: string }> } = {}): { option: EChartsCoreOption; table: Table; height: number } {
  let shown = rows.filter((r) => (r.persons ?? 0) > 0 || r.persons === null);
  if (options.top !== undefined) shown = [...shown].sort((a, b) => (b.covered ?? 0) - (a.covered ?? 0)).slice(0, options.top);
  const categories = shown.map((r) => labelOf(r, lang, options.names));
  const series = SERIES.filter((s) => shown.some((r) => (r[s] ?? 0) > 0)).map((s) => ({
    name: t(SERIES_KEYS[s]),
    type: 'bar',
    stack: 'all',
    emphasis: { focus: 'series' },
    data: shown.map((r) => r[s]),
  }));
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatCount(v, lang) : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoneyShort(v, lang) } },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
    series,
  };
  const table: Table = {
    columns: [t('series.group'), t('series.persons'), t('fig.covered'), ...SERIES.map((s) => t(SERIES_KEYS[s])), t('fig.notCovered'), t('fig.daysRemitted')],
    rows: shown.map((r) => [labelOf(r, lang, options.names), r.persons, r.covered, ...SERIES.map((s) => r[s]), r.not_covered, r.days_remitted]),
  };
  return { option, table, height: Math.max(180, 60 + categories.length * 26) };
}

export interface MoneyVariantLike {
  inmate_cost: { name: string; label: { kk: string; ru: string; en: string }; value: number };
  probation_cost: { value: number };
  total: { first_year: number | null };
  institution: { first_year: number | null };
  probation: { first_year: number | null };
  by_measure: Record<string, { first_year: number | null }>;
}

/** Money saved in the first year, per daily cost of an inmate: by custody and by measure. */
export function moneyChart(variants: MoneyVariantLike[], t: TFunction, lang: Lang): { option: EChartsCoreOption; table: Table; height: number } {
  const measures = [...new Set(variants.flatMap((v) => Object.keys(v.by_measure)))];
  const kindKey = (m: string) => (m === 'release' ? 'kind.release' : m === 'reduce' ? 'kind.reduce' : m === 'replace' ? 'kind.replace' : 'kind.other') as 'kind.release';
  const categories = variants.map((v) => t('chart.perDay', { cost: formatCount(v.inmate_cost.value, lang) }));
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatCount(v, lang)} ₸` : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoneyShort(v, lang) } },
    series: [
      { name: t('series.institution'), type: 'bar', stack: 'custody', data: variants.map((v) => v.institution.first_year) },
      { name: t('series.probation'), type: 'bar', stack: 'custody', data: variants.map((v) => v.probation.first_year) },
      ...measures.map((m) => ({ name: t(kindKey(m)), type: 'bar', stack: 'measure', data: variants.map((v) => v.by_measure[m]?.first_year ?? null) })),
    ],
  };
  const table: Table = {
    columns: [t('fig.savedFirstYear', { cost: '…' }), t('series.institution'), t('series.probation'), ...measures.map((m) => t(kindKey(m))), t('fig.covered')],
    rows: variants.map((v) => [`${pick(v.inmate_cost.label, lang)} (${v.inmate_cost.value})`, v.institution.first_year, v.probation.first_year, ...measures.map((m) => v.by_measure[m]?.first_year ?? null), v.total.first_year]),
  };
  table.columns[table.columns.length - 1] = 'total';
  return { option, table, height: 300 };
}
