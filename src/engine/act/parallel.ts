/**
 * The act kernel across threads: the calling thread and `threads - 1` worker threads evaluate
 * chunks of persons, taken in turn from a shared counter, so that a thread that meets costlier
 * persons takes fewer chunks. The registry's columns and the outcome columns lie in
 * SharedArrayBuffers; each thread counts the breakdowns of its chunks into its own tally, and the
 * tallies are added at the end — the outcome columns are not read again. Outcomes are identical to
 * the single-thread kernel's: the same generated code runs on disjoint ranges.
 *
 * The threads stay alive between evaluations and are woken through a control block in shared
 * memory (Atomics.wait / Atomics.notify), not by messages: a message costs a turn of the worker's
 * event loop, about as long as evaluating the national registry on one thread. Messages carry only
 * what changes rarely — the registry's columns and the outcome columns — once per change, read by
 * the worker with receiveMessageOnPort when the control block says that they changed.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Law } from '../../law/law.ts';
import { loadLaw } from '../../law/law.ts';
import type { Registry, RegistryColumns } from '../../registry/registry.ts';
import type { Breakdown, Tally } from './breakdown.ts';
import { compileActKernel, type BoundAct, type CompiledAct } from './kernel.ts';
import { deriveFrom, type Outcomes } from './outcome.ts';
import { loadAct } from './plan.ts';

/** Words of the control block (Int32Array over a SharedArrayBuffer). */
export const CTL = {
  /** Generation of the current evaluation; workers wait for it to change. */
  GEN: 0,
  /** The next chunk to take. */
  NEXT: 1,
  /** Chunks evaluated. */
  CHUNKS_DONE: 2,
  /** Workers done with the current generation. */
  CHECKED_IN: 3,
  CHUNKS: 4,
  CHUNK_SIZE: 5,
  SIZE: 6,
  AS_OF_DAY: 7,
  /** Version of the columns the workers must use (see Config). */
  CONFIG: 8,
  /** Set to stop the workers. */
  STOP: 9,
  /** Set by a worker that failed; its message is on its port. */
  FAILED: 10,
  WORDS: 16,
} as const;

/** What a worker is told once, when it starts. */
export interface WorkerInit {
  actFile: string;
  control: SharedArrayBuffer;
  port: MessagePort;
  /** The worker's tally slot (the calling thread has slot 0). */
  slot: number;
}

/** The columns to evaluate, sent to the workers when they change. */
export interface Config {
  version: number;
  size: number;
  columns: RegistryColumns;
  out: Outcomes;
  /** One tally per thread, one after the other. */
  tallies: Float64Array;
}

function isShared(registry: Registry): boolean {
  return Object.values(registry.columns).every((c) => ('codes' in c ? c.codes.buffer : c.buffer) instanceof SharedArrayBuffer);
}

/** Waits (blocking) until word `index` reaches at least `target`, or `failed()`; throws after `timeoutMs`. */
function waitAtLeast(ctl: Int32Array, index: number, target: number, failed: () => boolean, timeoutMs: number): void {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = Atomics.load(ctl, index);
    if (v >= target || failed()) return;
    if (performance.now() > deadline) throw new Error('worker threads did not answer in time');
    Atomics.wait(ctl, index, v, 100);
  }
}

/** Persons per chunk: about 8 chunks a thread, within bounds that keep a chunk's overhead small. */
function chunkSize(size: number, threads: number): number {
  return Math.min(65_536, Math.max(1_024, Math.ceil(size / (threads * 8))));
}

export interface ParallelResult {
  outcomes: Outcomes;
  breakdown: Breakdown;
}

export class ParallelEvaluator {
  private readonly ctl: Int32Array;
  private version = 0;
  private sentRegistry: Registry | null = null;
  private sentOut: Outcomes | null = null;
  private tallies: Float64Array;
  /** The threads' tallies added up, emptied before each evaluation (a new one costs microseconds). */
  private readonly total: Tally;
  private bound: { registry: Registry; asOfDay: number; act: BoundAct } | null = null;
  private closed = false;
  /**
   * How the last evaluation was shared: chunks in all, and those the calling thread evaluated. A
   * calling thread that took nearly all of them means the workers got little processor time.
   */
  share = { chunks: 0, byCallingThread: 0 };

  private constructor(
    private readonly kernel: CompiledAct,
    private readonly workers: Worker[],
    private readonly ports: MessagePort[],
    control: SharedArrayBuffer,
  ) {
    this.ctl = new Int32Array(control);
    this.total = kernel.newTally();
    this.tallies = new Float64Array(new SharedArrayBuffer(8 * this.total.values.length * (workers.length + 1)));
  }

  /**
   * Evaluates an act file on `threads` threads: the calling thread and `threads - 1` workers (each
   * loads the law and compiles the act once). With one thread, no worker is started.
   */
  static async create(actFile: string, threads: number, law: Law = loadLaw()): Promise<ParallelEvaluator> {
    if (!Number.isInteger(threads) || threads < 1) throw new Error(`threads must be a positive integer, not ${threads}`);
    const kernel = compileActKernel(loadAct(actFile, law).plan, law);
    const control = new SharedArrayBuffer(4 * CTL.WORDS);
    const ctl = new Int32Array(control);
    const url = new URL('./parallel-worker.mjs', import.meta.url);
    const workers: Worker[] = [];
    const ports: MessagePort[] = [];
    try {
      await Promise.all(
        Array.from({ length: threads - 1 }, (_, k) => {
          const { port1, port2 } = new MessageChannel();
          const w = new Worker(url);
          workers.push(w);
          ports.push(port1);
          return new Promise<void>((resolve, reject) => {
            w.once('message', (m: { ready?: string; error?: string }) => {
              if (m.ready === undefined) reject(new Error(m.error));
              else if (m.ready !== kernel.plan.hash) reject(new Error(`a worker compiled another version of ${actFile}`));
              else resolve();
            });
            w.once('error', reject);
            const init: WorkerInit = { actFile, control, port: port2, slot: k + 1 };
            w.postMessage(init, [port2]);
          });
        }),
      );
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    // A worker blocks in Atomics.wait between evaluations: it must not keep the process alive.
    for (const w of workers) w.unref();
    for (const p of ports) p.unref();
    Atomics.store(ctl, CTL.CHECKED_IN, workers.length);
    return new ParallelEvaluator(kernel, workers, ports, control);
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  /**
   * Every person's outcome and the standard breakdowns. The registry's columns must be shared
   * (RegistryBuilder.finish(true) or a shared snapshot), and so must `out`; passing the same `out`
   * again spares sending it to the workers.
   */
  evaluateWithBreakdown(registry: Registry, asOfDay: number = this.kernel.plan.entryIntoForce, out: Outcomes = this.kernel.newOutcomes(registry, true)): ParallelResult {
    if (this.closed) throw new Error('the evaluator is closed');
    if (!isShared(registry)) throw new Error('parallel evaluation needs a registry whose columns are in SharedArrayBuffers');
    if (out.size !== registry.size) throw new Error(`outcomes for ${out.size} persons, registry of ${registry.size}`);
    if (this.workers.length > 0 && !(out.status.buffer instanceof SharedArrayBuffer)) throw new Error('parallel evaluation needs outcome columns in SharedArrayBuffers (newOutcomes(size, true), or CompiledAct.newOutcomes)');
    const ctl = this.ctl;
    const failed = () => Atomics.load(ctl, CTL.FAILED) !== 0;
    const size = registry.size;
    const chunk = chunkSize(size, this.threads);
    const chunks = Math.ceil(size / chunk);
    const tallySize = this.tallies.length / this.threads;
    // Every worker is done with the previous evaluation (normally long since).
    waitAtLeast(ctl, CTL.CHECKED_IN, this.workers.length, failed, 60_000);
    this.throwIfFailed();
    this.tallies.fill(0);
    deriveFrom(out, registry.columns.sentenceEndDay, this.kernel.clauseMeasures);
    const useWorkers = this.workers.length > 0 && chunks > 1;
    if (useWorkers) {
      if (this.sentRegistry !== registry || this.sentOut !== out) {
        const config: Config = { version: ++this.version, size, columns: registry.columns, out, tallies: this.tallies };
        for (const p of this.ports) p.postMessage(config);
        Atomics.store(ctl, CTL.CONFIG, this.version);
        this.sentRegistry = registry;
        this.sentOut = out;
      }
      Atomics.store(ctl, CTL.SIZE, size);
      Atomics.store(ctl, CTL.CHUNK_SIZE, chunk);
      Atomics.store(ctl, CTL.CHUNKS, chunks);
      Atomics.store(ctl, CTL.AS_OF_DAY, asOfDay);
      Atomics.store(ctl, CTL.NEXT, 0);
      Atomics.store(ctl, CTL.CHUNKS_DONE, 0);
      Atomics.store(ctl, CTL.CHECKED_IN, 0);
      Atomics.add(ctl, CTL.GEN, 1);
      Atomics.notify(ctl, CTL.GEN);
    }
    // The calling thread takes chunks too.
    if (this.bound?.registry !== registry || this.bound.asOfDay !== asOfDay) this.bound = { registry, asOfDay, act: this.kernel.bind(registry, asOfDay) };
    const act = this.bound.act;
    const mine = this.kernel.newTally(this.tallies.subarray(0, tallySize));
    if (!useWorkers) {
      act.run(0, size, out, mine);
      this.share = { chunks: 1, byCallingThread: 1 };
    } else {
      let taken = 0;
      for (;;) {
        const k = Atomics.add(ctl, CTL.NEXT, 1);
        if (k >= chunks) break;
        act.run(k * chunk, Math.min(size, (k + 1) * chunk), out, mine);
        Atomics.add(ctl, CTL.CHUNKS_DONE, 1);
        taken++;
      }
      this.share = { chunks, byCallingThread: taken };
      waitAtLeast(ctl, CTL.CHUNKS_DONE, chunks, failed, 600_000);
      this.throwIfFailed();
    }
    const total = this.total;
    total.reset();
    for (let t = 0; t < this.threads; t++) total.add(this.kernel.newTally(this.tallies.subarray(t * tallySize, (t + 1) * tallySize)));
    return { outcomes: out, breakdown: total.toBreakdown() };
  }

  /** Every person's outcome (see evaluateWithBreakdown). */
  async evaluate(registry: Registry, asOfDay?: number, out: Outcomes = this.kernel.newOutcomes(registry, true)): Promise<Outcomes> {
    return this.evaluateWithBreakdown(registry, asOfDay, out).outcomes;
  }

  private throwIfFailed(): void {
    if (Atomics.load(this.ctl, CTL.FAILED) === 0) return;
    const messages = this.ports.flatMap((p) => {
      const m = receiveMessageOnPort(p)?.message as { error?: string } | undefined;
      return m?.error ? [m.error] : [];
    });
    throw new Error(`a worker thread failed: ${messages.join('\n') || 'no message'}`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctl, CTL.STOP, 1);
    Atomics.add(this.ctl, CTL.GEN, 1);
    Atomics.notify(this.ctl, CTL.GEN);
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const p of this.ports) p.close();
  }
}
