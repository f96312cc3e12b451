/**
 * A pool of worker threads for the work the editor asks for on every keystroke (what-if): each
 * worker compiles the draft and evaluates it on the registry, whose columns lie in shared memory,
 * so the HTTP thread only parses requests and sends answers, and every core evaluates. Requests go
 * to the worker with the fewest waiting; a worker that dies fails its requests (a 500 with a
 * reference) and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { Registry, RegistryColumns } from '../registry/registry.ts';
import { Registry as RegistryClass } from '../registry/registry.ts';
import { AppError } from './errors.ts';
import type { FromWorker, ToWorker } from './compute-worker.ts';
import type { WhatIfResult, WhatIfSection } from './what-if.ts';

type TypedColumn = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

function sharedArray<T extends TypedColumn>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const ctor = a.constructor as { new (b: SharedArrayBuffer): T };
  const copy = new ctor(new SharedArrayBuffer(a.byteLength));
  (copy as unknown as { set(x: ArrayLike<number>): void }).set(a);
  return copy;
}

/** The registry with every column in a SharedArrayBuffer (copied once if it is not already). */
export function sharedRegistry(registry: Registry): Registry {
  const cols = registry.columns as unknown as Record<string, TypedColumn | { codes: Uint32Array; values: string[] }>;
  const out: Record<string, unknown> = {};
  let copied = false;
  for (const [name, col] of Object.entries(cols)) {
    if ('codes' in col) {
      const codes = sharedArray(col.codes);
      copied ||= codes !== col.codes;
      out[name] = { codes, values: col.values };
    } else {
      const a = sharedArray(col);
      copied ||= a !== col;
      out[name] = a;
    }
  }
  return copied ? new RegistryClass(registry.size, registry.personId, out as unknown as RegistryColumns, registry.law) : registry;
}

interface Pending {
  resolve: (r: WhatIfResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Registry ids this worker holds. */
  registries: Set<string>;
  pending: Map<number, Pending>;
}

export interface WhatIfJob {
  source: string;
  registryId: string;
  registryName: string;
  registry: Registry;
  asOf: string | undefined;
  sections: readonly WhatIfSection[];
}

export class ComputePool {
  private readonly slots: Slot[] = [];
  private readonly shared = new WeakMap<Registry, Registry>();
  private n = 0;
  private closed = false;

  private constructor(readonly threads: number) {}

  static async start(threads: number): Promise<ComputePool> {
    const pool = new ComputePool(threads);
    for (let k = 0; k < threads; k++) pool.slots.push(pool.spawn());
    await Promise.all(pool.slots.map((s) => s.ready));
    return pool;
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./compute-worker.mjs', import.meta.url));
    const slot: Slot = { worker, registries: new Set(), pending: new Map(), ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.kind === 'ready') return resolve();
        const p = slot.pending.get(m.n);
        if (!p) return;
        slot.pending.delete(m.n);
        if (m.ok) p.resolve(m.result as WhatIfResult);
        else if ('code' in m.error) p.reject(new AppError(m.error.code, m.error.text, m.error.params, m.error.locations, m.error.details));
        else p.reject(new Error(m.error.message));
      };
      worker.on('message', onMessage);
      worker.once('error', (e) => {
        reject(e);
        this.fail(slot, e);
      });
      worker.once('exit', (code) => {
        if (!this.closed) this.fail(slot, new Error(`a compute worker stopped (exit code ${code})`));
      });
    });
    // A worker waiting for requests does not keep the process alive; one still starting does (else a
    // process with nothing else to wait for would end while awaiting `ready`).
    slot.ready.then(
      () => worker.unref(),
      () => worker.unref(),
    );
    return slot;
  }

  /** A dead worker: its requests fail, and a new worker takes its place. */
  private fail(slot: Slot, e: unknown): void {
    for (const p of slot.pending.values()) p.reject(e);
    slot.pending.clear();
    const k = this.slots.indexOf(slot);
    if (k >= 0 && !this.closed) this.slots[k] = this.spawn();
  }

  async whatIf(job: WhatIfJob): Promise<WhatIfResult> {
    if (this.closed) throw new Error('the compute pool is closed');
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    await slot.ready;
    if (!slot.registries.has(job.registryId)) {
      let shared = this.shared.get(job.registry);
      if (!shared) {
        shared = sharedRegistry(job.registry);
        this.shared.set(job.registry, shared);
      }
      // Keep in step with the worker, which keeps its two newest registries.
      if (slot.registries.size >= 2) slot.registries.delete(slot.registries.values().next().value as string);
      slot.registries.add(job.registryId);
      slot.worker.postMessage({ kind: 'registry', id: job.registryId, size: shared.size, personIds: shared.personId, columns: shared.columns } satisfies ToWorker);
    }
    const n = ++this.n;
    return new Promise<WhatIfResult>((resolve, reject) => {
      slot.pending.set(n, { resolve, reject });
      slot.worker.postMessage({ kind: 'whatIf', n, source: job.source, registryId: job.registryId, registryName: job.registryName, asOf: job.asOf, sections: job.sections } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
