/**
 * Impact of acts over a registry: `computeImpact(input) → ImpactReport` (./report.ts). Pure: the
 * registry, law, facilities and configuration come in as values; nothing is read or written here.
 *
 * For each act: the outcome summary, coverage and occupancy, money, equality, victims, risk and the
 * projection; for two acts or more, the comparison of the first with each other.
 */
import { entryAt } from '../domain/lookup.ts';
import { formatIsoDate } from '../domain/dates.ts';
import type { Plan } from '../engine/act/plan.ts';
import type { Law } from '../law/law.ts';
import type { Facilities } from '../registry/facilities.ts';
import type { Registry } from '../registry/registry.ts';
import type { ImpactConfig } from './config.ts';
import { coverage } from './coverage.ts';
import { summaryRow, transition } from './compare.ts';
import { equality } from './equality.ts';
import { DOUBT_KINDS } from '../engine/act/doubt.ts';
import { actImpactDoubts, type ImpactDoubtContext } from './doubt.ts';
import { daysSaved, money } from './money.ts';
import { parameterGiven, parameterUsed } from './parameters-used.ts';
import { projection } from './projection.ts';
import { IMPACT_SCHEMA_ID, type ActImpact, type ImpactReport, type ParameterUsed } from './report.ts';
import { outcomesSummary } from './outcomes.ts';
import { risk } from './risk.ts';
import { runAct, socialCategories, type ActRun } from './run.ts';
import { victims } from './victims.ts';

/** The outcome summary lives beside its rendering (./outcomes.ts); the use cases import it from here. */
export { outcomesSummary };

export interface ImpactOptions {
  /** The day the acts are evaluated as entering into force (their execution periods keep their length); default: each act's own. */
  asOfDay?: number;
  /** Share of the covered that courts grant, instead of the parameter's value. */
  grantRate?: number;
  /** Admissions a month, instead of the steady state. */
  admissions?: { institution: number; probation: number };
  horizonMonths?: number;
  riskRuns?: number;
  riskSeed?: number;
  /** Persons listed per transition (the count is always complete). */
  changesLimit?: number;
}

export interface ImpactInput {
  plans: Plan[];
  registry: Registry;
  registrySource: string;
  law: Law;
  facilities: Facilities | null;
  config: ImpactConfig;
  options?: ImpactOptions;
  /** The registry is a synthetic population (every figure then rests on it as an unverified input). */
  registrySynthetic?: boolean;
}

function actImpact(run: ActRun, input: ImpactInput, parameters: Map<string, ParameterUsed>, doubts: ImpactDoubtContext): ActImpact {
  const { registry, law, config } = input;
  const opts = input.options ?? {};
  const plan = run.plan;
  const categories = socialCategories(config, registry, law, run.day);
  const saved = daysSaved(run, registry, config.money.first_month_days);
  const moneySection = money(run, registry, law, config, saved);
  const grant = opts.grantRate === undefined ? parameterUsed(law, config.projection.grant_rate, run.day) : parameterGiven(parameterUsed(law, config.projection.grant_rate, run.day), opts.grantRate, 'given for this report (--grant-rate)', run.day);
  for (const p of [...moneySection.variants.flatMap((v) => [v.inmate_cost, v.probation_cost]), moneySection.letter_method.cost_per_day, grant]) parameters.set(`${p.name}@${p.from}`, p);
  const summary = outcomesSummary(run);
  const d = actImpactDoubts(
    doubts,
    run,
    summary,
    moneySection.variants.map((v) => [v.inmate_cost, v.probation_cost]),
    moneySection.letter_method.cost_per_day,
    grant,
  );
  summary.by_clause.forEach((r, j) => (r.unverified = entryAt(d.byClause, j, 'doubts of a clause')));
  summary.by_exclusion.forEach((r, k) => (r.unverified = entryAt(d.byExclusion, k, 'doubts of an exclusion')));
  moneySection.variants.forEach((v, k) => (v.unverified = entryAt(d.variants, k, 'doubts of a cost variant')));
  moneySection.letter_method.unverified = d.letterMethod;
  return {
    act: {
      id: plan.id,
      title: plan.source.title,
      hash: plan.hash,
      status: plan.source.status,
      entry_into_force: formatIsoDate(plan.entryIntoForce),
      execution_end: formatIsoDate(plan.executionEnd),
      as_of: formatIsoDate(run.day),
      as_of_execution_end: formatIsoDate(run.day + (plan.executionEnd - plan.entryIntoForce)),
      combine: plan.combine,
    },
    outcomes: summary,
    coverage: coverage(run, registry, input.facilities, categories, config),
    money: moneySection,
    equality: equality(run, registry, law, categories).section,
    victims: victims(run, registry, law, config).section,
    risk: risk(run, registry, config, { ...(opts.riskRuns !== undefined ? { runs: opts.riskRuns } : {}), ...(opts.riskSeed !== undefined ? { seed: opts.riskSeed } : {}) }),
    projection: projection(run, registry, {
      horizonMonths: opts.horizonMonths ?? config.projection.horizon_months,
      grantRate: grant,
      admissions: opts.admissions ?? null,
      costs: moneySection.variants.map((v) => [v.inmate_cost.value, v.probation_cost.value]),
    }),
    unverified: d.sections,
  };
}

export function computeImpact(given: ImpactInput): { report: ImpactReport; runs: ActRun[] } {
  const t0 = performance.now();
  // An estimate reads a parameter before its first value as that first value, marked extrapolated
  // (docs/impact.md); every parameter the acts and the report's categories read is listed.
  const reads = new Map<string, { name: string; day: number }>();
  const law: Law = { ...given.law, parameters: given.law.parameters.extrapolatingBackwards((name, day) => reads.set(`${name}@${day}`, { name, day })) };
  const input: ImpactInput = { ...given, law };
  const runs = input.plans.map((p) => runAct(p, input.registry, law, given.options?.asOfDay ?? p.entryIntoForce));
  const parameters = new Map<string, ParameterUsed>();
  const doubts: ImpactDoubtContext = { law: given.law, registry: input.registry, registrySynthetic: input.registrySynthetic ?? false, facilities: input.facilities, config: input.config, all: new Map() };
  const acts = runs.map((run) => actImpact(run, input, parameters, doubts));
  for (const { name, day } of reads.values()) {
    const p = parameterUsed(given.law, name, day);
    if (![...parameters.values()].some((q) => q.name === p.name && q.from === p.from)) parameters.set(`${p.name}@${p.from}`, p);
  }
  const limit = input.options?.changesLimit ?? 100;
  const comparison =
    runs.length < 2
      ? null
      : {
          acts: acts.map((a, k) => summaryRow(a, entryAt(runs, k, 'evaluations of the acts'), input.registry)),
          transitions: runs.slice(1).map((b) => transition(entryAt(runs, 0, 'evaluations of the acts'), b, input.registry, limit)),
        };
  const report: ImpactReport = {
    schema: IMPACT_SCHEMA_ID,
    registry: { source: input.registrySource, persons: input.registry.size },
    parameters: [...parameters.values()],
    acts,
    comparison,
    unverified_inputs: [...doubts.all.values()]
      .sort((a, b) => DOUBT_KINDS.indexOf(a.kind) - DOUBT_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key, 'en', { numeric: true }))
      .map((x) => ({ key: x.key, kind: x.kind, label: x.label })),
    compute_ms: Math.round((performance.now() - t0) * 10) / 10,
  };
  return { report, runs };
}
