/**
 * The condition kernel: checked conditions compiled into one generated loop over the columnar
 * registry that writes a truth value (F 0, U 1, T 2) per person for every named output.
 *
 * Safety: the generated source is built only from the fact catalogue's fixed expressions, the
 * whitelisted registry column names, operators, and numeric literals checked to be finite. No text
 * from a condition (names, strings) ever reaches the source: strings and article sets are passed in
 * as bound constants (`K[n]`), and parameters as values (`P[n]`).
 */
import { ymdOfDay } from '../domain/dates.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import type { Parameters } from '../law/parameters.ts';
import type { ColumnName, DictColumn, Registry, RegistryColumns } from '../registry/registry.ts';
import type { Checked } from './condition.ts';
import type { EmitContext, FactDef, ArgValue } from './facts.ts';

export const DICT_COLUMNS: ReadonlySet<ColumnName> = new Set(['lastName', 'firstName', 'middleName', 'facility', 'region']);
const COLUMN_NAME = /^[a-zA-Z]+$/;

/** Helpers the generated code may call: a fixed library, not generated. */
export const KERNEL_HELPERS = {
  ymdOfDay,
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

export type Constant = { kind: 'set'; values: Uint8Array } | { kind: 'strings'; column: ColumnName; values: string[] };

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
  strings(column: ColumnName, values: string[]): string {
    return `K[${this.constants.push({ kind: 'strings', column, values }) - 1}]`;
  }
  helper(name: 'hasArticle' | 'childrenUnder' | 'ymdOfDay'): string {
    return `H.${name}`;
  }
  temp(): string {
    return `t${this.temps++}`;
  }
  get tempCount(): number {
    return this.temps;
  }

  fact(f: FactDef, arg: ArgValue | null): string {
    return f.emit(this, arg, this.law);
  }
}

const JS_OP: Record<string, string> = { '=': '===', '!=': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export function truthExpr(c: Checked, e: Emitter, defVar: (name: string) => string): string {
  switch (c.k) {
    case 'const':
      return String(c.truth);
    case 'def':
      return defVar(c.name);
    case 'not':
      return `(2 - ${truthExpr(c.item, e, defVar)})`;
    case 'during': {
      const [ymd, day] = [e.asOfYmd, e.asOfDay];
      e.asOfYmd = 'duringYmd';
      e.asOfDay = 'duringDay';
      const inner = truthExpr(c.item, e, defVar);
      e.asOfYmd = ymd;
      e.asOfDay = day;
      return inner;
    }
    case 'and':
    case 'or': {
      // Kleene logic with short-circuit: all = minimum, any = maximum.
      const stop = c.k === 'and' ? 0 : 2;
      const better = c.k === 'and' ? '<' : '>';
      // (acc = X0, acc === stop ? stop : (t = X1, acc = t better acc ? t : acc, acc === stop ? stop : (…, acc)))
      const acc = e.temp();
      const parts = c.items.map((item) => truthExpr(item, e, defVar));
      let tail = acc;
      for (let i = parts.length - 1; i >= 1; i--) {
        const t = e.temp();
        tail = `${acc} === ${stop} ? ${stop} : (${t} = ${parts[i]}, ${acc} = ${t} ${better} ${acc} ? ${t} : ${acc}, ${tail})`;
      }
      return `(${acc} = ${parts[0]}, ${tail})`;
    }
    case 'bool': {
      const t = e.temp();
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${t} < 0 ? 1 : ${t} * 2)`;
    }
    case 'num': {
      const t = e.temp();
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${t} !== ${t} ? 1 : ${t} ${JS_OP[c.op]} ${e.num(c.value)} ? 2 : 0)`;
    }
    case 'numIn': {
      const t = e.temp();
      const test = c.values.map((v) => `${t} === ${e.num(v)}`).join(' || ');
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${t} !== ${t} ? 1 : (${test}) ? ${c.negated ? 0 : 2} : ${c.negated ? 2 : 0})`;
    }
    case 'enum': {
      const t = e.temp();
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${t} < 0 ? 1 : ${t} ${JS_OP[c.op]} ${e.num(c.index)} ? 2 : 0)`;
    }
    case 'enumIn': {
      const t = e.temp();
      const mask = c.indexes.reduce((m, i) => m | (1 << i), 0);
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${t} < 0 ? 1 : (${e.num(mask)} >> ${t}) & 1 ? ${c.negated ? 0 : 2} : ${c.negated ? 2 : 0})`;
    }
    case 'str': {
      const t = e.temp();
      const k = e.strings(c.fact.columns[0]!, c.values);
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${t} === 0 ? 1 : ${k}[${t}] === 1 ? ${c.negated ? 0 : 2} : ${c.negated ? 2 : 0})`;
    }
    case 'known': {
      const t = e.temp();
      const kind = c.fact.type.kind;
      const unknown = kind === 'number' || kind === 'date' ? `${t} !== ${t}` : kind === 'string' ? `${t} === 0` : `${t} < 0`;
      return `(${t} = ${e.fact(c.fact, c.arg)}, ${unknown} ? ${c.negated ? 2 : 0} : ${c.negated ? 0 : 2})`;
    }
  }
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
    const expr = truthExpr(d.condition, e, defVar);
    defIndex.set(d.name, k);
    body.push(`const d${k} = ${expr};`);
  }
  outputs.forEach((o, j) => body.push(`OUT[${j}][i] = ${truthExpr(o.condition, e, defVar)};`));

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
      const K = constants.map((k) => (k.kind === 'set' ? k.values : stringMask(registry.columns[k.column] as DictColumn, k.values)));
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
