/**
 * The memory of a kernel evaluation, in a process of its own (bench/run.ts starts it): loads a
 * registry snapshot, evaluates every act given on 1 thread and on 2 threads (outcomes and
 * breakdowns), and reports the peak resident set size of the process.
 *
 *   tsx bench/kernel-rss.ts <snapshot> <act.yaml>…
 */
import { loadLaw } from '../src/law/law.ts';
import { peakRss } from './peak-rss.ts';
import { loadSnapshot } from '../src/registry/snapshot.ts';
import { compileActKernel } from '../src/engine/act/kernel.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { ParallelEvaluator } from '../src/engine/act/parallel.ts';

const [file, ...acts] = process.argv.slice(2);
if (!file || acts.length === 0) throw new Error('usage: kernel-rss.ts <snapshot> <act.yaml>…');
const law = loadLaw();
const registry = loadSnapshot(file, law.criminalCode, { shared: true });
const afterLoad = process.memoryUsage().rss;
// as the product makes them: in the registry's WebAssembly image (one set for every act: they have the same mask width)
const first = compileActKernel(loadAct(acts[0]!, law).plan, law);
const out1 = first.newOutcomes(registry);
const out2 = first.newOutcomes(registry, true);
for (const act of acts) {
  const kernel = compileActKernel(loadAct(act, law).plan, law);
  kernel.run(registry, undefined, undefined, out1, kernel.newTally());
  const par = await ParallelEvaluator.create(act, 2, law);
  par.evaluateWithBreakdown(registry, undefined, out2);
  await par.close();
}
process.stdout.write(JSON.stringify({ persons: registry.size, columnBytes: registry.columnBytes(), rssAfterLoad: afterLoad, maxRssBytes: peakRss() }));
