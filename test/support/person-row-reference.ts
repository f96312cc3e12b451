/**
 * The reference the person list's bytes are compared with (src/server/person-rows-json.test.ts,
 * test/server/person-list-bytes.test.ts).
 */
import { CUSTODIES, SEXES } from '../../src/domain/enums.ts';
import { formatIsoDate, UNKNOWN_DATE } from '../../src/domain/dates.ts';
import { entryAt } from '../../src/domain/lookup.ts';
import { ALMOST_KINDS, measureAt, newEndAt, type Outcomes, REASONS, STATUSES } from '../../src/engine/act/outcome.ts';
import { MEASURE_CODES, type Plan } from '../../src/engine/act/plan.ts';
import type { Registry } from '../../src/registry/registry.ts';

/**
 * The row object as the list built it before the rows were written from the columns, kept here
 * word for word as the reference the writer's bytes are compared with.
 */
export function referenceRow(registry: Registry, o: Outcomes, plan: Plan, i: number) {
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
    measure: measureAt(o, i) === 0 ? null : entryAt(MEASURE_CODES, measureAt(o, i), 'measure code'),
    clause: clause?.ref ?? null,
    clause_id: clause?.id ?? null,
    excluded_by: exclusion?.ref ?? null,
    excluded_by_id: exclusion?.id ?? null,
    days_remitted: daysRemitted < 0 ? null : daysRemitted,
    new_end_date: dateValue(newEndAt(o, i)),
    reason: entryAt(REASONS, o.reason[i]!, 'outcome reason'),
    almost: almost === 'none' ? null : almost,
    almost_clause: almost === 'none' ? null : (plan.clauses[o.almostClause[i]!]?.ref ?? null),
  };
}

