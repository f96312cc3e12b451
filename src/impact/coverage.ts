/**
 * Coverage: who the act reaches, by status and measure, custody, sex, gravity, region, facility and
 * social category; and the relief of each institution's occupancy against its capacity.
 * One pass over the outcome columns per dimension.
 *
 * Non-null assertions (`!`) left here are reads of the registry's and the outcomes' columns (typed
 * arrays) at a person index below the registry's size, and updates of the accumulators at a group's
 * offset, which the group codes keep below their length: all in the loop over every person.
 */
import { CUSTODIES, GRAVITIES, SEXES } from '../domain/enums.ts';
import { CUSTODY_LABELS, GRAVITY_LABELS, SEX_LABELS } from '../i18n/enums.ts';
import { measureAt, newEndAt, STATUS, STATUSES } from '../engine/act/outcome.ts';
import { MEASURE_CODES } from '../engine/act/plan.ts';
import { COVERAGE_TEXTS as C } from '../i18n/impact/coverage.ts';
import { UNKNOWN_LABEL } from '../i18n/impact/labels.ts';
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import type { Text } from '../i18n/text.ts';
import { table } from '../reports/table.ts';
import { nameOf, type Facilities } from '../registry/facilities.ts';
import type { DictColumn, Registry } from '../registry/registry.ts';
import type { ImpactConfig } from './config.ts';
import { captioned, heading, n as num, paragraphs, pct, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, CoverageRow, OccupancyRow } from './report.ts';
import { KIND, type ActRun, type Categories } from './run.ts';

// Counters of a row, in this order.
const PERSONS = 0;
const COVERED = 1;
const RELEASED = 2; // + kind index (release, reduce, replace, other)
const EXCLUDED = 6;
const NEEDS_REVIEW = 7;
const NOT_COVERED = 8;
const DAYS = 9;
const WIDTH = 10;

/** Adds person i to the counters of row `key`. */
function add(acc: Float64Array, key: number, run: ActRun, i: number): void {
  const o = run.outcomes;
  const at = key * WIDTH;
  acc[at + PERSONS]!++;
  const k = run.kind[i]!;
  if (k >= 0) {
    acc[at + COVERED]!++;
    acc[at + RELEASED + k]!++;
    const d = o.daysRemitted[i]!;
    if (d > 0) acc[at + DAYS]! += d;
  } else {
    const s = o.status[i]!;
    if (s === STATUS.excluded) acc[at + EXCLUDED]!++;
    else if (s === STATUS.needs_review) acc[at + NEEDS_REVIEW]!++;
    else acc[at + NOT_COVERED]!++;
  }
}

function row(acc: Float64Array, key: number, id: string, label: Text | null): CoverageRow {
  const at = key * WIDTH;
  return {
    key: id,
    label,
    persons: acc[at + PERSONS]!,
    covered: acc[at + COVERED]!,
    released: acc[at + RELEASED + KIND.release]!,
    reduced: acc[at + RELEASED + KIND.reduce]!,
    replaced: acc[at + RELEASED + KIND.replace]!,
    other: acc[at + RELEASED + KIND.other]!,
    excluded: acc[at + EXCLUDED]!,
    needs_review: acc[at + NEEDS_REVIEW]!,
    not_covered: acc[at + NOT_COVERED]!,
    days_remitted: acc[at + DAYS]!,
  };
}

/** Rows of an enumeration column (-1 = unknown, kept as its own row when anyone has it). */
function byEnum(run: ActRun, column: Int8Array, values: readonly string[], labels: Record<string, Text>): CoverageRow[] {
  const acc = new Float64Array((values.length + 1) * WIDTH);
  const unknown = values.length;
  for (let i = 0; i < column.length; i++) if (run.serving[i]) add(acc, column[i]! < 0 ? unknown : column[i]!, run, i);
  return [...values.map((v, k) => row(acc, k, v, labels[v] ?? null)), row(acc, unknown, 'unknown', UNKNOWN_LABEL)].filter((r) => r.persons > 0);
}

/** Rows of a dictionary column (code 0 = unknown), most persons first. */
function byDict(run: ActRun, col: DictColumn, labelOf: (value: string) => Text | null): CoverageRow[] {
  const acc = new Float64Array(col.values.length * WIDTH);
  const codes = col.codes;
  for (let i = 0; i < codes.length; i++) if (run.serving[i]) add(acc, codes[i]!, run, i);
  return col.values
    .map((v, code) => row(acc, code, code === 0 ? 'unknown' : v, code === 0 ? UNKNOWN_LABEL : labelOf(v)))
    .filter((r) => r.persons > 0)
    .sort((a, b) => b.persons - a.persons || a.key.localeCompare(b.key));
}

export function coverageByCategory(run: ActRun, categories: Categories, config: ImpactConfig): CoverageRow[] {
  const n = categories.ids.length;
  const acc = new Float64Array((n + 2) * WIDTH);
  for (let i = 0; i < run.kind.length; i++) {
    if (!run.serving[i]) continue;
    for (let j = 0; j < n; j++) if (categories.masks[j]![i]) add(acc, j, run, i);
    add(acc, categories.any[i] ? n : n + 1, run, i);
  }
  return [
    ...config.socialCategories.map((c, j) => row(acc, j, c.id, c.label)),
    row(acc, n, 'any_category', C.anyCategory),
    row(acc, n + 1, 'no_category', C.noCategory),
  ];
}

export function statusMeasure(run: ActRun): { status: string; measure: string; persons: number }[] {
  const acc = new Float64Array(STATUSES.length * MEASURE_CODES.length);
  const o = run.outcomes;
  for (let i = 0; i < o.size; i++) if (run.serving[i]) acc[o.status[i]! * MEASURE_CODES.length + measureAt(o, i)]!++;
  const out: { status: string; measure: string; persons: number }[] = [];
  STATUSES.forEach((s, si) => MEASURE_CODES.forEach((m, mi) => {
    const n = acc[si * MEASURE_CODES.length + mi]!;
    if (n > 0) out.push({ status: s, measure: m, persons: n });
  }));
  return out;
}

export function coverage(run: ActRun, registry: Registry, facilities: Facilities | null, categories: Categories, config: ImpactConfig) {
  const c = registry.columns;
  const regions = new Map((facilities?.regions ?? []).map((r) => [r.code, nameOf(r)]));
  const places = new Map((facilities?.facilities ?? []).map((f) => [f.code, nameOf(f)]));
  return {
    by_status_measure: statusMeasure(run),
    custody: byEnum(run, c.custody, CUSTODIES, CUSTODY_LABELS),
    sex: byEnum(run, c.sex, SEXES, SEX_LABELS),
    gravity: byEnum(run, c.gravity, GRAVITIES, GRAVITY_LABELS),
    region: byDict(run, c.region, (v) => regions.get(v) ?? null),
    facility: byDict(run, c.facility, (v) => places.get(v) ?? null),
    social_category: coverageByCategory(run, categories, config),
    occupancy: occupancy(run, registry, facilities),
  };
}

/**
 * Occupancy of each institution on the day of entry into force, and after the act: the released
 * and those whose imprisonment is replaced leave at once; a reduction frees a bed within a year
 * when it brings the end of a term that lay beyond the year inside it.
 */
export function occupancy(run: ActRun, registry: Registry, facilities: Facilities | null): OccupancyRow[] {
  const c = registry.columns;
  const inst = CUSTODIES.indexOf('institution');
  const codes = c.facility.codes;
  const n = c.facility.values.length;
  const held = new Float64Array(n);
  const leaving = new Float64Array(n);
  const earlier = new Float64Array(n);
  const yearEnd = run.day + run.calendar.daysPerYear;
  const o = run.outcomes;
  for (let i = 0; i < codes.length; i++) {
    if (!run.serving[i] || c.custody[i] !== inst) continue;
    const f = codes[i]!;
    held[f]!++;
    const k = run.kind[i]!;
    if (k === KIND.release || k === KIND.replace) leaving[f]!++;
    else if (k === KIND.reduce && c.sentenceEndDay[i]! > yearEnd && newEndAt(o, i) <= yearEnd) earlier[f]!++;
  }
  const byCode = new Map(c.facility.values.map((v, code) => [v, code]));
  const rows: OccupancyRow[] = [];
  const seen = new Set<string>();
  for (const f of facilities?.facilities ?? []) {
    if (f.type !== 'institution') continue;
    seen.add(f.code);
    const code = byCode.get(f.code);
    const h = code === undefined ? 0 : held[code]!;
    const l = code === undefined ? 0 : leaving[code]!;
    rows.push({
      facility: f.code,
      label: nameOf(f),
      region: f.region,
      capacity: f.capacity,
      held: h,
      leaving: l,
      leaving_earlier_within_year: code === undefined ? 0 : earlier[code]!,
      occupancy_before: h / f.capacity,
      occupancy_after: (h - l) / f.capacity,
    });
  }
  // Institutions the registry names but the facilities file does not: no capacity to measure against.
  c.facility.values.forEach((v, code) => {
    if (held[code]! === 0 || seen.has(v)) return;
    rows.push({
      facility: code === 0 ? 'unknown' : v,
      label: code === 0 ? UNKNOWN_LABEL : null,
      region: null,
      capacity: null,
      held: held[code]!,
      leaving: leaving[code]!,
      leaving_earlier_within_year: earlier[code]!,
      occupancy_before: null,
      occupancy_after: null,
    });
  });
  return rows;
}

function coverageTable(rows: CoverageRow[], ctx: Ctx, limit = rows.length): string {
  const headers = [t(R.group, ctx), t(R.persons, ctx), t(C.covered, ctx), t(C.rate, ctx), t(C.released, ctx), t(C.reduced, ctx), t(C.replaced, ctx), t(C.excluded, ctx), t(C.review, ctx), t(R.days, ctx)];
  const body = rows.slice(0, limit).map((r) => [
    r.label ? r.label[ctx.lang] : r.key,
    num(r.persons, ctx),
    num(r.covered, ctx),
    pct(r.persons > 0 ? r.covered / r.persons : null, ctx),
    num(r.released, ctx),
    num(r.reduced, ctx),
    num(r.replaced, ctx),
    num(r.excluded, ctx),
    num(r.needs_review, ctx),
    num(r.days_remitted, ctx),
  ]);
  return table(headers, body, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], ctx.format);
}

/** The section as text or Markdown: a table per dimension, the first `facilities` facilities, and the most relieved institutions. */
export function renderCoverage(a: ActImpact, ctx: Ctx, opts: { facilities: number }): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  push(heading(t(C.coverage, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.coverage, ctx));
  push(captioned(t(C.byCustody, ctx), coverageTable(a.coverage.custody, ctx), ctx));
  push(captioned(t(C.bySex, ctx), coverageTable(a.coverage.sex, ctx), ctx));
  push(captioned(t(C.byGravity, ctx), coverageTable(a.coverage.gravity, ctx), ctx));
  push(captioned(t(C.byCategory, ctx), coverageTable(a.coverage.social_category, ctx), ctx));
  push(captioned(t(C.byRegion, ctx), coverageTable(a.coverage.region, ctx), ctx));
  push(captioned(t(C.byFacility, ctx, { n: Math.min(opts.facilities, a.coverage.facility.length) }), coverageTable(a.coverage.facility, ctx, opts.facilities), ctx));
  const occ = [...a.coverage.occupancy].filter((r) => r.leaving + r.leaving_earlier_within_year > 0).sort((x, y) => y.leaving - x.leaving || y.leaving_earlier_within_year - x.leaving_earlier_within_year).slice(0, opts.facilities);
  if (occ.length > 0)
    push(
      captioned(
        t(C.occupancy, ctx, { n: occ.length }),
        table(
          [t(C.facility, ctx), t(C.capacity, ctx), t(C.held, ctx), t(C.leaving, ctx), t(C.earlier, ctx), `${t(C.before, ctx)}, %`, `${t(C.after, ctx)}, %`],
          occ.map((r) => [r.label ? r.label[ctx.lang] : r.facility, r.capacity === null ? '—' : num(r.capacity, ctx), num(r.held, ctx), num(r.leaving, ctx), num(r.leaving_earlier_within_year, ctx), pct(r.occupancy_before, ctx), pct(r.occupancy_after, ctx)]),
          ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          ctx.format,
        ),
        ctx,
      ),
    );
  return out;
}
