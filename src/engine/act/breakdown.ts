/**
 * The standard breakdowns of outcomes: persons and days remitted by status × measure × clause,
 * and persons by exclusion.
 *
 * The act kernel counts them as it decides (a `Tally` per thread, merged at the end), so that a
 * full evaluation reads the registry once and the outcome columns never again; `breakdown(o)`
 * counts the same from outcome columns, for outcomes computed elsewhere (SQL, reference).
 */
import { MEASURE_CODES } from './plan.ts';
import { measureAt, type Outcomes, STATUSES } from './outcome.ts';

export interface Breakdown {
  /** key `status:measure:clause` → [persons, days remitted] */
  byStatusMeasureClause: Map<string, [number, number]>;
  /** exclusion index → persons excluded */
  byExclusion: Map<number, number>;
}

const MEASURES = MEASURE_CODES.length;

/**
 * Dense counters for one act, in LANES lanes that persons take in turn (person i counts into lane
 * i % LANES): neighbours with the same outcome — the common case — then add to different slots,
 * so that one add need not wait for the store of the one before. Lane l holds persons per key at
 * `l × 2 × keys + key` and days per key `keys` further; after the lanes come the persons per
 * exclusion (a person excluded remits no days: the kernel adds either to the days of its key or
 * to its exclusion).
 * key = (status × 8 + measure) × (clauses + 1) + clause + 1.
 */
export class Tally {
  static readonly LANES = 4;
  /** Number of keys (status × measure × clause slots). */
  readonly keys: number;
  /** Index in `values` of the persons excluded by the first exclusion, followed by one slot per exclusion. */
  readonly exclusionBase: number;
  readonly values: Float64Array;

  constructor(
    readonly clauses: number,
    readonly exclusions: number,
    values?: Float64Array,
  ) {
    this.keys = STATUSES.length * MEASURES * (clauses + 1);
    this.exclusionBase = 2 * this.keys * Tally.LANES;
    const size = Tally.size(clauses, exclusions);
    if (values && values.length !== size) throw new Error(`a tally of ${clauses} clauses and ${exclusions} exclusions has ${size} values, not ${values.length}`);
    this.values = values ?? new Float64Array(size);
  }

  static size(clauses: number, exclusions: number): number {
    return 2 * STATUSES.length * MEASURES * (clauses + 1) * Tally.LANES + exclusions;
  }

  reset(): void {
    this.values.fill(0);
  }

  add(other: Tally): void {
    const a = this.values;
    const b = other.values;
    for (let k = 0; k < a.length; k++) a[k]! += b[k]!;
  }

  toBreakdown(): Breakdown {
    const v = this.values;
    const slots = this.clauses + 1;
    const byStatusMeasureClause = new Map<string, [number, number]>();
    const stride = 2 * this.keys;
    for (let k = 0; k < this.keys; k++) {
      let persons = 0;
      let days = 0;
      for (let l = 0; l < Tally.LANES; l++) {
        persons += v[l * stride + k]!;
        days += v[l * stride + this.keys + k]!;
      }
      if (persons === 0) continue;
      const sm = Math.floor(k / slots);
      byStatusMeasureClause.set(`${Math.floor(sm / MEASURES)}:${sm % MEASURES}:${(k % slots) - 1}`, [persons, days]);
    }
    const byExclusion = new Map<number, number>();
    const first = this.exclusionBase;
    for (let x = 0; x < this.exclusions; x++) if (v[first + x]! > 0) byExclusion.set(x, v[first + x]!);
    return { byStatusMeasureClause, byExclusion };
  }
}

export function breakdown(o: Outcomes): Breakdown {
  // Dense counters first (status 4 × measure 8 × clause up to 64), then a map.
  const clauses = 65;
  const persons = new Float64Array(4 * 8 * clauses);
  const days = new Float64Array(4 * 8 * clauses);
  const excl = new Map<number, number>();
  for (let i = 0; i < o.size; i++) {
    const c = o.clause[i]! + 1;
    const k = (o.status[i]! * 8 + measureAt(o, i)) * clauses + (c < clauses ? c : clauses - 1);
    persons[k]!++;
    const d = o.daysRemitted[i]!;
    if (d > 0) days[k]! += d;
    if (o.status[i] === 2) excl.set(o.exclusion[i]!, (excl.get(o.exclusion[i]!) ?? 0) + 1);
  }
  const byStatusMeasureClause = new Map<string, [number, number]>();
  for (let k = 0; k < persons.length; k++) {
    if (persons[k] === 0) continue;
    const clause = (k % clauses) - 1;
    const sm = Math.floor(k / clauses);
    byStatusMeasureClause.set(`${Math.floor(sm / 8)}:${sm % 8}:${clause}`, [persons[k]!, days[k]!]);
  }
  return { byStatusMeasureClause, byExclusion: excl };
}

/** The breakdown as sorted rows, for comparing two breakdowns. */
export function breakdownRows(b: Breakdown): string[] {
  return [
    ...[...b.byStatusMeasureClause].map(([k, [p, d]]) => `${k} ${p} ${d}`),
    ...[...b.byExclusion].map(([x, p]) => `exclusion ${x} ${p}`),
  ].sort();
}

/** The breakdown query over an `outcomes` table, for the SQL engines. */
export const BREAKDOWN_SQL = 'SELECT status, measure, clause, COUNT(*) AS persons, SUM(CASE WHEN days_remitted > 0 THEN days_remitted ELSE 0 END) AS days FROM outcomes GROUP BY status, measure, clause';
