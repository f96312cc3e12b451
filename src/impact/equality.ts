/**
 * Equality before the law (Constitution of the Republic of Kazakhstan, Art. 14 §2: nobody may be
 * discriminated against on grounds of origin, social position, sex, race, …).
 *
 * Three findings: where the act's conditions depend on sex; what the same conditions applied to
 * everyone would change (the sex-neutral counterfactual, built from the act, not written by hand):
 * whom it adds, whom it drops, whose measure differs; and how the rates of coverage and of release
 * of women and men compare within the same gravity and social category.
 *
 * Non-null assertions (`!`) left here are reads of the registry's and the outcomes' columns (typed
 * arrays) at a person index below the registry's size, and updates of the accumulators at a
 * category's offset below their length: all in the loops over every person.
 */
import { entryAt } from '../domain/lookup.ts';
import { CUSTODIES, GRAVITIES, SEXES, type Gravity } from '../domain/enums.ts';
import { GRAVITY_LABELS } from '../i18n/enums.ts';
import { sexDependence, sexNeutralPlan } from '../engine/act/transform.ts';
import { EQUALITY_TEXTS as E, GAP_ON_TEXTS, VERDICT_TEXTS } from '../i18n/impact/equality.ts';
import { GROUP_LABELS, KIND_LABELS } from '../i18n/impact/labels.ts';
import { REPORT_TEXTS as R } from '../i18n/impact/report.ts';
import { citeRef } from '../i18n/refs.ts';
import { formatNumber, joinTexts, renderAll, type Lang, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import { table } from '../reports/table.ts';
import { MEASURE_KINDS } from './config.ts';
import { countsLine, custodyLabel, gravityLabel, heading, kindLabel, n, paragraphs, pct, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, DisparityRow, EqualitySection } from './report.ts';
import { equalityPolicy } from './policy.ts';
import { groupLabel, KIND, runAct, type ActRun, type Categories } from './run.ts';
import { measureAt } from '../engine/act/outcome.ts';

const F = SEXES.indexOf('F');
const M = SEXES.indexOf('M');

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function equality(run: ActRun, registry: Registry, law: Law, categories: Categories): { section: EqualitySection; neutral: ActRun } {
  const plan = run.plan;
  const dep = sexDependence(plan);
  const neutralPlan = sexNeutralPlan(plan);
  const neutral = neutralPlan === plan ? run : runAct(neutralPlan, registry, law, run.day);
  const c = registry.columns;

  const added = { persons: 0, women: 0, men: 0, by_gravity: {}, by_custody: {}, by_measure: {}, by_clause: {}, by_social_category: {} } as EqualitySection['counterfactual']['added'];
  const removed = { persons: 0, women: 0, men: 0 };
  const changed = { persons: 0, women: 0, men: 0, by_transition: {} as Record<string, number> };
  let neutralCovered = 0;
  const count = (group: { persons: number; women: number; men: number }, i: number) => {
    group.persons++;
    if (c.sex[i] === F) group.women++;
    else if (c.sex[i] === M) group.men++;
  };
  for (let i = 0; i < run.kind.length; i++) {
    const a = run.kind[i]!;
    const b = neutral.kind[i]!;
    if (b >= 0) neutralCovered++;
    if (a < 0 && b >= 0) {
      count(added, i);
      const gravity = c.gravity[i]!;
      bump(added.by_gravity, gravity >= 0 ? entryAt(GRAVITIES, gravity, 'gravity') : 'unknown');
      bump(added.by_custody, CUSTODIES[c.custody[i]!] ?? 'unknown');
      bump(added.by_measure, entryAt(MEASURE_KINDS, b, 'measure kind'));
      bump(added.by_clause, entryAt(neutralPlan.clauses, neutral.outcomes.clause[i]!, 'clause').ref);
      let inAny = false;
      categories.masks.forEach((m, j) => {
        if (m[i]) {
          bump(added.by_social_category, entryAt(categories.ids, j, 'social category'));
          inAny = true;
        }
      });
      if (!inAny) bump(added.by_social_category, 'no_category');
    } else if (a >= 0 && b < 0) count(removed, i);
    else if (a >= 0 && measureAt(run.outcomes, i) !== measureAt(neutral.outcomes, i)) {
      count(changed, i);
      bump(changed.by_transition, `${MEASURE_KINDS[a]}→${MEASURE_KINDS[b]}`);
    }
  }

  // The thresholds are policy, read from law/parameters.yaml at the act's day (docs/law-data.md).
  const policy = equalityPolicy(law.parameters, run.day);
  const disparity = disparityTable(run, registry, categories);
  const largest = largestGap(disparity, policy.minGroup);
  const section: EqualitySection = {
    depends_on_sex: {
      clauses: dep.clauses.map((j) => {
        const { id, ref, label } = entryAt(plan.clauses, j, 'clause');
        return { id, ref, label };
      }),
      exclusions: dep.exclusions.map((j) => {
        const { id, ref } = entryAt(plan.exclusions, j, 'exclusion');
        return { id, ref };
      }),
      definitions: dep.definitions,
    },
    counterfactual: { act_id: neutralPlan.id, covered: neutralCovered, added, removed, measure_changed: changed },
    disparity,
    largest_gap: largest,
    verdict: verdict({
      groupLabel: (group) => groupLabel(categories, group),
      clauses: dep.clauses.map((j) => entryAt(plan.clauses, j, 'clause').ref),
      exclusions: dep.exclusions.map((j) => entryAt(plan.exclusions, j, 'exclusion').ref),
      added,
      removed,
      changed,
      largest,
      gapWorthReview: policy.gapWorthReview,
    }),
  };
  return { section, neutral };
}

/**
 * The largest gap between women and men, in coverage or in release, among rows with at least
 * `minGroup` persons on each side (impact.equality.min_group).
 */
export function largestGap(rows: DisparityRow[], minGroup: number): EqualitySection['largest_gap'] {
  let best: EqualitySection['largest_gap'] = null;
  for (const row of rows) {
    if (row.women.persons < minGroup || row.men.persons < minGroup) continue;
    for (const [on, points] of [
      ['covered', row.difference_points],
      ['released', row.released_difference_points],
    ] as const) {
      if (points === null) continue;
      if (best === null || Math.abs(points) > Math.abs(best.points)) best = { row, on, points };
    }
  }
  return best;
}

/**
 * Rates of coverage and of release of women and of men within each gravity × social group: each
 * social category (a person may be in several), at least one category, no category.
 */
export function disparityTable(run: ActRun, registry: Registry, categories: Categories): DisparityRow[] {
  const c = registry.columns;
  const groups = [...categories.ids, 'any_category', 'no_category'];
  const nc = categories.ids.length;
  // [gravity][group][sex][persons, covered, released]
  const W = 3;
  const acc = new Float64Array(GRAVITIES.length * groups.length * 2 * W);
  const add = (g: number, k: number, s: number, i: number) => {
    const at = ((g * groups.length + k) * 2 + s) * W;
    acc[at]!++;
    const kind = run.kind[i]!;
    if (kind >= 0) acc[at + 1]!++;
    if (kind === KIND.release) acc[at + 2]!++;
  };
  for (let i = 0; i < run.kind.length; i++) {
    if (!run.serving[i]) continue;
    const g = c.gravity[i]!;
    const s = c.sex[i]!;
    if (g < 0 || s < 0) continue;
    for (let j = 0; j < nc; j++) if (categories.masks[j]![i]) add(g, j, s, i);
    add(g, categories.any[i] ? nc : nc + 1, s, i);
  }
  const rows: DisparityRow[] = [];
  const points = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.round((a - b) * 1000) / 10 : null);
  GRAVITIES.forEach((g, gi) =>
    groups.forEach((group, k) => {
      const side = (s: number) => {
        const at = ((gi * groups.length + k) * 2 + s) * W;
        const persons = acc[at]!;
        const covered = acc[at + 1]!;
        const released = acc[at + 2]!;
        return { persons, covered, rate: persons > 0 ? covered / persons : null, released, released_rate: persons > 0 ? released / persons : null };
      };
      const women = side(F);
      const men = side(M);
      if (women.persons === 0 && men.persons === 0) return;
      rows.push({ gravity: g, group, women, men, difference_points: points(women.rate, men.rate), released_difference_points: points(women.released_rate, men.released_rate) });
    }),
  );
  return rows;
}

interface SexCount {
  persons: number;
  women: number;
  men: number;
}

const cite = (refs: string[]): Text => ({ kk: refs.map((r) => citeRef(r).kk).join(', '), ru: refs.map((r) => citeRef(r).ru).join(', '), en: refs.join(', ') });
const counts = (lang: Lang, g: SexCount) => ({ n: formatNumber(g.persons, lang), added: formatNumber(g.persons, lang), men: formatNumber(g.men, lang), women: formatNumber(g.women, lang) });

/** The verdict of the section, in kk, ru and en (kept in the report). */
export function verdict(p: {
  groupLabel: (group: string) => Text;
  clauses: string[];
  exclusions: string[];
  added: SexCount;
  removed: SexCount;
  changed: SexCount & { by_transition: Record<string, number> };
  largest: { row: DisparityRow; on: 'covered' | 'released'; points: number } | null;
  /** A gap of at least this many percentage points is worth a reviewer's look (impact.equality.gap_worth_review). */
  gapWorthReview: number;
}): Text {
  const parts: Text[] = [];
  if (p.clauses.length > 0) parts.push(renderAll(VERDICT_TEXTS.clauses, (lang) => ({ refs: cite(p.clauses)[lang] })));
  if (p.exclusions.length > 0) parts.push(renderAll(VERDICT_TEXTS.exclusions, (lang) => ({ refs: cite(p.exclusions)[lang] })));
  if (p.clauses.length === 0 && p.exclusions.length === 0) parts.push(VERDICT_TEXTS.independent);
  if (p.added.persons > 0) parts.push(renderAll(VERDICT_TEXTS.added, (lang) => counts(lang, p.added)));
  if (p.removed.persons > 0) parts.push(renderAll(VERDICT_TEXTS.removed, (lang) => counts(lang, p.removed)));
  if (p.changed.persons > 0)
    parts.push(
      renderAll(VERDICT_TEXTS.changed, (lang) => ({
        ...counts(lang, p.changed),
        detail: Object.entries(p.changed.by_transition)
          .sort((a, b) => b[1] - a[1])
          .map(([t, n]) => `${t.split('→').map((k) => KIND_LABELS[k]?.[lang] ?? k).join(' → ')} ${formatNumber(n, lang)}`)
          .join('; '),
      })),
    );
  const g = p.largest;
  if (g && g.points !== 0) {
    const side = (x: DisparityRow['women']) => (g.on === 'covered' ? x.rate : x.released_rate) ?? 0;
    parts.push(
      renderAll(VERDICT_TEXTS.gap, (lang) => ({
        what: GAP_ON_TEXTS[g.on][lang],
        points: formatNumber(Math.abs(g.points), lang, 1),
        gravity: GRAVITY_LABELS[g.row.gravity as Gravity][lang],
        group: p.groupLabel(g.row.group)[lang],
        rw: formatNumber(side(g.row.women) * 100, lang, 1),
        rm: formatNumber(side(g.row.men) * 100, lang, 1),
      })),
    );
  }
  const worth = p.clauses.length > 0 || p.exclusions.length > 0 || (g !== null && Math.abs(g.points) >= p.gapWorthReview);
  parts.push(worth ? VERDICT_TEXTS.review : VERDICT_TEXTS.fine);
  return joinTexts(parts);
}

/** The section as text or Markdown: the sex-neutral counterfactual, the disparity table and the verdict. */
export function renderEquality(a: ActImpact, ctx: Ctx): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  const e = a.equality;
  push(heading(t(E.equality, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.equality, ctx));
  const cf = e.counterfactual;
  const categoryLabels = new Map(a.coverage.social_category.map((r) => [r.key, r.label]));
  const groupName = (g: string) => categoryLabels.get(g)?.[ctx.lang] ?? GROUP_LABELS[g]?.[ctx.lang] ?? g;
  push(t(E.added, ctx, { act: cf.act_id, covered: n(cf.covered, ctx), persons: n(cf.added.persons, ctx), men: n(cf.added.men, ctx), women: n(cf.added.women, ctx) }));
  if (cf.added.persons > 0)
    push(
      `${t(E.addedBy, ctx)}: ${countsLine(cf.added.by_gravity, (k) => gravityLabel(k, ctx), ctx)}`,
      `${t(E.addedBy, ctx)}: ${countsLine(cf.added.by_custody, (k) => custodyLabel(k, ctx), ctx)}`,
      `${t(E.addedBy, ctx)}: ${countsLine(cf.added.by_measure, (k) => kindLabel(k, ctx), ctx)}`,
      `${t(E.addedBy, ctx)}: ${countsLine(cf.added.by_clause, (k) => citeRef(k)[ctx.lang], ctx)}`,
      `${t(E.addedBy, ctx)}: ${countsLine(cf.added.by_social_category, groupName, ctx)}`,
    );
  if (cf.removed.persons > 0) push(t(E.removedLine, ctx, { persons: n(cf.removed.persons, ctx), men: n(cf.removed.men, ctx), women: n(cf.removed.women, ctx) }));
  if (cf.measure_changed.persons > 0)
    push(
      t(E.changedLine, ctx, {
        persons: n(cf.measure_changed.persons, ctx),
        men: n(cf.measure_changed.men, ctx),
        women: n(cf.measure_changed.women, ctx),
        detail: countsLine(cf.measure_changed.by_transition, (k) => k.split('→').map((x) => kindLabel(x, ctx)).join(' → '), ctx),
      }),
    );
  // Rows with an empty side compare nothing; the JSON keeps them.
  const rows = e.disparity.filter((r) => r.women.persons > 0 && r.men.persons > 0);
  push(
    table(
      [t(R.gravity, ctx), t(R.group, ctx), t(E.women, ctx), '%', t(E.relRate, ctx), t(E.men, ctx), '%', t(E.relRate, ctx), t(E.gap, ctx), t(E.gapReleased, ctx)],
      rows.map((r) => [
        gravityLabel(r.gravity, ctx),
        groupName(r.group),
        `${n(r.women.covered, ctx)} / ${n(r.women.persons, ctx)}`,
        pct(r.women.rate, ctx),
        pct(r.women.released_rate, ctx),
        `${n(r.men.covered, ctx)} / ${n(r.men.persons, ctx)}`,
        pct(r.men.rate, ctx),
        pct(r.men.released_rate, ctx),
        r.difference_points === null ? '—' : n(r.difference_points, ctx, 1),
        r.released_difference_points === null ? '—' : n(r.released_difference_points, ctx, 1),
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ctx.format,
    ),
  );
  push(`${t(E.verdict, ctx)}: ${e.verdict[ctx.lang]}`);
  return out;
}
