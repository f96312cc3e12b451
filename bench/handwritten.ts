/**
 * The fair baseline of the benchmark (npm run bench): each shipped act written by hand in DuckDB
 * SQL, as a competent analyst would write it, over a flattened table of one row per person (the
 * per-person aggregates the columnar registry keeps — gravity, tag bits, unpaid claim, age at the
 * offence — joined in once, the articles and the children as lists). The table is built once per
 * registry (its time is reported apart); each evaluation is one query over it.
 *
 * The queries answer every outcome field as the kernel does (status, measure, clause, exclusion,
 * days remitted, new end, reason, almost eligible); bench/run.ts checks them equal before timing.
 * Unknown is SQL's NULL, whose AND / OR / NOT are Kleene's, as in the kernel. Constants of the act
 * (the day of entry into force, fractions, law parameters) are read from the plan, as an analyst
 * reads them from the act; the conditions themselves are written out below, act by act.
 */
import { addMonths, UNKNOWN_DATE, ymdOfDay } from '../src/domain/dates.ts';
import type { Law } from '../src/law/law.ts';
import type { Plan } from '../src/engine/act/plan.ts';
import { newComputedOutcomes, setComputed, type Outcomes } from '../src/engine/act/outcome.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

/** The flattened person table, built from the four loaded tables (src/engine/sql/tables.ts). */
export const FLAT_TABLE_SQL = `CREATE OR REPLACE TABLE flat AS
WITH a AS (
  SELECT pa.row_index, MAX(lp.gravity) AS gravity, BIT_OR(lp.tag_mask) AS tag_mask, BOOL_OR(lp.violent) AS violent, LIST(pa.part_index) AS parts
  FROM person_articles pa JOIN law_parts lp ON lp.part_index = pa.part_index GROUP BY pa.row_index
), k AS (
  SELECT row_index, LIST(birth_ymd) AS children FROM person_children GROUP BY row_index
)
SELECT p.row_index, p.sex, p.birth_ymd, p.custody, p.sentence_start AS st, p.sentence_end AS en,
  p.prior_convictions, p.recidivism, p.behaviour, p.malicious_violator, p.pregnant, p.disabled_child,
  p.parental_rights_deprived, p.disability_group, p.veteran, p.pensioner, p.single_parent,
  p.damage_caused, p.damage_compensated, p.victim_aged_14_18,
  a.gravity, a.violent,
  -- tag bits certain (low 16) and possible (high 16); NULL when no conviction is known
  CAST(CASE WHEN p.articles_known THEN a.tag_mask & 65535 END AS INTEGER) AS tags,
  CAST(CASE WHEN p.articles_known THEN (a.tag_mask >> 16) & 65535 END AS INTEGER) AS maybe_tags,
  CASE WHEN p.articles_known THEN COALESCE(a.parts, []) END AS parts,
  CASE WHEN p.children_known THEN COALESCE(k.children, []) END AS children,
  CAST(CASE WHEN FLOOR((YEAR(DATE '1970-01-01' + p.offence_day) * 10000 + MONTH(DATE '1970-01-01' + p.offence_day) * 100 + DAY(DATE '1970-01-01' + p.offence_day) - p.birth_ymd) / 10000.0) BETWEEN 0 AND 127
    THEN FLOOR((YEAR(DATE '1970-01-01' + p.offence_day) * 10000 + MONTH(DATE '1970-01-01' + p.offence_day) * 100 + DAY(DATE '1970-01-01' + p.offence_day) - p.birth_ymd) / 10000.0) END AS INTEGER) AS age_at_offence,
  p.civil_claim_amount > 0 AS claim_filed,
  CASE WHEN p.civil_claim_amount IS NULL THEN NULL WHEN p.civil_claim_amount = 0 THEN FALSE WHEN p.civil_claim_paid IS NULL THEN NULL
    ELSE p.civil_claim_amount - p.civil_claim_paid > 0 END AS unpaid_claim
FROM persons p LEFT JOIN a ON a.row_index = p.row_index LEFT JOIN k ON k.row_index = p.row_index`;

/**
 * Macros the queries use (created once per connection): a tag test, false / unknown as 0 or 1, the
 * calendar of terms (Criminal Procedure Code Art. 48 part 4: a month laid on the calendar keeps the
 * day number or takes the month's last day, which DuckDB's date + interval does).
 */
export const MACROS = [
  `CREATE OR REPLACE MACRO tag_holds(tags, maybe_tags, bits) AS
     CASE WHEN tags IS NULL THEN NULL WHEN tags & bits <> 0 THEN TRUE WHEN maybe_tags & bits <> 0 THEN NULL ELSE FALSE END`,
  'CREATE OR REPLACE MACRO f01(x) AS CAST(COALESCE(NOT x, FALSE) AS INTEGER)',
  'CREATE OR REPLACE MACRO u01(x) AS CAST(x IS NULL AS INTEGER)',
  `CREATE OR REPLACE MACRO add_months(day, m) AS CAST((DATE '1970-01-01' + day) + TO_MONTHS(CAST(m AS INTEGER)) AS DATE) - DATE '1970-01-01'`,
  `CREATE OR REPLACE MACRO months_from(d0, en) AS GREATEST(0,
     (YEAR(DATE '1970-01-01' + en) - YEAR(DATE '1970-01-01' + d0)) * 12 + MONTH(DATE '1970-01-01' + en) - MONTH(DATE '1970-01-01' + d0)
     - CASE WHEN LEAST(DAY(DATE '1970-01-01' + d0), DAY(LAST_DAY(DATE '1970-01-01' + en))) > DAY(DATE '1970-01-01' + en) THEN 1 ELSE 0 END)`,
];

interface Constants {
  D0: number;
  YMD: number;
  UNK: number;
  /** add_months(D0, 12): the end of a term of one year left from the day of entry into force. */
  YEAR_ON: number;
  childAge: number;
  many: number;
  /** Index of the part 106-3 in the law table (law_parts.part_index). */
  article1063: string;
  frac(clauseId: string): { num: number; den: number };
}

function constantsOf(plan: Plan, law: Law, asOfDay: number): Constants {
  return {
    D0: asOfDay,
    YMD: ymdOfDay(asOfDay),
    UNK: UNKNOWN_DATE,
    YEAR_ON: addMonths(asOfDay, 12),
    childAge: law.parameters.value('family.child_age_limit', asOfDay),
    many: law.parameters.value('family.many_children_threshold', asOfDay),
    article1063: law.criminalCode.matching('106-3').map((p) => p.index).join(', '),
    frac(id) {
      const m = plan.clauses.find((c) => c.id === id)?.measure;
      if (!m || m.type !== 'reduce_unserved') throw new Error(`${plan.id}: clause ${id} does not reduce the unserved part`);
      return m.fraction;
    },
  };
}

/**
 * Days remitted by reducing the unserved part by num/den depend on the day the term ends only (the
 * day of entry into force fixed): looked up in a table of every end day up to 60 years ahead,
 * computed once per query (column r<num>_<den>; NULL when the end is unknown).
 */
const reduce = (f: { num: number; den: number }) => `r${f.num}_${f.den}`;
const reduceTable = (c: Constants, fractions: { num: number; den: number }[]) => {
  const fs = fractions.filter((f, k) => fractions.findIndex((g) => g.num === f.num && g.den === f.den) === k);
  const id = (f: { num: number; den: number }) => `${f.num}_${f.den}`;
  // tm, td: the term left in months and days; m, d: less the fraction (months first, the left-over
  // part of a month as 30 days, the fraction's days rounded half up); b: 30-day months borrowed
  return `reduce AS (
  SELECT en, ${fs.map((f) => `LEAST(GREATEST(en - (add_months(${c.D0}, m${id(f)} - b${id(f)}) + GREATEST(0, d${id(f)} + b${id(f)} * 30)), 0), en - ${c.D0}) AS ${reduce(f)}`).join(', ')}
  FROM (SELECT *, ${fs.map((f) => `CASE WHEN d${id(f)} < 0 THEN LEAST(m${id(f)}, (29 - d${id(f)}) // 30) ELSE 0 END AS b${id(f)}`).join(', ')}
    FROM (SELECT en, ${fs.map((f) => `tm - (tm * ${f.num}) // ${f.den} AS m${id(f)}, td - (2 * ((tm * ${f.num} - ((tm * ${f.num}) // ${f.den}) * ${f.den}) * 30 + td * ${f.num}) + ${f.den}) // ${2 * f.den} AS d${id(f)}`).join(', ')}
      FROM (SELECT en, tm, en - add_months(${c.D0}, tm) AS td
        FROM (SELECT en, months_from(${c.D0}, en) AS tm FROM (SELECT CAST(range AS INTEGER) AS en FROM range(${c.D0 + 1}, ${c.D0 + 60 * 366}))))))
)`;
};
/** Days remitted by a release from the main punishment: all the days left (NULL when the end is unknown). */
const release = (c: Constants) => `en - ${c.D0}`;

interface Clause {
  /** The criteria, each an SQL condition over the act's `p` layer (NULL unknown). */
  criteria: string[];
  /** The measure's code (MEASURE_CODES) and its days remitted (-1 for none). */
  code: number;
  days: string;
}

/**
 * The first-match decision, the same for the three acts (as an analyst keeps one template): from
 * the clauses' criteria, the exclusions (read only for persons a clause covers or may cover, or
 * one criterion short, and only past `gate`, false when no exclusion can hold) and the measures'
 * days, the outcome columns as the kernel writes them. One pass over the flattened table.
 */
function firstMatch(c: Constants, p: string, clauses: Clause[], exclusions: string[], gate: string, fractions: { num: number; den: number }[]): string {
  const truth = (cl: Clause) => `(${cl.criteria.join(' AND ')})`;
  const first = `CASE WHEN not_serving THEN -2 ${clauses.map((cl, j) => `WHEN COALESCE(${truth(cl)}, TRUE) THEN ${j}`).join(' ')} ELSE -1 END`;
  const short = clauses
    .map((cl, j) => ({ cl, j }))
    .filter(({ cl }) => cl.criteria.length >= 2)
    .map(({ cl, j }) => ({
      j,
      test: `${cl.criteria.map((q) => `f01(${q})`).join(' + ')} = 1 AND ${cl.criteria.map((q) => `u01(${q})`).join(' + ')} = 0`,
      which: `CASE ${cl.criteria.map((q, k) => `WHEN NOT (${q}) THEN ${k}`).join(' ')} END`,
    }));
  const exChain = `CASE ${exclusions.map((x, k) => `WHEN ${x} THEN ${k}`).join(' ')} ELSE -1 END`;
  const exuChain = `CASE ${exclusions.map((x, k) => `WHEN (${x}) IS NULL THEN ${k}`).join(' ')} ELSE -1 END`;
  const withReduce = fractions.length > 0;
  return `WITH ${withReduce ? `${reduceTable(c, fractions)}, ` : ''}p AS (
  SELECT flat.*, (flat.en IS NOT NULL AND flat.en <= ${c.D0}) OR (flat.st IS NOT NULL AND flat.st > ${c.D0}) AS not_serving, ${p}${withReduce ? `, ${fractions.map((f) => `reduce.${reduce(f)}`).filter((x, k, all) => all.indexOf(x) === k).join(', ')}` : ''}
  FROM flat${withReduce ? ' LEFT JOIN reduce ON reduce.en = flat.en' : ''}
), d AS (
  SELECT *, ${first} AS first FROM p
), e AS (
  SELECT *,
    CASE first ${clauses.map((cl, j) => `WHEN ${j} THEN ${truth(cl)}`).join(' ')} END AS truth,
    CASE first ${clauses.map((cl, j) => `WHEN ${j} THEN ${cl.days}`).join(' ')} END AS dy,
    CASE first ${clauses.map((cl, j) => `WHEN ${j} THEN ${cl.code}`).join(' ')} ELSE 0 END AS code,
    -- one criterion short: the clause × 64 + the criterion, -1 none
    CASE WHEN first = -1 THEN CASE ${short.map((s) => `WHEN ${s.test} THEN ${s.j * 64} + ${s.which}`).join(' ')} ELSE -1 END ELSE -1 END AS short
  FROM d
), x AS (
  SELECT *,
    CASE WHEN (first >= 0 OR short >= 0) AND ${gate} THEN ${exChain} ELSE -1 END AS ex
  FROM e
), y AS (
  -- the first exclusion left undecided, where none holds
  SELECT *, CASE WHEN first >= 0 AND ex < 0 AND ${gate} THEN ${exuChain} ELSE -1 END AS exu, short // 64 AS short_clause, short % 64 AS short_crit
  FROM x
)
SELECT row_index,
  CASE WHEN first < 0 THEN 0 WHEN ex >= 0 THEN 2 WHEN truth AND exu < 0 THEN 1 ELSE 3 END AS status,
  CASE WHEN first < 0 OR ex >= 0 OR truth IS NULL THEN 0 ELSE code END AS measure,
  CASE WHEN first < 0 THEN -1 ELSE first END AS clause,
  CASE WHEN first < 0 THEN -1 WHEN ex >= 0 THEN ex ELSE exu END AS exclusion,
  CASE WHEN first >= 0 AND ex < 0 AND truth AND exu < 0 AND dy >= 0 THEN dy ELSE -1 END AS days_remitted,
  CASE WHEN first >= 0 AND ex < 0 AND truth AND exu < 0 AND dy >= 0 THEN en - dy ELSE ${c.UNK} END AS new_end,
  CASE WHEN first = -2 THEN 6 WHEN first = -1 THEN 3 WHEN ex >= 0 THEN 2 WHEN truth IS NULL THEN 4 WHEN exu >= 0 THEN 5 WHEN dy IS NULL THEN 7 ELSE 1 END AS reason,
  CASE WHEN short >= 0 AND ex < 0 THEN 1 ELSE 0 END AS almost_kind,
  CASE WHEN short >= 0 AND ex < 0 THEN short_clause ELSE -1 END AS almost_clause,
  CASE WHEN short >= 0 AND ex < 0 THEN short_crit ELSE -1 END AS almost_criterion,
  ${c.UNK} AS almost_from, 0 AS clause_mask0
FROM y`;
}

/** Tag bits (TAGS order, src/domain/enums.ts). */
const TAG = { corruption: 1, terrorism: 2, extremism: 4, sexual_minor: 16, torture: 32, drug_trafficking: 64, murder: 128, criminal_group: 256, treason: 512, riots: 1024 };
const tag = (bits: number) => `tag_holds(tags, maybe_tags, ${bits})`;
/** The exclusions of the Criminal Code Art. 78 part 2 the acts inherit. */
const CC78 = [`(${tag(TAG.sexual_minor)} AND NOT (age_at_offence < 18 AND victim_aged_14_18))`, tag(TAG.terrorism), tag(TAG.extremism), tag(TAG.torture), 'recidivism IN (1, 2)'];
/** Children under `years` on the day (children a list of birth dates, YYYYMMDD). */
const childrenUnder = (c: Constants, years: number) => `len(list_filter(children, b -> b <= ${c.YMD} AND b > ${c.YMD - years * 10000}))`;
const age = (c: Constants) => `FLOOR((${c.YMD} - birth_ymd) / 10000)`;

/** acts/kz-2025-constitution-30: the 2025 law on the thirtieth anniversary of the Constitution. */
function constitution30(c: Constants): string {
  const under18 = childrenUnder(c, 18);
  const vulnerable = `(veteran OR age_at_offence < 18 OR (sex = 0 AND ${age(c)} >= 50) OR (sex = 1 AND ${age(c)} >= 60) OR (sex = 0 AND pregnant)
      OR (sex = 0 AND NOT parental_rights_deprived AND (${under18} >= 1 OR disabled_child))
      OR (sex = 1 AND single_parent AND ${under18} >= 1 AND NOT parental_rights_deprived)
      OR disability_group IN (1, 2)) AS vulnerable`;
  // remaining_term <= 1y (< 1y): the end on (before) the day one year after entry into force
  return firstMatch(c, vulnerable, [
    { criteria: ['gravity <= 1'], code: 1, days: release(c) },
    { criteria: ['gravity = 2', '(NOT damage_caused OR damage_compensated OR NOT claim_filed)'], code: 1, days: release(c) },
    { criteria: ['gravity = 2', 'vulnerable'], code: 1, days: release(c) },
    { criteria: ['gravity = 2', 'behaviour <> 2', `en <= ${c.YEAR_ON}`], code: 1, days: release(c) },
    { criteria: ['gravity = 2'], code: 4, days: reduce(c.frac('art3_1')) },
    { criteria: ['gravity = 3', `en < ${c.YEAR_ON}`], code: 4, days: reduce(c.frac('art3_2')) },
    { criteria: ['gravity = 4', `en < ${c.YEAR_ON}`], code: 4, days: reduce(c.frac('art3_3')) },
  ], [
    tag(TAG.corruption), tag(TAG.terrorism), tag(TAG.extremism), tag(TAG.sexual_minor), tag(TAG.torture), tag(TAG.treason), tag(TAG.riots), tag(TAG.criminal_group),
    `(${tag(TAG.murder)} OR list_has_any(parts, [${c.article1063}]))`,
    'recidivism = 2',
    'malicious_violator',
    ...CC78,
  ], `(tags IS NULL OR ((tags | maybe_tags) & ${TAG.corruption | TAG.terrorism | TAG.extremism | TAG.sexual_minor | TAG.torture | TAG.treason | TAG.riots | TAG.criminal_group | TAG.murder}) <> 0 OR list_has_any(parts, [${c.article1063}]) OR ${OTHER_GATE})`, [c.frac('art3_1'), c.frac('art3_2'), c.frac('art3_3')]);
}

/** The exclusions the two 2025 drafts list (and those they inherit). */
const DRAFT_EXCLUSIONS = [
  tag(TAG.corruption), tag(TAG.terrorism | TAG.extremism), tag(TAG.sexual_minor), tag(TAG.torture), tag(TAG.treason | TAG.riots | TAG.criminal_group), tag(TAG.murder | TAG.drug_trafficking),
  'recidivism = 2', 'malicious_violator', ...CC78,
];

/** Where no exclusion of the drafts can hold: no tag bit of theirs, recidivism none, not a malicious violator, all known. */
const OTHER_GATE = 'recidivism IS NULL OR recidivism <> 0 OR COALESCE(malicious_violator, TRUE)';
const DRAFT_GATE = `(tags IS NULL OR ((tags | maybe_tags) & ${TAG.corruption | TAG.terrorism | TAG.extremism | TAG.sexual_minor | TAG.torture | TAG.treason | TAG.riots | TAG.criminal_group | TAG.murder | TAG.drug_trafficking}) <> 0 OR ${OTHER_GATE})`;

/** acts/kz-2025-sex-neutral. */
function sexNeutral(c: Constants): string {
  const vulnerable = `(disability_group IN (1, 2, 3) OR ${age(c)} >= 60 OR pregnant OR ${childrenUnder(c, 3)} >= 1 OR ${childrenUnder(c, c.childAge)} >= ${c.many}
      OR veteran OR disabled_child OR pensioner OR single_parent) AS vulnerable`;
  return firstMatch(c, vulnerable, [
    { criteria: ['vulnerable', 'gravity <= 2'], code: 1, days: release(c) },
    { criteria: ['prior_convictions = 0', 'NOT violent', 'gravity <= 2'], code: 1, days: release(c) },
    { criteria: ['vulnerable', 'gravity >= 3'], code: 4, days: reduce(c.frac('art2_1')) },
    { criteria: ['custody = 0', 'gravity = 3', 'unpaid_claim'], code: 7, days: '-1' },
    { criteria: ['prior_convictions = 0', 'gravity >= 3'], code: 4, days: reduce(c.frac('art2_3')) },
  ], DRAFT_EXCLUSIONS, DRAFT_GATE, [c.frac('art2_1'), c.frac('art2_3')]);
}

/** acts/kz-2025-women-proposal. */
function womenProposal(c: Constants): string {
  const vulnerable = `(sex = 0 AND (disability_group IN (1, 2, 3) OR ${age(c)} >= 60 OR pregnant OR ${childrenUnder(c, 3)} >= 1 OR ${childrenUnder(c, c.childAge)} >= ${c.many})) AS vulnerable`;
  return firstMatch(c, vulnerable, [
    { criteria: ['sex = 0', 'gravity <= 2'], code: 1, days: release(c) },
    { criteria: ['vulnerable', 'gravity >= 3'], code: 4, days: reduce(c.frac('art2_1')) },
    { criteria: ['sex = 0', 'custody = 0', 'gravity = 3', 'unpaid_claim'], code: 7, days: '-1' },
    { criteria: ['sex = 0', 'gravity >= 3'], code: 4, days: reduce(c.frac('art2_3')) },
  ], DRAFT_EXCLUSIONS, DRAFT_GATE, [c.frac('art2_1'), c.frac('art2_3')]);
}

/** The hand-written query of a shipped act, evaluated on `asOfDay` (default its entry into force). */
export function handWrittenSql(plan: Plan, law: Law, asOfDay: number = plan.entryIntoForce): string {
  const c = constantsOf(plan, law, asOfDay);
  switch (plan.id) {
    case 'kz-2025-constitution-30':
      return constitution30(c);
    case 'kz-2025-sex-neutral':
      return sexNeutral(c);
    case 'kz-2025-women-proposal':
      return womenProposal(c);
    default:
      throw new Error(`no hand-written SQL for ${plan.id}`);
  }
}

/** Runs an outcome query (columns as outcomeColumnsSql, after row_index) and reads every person's outcome back. */
export async function readOutcomes(connection: DuckDBConnection, sql: string, size: number, plan: Plan): Promise<Outcomes> {
  const out = newComputedOutcomes(plan, size);
  const result = await connection.run(`SELECT * FROM (${sql}) q ORDER BY row_index`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const v = chunk.getColumns().map((col) => col.map((x) => Number(x)));
    for (let r = 0; r < chunk.rowCount; r++) {
      const i = v[0]![r]!;
      out.status[i] = v[1]![r]!;
      out.clause[i] = v[3]![r]!;
      out.exclusion[i] = v[4]![r]!;
      out.daysRemitted[i] = v[5]![r]!;
      out.reason[i] = v[7]![r]!;
      out.almostKind[i] = v[8]![r]!;
      out.almostClause[i] = v[9]![r]!;
      out.almostCriterion[i] = v[10]![r]!;
      out.almostFrom[i] = v[11]![r]!;
      out.clauseMask[i] = v[12]![r]!;
      setComputed(out, i, v[2]![r]!, v[6]![r]!);
    }
  }
  return out;
}
