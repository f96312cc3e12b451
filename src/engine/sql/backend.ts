/**
 * Running the emitted SQL: DuckDB (in-process, for registry files) and PostgreSQL (a registry
 * stored in a server, DATABASE_URL). Both load the same tables (tables.ts) and answer the same query
 * (emit.ts); outcomes come back as the Outcomes columns, so they compare with the kernel's directly.
 *
 * Non-null assertions (`!`) left here are reads of a result row or column at an index below the
 * query's width (outcomeColumnsSql), in the loop over every person's row.
 */
import { present } from '../../domain/lookup.ts';
import { mkdtempSync, rmSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Law } from '../../law/law.ts';
import type { Registry } from '../../registry/registry.ts';
import { newComputedOutcomes, setComputed, type Outcomes } from '../act/outcome.ts';
import type { Plan } from '../act/plan.ts';
import { outcomeColumnsSql, outcomesSql } from './emit.ts';
import { DDL, PERSON_FACTS_SQL, PG_INDEXES, writeTableCsvs, type TableFiles } from './tables.ts';


export interface SqlBackend {
  readonly name: 'duckdb' | 'postgres';
  exec(sql: string): Promise<void>;
  /** Replaces the four tables with a registry's. */
  loadRegistry(registry: Registry, law: Law): Promise<void>;
  /** Every person's outcome, read back from the database. */
  outcomes(plan: Plan, law: Law, size: number, asOfDay?: number): Promise<Outcomes>;
  /** Counts of a query's rows (for checks). */
  scalar(sql: string): Promise<number>;
  /** Persons stored in the database. */
  personCount(): Promise<number>;
  /** Person ids by row index. */
  personIds(size: number): Promise<string[]>;
  close(): Promise<void>;
}

/** Writes one row of the query (outcomeColumnsSql order) into the outcome columns. */
function fill(out: Outcomes, row: number, values: readonly number[]): void {
  out.status[row] = values[0]!;
  out.clause[row] = values[2]!;
  out.exclusion[row] = values[3]!;
  out.daysRemitted[row] = values[4]!;
  out.reason[row] = values[6]!;
  out.almostKind[row] = values[7]!;
  out.almostClause[row] = values[8]!;
  out.almostCriterion[row] = values[9]!;
  out.almostFrom[row] = values[10]!;
  for (let w = 0; w < out.maskWords; w++) out.clauseMask[row * out.maskWords + w] = values[11 + w]!;
  // the measure and the new end are derived from the columns above: kept as the query gives them, or an error
  setComputed(out, row, values[1]!, values[5]!);
}

/** The outcome query with integer columns, ordered by person. */
export function selectOutcomes(plan: Plan, law: Law, asOfDay?: number, materialized = true): string {
  const cols = outcomeColumnsSql(plan);
  return `SELECT row_index, ${cols.map((c) => `CAST(${c} AS ${c.startsWith('clause_mask') ? 'BIGINT' : 'INTEGER'}) AS ${c}`).join(', ')} FROM (${outcomesSql(plan, law, asOfDay, materialized)}) q ORDER BY row_index`;
}

async function withTableFiles<T>(registry: Registry, law: Law, use: (files: TableFiles) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'amnestia-sql-'));
  try {
    return await use(await writeTableCsvs(registry, law.criminalCode, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export class DuckDbBackend implements SqlBackend {
  readonly name = 'duckdb' as const;
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path = ':memory:', threads?: number): Promise<DuckDbBackend> {
    const instance = await DuckDBInstance.create(path, threads ? { threads: String(threads) } : {});
    return new DuckDbBackend(instance, await instance.connect());
  }

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async scalar(sql: string): Promise<number> {
    const r = await this.connection.runAndReadAll(sql);
    return Number(present(r.getColumns()[0], `no column in the answer to ${sql}`)[0]);
  }

  async personCount(): Promise<number> {
    return this.scalar('SELECT COUNT(*) FROM persons');
  }

  async personIds(size: number): Promise<string[]> {
    const ids = new Array<string>(size);
    const result = await this.connection.run('SELECT row_index, person_id FROM persons');
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const [rows, personIds] = chunk.getColumns();
      if (rows === undefined || personIds === undefined) throw new Error('persons: row_index and person_id expected');
      for (let r = 0; r < chunk.rowCount; r++) ids[Number(rows[r])] = String(personIds[r]);
    }
    return ids;
  }

  async loadRegistry(registry: Registry, law: Law): Promise<void> {
    await withTableFiles(registry, law, async (files) => {
      for (const s of DDL) await this.exec(s);
      const copy = (table: string, file: string) => this.exec(`COPY ${table} FROM '${file.replace(/'/g, "''")}' (FORMAT CSV, HEADER, NULL '')`);
      await copy('law_parts', files.lawParts);
      await copy('persons', files.persons);
      await copy('person_articles', files.personArticles);
      await copy('person_children', files.personChildren);
      await this.exec(PERSON_FACTS_SQL);
    });
  }

  async outcomes(plan: Plan, law: Law, size: number, asOfDay?: number): Promise<Outcomes> {
    const out = newComputedOutcomes(plan, size);
    const result = await this.connection.run(selectOutcomes(plan, law, asOfDay, false));
    const width = outcomeColumnsSql(plan).length;
    const values: number[] = new Array<number>(width);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const cols = chunk.getColumns();
      const rows = present(cols[0], 'outcomes: row_index expected');
      for (let r = 0; r < chunk.rowCount; r++) {
        const row = Number(rows[r]);
        for (let k = 0; k < width; k++) values[k] = Number(cols[k + 1]![r]);
        fill(out, row, values);
      }
    }
    return out;
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Rows fetched from PostgreSQL at a time when reading outcomes. */
const PG_FETCH_ROWS = 100_000;

export class PostgresBackend implements SqlBackend {
  readonly name = 'postgres' as const;
  private constructor(readonly client: pg.Client) {}

  static async open(url: string): Promise<PostgresBackend> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresBackend(client);
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async scalar(sql: string): Promise<number> {
    const r = await this.client.query({ text: sql, rowMode: 'array' });
    return Number((r.rows[0] as unknown[])[0]);
  }

  async personCount(): Promise<number> {
    return this.scalar('SELECT COUNT(*) FROM persons');
  }

  async personIds(size: number): Promise<string[]> {
    const ids = new Array<string>(size);
    const r = await this.client.query({ text: 'SELECT row_index, person_id FROM persons', rowMode: 'array' });
    for (const row of r.rows as unknown[][]) ids[Number(row[0])] = String(row[1]);
    return ids;
  }

  async loadRegistry(registry: Registry, law: Law): Promise<void> {
    await withTableFiles(registry, law, async (files) => {
      await this.exec('BEGIN');
      try {
        for (const s of DDL) await this.exec(s);
        const copy = async (table: string, file: string) => {
          const stream = this.client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true, NULL '')`));
          await pipeline(createReadStream(file), stream);
        };
        await copy('law_parts', files.lawParts);
        await copy('persons', files.persons);
        await copy('person_articles', files.personArticles);
        await copy('person_children', files.personChildren);
        await this.exec(PERSON_FACTS_SQL);
        for (const s of PG_INDEXES.filter((x) => x !== 'ANALYZE')) await this.exec(s);
        await this.exec('COMMIT');
      } catch (e) {
        await this.exec('ROLLBACK');
        throw e;
      }
      await this.exec('ANALYZE');
    });
  }

  async outcomes(plan: Plan, law: Law, size: number, asOfDay?: number): Promise<Outcomes> {
    const out = newComputedOutcomes(plan, size);
    const width = outcomeColumnsSql(plan).length;
    const values: number[] = new Array<number>(width);
    // Through a cursor, in batches: ten million rows at once would not fit in the heap as JS arrays.
    await this.exec('BEGIN');
    try {
      await this.exec(`DECLARE amnestia_outcomes NO SCROLL CURSOR FOR ${selectOutcomes(plan, law, asOfDay)}`);
      for (;;) {
        const r = await this.client.query({ text: `FETCH ${PG_FETCH_ROWS} FROM amnestia_outcomes`, rowMode: 'array' });
        for (const row of r.rows as unknown[][]) {
          for (let k = 0; k < width; k++) values[k] = Number(row[k + 1]);
          fill(out, Number(row[0]), values);
        }
        if (r.rows.length < PG_FETCH_ROWS) break;
      }
    } finally {
      await this.exec('COMMIT');
    }
    return out;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
