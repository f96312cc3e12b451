/**
 * The registry as SQL tables, the same in PostgreSQL and DuckDB:
 *
 *   law_parts(part_index, id, article, gravity, negligent, violent, tag_mask)   — the law table
 *   persons(row_index, person_id, sex, birth_ymd, custody, …)                   — one row a person; NULL = unknown
 *   person_articles(row_index, part_index)                                       — convictions
 *   person_children(row_index, birth_ymd)                                        — children
 *
 * Enumerations are stored as their index (as in the columnar registry); dates as day numbers
 * (birth dates as YYYYMMDD). Tables are written as CSV files and bulk-loaded (COPY).
 *
 * Non-null assertions (`!`) here are reads of the registry's typed-array columns at a person index
 * below the registry's size (the loop bound) or between a person's offsets, for every person.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { GRAVITIES } from '../../domain/enums.ts';
import { UNKNOWN_DATE } from '../../domain/dates.ts';
import type { CriminalCode } from '../../law/criminal-code.ts';
import type { DictColumn, Registry } from '../../registry/registry.ts';

export const PERSON_COLUMNS = [
  ['row_index', 'INTEGER NOT NULL'],
  ['person_id', 'TEXT NOT NULL'],
  ['sex', 'SMALLINT'],
  ['birth_ymd', 'INTEGER'],
  ['custody', 'SMALLINT'],
  ['facility', 'TEXT'],
  ['region', 'TEXT'],
  ['articles_known', 'BOOLEAN NOT NULL'],
  ['offence_day', 'INTEGER'],
  ['sentence_type', 'SMALLINT'],
  ['sentence_start', 'INTEGER'],
  ['sentence_end', 'INTEGER'],
  ['imposed_term_months', 'INTEGER'],
  ['prior_convictions', 'INTEGER'],
  ['recidivism', 'SMALLINT'],
  ['behaviour', 'SMALLINT'],
  ['malicious_violator', 'BOOLEAN'],
  ['pregnant', 'BOOLEAN'],
  ['children_known', 'BOOLEAN NOT NULL'],
  ['disabled_child', 'BOOLEAN'],
  ['parental_rights_deprived', 'BOOLEAN'],
  ['disability_group', 'SMALLINT'],
  ['veteran', 'BOOLEAN'],
  ['pensioner', 'BOOLEAN'],
  ['single_parent', 'BOOLEAN'],
  ['civil_claim_amount', 'DOUBLE PRECISION'],
  ['civil_claim_paid', 'DOUBLE PRECISION'],
  ['damage_caused', 'BOOLEAN'],
  ['damage_compensated', 'BOOLEAN'],
  ['imposed_term_days', 'INTEGER'],
  ['prior_imprisonment', 'BOOLEAN'],
  ['juvenile_colony', 'BOOLEAN'],
  ['disabled_child_group', 'SMALLINT'],
  ['veteran_kind', 'SMALLINT'],
  ['victim_aged_14_18', 'BOOLEAN'],
] as const;

export const DDL = [
  'DROP TABLE IF EXISTS law_parts',
  'DROP TABLE IF EXISTS persons',
  'DROP TABLE IF EXISTS person_articles',
  'DROP TABLE IF EXISTS person_children',
  'DROP TABLE IF EXISTS person_facts',
  'CREATE TABLE law_parts (part_index INTEGER PRIMARY KEY, id TEXT NOT NULL, article TEXT NOT NULL, gravity SMALLINT NOT NULL, negligent BOOLEAN NOT NULL, violent BOOLEAN NOT NULL, tag_mask BIGINT NOT NULL)',
  `CREATE TABLE persons (${PERSON_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`,
  'CREATE TABLE person_articles (row_index INTEGER NOT NULL, part_index INTEGER NOT NULL)',
  'CREATE TABLE person_children (row_index INTEGER NOT NULL, birth_ymd INTEGER NOT NULL)',
];

/**
 * The per-person aggregates of the convictions (gravest gravity, tag bits, all negligent, some
 * violent), computed once when a registry is loaded rather than by every query (emit.ts reads them).
 */
export const PERSON_FACTS_SQL =
  'CREATE TABLE person_facts AS SELECT pa.row_index, MAX(lp.gravity) AS gravity, BIT_OR(lp.tag_mask) AS tag_mask, BOOL_AND(lp.negligent) AS all_negligent, BOOL_OR(lp.violent) AS any_violent FROM person_articles pa JOIN law_parts lp ON lp.part_index = pa.part_index GROUP BY pa.row_index';

/** Indexes that help PostgreSQL with the per-person subqueries (DuckDB needs none). */
export const PG_INDEXES = [
  'CREATE INDEX IF NOT EXISTS person_articles_row ON person_articles (row_index)',
  'CREATE INDEX IF NOT EXISTS person_children_row ON person_children (row_index)',
  'ALTER TABLE persons ADD PRIMARY KEY (row_index)',
  'ALTER TABLE person_facts ADD PRIMARY KEY (row_index)',
  'ANALYZE',
];

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

class CsvOut {
  private buf: string[] = [];
  private size = 0;
  private readonly stream;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  async line(s: string): Promise<void> {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const ok = this.stream.write(`${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export interface TableFiles {
  lawParts: string;
  persons: string;
  personArticles: string;
  personChildren: string;
}

/** Writes the four tables of a registry as CSV files (header row; empty = NULL) into a folder. */
export async function writeTableCsvs(registry: Registry, law: CriminalCode, dir: string): Promise<TableFiles> {
  const files: TableFiles = {
    lawParts: join(dir, 'law_parts.csv'),
    persons: join(dir, 'persons.csv'),
    personArticles: join(dir, 'person_articles.csv'),
    personChildren: join(dir, 'person_children.csv'),
  };
  const lp = new CsvOut(files.lawParts);
  await lp.line('part_index,id,article,gravity,negligent,violent,tag_mask');
  for (const p of law.parts)
    await lp.line(
      [p.index, q(p.id), q(p.article), GRAVITIES.indexOf(p.gravity), p.intent === 'negligent', p.violent === 'yes' || p.violent === 'threat', p.tagMask].join(','),
    );
  await lp.close();

  const c = registry.columns;
  const i8 = (a: Int8Array, i: number) => (a[i]! < 0 ? '' : String(a[i]));
  const b8 = (a: Int8Array, i: number) => (a[i]! < 0 ? '' : a[i] === 1 ? 'true' : 'false');
  const d32 = (a: Int32Array, i: number) => (a[i] === UNKNOWN_DATE ? '' : String(a[i]));
  const n32 = (a: Int32Array | Int16Array, i: number) => (a[i]! < 0 ? '' : String(a[i]));
  const f64 = (a: Float64Array, i: number) => (Number.isNaN(a[i]!) ? '' : String(a[i]));
  const s = (col: DictColumn, i: number) => (col.codes[i] === 0 ? '' : q(col.values[col.codes[i]!]!));
  const persons = new CsvOut(files.persons);
  const arts = new CsvOut(files.personArticles);
  const kids = new CsvOut(files.personChildren);
  await persons.line(PERSON_COLUMNS.map(([n]) => n).join(','));
  await arts.line('row_index,part_index');
  await kids.line('row_index,birth_ymd');
  for (let i = 0; i < registry.size; i++) {
    await persons.line(
      [
        i,
        q(registry.personId[i]!),
        i8(c.sex, i),
        d32(c.birthYmd, i),
        i8(c.custody, i),
        s(c.facility, i),
        s(c.region, i),
        c.articlesKnown[i] === 1 ? 'true' : 'false',
        d32(c.offenceDay, i),
        i8(c.sentenceType, i),
        d32(c.sentenceStartDay, i),
        d32(c.sentenceEndDay, i),
        n32(c.imposedTermMonths, i),
        n32(c.priorConvictions, i),
        i8(c.recidivism, i),
        i8(c.behaviour, i),
        b8(c.maliciousViolator, i),
        b8(c.pregnant, i),
        c.childrenKnown[i] === 1 ? 'true' : 'false',
        b8(c.disabledChild, i),
        b8(c.parentalRightsDeprived, i),
        i8(c.disabilityGroup, i),
        b8(c.veteran, i),
        b8(c.pensioner, i),
        b8(c.singleParent, i),
        f64(c.civilClaimAmount, i),
        f64(c.civilClaimPaid, i),
        b8(c.damageCaused, i),
        b8(c.damageCompensated, i),
        n32(c.imposedTermDays, i),
        b8(c.priorImprisonment, i),
        b8(c.juvenileColony, i),
        i8(c.disabledChildGroup, i),
        i8(c.veteranKind, i),
        b8(c.victimAged14To18, i),
      ].join(','),
    );
    for (let k = c.articleOffsets[i]!; k < c.articleOffsets[i + 1]!; k++) await arts.line(`${i},${c.articleValues[k]}`);
    for (let k = c.childOffsets[i]!; k < c.childOffsets[i + 1]!; k++) await kids.line(`${i},${c.childBirthYmd[k]}`);
  }
  await Promise.all([persons.close(), arts.close(), kids.close()]);
  return files;
}
