/**
 * The standard breakdowns of outcomes: persons and days remitted by status × measure × clause,
 * and persons by exclusion — computed in one pass over the outcome columns.
 */
import type { Outcomes } from './outcome.ts';

export interface Breakdown {
  /** key `status:measure:clause` → [persons, days remitted] */
  byStatusMeasureClause: Map<string, [number, number]>;
  /** exclusion index → persons excluded */
  byExclusion: Map<number, number>;
}

export function breakdown(o: Outcomes): Breakdown {
  // Dense counters first (status 4 × measure 8 × clause up to 64), then a map.
  const clauses = 65;
  const persons = new Float64Array(4 * 8 * clauses);
  const days = new Float64Array(4 * 8 * clauses);
  const excl = new Map<number, number>();
  for (let i = 0; i < o.size; i++) {
    const c = o.clause[i]! + 1;
    const k = (o.status[i]! * 8 + o.measure[i]!) * clauses + (c < clauses ? c : clauses - 1);
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

/** The breakdown query over an `outcomes` table, for the SQL engines. */
export const BREAKDOWN_SQL = 'SELECT status, measure, clause, COUNT(*) AS persons, SUM(CASE WHEN days_remitted > 0 THEN days_remitted ELSE 0 END) AS days FROM outcomes GROUP BY status, measure, clause';
