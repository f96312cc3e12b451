/**
 * What-if: an unsaved draft evaluated on a registry, its headline figures (and some impact sections
 * on request); nothing is stored. The editor calls it on every keystroke, so the work is done by a
 * pool of worker threads (./compute-pool.ts) when the server has one — the HTTP thread stays free and
 * both processor cores evaluate — and inline otherwise. The same function, `whatIfOn`, computes the
 * answer in either place.
 */
import { formatIsoDate } from '../domain/dates.ts';
import { CUSTODIES } from '../domain/enums.ts';
import { evaluateWithBreakdown } from '../engine/act/evaluate.ts';
import type { Plan } from '../engine/act/plan.ts';
import { coverage } from '../impact/coverage.ts';
import { outcomesSummary } from '../impact/impact.ts';
import { money } from '../impact/money.ts';
import type { OutcomesSummary } from '../impact/report.ts';
import { KIND, runFromOutcomes, socialCategories, type ActRun } from '../impact/run.ts';
import type { Registry } from '../registry/registry.ts';
import { actFileLabel, planOf, unverifiedInputs, type UnverifiedInput } from './acts.ts';
import type { AppContext } from './context.ts';
import type { Environment } from './environment.ts';
import { dayOf, planOn, registryFor, round } from './evaluations.ts';

export const WHAT_IF_SECTIONS = ['coverage', 'money'] as const;
export type WhatIfSection = (typeof WHAT_IF_SECTIONS)[number];

export interface WhatIfRequest {
  source: string;
  registry?: string | undefined;
  asOf?: string | undefined;
  sections?: readonly WhatIfSection[] | undefined;
}

export interface WhatIfResult {
  act: { id: string; hash: string; title: Plan['source']['title']; entry_into_force: string };
  registry: { id: string; name: string; persons: number };
  as_of: string;
  outcomes: OutcomesSummary;
  headline: {
    serving: number;
    covered: number;
    released: number;
    reduced: number;
    replaced: number;
    other: number;
    excluded: number;
    needs_review: number;
    not_covered: number;
    days_remitted: number;
    /** Persons leaving an institution at once (released or moved to a milder punishment). */
    beds_freed: number;
    /** Money saved in the first year, one figure per daily cost of an inmate (parameters), and the letter's method. */
    saved_first_year: { cost: string; inmate_cost: number; probation_cost: number; total: number }[];
    letter_method_per_year: number;
  };
  sections: { coverage?: ReturnType<typeof coverage>; money?: ReturnType<typeof money> };
  unverified: UnverifiedInput[];
  timings: { compile_ms: number; evaluate_ms: number; figures_ms: number };
  /** Where it was computed: a worker thread of the pool, or the server's own thread. */
  computed_on: 'worker' | 'server';
}

/** The answer for a compiled draft on a registry: pure over its arguments. */
export function whatIfOn(env: Environment, plan0: Plan, registry: Registry, registryInfo: { id: string; name: string }, asOf: string | undefined, sections: readonly WhatIfSection[], compileMs: number): WhatIfResult {
  const day = dayOf(plan0, asOf);
  const plan = planOn(plan0, day);
  const t2 = performance.now();
  const { outcomes } = evaluateWithBreakdown(plan, registry, env.law, day);
  const t3 = performance.now();
  const run = runFromOutcomes(plan, outcomes, day, env.law);
  const summary = outcomesSummary(run);
  const moneySection = money(run, registry, env.law, env.impactConfig);
  const kinds = countKinds(run, registry);
  const wanted = new Set(sections);
  const extra: WhatIfResult['sections'] = {};
  if (wanted.has('coverage')) extra.coverage = coverage(run, registry, env.facilities, socialCategories(env.impactConfig, registry, env.law, day), env.impactConfig);
  if (wanted.has('money')) extra.money = moneySection;
  const t4 = performance.now();
  return {
    act: { id: plan.id, hash: plan.hash, title: plan.source.title, entry_into_force: formatIsoDate(plan0.entryIntoForce) },
    registry: { id: registryInfo.id, name: registryInfo.name, persons: registry.size },
    as_of: formatIsoDate(day),
    outcomes: summary,
    headline: {
      serving: summary.persons,
      covered: summary.by_status['eligible'] ?? 0,
      released: kinds.release,
      reduced: kinds.reduce,
      replaced: kinds.replace,
      other: kinds.other,
      excluded: summary.by_status['excluded'] ?? 0,
      needs_review: summary.by_status['needs_review'] ?? 0,
      not_covered: summary.by_status['not_covered'] ?? 0,
      days_remitted: summary.days_remitted,
      beds_freed: kinds.bedsFreed,
      saved_first_year: moneySection.variants.map((v) => ({ cost: v.inmate_cost.name, inmate_cost: v.inmate_cost.value, probation_cost: v.probation_cost.value, total: v.total.first_year })),
      letter_method_per_year: moneySection.letter_method.per_year,
    },
    sections: extra,
    unverified: unverifiedInputs(plan, env.law),
    timings: { compile_ms: round(compileMs), evaluate_ms: round(t3 - t2), figures_ms: round(t4 - t3) },
    computed_on: 'server',
  };
}

/** Covered persons by kind of measure, and the beds freed at once (institution, released or replaced). */
function countKinds(run: ActRun, registry: Registry): { release: number; reduce: number; replace: number; other: number; bedsFreed: number } {
  const k: [release: number, reduce: number, replace: number, other: number] = [0, 0, 0, 0];
  let beds = 0;
  const custody = registry.columns.custody;
  const institution = CUSTODIES.indexOf('institution');
  for (let i = 0; i < run.kind.length; i++) {
    const kind = run.kind[i]!;
    if (kind < 0) continue;
    k[kind]!++;
    if (custody[i] === institution && (kind === KIND.release || kind === KIND.replace)) beds++;
  }
  return { release: k[0], reduce: k[1], replace: k[2], other: k[3], bedsFreed: beds };
}

/** What-if for a request: on the server's worker threads when it has them, else here. */
export async function whatIf(ctx: AppContext, req: WhatIfRequest): Promise<WhatIfResult> {
  const { info, registry } = await registryFor(ctx, req.registry);
  if (ctx.pool) return ctx.pool.whatIf({ source: req.source, registryId: info.id, registryName: info.name, registry, asOf: req.asOf, sections: req.sections ?? [] });
  const t0 = performance.now();
  const plan = planOf(ctx, req.source, actFileLabel('draft'));
  return whatIfOn(ctx.env, plan, registry, info, req.asOf, req.sections ?? [], performance.now() - t0);
}
