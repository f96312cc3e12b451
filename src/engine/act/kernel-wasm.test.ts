/**
 * The choice between shapes of one kernel (measuredBound): it times runs of at least
 * SHAPE_TRIAL_PERSONS persons, each shape in turn, and keeps the faster; later bindings of the same
 * kernel on the registry bind the kept shape alone. The outcomes of the shapes
 * themselves are checked against the reference by kernel.property.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../../paths.ts';
import { loadFacilities } from '../../registry/facilities.ts';
import { RegistryBuilder } from '../../registry/registry.ts';
import { generatePersons } from '../../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../registry/synthetic/profile.ts';
import { compileActKernel } from './kernel.ts';
import { loadAct } from './plan.ts';
import { measuredBound, SHAPE_TRIAL_PERSONS, SHAPE_TRIALS, SHAPE_WARM_MS, ShapeTrial, type ClauseShape, type WasmBound } from './kernel-wasm.ts';
import { newOutcomes, outcomeAt, outcomesEqual } from './outcome.ts';
import { Tally } from './breakdown.ts';
import { imageOf, WasmImage } from '../wasm/image.ts';

/** A bound that takes `ms` milliseconds a run and records the ranges it ran. */
function slow(ms: number, ranges: string[], name: string): WasmBound {
  return {
    run(start, end) {
      const until = performance.now() + ms;
      while (performance.now() < until);
      ranges.push(`${name} ${start}-${end}`);
    },
  };
}

/** The two shapes taking `byClause` and `combined` milliseconds a run, recorded into `ran`. */
function twoShapes(byClause: number, combined: number, ran: string[] = []): { shape: ClauseShape; bound: WasmBound }[] {
  return [
    { shape: 'by_clause', bound: slow(byClause, ran, 'by_clause') },
    { shape: 'combined', bound: slow(combined, ran, 'combined') },
  ];
}

describe('measuredBound', () => {
  const out = newOutcomes(0);
  const tally = new Tally(1, 0);
  const n = SHAPE_TRIAL_PERSONS;

  it('runs each shape in turn, then keeps the faster', () => {
    const ran: string[] = [];
    const b = measuredBound(twoShapes(20, 0, ran), new ShapeTrial(), 0);
    for (let k = 0; k < 2 * SHAPE_TRIALS - 1; k++) {
      b.run(0, n, out, tally);
      expect(b.shape).toBe(null);
    }
    b.run(0, n, out, tally);
    expect(b.shape).toBe('combined');
    expect(ran.filter((r) => r.startsWith('by_clause'))).toHaveLength(SHAPE_TRIALS);
    b.run(0, n, out, tally);
    expect(ran.at(-1)).toBe(`combined 0-${n}`);
  });

  it('keeps the first shape when it is the faster', () => {
    const b = measuredBound(twoShapes(0, 20), new ShapeTrial(), 0);
    for (let k = 0; k < 2 * SHAPE_TRIALS; k++) b.run(0, n, out, tally);
    expect(b.shape).toBe('by_clause');
  });

  it('times nothing while the shapes warm up (V8 optimizes WebAssembly after its first runs)', () => {
    const ran: string[] = [];
    const b = measuredBound(twoShapes(0, 5, ran), new ShapeTrial(), 60);
    // ten runs take about 25 ms, inside the 60 ms of warming up: none is timed
    for (let k = 0; k < 2 * SHAPE_TRIALS; k++) b.run(0, n, out, tally);
    expect(b.shape).toBe(null);
    const warm = performance.now() + 80;
    while (performance.now() < warm) b.run(0, n, out, tally);
    for (let k = 0; k < 2 * SHAPE_TRIALS && b.shape === null; k++) b.run(0, n, out, tally);
    expect(b.shape).toBe('by_clause');
    expect(new Set(ran.slice(0, 2))).toEqual(new Set([`by_clause 0-${n}`, `combined 0-${n}`]));
  });

  it('does not time short runs: they take the first shape until a choice is made', () => {
    const ran: string[] = [];
    const b = measuredBound(twoShapes(0, 0, ran));
    for (let k = 0; k < 10; k++) b.run(0, n - 1, out, tally);
    expect(b.shape).toBe(null);
    expect(new Set(ran)).toEqual(new Set([`by_clause 0-${n - 1}`]));
  });

  it('has its shape at once when there is one', () => {
    const b = measuredBound([{ shape: 'by_clause', bound: slow(0, [], 'by_clause') }]);
    expect(b.shape).toBe('by_clause');
  });

  it('shares its choice with later bindings of the same kernel (an editor binds its act at every keystroke)', () => {
    const trial = new ShapeTrial();
    const bindings = () => measuredBound(twoShapes(10, 0), trial, 0);
    // each run on a binding of its own, as keystrokes do
    for (let k = 0; k < 2 * SHAPE_TRIALS; k++) bindings().run(0, n, out, tally);
    expect(bindings().shape).toBe('combined');
  });

  it('binds a kernel in the shape an earlier binding of it kept on the registry, at once and alone', () => {
    const law = loadLaw();
    const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), SHAPE_TRIAL_PERSONS + 5_000);
    const b = new RegistryBuilder(law.criminalCode);
    for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 3 })) b.push(r);
    const registry = b.finish(true);
    const file = join(PROJECT_ROOT, 'acts', 'kz-2025-sex-neutral', 'act.yaml');
    const first = compileActKernel(loadAct(file, law).plan!, law, 'wasm');
    const bound = first.bound(registry);
    expect(bound.engine).toBe('wasm');
    expect(bound.shape).toBe(null);
    const warm = performance.now() + SHAPE_WARM_MS + 20;
    while (performance.now() < warm) first.run(registry);
    for (let k = 0; k < 2 * SHAPE_TRIALS && bound.shape === null; k++) first.run(registry);
    expect(bound.shape).not.toBe(null);
    // the act compiled again, as at an editor's keystroke
    const again = compileActKernel(loadAct(file, law).plan!, law, 'wasm').bind(registry);
    expect(again.shape).toBe(bound.shape);
  });
});

describe('outcome columns in the image', () => {
  const law = loadLaw();
  const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), 4_000);
  const b = new RegistryBuilder(law.criminalCode);
  for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 5 })) b.push(r);
  const registry = b.finish(true);
  const n = registry.size;

  it.each(['kz-2025-sex-neutral', 'kz-2025-constitution-30', 'kz-2025-women-proposal'])('%s: written in place, equal to outcomes copied back, whole and by ranges', (act) => {
    const plan = loadAct(join(PROJECT_ROOT, 'acts', act, 'act.yaml'), law).plan!;
    const kernel = compileActKernel(plan, law, 'wasm');
    const image = imageOf(registry.columns);
    const inPlace = kernel.newOutcomes(registry);
    expect(image.holds(inPlace.status)).toBe(true);
    expect(inPlace.status.buffer).toBeInstanceOf(SharedArrayBuffer);
    const copied = newOutcomes(n, false, plan.clauses.length);
    expect(image.holds(copied.status)).toBe(false);
    const t1 = kernel.newTally();
    const t2 = kernel.newTally();
    // by ranges into the image's columns, whole into ordinary ones
    const cuts = [0, 1, 777, 2_500, n];
    for (let k = 0; k + 1 < cuts.length; k++) kernel.run(registry, undefined, { start: cuts[k]!, end: cuts[k + 1]! }, inPlace, t1);
    kernel.run(registry, undefined, undefined, copied, t2);
    expect(kernel.bound(registry).engine).toBe('wasm');
    for (let i = 0; i < n; i++) if (!outcomesEqual(outcomeAt(inPlace, i), outcomeAt(copied, i))) throw new Error(`${act}: person ${i} differs`);
    expect(t1.toBreakdown()).toEqual(t2.toBreakdown());
    // run again over what the first run left: the same, with no region for the outcomes (the tally's alone)
    const alloc = vi.spyOn(image, 'alloc');
    kernel.run(registry, undefined, undefined, inPlace, kernel.newTally());
    expect(alloc).toHaveBeenCalledTimes(1);
    kernel.run(registry, undefined, undefined, copied, kernel.newTally());
    expect(alloc.mock.calls.length).toBeGreaterThan(2);
    alloc.mockRestore();
    for (let i = 0; i < n; i++) if (!outcomesEqual(outcomeAt(inPlace, i), outcomeAt(copied, i))) throw new Error(`${act}: person ${i} differs on the second run`);
  });

  it('makes ordinary columns where the act runs as JavaScript', () => {
    const plan = loadAct(join(PROJECT_ROOT, 'acts', 'kz-2025-sex-neutral', 'act.yaml'), law).plan!;
    const js = compileActKernel(plan, law, 'javascript');
    expect(imageOf(registry.columns).holds(js.newOutcomes(registry).status)).toBe(false);
    expect(js.newOutcomes(registry, true).status.buffer).toBeInstanceOf(SharedArrayBuffer);
    // under `auto`, a registry this small runs as JavaScript
    expect(imageOf(registry.columns).holds(compileActKernel(plan, law).newOutcomes(registry).status)).toBe(false);
  });

  it('leases zeroed arrays, also over a region given back', () => {
    const image = new WasmImage();
    const r = image.alloc(4096);
    image.view('u8', r.address, 4096).fill(7);
    image.release(r);
    const a = image.lease('i32', 1024);
    expect(a.byteOffset).toBe(r.address);
    expect(a.every((x) => x === 0)).toBe(true);
    expect(image.holds(a)).toBe(true);
    expect(image.holds(image.view('i32', r.address, 1024))).toBe(false);
  });

  it('leases no more than its budget: past it, ordinary columns are made', () => {
    const image = new WasmImage(8192);
    image.lease('u8', 4096);
    image.lease('u8', 4096);
    expect(() => image.lease('u8', 64)).toThrow(RangeError);
  });
});
