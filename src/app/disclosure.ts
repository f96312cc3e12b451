/**
 * Small-cell suppression for researchers (aggregates only): every count of persons from 1 to
 * `min_cell_count − 1` is replaced by null, together with the days and money of that row, and lists
 * of persons are removed. Zero is shown (an empty cell discloses no one). The threshold is policy
 * data (data/disclosure.yaml, with its source).
 *
 * Counts are recognized by the field names of the report contracts (docs/impact.md, docs/letter.md):
 * the fields below hold numbers of persons; records under `by_*` keys map a group to a count.
 * Known limit: suppression is primary only — a suppressed cell can sometimes be recovered by
 * subtracting the shown cells of a row from its shown total (docs/security.md).
 */
import { z } from 'zod';
import { loadDataFile } from '../domain/located.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { join } from 'node:path';

export const disclosureFileSchema = z.strictObject({
  min_cell_count: z.strictObject({ value: z.number().int().min(1).max(1000), source: z.string().min(1), assumption: z.boolean() }),
});

export interface Disclosure {
  minCellCount: number;
  source: string;
  assumption: boolean;
}

export const DISCLOSURE_FILE = join(PROJECT_ROOT, 'data/disclosure.yaml');

export function loadDisclosure(path = DISCLOSURE_FILE): Disclosure {
  const { data } = loadDataFile(disclosureFileSchema, path);
  return { minCellCount: data.min_cell_count.value, source: data.min_cell_count.source, assumption: data.min_cell_count.assumption };
}

/** Fields that count persons. */
const COUNT_FIELDS = new Set([
  'persons', 'covered', 'released', 'reduced', 'replaced', 'other', 'excluded', 'needs_review', 'not_covered',
  'held', 'leaving', 'leaving_earlier_within_year', 'women', 'men', 'women_covered', 'men_covered',
  'covered_with_unpaid_claims', 'covered_claim_unknown', 'covered_before', 'covered_after', 'released_before', 'released_after',
  'released_with_unpaid_claims_before', 'released_with_unpaid_claims_after', 'released_with_unpaid_claims', 'leave_clause',
  'released_institution', 'released_probation', 'unknown_persons', 'unknown_age', 'unknown_priors', 'unknown_gravity', 'changed', 'computed', 'unknown',
  'accepted', 'rejected',
]);
/** Fields whose value is a record (or array) of person counts by group. */
const COUNT_RECORDS = new Set(['by_status', 'by_measure', 'by_gravity', 'by_custody', 'by_clause', 'by_social_category', 'by_transition', 'leave_clause_now', 'matrix']);
/** Fields that describe the persons of a row: hidden when the row's count is. */
const ROW_DEPENDENT = new Set(['days_remitted', 'unpaid', 'unpaid_total', 'leave_clause_unpaid', 'rate', 'released_rate', 'difference_points', 'released_difference_points', 'mean_days_left', 'expected', 'low', 'high']);
/** Person-level lists and identifiers: never shown. */
const PERSON_LEVEL = new Set(['changes', 'person_id', 'person_ids']);

const small = (v: unknown, t: number): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < t;

export interface Suppressed<T> {
  value: T;
  /** How many numbers were hidden. */
  cells: number;
}

export function suppressSmallCells<T>(value: T, threshold: number): Suppressed<T> {
  let cells = 0;
  const countsOnly = (v: unknown): unknown => {
    if (small(v, threshold)) {
      cells++;
      return null;
    }
    if (Array.isArray(v)) return v.map(countsOnly);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, countsOnly(x)]));
    return v;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const rowHidden = small(obj['persons'], threshold) || small(obj['covered'], threshold);
    for (const [k, x] of Object.entries(obj)) {
      if (PERSON_LEVEL.has(k)) {
        if (Array.isArray(x)) out[k] = [];
        continue;
      }
      if (COUNT_FIELDS.has(k) && small(x, threshold)) {
        cells++;
        out[k] = null;
      } else if (COUNT_RECORDS.has(k)) out[k] = countsOnly(x);
      else if (rowHidden && ROW_DEPENDENT.has(k) && typeof x === 'number') {
        cells++;
        out[k] = null;
      } else out[k] = walk(x);
    }
    return out;
  };
  return { value: walk(value) as T, cells };
}
