/**
 * compile(act, law) → plan: the act checked and resolved — conditions checked against the fact
 * catalogue and the law, parameters resolved to numbers, definitions ordered — ready for the
 * kernel, the reference interpreter and explanations.
 */
import { present } from '../../domain/lookup.ts';
import { createHash } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { DataFileError, parseYamlSource, readDataText, validateWith, type LocatedError, type SourceMap } from '../../domain/located.ts';
import { readYamlQuickly } from '../../domain/yaml-quick.ts';
import type { Text } from '../../i18n/text.ts';
import type { Law } from '../../law/law.ts';
import { msg, listOf } from '../../i18n/message.ts';
import { checkCondition, conditionSize, locateConditionErrors, orderDefinitions, type ActParameterValue, type Checked, type ConditionError, type CheckContext } from '../condition.ts';
import { factByName } from '../facts/index.ts';
import { fraction, fractionOfNumber, parseTerm, type Fraction } from '../../domain/terms.ts';
import { inheritedExclusions } from '../../law/amnesty-limits.ts';
import { provenanceOf, type Provenance } from '../../law/provenance.ts';

/**
 * Limits within which an act compiles into a kernel that runs at its usual speed, so that an act
 * `validate` accepts is an act `evaluate` runs: comparisons in all conditions together, nesting of
 * all / any / not, values in one `in [...]` list. (The clauses that hold for a person are kept as
 * one 32-bit word per 32 clauses, so the number of an act's clauses is not limited by it.)
 */
export const ACT_LIMITS = { comparisons: 1000, depth: 32, listValues: 10_000 } as const;
/** Clauses, and exclusions, an act may have: their indexes are kept in 16-bit outcome columns. */
const MAX_RULES = 32000;
/** The longest reduction by months an act may state (50 years: beyond every term the Code imposes). */
const MAX_REDUCTION_MONTHS = 600;
import { actSchema, type ActSource, type Combine, type MeasureSource } from './schema.ts';
import { MEASURE_LABELS } from '../../i18n/act.ts';
export { MEASURE_LABELS };

/** Fractions of measures are exact (1/3 is never 0.333…) and laid on the calendar (src/domain/terms.ts). */
export type Measure =
  | { type: 'release'; punishment: 'main' | 'additional' }
  | { type: 'release_from_liability' }
  | { type: 'reduce_unserved'; fraction: Fraction }
  | { type: 'reduce_imposed'; fraction: Fraction }
  | { type: 'reduce_months'; months: number }
  | { type: 'replace_milder'; with: string };

/** Measure codes as stored in outcome columns (0 = none). */
export const MEASURE_CODES = ['none', 'release', 'release_additional', 'release_from_liability', 'reduce_unserved', 'reduce_imposed', 'reduce_months', 'replace_milder'] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

export function measureCode(m: Measure): number {
  if (m.type === 'release') return MEASURE_CODES.indexOf(m.punishment === 'main' ? 'release' : 'release_additional');
  return MEASURE_CODES.indexOf(m.type);
}

export interface PlanClause {
  index: number;
  id: string;
  ref: string;
  text: { kk: string; ru: string; en?: string | undefined };
  label: Text | null;
  condition: Checked;
  /** The criteria of the clause: the items of a top-level `all`, or the whole condition. */
  criteria: Checked[];
  /** JSON path of each criterion in the act file, for messages. */
  criteriaPaths: (string | number)[][];
  measure: Measure;
  /** Where the clause comes from, when the act says (official wording, checked or not). */
  source: Provenance | null;
  /** The act parameters and law parameters the clause rests on (its condition, its definitions, its measure). */
  parameters: string[];
  lawParameters: string[];
  /** The definitions its condition reads, directly or through other definitions. */
  definitions: string[];
}

export interface PlanExclusion {
  index: number;
  id: string;
  ref: string;
  text: { kk: string; ru: string; en?: string | undefined };
  label: Text | null;
  condition: Checked;
  /** `act`: the act's own; `code`: inherited from the Criminal Code (Art. 78 part 2, law/amnesty-limits.yaml). */
  origin: 'act' | 'code';
  /** Where it comes from, when the act (or the law file) says. */
  source: Provenance | null;
  note: string | null;
  /** The act parameters and law parameters the exclusion's condition rests on. */
  parameters: string[];
  lawParameters: string[];
  definitions: string[];
}

export interface Plan {
  id: string;
  /** SHA-256 of the act file's text: the act's identity in runs and audits. */
  hash: string;
  source: ActSource;
  combine: Combine;
  overlapForbidden: boolean;
  entryIntoForce: number;
  executionEnd: number;
  definitions: { name: string; condition: Checked; ref: string | null; text: { kk: string; ru: string; en?: string | undefined } | null; label: Text | null; source: Provenance | null }[];
  clauses: PlanClause[];
  exclusions: PlanExclusion[];
  /** The act's parameters: the value as conditions and measures use it, and as written. */
  parameters: Record<string, { value: ActParameterValue; text: string; verified: boolean; source: string }>;
}

export interface CompileResult {
  plan: Plan;
  warnings: LocatedError[];
  /** Where each part of the act lies in its file (null for an act built in memory). */
  map: SourceMap | null;
}

/** An act parameter's value as written: a number, a fraction `1/3`, or a term `3y6m`. */
export function actParameterValue(v: number | string): ActParameterValue {
  if (typeof v === 'number') return { kind: 'number', value: v, frac: fractionOfNumber(v) };
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (m) {
    const f = fraction(Number(m[1]), Number(m[2]) || 1);
    return { kind: 'number', value: f.num / f.den, frac: f };
  }
  const t = parseTerm(v);
  if (t === null) throw new Error(`not a parameter value: ${v}`);
  return { kind: 'term', term: t };
}

function resolveParameter(v: string, act: ActSource, path: (string | number)[], errors: ConditionError[]): ActParameterValue | null {
  const p = act.parameters[v];
  if (!p) {
    errors.push({ path, column: null, message: msg('condition.unknown_act_parameter', { name: v, names: listOf(Object.keys(act.parameters)) }) });
    return null;
  }
  return actParameterValue(p.value);
}

function resolveAmount(v: number | string, act: ActSource, path: (string | number)[], errors: ConditionError[]): number {
  if (typeof v === 'number') return v;
  const p = resolveParameter(v, act, path, errors);
  if (p === null) return NaN;
  if (p.kind !== 'number') {
    errors.push({ path, column: null, message: msg('act.parameter_term_not_number', { name: v }) });
    return NaN;
  }
  return p.value;
}

function resolveMeasure(m: MeasureSource, act: ActSource, path: (string | number)[], errors: ConditionError[]): Measure {
  const fraction = (v: number | string, key: string): Fraction => {
    let f: Fraction | null;
    if (typeof v === 'number') f = fractionOfNumber(v);
    else if (/^\d+\/\d+$/.test(v)) {
      const written = actParameterValue(v);
      f = written.kind === 'number' ? written.frac : null;
    }
    else {
      const p = resolveParameter(v, act, [...path, key], errors);
      if (p !== null && p.kind !== 'number') errors.push({ path: [...path, key], column: null, message: msg('act.parameter_term_not_fraction', { name: v }) });
      f = p !== null && p.kind === 'number' ? p.frac : null;
    }
    if (f === null) return { num: 0, den: 1 };
    if (!(f.num > 0 && f.num <= f.den))
      errors.push({ path: [...path, key], column: null, message: typeof v === 'string' && !v.includes('/') ? msg('act.fraction_range_parameter', { num: f.num, den: f.den, name: v }) : msg('act.fraction_range', { num: f.num, den: f.den }) });
    return f;
  };
  switch (m.type) {
    case 'release':
      return { type: 'release', punishment: m.punishment };
    case 'release_from_liability':
      return { type: 'release_from_liability' };
    case 'reduce_unserved':
      return { type: 'reduce_unserved', fraction: fraction(m.fraction, 'fraction') };
    case 'reduce_imposed':
      return { type: 'reduce_imposed', fraction: fraction(m.fraction, 'fraction') };
    case 'reduce_months': {
      const months = resolveAmount(m.months, act, [...path, 'months'], errors);
      if (!(Number.isInteger(months) && months > 0 && months <= MAX_REDUCTION_MONTHS)) errors.push({ path: [...path, 'months'], column: null, message: msg('act.months_range', { max: MAX_REDUCTION_MONTHS, months: String(months) }) });
      return { type: 'reduce_months', months };
    }
    case 'replace_milder':
      return { type: 'replace_milder', with: m.with };
  }
}

/** The parameters an act's condition names, as its check records them. */
type Used = { act: Set<string>; law: Set<string> };
type CheckCtx = Omit<CheckContext, 'used'>;
/** What a rule rests on: the parameters its condition names, through its definitions, and those definitions. */
type RestsOn = (c: Checked, used: Used, extra?: string[]) => { parameters: string[]; lawParameters: string[]; definitions: string[] };

/** Checks an act already parsed into its schema; every error is located in the act file. */
export function compileAct(source: ActSource, law: Law, map: SourceMap | null, hash: string): CompileResult {
  const errors: ConditionError[] = [];
  const actParameters = new Map(Object.entries(source.parameters).map(([k, v]) => [k, actParameterValue(v.value)] as const));
  const ctx: CheckCtx = { law: law.criminalCode, definitions: new Set(Object.keys(source.definitions)), lawParameters: law.parameters, actParameters };
  const defs = new Map<string, Checked>();
  const defUsed = new Map<string, Used>();
  for (const [name, d] of Object.entries(source.definitions)) {
    const used = { act: new Set<string>(), law: new Set<string>() };
    defUsed.set(name, used);
    defs.set(name, checkCondition(d.when, ['definitions', name, 'when'], { ...ctx, used }, errors));
  }
  const restsOn = restsOnOf(defs, defUsed);
  const order = orderDefinitions(defs, (name) => ['definitions', name], errors);
  const clauses = checkClauses(source, ctx, restsOn, errors);
  const exclusions = checkExclusions(source, law, ctx, restsOn, errors);
  checkLimits(source, defs, clauses, exclusions, errors);

  if (errors.length > 0) throw new DataFileError(locateConditionErrors(map, '(act)', errors));

  const plan: Plan = {
    id: source.id,
    hash,
    source,
    combine: source.combine.rule,
    overlapForbidden: source.combine.overlap === 'forbidden',
    entryIntoForce: source.entry_into_force,
    executionEnd: source.execution_end,
    definitions: order.map((name) => {
      const d = present(source.definitions[name], `definition ${name} was ordered but is not in the act`);
      return { name, condition: present(defs.get(name), `definition ${name} was ordered but not checked`), ref: d.ref ?? null, text: d.text ?? null, label: d.label ?? null, source: d.source ? provenanceOf(d.source) : null };
    }),
    clauses,
    exclusions,
    parameters: Object.fromEntries(Object.entries(source.parameters).map(([k, v]) => [k, { value: present(actParameters.get(k), `act parameter ${k} was not read`), text: String(v.value), verified: v.verified, source: v.source }])),
  };
  return { plan, warnings: [], map };
}

function restsOnOf(defs: ReadonlyMap<string, Checked>, defUsed: ReadonlyMap<string, Used>): RestsOn {
  return (c, used, extra = []) => {
    const act = new Set([...used.act, ...extra]);
    const law = new Set(used.law);
    const seen = new Set<string>();
    const walk = (x: Checked): void => {
      if (x.k === 'and' || x.k === 'or') x.items.forEach(walk);
      else if (x.k === 'not' || x.k === 'during') walk(x.item);
      else if (x.k === 'def' && !seen.has(x.name)) {
        seen.add(x.name);
        const u = defUsed.get(x.name);
        u?.act.forEach((n) => act.add(n));
        u?.law.forEach((n) => law.add(n));
        const d = defs.get(x.name);
        if (d) walk(d);
      }
    };
    walk(c);
    return { parameters: [...act].sort(), lawParameters: [...law].sort(), definitions: [...seen] };
  };
}

/** The clauses, their criteria (the items of a top-level `all`) and their measures. */
function checkClauses(source: ActSource, ctx: CheckCtx, restsOn: RestsOn, errors: ConditionError[]): PlanClause[] {
  const clauseCtx = { ...ctx, allowDuring: true };
  return source.clauses.map((c, i) => {
    const used = { act: new Set<string>(), law: new Set<string>() };
    const condition = checkCondition(c.when, ['clauses', i, 'when'], { ...clauseCtx, used }, errors);
    const measureParams = Object.values(c.measure).filter((v): v is string => typeof v === 'string' && v in source.parameters);
    const isAll = condition.k === 'and' && typeof c.when === 'object' && c.when !== null && 'all' in c.when;
    return {
      index: i,
      id: c.id,
      ref: c.ref,
      text: c.text,
      label: c.label ?? null,
      condition,
      criteria: isAll ? condition.items : [condition],
      criteriaPaths: isAll ? condition.items.map((_, j) => ['clauses', i, 'when', 'all', j]) : [['clauses', i, 'when']],
      measure: resolveMeasure(c.measure, source, ['clauses', i, 'measure'], errors),
      source: c.source ? provenanceOf(c.source) : null,
      ...restsOn(condition, used, measureParams),
    };
  });
}

/** The act's exclusions, then the Criminal Code's own. */
function checkExclusions(source: ActSource, law: Law, ctx: CheckCtx, restsOn: RestsOn, errors: ConditionError[]): PlanExclusion[] {
  const exclusions: PlanExclusion[] = source.exclusions.map((e, i) => {
    const used = { act: new Set<string>(), law: new Set<string>() };
    const condition = checkCondition(e.when, ['exclusions', i, 'when'], { ...ctx, used }, errors);
    return {
      index: i,
      id: e.id,
      ref: e.ref,
      text: e.text,
      label: e.label ?? null,
      condition,
      origin: 'act' as const,
      source: e.source ? provenanceOf(e.source) : null,
      note: e.note ?? null,
      ...restsOn(condition, used),
    };
  });
  // The Code's own exclusions (Criminal Code Art. 78 part 2), after the act's: an act in force under
  // the Code cannot reach these persons, whether or not it says so.
  for (const x of inheritedExclusions(law.amnestyLimits, source.entry_into_force)) {
    if (exclusions.some((e) => e.id === x.id)) errors.push({ path: ['exclusions'], column: null, message: msg('act.exclusion_id_of_code', { id: x.id, ref: x.ref }) });
    exclusions.push({ index: exclusions.length, id: x.id, ref: x.ref, text: x.text, label: x.label, condition: x.condition, origin: 'code', source: x.source, note: x.note, parameters: [], lawParameters: [], definitions: [] });
  }
  return exclusions;
}

/** The act's size within what a kernel runs at its usual speed (ACT_LIMITS), and definitions not named like facts. */
function checkLimits(source: ActSource, defs: ReadonlyMap<string, Checked>, clauses: PlanClause[], exclusions: PlanExclusion[], errors: ConditionError[]): void {
  if (clauses.length > MAX_RULES || exclusions.length > MAX_RULES) errors.push({ path: ['clauses'], column: null, message: msg('act.too_many_clauses', { max: MAX_RULES }) });
  // A definition named like a fact would be shadowed by the fact everywhere it is used.
  for (const name of Object.keys(source.definitions))
    if (factByName(name)) errors.push({ path: ['definitions', name], column: null, message: msg('act.definition_named_as_fact', { name }) });
  const sized: [(string | number)[], Checked][] = [
    ...[...defs].map(([name, c]): [(string | number)[], Checked] => [['definitions', name, 'when'], c]),
    ...clauses.map((c, i): [(string | number)[], Checked] => [['clauses', i, 'when'], c.condition]),
    ...exclusions.map((x, i): [(string | number)[], Checked] => [['exclusions', i, 'when'], x.condition]),
  ];
  let comparisons = 0;
  for (const [path, c] of sized) {
    const size = conditionSize(c);
    comparisons += size.leaves;
    if (size.depth > ACT_LIMITS.depth) errors.push({ path, column: null, message: msg('act.depth', { depth: size.depth, max: ACT_LIMITS.depth }) });
    if (size.longestList > ACT_LIMITS.listValues) errors.push({ path, column: null, message: msg('act.list_values', { n: size.longestList, max: ACT_LIMITS.listValues }) });
  }
  if (comparisons > ACT_LIMITS.comparisons)
    errors.push({ path: [], column: null, message: msg('act.comparisons', { n: comparisons, max: ACT_LIMITS.comparisons }) });
}

/** Condition errors of an act that failed its schema, read from the raw document. */
function rawConditionErrors(value: unknown, law: Law, map: SourceMap): LocatedError[] {
  if (typeof value !== 'object' || value === null) return [];
  const raw = value as Record<string, unknown>;
  const defs = typeof raw['definitions'] === 'object' && raw['definitions'] !== null ? (raw['definitions'] as Record<string, unknown>) : {};
  const rawParameters = typeof raw['parameters'] === 'object' && raw['parameters'] !== null ? (raw['parameters'] as Record<string, unknown>) : {};
  const actParameters = new Map<string, ActParameterValue>();
  for (const [k, v] of Object.entries(rawParameters)) {
    const value = typeof v === 'object' && v !== null ? (v as { value?: unknown }).value : undefined;
    if (typeof value === 'number' || (typeof value === 'string' && value !== '' && /^(?:\d+\/[1-9]\d*|(?:\d+y)?(?:\d+m)?(?:\d+d)?)$/.test(value))) actParameters.set(k, actParameterValue(value));
  }
  const ctx = { law: law.criminalCode, definitions: new Set(Object.keys(defs)), lawParameters: law.parameters, actParameters };
  const errors: ConditionError[] = [];
  const whenOf = (x: unknown) => (typeof x === 'object' && x !== null && 'when' in x ? (x as { when: unknown }).when : undefined);
  for (const [name, d] of Object.entries(defs)) if (whenOf(d) !== undefined) checkCondition(whenOf(d), ['definitions', name, 'when'], ctx, errors);
  for (const key of ['clauses', 'exclusions'] as const) {
    const list = raw[key];
    if (Array.isArray(list))
      list.forEach((x, i) => {
        if (whenOf(x) !== undefined) checkCondition(whenOf(x), [key, i, 'when'], { ...ctx, allowDuring: key === 'clauses' }, errors);
      });
  }
  return locateConditionErrors(map, map.file, errors);
}

/** Reads, validates and compiles an act file (YAML). */
export function loadAct(file: string, law: Law): CompileResult {
  return compileActText(readDataText(file), file, law);
}

/**
 * Validates and compiles an act's text as `compileActText` does, faster when the text is valid: it is
 * read once without counting lines (an editor sends one on every keystroke), by the quick reader of
 * ../../domain/yaml-quick.ts; only a text with errors (or aliases) is read again with its lines
 * counted, to locate them. The result carries no source map.
 */
export function compileActTextQuickly(text: string, file: string, law: Law): CompileResult {
  const value = readYamlQuickly(text);
  if (value !== undefined) {
    const parsed = actSchema.safeParse(value);
    if (parsed.success) {
      try {
        return { ...compileAct(parsed.data, law, null, createHash('sha256').update(text).digest('hex')), map: null };
      } catch (e) {
        if (!(e instanceof DataFileError)) throw e;
      }
    }
  }
  return compileActText(text, file, law);
}

/** Validates and compiles an act's text; `file` names it in located errors. */
export function compileActText(text: string, file: string, law: Law): CompileResult {
  const { value, map } = parseYamlSource(text, file);
  let source: ActSource;
  try {
    source = validateWith(actSchema, value, map);
  } catch (e) {
    // Report the conditions' errors together with the schema's, so that one run shows them all.
    if (e instanceof DataFileError) throw new DataFileError([...e.errors, ...rawConditionErrors(value, law, map)]);
    throw e;
  }
  // An act lives in acts/<id>/act.yaml: its folder is its name, and a copy that kept another
  // act's id would be mistaken for that act in runs and reports.
  const folder = basename(dirname(file));
  if (basename(file) === 'act.yaml' && source.id !== folder)
    throw new DataFileError([map.error(['id'], msg('act.id_folder', { id: source.id, folder }))]);
  const hash = createHash('sha256').update(text).digest('hex');
  return compileAct(source, law, map, hash);
}
