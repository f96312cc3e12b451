/**
 * The engine's entry points: compile(act, law) → plan (./plan.ts), evaluate(plan, registry, asOf)
 * → outcomes, explain(plan, person, asOf) → trace (./explain.ts). Pure: no I/O, no clock in what
 * it computes. (The loop as WebAssembly times its first runs on a registry to keep the faster of two
 * shapes of the same source, ./kernel-wasm.ts measuredBound: that changes how fast, never what.)
 */
import type { Law } from '../../law/law.ts';
import type { Registry } from '../../registry/registry.ts';
import type { Breakdown, Tally } from './breakdown.ts';
import { compileActKernel, type CompiledAct } from './kernel.ts';
import { outcomeAt, type Outcome, type Outcomes } from './outcome.ts';
import type { Plan } from './plan.ts';
import { explain } from './explain.ts';

const kernels = new WeakMap<Plan, CompiledAct>();
/**
 * A tally per kernel, emptied before each evaluation: a new one (several thousand counters) took
 * up to a percent of a re-evaluation of the national registry. Evaluations are synchronous, so one
 * suffices per kernel and thread; the breakdown is copied out of it before it is used again.
 */
const tallies = new WeakMap<CompiledAct, Tally>();

export function kernelOf(plan: Plan, law: Law): CompiledAct {
  let k = kernels.get(plan);
  if (!k) {
    k = compileActKernel(plan, law);
    kernels.set(plan, k);
  }
  return k;
}

/** Every person's outcome; `asOfDay` stands for the day of entry into force (default: the act's). */
export function evaluate(plan: Plan, registry: Registry, law: Law, asOfDay: number = plan.entryIntoForce): Outcomes {
  return kernelOf(plan, law).run(registry, asOfDay);
}

/**
 * Every person's outcome and the standard breakdowns, counted in the same pass; `out` may be
 * given to reuse its columns.
 */
export function evaluateWithBreakdown(
  plan: Plan,
  registry: Registry,
  law: Law,
  asOfDay: number = plan.entryIntoForce,
  out?: Outcomes,
): { outcomes: Outcomes; breakdown: Breakdown } {
  const kernel = kernelOf(plan, law);
  // in the registry's WebAssembly image where the kernel runs as WebAssembly: written in place
  out ??= kernel.newOutcomes(registry);
  let tally = tallies.get(kernel);
  if (tally) tally.reset();
  else tallies.set(kernel, (tally = kernel.newTally()));
  kernel.run(registry, asOfDay, undefined, out, tally);
  return { outcomes: out, breakdown: tally.toBreakdown() };
}

/**
 * The details that only a second look at one person gives: for needs_review, the unknown facts the
 * decision needs (the first day of an outcome `later` is in the outcome columns).
 */
export function outcomeDetails(plan: Plan, registry: Registry, law: Law, outcomes: Outcomes, i: number, asOfDay: number = plan.entryIntoForce): { outcome: Outcome; reasons: string[] } {
  const outcome = outcomeAt(outcomes, i);
  const reasons: string[] = [outcome.reason];
  if (outcome.status === 'needs_review') {
    const trace = explain(plan, registry.record(i), law, asOfDay);
    for (const f of trace.unknownFacts) reasons.push(`unknown:${f}`);
  }
  return { outcome, reasons };
}
