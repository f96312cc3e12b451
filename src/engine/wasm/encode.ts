/**
 * A WebAssembly module of one function, written as bytes (the binary format of the WebAssembly
 * core specification, 1.0 with the non-trapping float-to-int conversions): a shared memory imported
 * as `m.mem`, helper functions imported as `h.<name>` (numbers in, a number out), and the function
 * exported as `run`. Only what ./translate.ts emits.
 */

export type ValType = 'i32' | 'i64' | 'f64';

export const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f64: 0x7c };

/** Opcodes (single byte unless noted). */
export const OP = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  call: 0x10,
  drop: 0x1a,
  select: 0x1b,
  local_get: 0x20,
  local_set: 0x21,
  local_tee: 0x22,
  i32_load: 0x28,
  f32_load: 0x2a,
  f64_load: 0x2b,
  i32_load8_s: 0x2c,
  i32_load8_u: 0x2d,
  i32_load16_s: 0x2e,
  i32_load16_u: 0x2f,
  i64_load32_u: 0x35,
  i32_store: 0x36,
  f32_store: 0x38,
  f64_store: 0x39,
  i32_store8: 0x3a,
  i32_store16: 0x3b,
  i32_const: 0x41,
  i64_const: 0x42,
  f64_const: 0x44,
  i32_eqz: 0x45,
  i32_eq: 0x46,
  i32_ne: 0x47,
  i32_lt_s: 0x48,
  i32_gt_s: 0x4a,
  i32_le_s: 0x4c,
  i32_ge_s: 0x4e,
  i64_eqz: 0x50,
  i64_eq: 0x51,
  i64_ne: 0x52,
  i64_lt_s: 0x53,
  i64_gt_s: 0x55,
  i64_le_s: 0x57,
  i64_ge_s: 0x59,
  f64_eq: 0x61,
  f64_ne: 0x62,
  f64_lt: 0x63,
  f64_gt: 0x64,
  f64_le: 0x65,
  f64_ge: 0x66,
  i32_clz: 0x67,
  i32_add: 0x6a,
  i32_sub: 0x6b,
  i32_mul: 0x6c,
  i32_rem_s: 0x6f,
  i32_and: 0x71,
  i32_or: 0x72,
  i32_xor: 0x73,
  i32_shl: 0x74,
  i32_shr_s: 0x75,
  i32_shr_u: 0x76,
  i64_add: 0x7c,
  i64_sub: 0x7d,
  i64_mul: 0x7e,
  f64_neg: 0x9a,
  f64_floor: 0x9c,
  f64_add: 0xa0,
  f64_sub: 0xa1,
  f64_mul: 0xa2,
  f64_div: 0xa3,
  f64_min: 0xa4,
  f64_max: 0xa5,
  i32_wrap_i64: 0xa7,
  i64_extend_i32_s: 0xac,
  i64_extend_i32_u: 0xad,
  f64_convert_i32_s: 0xb7,
  f64_convert_i64_s: 0xb9,
  f64_promote_f32: 0xbb,
  f32_demote_f64: 0xb6,
  /** 0xfc 0x06: i64.trunc_sat_f64_s */
  prefix_fc: 0xfc,
} as const;

/** Growable bytes with the format's integer encodings. */
export class Bytes {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  length = 0;

  byte(b: number): this {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = b;
    return this;
  }
  bytes(bs: ArrayLike<number>): this {
    for (let k = 0; k < bs.length; k++) this.byte(bs[k]!);
    return this;
  }
  /** Unsigned LEB128. */
  u32(v: number): this {
    let x = v >>> 0;
    do {
      let b = x & 0x7f;
      x >>>= 7;
      if (x !== 0) b |= 0x80;
      this.byte(b);
    } while (x !== 0);
    return this;
  }
  /** Signed LEB128 of a 32-bit integer. */
  s32(v: number): this {
    let x = v | 0;
    for (;;) {
      const b = x & 0x7f;
      x >>= 7;
      if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }
  /** Signed LEB128 of a 64-bit integer. */
  s64(v: bigint): this {
    let x = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      if ((x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0)) return this.byte(b);
      this.byte(b | 0x80);
    }
  }
  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    return this.bytes(b);
  }
  name(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.u32(b.length).bytes(b);
  }
  /** A length-prefixed copy. */
  sized(inner: Bytes): this {
    return this.u32(inner.length).bytes(inner.view());
  }
  view(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.length);
  }
}

export interface FunctionType {
  params: ValType[];
  results: ValType[];
}

/**
 * The module: `m.mem` a shared memory of up to `maxPages` pages, the helpers (each `(f64…) → f64`)
 * imported in order as functions 0…h-1, and the function `run` (index h) of `type` with `locals`
 * and `body` (its instructions, without the final `end`).
 */
export function moduleBytes(helpers: { name: string; arity: number }[], type: FunctionType, locals: ValType[], body: Bytes, maxPages: number): Uint8Array<ArrayBuffer> {
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, content: Bytes) => out.byte(id).sized(content);
  const types = new Bytes();
  const funcType = (t: FunctionType, b: Bytes) => {
    b.byte(0x60).u32(t.params.length);
    for (const p of t.params) b.byte(TYPE_CODE[p]);
    b.u32(t.results.length);
    for (const r of t.results) b.byte(TYPE_CODE[r]);
  };
  types.u32(helpers.length + 1);
  for (const h of helpers) funcType({ params: Array.from({ length: h.arity }, () => 'f64' as const), results: ['f64'] }, types);
  funcType(type, types);
  section(1, types);
  const imports = new Bytes().u32(helpers.length + 1);
  imports.name('m').name('mem').byte(0x02).byte(0x03).u32(1).u32(maxPages);
  helpers.forEach((h, k) => imports.name('h').name(h.name).byte(0x00).u32(k));
  section(2, imports);
  section(3, new Bytes().u32(1).u32(helpers.length));
  section(7, new Bytes().u32(1).name('run').byte(0x00).u32(helpers.length));
  const code = new Bytes();
  // locals in runs of one type
  const runs: [number, ValType][] = [];
  for (const t of locals) {
    const last = runs[runs.length - 1];
    if (last && last[1] === t) last[0]++;
    else runs.push([1, t]);
  }
  code.u32(runs.length);
  for (const [count, t] of runs) code.u32(count).byte(TYPE_CODE[t]);
  code.bytes(body.view()).byte(OP.end);
  section(10, new Bytes().u32(1).sized(code));
  return out.view().slice();
}
