/**
 * Evaluation runs: the provenance of every figure (act, law files, registry, day, engine version),
 * the summary and impact report, the timings, and every person's outcome. A run's id is the hash of
 * its inputs, so asking again for the same run finds it instead of making another.
 */
import { z } from 'zod';
import { csvLine, rowsOf, type Queryable } from './db.ts';
import { timestampSchema } from './users.ts';

export interface RunRecord {
  id: string;
  actId: string;
  actVersion: number | null;
  actHash: string;
  registryId: string;
  lawHash: string;
  lawFiles: { path: string; sha256: string }[];
  asOf: string;
  engineVersion: string;
  persons: number;
  summary: unknown;
  timings: Record<string, number>;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

const runRow = z.object({
  id: z.string(),
  act_id: z.string(),
  act_version: z.number().int().nullable(),
  act_hash: z.string(),
  registry_id: z.string(),
  law_hash: z.string(),
  law_files: z.array(z.object({ path: z.string(), sha256: z.string() })),
  as_of: z.string(),
  engine_version: z.string(),
  persons: z.number().int(),
  summary: z.unknown(),
  timings: z.record(z.string(), z.number()),
  created_by: z.number().int().nullable(),
  created_by_name: z.string().nullable(),
  created_at: timestampSchema,
});

const SELECT_RUN = `SELECT r.id, r.act_id, r.act_version, r.act_hash, r.registry_id, r.law_hash, r.law_files,
       to_char(r.as_of, 'YYYY-MM-DD') AS as_of, r.engine_version, r.persons, r.summary, r.timings, r.created_by,
       u.username AS created_by_name, r.created_at
  FROM evaluation_runs r LEFT JOIN users u ON u.id = r.created_by`;

function toRun(r: z.output<typeof runRow>): RunRecord {
  return {
    id: r.id,
    actId: r.act_id,
    actVersion: r.act_version,
    actHash: r.act_hash,
    registryId: r.registry_id,
    lawHash: r.law_hash,
    lawFiles: r.law_files,
    asOf: r.as_of,
    engineVersion: r.engine_version,
    persons: r.persons,
    summary: r.summary,
    timings: r.timings,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

export async function getRun(q: Queryable, id: string): Promise<RunRecord | null> {
  return rowsOf(runRow, await q.query(`${SELECT_RUN} WHERE r.id = $1`, [id]), 'evaluation_runs').map(toRun)[0] ?? null;
}

export async function listRuns(q: Queryable, f: { actId?: string; registryId?: string; limit: number }): Promise<RunRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.actId !== undefined) {
    params.push(f.actId);
    where.push(`r.act_id = $${params.length}`);
  }
  if (f.registryId !== undefined) {
    params.push(f.registryId);
    where.push(`r.registry_id = $${params.length}`);
  }
  params.push(f.limit);
  return rowsOf(runRow, await q.query(`${SELECT_RUN} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_at DESC LIMIT $${params.length}`, params), 'evaluation_runs').map(toRun);
}

export async function getRunImpact(q: Queryable, id: string): Promise<unknown> {
  const rows = rowsOf(z.object({ impact: z.unknown() }), await q.query('SELECT impact FROM evaluation_runs WHERE id = $1', [id]), 'evaluation_runs');
  return rows[0]?.impact ?? null;
}

export interface StoredOutcome {
  personId: string;
  status: string;
  measure: string | null;
  clauseId: string | null;
  exclusionId: string | null;
  daysRemitted: number | null;
  newEnd: string | null;
  reason: string;
  almostKind: string | null;
  almostClause: string | null;
}

export const OUTCOME_COLUMNS = ['run_id', 'row_index', 'person_id', 'status', 'measure', 'clause_id', 'exclusion_id', 'days_remitted', 'new_end', 'reason', 'almost_kind', 'almost_clause'] as const;

/** Writes a run and its outcomes; call inside a transaction. */
export async function insertRun(tx: Queryable, run: Omit<RunRecord, 'createdAt' | 'createdByName'> & { impact: unknown }, outcomes: Iterable<StoredOutcome>): Promise<void> {
  await tx.query(
    `INSERT INTO evaluation_runs (id, act_id, act_version, act_hash, registry_id, law_hash, law_files, as_of, engine_version, persons, summary, impact, timings, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      run.id,
      run.actId,
      run.actVersion,
      run.actHash,
      run.registryId,
      run.lawHash,
      JSON.stringify(run.lawFiles),
      run.asOf,
      run.engineVersion,
      run.persons,
      JSON.stringify(run.summary),
      JSON.stringify(run.impact),
      JSON.stringify(run.timings),
      run.createdBy,
    ],
  );
  const id = run.id;
  function* lines(): Generator<string> {
    let i = 0;
    for (const o of outcomes) yield csvLine([id, i++, o.personId, o.status, o.measure, o.clauseId, o.exclusionId, o.daysRemitted, o.newEnd, o.reason, o.almostKind, o.almostClause]);
  }
  await tx.copyCsv('run_outcomes', OUTCOME_COLUMNS, lines());
}

const outcomeRow = z.object({
  row_index: z.number().int(),
  person_id: z.string(),
  status: z.string(),
  measure: z.string().nullable(),
  clause_id: z.string().nullable(),
  exclusion_id: z.string().nullable(),
  days_remitted: z.number().int().nullable(),
  new_end: z.string().nullable(),
  reason: z.string(),
  almost_kind: z.string().nullable(),
  almost_clause: z.string().nullable(),
});

/** A run's stored outcomes in row order, a page at a time. */
export async function* readOutcomes(q: Queryable, runId: string, pageSize = 50_000): AsyncGenerator<StoredOutcome & { rowIndex: number }> {
  let from = 0;
  for (;;) {
    const rows = rowsOf(
      outcomeRow,
      await q.query(
        `SELECT row_index, person_id, status, measure, clause_id, exclusion_id, days_remitted, to_char(new_end, 'YYYY-MM-DD') AS new_end, reason, almost_kind, almost_clause
           FROM run_outcomes WHERE run_id = $1 AND row_index >= $2 ORDER BY row_index LIMIT $3`,
        [runId, from, pageSize],
      ),
      'run_outcomes',
    );
    for (const r of rows) {
      yield {
        rowIndex: r.row_index,
        personId: r.person_id,
        status: r.status,
        measure: r.measure,
        clauseId: r.clause_id,
        exclusionId: r.exclusion_id,
        daysRemitted: r.days_remitted,
        newEnd: r.new_end,
        reason: r.reason,
        almostKind: r.almost_kind,
        almostClause: r.almost_clause,
      };
      from = r.row_index + 1;
    }
    if (rows.length < pageSize) return;
  }
}
