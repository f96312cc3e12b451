/** A worker of ParallelEvaluator: compiles the act once, then evaluates the ranges it is sent. */
import { parentPort } from 'node:worker_threads';
import { loadLaw } from '../../law/law.ts';
import { Registry } from '../../registry/registry.ts';
import { compileActKernel, type CompiledAct } from './kernel.ts';
import { loadAct } from './plan.ts';
import type { Job } from './parallel.ts';

const law = loadLaw();
let kernel: CompiledAct | null = null;

parentPort!.on('message', (m: { init?: string; job?: Job }) => {
  try {
    if (m.init !== undefined) {
      kernel = compileActKernel(loadAct(m.init, law).plan, law);
      parentPort!.postMessage({ ready: true });
      return;
    }
    const job = m.job!;
    const registry = new Registry(job.size, [], job.columns, law.criminalCode);
    kernel!.run(registry, job.asOfDay ?? undefined, { start: job.start, end: job.end }, job.out);
    parentPort!.postMessage({ done: true });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
