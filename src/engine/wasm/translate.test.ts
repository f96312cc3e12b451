/**
 * The translator keeps JavaScript's arithmetic: generated-style code run as JavaScript and as
 * WebAssembly gives the same numbers — at the edges of 32 bits, with NaN, negative remainders,
 * unsigned reads and narrow stores — and refuses what it does not translate, saying what.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayKind, WasmImage, type TypedArray } from './image.ts';
import { translateKernel, Unsupported, type Environment } from './translate.ts';

type Arrays = Record<string, TypedArray>;

const HELPERS = {
  twice: (x: number) => 2 * x,
  sum: (a: Int32Array, n: number) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += a[k]!;
    return s;
  },
};

function env(C: Arrays, O: Arrays, P: number[]): Environment {
  const objects: Record<string, unknown> = { C, O, P };
  return {
    params: ['C', 'P', 'H', 'start', 'end', 'O'],
    integers: ['start', 'end'],
    member(object, key) {
      const v = (objects[object] as Record<string, unknown> | undefined)?.[key];
      if (typeof v === 'number') return { kind: 'number' };
      const elem = arrayKind(v);
      return elem ? { kind: 'array', elem } : null;
    },
    arrayParam: () => null,
    helperObject: 'H',
    helpers: new Set(Object.keys(HELPERS)),
  };
}

/** Runs `source` over persons [0, n) as JavaScript and as WebAssembly; returns both sets of outputs. */
function both(source: string, C: Arrays, O: () => Arrays, P: number[] = []): { js: Arrays; wasm: Arrays } {
  const n = Object.values(C)[0]?.length ?? 1;
  const js = O();
  new Function('C', 'P', 'H', 'start', 'end', 'O', source)(C, P, HELPERS, 0, n, js);
  const wasm = O();
  const t = translateKernel(source, env(C, wasm, P));
  const image = new WasmImage();
  const objects: Record<string, Arrays> = { C, O: wasm };
  const placed = t.arrays.map((a) => {
    const [object, key] = a.key.split('.') as [string, string];
    const array = objects[object]![key]!;
    return { array, region: image.place(array) };
  });
  const calls = Object.fromEntries(
    t.calls.map((c, k) => [
      String(k),
      (...xs: number[]) => {
        if (c.name === '%') return xs[0]! % xs[1]!;
        const args = xs.map((x, j) => {
          const key = c.arrays[j];
          if (key === null || key === undefined) return x;
          const p = placed[t.arrays.findIndex((a) => a.key === key)]!;
          return image.view(arrayKind(p.array)!, p.region.address, p.array.length);
        });
        return (HELPERS as unknown as Record<string, (...a: unknown[]) => number>)[c.name]!(...args);
      },
    ]),
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(t.bytes), { m: { mem: image.memory }, h: calls });
  const numbers = t.numbers.map((key) => P[Number(/\[(\d+)\]/.exec(key)![1])]!);
  (instance.exports.run as (...xs: number[]) => void)(0, n, ...placed.map((p) => p.region.address), ...numbers);
  for (const [k, a] of t.arrays.entries()) {
    if (!a.key.startsWith('O.')) continue;
    const p = placed[k]!;
    p.array.set(image.view(arrayKind(p.array)!, p.region.address, p.array.length));
  }
  return { js, wasm };
}

/** Equal, but for the sign of a zero (see the translator's header). */
const expectSame = ({ js, wasm }: { js: Arrays; wasm: Arrays }) => {
  const unsigned = (a: TypedArray) => Array.from(a, (x) => (x === 0 ? 0 : x));
  for (const key of Object.keys(js)) expect(unsigned(wasm[key]!), key).toEqual(unsigned(js[key]!));
};

const int32 = fc.oneof(fc.integer(), fc.constantFrom(-2147483648, 2147483647, -1, 0, 1, 255, -128, 65535));

describe('translateKernel', () => {
  it('keeps JavaScript arithmetic on 32-bit integers, their edges included', () => {
    const source = `
const c_a = C.a, c_b = C.b, o_r = O.r, o_f = O.f;
for (let i = start; i < end; i++) {
  const a = c_a[i], b = c_b[i];
  let k = 0;
  o_f[k++ * end + i] = a + b;
  o_f[k++ * end + i] = a - b;
  o_f[k++ * end + i] = a * b;
  o_f[k++ * end + i] = -a;
  o_f[k++ * end + i] = a >>> 0;
  o_f[k++ * end + i] = a >>> 31;
  o_f[k++ * end + i] = (a | b) ^ (a & ~b);
  o_f[k++ * end + i] = a << (b & 31);
  o_f[k++ * end + i] = a >> 3;
  o_f[k++ * end + i] = a / (b | 1);
  o_f[k++ * end + i] = Math.floor(a / 100) % 100;
  o_f[k++ * end + i] = a % 7;
  o_f[k++ * end + i] = Math.clz32(a & -a);
  o_f[k++ * end + i] = Math.min(a, b) + Math.max(a, b, 3);
  o_f[k++ * end + i] = (a > b) * 3 | (a === b);
  o_f[k++ * end + i] = a > 0 && b > 0 ? a : b;
  o_f[k++ * end + i] = (a - b >= 0) || (b === 5) ? 1 : 0;
  o_r[i] = a + b;
}`;
    fc.assert(
      fc.property(fc.array(fc.tuple(int32, int32), { minLength: 1, maxLength: 20 }), (pairs) => {
        const n = pairs.length;
        const C = { a: Int32Array.from(pairs.map((p) => p[0])), b: Int32Array.from(pairs.map((p) => p[1])) };
        expectSame(both(source, C, () => ({ r: new Int8Array(n), f: new Float64Array(n * 17) })));
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('keeps NaN, floats and parameters as JavaScript has them', () => {
    const source = `
const c_d = C.d, c_u = C.u, o_f = O.f, o_i = O.i, p_0 = P[0];
for (let i = start; i < end; i++) {
  const d = c_d[i] === -2147483648 ? NaN : c_d[i];
  o_f[i * 6] = d === d ? 1 : 0;
  o_f[i * 6 + 1] = d < p_0;
  o_f[i * 6 + 2] = Math.min(d, 3);
  o_f[i * 6 + 3] = c_u[i];
  o_f[i * 6 + 4] = c_u[i] > 2147483647;
  o_f[i * 6 + 5] = d % 3;
  o_i[i] = d;
}`;
    fc.assert(
      fc.property(fc.array(fc.tuple(int32, fc.integer({ min: 0, max: 2 ** 32 - 1 })), { minLength: 1, maxLength: 20 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (rows, p) => {
        const n = rows.length;
        const C = { d: Int32Array.from(rows.map((r) => r[0])), u: Uint32Array.from(rows.map((r) => r[1])) };
        expectSame(both(source, C, () => ({ f: new Float64Array(n * 6), i: new Int32Array(n) }), [p]));
      }),
      { numRuns: 100, seed: 15 },
    );
  });

  it('stores into narrow arrays as typed arrays do, and adds into float arrays', () => {
    const source = `
const c_a = C.a, o_b = O.b, o_s = O.s, o_t = O.t;
for (let i = start; i < end; i++) { o_b[i] = c_a[i] + 300; o_s[i] = c_a[i] * 7; o_t[i & 3] += c_a[i] / 2; }`;
    fc.assert(
      fc.property(fc.array(int32, { minLength: 1, maxLength: 20 }), (xs) => {
        const n = xs.length;
        expectSame(both(source, { a: Int32Array.from(xs) }, () => ({ b: new Uint8Array(n), s: new Int16Array(n), t: new Float64Array(4) })));
      }),
      { numRuns: 100, seed: 16 },
    );
  });

  it('runs labelled blocks, loops with break and continue, switch and helpers as JavaScript does', () => {
    const source = `
const c_a = C.a, o_r = O.r;
outer: for (let i = start; i < end; i++) {
  let x = c_a[i], steps = 0;
  person: {
    if (x < 0) { o_r[i] = -1; break person; }
    while (x > 1) { steps++; if (steps > 50) break; if ((x & 1) === 0) { x = x >> 1; continue; } x = 3 * x + 1; }
    switch (steps & 3) { case 0: case 1: x = 10; break; case 2: x = H.twice(steps); break; default: x = H.sum(c_a, end); break; }
    o_r[i] = x + steps;
  }
  if (i > 1000) break outer;
}`;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 100000 }), { minLength: 1, maxLength: 20 }), (xs) => {
        expectSame(both(source, { a: Int32Array.from(xs) }, () => ({ r: new Float64Array(xs.length) })));
      }),
      { numRuns: 100, seed: 17 },
    );
  });

  it('refuses what it does not translate, saying what', () => {
    const C = { a: new Int32Array(1) };
    const O = { r: new Int32Array(1) };
    const refused = (source: string) => {
      try {
        translateKernel(source, env(C, O, []));
      } catch (e) {
        expect(e).toBeInstanceOf(Unsupported);
        return (e as Error).message;
      }
      return null;
    };
    expect(refused(`const c_a = C.a; O.r[0] = "x";`)).toMatch(/literal/);
    expect(refused(`const c_z = C.z; O.r[0] = c_z[0];`)).toMatch(/member C\.z/);
    expect(refused(`O.r[0] = H.unknown(1);`)).toMatch(/H\.unknown/);
    expect(refused(`O.r[0] = C;`)).toMatch(/value of C/);
    expect(refused(`var x = 1;`)).toMatch(/var/);
    expect(refused(`O.r[0] = Math.sqrt(2);`)).toMatch(/Math\.sqrt/);
  });
});
