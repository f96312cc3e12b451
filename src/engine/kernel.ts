/**
 * The condition kernel: checked conditions compiled into one generated loop over the columnar
 * registry that writes a truth value (F 0, U 1, T 2) per person for every named output.
 *
 * Safety: the generated source is built only from the fact catalogue's fixed expressions, the
 * whitelisted registry column names, operators, and numeric literals checked to be finite. No text
 * from a condition (names, strings) ever reaches the source: strings and article sets are passed in
 * as bound constants (`K[n]`), and parameters as values (`P[n]`).
 *
 * Non-null assertions (`!`) left here are in the helpers the generated loop calls for every person:
 * typed-array reads at indices between a person's offsets, which the registry keeps in range.
 */
import { entryAt } from '../domain/lookup.ts';
import { dayOfYmd, UNKNOWN_DATE, ymdOfDay } from '../domain/dates.ts';
import { imposedTermSign, relativeDateSign, remainingTermSign, servedFractionSign, servedTermSign } from './calendar.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import type { Parameters } from '../law/parameters.ts';
import type { ColumnName, DictColumn, Registry, RegistryColumns } from '../registry/registry.ts';
import type { Checked } from './condition.ts';
import type { EmitContext, FactDef, ArgValue, HelperName } from './facts/index.ts';

export const DICT_COLUMNS: ReadonlySet<ColumnName> = new Set(['lastName', 'firstName', 'middleName', 'facility', 'region']);
const COLUMN_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** Helpers the generated code may call: a fixed library, not generated. */
export const KERNEL_HELPERS = {
  ymdOfDay,
  dayOfYmd,
  servedFractionSign,
  imposedTermSign,
  servedTermSign,
  remainingTermSign,
  /** relativeDateSign with the unit as a number (1 days, 0 months): generated code holds no strings. */
  relativeDateSign: (ymd: number, day: number, days: number, amount: number): number => relativeDateSign(ymd, day, days === 1 ? 'days' : 'months', amount),
  hasArticle(offsets: Uint32Array, values: Uint16Array, i: number, set: Uint8Array): number {
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) if (set[values[k]!] === 1) return 1;
    return 0;
  },
  childrenUnder(offsets: Uint32Array, births: Int32Array, i: number, asOfYmd: number, years: number): number {
    const after = asOfYmd - years * 10000;
    let n = 0;
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
      const b = births[k]!;
      if (b <= asOfYmd && b > after) n++;
    }
    return n;
  },
};

export type Constant = { kind: 'set'; values: Uint8Array } | { kind: 'words'; values: Uint32Array } | { kind: 'strings'; column: ColumnName; values: string[] };

type KernelFn = (
  C: Record<string, unknown>,
  K: unknown[],
  P: number[],
  H: typeof KERNEL_HELPERS,
  asOfYmd: number,
  asOfDay: number,
  start: number,
  end: number,
  OUT: Uint8Array[],
) => void;

export interface CompiledConditions {
  /** Names of the outputs, in order: OUT[j] holds the truth of outputs[j]. */
  outputs: string[];
  /** Registry columns read. */
  columns: ColumnName[];
  /** Parameters read, looked up on the evaluation date. */
  parameters: string[];
  source: string;
  /** Truth per person per output, for one evaluation date (day number). */
  run(registry: Registry, asOfDay: number, range?: { start: number; end: number }, out?: Uint8Array[]): Uint8Array[];
}

export class Emitter implements EmitContext {
  readonly columns = new Map<ColumnName, string>();
  readonly constants: Constant[] = [];
  readonly params: string[] = [];
  private temps = 0;
  /** Variables of the day facts are read on; switched while emitting `during` conditions. */
  asOfYmd = 'asOfYmd';
  asOfDay = 'asOfDay';

  constructor(private readonly law: CriminalCode) {}

  col(name: ColumnName): string {
    if (!COLUMN_NAME.test(name)) throw new Error(`column name outside the whitelist: ${name}`);
    let v = this.columns.get(name);
    if (!v) {
      v = `c_${name}`;
      this.columns.set(name, v);
    }
    return v;
  }
  num(value: number): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`not a finite number: ${String(value)}`);
    return value < 0 ? `(${value})` : String(value);
  }
  param(name: string): string {
    let k = this.params.indexOf(name);
    if (k < 0) k = this.params.push(name) - 1;
    return `P[${k}]`;
  }
  set(values: Uint8Array): string {
    return `K[${this.constants.push({ kind: 'set', values }) - 1}]`;
  }
  /** A table of 32-bit words, bound as a constant. */
  words(values: Uint32Array): string {
    return `K[${this.constants.push({ kind: 'words', values }) - 1}]`;
  }
  strings(column: ColumnName, values: string[]): string {
    return `K[${this.constants.push({ kind: 'strings', column, values }) - 1}]`;
  }
  helper(name: HelperName): string {
    return `H.${name}`;
  }
  childrenUnder(years: string): string {
    return `${this.helper('childrenUnder')}(${this.col('childOffsets')}, ${this.col('childBirthYmd')}, i, ${this.asOfYmd}, ${years})`;
  }
  hasArticle(set: Uint8Array): string {
    return `${this.helper('hasArticle')}(${this.col('articleOffsets')}, ${this.col('articleValues')}, i, ${this.set(set)})`;
  }
  remainingTermSign(months: number, days: number): string {
    return `${this.helper('remainingTermSign')}(${this.col('sentenceEndDay')}[i], ${this.asOfDay}, ${this.num(months)}, ${this.num(days)})`;
  }
  temp(): string {
    return `t${this.temps++}`;
  }
  get tempCount(): number {
    return this.temps;
  }

  fact(f: FactDef, arg: ArgValue | null): string {
    return f.kernel(this, arg, this.law);
  }
  /** A number fact as a whole number, negative when unknown (FactForms.kernelInt), or null when it has no such form. */
  factInt(f: FactDef, arg: ArgValue | null): string | null {
    return f.kernelInt ? f.kernelInt(this, arg, this.law) : null;
  }
  /** A boolean fact's truth in bits (W_F, W_U, W_T). */
  factW(f: FactDef, arg: ArgValue | null): string {
    return f.kernelW ? f.kernelW(this, arg, this.law) : `(${f.kernel(this, arg, this.law)} * 3 & 3)`;
  }
}

const JS_OP: Record<string, string> = { '=': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/**
 * Truth values inside generated code, as two bits: bit 0 "may hold", bit 1 "holds" — F = 0,
 * U = 1, T = 3. Kleene's all and any are then the bitwise `&` and `|`, and not is
 * `(w ^ 3) >> (w & 1)`: no branch depends on a person's data. V8 compiles `c ? a : b` and
 * Math.min/max into conditional jumps, which a registry's data makes unpredictable: on random
 * values a jump costs about four times the bitwise form, and the act kernel on the national
 * registry took a third less time once its conditions were written this way (docs/benchmarks.md).
 * Outside generated code truth stays F 0 / U 1 / T 2 (`fromW`).
 */
export const W_F = 0;
export const W_U = 1;
export const W_T = 3;

/** The expression converting a bit truth into F 0 / U 1 / T 2. */
export function fromW(w: string): string {
  return `(${w} - (${w} >> 1))`;
}

/**
 * Whether an emitted expression calls a helper (a loop over a person's articles or children) or
 * reads a counted column of children (`U[k]`, src/engine/children-counts.ts): such items of all/any
 * are read last, and only when the others leave the answer open.
 */
export function isCostly(expr: string): boolean {
  return expr.includes('H.') || expr.includes('U[');
}

/** The truth of a checked condition in bits (W_F, W_U, W_T), as a JavaScript expression. */
export function truthW(c: Checked, e: Emitter, defVar: (name: string) => string): string {
  const neg = (w: string) => {
    const t = e.temp();
    return `(${t} = ${w}, (${t} ^ 3) >> (${t} & 1))`;
  };
  switch (c.k) {
    case 'const':
      return String(c.truth === 2 ? W_T : c.truth);
    case 'def':
      return defVar(c.name);
    case 'not':
      return neg(truthW(c.item, e, defVar));
    case 'during': {
      const [ymd, day] = [e.asOfYmd, e.asOfDay];
      e.asOfYmd = 'duringYmd';
      e.asOfDay = 'duringDay';
      const inner = truthW(c.item, e, defVar);
      e.asOfYmd = ymd;
      e.asOfDay = day;
      return inner;
    }
    case 'and':
    case 'or':
      return junctionW(c.k, c.items.map((item) => truthW(item, e, defVar)), e);
    case 'bool':
      // -1 unknown, 0, 1 → 1, 0, 3
      return e.factW(c.fact, c.arg);
    case 'num':
      return comparisonW(c, e);
    case 'term': {
      const t = e.temp();
      if (!c.fact.termSign) throw new Error(`${c.fact.name} is not a term fact`);
      return `(${t} = ${c.fact.termSign.kernel(e, c.term)}, ${t} === -2 ? ${W_U} : (${t} ${JS_OP[c.op]} 0) * 3)`;
    }
    case 'relDate': {
      const t = e.temp();
      if (!c.fact.ymd) throw new Error(`${c.fact.name} has no date to compare`);
      return `(${t} = ${c.fact.ymd.kernel(e)}, ${t} !== ${t} ? ${W_U} : (${e.helper('relativeDateSign')}(${t}, ${e.asOfDay}, ${c.shift.unit === 'days' ? 1 : 0}, ${e.num(c.shift.amount)}) ${JS_OP[c.op]} 0) * 3)`;
    }
    case 'numIn': {
      const t = e.temp();
      const test = c.values.map((v) => `(${t} === ${e.num(v)})`).join(' | ');
      const int = e.factInt(c.fact, c.arg);
      // a whole number, negative unknown: as an enumeration's index (no NaN, no float)
      const w = int !== null ? `(${t} = ${int}, ${intInW(t, c.values) ?? `(${t} >>> 31) | (${test}) * 3 & ~(${t} >> 31)`})` : `(${t} = ${e.fact(c.fact, c.arg)}, (${t} !== ${t}) | (${test}) * 3)`;
      return c.negated ? neg(w) : w;
    }
    case 'enum': {
      const t = e.temp();
      // an index, -1 unknown
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${intCompareW(t, c.op, c.index)})`;
    }
    case 'enumIn': {
      const t = e.temp();
      const mask = c.indexes.reduce((m, i) => m | (1 << i), 0);
      const bit = `((${e.num(mask)} >> ${t}) & 1${c.negated ? ' ^ 1' : ''})`;
      return `(${t} = ${e.fact(c.fact, c.arg)}, (${t} >>> 31) | ${bit} * 3 & ~(${t} >> 31))`;
    }
    case 'str': {
      const t = e.temp();
      const k = e.strings(entryAt(c.fact.columns, 0, `fact ${c.fact.name}: column`), c.values);
      // code 0 is unknown, and its entry in the mask is 0
      if (!c.negated) return `(${t} = ${e.fact(c.fact, c.arg)}, (${t} === 0) | ${k}[${t}] * 3)`;
      return `(${t} = ${e.fact(c.fact, c.arg)}, (${t} === 0) | (${k}[${t}] ^ 1) * 3 & -(${t} !== 0))`;
    }
    case 'known': {
      const t = e.temp();
      const kind = c.fact.type.kind;
      const unknown = kind === 'number' || kind === 'date' || kind === 'term' ? `${t} !== ${t}` : kind === 'string' ? `${t} === 0` : `${t} < 0`;
      return `(${t} = ${e.fact(c.fact, c.arg)}, ((${unknown})${c.negated ? '' : ' ^ 1'}) * 3)`;
    }
  }
}

/**
 * all / any over the items' bit truths: cheap items at once, without branches; a costly item only
 * when the rest leave the answer open.
 */
function junctionW(k: 'and' | 'or', parts: string[], e: Emitter): string {
  const op = k === 'and' ? '&' : '|';
  const stop = k === 'and' ? W_F : W_T;
  // Cheap items at once, without branches; a costly item only when the rest leave the answer open
  // (the operators are commutative, so the order of reading does not change the answer).
  const cheap = parts.filter((p) => !isCostly(p));
  let expr = cheap.length > 0 ? `(${cheap.join(` ${op} `)})` : '';
  for (const p of parts.filter(isCostly)) {
    if (expr === '') {
      expr = p;
      continue;
    }
    const acc = e.temp();
    expr = `(${acc} = ${expr}, ${acc} === ${stop} ? ${stop} : ${acc} ${op} ${p})`;
  }
  // an empty all holds, an empty `any` does not
  return expr === '' ? String(k === 'and' ? W_T : W_F) : expr;
}

/** A number fact compared with a constant or a law parameter, in bits (unknown: W_U). */
function comparisonW(c: Extract<Checked, { k: 'num' }>, e: Emitter): string {
  const t = e.temp();
  if (c.fact.fractionSign && c.value.kind === 'const') {
    // the sign of (part served − fraction) on the calendar, -2 unknown
    return `(${t} = ${c.fact.fractionSign.kernel(e, c.value.frac)}, ${t} === -2 ? ${W_U} : (${t} ${JS_OP[c.op]} 0) * 3)`;
  }
  if (c.fact.name === 'age' && c.value.kind === 'const' && Number.isInteger(c.value.value)) {
    // completed years compared without a division: floor(x / 10000) >= v exactly when x >= v × 10000
    // (x = day − birth as YYYYMMDD, a whole number); unknown birth dates U
    const v = c.value.value;
    const b = `${e.col('birthYmd')}[i]`;
    const x = `(${e.asOfYmd} - ${t})`;
    const lo = e.num(v * 10000);
    const hi = e.num((v + 1) * 10000);
    const test = { '>=': `${x} >= ${lo}`, '>': `${x} >= ${hi}`, '<': `${x} < ${lo}`, '<=': `${x} < ${hi}`, '=': `(${x} >= ${lo}) & (${x} < ${hi})`, '!=': `(${x} < ${lo}) | (${x} >= ${hi})` }[c.op];
    return `(${t} = ${b}, (${t} === ${UNKNOWN_DATE}) | (${test}) * 3 & (${t} !== ${UNKNOWN_DATE}) * 3)`;
  }
  const value = c.value.kind === 'law' ? e.param(c.value.name) : e.num(c.value.value);
  const int = e.factInt(c.fact, c.arg);
  // a whole number, negative unknown
  if (int !== null) return `(${t} = ${int}, ${c.value.kind === 'const' ? intCompareW(t, c.op, c.value.value) : `(${t} >>> 31) | (${t} ${JS_OP[c.op]} ${value}) * 3 & ~(${t} >> 31)`})`;
  // NaN (unknown) fails every comparison but !==, which is masked out: bit 0 alone
  const mask = c.op === '!=' ? ` & -(${t} === ${t})` : '';
  return `(${t} = ${e.fact(c.fact, c.arg)}, (${t} !== ${t}) | (${t} ${JS_OP[c.op]} ${value}) * 3${mask})`;
}

/**
 * `t op value` in bits, `t` a whole number negative when unknown: `t >>> 31` is the unknown bit, and
 * the comparison (times 3) must be false when `t` is negative. With a constant of 0 or more, `===`,
 * `>=` and `>` are false for a negative `t` as they stand, and `<`, `<=` are once `t` is read unsigned
 * (`t >>> 0`: 2³¹ or more): no mask needed. Otherwise (`!==`, a negative constant) `~(t >> 31)`
 * masks the comparison out. The mask is three operations on every read of the registry's most
 * compared columns (gravity, an enumeration's index), which is what dropping it saves.
 */
function intCompareW(t: string, op: string, value: number): string {
  const v = value < 0 ? `(${value})` : String(value);
  if (value >= 0 && value < 2 ** 31) {
    if (op === '=' || op === '>=' || op === '>') return `(${t} >>> 31) | (${t} ${JS_OP[op]} ${v}) * 3`;
    if (op === '<' || op === '<=') return `(${t} >>> 31) | (${t} >>> 0 ${JS_OP[op]} ${v}) * 3`;
  }
  return `(${t} >>> 31) | (${t} ${JS_OP[op]} ${v}) * 3 & ~(${t} >> 31)`;
}

/**
 * `t in values` in bits, `t` a whole number negative when unknown, when the values are whole numbers
 * lo … hi without a gap (lo ≥ 0): one unsigned comparison, `(t - lo >>> 0) <= hi - lo`, false for a
 * negative `t` (as intCompareW) — not one test a value; null for other values.
 */
function intInW(t: string, values: readonly number[]): string | null {
  if (values.length < 2 || !values.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31)) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (new Set(values).size !== hi - lo + 1) return null;
  return `(${t} >>> 31) | (${lo === 0 ? `${t} >>> 0` : `${t} - ${lo} >>> 0`} <= ${hi - lo}) * 3`;
}

/**
 * Compiles named conditions (and the definitions they use) into one kernel.
 * `definitions` must be in dependency order (see orderDefinitions).
 */
export function compileConditions(
  outputs: { name: string; condition: Checked }[],
  definitions: { name: string; condition: Checked }[],
  law: CriminalCode,
  parameters: Parameters,
): CompiledConditions {
  const e = new Emitter(law);
  const defIndex = new Map<string, number>();
  const body: string[] = [];
  // Only definitions reachable from the outputs are computed.
  const needed = new Set<string>();
  const defMap = new Map(definitions.map((d) => [d.name, d.condition]));
  const mark = (c: Checked) => {
    const walk = (x: Checked): void => {
      if (x.k === 'def') {
        if (!needed.has(x.name)) {
          needed.add(x.name);
          const d = defMap.get(x.name);
          if (d) walk(d);
        }
      } else if (x.k === 'and' || x.k === 'or') x.items.forEach(walk);
      else if (x.k === 'not' || x.k === 'during') walk(x.item);
    };
    walk(c);
  };
  outputs.forEach((o) => mark(o.condition));
  const defVar = (name: string) => {
    const k = defIndex.get(name);
    if (k === undefined) throw new Error(`definition ${name} used before it is computed`);
    return `d${k}`;
  };
  for (const d of definitions) {
    if (!needed.has(d.name)) continue;
    const k = defIndex.size;
    const expr = truthW(d.condition, e, defVar);
    defIndex.set(d.name, k);
    body.push(`const d${k} = ${expr};`);
  }
  outputs.forEach((o, j) => {
    const w = e.temp();
    body.push(`${w} = ${truthW(o.condition, e, defVar)}; OUT[${j}][i] = ${fromW(w)};`);
  });

  const decl = [...e.columns].map(([name, v]) => `const ${v} = C.${name}${DICT_COLUMNS.has(name) ? '.codes' : ''};`);
  const temps = e.tempCount > 0 ? `let ${Array.from({ length: e.tempCount }, (_, i) => `t${i}`).join(', ')};` : '';
  const source = [...decl, 'for (let i = start; i < end; i++) {', temps, ...body, '}'].join('\n');
  const fn = new Function('C', 'K', 'P', 'H', 'asOfYmd', 'asOfDay', 'start', 'end', 'OUT', source) as KernelFn;
  const constants = e.constants;
  const paramNames = [...e.params];

  return {
    outputs: outputs.map((o) => o.name),
    columns: [...e.columns.keys()],
    parameters: paramNames,
    source,
    run(registry, asOfDay, range, out) {
      const K = constants.map((k) => (k.kind === 'strings' ? stringMask(registry.columns[k.column] as DictColumn, k.values) : k.values));
      const P = paramNames.map((n) => parameters.value(n, asOfDay));
      const start = range?.start ?? 0;
      const end = range?.end ?? registry.size;
      const OUT = out ?? outputs.map(() => new Uint8Array(registry.size));
      fn(registry.columns as unknown as Record<string, unknown>, K, P, KERNEL_HELPERS, ymdOfDay(asOfDay), asOfDay, start, end, OUT);
      return OUT;
    },
  };
}

export function stringMask(col: DictColumn, values: string[]): Uint8Array {
  const mask = new Uint8Array(col.values.length);
  const wanted = new Set(values);
  col.values.forEach((v, code) => {
    if (code > 0 && wanted.has(v)) mask[code] = 1;
  });
  return mask;
}

export type { RegistryColumns };
