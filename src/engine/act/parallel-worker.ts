/** A worker of ParallelEvaluator: compiles the act once, then evaluates the ranges it is sent. */
import { parentPort } from 'node:worker_threads';
import { loadLaw } from '../../law/law.ts';
import { Registry } from '../../registry/registry.ts';
import { compileActKernel, type CompiledAct } from './kernel.ts';
import { loadAct } from './plan.ts';
import type { Job } from './parallel.ts';
import type { Outcomes } from './outcome.ts';

const law = loadLaw();
let kernel: CompiledAct | null = null;
let registry: Registry | null = null;
let out: Outcomes | null = null;

parentPort!.on('message', (m: { init?: string; job?: Job }) => {
  try {
    if (m.init !== undefined) {
      kernel = compileActKernel(loadAct(m.init, law).plan, law);
      parentPort!.postMessage({ ready: true });
      return;
    }
    const job = m.job!;
    if (job.registry) {
      registry = new Registry(job.registry.size, [], job.registry.columns, law.criminalCode);
      out = job.registry.out;
    }
    kernel!.run(registry!, job.asOfDay ?? undefined, { start: job.start, end: job.end }, out!);
    parentPort!.postMessage({ done: true });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
