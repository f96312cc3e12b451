/**
 * A worker of ParallelEvaluator: compiles the act once, then waits on the control block and
 * evaluates the chunks it takes, until told to stop. It never returns to its event loop after
 * starting: new columns arrive on its port and are read with receiveMessageOnPort.
 */
import { present } from '../../domain/lookup.ts';
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { loadLaw } from '../../law/law.ts';
import { Registry } from '../../registry/registry.ts';
import type { Tally } from './breakdown.ts';
import { compileActKernel, type BoundAct, type CompiledAct } from './kernel.ts';
import type { Outcomes } from './outcome.ts';
import { CTL, type Config, type WorkerInit } from './parallel.ts';
import { loadAct } from './plan.ts';

const law = loadLaw();
const port = present(parentPort, 'parallel-worker.ts runs in a worker thread only');

function serve(kernel: CompiledAct, init: WorkerInit): void {
  const ctl = new Int32Array(init.control);
  // 0 is the generation before the first evaluation, which may have begun already
  let gen = 0;
  let version = 0;
  let columns: { registry: Registry; out: Outcomes; tally: Tally } | null = null;
  let act: BoundAct | null = null;
  let boundDay = NaN;
  for (;;) {
    Atomics.wait(ctl, CTL.GEN, gen);
    gen = Atomics.load(ctl, CTL.GEN);
    if (Atomics.load(ctl, CTL.STOP) !== 0) return;
    try {
      const wanted = Atomics.load(ctl, CTL.CONFIG);
      while (version !== wanted) {
        const m = receiveMessageOnPort(init.port);
        if (!m) throw new Error(`columns version ${wanted} announced but not received`);
        const c = m.message as Config;
        version = c.version;
        const perThread = kernel.newTally().values.length;
        const tally = kernel.newTally(c.tallies.subarray(init.slot * perThread, (init.slot + 1) * perThread));
        columns = { registry: new Registry(c.size, [], c.columns, law.criminalCode), out: c.out, tally };
        act = null;
      }
      if (columns === null) throw new Error('an evaluation began before its columns arrived');
      const { registry, out, tally } = columns;
      const asOfDay = Atomics.load(ctl, CTL.AS_OF_DAY);
      if (act === null || boundDay !== asOfDay) {
        act = kernel.bind(registry, asOfDay);
        boundDay = asOfDay;
      }
      const chunks = Atomics.load(ctl, CTL.CHUNKS);
      const chunk = Atomics.load(ctl, CTL.CHUNK_SIZE);
      const size = Atomics.load(ctl, CTL.SIZE);
      for (;;) {
        const k = Atomics.add(ctl, CTL.NEXT, 1);
        if (k >= chunks) break;
        act.run(k * chunk, Math.min(size, (k + 1) * chunk), out, tally);
        if (Atomics.add(ctl, CTL.CHUNKS_DONE, 1) + 1 === chunks) Atomics.notify(ctl, CTL.CHUNKS_DONE);
      }
    } catch (e) {
      init.port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      Atomics.store(ctl, CTL.FAILED, 1);
      Atomics.notify(ctl, CTL.CHUNKS_DONE);
    }
    Atomics.add(ctl, CTL.CHECKED_IN, 1);
    Atomics.notify(ctl, CTL.CHECKED_IN);
  }
}

port.once('message', (init: WorkerInit) => {
  let kernel: CompiledAct;
  try {
    // JavaScript: as WebAssembly each worker would hold a copy of the registry's columns of its own
    kernel = compileActKernel(loadAct(init.actFile, law).plan, law, 'javascript');
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return;
  }
  port.postMessage({ ready: kernel.plan.hash });
  serve(kernel, init);
  port.close();
});
