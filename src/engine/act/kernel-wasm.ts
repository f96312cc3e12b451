/**
 * The act's kernel run as WebAssembly: the same generated source (./kernel.ts) translated by
 * ../wasm/translate.ts and run over the registry's image in WebAssembly memory (../wasm/image.ts).
 * Its outcomes are the JavaScript kernel's, person for person (kernel.property.test.ts); it is faster
 * because a read of a column is one instruction with no check of the array's kind or bounds.
 *
 * A source the translator refuses runs as JavaScript (`wasmKernel` returns null with the reason).
 */
import type { Registry } from '../../registry/registry.ts';
import { arrayKind, imageOf, type Region, type TypedArray, type WasmImage } from '../wasm/image.ts';
import { REMAINDER, translateKernel, Unsupported, type ArrayKind, type Environment, type Translated } from '../wasm/translate.ts';
import { ACT_HELPERS, type ActConstants, type Scratch } from './kernel-decide.ts';
import { newOutcomes, type OutcomeAllocator, type Outcomes } from './outcome.ts';
import type { Tally } from './breakdown.ts';

/** The generated function's parameters (ActKernelFn in ./kernel.ts). */
const PARAMS = ['C', 'K', 'P', 'H', 'asOfYmd', 'asOfDay', 'laterYmd', 'laterDay', 'start', 'end', 'O', 'S', 'A', 'B', 'U', 'L'] as const;
const INTEGERS = ['asOfYmd', 'asOfDay', 'laterYmd', 'laterDay', 'start', 'end'] as const;

/** What one binding of the kernel has: the values of its parameters but the outcomes and the tally. */
export interface KernelArgs {
  C: Record<string, unknown>;
  K: unknown[];
  P: number[];
  S: Scratch;
  A: ActConstants;
  U: (Uint8Array | Int32Array)[];
  L: number[];
  asOfYmd: number;
  asOfDay: number;
  laterYmd: number;
  laterDay: number;
}

type Objects = Record<'C' | 'K' | 'P' | 'O' | 'S' | 'A' | 'U' | 'L', unknown>;

const OUTCOME_SAMPLE = newOutcomes(0);

/** A translation and the answers about the parameters it was made with. */
interface Compiled {
  translated: Translated;
  module: WebAssembly.Module;
  /** The members asked about (`C.gravity`) and their answers: a binding with other answers translates again. */
  asked: Map<string, string>;
}

const compiled = new Map<string, Compiled | Unsupported>();
const COMPILED_KEPT = 128;

function memberOf(objects: Objects, object: string, key: string): { kind: 'array'; elem: ArrayKind } | { kind: 'number' } | null {
  let v: unknown = (objects as Record<string, unknown>)[object];
  for (const k of key.split('.')) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[k];
  }
  if (typeof v === 'number') return { kind: 'number' };
  const elem = arrayKind(v);
  return elem ? { kind: 'array', elem } : null;
}

function compile(source: string, objects: Objects): Compiled | Unsupported {
  const asked = new Map<string, string>();
  const env: Environment = {
    params: PARAMS,
    integers: INTEGERS,
    member(object, key) {
      const m = memberOf(objects, object, key);
      asked.set(`${object}.${key}`, m === null ? 'null' : m.kind === 'number' ? 'number' : m.elem);
      return m;
    },
    arrayParam: (name) => (name === 'B' ? 'f64' : null),
    helperObject: 'H',
    helpers: new Set(Object.keys(ACT_HELPERS)),
  };
  try {
    const translated = translateKernel(source, env);
    return { translated, module: new WebAssembly.Module(translated.bytes), asked };
  } catch (e) {
    if (e instanceof Unsupported) return e;
    throw e;
  }
}

/** The translation of `source` for these parameters (kept by source, translated again when they differ in kind). */
function compiledFor(source: string, objects: Objects): Compiled | Unsupported {
  const kept = compiled.get(source);
  if (kept instanceof Unsupported) return kept;
  if (kept && [...kept.asked].every(([k, v]) => {
    const dot = k.indexOf('.');
    const m = memberOf(objects, k.slice(0, dot), k.slice(dot + 1));
    return (m === null ? 'null' : m.kind === 'number' ? 'number' : m.elem) === v;
  })) return kept;
  const c = compile(source, objects);
  if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(source, c);
  return c;
}

/** The regions of a binding, given back when the binding is collected. */
const bindingRegions = new FinalizationRegistry<{ image: WasmImage; regions: Region[] }>(({ image, regions }) => {
  for (const r of regions) image.release(r);
});

export interface WasmBound {
  run(start: number, end: number, out: Outcomes, tally: Tally): void;
}

/** How the first match's clauses are written in the kernel's source (src/engine/act/kernel.ts eagerClausesCode). */
export type ClauseShape = 'by_clause' | 'combined';

/** Runs of at least this many persons are timed to choose a shape (fewer take too little time to tell). */
export const SHAPE_TRIAL_PERSONS = 20_000;
/** Timed runs of each shape before the faster is kept. */
export const SHAPE_TRIALS = 5;
/**
 * For this long after their first run the shapes run in turn untimed: V8 runs a WebAssembly function
 * first as compiled in one pass (Liftoff), and only once it has run a while as optimized code
 * (TurboFan), compiled in the background; a national registry is evaluated twenty times or so in
 * between, a third slower.
 */
export const SHAPE_WARM_MS = 300;

/** A binding that runs one of several shapes of the same kernel, which give the same outcomes. */
export interface ShapedBound extends WasmBound {
  /** The shape kept, or null while they are still being timed. */
  readonly shape: ClauseShape | null;
}

/**
 * Runs the shapes of one kernel in turn on runs of at least SHAPE_TRIAL_PERSONS persons, untimed for
 * `warmMs` after the first, then timed SHAPE_TRIALS times each, and keeps the one with the lower
 * median time a person (in `trial`, which later bindings of the kernel share). Which shape is faster
 * depends on the registry: the tests clause by clause cost little where the processor guesses their
 * outcomes (they follow one fact, such as the gravity), and a wrong guess at each clause where they
 * follow several independent facts, which the combined shape computes for every person instead.
 * Their outcomes are the same (the act kernel's property test runs each shape), so the choice
 * changes only the time. Before the choice, shorter runs take the first shape.
 */
export function measuredBound(shapes: { shape: ClauseShape; bound: WasmBound }[], trial = new ShapeTrial(), warmMs = SHAPE_WARM_MS): ShapedBound {
  const [only] = shapes;
  if (!only) throw new Error('no shape to run');
  if (shapes.length === 1) return { shape: only.shape, run: (start, end, out, tally) => only.bound.run(start, end, out, tally) };
  return {
    get shape() {
      return trial.kept;
    },
    run(start, end, out, tally) {
      if (trial.kept !== null || end - start < SHAPE_TRIAL_PERSONS) return (shapes.find((s) => s.shape === trial.kept) ?? only).bound.run(start, end, out, tally);
      const k = trial.turn++ % shapes.length;
      const began = performance.now();
      if (trial.warmUntil < 0) trial.warmUntil = began + warmMs;
      shapes[k]!.bound.run(start, end, out, tally);
      if (began >= trial.warmUntil) trial.record(shapes, k, (performance.now() - began) / (end - start));
    },
  };
}

/** The times of the shapes of one kernel on one registry, and the one kept (null until then). */
export class ShapeTrial {
  kept: ClauseShape | null = null;
  turn = 0;
  warmUntil = -1;
  private readonly times: number[][] = [];

  /** A timed run of `shapes[k]`, in time a person. */
  record(shapes: readonly { shape: ClauseShape }[], k: number, perPerson: number): void {
    while (this.times.length < shapes.length) this.times.push([]);
    this.times[k]!.push(perPerson);
    if (this.times.every((t) => t.length >= SHAPE_TRIALS)) {
      const medians = this.times.map(median);
      this.kept = shapes[medians.indexOf(Math.min(...medians))]!.shape;
    }
  }
}

/** The trials kept by registry and kernel: KEPT_TRIALS a registry, the oldest dropped first. */
const trials = new WeakMap<Registry, Map<string, ShapeTrial>>();
const KEPT_TRIALS = 64;

/**
 * The trial of the kernel whose shapes are `sources` on `registry`, shared by its bindings while the
 * registry lives: an editor binds its act anew at every keystroke (its values change, its source
 * does not), and each binding should not time the shapes again.
 */
export function shapeTrialFor(registry: Registry, sources: readonly string[]): ShapeTrial {
  let byKernel = trials.get(registry);
  if (!byKernel) trials.set(registry, (byKernel = new Map()));
  const key = sources.join('\n\f\n');
  let trial = byKernel.get(key);
  if (!trial) {
    if (byKernel.size >= KEPT_TRIALS) byKernel.delete(byKernel.keys().next().value!);
    byKernel.set(key, (trial = new ShapeTrial()));
  }
  return trial;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * The kernel `source` bound as WebAssembly to a registry and the binding's values, or the reason it
 * stays JavaScript. `regionsOwner` is the object whose collection gives the binding's regions back.
 */
export function wasmKernel(source: string, registry: Registry, args: KernelArgs, regionsOwner: object): WasmBound | Unsupported {
  const objects: Objects = { C: args.C, K: args.K, P: args.P, O: OUTCOME_SAMPLE, S: args.S, A: args.A, U: args.U, L: args.L };
  const c = compiledFor(source, objects);
  if (c instanceof Unsupported) return c;
  const { translated } = c;
  const image = imageOf(registry.columns);
  const owned: Region[] = [];
  const address = new Map<string, number>();
  const views = new Map<string, TypedArray>();
  const arrayOf = (key: string): TypedArray => {
    // `C.region.codes`, `K[0]`
    let v: unknown = objects;
    for (const k of key.replace(/\[(\d+)\]$/, '.$1').split('.')) v = (v as Record<string, unknown>)[k];
    return v as TypedArray;
  };
  const placeArray = (key: string, array: TypedArray, elem: ArrayKind) => {
    if (address.has(key)) return;
    // a registry's columns are kept in the image; the binding's own arrays are copied for it
    const r = key.startsWith('C.') ? image.kept(array) : image.place(array);
    if (!key.startsWith('C.')) owned.push(r);
    address.set(key, r.address);
    views.set(key, image.view(elem, r.address, array.length));
  };
  // an object passed to a helper (the scratch, the act's constants): every array of it in the
  // memory, where the code reads them too, and the helper given the object over those copies
  const passed = new Map<string, Record<string, unknown>>();
  for (const name of new Set(translated.calls.flatMap((c) => c.objects.filter((o): o is string => o !== null)))) {
    const source = (objects as Record<string, unknown>)[name] as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(source)) {
      const elem = arrayKind(v);
      if (elem === null) copy[k] = v;
      else {
        placeArray(`${name}.${k}`, v as TypedArray, elem);
        copy[k] = views.get(`${name}.${k}`);
      }
    }
    passed.set(name, copy);
  }
  for (const a of translated.arrays) {
    if (!a.used || a.key === 'B' || a.key.startsWith('O.')) continue;
    placeArray(a.key, arrayOf(a.key), a.elem);
  }
  bindingRegions.register(regionsOwner, { image, regions: owned });
  const helpers = ACT_HELPERS as unknown as Record<string, (...xs: unknown[]) => number>;
  const imports: Record<string, (...xs: number[]) => number> = {};
  translated.calls.forEach((call, k) => {
    const fn = call.name === REMAINDER ? (a: unknown, b: unknown) => (a as number) % (b as number) : helpers[call.name]!;
    const given = call.arrays.map((key, j) => (key !== null ? views.get(key)! : call.objects[j] ? passed.get(call.objects[j]!)! : null));
    imports[String(k)] = (...xs: number[]) => Number(fn(...xs.map((x, j) => given[j] ?? x)));
  });
  const instance = new WebAssembly.Instance(c.module, { m: { mem: image.memory }, h: imports });
  const run = instance.exports.run as (...xs: number[]) => void;
  const numbers = translated.numbers.map((key) => {
    const m = /^(\w+)\[(\d+)\]$/.exec(key)!;
    return (m[1] === 'P' ? args.P : args.L)[Number(m[2])]!;
  });
  return outcomesRun(image, translated, run, args, numbers, address);
}

/**
 * Outcome columns for an act of `clauses` clauses on a registry, in the registry's image, where a
 * kernel bound as WebAssembly writes them in place (outcomesRun); null where the image cannot hold
 * them (it would exceed 4 GiB): the caller makes ordinary ones.
 */
export function imageOutcomes(registry: Registry, clauses: number): Outcomes | null {
  const image = imageOf(registry.columns);
  try {
    return newOutcomes(registry.size, true, clauses, ((kind: ArrayKind, length: number) => image.lease(kind, length)) as OutcomeAllocator);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * A run of the bound kernel. Outcome columns in the image (imageOutcomes) are written in place;
 * others are written into regions of the image for persons start…end, then copied into the
 * caller's arrays (at 10 000 000 persons the copy is 1–3 % of a run). The tally is placed in a
 * region and copied back.
 */
function outcomesRun(image: WasmImage, translated: Translated, run: (...xs: number[]) => void, args: KernelArgs, numbers: number[], address: ReadonlyMap<string, number>): WasmBound {
  const outputs = translated.arrays.filter((a) => a.used && a.key.startsWith('O.'));
  const arrayOf = (out: Outcomes, key: string) => (out as unknown as Record<string, TypedArray>)[key.slice(2)]!;
  return {
    run(start, end, out, tally) {
      const n = end - start;
      const regions: Region[] = [];
      const at = new Map<string, number>(address);
      const inPlace = outputs.every((a) => image.holds(arrayOf(out, a.key)));
      for (const a of outputs) {
        const array = arrayOf(out, a.key);
        if (inPlace) {
          at.set(a.key, array.byteOffset);
          continue;
        }
        // elements a person: one, or the clause mask's words
        const per = array.length / out.size;
        const r = image.alloc(n * per * array.BYTES_PER_ELEMENT);
        regions.push(r);
        // the region holds persons start…end: the array's element 0 would lie start persons before it
        at.set(a.key, (r.address - start * per * array.BYTES_PER_ELEMENT) | 0);
      }
      const b = image.place(tally.values);
      try {
        at.set('B', b.address);
        const addresses = translated.arrays.map((a) => at.get(a.key) ?? 0);
        run(args.asOfYmd, args.asOfDay, args.laterYmd, args.laterDay, start, end, ...addresses, ...numbers);
        if (!inPlace)
          outputs.forEach((a, k) => {
            const array = arrayOf(out, a.key);
            const per = array.length / out.size;
            array.set(image.view(a.elem, regions[k]!.address, n * per), start * per);
          });
        tally.values.set(image.view('f64', b.address, tally.values.length));
      } finally {
        for (const r of regions) image.release(r);
        image.release(b);
      }
    },
  };
}
