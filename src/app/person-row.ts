/**
 * The row of a person list (`GET /api/persons`, its CSV / XLSX export): its fields, their order and
 * how each is read from the registry's columns and the outcome columns — defined once, here.
 *
 * The same definition serves:
 * - the JSON answer, written to UTF-8 bytes straight from the columns without an object per row
 *   (src/server/person-rows-json.ts; byte for byte `JSON.stringify` of the row objects, by a test);
 * - the row objects (`rowOf`), for the exports and for anything that wants a `PersonRow`;
 * - the response schema of the OpenAPI document (`personRowSchema`) and the export's columns.
 *
 * A field is one of a few kinds, each read as a number from a column, so that a writer can look a
 * value up (a dictionary string, already encoded) rather than build it: `text` (an index into a
 * table of strings; negative: null), `texts` (a list of such indexes, or null), `id` (a string of
 * its own per row), `day` (a day number; UNKNOWN_DATE: null), `ymd` (a YYYYMMDD integer) and
 * `count` (a non-negative integer; negative: null). Adding a field: one entry in PERSON_FIELDS
 * (docs/extending.md).
 */
import { z } from 'zod';
import { CUSTODIES, SEXES } from '../domain/enums.ts';
import { formatIsoDate, UNKNOWN_DATE } from '../domain/dates.ts';
import { entryAt } from '../domain/lookup.ts';
import { ALMOST_KINDS, measureAt, newEndAt, type Outcomes, REASONS, STATUSES } from '../engine/act/outcome.ts';
import { MEASURE_CODES, type Plan } from '../engine/act/plan.ts';
import type { Registry, RegistryColumns } from '../registry/registry.ts';

/** What the rows of one answer are read from: the registry, the outcomes and the act's tables. */
export interface RowSource {
  readonly c: RegistryColumns;
  readonly o: Outcomes;
  readonly personId: readonly string[];
  readonly partIds: readonly string[];
  readonly clauseRefs: readonly string[];
  readonly clauseIds: readonly string[];
  readonly exclusionRefs: readonly string[];
  readonly exclusionIds: readonly string[];
}

/** One table of strings per array it is made from (the law's parts, an act's clauses), made once. */
function derived<T extends object>(cache: WeakMap<T, readonly string[]>, from: T, make: (from: T) => readonly string[]): readonly string[] {
  let table = cache.get(from);
  if (table === undefined) {
    table = make(from);
    cache.set(from, table);
  }
  return table;
}
const partIdTables = new WeakMap<Registry['law']['parts'], readonly string[]>();
const refTables = new WeakMap<readonly { ref: string }[], readonly string[]>();
const idTables = new WeakMap<readonly { id: string }[], readonly string[]>();

export function rowSource(registry: Registry, outcomes: Outcomes, plan: Plan): RowSource {
  return {
    c: registry.columns,
    o: outcomes,
    personId: registry.personId,
    partIds: derived(partIdTables, registry.law.parts, (parts) => parts.map((p) => p.id)),
    clauseRefs: derived(refTables, plan.clauses, (xs) => xs.map((x) => x.ref)),
    clauseIds: derived(idTables, plan.clauses, (xs) => xs.map((x) => x.id)),
    exclusionRefs: derived(refTables, plan.exclusions, (xs) => xs.map((x) => x.ref)),
    exclusionIds: derived(idTables, plan.exclusions, (xs) => xs.map((x) => x.id)),
  };
}

/** A string from a table, by index; `what` names the table in the error when the index is not in it. */
export interface TextField<K extends string = string, N extends boolean = boolean> {
  kind: 'text';
  key: K;
  nullable: N;
  what: string;
  table(s: RowSource): readonly string[];
  /** The index in the table; negative when the value is null. */
  code(s: RowSource, i: number): number;
}
/** A list of strings from a table, or null. */
export interface TextsField<K extends string = string> {
  kind: 'texts';
  key: K;
  what: string;
  table(s: RowSource): readonly string[];
  known(s: RowSource, i: number): boolean;
  /** The list's indexes are `codes(s)[from(s, i)]` up to (not including) `codes(s)[to(s, i)]`. */
  from(s: RowSource, i: number): number;
  to(s: RowSource, i: number): number;
  codes(s: RowSource): ArrayLike<number>;
}
export interface IdField<K extends string = string> {
  kind: 'id';
  key: K;
  value(s: RowSource, i: number): string;
}
/** An ISO date from a day number; null when unknown. */
export interface DayField<K extends string = string> {
  kind: 'day';
  key: K;
  day(s: RowSource, i: number): number;
}
/** An ISO date from a YYYYMMDD integer; null when unknown. */
export interface YmdField<K extends string = string> {
  kind: 'ymd';
  key: K;
  ymd(s: RowSource, i: number): number;
}
/** A whole number; null when negative. */
export interface CountField<K extends string = string> {
  kind: 'count';
  key: K;
  value(s: RowSource, i: number): number;
}
export type PersonField = TextField | TextsField | IdField | DayField | YmdField | CountField;

type ValueOf<F> =
  F extends TextField<string, infer N> ? (N extends true ? string | null : string)
  : F extends TextsField ? string[] | null
  : F extends IdField ? string
  : F extends DayField | YmdField ? string | null
  : F extends CountField ? number | null
  : never;

const text = <K extends string, N extends boolean>(key: K, nullable: N, what: string, table: (s: RowSource) => readonly string[], code: (s: RowSource, i: number) => number): TextField<K, N> => ({ kind: 'text', key, nullable, what, table, code });
/** A dictionary column of the registry: code 0 is the unknown cell. */
const dict = <K extends string>(key: K, column: (c: RegistryColumns) => { codes: Uint32Array; values: string[] }): TextField<K, true> =>
  text(key, true, 'dictionary code', (s) => column(s.c).values, (s, i) => column(s.c).codes[i]! || -1);
/** An enumeration column: a negative code is unknown. */
const enumeration = <K extends string>(key: K, what: string, values: readonly string[], column: (c: RegistryColumns) => Int8Array): TextField<K, true> =>
  text(key, true, what, () => values, (s, i) => column(s.c)[i]!);

const EXCLUDED = STATUSES.indexOf('excluded');
const NO_MEASURE = MEASURE_CODES.indexOf('none');
const NOT_ALMOST = ALMOST_KINDS.indexOf('none');
/** The clause that covers the person (null when excluded), and the exclusion that excludes them. */
const clauseOf = (s: RowSource, i: number) => (s.o.status[i] !== EXCLUDED ? s.o.clause[i]! : -1);
const exclusionOf = (s: RowSource, i: number) => (s.o.status[i] === EXCLUDED ? s.o.exclusion[i]! : -1);

/** The fields of a person list's row, in the order they are written. */
export const PERSON_FIELDS = [
  { kind: 'id', key: 'person_id', value: (s, i) => s.personId[i]! } satisfies IdField<'person_id'>,
  dict('last_name', (c) => c.lastName),
  dict('first_name', (c) => c.firstName),
  dict('middle_name', (c) => c.middleName),
  enumeration('sex', 'sex code', SEXES, (c) => c.sex),
  { kind: 'ymd', key: 'birth_date', ymd: (s, i) => s.c.birthYmd[i]! } satisfies YmdField<'birth_date'>,
  enumeration('custody', 'custody code', CUSTODIES, (c) => c.custody),
  dict('facility', (c) => c.facility),
  dict('region', (c) => c.region),
  {
    kind: 'texts',
    key: 'articles',
    what: 'law part',
    table: (s) => s.partIds,
    known: (s, i) => s.c.articlesKnown[i] !== 0,
    from: (s, i) => s.c.articleOffsets[i]!,
    to: (s, i) => s.c.articleOffsets[i + 1]!,
    codes: (s) => s.c.articleValues,
  } satisfies TextsField<'articles'>,
  { kind: 'day', key: 'sentence_start', day: (s, i) => s.c.sentenceStartDay[i]! } satisfies DayField<'sentence_start'>,
  { kind: 'day', key: 'sentence_end', day: (s, i) => s.c.sentenceEndDay[i]! } satisfies DayField<'sentence_end'>,
  text('status', false, 'outcome status', () => STATUSES, (s, i) => s.o.status[i]!),
  text('measure', true, 'measure code', () => MEASURE_CODES, (s, i) => (measureAt(s.o, i) === NO_MEASURE ? -1 : measureAt(s.o, i))),
  text('clause', true, 'clause index', (s) => s.clauseRefs, clauseOf),
  text('clause_id', true, 'clause index', (s) => s.clauseIds, clauseOf),
  text('excluded_by', true, 'exclusion index', (s) => s.exclusionRefs, exclusionOf),
  text('excluded_by_id', true, 'exclusion index', (s) => s.exclusionIds, exclusionOf),
  { kind: 'count', key: 'days_remitted', value: (s, i) => s.o.daysRemitted[i]! } satisfies CountField<'days_remitted'>,
  { kind: 'day', key: 'new_end_date', day: (s, i) => newEndAt(s.o, i) } satisfies DayField<'new_end_date'>,
  text('reason', false, 'outcome reason', () => REASONS, (s, i) => s.o.reason[i]!),
  // An index out of the almost kinds is an error (as for every table); 'none' is written as null.
  text('almost', true, 'almost kind', () => ALMOST_KINDS, (s, i) => (s.o.almostKind[i] === NOT_ALMOST ? -1 : s.o.almostKind[i]!)),
  // The clause a person is almost eligible under; null when they are not, or the clause is not in the act.
  text('almost_clause', true, 'clause index', (s) => s.clauseRefs, (s, i) => {
    if (s.o.almostKind[i] === NOT_ALMOST) return -1;
    const k = s.o.almostClause[i]!;
    return k < s.clauseRefs.length ? k : -1;
  }),
] as const;

type Fields = (typeof PERSON_FIELDS)[number];
export type PersonRow = { [F in Fields as F['key']]: ValueOf<F> };
export type PersonColumn = keyof PersonRow;
export const PERSON_COLUMNS = PERSON_FIELDS.map((f) => f.key) as readonly PersonColumn[];

/** A YYYYMMDD integer as an ISO date. */
export const ymdText = (v: number) => `${String(Math.floor(v / 10000)).padStart(4, '0')}-${String(Math.floor(v / 100) % 100).padStart(2, '0')}-${String(v % 100).padStart(2, '0')}`;

/** The value of one field of row `i`, as the row object holds it. */
export function fieldValue(f: PersonField, s: RowSource, i: number): string | number | string[] | null {
  switch (f.kind) {
    case 'id':
      return f.value(s, i);
    case 'text': {
      const k = f.code(s, i);
      return k < 0 ? null : entryAt(f.table(s), k, f.what);
    }
    case 'texts': {
      if (!f.known(s, i)) return null;
      const table = f.table(s);
      const codes = f.codes(s);
      const out: string[] = [];
      for (let k = f.from(s, i), end = f.to(s, i); k < end; k++) out.push(entryAt(table, codes[k]!, f.what));
      return out;
    }
    case 'day': {
      const d = f.day(s, i);
      return d === UNKNOWN_DATE ? null : formatIsoDate(d);
    }
    case 'ymd': {
      const v = f.ymd(s, i);
      return v === UNKNOWN_DATE ? null : ymdText(v);
    }
    case 'count': {
      const v = f.value(s, i);
      return v < 0 ? null : v;
    }
  }
}

/** Row `i` as an object (the exports); the JSON answer is written from the columns instead. */
export function rowOf(s: RowSource, i: number): PersonRow {
  const row: Record<string, string | number | string[] | null> = {};
  for (const f of PERSON_FIELDS) row[f.key] = fieldValue(f, s, i);
  return row as PersonRow;
}

function zodOf(f: PersonField): z.ZodType {
  switch (f.kind) {
    case 'id':
      return z.string();
    case 'text':
      return f.nullable ? z.string().nullable() : z.string();
    case 'texts':
      return z.array(z.string()).nullable();
    case 'day':
    case 'ymd':
      return z.string().nullable();
    case 'count':
      return z.number().int().nullable();
  }
}

/** The row's schema, for the OpenAPI document. */
export const personRowSchema = z.object(Object.fromEntries(PERSON_FIELDS.map((f) => [f.key, zodOf(f)])) as Record<PersonColumn, z.ZodType>);

/**
 * A page of rows, kept as row indexes until it is written: the JSON answer writes it from the columns
 * (src/server/person-rows-json.ts); `JSON.stringify` and the exports see the row objects.
 */
export class PersonRows {
  constructor(
    readonly source: RowSource,
    /** Row indexes in the registry, in the page's order. */
    readonly rows: readonly number[],
  ) {}

  get length(): number {
    return this.rows.length;
  }

  objects(): PersonRow[] {
    return this.rows.map((i) => rowOf(this.source, i));
  }

  toJSON(): PersonRow[] {
    return this.objects();
  }
}
