/**
 * Act use cases: compile an act's text (cached by content hash), the library of laws and drafts,
 * the literate view, drafts with versions and optimistic concurrency, forking and adoption, and
 * the import of the shipped acts at first start.
 */
import { msg } from '../i18n/message.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DataFileError, type LocatedError } from '../domain/located.ts';
import { formatIsoDate } from '../domain/dates.ts';
import { entryAt, present } from '../domain/lookup.ts';
import { factsUsed, type Checked } from '../engine/condition.ts';
import { findActs } from '../engine/act/act-tests.ts';
import { describeCondition } from '../engine/act/describe.ts';
import { lintAct } from '../engine/act/lint.ts';
import { compileActText, compileActTextQuickly, MEASURE_CODES, MEASURE_LABELS, measureCode, type Measure, type Plan } from '../engine/act/plan.ts';
import { API_MESSAGES, API_OBJECTS } from '../i18n/api.ts';
import type { Text } from '../i18n/text.ts';
import { SENTENCE_TYPE_LABELS } from '../i18n/enums.ts';
import type { SentenceType } from '../domain/enums.ts';
import { DEFAULT_PATHS } from '../paths.ts';
import type { Registry } from '../registry/registry.ts';
import type { Law } from '../law/law.ts';
import { actDoubts, type Doubt } from '../engine/act/doubt.ts';
import { appendAuditIn } from '../store/audit.ts';
import { actCount, getAct, getVersion, getVersionRef, getVersionSource, insertAct, insertVersion, listActs, listVersions, markAdopted, type ActRecord, type ActVersion } from '../store/acts.ts';
import type { Actor, AppContext } from './context.ts';
import { AppError, named, locationsOf } from './errors.ts';
import { maybeKill } from './faults.ts';

export function actHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The file name an act's located errors name. */
export function actFileLabel(id: string, version?: number): string {
  return version === undefined ? `${id}.yaml` : `${id}@${version}.yaml`;
}

/** Compiles an act's text, or throws `invalid_act` with every error located (line, column, path). */
export function planOf(ctx: Pick<AppContext, 'plans' | 'env'>, text: string, label: string): Plan {
  const hash = actHash(text);
  const cached = ctx.plans.get(hash);
  if (cached) return cached;
  try {
    const { plan } = compileActTextQuickly(text, label, ctx.env.law);
    ctx.plans.set(hash, plan);
    return plan;
  } catch (e) {
    if (e instanceof DataFileError) throw invalidAct(e.errors);
    throw e;
  }
}

export function invalidAct(errors: readonly LocatedError[]): AppError {
  return new AppError('invalid_act', API_MESSAGES.invalid_act, { n: errors.length }, locationsOf(errors));
}

/**
 * An act's check (`amnestia validate`, `POST /api/acts/validate`): the compile errors, or the
 * linter's errors and warnings — on a sample registry when given, as if in force on `asOfDay`.
 */
export function validateActText(law: Law, text: string, label: string, sample: Registry | null, asOfDay?: number): { plan: Plan | null; errors: LocatedError[]; warnings: LocatedError[] } {
  let compiled;
  try {
    compiled = compileActText(text, label, law);
  } catch (e) {
    if (e instanceof DataFileError) return { plan: null, errors: e.errors, warnings: [] };
    throw e;
  }
  const lint = lintAct(compiled.plan, law, compiled.map, sample, asOfDay ?? compiled.plan.entryIntoForce);
  return { plan: compiled.plan, errors: lint.errors, warnings: [...compiled.warnings, ...lint.warnings] };
}

/** An input the act rests on that is not verified against the law's text (src/engine/act/doubt.ts). */
export type UnverifiedInput = Doubt;

/** Every unverified input of the act: its source, clause texts, act and law parameters, Code parts. */
export function unverifiedInputs(plan: Plan, law: Law): UnverifiedInput[] {
  return [...actDoubts(plan, law).all.values()];
}

// ---- views -------------------------------------------------------------------------------------

export interface ActSummary {
  id: string;
  kind: ActRecord['kind'];
  status: Plan['source']['status'];
  title: Text;
  entryIntoForce: string;
  executionEnd: string;
  version: number;
  hash: string;
  etag: string;
  forkedFrom: string | null;
  updatedAt: string;
  updatedBy: string | null;
  clauses: number;
  exclusions: number;
  unverified: number;
}

export function etagOf(act: { id: string; headVersion: number; headHash: string }): string {
  return `"${act.id}@${act.headVersion}-${act.headHash.slice(0, 16)}"`;
}

function summaryOf(a: ActRecord, plan: Plan, law: Law): ActSummary {
  return {
    id: a.id,
    kind: a.kind,
    status: plan.source.status,
    title: plan.source.title,
    entryIntoForce: formatIsoDate(plan.entryIntoForce),
    executionEnd: formatIsoDate(plan.executionEnd),
    version: a.headVersion,
    hash: a.headHash,
    etag: etagOf(a),
    forkedFrom: a.forkedFrom,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    clauses: plan.clauses.length,
    exclusions: plan.exclusions.length,
    unverified: unverifiedInputs(plan, law).length,
  };
}

export async function listActSummaries(ctx: AppContext): Promise<ActSummary[]> {
  const out: ActSummary[] = [];
  for (const a of await listActs(ctx.db)) {
    const v = await getVersion(ctx.db, a.id, a.headVersion);
    if (!v) continue;
    out.push(summaryOf(a, planOf(ctx, v.source, actFileLabel(a.id, a.headVersion)), ctx.env.law));
  }
  return out;
}

export interface CriterionView {
  condition: string;
  facts: { name: string; arg: string | number | null; label: Text }[];
}

export interface RuleView {
  id: string;
  ref: string;
  text: { kk: string; ru: string; en?: string | undefined };
  label: Text | null;
  criteria: CriterionView[];
}

export interface ActView {
  summary: ActSummary;
  source: string;
  readme: string | null;
  combine: { rule: Plan['combine']; text: string; overlapForbidden: boolean };
  actSource: Plan['source']['source'];
  /** The value as a number (a fraction as its quotient; null for a term), and as written. */
  parameters: { name: string; value: number | null; text: string; verified: boolean; source: string; label: Text | null }[];
  definitions: (Omit<RuleView, 'id' | 'ref'> & { name: string; ref: string | null })[];
  clauses: (RuleView & { measure: MeasureView })[];
  exclusions: RuleView[];
  unverified: UnverifiedInput[];
}

function criterionView(c: Checked): CriterionView {
  return { condition: describeCondition(c), facts: factsUsed(c).map((u) => ({ name: u.fact.name, arg: u.arg, label: u.fact.label })) };
}

function criteriaOf(c: Checked): CriterionView[] {
  return c.k === 'and' ? c.items.map(criterionView) : [criterionView(c)];
}

/** A clause's measure as data a page renders in its language: its kind and label, and its fraction, months or milder punishment. */
export interface MeasureView {
  code: string;
  label: Text;
  fraction?: number;
  fraction_text?: string;
  months?: number;
  /** The milder punishment (`replace_milder`): its code and its name. */
  with?: string;
  with_label?: Text;
}

function isSentenceType(x: string): x is SentenceType {
  return Object.hasOwn(SENTENCE_TYPE_LABELS, x);
}

export function measureView(m: Measure): MeasureView {
  const code = entryAt(MEASURE_CODES, measureCode(m), 'measure code');
  const base = { code, label: MEASURE_LABELS[code] };
  if (m.type === 'reduce_unserved' || m.type === 'reduce_imposed') return { ...base, fraction: m.fraction.num / m.fraction.den, fraction_text: `${m.fraction.num}/${m.fraction.den}` };
  if (m.type === 'reduce_months') return { ...base, months: m.months };
  if (m.type === 'replace_milder') return { ...base, with: m.with, ...(isSentenceType(m.with) ? { with_label: SENTENCE_TYPE_LABELS[m.with] } : {}) };
  return base;
}

/** The literate view: each clause's reference and text beside its condition in the condition language. */
export function actView(a: ActRecord, v: ActVersion, plan: Plan, law: Law): ActView {
  return {
    summary: { ...summaryOf(a, plan, law), version: v.version, hash: v.hash },
    source: v.source,
    readme: v.readme,
    combine: { rule: plan.combine, text: plan.source.combine.text, overlapForbidden: plan.overlapForbidden },
    actSource: plan.source.source,
    parameters: Object.entries(plan.parameters).map(([name, p]) => ({ name, value: p.value.kind === 'number' ? p.value.value : null, text: p.text, verified: p.verified, source: p.source, label: plan.source.parameters[name]?.label ?? null })),
    definitions: plan.definitions.map((d) => ({ name: d.name, ref: d.ref, text: d.text ?? { kk: '', ru: '' }, label: d.label, criteria: criteriaOf(d.condition) })),
    clauses: plan.clauses.map((c) => ({ id: c.id, ref: c.ref, text: c.text, label: c.label, criteria: c.criteria.map(criterionView), measure: measureView(c.measure) })),
    exclusions: plan.exclusions.map((e) => ({ id: e.id, ref: e.ref, text: e.text, label: e.label, criteria: criteriaOf(e.condition) })),
    unverified: unverifiedInputs(plan, law),
  };
}

export async function readAct(ctx: AppContext, id: string, version?: number): Promise<{ act: ActRecord; version: ActVersion; plan: Plan }> {
  const act = await getAct(ctx.db, id);
  if (!act) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.act, { id: id }) });
  const v = await getVersion(ctx.db, id, version ?? act.headVersion);
  if (!v) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.actVersion, { id: id, version: String(version) }) });
  return { act, version: v, plan: planOf(ctx, v.source, actFileLabel(id, v.version)) };
}

/**
 * An act's plan for the read paths (persons, documents, comparisons): one small query for the
 * version's hash, and the text only when the plan of that hash is not in memory.
 */
export async function readActPlan(ctx: AppContext, id: string, version?: number): Promise<{ actId: string; version: number; plan: Plan }> {
  const ref = await getVersionRef(ctx.db, id, version ?? null);
  if (!ref) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.act, { id: id }) });
  if (ref.version === null || ref.hash === null) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.actVersion, { id: id, version: String(version) }) });
  const cached = ctx.plans.get(ref.hash);
  if (cached) return { actId: ref.actId, version: ref.version, plan: cached };
  const source = await getVersionSource(ctx.db, id, ref.version);
  if (source === null) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.actVersion, { id: id, version: String(ref.version) }) });
  return { actId: ref.actId, version: ref.version, plan: planOf(ctx, source, actFileLabel(id, ref.version)) };
}

export async function actHistory(ctx: AppContext, id: string) {
  const act = await getAct(ctx.db, id);
  if (!act) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.act, { id: id }) });
  return listVersions(ctx.db, id);
}

// ---- changes -----------------------------------------------------------------------------------

function audit(actor: Actor, action: string, target: Record<string, unknown>) {
  return { userId: actor.userId, username: actor.username, role: actor.role, action, target, result: 'ok' as const, ip: actor.ip };
}

/** Creates a draft from its text; its id is the act's own `id`. */
export async function createDraft(ctx: AppContext, actor: Actor, text: string, note: string | null, forkedFrom: string | null = null): Promise<ActSummary> {
  const probe = planOf(ctx, text, 'draft.yaml');
  const id = probe.id;
  const plan = planOf(ctx, text, actFileLabel(id));
  await ctx.db.transaction(async (tx) => {
    if (await getAct(tx, id, true)) throw new AppError('conflict', API_MESSAGES.act_exists, { id });
    await insertAct(tx, { id, kind: 'draft', forkedFrom, createdBy: actor.userId, hash: plan.hash, source: text, readme: null, note });
    await appendAuditIn(tx, audit(actor, 'act.create', { act_id: id, version: 1, hash: plan.hash, forked_from: forkedFrom }));
  });
  const act = present(await getAct(ctx.db, id), `act ${id} vanished after it was stored`);
  return summaryOf(act, plan, ctx.env.law);
}

/** Forks an act (a law or a draft) into a new draft named `newId`: the text is the same but its id. */
export async function forkAct(ctx: AppContext, actor: Actor, fromId: string, newId: string, version?: number): Promise<ActSummary> {
  const { version: v } = await readAct(ctx, fromId, version);
  const doc = parseDocument(v.source);
  doc.set('id', newId);
  if (doc.get('status') === 'law') doc.set('status', 'draft');
  return createDraft(ctx, actor, doc.toString({ lineWidth: 0 }), null, `${fromId}@${v.version}`);
}

/**
 * Saves a new version of a draft. `ifMatch` is the ETag the writer read: when the act moved on since,
 * nothing is saved and the answer says which version is current (409).
 */
export async function updateDraft(ctx: AppContext, actor: Actor, id: string, text: string, ifMatch: string | undefined, note: string | null): Promise<ActSummary> {
  if (ifMatch === undefined) throw new AppError('precondition_required', API_MESSAGES.if_match_required);
  const before = await getAct(ctx.db, id);
  if (!before) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.act, { id: id }) });
  if (before.kind === 'law') throw new AppError('frozen', API_MESSAGES.act_frozen, { id });
  const label = actFileLabel(id);
  const plan = planOf(ctx, text, label);
  if (plan.id !== id) throw new AppError('bad_request', API_MESSAGES.act_id_mismatch, { inText: plan.id, inUrl: id }, [{ file: label, path: '$.id', message: msg('act.id_in_text', { id: plan.id }) }]);
  await ctx.db.transaction(async (tx) => {
    const act = await getAct(tx, id, true);
    if (!act) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.act, { id: id }) });
    if (act.kind === 'law') throw new AppError('frozen', API_MESSAGES.act_frozen, { id });
    const current = etagOf(act);
    if (ifMatch !== current && ifMatch !== '*') {
      const yours = /@(\d+)-/.exec(ifMatch)?.[1] ?? '?';
      throw new AppError('conflict', API_MESSAGES.act_stale, { id, yours, current: act.headVersion }, [], { current_version: act.headVersion, etag: current });
    }
    const next = act.headVersion + 1;
    const prev = await getVersion(tx, id, act.headVersion);
    await insertVersion(tx, { actId: id, version: next, hash: plan.hash, source: text, readme: prev?.readme ?? null, note, author: actor.userId });
    maybeKill('act.update');
    await appendAuditIn(tx, audit(actor, 'act.update', { act_id: id, version: next, hash: plan.hash }));
  });
  const act = present(await getAct(ctx.db, id), `act ${id} vanished after it was stored`);
  return summaryOf(act, plan, ctx.env.law);
}

/** Records that a draft was adopted as law: its text gets `status: law` and is frozen from then on. */
export async function adoptAct(ctx: AppContext, actor: Actor, id: string, ifMatch: string | undefined): Promise<ActSummary> {
  if (ifMatch === undefined) throw new AppError('precondition_required', API_MESSAGES.if_match_required);
  const { act, version } = await readAct(ctx, id);
  const doc = parseDocument(version.source);
  doc.set('status', 'law');
  const text = doc.toString({ lineWidth: 0 });
  const plan = planOf(ctx, text, actFileLabel(id));
  await ctx.db.transaction(async (tx) => {
    const locked = await getAct(tx, id, true);
    if (!locked) throw new AppError('not_found', API_MESSAGES.not_found, { what: named(API_OBJECTS.act, { id: id }) });
    if (locked.kind === 'law') throw new AppError('frozen', API_MESSAGES.act_frozen, { id });
    if (ifMatch !== etagOf(locked) && ifMatch !== '*')
      throw new AppError('conflict', API_MESSAGES.act_stale, { id, yours: /@(\d+)-/.exec(ifMatch)?.[1] ?? '?', current: locked.headVersion }, [], { current_version: locked.headVersion, etag: etagOf(locked) });
    const next = locked.headVersion + 1;
    await insertVersion(tx, { actId: id, version: next, hash: plan.hash, source: text, readme: version.readme, note: 'adopted', author: actor.userId });
    await markAdopted(tx, id, actor.userId);
    await appendAuditIn(tx, audit(actor, 'act.adopt', { act_id: id, version: next, hash: plan.hash, from_version: act.headVersion }));
  });
  return summaryOf(present(await getAct(ctx.db, id), `act ${id} vanished after it was adopted`), plan, ctx.env.law);
}

/** At first start: the acts under acts/ enter the store (laws frozen, the others as drafts). */
export async function ensureActs(ctx: AppContext, dir = DEFAULT_PATHS.acts): Promise<string[]> {
  if ((await actCount(ctx.db)) > 0) return [];
  const imported: string[] = [];
  await ctx.db.transaction(async (tx) => {
    for (const folder of findActs(dir)) {
      const text = readFileSync(join(folder, 'act.yaml'), 'utf8');
      const readmePath = join(folder, 'README.md');
      const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : null;
      const plan = planOf(ctx, text, join(folder, 'act.yaml'));
      await insertAct(tx, { id: plan.id, kind: plan.source.status === 'law' ? 'law' : 'draft', forkedFrom: null, createdBy: null, hash: plan.hash, source: text, readme, note: 'shipped with the product' });
      imported.push(plan.id);
    }
    await appendAuditIn(tx, { userId: null, username: null, role: null, action: 'act.import_shipped', target: { acts: imported }, result: 'ok', ip: null });
  });
  return imported;
}

// ---- diff ----------------------------------------------------------------------------------------

/** The fields of a part that a diff compares, each with the type of its value. */
export interface FieldValues {
  ref: string;
  'text.kk': string;
  'text.ru': string;
  'title.kk': string;
  'title.ru': string;
  /** The criteria of a condition, as the literate view gives them (condition language and the facts read). */
  condition: CriterionView[];
  measure: MeasureView;
  /** A parameter's value as written, and as a number (a fraction as its quotient; null for a term). */
  value: { text: string; number: number | null };
  verified: boolean;
  source: string;
  status: Plan['source']['status'];
  /** ISO dates. */
  entry_into_force: string;
  execution_end: string;
  combine: { rule: Plan['combine']; overlapForbidden: boolean };
  source_verified: boolean;
}
export type FieldName = keyof FieldValues;

/** One field that differs: its value before and after (null where the part or the field is absent). */
export type FieldDiff = { [F in FieldName]: { field: F; before: FieldValues[F] | null; after: FieldValues[F] | null } }[FieldName];

export interface PartDiff {
  kind: 'clause' | 'exclusion' | 'definition' | 'parameter' | 'act';
  id: string;
  ref: string | null;
  /** The part's name in kk, ru and en, where the act gives one. */
  label: Text | null;
  change: 'added' | 'removed' | 'changed' | 'same';
  /** The fields that differ, each with its value before and after. */
  fields: FieldDiff[];
}

type Fields = { [F in FieldName]?: FieldValues[F] };

function fieldsOf(kind: PartDiff['kind'], x: unknown): Fields {
  if (x === undefined || x === null) return {};
  switch (kind) {
    case 'clause': {
      const c = x as Plan['clauses'][number];
      return { ref: c.ref, 'text.kk': c.text.kk, 'text.ru': c.text.ru, condition: c.criteria.map(criterionView), measure: measureView(c.measure) };
    }
    case 'exclusion': {
      const e = x as Plan['exclusions'][number];
      return { ref: e.ref, 'text.kk': e.text.kk, 'text.ru': e.text.ru, condition: criteriaOf(e.condition) };
    }
    case 'definition': {
      const d = x as Plan['definitions'][number];
      return { ref: d.ref ?? '', 'text.kk': d.text?.kk ?? '', 'text.ru': d.text?.ru ?? '', condition: criteriaOf(d.condition) };
    }
    case 'parameter': {
      const p = x as Plan['parameters'][string];
      return { value: { text: p.text, number: p.value.kind === 'number' ? p.value.value : null }, verified: p.verified, source: p.source };
    }
    case 'act': {
      const p = x as Plan;
      return {
        'title.kk': p.source.title.kk,
        'title.ru': p.source.title.ru,
        status: p.source.status,
        entry_into_force: formatIsoDate(p.entryIntoForce),
        execution_end: formatIsoDate(p.executionEnd),
        combine: { rule: p.combine, overlapForbidden: p.overlapForbidden },
        source_verified: p.source.source.verified,
      };
    }
  }
}

/** Two values of a field are the same when they read the same (a condition by its text, not by the facts it names). */
function key(f: FieldName, v: Fields[FieldName]): string {
  if (v === undefined) return '';
  if (f === 'condition' && Array.isArray(v)) return v.map((c) => c.condition).join(' ∧ ');
  return JSON.stringify(v);
}

function fieldDiff<F extends FieldName>(field: F, a: Fields, b: Fields): FieldDiff {
  // The mapped union cannot see that field, before and after are of one F: this names it.
  return { field, before: a[field] ?? null, after: b[field] ?? null } as FieldDiff;
}

function diffPart(kind: PartDiff['kind'], id: string, ref: string | null, label: Text | null, a: unknown, b: unknown): PartDiff {
  const fa = fieldsOf(kind, a);
  const fb = fieldsOf(kind, b);
  const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  const names = [...new Set([...Object.keys(fa), ...Object.keys(fb)])] as FieldName[];
  const fields = names.filter((f) => key(f, fa[f]) !== key(f, fb[f])).map((f) => fieldDiff(f, fa, fb));
  return { kind, id, ref, label, change: change === 'changed' && fields.length === 0 ? 'same' : change, fields };
}

function byId<T>(list: readonly T[], id: (x: T) => string): Map<string, T> {
  return new Map(list.map((x) => [id(x), x]));
}

/** Two versions of an act compared part by part: the act's head, each definition, clause, exclusion and parameter. */
export function diffPlans(a: Plan, b: Plan): PartDiff[] {
  const out: PartDiff[] = [diffPart('act', b.id, null, null, a, b)];
  type Named = { ref: string | null; label: Text | null };
  const lists: [PartDiff['kind'], Map<string, unknown>, Map<string, unknown>, (id: string, x: unknown, plan: Plan) => Named][] = [
    ['definition', byId(a.definitions, (d) => d.name), byId(b.definitions, (d) => d.name), (_, x) => x as Plan['definitions'][number]],
    ['clause', byId(a.clauses, (c) => c.id), byId(b.clauses, (c) => c.id), (_, x) => x as Plan['clauses'][number]],
    ['exclusion', byId(a.exclusions, (e) => e.id), byId(b.exclusions, (e) => e.id), (_, x) => x as Plan['exclusions'][number]],
    ['parameter', new Map(Object.entries(a.parameters)), new Map(Object.entries(b.parameters)), (id, _, plan) => ({ ref: null, label: plan.source.parameters[id]?.label ?? null })],
  ];
  for (const [kind, ma, mb, named] of lists) {
    for (const [id, xb] of mb) {
      const { ref, label } = named(id, xb, b);
      out.push(diffPart(kind, id, ref, label, ma.get(id), xb));
    }
    for (const [id, xa] of ma) {
      if (mb.has(id)) continue;
      const { ref, label } = named(id, xa, a);
      out.push(diffPart(kind, id, ref, label, xa, undefined));
    }
  }
  return out;
}
