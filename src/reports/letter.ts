/**
 * The ministry letter's table recomputed from person records, with an audit of the letter itself.
 *
 * Figures are defined in a data file (reports/letter-kz-2025.yaml), each as a condition in the
 * condition language, a parameter, or a product of other figures; all count conditions are
 * evaluated together in one pass of the condition kernel.
 */
import { DOUBT_KINDS, fixedDoubt, lawParameterDoubt, type Doubt } from '../engine/act/doubt.ts';
import { z } from 'zod';
import { CUSTODIES, type Custody } from '../domain/enums.ts';
import { formatIsoDate } from '../domain/dates.ts';
import { entryAt, present } from '../domain/lookup.ts';
import { isoDateSchema } from '../domain/date-schema.ts';
import { DataFileError, loadDataFile, type LocatedError, type SourceMap } from '../domain/located.ts';
import { msg as message, renderMessage } from '../i18n/message.ts';
import { render, renderAll, formatNumber, type Lang, type Text } from '../i18n/text.ts';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import { checkCondition, locateConditionErrors, orderDefinitions, T, U, type Checked, type ConditionError } from '../engine/condition.ts';
import { compileConditions } from '../engine/kernel.ts';
import { LETTER_UNVERIFIED, LETTER_VERIFIED } from '../i18n/letter.ts';

const text = z.strictObject({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const conditionSource = z.unknown();

const countFigure = z.strictObject({
  id: z.string().min(1),
  label: text,
  note: z.string().optional(),
  count: conditionSource,
  letter: z.number().nullable(),
  split: z.strictObject({ institution: z.number(), probation: z.number() }).optional(),
  parts: z.array(z.strictObject({ id: z.string(), label: text, count: conditionSource, letter: z.number().nullable() })).optional(),
});
const parameterFigure = z.strictObject({
  id: z.string().min(1),
  label: text,
  note: z.string().optional(),
  parameter: z.string().min(1),
  unit: z.string().optional(),
  letter: z.number().nullable(),
  precision: z.number().positive().optional(),
});
const productFigure = z.strictObject({
  id: z.string().min(1),
  label: text,
  note: z.string().optional(),
  product: z.array(z.string().min(1)).min(2),
  unit: z.string().optional(),
  letter: z.number().nullable(),
  precision: z.number().positive().optional(),
});

/** A figure is told by its key: `count`, `parameter` or `product` (so errors speak of the right kind). */
const figureSchema = z.unknown().transform((v, ctx) => {
  const o = typeof v === 'object' && v !== null ? v : {};
  const schema = 'parameter' in o ? parameterFigure : 'product' in o ? productFigure : countFigure;
  const r = (schema as z.ZodType<z.output<typeof countFigure> | z.output<typeof parameterFigure> | z.output<typeof productFigure>>).safeParse(v);
  if (!r.success) {
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return r.data;
});

const auditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string(), kind: z.literal('parts_sum'), figure: z.string() }),
  z.strictObject({ id: z.string(), kind: z.literal('sum_of'), figure: z.string(), of: z.array(z.string()).min(2) }),
  z.strictObject({ id: z.string(), kind: z.literal('at_most'), figure: z.string(), bound: z.string(), why: text }),
  z.strictObject({
    id: z.string(),
    kind: z.literal('cost_basis'),
    figure: z.string(),
    base: z.string(),
    inmate_cost: z.array(z.string()).min(1),
    probationer_cost: z.string(),
  }),
]);

export const letterFileSchema = z.strictObject({
  id: z.string(),
  title: text,
  source: z.string(),
  /** The inquiry the letter answers: the reply letter's default reference (docs/documents.md). */
  inquiry: z.strictObject({ number: z.string().min(1), date: isoDateSchema }),
  as_of: isoDateSchema,
  definitions: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), conditionSource).default({}),
  figures: z.array(figureSchema).min(1),
  audits: z.array(auditSchema).default([]),
});
export type LetterFile = z.output<typeof letterFileSchema>;
type FigureDef = LetterFile['figures'][number];

export type FigureStatus = 'match' | 'differs' | 'letter_inconsistent' | 'computed';

export interface FigureResult {
  id: string;
  label: Text;
  note: string | null;
  kind: 'count' | 'parameter' | 'product';
  letter: number | null;
  computed: number;
  /** Persons for whom the figure's condition is unknown (a fact it needs is missing). */
  unknown: number;
  status: FigureStatus;
  /** Tolerance of the comparison: the letter's rounding. */
  precision: number | null;
  split: Record<Custody, { letter: number | null; computed: number; status: FigureStatus }> | null;
  parts: FigureResult[];
  /** For a parameter: the source of its value. */
  source: string | null;
  /** Keys of the report's unverified inputs (`unverified`) the figure rests on. */
  unverified: string[];
}

export interface AuditResult {
  id: string;
  kind: 'parts_sum' | 'sum_of' | 'at_most' | 'cost_basis';
  figure: string;
  holds: boolean;
  message: Text;
  details: Text[];
  values: Record<string, number>;
}

export interface LetterReport {
  id: string;
  title: Text;
  source: string;
  asOf: string;
  /** Records read, of them serving a punishment on the day (counted) and not (left out of every figure). */
  registry: { source: string; persons: number; serving: number; notServing: number };
  figures: FigureResult[];
  audits: AuditResult[];
  summary: { consistent: number; matching: number; inconsistentInLetter: string[]; differing: string[] };
  /** Every unverified input a figure rests on (docs/doubt.md), numbered in this order. */
  unverified: Doubt[];
}

export interface LetterDefinition {
  file: LetterFile;
  /** Checked conditions of count figures, splits and parts, by output name. */
  outputs: { name: string; condition: Checked }[];
  definitions: { name: string; condition: Checked }[];
}

/** Loads and checks the figures file: every condition against the fact catalogue and the law. */
export function loadLetterDefinition(path: string, law: Law): LetterDefinition {
  const { data, map } = loadDataFile(letterFileSchema, path);
  return checkLetterDefinition(data, law, map);
}

export function checkLetterDefinition(data: LetterFile, law: Law, map: SourceMap | null): LetterDefinition {
  const errors: ConditionError[] = [];
  const located: LocatedError[] = [];
  const ctx = { law: law.criminalCode, definitions: new Set(Object.keys(data.definitions)) };
  const defs = new Map<string, Checked>();
  for (const [name, src] of Object.entries(data.definitions)) defs.set(name, checkCondition(src, ['definitions', name], ctx, errors));
  const order = orderDefinitions(defs, (name) => ['definitions', name], errors);
  const outputs: { name: string; condition: Checked }[] = [];
  const ids = new Set<string>();
  data.figures.forEach((f, i) => {
    if (ids.has(f.id)) errors.push({ path: ['figures', i, 'id'], column: null, message: message('data.duplicate_id', { id: f.id }) });
    ids.add(f.id);
    if ('count' in f) {
      const c = checkCondition(f.count, ['figures', i, 'count'], ctx, errors);
      outputs.push({ name: f.id, condition: c });
      if (f.split) for (const custody of CUSTODIES) outputs.push({ name: `${f.id}@${custody}`, condition: { k: 'and', items: [c, custodyIs(custody, ctx)] } });
      f.parts?.forEach((p, j) => {
        ids.add(p.id);
        outputs.push({ name: p.id, condition: checkCondition(p.count, ['figures', i, 'parts', j, 'count'], ctx, errors) });
      });
    } else if ('parameter' in f) {
      if (!law.parameters.has(f.parameter)) errors.push({ path: ['figures', i, 'parameter'], column: null, message: message('data.unknown_parameter', { name: f.parameter }) });
    }
  });
  const figureIds = new Set(data.figures.map((f) => f.id));
  const before = new Set<string>();
  data.figures.forEach((f, i) => {
    if ('product' in f)
      f.product.forEach((factor, j) => {
        const known = factor.startsWith('parameter:') ? law.parameters.has(factor.slice('parameter:'.length)) : before.has(factor);
        if (!known)
          errors.push({ path: ['figures', i, 'product', j], column: null, message: ids.has(factor) ? message('letter.figure_before', { factor, figure: f.id }) : message('letter.unknown_factor', { factor }) });
      });
    before.add(f.id);
    if ('parts' in f) for (const p of f.parts ?? []) before.add(p.id);
  });
  data.audits.forEach((a, i) => {
    const refs = [a.figure, ...(a.kind === 'sum_of' ? a.of : a.kind === 'at_most' ? [a.bound] : a.kind === 'cost_basis' ? [a.base] : [])];
    for (const r of refs) {
      if (!ids.has(r)) errors.push({ path: ['audits', i], column: null, message: message('letter.unknown_figure', { figure: r }) });
      else if (!figureIds.has(r)) errors.push({ path: ['audits', i], column: null, message: message('letter.part_of_figure', { figure: r }) });
    }
    if (a.kind === 'cost_basis')
      for (const p of [...a.inmate_cost, a.probationer_cost]) if (!law.parameters.has(p)) errors.push({ path: ['audits', i], column: null, message: message('data.unknown_parameter', { name: p }) });
  });
  located.push(...locateConditionErrors(map, '(memory)', errors));
  if (located.length > 0) throw new DataFileError(located);
  return withAuditSplits({ file: data, outputs, definitions: order.map((name) => ({ name, condition: present(defs.get(name), `definition ${name} was ordered but not checked`) })) }, law);
}

/** The output counting persons serving on the day (not a figure id: figure ids are user names). */
const SERVING = '\u0000serving';

function servingCondition(law: Law): Checked {
  const errors: ConditionError[] = [];
  const c = checkCondition('serving', [], { law: law.criminalCode, definitions: new Set() }, errors);
  const [error] = errors;
  if (error) throw new Error(renderMessage(error.message, 'en'));
  return c;
}

function custodyIs(custody: Custody, ctx: { law: Law['criminalCode']; definitions: ReadonlySet<string> }): Checked {
  const errors: ConditionError[] = [];
  const c = checkCondition(`custody = ${custody}`, [], ctx, errors);
  const [error] = errors;
  if (error) throw new Error(renderMessage(error.message, 'en'));
  return c;
}

function statusOf(letter: number | null, computed: number, precision: number | null): FigureStatus {
  if (letter === null) return 'computed';
  const tolerance = precision === null ? 0 : precision / 2;
  return Math.abs(computed - letter) <= tolerance ? 'match' : 'differs';
}

/** Computes the letter's figures and audits over a registry as of a day (default: the letter's day). */
export function computeLetter(def: LetterDefinition, law: Law, registry: Registry, registrySource: string, asOfDay: number = def.file.as_of, registrySynthetic = false): LetterReport {
  // The letter speaks of persons serving sentences on its day: a record whose term ended before
  // (or on) the day, or begins after it, is left out of every figure, and counted apart.
  const kernel = compileConditions([...def.outputs, { name: SERVING, condition: servingCondition(law) }], def.definitions, law.criminalCode, law.parameters);
  const out = kernel.run(registry, asOfDay);
  const serving = entryAt(out, kernel.outputs.indexOf(SERVING), 'kernel output');
  const counts = new Map<string, { t: number; u: number }>();
  kernel.outputs.forEach((name, j) => {
    const o = entryAt(out, j, 'kernel output');
    let t = 0;
    let u = 0;
    for (let i = 0; i < o.length; i++) {
      if (serving[i] !== T) continue;
      if (o[i] === T) t++;
      else if (o[i] === U) u++;
    }
    counts.set(name, { t, u });
  });
  const servingCount = countOf(counts, SERVING).t;

  const results = new Map<string, FigureResult>();
  const valueOf = (ref: string): number => {
    if (ref.startsWith('parameter:')) return law.parameters.value(ref.slice('parameter:'.length), asOfDay);
    const r = results.get(ref);
    if (!r) throw new Error(`figure ${ref} is used before it is defined`);
    return r.computed;
  };
  for (const f of def.file.figures) results.set(f.id, figureResult(f, counts, law, asOfDay, valueOf));
  // what each figure rests on: a count on the registry, a parameter on its value, a product on its factors
  const doubts = new Map<string, Doubt>();
  const countDoubts = registrySynthetic ? fixedDoubt(doubts, 'registry') : [];
  for (const f of def.file.figures) {
    const r = figureIn(results, f.id);
    if ('count' in f) {
      r.unverified = countDoubts;
      for (const p of r.parts) p.unverified = countDoubts;
    } else if ('parameter' in f) r.unverified = lawParameterDoubt(doubts, law, f.parameter, asOfDay);
    else
      r.unverified = [
        ...new Set(
          f.product.flatMap((ref) => (ref.startsWith('parameter:') ? lawParameterDoubt(doubts, law, ref.slice('parameter:'.length), asOfDay) : (results.get(ref)?.unverified ?? []))),
        ),
      ];
  }

  const audits = def.file.audits.map((a) => audit(a, results, law, asOfDay, counts));
  // A figure whose letter value fails an audit of its parts is the letter's inconsistency, not ours.
  for (const a of audits) {
    if (a.kind !== 'parts_sum' || a.holds) continue;
    const r = results.get(a.figure);
    if (r && r.status === 'differs') r.status = 'letter_inconsistent';
  }
  const all = [...results.values()];
  const consistent = all.filter((r) => r.status === 'match' || r.status === 'differs');
  return {
    id: def.file.id,
    title: def.file.title,
    source: def.file.source,
    asOf: formatIsoDate(asOfDay),
    registry: { source: registrySource, persons: registry.size, serving: servingCount, notServing: registry.size - servingCount },
    figures: all,
    audits,
    summary: {
      consistent: consistent.length,
      matching: consistent.filter((r) => r.status === 'match').length,
      inconsistentInLetter: all.filter((r) => r.status === 'letter_inconsistent').map((r) => r.id),
      differing: all.filter((r) => r.status === 'differs').map((r) => r.id),
    },
    unverified: [...doubts.values()].sort((a, b) => DOUBT_KINDS.indexOf(a.kind) - DOUBT_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key)),
  };
}

/** A count of the kernel's outputs (each count figure, its split by custody, its parts). */
function countOf(counts: ReadonlyMap<string, { t: number; u: number }>, output: string): { t: number; u: number } {
  return present(counts.get(output), `the letter's kernel has no output ${output}`);
}

/** A figure of the letter (checkLetterDefinition lets audits name only figures). */
function figureIn(results: ReadonlyMap<string, FigureResult>, id: string): FigureResult {
  return present(results.get(id), `the letter has no figure ${id}`);
}

function figureResult(f: FigureDef, counts: Map<string, { t: number; u: number }>, law: Law, asOfDay: number, valueOf: (ref: string) => number): FigureResult {
  const base = { id: f.id, label: f.label, note: f.note ?? null, letter: f.letter, parts: [] as FigureResult[], split: null, source: null, unverified: [] as string[] };
  if ('count' in f) {
    const c = countOf(counts, f.id);
    const letterSplit = f.split;
    const split = letterSplit
      ? (Object.fromEntries(
          CUSTODIES.map((custody) => {
            const computed = countOf(counts, `${f.id}@${custody}`).t;
            const letter = letterSplit[custody];
            return [custody, { letter, computed, status: statusOf(letter, computed, null) }];
          }),
        ) as FigureResult['split'])
      : null;
    const parts = (f.parts ?? []).map((p) => {
      const pc = countOf(counts, p.id);
      return { ...base, id: p.id, label: p.label, note: null, kind: 'count' as const, letter: p.letter, computed: pc.t, unknown: pc.u, status: statusOf(p.letter, pc.t, null), precision: null };
    });
    return { ...base, kind: 'count', computed: c.t, unknown: c.u, status: statusOf(f.letter, c.t, null), precision: null, split, parts };
  }
  if ('parameter' in f) {
    const v = law.parameters.at(f.parameter, asOfDay);
    return { ...base, kind: 'parameter', computed: v.value, unknown: 0, status: statusOf(f.letter, v.value, f.precision ?? null), precision: f.precision ?? null, source: v.source };
  }
  const computed = f.product.reduce((acc, ref) => acc * valueOf(ref), 1);
  return { ...base, kind: 'product', computed, unknown: 0, status: statusOf(f.letter, computed, f.precision ?? null), precision: f.precision ?? null };
}

const msg = (key: MessageKey): Text => MESSAGES[key];

/** A text in three languages with its placeholders filled (numbers formatted per language). */
function filled(key: MessageKey, params: Record<string, string | number | Text>): Text {
  return renderAll(msg(key), (lang) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v])));
}

function audit(a: LetterFile['audits'][number], results: Map<string, FigureResult>, law: Law, asOfDay: number, counts: Map<string, { t: number; u: number }>): AuditResult {
  const fig = figureIn(results, a.figure);
  const letter = fig.letter ?? 0;
  switch (a.kind) {
    case 'parts_sum': {
      const split = fig.split;
      const parts: number[] = split ? CUSTODIES.map((c) => split[c].letter ?? 0) : fig.parts.map((p) => p.letter ?? 0);
      const sum = parts.reduce((x, y) => x + y, 0);
      return {
        id: a.id,
        kind: a.kind,
        figure: a.figure,
        holds: sum === letter,
        message: filled('audit.parts_sum', { figure: a.figure, parts: parts.join(' + '), sum, total: letter, computed: fig.computed }),
        details: [],
        values: { sum, letter, computed: fig.computed },
      };
    }
    case 'sum_of': {
      const sum = a.of.reduce((x, id) => x + (figureIn(results, id).letter ?? 0), 0);
      return {
        id: a.id,
        kind: a.kind,
        figure: a.figure,
        holds: sum === letter,
        message: filled('audit.sum_of', { figure: a.figure, of: a.of.join(' + '), sum, total: letter }),
        details: [],
        values: { sum, letter },
      };
    }
    case 'at_most': {
      const bound = figureIn(results, a.bound);
      const boundValue = bound.letter ?? 0;
      const inInstitutions = counts.get(`${a.figure}@institution`)?.t;
      const outside = inInstitutions === undefined ? Math.max(0, fig.computed - bound.computed) : fig.computed - inInstitutions;
      return {
        id: a.id,
        kind: a.kind,
        figure: a.figure,
        holds: letter <= boundValue,
        message: filled('audit.at_most', { figure: a.figure, value: letter, bound: a.bound, boundValue, why: a.why, outside: Math.max(0, outside) }),
        details: [],
        values: { letter, bound: boundValue, outside: Math.max(0, outside) },
      };
    }
    case 'cost_basis': {
      const base = figureIn(results, a.base);
      const institution = counts.get(`${a.base}@institution`)?.t ?? NaN;
      const probation = counts.get(`${a.base}@probation`)?.t ?? NaN;
      const letterCostParam = law.parameters.at(present(a.inmate_cost[0], `audit ${a.id} names no inmate cost`), asOfDay);
      const prob = law.parameters.at(a.probationer_cost, asOfDay);
      const days = law.parameters.value('calendar.days_per_year', asOfDay);
      const details = a.inmate_cost.map((name) => {
        const v = law.parameters.at(name, asOfDay);
        const perDay = institution * v.value + probation * prob.value;
        return filled('audit.cost_basis.priced', {
          inmateCost: v.value,
          inmateSource: law.parameters.get(name).description,
          probationCost: prob.value,
          probationSource: prob.assumption ? msg('audit.assumption') : law.parameters.get(a.probationer_cost).description,
          perDay,
          perYear: perDay * days,
          letterPerDay: fig.computed,
          letterPerYear: fig.computed * days,
        });
      });
      return {
        id: a.id,
        kind: a.kind,
        figure: a.figure,
        holds: probation === 0,
        message: filled('audit.cost_basis', { figure: a.figure, base: a.base, count: base.computed, letterCost: letterCostParam.value, probation, institution }),
        details,
        values: { institution, probation, letterCost: letterCostParam.value, probationerCost: prob.value },
      };
    }
  }
}

/** Splits are needed for the cost and at-most audits even where the letter gives none. */
export function withAuditSplits(def: LetterDefinition, law: Law): LetterDefinition {
  const need = new Set<string>();
  for (const a of def.file.audits) {
    if (a.kind === 'cost_basis') need.add(a.base);
    if (a.kind === 'at_most') need.add(a.figure);
  }
  const outputs = [...def.outputs];
  const ctx = { law: law.criminalCode, definitions: new Set(def.definitions.map((d) => d.name)) };
  for (const id of need) {
    const base = def.outputs.find((o) => o.name === id);
    if (!base) continue;
    for (const custody of CUSTODIES) {
      const name = `${id}@${custody}`;
      if (!outputs.some((o) => o.name === name)) outputs.push({ name, condition: { k: 'and', items: [base.condition, custodyIs(custody, ctx)] } });
    }
  }
  return { ...def, outputs };
}

// ------------------------------------------------------------------ rendering

const STATUS_MARK: Record<FigureStatus, string> = { match: '✓', differs: '✗', letter_inconsistent: '≠', computed: '·' };

function num(v: number | null, lang: Lang): string {
  return v === null ? '—' : formatNumber(v, lang);
}

export function renderLetterText(r: LetterReport, lang: Lang): string {
  const lines: string[] = [];
  const m = (k: MessageKey, p: Record<string, string | number> = {}) => render(MESSAGES[k], lang, p);
  lines.push(r.title[lang]);
  lines.push(m('letter.registry', { source: r.registry.source, persons: r.registry.persons, asOf: r.asOf }));
  if (r.registry.notServing > 0) lines.push(m('letter.not_serving', { n: r.registry.notServing }));
  lines.push('');
  const rows: [string, string, string, string][] = [[m('letter.col.figure'), m('letter.col.letter'), m('letter.col.computed'), m('letter.col.status')]];
  const statusText = (s: FigureStatus) => `${STATUS_MARK[s]} ${m(`letter.status.${s}`)}`;
  const refs = doubtRefs(r);
  for (const f of r.figures) {
    const unknown = f.unknown > 0 ? ` (${m('letter.unknown', { n: f.unknown })})` : '';
    rows.push([`${f.id.padEnd(4)} ${f.label[lang]}`, num(f.letter, lang), num(f.computed, lang), statusText(f.status) + unknown + refs(f.unverified)]);
    if (f.split)
      for (const c of CUSTODIES) rows.push([`       ${m(`custody.${c}`)}`, num(f.split[c].letter, lang), num(f.split[c].computed, lang), statusText(f.split[c].status)]);
    for (const p of f.parts) rows.push([`       ${p.label[lang]}`, num(p.letter, lang), num(p.computed, lang), statusText(p.status)]);
  }
  const width0 = Math.min(78, Math.max(...rows.map((x) => x[0].length)));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const w2 = Math.max(...rows.map((x) => x[2].length));
  for (const [a, b, c, d] of rows) {
    const label = a.length > width0 ? `${a.slice(0, width0 - 1)}…` : a.padEnd(width0);
    lines.push(`${label}  ${b.padStart(w1)}  ${c.padStart(w2)}  ${d}`);
  }
  lines.push('');
  lines.push(m('letter.summary', { consistent: r.summary.consistent, matching: r.summary.matching }));
  lines.push('', ...unverifiedLines(r, lang));
  lines.push('');
  lines.push(m('audit.heading'));
  for (const a of r.audits) {
    lines.push(`${a.id} ${a.holds ? '✓' : '✗'} ${a.holds ? m('audit.ok') : m('audit.fail')}: ${a.message[lang]}`);
    for (const d of a.details) lines.push(`      ${d[lang]}`);
  }
  return lines.join('\n');
}

export function renderLetterMarkdown(r: LetterReport, lang: Lang): string {
  const m = (k: MessageKey, p: Record<string, string | number> = {}) => render(MESSAGES[k], lang, p);
  const lines: string[] = [`## ${r.title[lang]}`, '', m('letter.registry', { source: r.registry.source, persons: r.registry.persons, asOf: r.asOf }), ''];
  if (r.registry.notServing > 0) lines.splice(3, 0, m('letter.not_serving', { n: r.registry.notServing }), '');
  lines.push(`| # | ${m('letter.col.figure')} | ${m('letter.col.letter')} | ${m('letter.col.computed')} | ${m('letter.col.status')} |`);
  lines.push('|---|---|---:|---:|---|');
  const st = (s: FigureStatus) => `${STATUS_MARK[s]} ${m(`letter.status.${s}`)}`;
  const refs = doubtRefs(r);
  for (const f of r.figures) {
    lines.push(`| ${f.id} | ${f.label[lang]} | ${num(f.letter, lang)} | ${num(f.computed, lang)} | ${st(f.status)}${f.unknown > 0 ? ` (${m('letter.unknown', { n: f.unknown })})` : ''}${refs(f.unverified)} |`);
    if (f.split) for (const c of CUSTODIES) lines.push(`| | ${m(`custody.${c}`)} | ${num(f.split[c].letter, lang)} | ${num(f.split[c].computed, lang)} | ${st(f.split[c].status)} |`);
    for (const p of f.parts) lines.push(`| | ${p.label[lang]} | ${num(p.letter, lang)} | ${num(p.computed, lang)} | ${st(p.status)} |`);
  }
  lines.push('', m('letter.summary', { consistent: r.summary.consistent, matching: r.summary.matching }), '', ...unverifiedLines(r, lang), '', `### ${m('audit.heading')}`, '');
  for (const a of r.audits) {
    lines.push(`- **${a.id}** ${a.holds ? '✓' : '✗'} ${a.message[lang]}`);
    for (const d of a.details) lines.push(`  - ${d[lang]}`);
  }
  return lines.join('\n');
}

/** The JSON form: labels and messages in the chosen language only. */
export function letterJson(r: LetterReport, lang: Lang): unknown {
  const fig = (f: FigureResult): unknown => ({
    id: f.id,
    label: f.label[lang],
    kind: f.kind,
    letter: f.letter,
    computed: f.computed,
    unknown: f.unknown,
    status: f.status,
    precision: f.precision,
    note: f.note,
    source: f.source,
    split: f.split,
    parts: f.parts.map(fig),
    unverified: f.unverified,
  });
  return {
    report: r.id,
    title: r.title[lang],
    source: r.source,
    asOf: r.asOf,
    lang,
    registry: r.registry,
    figures: r.figures.map(fig),
    audits: r.audits.map((a) => ({ id: a.id, kind: a.kind, figure: a.figure, holds: a.holds, message: a.message[lang], details: a.details.map((d) => d[lang]), values: a.values })),
    summary: r.summary,
    unverified_inputs: r.unverified.map((d) => ({ key: d.key, kind: d.kind, label: d.label[lang] })),
  };
}

/** " [1], [2]" after a figure: the numbers of the unverified inputs it rests on. */
function doubtRefs(r: LetterReport): (keys: readonly string[]) => string {
  const number = new Map(r.unverified.map((d, i) => [d.key, i + 1]));
  return (keys) => (keys.length === 0 ? '' : ` ${keys.map((k) => `[${number.get(k) ?? '?'}]`).join(', ')}`);
}

function unverifiedLines(r: LetterReport, lang: Lang): string[] {
  if (r.unverified.length === 0) return [render(LETTER_VERIFIED, lang)];
  return [`${render(LETTER_UNVERIFIED, lang)}:`, ...r.unverified.map((d, i) => `[${i + 1}] ${d.label[lang]}`)];
}

