/**
 * A registry's image in WebAssembly memory: the columns a kernel compiled to WebAssembly reads,
 * copied once into one shared memory per registry (kept while the registry lives), and regions for
 * what one binding or one run needs beside them (an act's constants, outcome columns, the tally).
 *
 * The memory is shared (a SharedArrayBuffer underneath): growing it detaches no buffer, so V8 keeps
 * its fast typed-array accesses for the rest of the process (see bench/one-thread.ts on the
 * detaching protector). Its addresses are 32-bit: an image holds up to 4 GiB.
 */
import { ELEMENT_SHIFT, type ArrayKind } from './translate.ts';

export type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

const PAGE = 65536;
const MAX_PAGES = 65536;
const ALIGN = 64;
/** The most bytes of leased arrays an image holds at once (two sets of outcome columns of 10 000 000 persons take 460 MB). */
const LEASED_MAX = 1 << 30;

export function arrayKind(a: unknown): ArrayKind | null {
  if (a instanceof Int8Array) return 'i8';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Float64Array) return 'f64';
  return null;
}

const CTOR = { i8: Int8Array, u8: Uint8Array, i16: Int16Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array } as const;

/** A region of the image's memory: its address and length in bytes. */
export interface Region {
  address: number;
  bytes: number;
}

export class WasmImage {
  readonly memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  /** Address 0…ALIGN is never given out: an array the code only names points there. */
  private top = ALIGN;
  private readonly free: Region[] = [];
  private readonly copies = new Map<unknown, Region>();
  private readonly leased = new WeakSet<TypedArray>();
  private leasedBytes = 0;

  /** `leasedMax`: the most bytes of leased arrays it holds at once (lease). */
  constructor(private readonly leasedMax = LEASED_MAX) {}

  /** A region of `bytes` (aligned to 64 bytes). */
  alloc(bytes: number): Region {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    const k = this.free.findIndex((r) => r.bytes >= size);
    if (k >= 0) {
      const r = this.free[k]!;
      if (r.bytes === size) this.free.splice(k, 1);
      else this.free[k] = { address: r.address + size, bytes: r.bytes - size };
      return { address: r.address, bytes: size };
    }
    const address = this.top;
    if (address + size > MAX_PAGES * PAGE) throw new RangeError(`the registry's WebAssembly image would exceed 4 GiB (${address + size} bytes)`);
    this.top += size;
    const have = this.memory.buffer.byteLength;
    if (this.top > have) this.memory.grow(Math.ceil((this.top - have) / PAGE));
    return { address, bytes: size };
  }

  /** Gives a region back (merged with free neighbours). */
  release(r: Region): void {
    let k = 0;
    while (k < this.free.length && this.free[k]!.address < r.address) k++;
    this.free.splice(k, 0, { ...r });
    // merge with the next, then with the previous
    const cur = this.free[k]!;
    const next = this.free[k + 1];
    if (next && cur.address + cur.bytes === next.address) {
      cur.bytes += next.bytes;
      this.free.splice(k + 1, 1);
    }
    const prev = this.free[k - 1];
    if (prev && prev.address + prev.bytes === cur.address) {
      prev.bytes += cur.bytes;
      this.free.splice(k, 1);
    }
    // the last free region is given back to the top
    const last = this.free[this.free.length - 1];
    if (last && last.address + last.bytes === this.top) {
      this.top = last.address;
      this.free.pop();
    }
  }

  /** A view of `length` elements of a kind at an address. */
  view(kind: ArrayKind, address: number, length: number): TypedArray {
    return new CTOR[kind](this.memory.buffer, address, length);
  }

  /** A new region holding a copy of `a`. */
  place(a: TypedArray): Region {
    const r = this.alloc(a.byteLength);
    new Uint8Array(this.memory.buffer, r.address, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return r;
  }

  /**
   * The copy of an array that does not change while the image lives (a registry's column, a counted
   * column): made on first use and kept.
   */
  kept(a: TypedArray): Region {
    let r = this.copies.get(a);
    if (!r) this.copies.set(a, (r = this.place(a)));
    return r;
  }

  /**
   * A new array of `length` elements of a kind in the memory, for a caller to keep (outcome
   * columns a kernel writes in place, not into regions copied back): its region is given back when
   * the array is collected. The array is a view of the memory's shared buffer; `holds` tells it.
   * Throws RangeError where the image would exceed 4 GiB, or its leases `leasedMax` (LEASED_MAX): the garbage
   * collector, which gives regions back, does not see their size (a view is a small object), and
   * arrays no longer used could pile up in the memory, which never shrinks, until it runs.
   */
  lease(kind: ArrayKind, length: number): TypedArray {
    const bytes = length * (1 << ELEMENT_SHIFT[kind]);
    if (this.leasedBytes + bytes > this.leasedMax) throw new RangeError(`the registry's WebAssembly image holds ${this.leasedBytes} bytes of leased arrays`);
    const r = this.alloc(bytes);
    const a = this.view(kind, r.address, length);
    // a fresh region holds what a run before left there
    a.fill(0);
    this.leased.add(a);
    this.leasedBytes += r.bytes;
    leases.register(a, { image: this, region: r });
    return a;
  }

  /** A leased array's region, given back once the array is collected. */
  giveBack(r: Region): void {
    this.leasedBytes -= r.bytes;
    this.release(r);
  }

  /** Whether `a` is an array of this image's memory from `lease` (its byteOffset is its address). */
  holds(a: TypedArray): boolean {
    return this.leased.has(a);
  }

  /** Bytes in use (the columns kept and the regions given out). */
  get bytesInUse(): number {
    return this.top - this.free.reduce((s, r) => s + r.bytes, 0);
  }
}

/** Leased arrays' regions, given back to their image once an array is collected. */
const leases = new FinalizationRegistry<{ image: WasmImage; region: Region }>(({ image, region }) => image.giveBack(region));

const images = new WeakMap<object, WasmImage>();

/** The image of a registry (by its columns object), made on first use. */
export function imageOf(owner: object): WasmImage {
  let image = images.get(owner);
  if (!image) images.set(owner, (image = new WasmImage()));
  return image;
}
