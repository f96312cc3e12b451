/**
 * Evaluation use cases: run an act on a registry with full provenance (idempotent: the same inputs
 * give the same run), the impact report and the comparison of acts, and the what-if evaluation of an
 * unsaved draft that stores nothing.
 */
import { msg } from '../i18n/message.ts';
import { createHash } from 'node:crypto';
import { formatIsoDate, isoDay, parseIsoDate } from '../domain/dates.ts';
import { entryAt, present } from '../domain/lookup.ts';
import { evaluate, evaluateWithBreakdown, outcomeDetails } from '../engine/act/evaluate.ts';
import { actDoubts, outcomeDoubts, type ActDoubts } from '../engine/act/doubt.ts';
import { measureAt, newEndAt, outcomeAt, outcomeRow, STATUS } from '../engine/act/outcome.ts';
import type { Law } from '../law/law.ts';
import { MEASURE_CODES, type Plan } from '../engine/act/plan.ts';
import { ALMOST_KINDS, REASONS, STATUSES } from '../engine/act/outcome.ts';
import { API_MESSAGES } from '../i18n/api.ts';
import { computeImpact, type ImpactInput, type ImpactOptions } from '../impact/impact.ts';
import { impactReportSchema, type ImpactReport } from '../impact/report.ts';
import { runFromOutcomes, type ActRun } from '../impact/run.ts';
import type { Registry } from '../registry/registry.ts';
import { appendAuditIn } from '../store/audit.ts';
import type { RegistryRef } from '../store/registries.ts';
import { getRun, insertRun, type RunRecord, type StoredOutcome } from '../store/runs.ts';
import { readAct, readActPlan } from './acts.ts';
import type { Actor, AppContext, Evaluated } from './context.ts';
import { AppError } from './errors.ts';
import { openRegistry } from './registries.ts';

/** The day an act is evaluated on: the given one, or the act's day of entry into force. */
export function dayOf(plan: Plan, asOf: string | undefined): number {
  if (asOf === undefined) return plan.entryIntoForce;
  if (parseIsoDate(asOf) === null) throw new AppError('bad_request', API_MESSAGES.bad_date, { value: asOf }, [{ path: '$.as_of', message: msg('data.expected_date') }]);
  return isoDay(asOf);
}

/**
 * The plan as evaluated on another day: both of its days move together, which is exactly what
 * evaluating with `asOfDay` does (the execution period keeps its length).
 */
export function planOn(plan: Plan, day: number): Plan {
  if (day === plan.entryIntoForce) return plan;
  return { ...plan, entryIntoForce: day, executionEnd: day + (plan.executionEnd - plan.entryIntoForce) };
}

export async function registryFor(ctx: AppContext, registryId: string | undefined): Promise<{ info: RegistryRef; registry: Registry }> {
  return openRegistry(ctx, registryId);
}

/** Every person's outcome of a plan on a registry and day, kept in memory by content hashes. */
export function evaluatedOn(ctx: AppContext, plan: Plan, registryId: string, registry: Registry, day: number): Evaluated {
  const key = `${plan.hash}|${registryId}|${day}`;
  const cached = ctx.evaluations.get(key);
  if (cached) return cached;
  const t0 = performance.now();
  const { outcomes, breakdown } = evaluateWithBreakdown(plan, registry, ctx.env.law, day);
  const result = { outcomes, breakdown, ms: performance.now() - t0 };
  ctx.evaluations.set(key, result);
  return result;
}

export function actRunOn(ctx: AppContext, plan: Plan, registryId: string, registry: Registry, day: number): ActRun {
  return runFromOutcomes(planOn(plan, day), evaluatedOn(ctx, plan, registryId, registry, day).outcomes, day, ctx.env.law);
}

/** The key of a run: the hashes of everything it reads. */
export function runKey(ctx: AppContext, actHash: string, registryId: string, day: number): string {
  return createHash('sha256')
    .update(['amnestia.run/1', actHash, ctx.env.lawFingerprint.hash, registryId, formatIsoDate(day), ctx.env.engineVersion].join('\n'))
    .digest('hex');
}

export interface RunRequest {
  act: string;
  version?: number | undefined;
  registry?: string | undefined;
  asOf?: string | undefined;
}

function storedOutcomes(run: ActRun, registry: Registry): Iterable<StoredOutcome> {
  const o = run.outcomes;
  const plan = run.plan;
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < o.size; i++) {
        const d = o.daysRemitted[i]!;
        const end = newEndAt(o, i);
        const status = entryAt(STATUSES, o.status[i]!, 'outcome status');
        const almost = entryAt(ALMOST_KINDS, o.almostKind[i]!, 'almost kind');
        const clause = o.clause[i]!;
        const exclusion = o.exclusion[i]!;
        const almostClause = o.almostClause[i]!;
        yield {
          personId: registry.personId[i]!,
          status,
          measure: measureAt(o, i) === 0 ? null : entryAt(MEASURE_CODES, measureAt(o, i), 'measure code'),
          clauseId: clause >= 0 ? entryAt(plan.clauses, clause, 'clause index').id : null,
          exclusionId: exclusion >= 0 ? entryAt(plan.exclusions, exclusion, 'exclusion index').id : null,
          daysRemitted: d < 0 ? null : d,
          newEnd: end === -2147483648 ? null : formatIsoDate(end),
          reason: entryAt(REASONS, o.reason[i]!, 'outcome reason'),
          almostKind: almost === 'none' ? null : almost,
          almostClause: almost === 'none' || almostClause < 0 ? null : (plan.clauses[almostClause]?.id ?? null),
        };
      }
    },
  };
}

/**
 * Runs an act on a registry (the current one by default) and stores the run with its provenance,
 * summary, impact report and every outcome — or finds the run these inputs already made.
 */
export async function runEvaluation(ctx: AppContext, actor: Actor, req: RunRequest): Promise<{ run: RunRecord; created: boolean }> {
  const t0 = performance.now();
  const { act, version, plan } = await readAct(ctx, req.act, req.version);
  const { info, registry } = await registryFor(ctx, req.registry);
  const day = dayOf(plan, req.asOf);
  const id = runKey(ctx, plan.hash, info.id, day);
  const existing = await getRun(ctx.db, id);
  if (existing) return { run: existing, created: false };
  const t1 = performance.now();
  const evaluated = evaluatedOn(ctx, plan, info.id, registry, day);
  const t2 = performance.now();
  const impact = impactOn(ctx, [planOn(plan, day)], info, registry, {});
  const t3 = performance.now();
  const run = runFromOutcomes(planOn(plan, day), evaluated.outcomes, day, ctx.env.law);
  const summary = present(impact.acts[0], 'the impact of one act has no act').outcomes;
  const record = {
    id,
    actId: act.id,
    actVersion: version.version,
    actHash: plan.hash,
    registryId: info.id,
    lawHash: ctx.env.lawFingerprint.hash,
    lawFiles: ctx.env.lawFingerprint.files,
    asOf: formatIsoDate(day),
    engineVersion: ctx.env.engineVersion,
    persons: registry.size,
    summary,
    impact,
    createdBy: actor.userId,
    timings: { load_ms: round(t1 - t0), evaluate_ms: round(evaluated.ms || t2 - t1), impact_ms: round(t3 - t2) } as Record<string, number>,
  };
  const t4 = performance.now();
  try {
    await ctx.db.transaction(async (tx) => {
      record.timings['store_ms'] = 0;
      await insertRun(tx, record, storedOutcomes(run, registry));
      await appendAuditIn(tx, {
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        action: 'evaluation.run',
        target: { run_id: id, act_id: act.id, act_version: version.version, registry_id: info.id, as_of: formatIsoDate(day) },
        result: 'ok',
        ip: actor.ip,
      });
    });
  } catch (e) {
    // Two requests for the same run at once: the other one stored it.
    const again = await getRun(ctx.db, id);
    if (again) return { run: again, created: false };
    throw e;
  }
  const stored = await getRun(ctx.db, id);
  if (!stored) throw new Error(`run ${id} vanished after it was stored`);
  stored.timings['store_ms'] = round(performance.now() - t4);
  return { run: stored, created: true };
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

/** A registry generated from a profile: every figure on it rests on the synthetic population (docs/doubt.md). */
export function isSynthetic(info: RegistryRef): boolean {
  return info.source.startsWith('synthetic');
}

/**
 * The impact report of acts on a registry (`amnestia impact`, the server's runs and comparisons),
 * checked against its contract (docs/impact.md) before it leaves.
 */
export function impactReport(input: ImpactInput): { report: ImpactReport; runs: ActRun[] } {
  const { report, runs } = computeImpact(input);
  return { report: impactReportSchema.parse(report), runs };
}

export function impactOn(ctx: AppContext, plans: Plan[], info: RegistryRef, registry: Registry, options: ImpactOptions): ImpactReport {
  const { report } = impactReport({
    plans,
    registry,
    registrySource: `${info.name} (${info.id.slice(0, 12)})`,
    registrySynthetic: isSynthetic(info),
    law: ctx.env.law,
    facilities: ctx.env.facilities,
    config: ctx.env.impactConfig,
    options,
  });
  return report;
}

export interface CompareRequest {
  acts: { act: string; version?: number | undefined }[];
  registry?: string | undefined;
  asOf?: string | undefined;
  changes?: number | undefined;
}

export async function compareActs(ctx: AppContext, req: CompareRequest): Promise<{ report: ImpactReport; registry: RegistryRef; acts: { id: string; version: number; hash: string }[] }> {
  if (req.acts.length < 2 || req.acts.length > 4) throw new AppError('bad_request', API_MESSAGES.compare_count, {}, [{ path: '$.acts', message: msg('data.items_between', { min: 2, max: 4 }) }]);
  const resolved = [];
  for (const a of req.acts) resolved.push(await readActPlan(ctx, a.act, a.version));
  const { info, registry } = await registryFor(ctx, req.registry);
  const plans = resolved.map((r) => planOn(r.plan, dayOf(r.plan, req.asOf)));
  const report = impactOn(ctx, plans, info, registry, { changesLimit: req.changes ?? 100 });
  return { report, registry: info, acts: resolved.map((r) => ({ id: r.actId, version: r.version, hash: r.plan.hash })) };
}

/**
 * Every person's outcome as `amnestia evaluate` writes it (the legal basis, the reasons — with the
 * unknown facts of a decision that needs review — and the unverified inputs it rests on), one at a
 * time in registry order. `doubts` names what the keys of `unverified` stand for.
 */
export function outcomeRows(plan: Plan, registry: Registry, law: Law, day: number): { doubts: ActDoubts; rows: Iterable<{ status: string; unverified: string[]; row: ReturnType<typeof outcomeRow> }> } {
  const outcomes = evaluate(plan, registry, law, day);
  const doubts = actDoubts(plan, law, day);
  function* rows() {
    for (let i = 0; i < registry.size; i++) {
      const needsDetail = outcomes.status[i] === STATUS.needs_review;
      const { outcome, reasons } = needsDetail ? outcomeDetails(plan, registry, law, outcomes, i, day) : { outcome: outcomeAt(outcomes, i), reasons: [] as string[] };
      const unverified = outcomeDoubts(doubts, outcome, (registry.articlesOf(i) ?? []).map((a) => entryAt(law.criminalCode.parts, a, 'law part')));
      yield { status: outcome.status, unverified, row: outcomeRow(plan, registry.personId[i]!, outcome, needsDetail ? reasons : [outcome.reason], unverified) };
    }
  }
  return { doubts, rows: rows() };
}
