/**
 * The condition language: facts about a person combined with all / any / not.
 *
 * In a data file a condition is either a **leaf**, a short text, or a YAML map:
 *
 *     all: [ "sex = F", "gravity in [minor, medium]", { not: "has_tag(corruption)" } ]
 *     any: [ "age >= 60", "disability_group in [1, 2]", socially_vulnerable ]
 *     not: violent
 *
 * Leaves (see docs/conditions.md):
 *     <fact>                          a boolean fact is true       pregnant
 *     not <fact>                      a boolean fact is false      not violent
 *     <fact> <op> <value>             = != < <= > >=               age >= 50
 *       values: numbers, fractions 1/3, terms 1y8m, dates 2025-06-23, dates relative to the day
 *       facts are read on (day - 60y), act parameters param.release_share, dated law
 *       parameters law.pension.age_women (read on the day of entry into force)
 *     <fact> in [v, …] / not in [v, …]                             custody in [institution]
 *     <fact> is known / is unknown                                 pregnant is unknown
 *     <fact>(<arg>) …                 parametric facts             children_under(3) >= 1
 *     <name>                          a named definition           socially_vulnerable
 *     true / false
 *
 * Conditions are checked against the fact catalogue (unknown fact, wrong argument, wrong type of
 * value, operator not allowed for the type → an error with the JSON path and the column in the
 * leaf) and evaluated with three-valued logic: F = 0, U = 1 (unknown), T = 2;
 * all = minimum, any = maximum, not = 2 − x. A comparison with an unknown fact is unknown.
 */
import { GRAVITY_ALIASES, TAGS } from '../domain/enums.ts';
import { parseIsoDate } from '../domain/dates.ts';
import { jsonPath, type LocatedError, type SourceMap } from '../domain/located.ts';
import { isMessageKey, listOf, msg, renderMessage, type Message } from '../i18n/message.ts';
import { formatTerm, fraction, fractionOfNumber, parseTerm, type Fraction, type Term } from '../domain/terms.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import type { Parameters } from '../law/parameters.ts';
import { factByName, FACTS, type ArgValue, type FactDef } from './facts/index.ts';

export const F = 0;
export const U = 1;
export const T = 2;
export type Truth = 0 | 1 | 2;

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A number a condition compares with: a constant (with the exact fraction it stands for: 1/3 is
 * never 0.333…), or a dated law parameter (law/parameters.yaml) read on the day of entry into force.
 */
export type NumOperand = { kind: 'const'; value: number; frac: Fraction } | { kind: 'law'; name: string };

/**
 * A date relative to the day facts are read on: `day - 60y` (years and months shift the date's
 * year and month and keep its day number, as ages are counted), `day + 30d` (days).
 */
export interface DateShift {
  unit: 'months' | 'days';
  /** Signed: −720 for `day - 60y`. */
  amount: number;
}

/** The value of an act parameter, as conditions and measures use it. */
export type ActParameterValue = { kind: 'number'; value: number; frac: Fraction } | { kind: 'term'; term: Term };

export type Checked =
  | { k: 'const'; truth: Truth }
  | { k: 'and' | 'or'; items: Checked[] }
  | { k: 'not'; item: Checked }
  | { k: 'bool'; fact: FactDef; arg: ArgValue | null }
  /** Number or date fact compared with a number (dates as day numbers); served_fraction on the calendar. */
  | { k: 'num'; fact: FactDef; arg: ArgValue | null; op: CompareOp; value: NumOperand }
  /** A term fact (imposed, served, remaining) compared with a term in calendar units. */
  | { k: 'term'; fact: FactDef; arg: ArgValue | null; op: CompareOp; term: Term }
  /** A date fact compared with a date relative to the day facts are read on (as YYYYMMDD). */
  | { k: 'relDate'; fact: FactDef; arg: ArgValue | null; op: CompareOp; shift: DateShift }
  | { k: 'numIn'; fact: FactDef; arg: ArgValue | null; values: number[]; negated: boolean }
  /** Enumeration fact compared by index (order is meaningful only for ordered enumerations). */
  | { k: 'enum'; fact: FactDef; arg: ArgValue | null; op: CompareOp; index: number }
  | { k: 'enumIn'; fact: FactDef; arg: ArgValue | null; indexes: number[]; negated: boolean }
  /** String fact (facility, region) equal to one of the values. */
  | { k: 'str'; fact: FactDef; arg: ArgValue | null; values: string[]; negated: boolean }
  | { k: 'known'; fact: FactDef; arg: ArgValue | null; negated: boolean }
  | { k: 'def'; name: string }
  /** Facts inside read on a day of the execution period (the last), not on the day of entry into force. */
  | { k: 'during'; item: Checked };

export interface ConditionError {
  /** JSON path of the condition in its file. */
  path: (string | number)[];
  /** 1-based column inside the leaf text, when the error is inside a leaf. */
  column: number | null;
  message: Message;
}

export class ConditionErrors extends Error {
  constructor(readonly errors: ConditionError[]) {
    super(errors.map((e) => `${jsonPath(e.path)}: ${renderMessage(conditionMessage(e), 'en')}`).join('\n'));
    this.name = 'ConditionErrors';
  }
}

/** The message of a condition error, with the column inside the condition's text when there is one. */
export function conditionMessage(e: ConditionError): Message {
  return e.column ? msg('condition.at_column', { message: e.message, column: e.column }) : e.message;
}

/** Condition errors located in their file. */
export function locateConditionErrors(map: SourceMap | null, file: string, errors: readonly ConditionError[]): LocatedError[] {
  return errors.map((e) => (map ? map.error(e.path, conditionMessage(e)) : { file, path: jsonPath(e.path), line: null, column: null, message: conditionMessage(e) }));
}

// ---------------------------------------------------------------- leaf tokens

type Tok =
  | { t: 'id'; v: string; at: number }
  | { t: 'num'; v: number; text: string; at: number }
  | { t: 'frac'; v: Fraction; text: string; at: number }
  | { t: 'term'; v: Term; text: string; at: number }
  | { t: 'rel'; v: DateShift; text: string; at: number }
  | { t: 'date'; v: number; text: string; at: number }
  | { t: 'ref'; v: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'op'; v: CompareOp; at: number }
  | { t: 'punct'; v: '(' | ')' | '[' | ']' | ','; at: number };

const TOKEN =
  /\s*(?:(\d{4}-\d{2}-\d{2})(?![\d-])|((?:\d{4}:\d+(?:-\d+)*|\d+(?:-\d+)+)(?:\.\d+(?:-\d+)?)?)|(\d+\/\d+)|(day\s*[+-]\s*\d+[ymd](?:\d+[md])*)(?![\p{L}\p{N}_])|(\d+[ymd](?:\d+[md])*)(?![\p{L}\p{N}_])|(-?\d+(?:\.\d+)?)|([\p{L}_][\p{L}\p{N}_.]*)|'([^']*)'|"([^"]*)"|(==|!=|<>|<=|>=|=|<|>)|([()[\],]))/uy;

/** A relative date `day - 60y`, `day + 6m`, `day - 30d`: one unit, years and months counted as months. */
function relativeDate(text: string): DateShift | Message {
  const m = /^day\s*([+-])\s*(\S+)$/.exec(text);
  const shift = m?.[2];
  const t = shift !== undefined ? parseTerm(shift) : null;
  if (!m || t === null) return msg('condition.bad_relative_date', { text });
  if (t.months > 0 && t.days > 0) return msg('condition.relative_mixed', { text });
  const sign = m[1] === '-' ? -1 : 1;
  return t.days > 0 ? { unit: 'days', amount: sign * t.days } : { unit: 'months', amount: sign * t.months };
}

/** The largest number a condition may hold (ten trillion: beyond every age, day count or amount in tenge). */
export const MAX_CONDITION_NUMBER = 1e13;

function tokenize(text: string): Tok[] | { at: number; message: Message } {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (m === null) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      return { at, message: msg('condition.unexpected', { token: JSON.stringify(text[at]) }) };
    }
    const at = pos + (m[0].length - m[0].trimStart().length);
    if (m[1] !== undefined) {
      const d = parseIsoDate(m[1]);
      if (d === null) return { at, message: msg('condition.bad_date', { text: m[1] }) };
      out.push({ t: 'date', v: d, text: m[1], at });
    } else if (m[2] !== undefined) out.push({ t: 'ref', v: m[2], at });
    else if (m[3] !== undefined) {
      const [num, den] = m[3].split('/').map(Number) as [number, number];
      if (den === 0) return { at, message: msg('condition.zero_denominator', { text: m[3] }) };
      out.push({ t: 'frac', v: fraction(num, den), text: m[3], at });
    } else if (m[4] !== undefined) {
      const shift = relativeDate(m[4]);
      if ('key' in shift) return { at, message: shift };
      out.push({ t: 'rel', v: shift, text: m[4], at });
    } else if (m[5] !== undefined) {
      const term = parseTerm(m[5]);
      if (term === null) return { at, message: msg('condition.bad_term', { text: m[5] }) };
      out.push({ t: 'term', v: term, text: m[5], at });
    } else if (m[6] !== undefined) {
      const v = Number(m[6]);
      // A number no fact can reach (ages, days, months, tenge) is a mistake, and past 2^53 it is not even exact.
      if (!(Math.abs(v) <= MAX_CONDITION_NUMBER)) return { at, message: msg('condition.number_too_large', { text: m[6].length > 24 ? `${m[6].slice(0, 20)}…` : m[6], max: MAX_CONDITION_NUMBER }) };
      out.push({ t: 'num', v, text: m[6], at });
    }
    else if (m[7] !== undefined) out.push({ t: 'id', v: m[7], at });
    else if (m[8] !== undefined) out.push({ t: 'str', v: m[8], at });
    else if (m[9] !== undefined) out.push({ t: 'str', v: m[9], at });
    else if (m[10] !== undefined) out.push({ t: 'op', v: (m[10] === '==' ? '=' : m[10] === '<>' ? '!=' : m[10]) as CompareOp, at });
    else out.push({ t: 'punct', v: m[11] as '(' | ')' | '[' | ']' | ',', at });
    pos = TOKEN.lastIndex;
  }
  return out;
}

// ---------------------------------------------------------------- checking

export interface CheckContext {
  law: CriminalCode;
  /** Names of definitions a condition may refer to. */
  definitions: ReadonlySet<string>;
  /** The dated law parameters `law.<name>` may name (law/parameters.yaml); none when absent. */
  lawParameters?: Parameters;
  /** The act's parameters `param.<name>` may name; none outside an act. */
  actParameters?: ReadonlyMap<string, ActParameterValue>;
  /** Whether `{ during: execution_period, when: … }` may be used (clause conditions only). */
  allowDuring?: boolean;
  /** Filled with the act parameters and law parameters the condition names (what a rule rests on). */
  used?: { act: Set<string>; law: Set<string> };
}

type Literal =
  | { kind: 'num'; v: number; frac: Fraction; at: number }
  | { kind: 'law'; name: string; at: number }
  | { kind: 'date'; v: number; at: number }
  | { kind: 'term'; v: Term; at: number }
  | { kind: 'rel'; v: DateShift; at: number }
  | { kind: 'word'; v: string; at: number; quoted: boolean };

class LeafParser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly text: string,
    readonly ctx: CheckContext,
  ) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  next(): Tok | undefined {
    return this.toks[this.i++];
  }
  at(): number {
    return this.peek()?.at ?? this.text.length;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
}

class LeafError extends Error {
  constructor(
    readonly at: number,
    readonly text: Message,
  ) {
    super(renderMessage(text, 'en'));
  }
}

function describeType(f: FactDef): Message {
  const t = f.type;
  switch (t.kind) {
    case 'enum':
      return msg('condition.type.enum', { values: listOf(t.values) });
    case 'boolean':
      return msg('data.type.boolean');
    default:
      return msg(`condition.type.${t.kind}`);
  }
}

/** A number fact's unit, in words where the catalogue has them. */
function unitOf(f: FactDef): Message | string {
  const unit = f.type.kind === 'number' ? f.type.unit : '';
  const key = `condition.unit.${unit}`;
  return isMessageKey(key) ? { key, params: {} } : unit;
}

export { formatTerm };

function literal(p: LeafParser): Literal {
  const tok = p.next();
  if (!tok) throw new LeafError(p.at(), msg('condition.value_missing'));
  if (tok.t === 'num') return { kind: 'num', v: tok.v, frac: fractionOfNumber(tok.v), at: tok.at };
  if (tok.t === 'frac') return { kind: 'num', v: tok.v.num / tok.v.den, frac: tok.v, at: tok.at };
  if (tok.t === 'term') return { kind: 'term', v: tok.v, at: tok.at };
  if (tok.t === 'rel') return { kind: 'rel', v: tok.v, at: tok.at };
  if (tok.t === 'date') return { kind: 'date', v: tok.v, at: tok.at };
  if (tok.t === 'id' && tok.v.startsWith('param.')) {
    const name = tok.v.slice('param.'.length);
    const params = p.ctx.actParameters;
    if (!params) throw new LeafError(tok.at, msg('condition.param_outside_act', { name }));
    const value = params.get(name);
    if (!value) throw new LeafError(tok.at, msg('condition.unknown_act_parameter', { name, names: listOf([...params.keys()]) }));
    p.ctx.used?.act.add(name);
    return value.kind === 'term' ? { kind: 'term', v: value.term, at: tok.at } : { kind: 'num', v: value.value, frac: value.frac, at: tok.at };
  }
  if (tok.t === 'id' && tok.v.startsWith('law.')) {
    const name = tok.v.slice('law.'.length);
    const params = p.ctx.lawParameters;
    if (!params || !params.has(name)) throw new LeafError(tok.at, msg('condition.unknown_law_parameter', { name }));
    p.ctx.used?.law.add(name);
    return { kind: 'law', name, at: tok.at };
  }
  if (tok.t === 'id') return { kind: 'word', v: tok.v, at: tok.at, quoted: false };
  if (tok.t === 'str') return { kind: 'word', v: tok.v, at: tok.at, quoted: true };
  if (tok.t === 'ref') return { kind: 'word', v: tok.v, at: tok.at, quoted: false };
  throw new LeafError(tok.at, msg('condition.expected_value', { token: JSON.stringify(tokText(tok)) }));
}

function tokText(tok: Tok): string {
  return tok.t === 'num' || tok.t === 'date' || tok.t === 'frac' || tok.t === 'term' || tok.t === 'rel' ? tok.text : String(tok.v);
}

function literalList(p: LeafParser): Literal[] {
  const open = p.next();
  if (!open || open.t !== 'punct' || open.v !== '[') throw new LeafError(open?.at ?? p.at(), msg('condition.expected_list'));
  const out: Literal[] = [];
  for (;;) {
    out.push(literal(p));
    const sep = p.next();
    if (sep && sep.t === 'punct' && sep.v === ']') return out;
    if (!sep || sep.t !== 'punct' || sep.v !== ',') throw new LeafError(sep?.at ?? p.at(), msg('condition.expected_list_separator'));
  }
}

function enumIndex(f: FactDef, lit: Literal): number {
  if (f.type.kind !== 'enum') throw new Error('not an enumeration');
  if (lit.kind !== 'word') throw new LeafError(lit.at, msg('condition.enum_takes', { fact: f.name, values: listOf(f.type.values) }));
  const code = f.type.aliases?.[lit.v] ?? lit.v;
  const idx = f.type.values.indexOf(code);
  if (idx < 0) throw new LeafError(lit.at, msg('condition.enum_no_value', { fact: f.name, value: lit.v, values: listOf(f.type.values) }));
  return idx;
}

function numberOf(f: FactDef, lit: Literal): number {
  if (f.type.kind === 'date') {
    if (lit.kind !== 'date') throw new LeafError(lit.at, msg(lit.kind === 'rel' ? 'condition.date_compare_relative' : 'condition.date_compare', { fact: f.name }));
    return lit.v;
  }
  if (lit.kind !== 'num') throw new LeafError(lit.at, msg(lit.kind === 'law' ? 'condition.number_compare_law' : 'condition.number_compare', { fact: f.name, unit: unitOf(f) }));
  return lit.v;
}

/** The operand of a number comparison: a constant or a law parameter. */
function numOperand(f: FactDef, lit: Literal): NumOperand {
  if (lit.kind === 'law') {
    if (f.name === 'served_fraction') throw new LeafError(lit.at, msg('condition.served_fraction_law'));
    return { kind: 'law', name: lit.name };
  }
  if (lit.kind !== 'num') throw new LeafError(lit.at, msg('condition.number_compare', { fact: f.name, unit: unitOf(f) }));
  return { kind: 'const', value: lit.v, frac: lit.frac };
}

function parseArg(p: LeafParser, f: FactDef, ctx: CheckContext): ArgValue | null {
  const open = p.peek();
  const hasParen = open !== undefined && open.t === 'punct' && open.v === '(';
  if (!f.arg) {
    if (hasParen) throw new LeafError(open.at, msg('condition.takes_no_argument', { fact: f.name }));
    return null;
  }
  if (!hasParen) throw new LeafError(p.at(), msg('condition.needs_argument', { fact: f.name }));
  p.next();
  const tok = p.next();
  if (!tok) throw new LeafError(p.at(), msg('condition.needs_argument', { fact: f.name }));
  let arg: ArgValue;
  if (f.arg.kind === 'number') {
    if (tok.t !== 'num' || !Number.isInteger(tok.v) || tok.v < f.arg.min || tok.v > f.arg.max)
      throw new LeafError(tok.at, msg('condition.argument_range', { fact: f.name, min: f.arg.min, max: f.arg.max }));
    arg = tok.v;
  } else if (f.arg.kind === 'tag') {
    if (tok.t !== 'id' || !(TAGS as readonly string[]).includes(tok.v)) throw new LeafError(tok.at, msg('condition.unknown_tag', { tag: tokText(tok), tags: listOf(TAGS) }));
    arg = tok.v;
  } else {
    const ref = tok.t === 'ref' ? tok.v : tok.t === 'num' && Number.isInteger(tok.v) ? tok.text : tok.t === 'str' ? tok.v : null;
    if (ref === null) throw new LeafError(tok.at, msg('condition.article_argument', { fact: f.name }));
    if (ctx.law.part(ref) === undefined && !ctx.law.hasArticle(ref)) throw new LeafError(tok.at, msg('condition.unknown_article', { ref }));
    arg = ref;
  }
  const close = p.next();
  if (!close || close.t !== 'punct' || close.v !== ')') throw new LeafError(close?.at ?? p.at(), msg('condition.expected_close'));
  return arg;
}

/** Parses and checks one leaf text. */
export function checkLeaf(text: string, ctx: CheckContext): Checked {
  const toks = tokenize(text);
  if (!Array.isArray(toks)) throw new LeafError(toks.at, toks.message);
  const p = new LeafParser(toks, text, ctx);
  let negate = false;
  const first = p.peek();
  if (!first) throw new LeafError(0, msg('condition.empty'));
  if (first.t === 'id' && first.v === 'not' && toks.length > 1) {
    negate = true;
    p.next();
  }
  const head = p.next();
  if (!head || head.t !== 'id') throw new LeafError(head?.at ?? p.at(), msg('condition.starts_with_name'));
  let result: Checked;
  if ((head.v === 'true' || head.v === 'false') && p.done()) {
    result = { k: 'const', truth: head.v === 'true' ? T : F };
  } else if (ctx.definitions.has(head.v) && !factByName(head.v)) {
    result = { k: 'def', name: head.v };
  } else {
    const f = factByName(head.v);
    if (!f) {
      const close = FACTS.filter((x) => x.name.includes(head.v) || head.v.includes(x.name)).map((x) => x.name);
      throw new LeafError(head.at, close.length ? msg('condition.unknown_fact_close', { name: head.v, close: listOf(close) }) : msg('condition.unknown_fact', { name: head.v }));
    }
    const arg = parseArg(p, f, ctx);
    result = comparison(p, f, arg);
  }
  const extra = p.peek();
  if (extra !== undefined) throw new LeafError(p.at(), msg('condition.unexpected', { token: JSON.stringify(tokText(extra)) }));
  if (negate) {
    if (result.k !== 'bool' && result.k !== 'def' && result.k !== 'const') throw new LeafError(0, msg('condition.not_before_boolean'));
    return { k: 'not', item: result };
  }
  return result;
}

function comparison(p: LeafParser, f: FactDef, arg: ArgValue | null): Checked {
  const tok = p.peek();
  if (!tok) {
    if (f.type.kind !== 'boolean') throw new LeafError(p.at(), msg('condition.compare_it', { fact: f.name, type: describeType(f) }));
    return { k: 'bool', fact: f, arg };
  }
  if (tok.t === 'id' && tok.v === 'is') {
    p.next();
    const w = p.next();
    if (w && w.t === 'id' && (w.v === 'known' || w.v === 'unknown')) return { k: 'known', fact: f, arg, negated: w.v === 'unknown' };
    throw new LeafError(w?.at ?? p.at(), msg('condition.expected_known'));
  }
  let negatedIn = false;
  if (tok.t === 'id' && tok.v === 'not') {
    p.next();
    const inTok = p.peek();
    if (!inTok || inTok.t !== 'id' || inTok.v !== 'in') throw new LeafError(inTok?.at ?? p.at(), msg('condition.expected_not_in'));
    negatedIn = true;
  }
  const opTok = p.peek();
  if (opTok && opTok.t === 'id' && opTok.v === 'in') {
    p.next();
    const list = literalList(p);
    return membership(f, arg, list, negatedIn);
  }
  if (!opTok || opTok.t !== 'op') throw new LeafError(opTok?.at ?? p.at(), msg('condition.expected_operator'));
  p.next();
  const value = literal(p);
  const op = opTok.v;
  switch (f.type.kind) {
    case 'boolean': {
      if (op !== '=' && op !== '!=') throw new LeafError(opTok.at, msg('condition.boolean_operator', { fact: f.name }));
      if (value.kind !== 'word' || (value.v !== 'true' && value.v !== 'false')) throw new LeafError(value.at, msg('condition.boolean_value', { fact: f.name }));
      const positive = (value.v === 'true') === (op === '=');
      const b: Checked = { k: 'bool', fact: f, arg };
      return positive ? b : { k: 'not', item: b };
    }
    case 'number':
      return { k: 'num', fact: f, arg, op, value: numOperand(f, value) };
    case 'date':
      if (value.kind === 'rel') return { k: 'relDate', fact: f, arg, op, shift: value.v };
      return { k: 'num', fact: f, arg, op, value: { kind: 'const', value: numberOf(f, value), frac: fraction(0, 1) } };
    case 'term':
      if (value.kind !== 'term') throw new LeafError(value.at, msg('condition.term_compare', { fact: f.name }));
      return { k: 'term', fact: f, arg, op, term: value.v };
    case 'enum': {
      if (!f.type.ordered && op !== '=' && op !== '!=') throw new LeafError(opTok.at, msg('condition.enum_unordered', { fact: f.name }));
      return { k: 'enum', fact: f, arg, op, index: enumIndex(f, value) };
    }
    case 'string': {
      if (op !== '=' && op !== '!=') throw new LeafError(opTok.at, msg('condition.name_operator', { fact: f.name }));
      return { k: 'str', fact: f, arg, values: [nameOf(f, value)], negated: op === '!=' };
    }
  }
}

/** A name (facility, region) written in a condition: a word or a quoted text, never a number or a date. */
function nameOf(f: FactDef, lit: Literal): string {
  if (lit.kind !== 'word') throw new LeafError(lit.at, msg('condition.name_quote', { fact: f.name, example: msg(f.name === 'region' ? 'condition.example.region' : 'condition.example.facility') }));
  return lit.v;
}

function membership(f: FactDef, arg: ArgValue | null, list: Literal[], negated: boolean): Checked {
  switch (f.type.kind) {
    case 'enum':
      return { k: 'enumIn', fact: f, arg, indexes: list.map((l) => enumIndex(f, l)), negated };
    case 'number':
    case 'date':
      return { k: 'numIn', fact: f, arg, values: list.map((l) => numberOf(f, l)), negated };
    case 'string':
      return { k: 'str', fact: f, arg, values: list.map((l) => nameOf(f, l)), negated };
    case 'boolean':
      throw new LeafError(list[0]?.at ?? 0, msg('condition.in_boolean', { fact: f.name }));
    case 'term':
      throw new LeafError(list[0]?.at ?? 0, msg('condition.in_term', { fact: f.name }));
  }
}

/** A condition as written in a data file, before checking. */
export type ConditionSource = string | boolean | { all: ConditionSource[] } | { any: ConditionSource[] } | { not: ConditionSource };

/**
 * Checks a condition written in YAML/JSON; all errors are collected with their JSON paths.
 * `path` is where the condition lies in its file.
 */
export function checkCondition(source: unknown, path: (string | number)[], ctx: CheckContext, errors: ConditionError[]): Checked {
  if (typeof source === 'boolean') return { k: 'const', truth: source ? T : F };
  if (typeof source === 'string') {
    try {
      return checkLeaf(source, ctx);
    } catch (e) {
      if (e instanceof LeafError) {
        errors.push({ path, column: e.at + 1, message: msg('condition.in_source', { message: e.text, source }) });
        return { k: 'const', truth: U };
      }
      throw e;
    }
  }
  if (source !== null && typeof source === 'object' && !Array.isArray(source)) {
    const keys = Object.keys(source);
    if (keys.includes('during')) {
      const body = source as Record<string, unknown>;
      if (keys.length !== 2 || !keys.includes('when') || body['during'] !== 'execution_period') {
        errors.push({ path, column: null, message: msg('condition.during_form') });
        return { k: 'const', truth: U };
      }
      if (!ctx.allowDuring) {
        errors.push({ path: [...path, 'during'], column: null, message: msg('condition.during_only_clauses') });
        return { k: 'const', truth: U };
      }
      return { k: 'during', item: checkCondition(body['when'], [...path, 'when'], ctx, errors) };
    }
    const [only] = keys;
    if (keys.length !== 1 || (only !== 'all' && only !== 'any' && only !== 'not')) {
      errors.push({ path, column: null, message: msg('condition.map_one_key', { keys: listOf(keys) }) });
      return { k: 'const', truth: U };
    }
    const key = only;
    const body = (source as Record<string, unknown>)[key];
    if (key === 'not') return { k: 'not', item: checkCondition(body, [...path, 'not'], ctx, errors) };
    if (!Array.isArray(body) || body.length === 0) {
      errors.push({ path: [...path, key], column: null, message: msg('condition.list_nonempty', { key }) });
      return { k: 'const', truth: U };
    }
    return { k: key === 'all' ? 'and' : 'or', items: body.map((c, i) => checkCondition(c, [...path, key, i], ctx, errors)) };
  }
  errors.push({ path, column: null, message: msg('condition.not_condition') });
  return { k: 'const', truth: U };
}

/** Comparisons (leaves) and nesting depth of a checked condition, and its longest `in` list. */
export function conditionSize(c: Checked): { leaves: number; depth: number; longestList: number } {
  switch (c.k) {
    case 'and':
    case 'or': {
      let leaves = 0;
      let depth = 0;
      let longestList = 0;
      for (const x of c.items) {
        const s = conditionSize(x);
        leaves += s.leaves;
        depth = Math.max(depth, s.depth);
        longestList = Math.max(longestList, s.longestList);
      }
      return { leaves, depth: depth + 1, longestList };
    }
    case 'not':
    case 'during': {
      const s = conditionSize(c.item);
      return { ...s, depth: s.depth + 1 };
    }
    case 'numIn':
      return { leaves: 1, depth: 0, longestList: c.values.length };
    case 'enumIn':
      return { leaves: 1, depth: 0, longestList: c.indexes.length };
    case 'str':
      return { leaves: 1, depth: 0, longestList: c.values.length };
    default:
      return { leaves: 1, depth: 0, longestList: 0 };
  }
}

/** Names of the definitions a condition refers to, directly. */
export function definitionsUsed(c: Checked, out = new Set<string>()): Set<string> {
  if (c.k === 'def') out.add(c.name);
  else if (c.k === 'and' || c.k === 'or') for (const x of c.items) definitionsUsed(x, out);
  else if (c.k === 'not' || c.k === 'during') definitionsUsed(c.item, out);
  return out;
}

/** Orders definitions so that each comes after those it uses; a cycle is an error. */
export function orderDefinitions(defs: ReadonlyMap<string, Checked>, pathOf: (name: string) => (string | number)[], errors: ConditionError[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]) => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      errors.push({ path: pathOf(name), column: null, message: msg('condition.definition_cycle', { chain: [...chain, name].join(' → ') }) });
      return;
    }
    state.set(name, 'visiting');
    const body = defs.get(name);
    if (body) for (const used of definitionsUsed(body)) if (defs.has(used)) visit(used, [...chain, name]);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of defs.keys()) visit(name, []);
  return order;
}

/** Facts (with arguments) a condition reads, for explanations. */
export function factsUsed(c: Checked, out: { fact: FactDef; arg: ArgValue | null }[] = []): { fact: FactDef; arg: ArgValue | null }[] {
  switch (c.k) {
    case 'and':
    case 'or':
      for (const x of c.items) factsUsed(x, out);
      break;
    case 'not':
    case 'during':
      factsUsed(c.item, out);
      break;
    case 'const':
    case 'def':
      break;
    default:
      if (!out.some((u) => u.fact === c.fact && u.arg === c.arg)) out.push({ fact: c.fact, arg: c.arg });
  }
  return out;
}

export { GRAVITY_ALIASES };
