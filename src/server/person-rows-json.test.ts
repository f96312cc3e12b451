import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { UNKNOWN_DATE } from '../domain/dates.ts';
import { evaluate } from '../engine/act/evaluate.ts';
import { REASON, type Outcomes } from '../engine/act/outcome.ts';
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
import { referenceRow } from '../../test/support/person-row-reference.ts';

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
  // Written from the columns: no row object is made.
  const objects = vi.spyOn(PersonRows.prototype, 'objects');
  const written = jsonBytes({ ...head, rows: new PersonRows(rowSource(registry, outcomes, plan), page) }, 16, personRowsWriter);
  expect(objects).not.toHaveBeenCalled();
  objects.mockRestore();
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

  it('does so for odd strings, unknown cells, other outcomes and pages in every order', () => {
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
          // the measure is derived from the clause and the reason: every code through the clauses' measures
          o.clauseMeasures = Uint8Array.from(o.clauseMeasures);
          for (const [i, status, measure, clause, exclusion, days, almost, almostClause, day] of changes) {
            o.status[i] = status;
            o.clause[i] = clause < plan.clauses.length ? clause : -1;
            o.reason[i] = o.clause[i]! >= 0 ? REASON.matched : REASON.no_clause;
            if (o.clause[i]! >= 0) o.clauseMeasures[o.clause[i]!] = measure;
            o.exclusion[i] = exclusion < plan.exclusions.length ? exclusion : -1;
            o.daysRemitted[i] = days;
            // The new end is derived (the end less the days): days and YYYYMMDD integers of years before 1000 and after 9999 too.
            if (days >= 0) o.termEnd[i] = day + days;
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
