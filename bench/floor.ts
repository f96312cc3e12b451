/**
 * The floor of the benchmark (npm run bench): the least a pass over the registry can cost — a
 * trivial loop that reads, for every person, exactly the per-person columns an act's kernel reads
 * (and, in its second form, also writes every outcome column the kernel writes), on 1 and 2
 * threads. The kernel's time divided by the floor's is the price of its decisions. (The shipped acts
 * are first-match acts with no clause read later: the floor writes what their kernels write.)
 *
 * The lists the kernel reads through offsets are read as the offsets only: the kernel reaches
 * their values for few persons. The kernel counts a person's children under an age once per
 * registry and day (src/engine/children-counts.ts), and whether a person has an article of a set
 * once per registry and set (src/engine/article-columns.ts), and reads the counts: so does the floor.
 */
import { Worker } from 'node:worker_threads';
import type { ColumnName, Registry } from '../src/registry/registry.ts';
import type { Outcomes } from '../src/engine/act/outcome.ts';

type Column = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float64Array | Float32Array;

/**
 * The outcome columns the kernel of a first-match act without clauses read later stores per person
 * (src/engine/act/kernel.ts; the measure and the new end are derived, not stored); the other two
 * (almostFrom, clauseMask) it fills, and so does the floor.
 */
const OUT = ['status', 'clause', 'exclusion', 'daysRemitted', 'reason', 'almostKind', 'almostClause', 'almostCriterion'] as const;

/**
 * The per-person columns of a registry among `names` (a value per person, or offsets: n + 1), and
 * `extra` per-person columns (the counted columns a kernel reads instead of a person's children).
 */
export function floorColumns(registry: Registry, names: readonly ColumnName[], extra: readonly Column[] = []): { ints: Column[]; floats: Float64Array[]; bytesPerPerson: number } {
  const ints: Column[] = [];
  const floats: Float64Array[] = [];
  let bytes = 0;
  const arrays = [...names.map((name) => registry.columns[name] as unknown as Column | { codes: Column }), ...extra];
  for (const c of arrays) {
    const a = 'codes' in c ? c.codes : c;
    if (a.length !== registry.size && a.length !== registry.size + 1) continue;
    bytes += a.BYTES_PER_ELEMENT;
    if (a instanceof Float64Array) floats.push(a);
    else ints.push(a);
  }
  return { ints, floats, bytesPerPerson: bytes };
}

/** The floor's loop over persons [start, end): returns a checksum so that no read can be dropped. */
export function floorSource(ints: number, floats: number, write: boolean): string {
  const decl = [
    ...Array.from({ length: ints }, (_, k) => `const i${k} = I[${k}];`),
    ...Array.from({ length: floats }, (_, k) => `const f${k} = F[${k}];`),
    ...(write ? OUT.map((name, k) => `const o${k} = O.${name};`) : []),
  ];
  const x = ints > 0 ? Array.from({ length: ints }, (_, k) => `i${k}[i]`).join(' ^ ') : '0';
  const f = floats > 0 ? Array.from({ length: floats }, (_, k) => `f${k}[i]`).join(' + ') : '0';
  const writes = write ? OUT.map((_, k) => `o${k}[i] = x;`).join(' ') : '';
  const fills = write ? ['O.almostFrom.fill(-2147483648, start, end);', 'O.clauseMask.fill(0, start, end);'] : [];
  return [...decl, ...fills, 'let s = 0, d = 0;', 'for (let i = start; i < end; i++) {', `const x = ${x};`, `s = (s + x) | 0; d += ${f};`, writes, '}', 'return s + (d === d ? 0 : 1);'].join('\n');
}

type FloorFn = (I: Column[], F: Float64Array[], O: Outcomes | null, start: number, end: number) => number;

export function floorFunction(source: string): FloorFn {
  return new Function('I', 'F', 'O', 'start', 'end', source) as FloorFn;
}

/** A floor pass on the calling thread and one worker thread, each over half of the persons. */
export class TwoThreadFloor {
  private constructor(private readonly worker: Worker) {}

  static async start(): Promise<TwoThreadFloor> {
    const worker = new Worker(new URL('./floor-worker.mjs', import.meta.url));
    await new Promise<void>((resolve, reject) => {
      worker.once('online', () => resolve());
      worker.once('error', reject);
    });
    return new TwoThreadFloor(worker);
  }

  /** Sends the columns (shared memory) and the loop's source to the worker. */
  async prepare(ints: Column[], floats: Float64Array[], out: Outcomes | null, source: string): Promise<void> {
    this.worker.postMessage({ kind: 'prepare', ints, floats, out, source });
    await new Promise((resolve) => this.worker.once('message', resolve));
  }

  async run(fn: FloorFn, ints: Column[], floats: Float64Array[], out: Outcomes | null, size: number): Promise<number> {
    const half = size >> 1;
    const done = new Promise<number>((resolve) => this.worker.once('message', (m: { sum: number }) => resolve(m.sum)));
    this.worker.postMessage({ kind: 'run', start: half, end: size });
    const mine = fn(ints, floats, out, 0, half);
    return mine + (await done);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
