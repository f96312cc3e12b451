import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTODIES, SEXES } from '../domain/enums.ts';
import { formatIsoDate, UNKNOWN_DATE } from '../domain/dates.ts';
import { entryAt } from '../domain/lookup.ts';
import { evaluate } from '../engine/act/evaluate.ts';
import { ALMOST_KINDS, REASONS, STATUSES, type Outcomes } from '../engine/act/outcome.ts';
import { loadAct, MEASURE_CODES, type Plan } from '../engine/act/plan.ts';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS } from '../paths.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { Registry, registryOf, type DictColumn } from '../registry/registry.ts';
import { generatePersons } from '../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../registry/synthetic/profile.ts';
import { PERSON_COLUMNS, PersonRows, rowOf, rowSource } from '../app/person-row.ts';
import { jsonBytes } from './json-bytes.ts';
import { personRowsWriter } from './person-rows-json.ts';

/**
 * The row object as the list built it before the rows were written from the columns, kept here
 * word for word as the reference the writer's bytes are compared with.
 */
function referenceRow(registry: Registry, o: Outcomes, plan: Plan, i: number) {
  const ymd = (v: number) => `${String(Math.floor(v / 10000)).padStart(4, '0')}-${String(Math.floor(v / 100) % 100).padStart(2, '0')}-${String(v % 100).padStart(2, '0')}`;
  const dictValue = (col: { codes: Uint32Array; values: string[] }, i: number): string | null => {
    const code = col.codes[i]!;
    return code === 0 ? null : entryAt(col.values, code, 'dictionary code');
  };
  const dateValue = (v: number): string | null => (v === UNKNOWN_DATE ? null : formatIsoDate(v));
  const c = registry.columns;
  const status = entryAt(STATUSES, o.status[i]!, 'outcome status');
  const almost = entryAt(ALMOST_KINDS, o.almostKind[i]!, 'almost kind');
  const parts = registry.law.parts;
  let articles: string[] | null = null;
  if (c.articlesKnown[i]) {
    articles = [];
    for (let k = c.articleOffsets[i]!; k < c.articleOffsets[i + 1]!; k++) articles.push(entryAt(parts, c.articleValues[k]!, 'law part').id);
  }
  const kept = status !== 'excluded';
  const clauseIndex = o.clause[i]!;
  const exclusionIndex = o.exclusion[i]!;
  const clause = clauseIndex >= 0 && kept ? entryAt(plan.clauses, clauseIndex, 'clause index') : null;
  const exclusion = exclusionIndex >= 0 && !kept ? entryAt(plan.exclusions, exclusionIndex, 'exclusion index') : null;
  const sex = c.sex[i]!;
  const custody = c.custody[i]!;
  const daysRemitted = o.daysRemitted[i]!;
  return {
    person_id: registry.personId[i]!,
    last_name: dictValue(c.lastName, i),
    first_name: dictValue(c.firstName, i),
    middle_name: dictValue(c.middleName, i),
    sex: sex < 0 ? null : entryAt(SEXES, sex, 'sex code'),
    birth_date: c.birthYmd[i] === UNKNOWN_DATE ? null : ymd(c.birthYmd[i]!),
    custody: custody < 0 ? null : entryAt(CUSTODIES, custody, 'custody code'),
    facility: dictValue(c.facility, i),
    region: dictValue(c.region, i),
    articles,
    sentence_start: dateValue(c.sentenceStartDay[i]!),
    sentence_end: dateValue(c.sentenceEndDay[i]!),
    status,
    measure: o.measure[i] === 0 ? null : entryAt(MEASURE_CODES, o.measure[i]!, 'measure code'),
    clause: clause?.ref ?? null,
    clause_id: clause?.id ?? null,
    excluded_by: exclusion?.ref ?? null,
    excluded_by_id: exclusion?.id ?? null,
    days_remitted: daysRemitted < 0 ? null : daysRemitted,
    new_end_date: dateValue(o.newEnd[i]!),
    reason: entryAt(REASONS, o.reason[i]!, 'outcome reason'),
    almost: almost === 'none' ? null : almost,
    almost_clause: almost === 'none' ? null : (plan.clauses[o.almostClause[i]!]?.ref ?? null),
  };
}

const law = loadLaw();
const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), 600);
const base = registryOf(law.criminalCode, generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 5 }));
const plans = ['kz-2025-women-proposal', 'kz-2025-constitution-30', 'kz-2025-sex-neutral'].map((id) => loadAct(resolve(DEFAULT_PATHS.acts, id, 'act.yaml'), law).plan);

/** Strings of arbitrary UTF-16 code units: Kazakh and Russian letters, controls, quotes, lone surrogates. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 });
const kazakh = fc.string({ unit: fc.constantFrom('Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І', 'ж', 'а', 'b', '"', '\\', '\n', '§', '😀', '\u2028', '\ud800'), maxLength: 12 });
const text = fc.oneof(anyText, kazakh, fc.string());

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** A copy of the registry with some dictionary strings replaced and some cells unknown (the columns are new arrays). */
function altered(r: Registry, strings: string[], unknownEvery: number, seed: number): Registry {
  const c = r.columns;
  const dict = (col: DictColumn, salt: number): DictColumn => ({
    codes: col.codes.map((code, i) => ((i + salt + seed) % unknownEvery === 0 ? 0 : code)),
    values: col.values.map((v, k) => (k > 0 && strings.length > 0 && (k + salt) % 3 === 0 ? strings[(k + salt) % strings.length]! : v)),
  });
  const unknownAt = (i: number, salt: number) => (i + salt + seed) % unknownEvery === 0;
  const columns = {
    ...c,
    lastName: dict(c.lastName, 1),
    firstName: dict(c.firstName, 2),
    middleName: dict(c.middleName, 3),
    facility: dict(c.facility, 4),
    region: dict(c.region, 5),
    sex: c.sex.map((v, i) => (unknownAt(i, 6) ? -1 : v)),
    custody: c.custody.map((v, i) => (unknownAt(i, 7) ? -1 : v)),
    birthYmd: c.birthYmd.map((v, i) => (unknownAt(i, 8) ? UNKNOWN_DATE : v)),
    articlesKnown: c.articlesKnown.map((v, i) => (unknownAt(i, 9) ? 0 : v)),
    sentenceStartDay: c.sentenceStartDay.map((v, i) => (unknownAt(i, 10) ? UNKNOWN_DATE : v)),
    sentenceEndDay: c.sentenceEndDay.map((v, i) => (unknownAt(i, 11) ? UNKNOWN_DATE : v)),
  };
  const ids = r.personId.map((id, i) => (strings.length > 0 && i % 7 === 0 ? `${id}${strings[i % strings.length]}` : id));
  return new Registry(r.size, ids, columns, r.law);
}

/** The list as the route answers it, and the same list with the reference rows. */
function both(registry: Registry, outcomes: Outcomes, plan: Plan, page: number[]) {
  const head = { act: { id: 'a', version: 1, hash: plan.hash }, registry: { id: 'r', name: 'Тізілім "1"' }, as_of: '2025-07-01', run: null, total: page.length, offset: 0 };
  const written = jsonBytes({ ...head, rows: new PersonRows(rowSource(registry, outcomes, plan), page) }, 16, personRowsWriter);
  const expected = utf8(JSON.stringify({ ...head, rows: page.map((i) => referenceRow(registry, outcomes, plan, i)) }));
  return { written, expected };
}

describe('person rows written from the columns', () => {
  it('writes the bytes of JSON.stringify of the rows as the list built them, for each act and every row', () => {
    for (const plan of plans) {
      const outcomes = evaluate(plan, base, law);
      const page = Array.from({ length: base.size }, (_, i) => i);
      const { written, expected } = both(base, outcomes, plan, page);
      expect(written.equals(expected)).toBe(true);
    }
  });

  it('does so for odd strings, unknown cells, other outcomes and pages in any order', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 8 }),
        fc.integer({ min: 2, max: 9 }),
        fc.nat(1000),
        fc.constantFrom(...plans),
        fc.array(fc.nat(base.size - 1), { maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(base.size - 1), fc.nat(3), fc.nat(MEASURE_CODES.length - 1), fc.integer({ min: -1, max: 7 }), fc.integer({ min: -1, max: 5 }), fc.integer({ min: -1, max: 5000 }), fc.nat(2), fc.integer({ min: -1, max: 9 }), fc.integer({ min: -1_000_000, max: 3_500_000 })), { maxLength: 30 }),
        (strings, unknownEvery, seed, plan, page, changes) => {
          const registry = altered(base, strings, unknownEvery, seed);
          const o = evaluate(plan, registry, law);
          for (const [i, status, measure, clause, exclusion, days, almost, almostClause, day] of changes) {
            o.status[i] = status;
            o.measure[i] = measure;
            o.clause[i] = clause < plan.clauses.length ? clause : -1;
            o.exclusion[i] = exclusion < plan.exclusions.length ? exclusion : -1;
            o.daysRemitted[i] = days;
            // Days and YYYYMMDD integers of years before 1000 and after 9999 too.
            o.newEnd[i] = days < 0 ? UNKNOWN_DATE : day;
            registry.columns.sentenceStartDay[i] = day;
            registry.columns.birthYmd[i] = day * 37;
            o.almostKind[i] = almost;
            o.almostClause[i] = almostClause;
          }
          const { written, expected } = both(registry, o, plan, page);
          expect(written.toString('utf8')).toBe(expected.toString('utf8'));
          expect(written.equals(expected)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same objects as the reference to the exports and JSON.stringify', () => {
    const plan = plans[0]!;
    const outcomes = evaluate(plan, base, law);
    const s = rowSource(base, outcomes, plan);
    for (let i = 0; i < base.size; i += 7) {
      const row = rowOf(s, i);
      expect(row).toStrictEqual(referenceRow(base, outcomes, plan, i));
      expect(Object.keys(row)).toEqual([...PERSON_COLUMNS]);
    }
    const rows = new PersonRows(s, [3, 1, 2]);
    expect(JSON.stringify({ rows })).toBe(JSON.stringify({ rows: [3, 1, 2].map((i) => referenceRow(base, outcomes, plan, i)) }));
  });

  it('refuses a code outside its table, as the row objects do', () => {
    const plan = plans[0]!;
    const o = evaluate(plan, base, law);
    o.status[0] = 9;
    expect(() => jsonBytes(new PersonRows(rowSource(base, o, plan), [0]), 16, personRowsWriter)).toThrow(/outcome status: no entry at 9/);
    expect(() => rowOf(rowSource(base, o, plan), 0)).toThrow(/outcome status: no entry at 9/);
  });
});
