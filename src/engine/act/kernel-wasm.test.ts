/**
 * The choice between shapes of one kernel (measuredBound): it times runs of at least
 * SHAPE_TRIAL_PERSONS persons, each shape in turn, and keeps the faster; later bindings of the same
 * kernel on the registry bind the kept shape alone. The outcomes of the shapes
 * themselves are checked against the reference by kernel.property.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../../paths.ts';
import { loadFacilities } from '../../registry/facilities.ts';
import { RegistryBuilder } from '../../registry/registry.ts';
import { generatePersons } from '../../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../registry/synthetic/profile.ts';
import { compileActKernel } from './kernel.ts';
import { loadAct } from './plan.ts';
import { measuredBound, SHAPE_TRIAL_PERSONS, SHAPE_TRIALS, SHAPE_WARM_MS, ShapeTrial, type ClauseShape, type WasmBound } from './kernel-wasm.ts';
import { newOutcomes } from './outcome.ts';
import { Tally } from './breakdown.ts';

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
