/**
 * The benchmark's 1-thread figures of the kernel and of the floor, in a process of its own that
 * does nothing else (bench/run.ts starts it):
 *
 *   node dist/bench-one-thread.mjs <snapshot file | national> <rounds> [detached] <act.yaml>…
 *
 * It runs from a bundle on plain Node (bench/run.ts builds it with esbuild, oneThreadBundle), not
 * under tsx, for a reason of V8's: once any ArrayBuffer of a process has been detached — transferred,
 * or a WebAssembly memory grown — V8 gives up an assumption (its "array buffer detaching
 * protector") and from then on checks, at every typed-array access of optimized code, that the
 * buffer is still attached. tsx's module loader detaches buffers while it loads packages, and so
 * does PGlite's WebAssembly memory as it grows: in the benchmark's own process every access is
 * checked. The checks cost a tight loop such as the floor about a quarter of its time and the
 * kernel under a tenth, so measured there the floor is slower than it need be and kernel ÷ floor
 * looks better than it is. Here both run first with no buffer ever detached (bench/run.ts reads V8's
 * trace of the protector to say so), then, with `detached`, in a process that detaches one buffer
 * before it starts: as the server's process on PGlite, or under tsx.
 *
 * With `ordered` (instead of `detached`), every act is also timed on the same persons in the order
 * of their outcomes under it (status, clause, exclusion, reason, "almost eligible"; generation order
 * within each), as `<act> ordered`: there the processor guesses every person's path through the
 * kernel right, so the difference is what its wrong guesses cost in the registry's own order. No
 * registry is in such an order (it depends on the act): it measures, it is not a way to run.
 *
 * `national`: the default profile's registry (the national one), `rounds` rounds after 30 of warm-up,
 * each act's run timed by the wall clock and by the process's CPU time. A snapshot: `rounds` rounds
 * after a warm-up. Each round takes every act in turn — kernel, kernel as JavaScript, floor reading, floor reading and
 * writing — in an order reversed every other round. The kernel is timed as the product runs it
 * (WebAssembly, src/engine/act/kernel-wasm.ts, past the first runs that choose the shape of its
 * clauses) and, beside it, as JavaScript (`kernelJs`), its outcomes checked equal. Prints one line of JSON.
 */
import { loadavg } from 'node:os';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { RegistryBuilder, type Registry } from '../src/registry/registry.ts';
import { loadSnapshot } from '../src/registry/snapshot.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile } from '../src/registry/synthetic/profile.ts';
import { compileActKernel } from '../src/engine/act/kernel.ts';
import { newOutcomes, STATUSES, type Outcomes } from '../src/engine/act/outcome.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { floorColumns, floorFunction, floorSource } from './floor.ts';

/** What the process prints: per act, medians in ms. */
export interface OneThreadResult {
  persons: number;
  detached: boolean;
  load: [number, number];
  acts: {
    act: string;
    kernel: number;
    kernelCpu: number;
    kernelMin: number;
    /** The same kernel run as JavaScript (the product runs it as WebAssembly: src/engine/act/kernel-wasm.ts). */
    kernelJs: number;
    /** What ran `kernel`: 'wasm' with the shape of its clauses it kept (src/engine/act/kernel-wasm.ts measuredBound), or 'javascript' where the translator refused the act. */
    engine: string;
    floorRead: number;
    floorWrite: number;
    /** Persons by status (not covered, eligible, excluded, needs review): checked against the benchmark's own evaluation. */
    statuses: number[];
  }[];
}

const [source, roundsArg, ...rest] = process.argv.slice(2);
const detached = rest[0] === 'detached';
const ordered = rest[0] === 'ordered';
const actFiles = detached || ordered ? rest.slice(1) : rest;
const rounds = Number(roundsArg);
if (!source || !Number.isInteger(rounds) || rounds < 1 || actFiles.length === 0) throw new Error('usage: one-thread.mjs <snapshot | national> <rounds> [detached | ordered] <act.yaml>…');
// a process in which a buffer was detached, as under tsx or with PGlite
if (detached) structuredClone(new ArrayBuffer(8), { transfer: [new ArrayBuffer(8)] });

const law = loadLaw();
const national = source === 'national';
const registry: Registry = national ? nationalRegistry() : loadSnapshot(source, law.criminalCode, { shared: true });
const n = registry.size;

function nationalRegistry(): Registry {
  const profile = loadProfile(DEFAULT_PATHS.profile);
  const b = new RegistryBuilder(law.criminalCode);
  for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 2025 })) b.push(r);
  return b.finish(true);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The persons of `registry` in the order of their outcomes under an act (stable: generation order within an outcome). */
function inOrderOf(o: Outcomes): Registry {
  const key = (i: number) =>
    ((((((o.status[i]! * 64 + o.clause[i]! + 1) * 64 + o.exclusion[i]! + 1) * 16 + o.reason[i]!) * 4 + o.almostKind[i]!) * 64 + o.almostClause[i]! + 1) * 16) + o.almostCriterion[i]! + 1;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b));
  const b = new RegistryBuilder(law.criminalCode, n);
  for (const i of order) b.push(registry.record(i));
  return b.finish(true);
}

const acts = actFiles.map((file) => {
  const { plan } = loadAct(file, law);
  return { plan, kernel: compileActKernel(plan, law, 'wasm'), kernelJs: compileActKernel(plan, law, 'javascript') };
});

/** An act's kernel and floors on `on` (the registry, or its persons in another order), with their times. */
const runOf = ({ plan, kernel, kernelJs }: (typeof acts)[number], on: Registry, suffix: string) => {
  const tally = kernel.newTally();
  // as the product makes them: in the registry's image, where the WebAssembly kernel writes them in place
  const out = kernel.newOutcomes(on);
  const tallyJs = kernelJs.newTally();
  const outJs = kernelJs.newOutcomes(on);
  const inputs = kernel.inputs(on);
  const fc = floorColumns(on, inputs.columns, inputs.counted);
  const read = floorFunction(floorSource(fc.ints.length, fc.floats.length, false));
  const write = floorFunction(floorSource(fc.ints.length, fc.floats.length, true));
  const floorOut = newOutcomes(n);
  return {
    act: plan.id + suffix,
    kernel: () => {
      tally.reset();
      kernel.run(on, undefined, undefined, out, tally);
    },
    kernelJs: () => {
      tallyJs.reset();
      kernelJs.run(on, undefined, undefined, outJs, tallyJs);
    },
    engine: () => {
      const b = kernel.bound(on);
      return b.engine === 'wasm' ? `wasm, ${b.shape ?? 'shape not chosen'}` : b.engine;
    },
    /** Whether the kernel still times its shapes on this registry. */
    measuring: () => kernel.bound(on).shape === null,
    outJs,
    floorRead: () => read(fc.ints, fc.floats, null, 0, n),
    floorWrite: () => write(fc.ints, fc.floats, floorOut, 0, n),
    out,
    t: { kernel: [] as number[], cpu: [] as number[], kernelJs: [] as number[], floorRead: [] as number[], floorWrite: [] as number[] },
  };
};
const runs = acts.map((act) => runOf(act, registry, ''));
if (ordered)
  for (const [k, act] of acts.entries()) {
    const r = runs[k]!;
    r.kernel();
    runs.push(runOf(act, inOrderOf(r.out), ' ordered'));
  }

const warmUp = national || n <= 100_000 ? 30 : 2;
for (let w = 0; w < warmUp; w++) for (const r of runs) for (const f of [r.kernel, r.kernelJs, r.floorRead, r.floorWrite]) f();
// the kernel as the product runs it: after its first runs on a registry, which time its shapes
for (const r of runs) for (let w = 0; w < 20 && r.measuring(); w++) r.kernel();
const loadBefore = loadavg()[0]!;
for (let k = 0; k < rounds; k++) {
  for (const r of k % 2 === 0 ? runs : [...runs].reverse()) {
    const steps = [
      () => {
        const c = cpuMs();
        const s = performance.now();
        r.kernel();
        r.t.kernel.push(performance.now() - s);
        r.t.cpu.push(cpuMs() - c);
      },
      () => {
        const s = performance.now();
        r.kernelJs();
        r.t.kernelJs.push(performance.now() - s);
      },
      () => {
        const s = performance.now();
        r.floorRead();
        r.t.floorRead.push(performance.now() - s);
      },
      () => {
        const s = performance.now();
        r.floorWrite();
        r.t.floorWrite.push(performance.now() - s);
      },
    ];
    for (const step of k % 2 === 0 ? steps : steps.reverse()) step();
  }
}
const result: OneThreadResult = {
  persons: n,
  detached,
  load: [loadBefore, loadavg()[0]!],
  acts: runs.map((r) => {
    const statuses = STATUSES.map(() => 0);
    for (let i = 0; i < n; i++) statuses[r.out.status[i]!]!++;
    for (let i = 0; i < n; i++) if (r.outJs.status[i] !== r.out.status[i] || r.outJs.daysRemitted[i] !== r.out.daysRemitted[i]) throw new Error(`${r.act}: the kernel as JavaScript and as WebAssembly differ at person ${i}`);
    return { act: r.act, kernel: median(r.t.kernel), kernelCpu: median(r.t.cpu), kernelMin: Math.min(...r.t.kernel), kernelJs: median(r.t.kernelJs), engine: r.engine(), floorRead: median(r.t.floorRead), floorWrite: median(r.t.floorWrite), statuses };
  }),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
