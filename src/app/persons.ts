/**
 * Person-level use cases: lists of persons with their outcome under an act (filtered, sorted,
 * exported), one person with the explanation of their outcome, and the persons of a transition
 * between two acts. Every answer is limited to the asking user's scope, and every read is recorded
 * in the audit log (who, what query or which persons, how many) before the data leaves.
 */
import { msg } from '../i18n/message.ts';
import { CUSTODIES, SEXES } from '../domain/enums.ts';
import { formatIsoDate } from '../domain/dates.ts';
import { entryAt } from '../domain/lookup.ts';
import { outcomeDetails } from '../engine/act/evaluate.ts';
import { explain, renderTrace, type Trace } from '../engine/act/explain.ts';
import { ALMOST_KINDS, measureAt, newEndAt, outcomeRow, type Outcomes, REASONS, STATUSES } from '../engine/act/outcome.ts';
import { MEASURE_CODES, type Plan } from '../engine/act/plan.ts';
import { API_MESSAGES, API_OBJECTS } from '../i18n/api.ts';
import type { Lang } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import { MEASURE_KINDS } from '../impact/config.ts';
import { runFromOutcomes } from '../impact/run.ts';
import type { PersonRecord } from '../registry/record.ts';
import type { DictColumn, Registry } from '../registry/registry.ts';
import { recordToCells } from '../registry/row.ts';
import { appendAudit, type AuditEntry } from '../store/audit.ts';
import type { RegistryRef } from '../store/registries.ts';
import { getRun } from '../store/runs.ts';
import { readActPlan, type UnverifiedInput } from './acts.ts';
import { actDoubts, outcomeDoubts } from '../engine/act/doubt.ts';
import { PersonRows, rowSource } from './person-row.ts';
import type { Actor, AppContext } from './context.ts';
import { AppError, named } from './errors.ts';
import { dayOf, evaluatedOn, planOn, registryFor } from './evaluations.ts';
import { inScope, personScope, type PersonScope } from './roles.ts';

/** What the persons are read under: a stored run, or an act (head or a version) on a registry and day. */
export interface OutcomeSource {
  run?: string | undefined;
  act?: string | undefined;
  version?: number | undefined;
  registry?: string | undefined;
  asOf?: string | undefined;
}

export interface Resolved {
  plan: Plan;
  actId: string;
  version: number;
  info: RegistryRef;
  registry: Registry;
  day: number;
  outcomes: Outcomes;
  runId: string | null;
}

/** Both results; when both fail, the first one's error (as if they had run in this order). */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

export async function resolveOutcomes(ctx: AppContext, src: OutcomeSource): Promise<Resolved> {
  if (src.run !== undefined) {
    const run = await getRun(ctx.db, src.run);
    if (!run) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.evaluation, { id: String(src.run) }) });
    const { actId, version, plan } = await readActPlan(ctx, run.actId, run.actVersion ?? undefined);
    const { info, registry } = await registryFor(ctx, run.registryId);
    const day = dayOf(plan, run.asOf);
    return { plan: planOn(plan, day), actId, version, info, registry, day, outcomes: evaluatedOn(ctx, plan, info.id, registry, day).outcomes, runId: run.id };
  }
  if (src.act === undefined) throw new AppError('bad_request', API_MESSAGES.validation, { n: 1 }, [{ path: '$.act', message: msg('act.act_or_run') }]);
  // The act and the registry are read at once (two statements in flight, not one after the other).
  const [{ actId, version, plan }, { info, registry }] = await both(readActPlan(ctx, src.act, src.version), registryFor(ctx, src.registry));
  const day = dayOf(plan, src.asOf);
  return { plan: planOn(plan, day), actId, version, info, registry, day, outcomes: evaluatedOn(ctx, plan, info.id, registry, day).outcomes, runId: null };
}

export const PERSON_SORTS = ['row', 'person_id', 'last_name', 'days_remitted', 'new_end', 'facility'] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

export interface PersonFilter {
  status?: readonly string[] | undefined;
  measure?: readonly string[] | undefined;
  /** Clause ids or references. */
  clause?: readonly string[] | undefined;
  /** Exclusion ids or references. */
  exclusion?: readonly string[] | undefined;
  reason?: readonly string[] | undefined;
  facility?: readonly string[] | undefined;
  region?: readonly string[] | undefined;
  custody?: readonly string[] | undefined;
  sex?: readonly string[] | undefined;
  /** Almost eligible: of either kind (`any`), or `one_short` / `later`. */
  almost?: 'any' | 'one_short' | 'later' | undefined;
  /** A person id, ИИН or surname prefix. */
  search?: string | undefined;
  /** The persons of one cell of a transition matrix: their kind under this act … */
  kind?: string | undefined;
  /** … and under another act (with `compareKind`). */
  compareWith?: { act: string; version?: number | undefined } | undefined;
  compareKind?: string | undefined;
}

export interface PersonListRequest {
  source: OutcomeSource;
  filter: PersonFilter;
  sort: PersonSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface PersonList {
  act: { id: string; version: number; hash: string };
  registry: { id: string; name: string };
  as_of: string;
  run: string | null;
  total: number;
  offset: number;
  /** Written from the columns (src/app/person-row.ts); `objects()` for the row objects. */
  rows: PersonRows;
}

const dictValue = (col: { codes: Uint32Array; values: string[] }, i: number): string | null => {
  const code = col.codes[i]!;
  return code === 0 ? null : entryAt(col.values, code, 'dictionary code');
};

function codesOf(list: readonly string[] | undefined, values: readonly string[]): Set<number> | null {
  if (list === undefined || list.length === 0) return null;
  return new Set(list.map((v) => values.indexOf(v)).filter((k) => k >= 0));
}

/** The indexes of the clauses (or exclusions) named by id or reference; null when none is asked for. */
function indexesNamed(items: readonly { id: string; ref: string; index: number }[], names: readonly string[] | undefined): Set<number> | null {
  if (names === undefined || names.length === 0) return null;
  return new Set(items.filter((x) => names.includes(x.id) || names.includes(x.ref)).map((x) => x.index));
}

function dictCodes(list: readonly string[] | undefined, col: { values: string[] }): Set<number> | null {
  if (list === undefined || list.length === 0) return null;
  return new Set(list.map((v) => col.values.indexOf(v)).filter((k) => k > 0));
}

/** The rows of each code of a dictionary column, in registry order; built once per loaded column. */
const rowsByCode = new WeakMap<Uint32Array, { offsets: Int32Array; rows: Int32Array }>();

function rowIndex(col: DictColumn): { offsets: Int32Array; rows: Int32Array } {
  let index = rowsByCode.get(col.codes);
  if (index === undefined) {
    const offsets = new Int32Array(col.values.length + 1);
    for (let i = 0; i < col.codes.length; i++) offsets[col.codes[i]! + 1]!++;
    for (let k = 0; k < col.values.length; k++) offsets[k + 1]! += offsets[k]!;
    const next = offsets.slice(0, col.values.length);
    const rows = new Int32Array(col.codes.length);
    for (let i = 0; i < col.codes.length; i++) rows[next[col.codes[i]!]!++] = i;
    index = { offsets, rows };
    rowsByCode.set(col.codes, index);
  }
  return index;
}

/** The rows whose cell in the column has one of the codes, in registry order. */
function rowsWithCodes(col: DictColumn, codes: ReadonlySet<number>): Int32Array {
  const { offsets, rows } = rowIndex(col);
  let n = 0;
  for (const k of codes) n += offsets[k + 1]! - offsets[k]!;
  const out = new Int32Array(n);
  let at = 0;
  for (const k of codes) {
    out.set(rows.subarray(offsets[k]!, offsets[k + 1]!), at);
    at += offsets[k + 1]! - offsets[k]!;
  }
  return codes.size > 1 ? out.sort() : out;
}

/**
 * Row indexes of the persons in scope that pass the filter, in registry order. A facility or region
 * (asked for, or the user's scope) narrows the rows looked at to that facility's or region's; every
 * condition is still checked on each of them.
 */
async function selectRows(ctx: AppContext, r: Resolved, f: PersonFilter, scope: PersonScope): Promise<number[]> {
  const c = r.registry.columns;
  const o = r.outcomes;
  const status = codesOf(f.status, STATUSES);
  const measure = codesOf(f.measure, MEASURE_CODES);
  const reason = codesOf(f.reason, REASONS);
  const custody = codesOf(f.custody, CUSTODIES);
  const sex = codesOf(f.sex, SEXES);
  const clause = indexesNamed(r.plan.clauses, f.clause);
  const exclusion = indexesNamed(r.plan.exclusions, f.exclusion);
  const facility = dictCodes(f.facility, c.facility);
  const region = dictCodes(f.region, c.region);
  // The user's scope as codes of the registry's dictionaries (a code is never 0, the unknown cell).
  const scopeFacility = scope.kind === 'facilities' ? dictCodes([...scope.codes], c.facility) ?? new Set<number>() : null;
  const scopeRegion = scope.kind === 'regions' ? dictCodes([...scope.codes], c.region) ?? new Set<number>() : null;
  const scopeByRow = scope.kind === 'courts' || scope.kind === 'none';
  const almost = f.almost === undefined ? null : f.almost === 'any' ? new Set([1, 2]) : new Set([ALMOST_KINDS.indexOf(f.almost)]);
  const search = f.search?.trim().toLowerCase() || null;
  // A transition cell: the kind of measure under this act and under the other one.
  let kindHere: Int8Array | null = null;
  let kindThere: Int8Array | null = null;
  const kindCode = (k: string | undefined) => (k === undefined ? null : k === 'none' ? -1 : MEASURE_KINDS.indexOf(k as never));
  const wantHere = kindCode(f.kind);
  const wantThere = kindCode(f.compareKind);
  if (wantHere !== null) kindHere = runFromOutcomes(r.plan, o, r.day, ctx.env.law).kind;
  if (f.compareWith !== undefined && wantThere !== null) {
    const other = await readActPlan(ctx, f.compareWith.act, f.compareWith.version);
    const day = other.plan.entryIntoForce;
    kindThere = runFromOutcomes(other.plan, evaluatedOn(ctx, other.plan, r.info.id, r.registry, day).outcomes, day, ctx.env.law).kind;
  }
  const candidates =
    facility !== null ? rowsWithCodes(c.facility, facility)
    : scopeFacility !== null ? rowsWithCodes(c.facility, scopeFacility)
    : region !== null ? rowsWithCodes(c.region, region)
    : scopeRegion !== null ? rowsWithCodes(c.region, scopeRegion)
    : null;
  const n = candidates === null ? r.registry.size : candidates.length;
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = candidates === null ? k : candidates[k]!;
    if (status && !status.has(o.status[i]!)) continue;
    if (measure && !measure.has(measureAt(o, i))) continue;
    if (reason && !reason.has(o.reason[i]!)) continue;
    if (clause && !(clause.has(o.clause[i]!) && o.status[i] !== 2)) continue;
    if (exclusion && !(exclusion.has(o.exclusion[i]!) && o.status[i] === 2)) continue;
    if (almost && !almost.has(o.almostKind[i]!)) continue;
    if (custody && !custody.has(c.custody[i]!)) continue;
    if (sex && !sex.has(c.sex[i]!)) continue;
    if (facility && !facility.has(c.facility.codes[i]!)) continue;
    if (region && !region.has(c.region.codes[i]!)) continue;
    if (scopeFacility && !scopeFacility.has(c.facility.codes[i]!)) continue;
    if (scopeRegion && !scopeRegion.has(c.region.codes[i]!)) continue;
    if (kindHere && kindHere[i] !== wantHere) continue;
    if (kindThere && kindThere[i] !== wantThere) continue;
    if (scopeByRow && !inScope(scope, { facility: dictOf(c.facility, i), region: dictOf(c.region, i) })) continue;
    if (search !== null) {
      const id = r.registry.personId[i]!.toLowerCase();
      const name = (dictOf(c.lastName, i) ?? '').toLowerCase();
      const iin = Number.isNaN(c.iin[i]!) ? '' : String(c.iin[i]).padStart(12, '0');
      if (!id.startsWith(search) && !name.startsWith(search) && !iin.startsWith(search)) continue;
    }
    out.push(i);
  }
  return out;
}

const dictOf = dictValue;

function sortRows(r: Resolved, rows: number[], sort: PersonSort, order: 'asc' | 'desc'): void {
  const c = r.registry.columns;
  const o = r.outcomes;
  const dir = order === 'asc' ? 1 : -1;
  const by = <T>(key: (i: number) => T, cmp: (a: T, b: T) => number) => rows.sort((a, b) => dir * cmp(key(a), key(b)) || a - b);
  const num = (a: number, b: number) => a - b;
  const str = (a: string, b: string) => a.localeCompare(b, 'ru');
  switch (sort) {
    case 'row':
      if (order === 'desc') rows.reverse();
      return;
    case 'person_id':
      by((i) => r.registry.personId[i]!, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return;
    case 'last_name':
      by((i) => dictOf(c.lastName, i) ?? '', str);
      return;
    case 'facility':
      by((i) => dictOf(c.facility, i) ?? '', str);
      return;
    case 'days_remitted':
      by((i) => o.daysRemitted[i]!, num);
      return;
    case 'new_end':
      by((i) => newEndAt(o, i), num);
      return;
  }
}

function audit(actor: Actor, action: string, target: Record<string, unknown>, result: AuditEntry['result'] = 'ok'): AuditEntry {
  return { userId: actor.userId, username: actor.username, role: actor.role, action, target, result, ip: actor.ip };
}

/** Records a refusal (a role or scope that does not allow the read) and returns the error to throw. */
export async function refused(ctx: AppContext, actor: Actor, action: string, target: Record<string, unknown>, error: AppError): Promise<AppError> {
  await appendAudit(ctx.db, audit(actor, action, { ...target, refused: error.code }, 'refused'));
  return error;
}

function queryOf(req: PersonListRequest): Record<string, unknown> {
  const f = req.filter;
  const q: Record<string, unknown> = { ...req.source, sort: req.sort, order: req.order, limit: req.limit, offset: req.offset };
  for (const [k, v] of Object.entries(f)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) q[k] = v;
  return q;
}

/** A page of persons with their outcome; the read is audited with the query and the count. */
export async function listPersons(ctx: AppContext, actor: Actor, req: PersonListRequest, action: 'persons.list' | 'persons.export' = 'persons.list'): Promise<PersonList> {
  const scope = personScope(actor);
  const r = await resolveOutcomes(ctx, req.source);
  const rows = await selectRows(ctx, r, req.filter, scope);
  sortRows(r, rows, req.sort, req.order);
  const page = rows.slice(req.offset, req.offset + req.limit);
  await appendAudit(ctx.db, audit(actor, action, { query: queryOf(req), registry_id: r.info.id, act_id: r.actId, count: rows.length, returned: page.length, scope: scope.kind }));
  return {
    act: { id: r.actId, version: r.version, hash: r.plan.hash },
    registry: { id: r.info.id, name: r.info.name },
    as_of: formatIsoDate(r.day),
    run: r.runId,
    total: rows.length,
    offset: req.offset,
    rows: new PersonRows(rowSource(r.registry, r.outcomes, r.plan), page),
  };
}

export interface PersonView {
  act: { id: string; version: number; hash: string; title: Plan['source']['title'] };
  registry: { id: string; name: string };
  as_of: string;
  /** The record's cells as the data contract writes them (empty = unknown). */
  record: Record<string, string>;
  articles: { id: string; title: { ru: string; kk: string; en: string }; gravity: string }[];
  outcome: ReturnType<typeof outcomeRow>;
  /** The explanation rendered in the chosen language, and as data. */
  explanation: { lang: Lang; text: string; trace: Omit<Trace, 'act'> };
  unknown_facts: string[];
  /** The unverified inputs this person's outcome rests on. */
  unverified: UnverifiedInput[];
}

/**
 * Why a person gets their outcome under an act (`amnestia explain`, `GET /api/persons/{id}`): the
 * engine's trace from the person's record; null when the person is not in the registry.
 */
export function explainPerson(law: Law, plan: Plan, registry: Registry, personId: string, day: number): { index: number; record: PersonRecord; trace: Trace } | null {
  const index = registry.indexOf(personId);
  if (index < 0) return null;
  const record = registry.record(index);
  return { index, record, trace: explain(plan, record, law, day) };
}

/** One person with the outcome and its explanation; audited with the person's id. */
export async function readPerson(ctx: AppContext, actor: Actor, personId: string, source: OutcomeSource, lang: Lang): Promise<PersonView> {
  const scope = personScope(actor);
  const r = await resolveOutcomes(ctx, source);
  const explained = explainPerson(ctx.env.law, r.plan, r.registry, personId, r.day);
  // A user limited to some persons is not told whether others exist: the same refusal either way.
  if (explained === null)
    throw await refused(
      ctx,
      actor,
      'person.read',
      { person_id: personId, registry_id: r.info.id },
      scope.kind === 'all' ? new AppError('not_found', API_MESSAGES.person_not_in_registry, { person: personId, registry: r.info.name }) : new AppError('forbidden', API_MESSAGES.forbidden_scope, { person: personId }),
    );
  const { index: i, record, trace } = explained;
  if (!inScope(scope, { facility: record.facility, region: record.region }))
    throw await refused(ctx, actor, 'person.read', { person_id: personId, registry_id: r.info.id }, new AppError('forbidden', API_MESSAGES.forbidden_scope, { person: personId }));
  const { outcome, reasons } = outcomeDetails(r.plan, r.registry, ctx.env.law, r.outcomes, i, r.day);
  const doubts = actDoubts(r.plan, ctx.env.law, r.day);
  const restsOn = outcomeDoubts(doubts, outcome, (record.articles ?? []).map((a) => entryAt(r.registry.law.parts, a, 'law part')));
  await appendAudit(ctx.db, audit(actor, 'person.read', { person_id: personId, registry_id: r.info.id, act_id: r.actId, act_version: r.version, explanation: lang }));
  const { act: _act, ...traceData } = trace;
  return {
    act: { id: r.actId, version: r.version, hash: r.plan.hash, title: r.plan.source.title },
    registry: { id: r.info.id, name: r.info.name },
    as_of: formatIsoDate(r.day),
    record: recordToCells(record, r.registry.law),
    articles: (record.articles ?? []).map((a) => {
      const p = entryAt(r.registry.law.parts, a, 'law part');
      // An article without its Kazakh title in the table is named in Russian (the Code's other official language).
      return { id: p.id, title: { kk: p.title.kk ?? p.title.ru, ru: p.title.ru, en: p.title.en }, gravity: p.gravity };
    }),
    outcome: outcomeRow(r.plan, personId, outcome, reasons, restsOn),
    explanation: { lang, text: renderTrace(trace, r.plan, lang), trace: JSON.parse(JSON.stringify(traceData, (k, v: unknown) => (k === 'fact' && typeof v === 'object' ? undefined : v))) as Omit<Trace, 'act'> },
    unknown_facts: trace.unknownFacts,
    unverified: restsOn.map((key) => doubts.all.get(key)).filter((d): d is UnverifiedInput => d !== undefined),
  };
}
