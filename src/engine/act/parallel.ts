/**
 * The act kernel across worker threads: the registry's columns and the outcome columns lie in
 * SharedArrayBuffers; each worker compiles the same act (from its file) and evaluates a range of
 * persons. Outcomes are identical to the single-thread kernel's — the same generated code runs on
 * disjoint ranges.
 */
import { Worker } from 'node:worker_threads';
import type { Registry, RegistryColumns } from '../../registry/registry.ts';
import { newOutcomes, type Outcomes } from './outcome.ts';

interface Job {
  /** Sent when the registry or the outcome columns change; otherwise the worker keeps the last ones. */
  registry?: { size: number; columns: RegistryColumns; out: Outcomes };
  start: number;
  end: number;
  asOfDay: number | null;
}

function isShared(registry: Registry): boolean {
  return Object.values(registry.columns).every((c) => ('codes' in c ? c.codes.buffer : c.buffer) instanceof SharedArrayBuffer);
}

export class ParallelEvaluator {
  private sentRegistry: Registry | null = null;
  private sentOut: Outcomes | null = null;

  private constructor(private readonly workers: Worker[]) {}

  /** Starts `threads` workers for an act file (each loads the law and compiles the act once). */
  static async create(actFile: string, threads: number): Promise<ParallelEvaluator> {
    const url = new URL('./parallel-worker.mjs', import.meta.url);
    const workers = Array.from({ length: threads }, () => new Worker(url));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error))));
            w.once('error', reject);
            w.postMessage({ init: actFile });
          }),
      ),
    );
    return new ParallelEvaluator(workers);
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Every person's outcome; the registry's columns must be shared (RegistryBuilder.finish(true) or a shared snapshot). */
  async evaluate(registry: Registry, asOfDay?: number, out: Outcomes = newOutcomes(registry.size, true)): Promise<Outcomes> {
    if (!isShared(registry)) throw new Error('parallel evaluation needs a registry whose columns are in SharedArrayBuffers');
    const n = this.workers.length;
    const chunk = Math.ceil(registry.size / n);
    // The shared columns are sent once; later calls send only the ranges.
    const fresh = this.sentRegistry !== registry || this.sentOut !== out;
    this.sentRegistry = registry;
    this.sentOut = out;
    await Promise.all(
      this.workers.map((w, k) => {
        const job: Job = {
          ...(fresh ? { registry: { size: registry.size, columns: registry.columns, out } } : {}),
          start: Math.min(registry.size, k * chunk),
          end: Math.min(registry.size, (k + 1) * chunk),
          asOfDay: asOfDay ?? null,
        };
        return new Promise<void>((resolve, reject) => {
          w.once('message', (m: { done?: boolean; error?: string }) => (m.done ? resolve() : reject(new Error(m.error))));
          w.postMessage({ job });
        });
      }),
    );
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export type { Job };
