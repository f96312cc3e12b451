/**
 * Impact of acts over a registry: `computeImpact(input) → ImpactReport` (./report.ts). Pure: the
 * registry, law, facilities and configuration come in as values; nothing is read or written here.
 *
 * For each act: the outcome summary, coverage and occupancy, money, equality, victims, risk and the
 * projection; for two acts or more, the comparison of the first with each other.
 */
import { formatIsoDate } from '../domain/dates.ts';
import { MEASURE_CODES, measureCode, type Plan } from '../engine/act/plan.ts';
import { STATUSES } from '../engine/act/outcome.ts';
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
import { IMPACT_SCHEMA_ID, type ActImpact, type ImpactReport, type OutcomesSummary, type ParameterUsed } from './report.ts';
import { risk } from './risk.ts';
import { runAct, socialCategories, type ActRun } from './run.ts';
import { victims } from './victims.ts';

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

export function outcomesSummary(run: ActRun): OutcomesSummary {
  const o = run.outcomes;
  const plan = run.plan;
  const byStatus = new Float64Array(STATUSES.length);
  const byMeasure = new Float64Array(MEASURE_CODES.length);
  const clausePersons = new Float64Array(plan.clauses.length);
  const clauseDays = new Float64Array(plan.clauses.length);
  const exclusion = new Float64Array(plan.exclusions.length);
  let days = 0;
  const allApply = plan.combine === 'all_that_apply';
  for (let i = 0; i < o.size; i++) {
    if (!run.serving[i]) continue;
    const s = o.status[i]!;
    byStatus[s]!++;
    if (run.kind[i]! >= 0) {
      byMeasure[o.measure[i]!]!++;
      const j = o.clause[i]!;
      // Under all_that_apply a person counts under every clause that applies (their days once, under `clause`).
      if (allApply) {
        for (let q = 0; q < plan.clauses.length; q++) if ((o.clauseMask[i * o.maskWords + (q >> 5)]! >>> (q & 31)) & 1) clausePersons[q]!++;
      } else clausePersons[j]!++;
      const d = o.daysRemitted[i]!;
      if (d > 0) {
        clauseDays[j]! += d;
        days += d;
      }
    } else if (s === 2 && o.exclusion[i]! >= 0) exclusion[o.exclusion[i]!]!++;
  }
  return {
    persons: byStatus.reduce((a, b) => a + b, 0),
    by_status: Object.fromEntries(STATUSES.map((s, k) => [s, byStatus[k]!])),
    by_measure: Object.fromEntries(MEASURE_CODES.map((m, k) => [m, byMeasure[k]!]).filter(([m, n]) => m !== 'none' && (n as number) > 0)),
    by_clause: plan.clauses.map((c, j) => ({ id: c.id, ref: c.ref, label: c.label, measure: MEASURE_CODES[measureCode(c.measure)]!, persons: clausePersons[j]!, days_remitted: clauseDays[j]!, unverified: [] as string[] })),
    by_exclusion: plan.exclusions.map((x, k) => ({ id: x.id, ref: x.ref, text: x.label ?? { kk: x.text.kk, ru: x.text.ru, en: x.text.en ?? x.text.ru }, persons: exclusion[k]!, unverified: [] as string[] })),
    days_remitted: days,
  };
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
  summary.by_clause.forEach((r, j) => (r.unverified = d.byClause[j]!));
  summary.by_exclusion.forEach((r, k) => (r.unverified = d.byExclusion[k]!));
  moneySection.variants.forEach((v, k) => (v.unverified = d.variants[k]!));
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
          acts: acts.map((a, k) => summaryRow(a, runs[k]!, input.registry)),
          transitions: runs.slice(1).map((b) => transition(runs[0]!, b, input.registry, limit)),
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
