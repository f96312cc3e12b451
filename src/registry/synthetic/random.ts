/** Seeded randomness for the synthetic population: one generator, drawn from in a fixed order. */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

// The draws index a list or weights below their length (`list[k]!`): the assertions stay, as a
// population of millions draws through them.
export class Random {
  private readonly rng: RandomGenerator;
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0);
  }
  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }
  /** Uniform integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!;
  }
  /** An index drawn with the given non-negative weights. */
  weighted(weights: readonly number[], total = weights.reduce((a, b) => a + b, 0)): number {
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** Chooses exactly k of the candidates (partial Fisher–Yates); the array is reordered in place. */
  choose(candidates: Int32Array, k: number): Int32Array {
    if (k > candidates.length) throw new RangeError(`cannot choose ${k} of ${candidates.length}`);
    for (let i = 0; i < k; i++) {
      const j = this.int(i, candidates.length - 1);
      const t = candidates[i]!;
      candidates[i] = candidates[j]!;
      candidates[j] = t;
    }
    return candidates.subarray(0, k);
  }
}
