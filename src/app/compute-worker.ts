/**
 * A worker thread of the compute pool (./compute-pool.ts): loads the law and data files once, keeps
 * the registries it is sent (their columns in shared memory: nothing is copied) and the plans it
 * compiled, and answers what-if requests with `whatIfOn` — the same function the server runs inline.
 */
import { parentPort } from 'node:worker_threads';
import type { Plan } from '../engine/act/plan.ts';
import { Registry, type RegistryColumns } from '../registry/registry.ts';
import { actFileLabel, planOf } from './acts.ts';
import { Lru } from './context.ts';
import { loadEnvironment } from './environment.ts';
import { AppError } from './errors.ts';
import { whatIfOn, type WhatIfSection } from './what-if.ts';

export type ToWorker =
  | { kind: 'registry'; id: string; size: number; personIds: readonly string[]; columns: RegistryColumns }
  | { kind: 'whatIf'; n: number; source: string; registryId: string; registryName: string; asOf: string | undefined; sections: readonly WhatIfSection[] };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'answer'; n: number; ok: true; result: unknown }
  | { kind: 'answer'; n: number; ok: false; error: { code: AppError['code']; text: AppError['text']; params: AppError['params']; locations: AppError['locations']; details: AppError['details'] } | { message: string } };

const port = parentPort;
if (!port) throw new Error('compute-worker runs as a worker thread');

const env = loadEnvironment();
const plans = new Lru<string, Plan>(64);
const registries = new Map<string, Registry>();

port.on('message', (m: ToWorker) => {
  if (m.kind === 'registry') {
    // Keep the two newest: a registry is switched rarely, and each holds the person ids.
    if (registries.size >= 2) registries.delete(registries.keys().next().value as string);
    registries.set(m.id, new Registry(m.size, m.personIds, m.columns, env.law.criminalCode));
    return;
  }
  try {
    const registry = registries.get(m.registryId);
    if (!registry) throw new Error(`registry ${m.registryId} was not sent to this worker`);
    const t0 = performance.now();
    const plan = planOf({ plans, env }, m.source, actFileLabel('draft'));
    const result = whatIfOn(env, plan, registry, { id: m.registryId, name: m.registryName }, m.asOf, m.sections, performance.now() - t0);
    result.computed_on = 'worker';
    port.postMessage({ kind: 'answer', n: m.n, ok: true, result } satisfies FromWorker);
  } catch (e) {
    const error = e instanceof AppError ? { code: e.code, text: e.text, params: e.params, locations: e.locations, details: e.details } : { message: e instanceof Error ? e.message : String(e) };
    port.postMessage({ kind: 'answer', n: m.n, ok: false, error } satisfies FromWorker);
  }
});

port.postMessage({ kind: 'ready' } satisfies FromWorker);
