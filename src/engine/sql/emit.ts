/**
 * The checked plan of an act as one SQL query, for PostgreSQL and DuckDB: the same per-person
 * outcomes as the kernel (src/engine/act/kernel.ts) and the reference semantics
 * (src/engine/act/reference.ts), computed inside the database. Property tests hold all three equal.
 *
 * The query has four layers:
 *   f — persons with their articles' aggregates (gravest offence, tag bits, negligence, violence),
 *       read from the table person_facts computed when the registry is loaded (tables.ts), and
 *       the children under an age on a day that the plan reads, counted once per person in one
 *       pass over person_children (none when it reads none);
 *   c — the truth code (0 false, 1 unknown, 2 true) of every criterion of every clause, of every
 *       exclusion, and of each clause read on the last day of the execution period; the days each
 *       clause's measure would remit;
 *   k — per clause: criteria false / unknown, the first false one, its truth; the decision inputs;
 *   o — the outcome columns.
 *
 * Nothing from an act's text reaches the SQL but numbers and escaped string literals.
 */
import { entryAt } from '../../domain/lookup.ts';
import { ymdOfDay } from '../../domain/dates.ts';
import type { Fraction } from '../../domain/terms.ts';
import { UNKNOWN_DATE } from '../../domain/dates.ts';
import type { Law } from '../../law/law.ts';
import type { Checked } from '../condition.ts';
import { measureCode, type Measure, type Plan, type PlanClause } from '../act/plan.ts';
import { maskWordsFor, REASON, STATUS } from '../act/outcome.ts';
import { usesDuring } from '../act/reference.ts';
import { childrenUnderSubquery } from '../facts/family.ts';
import { addMonthsSql, monthsBetweenSql, SENTENCE_TERM_DAYS_SQL, SENTENCE_TERM_MONTHS_SQL, relativeDateSignSql, sqlNumber, sqlString, ymdOfSql, type SqlContext } from './expressions.ts';

const OP: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function factSql(c: Extract<Checked, { fact: unknown }>, ctx: SqlContext): string {
  return c.fact.sql(ctx, c.arg);
}

/** A condition as an SQL boolean expression (NULL = unknown). */
export function conditionSql(c: Checked, ctx: SqlContext, during: SqlContext, defs: ReadonlyMap<string, Checked>): string {
  const rec = (x: Checked, cx: SqlContext): string => {
    switch (x.k) {
      case 'const':
        return x.truth === 2 ? 'TRUE' : x.truth === 0 ? 'FALSE' : 'CAST(NULL AS BOOLEAN)';
      case 'def': {
        const d = defs.get(x.name);
        if (!d) throw new Error(`unknown definition ${x.name}`);
        return rec(d, cx);
      }
      case 'not':
        return `(NOT ${rec(x.item, cx)})`;
      case 'during':
        return rec(x.item, during);
      case 'and':
      case 'or':
        return `(${x.items.map((i) => rec(i, cx)).join(x.k === 'and' ? ' AND ' : ' OR ')})`;
      case 'bool':
        return `(${factSql(x, cx)})`;
      case 'num':
        if (x.fact.fractionSign && x.value.kind === 'const') return `(${x.fact.fractionSign.sql(cx, x.value.frac)} ${OP[x.op]} 0)`;
        return `(${factSql(x, cx)} ${OP[x.op]} ${x.value.kind === 'law' ? cx.param(x.value.name) : sqlNumber(x.value.value)})`;
      case 'term': {
        if (!x.fact.termSign) throw new Error(`${x.fact.name} is not a term fact`);
        return `(${x.fact.termSign.sql(cx, x.term)} ${OP[x.op]} 0)`;
      }
      case 'relDate': {
        if (!x.fact.ymd) throw new Error(`${x.fact.name} has no date to compare`);
        return `(${relativeDateSignSql(cx, x.fact.ymd.sql(), x.shift)} ${OP[x.op]} 0)`;
      }
      case 'numIn':
        return `(${factSql(x, cx)} ${x.negated ? 'NOT IN' : 'IN'} (${x.values.map(sqlNumber).join(', ')}))`;
      case 'enum':
        return `(${factSql(x, cx)} ${OP[x.op]} ${x.index})`;
      case 'enumIn':
        return `(${factSql(x, cx)} ${x.negated ? 'NOT IN' : 'IN'} (${x.indexes.join(', ')}))`;
      case 'str':
        return `(${factSql(x, cx)} ${x.negated ? 'NOT IN' : 'IN'} (${x.values.map(sqlString).join(', ')}))`;
      case 'known':
        return `(${factSql(x, cx)} IS ${x.negated ? '' : 'NOT '}NULL)`;
    }
  };
  return rec(c, ctx);
}

/** The truth code of a boolean, evaluating it once: true 2, false 0, NULL 1. */
const truthCode = (b: string) => `COALESCE(CAST(${b} AS INTEGER) * 2, 1)`;

/** floor(a / b) of whole numbers, the same in both databases. */
const floorDiv = (a: string, b: string) => `CAST(FLOOR((${a}) / CAST(${b} AS DOUBLE PRECISION)) AS BIGINT)`;

/**
 * The day a term (months M, days d) less a fraction of it ends, laid from `start`
 * (src/domain/terms.ts termLess: the fraction of the months, a left-over month as 30 days, the
 * days rounded half up, a 30-day month borrowed when the days would be negative).
 */
function reducedEndSql(start: string, M: string, d: string, f: Fraction): string {
  const pm = floorDiv(`${M} * ${f.num}`, String(f.den));
  const rest = `((${M} * ${f.num} - ${pm} * ${f.den}) * 30 + ${d} * ${f.num})`;
  const rd = floorDiv(`2 * ${rest} + ${f.den}`, String(2 * f.den));
  const months0 = `(${M} - ${pm})`;
  const days0 = `(${d} - ${rd})`;
  const borrow = `(CASE WHEN ${days0} < 0 THEN LEAST(${months0}, ${floorDiv(`29 - ${days0}`, '30')}) ELSE 0 END)`;
  return `(${addMonthsSql(start, `${months0} - ${borrow}`)} + GREATEST(0, ${days0} + ${borrow} * 30))`;
}

/**
 * Days a measure remits (NULL unknown, −1 none of the main term), in SQL over the c columns st, en,
 * tm / td (the sentence's term) and um / ud (the part left from the day of entry into force).
 */
function remitSql(m: Measure, day0: string): string {
  if (m.type === 'replace_milder' || (m.type === 'release' && m.punishment === 'additional')) return '-1';
  const rem = `(CASE WHEN en > ${day0} THEN en - ${day0} ELSE 0 END)`;
  const clamp = (d: string) => `LEAST(${rem}, GREATEST(0, ${d}))`;
  switch (m.type) {
    case 'release':
    case 'release_from_liability':
      return `(CASE WHEN en IS NULL THEN NULL ELSE ${rem} END)`;
    case 'reduce_unserved':
      return `(CASE WHEN en IS NULL THEN NULL WHEN en <= ${day0} THEN 0 ELSE ${clamp(`en - ${reducedEndSql(day0, 'um', 'ud', m.fraction)}`)} END)`;
    case 'reduce_imposed':
      return `(CASE WHEN en IS NULL OR st IS NULL OR tm IS NULL THEN NULL ELSE ${clamp(`(${addMonthsSql('st', 'tm')} + td) - ${reducedEndSql('st', 'tm', 'td', m.fraction)}`)} END)`;
    case 'reduce_months':
      return `(CASE WHEN en IS NULL THEN NULL ELSE LEAST(${rem}, en - (((DATE '1970-01-01' + en) - INTERVAL '${m.months} months')::DATE - DATE '1970-01-01')) END)`;
  }
}

/** How favourable a measure is (as the kernel's favourOf): releases first, then days. */
function favourSql(m: Measure, dy: string): string {
  if (m.type === 'release' && m.punishment === 'main') return '4000000000';
  if (m.type === 'release_from_liability') return '4000000001';
  if (m.type === 'replace_milder') return '-1';
  if (m.type === 'release') return '-2';
  return `(CASE WHEN ${dy} IS NULL OR ${dy} < 0 THEN 0 ELSE ${dy} END)`;
}

/** First index in `order` whose test holds, else −1. */
const firstOf = (tests: [number, string][]) => (tests.length === 0 ? '-1' : `(CASE ${tests.map(([j, t]) => `WHEN ${t} THEN ${j}`).join(' ')} ELSE -1 END)`);

/**
 * The SQL query of an act's outcomes, evaluated as if the act entered into force on `asOfDay`.
 * Columns: row_index, then outcomeColumnsSql(plan) — status, measure, clause, exclusion,
 * days_remitted, new_end, reason, almost_kind, almost_clause, almost_criterion, almost_from and the
 * clause mask's words clause_mask0… — coded as the Outcomes columns.
 */
export function outcomesSql(plan: Plan, law: Law, asOfDay: number = plan.entryIntoForce, materialized = true): string {
  // PostgreSQL substitutes a CTE read once into the query that reads it, and then computes each
  // column as often as it is referenced: the layers are materialized there. DuckDB eliminates the
  // common expressions itself, and runs the query about a fifth faster when they are not.
  const M = materialized ? 'AS MATERIALIZED' : 'AS';
  const laterDay = asOfDay + (plan.executionEnd - plan.entryIntoForce);
  // the children under an age on a day that the plan reads, counted once per person in one pass over person_children (layer f1)
  const childCounts: { ymd: string; years: string }[] = [];
  const ctxFor = (day: number): SqlContext => {
    const ymd = String(ymdOfDay(day));
    return {
      ymd,
      day: String(day),
      param: (name) => sqlNumber(law.parameters.value(name, asOfDay)),
      law: law.criminalCode,
      childrenUnder: (years) => {
        let k = childCounts.findIndex((c) => c.ymd === ymd && c.years === years);
        if (k < 0) k = childCounts.push({ ymd, years }) - 1;
        return `COALESCE(f.cu${k}, 0)`;
      },
    };
  };
  const q: QueryContext = { plan, now: ctxFor(asOfDay), later: ctxFor(laterDay), defs: new Map(plan.definitions.map((d) => [d.name, d.condition])), asOfDay, laterDay, D0: String(asOfDay) };
  const cCols = criteriaLayer(q);
  const kCols = clauseLayer(q);
  const { mCols, words } = decisionLayer(q);
  const dCols = combinationLayer(q);
  const o = outcomeLayer(q, words);
  const { bisect, last, steps } = bisectionLayers(q, o.laterClauses, o.laterPossible);
  const from = o.laterPossible ? `(CASE WHEN almost_kind = 2 THEN hi${steps} ELSE ${UNKNOWN_DATE} END)` : String(UNKNOWN_DATE);
  const outputs = ['row_index', 'status', 'measure', 'clause', 'exclusion', 'days_remitted', 'new_end', 'reason', 'almost_kind', 'almost_clause', 'almost_criterion', ...Array.from({ length: words }, (_, w) => `clause_mask${w}`)];

  const counts = childCounts.map((c, k) => `COUNT(CASE WHEN birth_ymd <= ${c.ymd} AND birth_ymd > ${c.ymd} - ${c.years} * 10000 THEN 1 END) AS cu${k}`);
  const children = counts.length > 0 ? ` LEFT JOIN (SELECT row_index, ${counts.join(', ')} FROM person_children GROUP BY row_index) ch ON ch.row_index = p.row_index` : '';

  return `WITH f1 AS (
  SELECT p.*, a.gravity, a.tag_mask, a.all_negligent, a.any_violent, ${childCounts.map((_, k) => `ch.cu${k}, `).join('')}${SENTENCE_TERM_MONTHS_SQL} AS term_months FROM persons p LEFT JOIN person_facts a ON a.row_index = p.row_index${children}
), f AS (
  SELECT f1.*, ${SENTENCE_TERM_DAYS_SQL} AS term_days FROM f1
), c ${M} (
  SELECT ${cCols.join(',\n    ')} FROM f
), k ${M} (
  SELECT ${kCols.join(',\n    ')} FROM c
), m ${M} (
  SELECT ${mCols.join(',\n    ')} FROM k
), d ${M} (
  SELECT ${dCols.join(',\n    ')} FROM m
), g ${M} (
  SELECT d.*, ${o.grantDays} AS grant_days FROM d
)${o.laterPossible ? `, o AS MATERIALIZED (
  SELECT row_index, ${o.outcomeCols},
  (CASE WHEN ${o.almostKind} = 2 THEN ${q.D0} END) AS lo0, (CASE WHEN ${o.almostKind} = 2 THEN ${laterDay} END) AS hi0
  FROM g
)${bisect.length > 0 ? `, ${bisect.join(', ')}` : ''}
SELECT ${outputs.join(', ')}, ${from} AS almost_from FROM ${last}` : `
SELECT row_index, ${o.outcomeCols}, ${from} AS almost_from FROM g`}`;
}

/** What every layer of the query reads: the plan, the days facts are read on, the definitions. */
interface QueryContext {
  plan: Plan;
  /** Facts read on the day of entry into force, and on the last day of the execution period. */
  now: SqlContext;
  later: SqlContext;
  defs: ReadonlyMap<string, Checked>;
  asOfDay: number;
  laterDay: number;
  /** The day of entry into force as an SQL literal. */
  D0: string;
}

const tr = (j: number) => `tr${j}`;
const favOfClause = (plan: Plan, j: number) => favourSql(entryAt(plan.clauses, j, 'clause').measure, `dy${j}`);

/**
 * Layer c: the truth code (0 false, 1 unknown, 2 true) of every criterion of every clause, of each
 * clause read on the last day of the execution period, of every exclusion; the sentence's term and
 * the part left from the day of entry into force in months and days.
 */
function criteriaLayer({ plan, now, later, defs, D0 }: QueryContext): string[] {
  const um = `(CASE WHEN sentence_end > ${D0} THEN ${monthsBetweenSql(D0, 'sentence_end')} ELSE 0 END)`;
  const cCols: string[] = ['row_index', 'sentence_start AS st', 'sentence_end AS en', 'term_months AS tm', 'term_days AS td', `${um} AS um`, `(CASE WHEN sentence_end > ${D0} THEN sentence_end - ${addMonthsSql(D0, um)} ELSE 0 END) AS ud`];
  plan.clauses.forEach((cl, j) => {
    cl.criteria.forEach((crit, q) => cCols.push(`${truthCode(conditionSql(crit, now, now, defs))} AS c${j}_${q}`));
    if (cl.criteria.some(usesDuring)) cCols.push(`${truthCode(conditionSql(cl.condition, now, later, defs))} AS l${j}`);
  });
  plan.exclusions.forEach((x, k) => cCols.push(`${truthCode(conditionSql(x.condition, now, now, defs))} AS x${k}`));
  return cCols;
}

/**
 * Layer k: per clause, its criteria false (nf) and unknown (nu), the first false one (ms), its
 * truth (tr) and the days its measure would remit (dy); the exclusion that holds (ex) and the first
 * undecided one before it (exu).
 */
function clauseLayer({ plan, D0 }: QueryContext): string[] {
  const kCols: string[] = ['c.*'];
  plan.clauses.forEach((cl, j) => {
    const crits = cl.criteria.map((_, q) => `c${j}_${q}`);
    kCols.push(`(${crits.map((x) => `(CASE WHEN ${x} = 0 THEN 1 ELSE 0 END)`).join(' + ')}) AS nf${j}`);
    kCols.push(`(${crits.map((x) => `(CASE WHEN ${x} = 1 THEN 1 ELSE 0 END)`).join(' + ')}) AS nu${j}`);
    kCols.push(`${firstOf(crits.map((x, q) => [q, `${x} = 0`]))} AS ms${j}`);
    kCols.push(`(CASE WHEN ${crits.map((x) => `${x} = 0`).join(' OR ')} THEN 0 WHEN ${crits.map((x) => `${x} = 1`).join(' OR ')} THEN 1 ELSE 2 END) AS tr${j}`);
    kCols.push(`${remitSql(cl.measure, D0)} AS dy${j}`);
  });
  const exTests: string[] = [];
  plan.exclusions.forEach((_, k) => exTests.push(`WHEN x${k} = 2 THEN ${k}`));
  kCols.push(plan.exclusions.length ? `(CASE ${exTests.join(' ')} ELSE -1 END) AS ex` : '-1 AS ex');
  // the first undecided exclusion before the first that holds (as the kernel reads them in order)
  const exU = plan.exclusions.flatMap((_, k) => [`WHEN x${k} = 1 THEN ${k}`, `WHEN x${k} = 2 THEN -1`]);
  kCols.push(plan.exclusions.length ? `(CASE ${exU.join(' ')} ELSE -1 END) AS exu` : '-1 AS exu');
  return kCols;
}

/** Layer m: what the decision reads — the first decisive clause, the clause mask, overlaps, the best score, the first holding and unknown. */
function decisionLayer({ plan }: QueryContext): { mCols: string[]; words: number } {
  const n = plan.clauses.length;
  const mCols: string[] = ['k.*'];
  mCols.push(`${firstOf(plan.clauses.map((_, j) => [j, `${tr(j)} <> 0`]))} AS first_idx`);
  // the clause mask, one 32-bit word per 32 clauses: bit j % 32 of word j / 32
  const words = maskWordsFor(n);
  for (let w = 0; w < words; w++) {
    const inWord = plan.clauses.slice(w * 32, w * 32 + 32);
    mCols.push(`(${inWord.length === 0 ? '0' : inWord.map((c) => `(CASE WHEN ${tr(c.index)} = 2 THEN ${2 ** (c.index % 32)} ELSE 0 END)`).join(' + ')}) AS clause_bits${w}`);
  }
  // overlap: two holding clauses with different measures
  const pairs: string[] = [];
  if (plan.overlapForbidden)
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (measureCode(entryAt(plan.clauses, a, 'clause').measure) !== measureCode(entryAt(plan.clauses, b, 'clause').measure)) pairs.push(`(${tr(a)} = 2 AND ${tr(b)} = 2)`);
  mCols.push(pairs.length ? `(${pairs.join(' OR ')}) AS has_overlap` : 'FALSE AS has_overlap');
  mCols.push(`${firstOf(plan.clauses.map((_, j) => [j, `${tr(j)} = 2`]))} AS first_holding_idx`);
  const fav = (j: number) => favOfClause(plan, j);
  const bestScore = n === 1 ? `(CASE WHEN ${tr(0)} = 2 THEN ${fav(0)} ELSE -1000000000000 END)` : `GREATEST(${plan.clauses.map((_, j) => `(CASE WHEN ${tr(j)} = 2 THEN ${fav(j)} ELSE -1000000000000 END)`).join(', ')})`;
  mCols.push(`${bestScore} AS best_score`);
  mCols.push(`${firstOf(plan.clauses.map((_, j) => [j, `${tr(j)} = 2`]))} AS any_holding`);
  mCols.push(`${firstOf(plan.clauses.map((_, j) => [j, `${tr(j)} = 1`]))} AS first_unknown`);
  return { mCols, words };
}

/** Layer d: the clause chosen and the undecided one by the act's combination rule, how far "one short" is looked for, and the days of all that apply. */
function combinationLayer({ plan }: QueryContext): string[] {
  const n = plan.clauses.length;
  const dCols: string[] = ['m.*'];
  const trOf = (idx: string) => (n === 0 ? '0' : `(CASE ${idx} ${plan.clauses.map((_, j) => `WHEN ${j} THEN ${tr(j)}`).join(' ')} ELSE 0 END)`);
  const fav = (j: number) => favOfClause(plan, j);
  const best = firstOf(plan.clauses.map((_, j) => [j, `${tr(j)} = 2 AND ${fav(j)} = best_score`]));
  let chosen: string;
  let undecided: string;
  let almostUpTo: string;
  if (plan.combine === 'first_match') {
    chosen = `(CASE WHEN first_idx >= 0 AND ${trOf('first_idx')} = 2 THEN first_idx ELSE -1 END)`;
    undecided = `(CASE WHEN first_idx >= 0 AND ${trOf('first_idx')} = 1 THEN first_idx ELSE -1 END)`;
    almostUpTo = `(CASE WHEN first_idx < 0 THEN ${n} ELSE first_idx END)`;
  } else if (plan.combine === 'most_favourable') {
    const bestIdx = best;
    const und = firstOf(plan.clauses.map((_, j) => [j, `${tr(j)} = 1 AND (${bestIdx} < 0 OR dy${j} IS NULL OR ${fav(j)} > best_score)`]));
    undecided = und;
    chosen = `(CASE WHEN ${und} < 0 THEN ${bestIdx} ELSE -1 END)`;
    almostUpTo = `(CASE WHEN ${bestIdx} < 0 AND ${und} < 0 THEN ${n} ELSE 0 END)`;
  } else {
    undecided = 'first_unknown';
    chosen = `(CASE WHEN first_unknown < 0 THEN ${best} ELSE -1 END)`;
    almostUpTo = `(CASE WHEN first_unknown < 0 AND any_holding < 0 THEN ${n} ELSE 0 END)`;
  }
  dCols.push(`${chosen} AS chosen`, `${undecided} AS undecided`, `${almostUpTo} AS almost_upto`);
  // all_that_apply: the days of every holding clause
  if (plan.combine === 'all_that_apply') {
    const releaseKinds = plan.clauses.map((c, j) => [j, (c.measure.type === 'release' && c.measure.punishment === 'main') || c.measure.type === 'release_from_liability'] as const);
    const anyRelease = releaseKinds.filter(([, r]) => r).map(([j]) => `${tr(j)} = 2`);
    dCols.push(anyRelease.length ? `(${anyRelease.join(' OR ')}) AS any_release` : 'FALSE AS any_release');
    dCols.push(`(${plan.clauses.map((_, j) => `(${tr(j)} = 2 AND dy${j} IS NULL)`).join(' OR ')}) AS any_unknown_days`);
    const sumParts = releaseKinds.filter(([, r]) => !r).map(([j]) => `(CASE WHEN ${tr(j)} = 2 AND dy${j} >= 0 THEN dy${j} ELSE 0 END)`);
    dCols.push(sumParts.length ? `(${sumParts.join(' + ')}) AS sum_days` : '0 AS sum_days');
    const anyDays = releaseKinds.filter(([, r]) => !r).map(([j]) => `(${tr(j)} = 2 AND dy${j} >= 0)`);
    dCols.push(`(${[...anyRelease, ...anyDays, 'FALSE'].join(' OR ')}) AS any_days`);
  }
  return dCols;
}

/** Layer o: the outcome columns — status, measure, clause, exclusion, days, new end, reason, almost eligible, the clause mask. */
function outcomeLayer({ plan, asOfDay, laterDay, D0 }: QueryContext, words: number) {
  const n = plan.clauses.length;
  const dyOf = (idx: string) => `(CASE ${idx} ${plan.clauses.map((_, j) => `WHEN ${j} THEN dy${j}`).join(' ')} END)`;
  const rem = `(CASE WHEN en > ${D0} THEN en - ${D0} ELSE 0 END)`;
  const grantDays =
    plan.combine === 'all_that_apply'
      ? `(CASE WHEN any_unknown_days THEN NULL WHEN any_days THEN (CASE WHEN any_release THEN ${rem} ELSE LEAST(sum_days, ${rem}) END) ELSE -1 END)`
      : dyOf('chosen');
  const covered = `(chosen >= 0 OR undecided >= 0 OR has_overlap)`;
  const excluded = `(${covered} AND ex >= 0)`;
  const notServing = `((en IS NOT NULL AND en <= ${D0}) OR (st IS NOT NULL AND st > ${D0}))`;
  const useMask = !(plan.combine === 'first_match' && !plan.overlapForbidden);
  // almost: one criterion short
  const oneShort = firstOf(plan.clauses.filter((c) => c.criteria.length >= 2).map((c) => [c.index, `${c.index} < almost_upto AND nf${c.index} = 1 AND nu${c.index} = 0`]));
  const laterClauses = plan.clauses.filter((c) => c.criteria.some(usesDuring));
  const laterAny = firstOf(laterClauses.map((c) => [c.index, `l${c.index} = 2`]));
  const laterBefore = firstOf(laterClauses.map((c) => [c.index, `l${c.index} = 2 AND chosen > ${c.index}`]));
  const laterPossible = laterDay > asOfDay && laterClauses.length > 0;

  const status = `(CASE WHEN ${notServing} THEN ${STATUS.not_covered} WHEN ${excluded} THEN ${STATUS.excluded}
      WHEN has_overlap THEN ${STATUS.needs_review}
      WHEN chosen >= 0 THEN (CASE WHEN exu >= 0 THEN ${STATUS.needs_review} ELSE ${STATUS.eligible} END)
      WHEN undecided >= 0 THEN ${STATUS.needs_review} ELSE ${STATUS.not_covered} END)`;
  const reason = `(CASE WHEN ${notServing} THEN ${REASON.not_serving} WHEN ${excluded} THEN ${REASON.excluded}
      WHEN has_overlap THEN ${REASON.overlap}
      WHEN chosen >= 0 THEN (CASE WHEN exu >= 0 THEN ${REASON.exclusion_unknown} WHEN grant_days IS NULL THEN ${REASON.remaining_unknown} ELSE ${REASON.matched} END)
      WHEN undecided >= 0 THEN ${REASON.unknown_fact} ELSE ${REASON.no_clause} END)`;
  const codes = plan.clauses.map((c) => measureCode(c.measure));
  const measure = `(CASE WHEN ${notServing} OR ${excluded} OR has_overlap OR chosen < 0 THEN 0 ELSE (CASE chosen ${codes.map((code, j) => `WHEN ${j} THEN ${code}`).join(' ')} ELSE 0 END) END)`;
  const clause = `(CASE WHEN ${notServing} THEN -1 WHEN ${excluded} THEN first_idx WHEN has_overlap THEN first_holding_idx WHEN chosen >= 0 THEN chosen WHEN undecided >= 0 THEN undecided ELSE -1 END)`;
  const exclusion = `(CASE WHEN ${notServing} THEN -1 WHEN ${excluded} THEN ex WHEN has_overlap THEN -1 WHEN chosen >= 0 OR undecided >= 0 THEN exu ELSE -1 END)`;
  const granted = `(NOT ${notServing} AND NOT ${excluded} AND NOT has_overlap AND chosen >= 0)`;
  // days are remitted only when granted: an undecided exclusion leaves them unset
  const remits = `(${granted} AND exu < 0)`;
  const days = `(CASE WHEN ${remits} AND grant_days IS NOT NULL AND grant_days >= 0 THEN grant_days ELSE -1 END)`;
  const newEnd = `(CASE WHEN ${remits} AND grant_days IS NOT NULL AND grant_days >= 0 THEN en - grant_days ELSE ${UNKNOWN_DATE} END)`;
  const notCovered = `(NOT ${notServing} AND NOT ${covered})`;
  // almost for not covered: later overrides one short; an exclusion that holds clears both
  const almostNc = laterPossible ? `(CASE WHEN ${laterAny} >= 0 THEN 2 WHEN ${oneShort} >= 0 THEN 1 ELSE 0 END)` : `(CASE WHEN ${oneShort} >= 0 THEN 1 ELSE 0 END)`;
  const almostNcClause = laterPossible ? `(CASE WHEN ${laterAny} >= 0 THEN ${laterAny} ELSE ${oneShort} END)` : oneShort;
  const almostNcCrit = laterPossible ? `(CASE WHEN ${laterAny} >= 0 THEN -1 WHEN ${oneShort} >= 0 THEN ${msOf(oneShort, n)} ELSE -1 END)` : `(CASE WHEN ${oneShort} >= 0 THEN ${msOf(oneShort, n)} ELSE -1 END)`;
  const eligibleLater = plan.combine === 'first_match' && laterPossible ? `(${granted} AND exu < 0 AND ${laterBefore} >= 0)` : 'FALSE';
  const almostKind = `(CASE WHEN ${eligibleLater} THEN 2 WHEN ${notCovered} AND ex < 0 THEN ${almostNc} ELSE 0 END)`;
  const almostClause = `(CASE WHEN ${eligibleLater} THEN ${laterBefore} WHEN ${notCovered} AND ex < 0 AND ${almostNc} > 0 THEN ${almostNcClause} ELSE -1 END)`;
  const almostCrit = `(CASE WHEN ${notCovered} AND ex < 0 AND ${almostNc} > 0 THEN ${almostNcCrit} ELSE -1 END)`;
  const maskOut = (w: number) => (useMask ? `(CASE WHEN ${notServing} OR ${excluded} THEN 0 ELSE clause_bits${w} END)` : '0');
  const outcomeCols = `${status} AS status,
  ${measure} AS measure,
  ${clause} AS clause,
  ${exclusion} AS exclusion,
  ${days} AS days_remitted,
  ${newEnd} AS new_end,
  ${reason} AS reason,
  ${almostKind} AS almost_kind,
  ${almostClause} AS almost_clause,
  ${almostCrit} AS almost_criterion,
  ${Array.from({ length: words }, (_, w) => `${maskOut(w)} AS clause_mask${w}`).join(',\n  ')}`;
  return { grantDays, outcomeCols, almostKind, laterClauses, laterPossible };
}

/**
 * The first day of a `later` outcome: bisection over the execution period as the reference's
 * eligibleFrom, one pair of layers per halving — the day tried (mid), then the new bounds.
 */
function bisectionLayers({ now, defs, asOfDay, laterDay }: QueryContext, laterClauses: PlanClause[], laterPossible: boolean): { bisect: string[]; last: string; steps: number } {
  let steps = 0;
  for (let d = laterDay - asOfDay; d > 1; d = Math.ceil(d / 2)) steps++;
  const bisect: string[] = [];
  const laterHolds = (mid: string) => {
    const ymd = ymdOfSql(mid);
    const at: SqlContext = { ...now, day: mid, ymd, childrenUnder: (years) => childrenUnderSubquery(ymd, years) };
    return `(CASE almost_clause ${laterClauses.map((c) => `WHEN ${c.index} THEN ${truthCode(conditionSql(c.condition, now, at, defs))}`).join(' ')} ELSE 0 END)`;
  };
  let prev = 'o';
  if (laterPossible)
    for (let k = 1; k <= steps; k++) {
      bisect.push(`m${k} AS MATERIALIZED (
  SELECT ${prev}.*, (CASE WHEN hi${k - 1} - lo${k - 1} > 1 THEN CAST(FLOOR((lo${k - 1} + hi${k - 1}) / 2.0) AS INTEGER) END) AS mid${k} FROM ${prev}
), b${k} AS MATERIALIZED (
  SELECT m${k}.*, (CASE WHEN mid${k} IS NULL THEN lo${k - 1} WHEN ${laterHolds(`m${k}.mid${k}`)} = 2 THEN lo${k - 1} ELSE mid${k} END) AS lo${k},
    (CASE WHEN mid${k} IS NULL THEN hi${k - 1} WHEN ${laterHolds(`m${k}.mid${k}`)} = 2 THEN mid${k} ELSE hi${k - 1} END) AS hi${k}
  FROM m${k} JOIN f ON f.row_index = m${k}.row_index
)`);
      prev = `b${k}`;
    }
  return { bisect, last: prev, steps };
}

/** The outcome columns of the query, in order (after row_index): `words` clause mask words. */
export function outcomeColumnsSql(plan: Plan): string[] {
  return ['status', 'measure', 'clause', 'exclusion', 'days_remitted', 'new_end', 'reason', 'almost_kind', 'almost_clause', 'almost_criterion', 'almost_from', ...Array.from({ length: maskWordsFor(plan.clauses.length) }, (_, w) => `clause_mask${w}`)];
}

function msOf(idx: string, n: number): string {
  return `(CASE ${idx} ${Array.from({ length: n }, (_, j) => `WHEN ${j} THEN ms${j}`).join(' ')} ELSE -1 END)`;
}
