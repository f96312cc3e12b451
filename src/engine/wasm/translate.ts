/**
 * The act kernel's generated JavaScript (../act/kernel.ts) translated into one WebAssembly function
 * over a memory that holds the arrays it reads and writes, with JavaScript's arithmetic kept:
 *
 * - every value has a WebAssembly type wide enough for what JavaScript would compute: `i32` for the
 *   results of bitwise operators, comparisons and 8- to 32-bit signed reads; `i64` for sums,
 *   differences, products and negations of integers (exact where JavaScript's are, below 2^53) and
 *   for `>>>` and unsigned 32-bit reads; `f64` for everything else (numbers passed in, 64-bit float
 *   reads, `/`, `NaN`). A variable takes the widest type ever assigned to it.
 * - bitwise operators take ToInt32 of their operands (i64 → i32 wraps, as ToInt32 does; f64 → i32
 *   truncates through i64), comparisons compare in the wider of the two types, a store into an
 *   integer array stores ToInt32 (wrapped to the element), as a typed array does.
 * - `&&`, `||` and `?:` keep JavaScript's order of evaluation; where the operand not always
 *   evaluated has no effect and reads only a person's own cells (`column[i]`), both are evaluated and
 *   combined without a branch (`i32.and`, `select`): the same values, no guess for the processor.
 *
 * What the generated code holds and JavaScript's semantics allow more broadly — objects, strings,
 * `undefined`, other calls — is refused (`Unsupported`) and the kernel stays JavaScript. Two
 * assumptions the generator keeps: a variable is written before it is read (a `let` without a value
 * starts at 0 here, `undefined` there), and `++` / `--` count persons (they wrap at 2^31). And one
 * difference no generated code can see: a zero has no sign here (`0 * -1` is 0, not -0).
 */
import { parse, type AssignmentExpression, type Expression, type Identifier, type Node, type Pattern, type Statement, type SwitchCase, type VariableDeclaration } from 'acorn';
import { Bytes, moduleBytes, OP, type ValType } from './encode.ts';

export type ArrayKind = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64';

export const ELEMENT_SHIFT: Record<ArrayKind, number> = { i8: 0, u8: 0, i16: 1, u16: 1, i32: 2, u32: 2, f32: 2, f64: 3 };

/** A generated construct outside what is translated: the kernel stays JavaScript. */
export class Unsupported extends Error {}

/** What the generated function's parameters are. */
export interface Environment {
  /** The JavaScript function's parameters, in order. */
  params: readonly string[];
  /** Those that are whole numbers (the generated code takes `|0` of each): `i32` parameters of the WebAssembly function. */
  integers: readonly string[];
  /** A member of a parameter object (`C.gravity`, `C.region.codes` as 'region.codes', `K[0]` as '0'): an array of a kind, a number, or null (refused). */
  member(object: string, key: string): { kind: 'array'; elem: ArrayKind } | { kind: 'number' } | null;
  /** A parameter that is an array itself (`B`), or null. */
  arrayParam(name: string): ArrayKind | null;
  /** The parameter holding the helpers, and the helpers that may be called (numbers and arrays in, a number out). */
  helperObject: string;
  helpers: ReadonlySet<string>;
}

/** The import for JavaScript's `%` of floats (WebAssembly has no such instruction): `(a, b) => a % b`. */
export const REMAINDER = '%';

/** A call of a helper: its name, and for each argument the array passed there (its key) or null for a number. */
export interface HelperCall {
  name: string;
  arrays: (string | null)[];
  /**
   * For each argument, the parameter object passed there (`S`, `A`), or null: the helper is given
   * the object with its arrays in the memory (the code passes 0 in its place).
   */
  objects: (string | null)[];
}

export interface Translated {
  bytes: Uint8Array<ArrayBuffer>;
  /**
   * The WebAssembly function's parameters after the integers: the arrays' addresses (`i32`), by key
   * (`C.gravity`, `B`); `used` when the code reads or writes the array (an array only named may be
   * given any address).
   */
  arrays: { key: string; elem: ArrayKind; used: boolean }[];
  /** Then the numbers (`f64`), by key (`P[0]`). */
  numbers: string[];
  /** The imports `h.<k>`, one per call site. */
  calls: HelperCall[];
}

type Binding =
  | { k: 'local'; type: ValType; lo: number; hi: number; index: number; name: string; counter: boolean }
  | { k: 'array'; key: string; elem: ArrayKind; param: number; used: boolean }
  | { k: 'number'; key: string; param: number }
  | { k: 'object'; name: string }
  | { k: 'helpers' };

type Local = Extract<Binding, { k: 'local' }>;

const JOIN: Record<ValType, number> = { i32: 0, i64: 1, f64: 2 };
const join = (a: ValType, b: ValType): ValType => (JOIN[a] >= JOIN[b] ? a : b);

const COMPARE = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);
const BITWISE = new Set(['|', '&', '^', '<<', '>>']);

const elemType = (e: ArrayKind): ValType => (e === 'f64' || e === 'f32' ? 'f64' : e === 'u32' ? 'i64' : 'i32');

/** A value's type and the range its values lie in (bounds included). */
interface Info {
  t: ValType;
  lo: number;
  hi: number;
}
const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;
const full = (t: ValType): Info => (t === 'i32' ? { t, lo: I32_MIN, hi: I32_MAX } : t === 'i64' ? { t, lo: -(2 ** 63), hi: 2 ** 63 } : { t, lo: -Infinity, hi: Infinity });
const BOOL: Info = { t: 'i32', lo: 0, hi: 1 };
/** The value of a variable declared without one (see the header). */
const ZERO: Expression = { type: 'Literal', value: 0, raw: '0', start: 0, end: 0 };
/**
 * An integer in [lo, hi]: i32 where the range fits, else i64 — where JavaScript's is exact, within
 * ±2^53; beyond, a float rounded as JavaScript rounds it.
 */
const integer = (lo: number, hi: number): Info =>
  lo >= I32_MIN && hi <= I32_MAX ? { t: 'i32', lo, hi } : lo >= -(2 ** 53) && hi <= 2 ** 53 ? { t: 'i64', lo, hi } : full('f64');
/** No value yet (a variable before the first round of pass 2 has given it one). */
const EMPTY: Info = { t: 'i32', lo: Infinity, hi: -Infinity };
const empty = (a: Info): boolean => a.lo > a.hi;
const union = (a: Info, b: Info): Info => {
  if (empty(a)) return b;
  if (empty(b)) return a;
  const t = join(a.t, b.t);
  return t === 'f64' ? full('f64') : { t, lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
};
/** The range after ToInt32 (the identity on a range inside 32 bits). */
const as32 = (a: Info): Info => (a.t !== 'f64' && a.lo >= I32_MIN && a.hi <= I32_MAX ? { t: 'i32', lo: a.lo, hi: a.hi } : full('i32'));
/** The least 2^k - 1 at or above a non-negative number. */
const ones = (x: number): number => (x <= 0 ? 0 : 2 ** Math.ceil(Math.log2(x + 1)) - 1);
const ELEMENT_RANGE: Record<ArrayKind, Info> = {
  i8: { t: 'i32', lo: -128, hi: 127 },
  u8: { t: 'i32', lo: 0, hi: 255 },
  i16: { t: 'i32', lo: -32768, hi: 32767 },
  u16: { t: 'i32', lo: 0, hi: 65535 },
  i32: full('i32'),
  u32: { t: 'i64', lo: 0, hi: 2 ** 32 - 1 },
  f32: full('f64'),
  f64: full('f64'),
};

function fail(node: Node, what: string): never {
  throw new Unsupported(`${what} at ${node.start}`);
}

/** Translates the body of the generated function (`source`) for `env`; throws Unsupported. */
export function translateKernel(source: string, env: Environment): Translated {
  const text = `function kernel(${env.params.join(', ')}) {\n${source}\n}`;
  const program = parse(text, { ecmaVersion: 2022, sourceType: 'script' });
  const fn = program.body[0];
  if (!fn || fn.type !== 'FunctionDeclaration') throw new Unsupported('no function');
  try {
    return new Translator(env).translate(fn.body.body);
  } catch (e) {
    // where: the generated text around the construct
    const at = e instanceof Unsupported ? /at (\d+)$/.exec(e.message) : null;
    if (at) throw new Unsupported(`${e instanceof Error ? e.message.replace(/ at \d+$/, '') : ''}: ${text.slice(Number(at[1]), Number(at[1]) + 60)}`);
    throw e;
  }
}

class Translator {
  private readonly scopes: Map<string, Binding>[] = [];
  private readonly bindingOf = new Map<Node, Binding>();
  private readonly locals: Local[] = [];
  /** Per local: what is assigned to it (an expression, or a compound assignment / update). */
  private readonly assigned = new Map<Local, (Expression | AssignmentExpression)[]>();
  private readonly arrays: Extract<Binding, { k: 'array' }>[] = [];
  private readonly numbers: Extract<Binding, { k: 'number' }>[] = [];
  private readonly calls: HelperCall[] = [];
  private readonly callIndex = new Map<Node, number>();
  private readonly body = new Bytes();
  private readonly ctl: { labels: string[]; brk: boolean; cont: boolean; loopLike: boolean }[] = [];
  private readonly temps: Record<ValType, number[]> = { i32: [], i64: [], f64: [] };
  private readonly integerParams: number;
  /** Expressions' types and ranges, for the variables' types and ranges as they stand. */
  private readonly infos = new Map<Node, Info>();

  constructor(private readonly env: Environment) {
    this.integerParams = env.integers.length;
  }

  translate(statements: Statement[]): Translated {
    // pass 1: scopes and bindings
    const top = new Map<string, Binding>();
    this.scopes.push(top);
    for (const p of this.env.integers) top.set(p, this.newLocal(p));
    for (const p of this.env.params) {
      const arr = this.env.arrayParam(p);
      if (this.env.integers.includes(p)) continue;
      else if (arr) top.set(p, this.arrayBinding(p, arr));
      else if (p === this.env.helperObject) top.set(p, { k: 'helpers' });
      else top.set(p, { k: 'object', name: p });
    }
    this.resolveStatements(statements);
    this.scopes.pop();
    // pass 2: the types and ranges of variables, to a fixed point: the union of what is assigned to
    // each; a range still growing after a few rounds is widened to its type's
    for (const l of this.locals.slice(0, this.integerParams)) Object.assign(l, full('i32'));
    for (const l of this.locals) if (l.counter) Object.assign(l, full('i32'));
    for (let round = 0, changed = true; changed; round++) {
      if (round > 60) throw new Unsupported('types do not settle');
      changed = false;
      for (const [local, exprs] of this.assigned) {
        let cur: Info = { t: local.type, lo: local.lo, hi: local.hi };
        for (const e of exprs) {
          const i = this.info(e);
          cur = empty(cur) ? { ...i, t: join(cur.t, i.t) } : union(cur, i);
          if (cur.t === 'f64' && !empty(cur)) cur = full('f64');
        }
        if (cur.t !== 'f64' && cur.lo <= cur.hi && cur.t === 'i32' && (cur.lo < I32_MIN || cur.hi > I32_MAX)) cur = full('i64');
        if (round >= 8 && (cur.lo !== local.lo || cur.hi !== local.hi)) cur = full(cur.t);
        if (cur.t !== local.type || cur.lo !== local.lo || cur.hi !== local.hi) {
          local.type = cur.t;
          local.lo = cur.lo;
          local.hi = cur.hi;
          changed = true;
          // what was worked out from the variable's former range is stale
          this.infos.clear();
        }
      }
    }
    // a variable never assigned (declared without a value) holds 0
    for (const l of this.locals) if (l.lo > l.hi) Object.assign(l, { lo: 0, hi: 0 });
    this.infos.clear();
    // pass 3: code. The integer parameters come first, then the arrays' addresses, then the numbers.
    // the integer parameters are locals the code may assign: copied from the parameters
    this.env.integers.forEach((_, k) => {
      const local = this.locals[k]!;
      this.get(k);
      this.convert('i32', local.type);
      this.set(this.localIndex(local));
    });
    this.statements(statements);
    const localTypes = this.locals.map((l) => l.type);
    const allLocals = [...localTypes, ...this.tempTypes];
    const params: ValType[] = [...Array.from({ length: this.integerParams }, () => 'i32' as const), ...this.arrays.map(() => 'i32' as const), ...this.numbers.map(() => 'f64' as const)];
    const bytes = moduleBytes(
      this.calls.map((c, k) => ({ name: String(k), arity: c.arrays.length })),
      { params, results: [] },
      // the integer parameters' copies are locals too
      allLocals,
      this.body,
      65536,
    );
    return { bytes, arrays: this.arrays.map((a) => ({ key: a.key, elem: a.elem, used: a.used })), numbers: this.numbers.map((n) => n.key), calls: this.calls };
  }

  // --- bindings -------------------------------------------------------------------------------

  private newLocal(name: string): Local {
    const l: Local = { k: 'local', type: 'i32', lo: Infinity, hi: -Infinity, index: this.locals.length, name, counter: false };
    this.locals.push(l);
    this.assigned.set(l, []);
    return l;
  }

  private arrayBinding(key: string, elem: ArrayKind): Extract<Binding, { k: 'array' }> {
    const found = this.arrays.find((a) => a.key === key);
    if (found) return found;
    const b = { k: 'array' as const, key, elem, param: this.integerParams + this.arrays.length, used: false };
    this.arrays.push(b);
    return b;
  }

  private numberBinding(key: string): Extract<Binding, { k: 'number' }> {
    const found = this.numbers.find((a) => a.key === key);
    if (found) return found;
    const b = { k: 'number' as const, key, param: -1 };
    this.numbers.push(b);
    return b;
  }

  private lookup(name: string): Binding | undefined {
    for (let s = this.scopes.length - 1; s >= 0; s--) {
      const b = this.scopes[s]!.get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** A member of a parameter object (`C.gravity`, `C.region.codes`, `K[0]`), as a binding (array or number). */
  private memberBinding(node: Expression): Binding | null {
    if (node.type !== 'MemberExpression') return null;
    const keys: string[] = [];
    let cur: Expression = node;
    let computed = false;
    while (cur.type === 'MemberExpression') {
      if (!cur.computed && cur.property.type === 'Identifier') keys.unshift(cur.property.name);
      else if (cur.computed && cur.property.type === 'Literal' && typeof cur.property.value === 'number') {
        keys.unshift(String(cur.property.value));
        computed = true;
      } else return null;
      if (cur.object.type === 'Super') return null;
      cur = cur.object;
    }
    if (cur.type !== 'Identifier') return null;
    const obj = this.lookup(cur.name);
    if (obj?.k !== 'object') return null;
    const key = keys.join('.');
    const m = this.env.member(obj.name, key);
    // `O.r[0]`: not a member, an element of the member `O.r`
    if (!m && node.computed) return null;
    if (!m) fail(node, `member ${obj.name}.${key}`);
    const full = computed && keys.length === 1 ? `${obj.name}[${key}]` : `${obj.name}.${key}`;
    return m.kind === 'array' ? this.arrayBinding(full, m.elem) : this.numberBinding(full);
  }

  private resolveStatements(list: Statement[]): void {
    for (const s of list) this.resolveStatement(s);
  }

  private resolveStatement(s: Statement): void {
    switch (s.type) {
      case 'VariableDeclaration':
        return this.resolveDeclaration(s);
      case 'ExpressionStatement':
        return this.resolveExpr(s.expression);
      case 'BlockStatement':
        this.scopes.push(new Map());
        this.resolveStatements(s.body);
        this.scopes.pop();
        return;
      case 'IfStatement':
        this.resolveExpr(s.test);
        this.resolveStatement(s.consequent);
        if (s.alternate) this.resolveStatement(s.alternate);
        return;
      case 'LabeledStatement':
        return this.resolveStatement(s.body);
      case 'ForStatement':
        this.scopes.push(new Map());
        if (s.init) {
          if (s.init.type === 'VariableDeclaration') this.resolveDeclaration(s.init);
          else this.resolveExpr(s.init);
        }
        if (s.test) this.resolveExpr(s.test);
        if (s.update) this.resolveExpr(s.update);
        this.resolveStatement(s.body);
        this.scopes.pop();
        return;
      case 'WhileStatement':
        this.resolveExpr(s.test);
        this.resolveStatement(s.body);
        return;
      case 'SwitchStatement':
        this.resolveExpr(s.discriminant);
        this.scopes.push(new Map());
        for (const c of s.cases) {
          if (c.test) this.resolveExpr(c.test);
          this.resolveStatements(c.consequent);
        }
        this.scopes.pop();
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'EmptyStatement':
        return;
      default:
        fail(s, s.type);
    }
  }

  private resolveDeclaration(d: VariableDeclaration): void {
    if (d.kind === 'var') fail(d, 'var');
    const scope = this.scopes[this.scopes.length - 1]!;
    for (const decl of d.declarations) {
      if (decl.id.type !== 'Identifier') fail(decl, 'pattern');
      const alias = decl.init ? this.memberBinding(decl.init) : null;
      if (alias) {
        scope.set(decl.id.name, alias);
        this.bindingOf.set(decl.id, alias);
        continue;
      }
      if (decl.init) this.resolveExpr(decl.init);
      const local = this.newLocal(decl.id.name);
      scope.set(decl.id.name, local);
      this.bindingOf.set(decl.id, local);
      this.assigned.get(local)!.push(decl.init ?? ZERO);
    }
  }

  private resolveTarget(p: Pattern | Expression): void {
    if (p.type === 'Identifier') {
      const b = this.lookup(p.name);
      if (b?.k !== 'local') fail(p, `assignment to ${p.name}`);
      this.bindingOf.set(p, b);
      return;
    }
    if (p.type === 'MemberExpression') return this.resolveExpr(p);
    fail(p, 'target');
  }

  private resolveExpr(e: Expression): void {
    switch (e.type) {
      case 'Identifier': {
        if (e.name === 'NaN' || e.name === 'Infinity') return;
        const b = this.lookup(e.name);
        if (!b) fail(e, `name ${e.name}`);
        this.bindingOf.set(e, b);
        return;
      }
      case 'Literal':
        if (typeof e.value !== 'number' && typeof e.value !== 'boolean') fail(e, 'literal');
        return;
      case 'UnaryExpression':
        if (!['-', '+', '!', '~'].includes(e.operator)) fail(e, e.operator);
        return this.resolveExpr(e.argument);
      case 'BinaryExpression':
        if (e.left.type === 'PrivateIdentifier') fail(e, 'private');
        this.resolveExpr(e.left);
        return this.resolveExpr(e.right);
      case 'LogicalExpression':
        if (e.operator === '??') fail(e, '??');
        this.resolveExpr(e.left);
        return this.resolveExpr(e.right);
      case 'ConditionalExpression':
        this.resolveExpr(e.test);
        this.resolveExpr(e.consequent);
        return this.resolveExpr(e.alternate);
      case 'SequenceExpression':
        for (const x of e.expressions) this.resolveExpr(x);
        return;
      case 'AssignmentExpression':
        this.resolveExpr(e.right);
        this.resolveTarget(e.left);
        if (e.left.type === 'Identifier') this.assigned.get(this.bindingOf.get(e.left) as Local)!.push(e.operator === '=' ? e.right : e);
        return;
      case 'UpdateExpression':
        if (e.argument.type !== 'Identifier') fail(e, 'update of a member');
        this.resolveTarget(e.argument);
        (this.bindingOf.get(e.argument) as Local).counter = true;
        return;
      case 'MemberExpression': {
        if (e.object.type === 'Super' || e.property.type === 'PrivateIdentifier') fail(e, 'member');
        const m = this.memberBinding(e);
        if (m) {
          this.bindingOf.set(e, m);
          return;
        }
        if (!e.computed) fail(e, 'member');
        this.resolveExpr(e.object);
        const ob = this.bindingOf.get(e.object);
        if (ob?.k !== 'array') fail(e, 'index of a non-array');
        ob.used = true;
        return this.resolveExpr(e.property);
      }
      case 'CallExpression': {
        const c = e.callee;
        if (c.type !== 'MemberExpression' || c.object.type !== 'Identifier' || c.computed || c.property.type !== 'Identifier') fail(e, 'call');
        const name = c.property.name;
        for (const a of e.arguments) {
          if (a.type === 'SpreadElement') fail(a, 'spread');
          this.resolveExpr(a);
        }
        if (c.object.name === 'Math') {
          if (!(['clz32', 'floor'].includes(name) && e.arguments.length === 1) && !(['min', 'max'].includes(name) && e.arguments.length >= 1)) fail(e, `Math.${name}`);
          return;
        }
        const h = this.lookup(c.object.name);
        if (h?.k !== 'helpers' || !this.env.helpers.has(name)) fail(e, `call of ${c.object.name}.${name}`);
        const bindings = e.arguments.map((a) => (a.type === 'Identifier' ? this.bindingOf.get(a) : undefined));
        for (const b of bindings) if (b?.k === 'array') b.used = true;
        const arrays = bindings.map((b) => (b?.k === 'array' ? b.key : null));
        const objects = bindings.map((b) => (b?.k === 'object' ? b.name : null));
        this.callIndex.set(e, this.calls.push({ name, arrays, objects }) - 1);
        return;
      }
      default:
        fail(e, e.type);
    }
  }

  // --- types ----------------------------------------------------------------------------------

  private typeOf(e: Expression | AssignmentExpression): ValType {
    return this.info(e).t;
  }

  /** The type of `e` and the range of its values (exact where JavaScript's arithmetic is). */
  private info(e: Expression | AssignmentExpression): Info {
    const kept = this.infos.get(e);
    if (kept) return kept;
    const i = this.infoOf(e);
    this.infos.set(e, i);
    return i;
  }

  private infoOf(e: Expression | AssignmentExpression): Info {
    switch (e.type) {
      case 'Literal': {
        const v = typeof e.value === 'boolean' ? Number(e.value) : (e.value as number);
        const t: ValType = Number.isInteger(v) && v === (v | 0) ? 'i32' : Number.isSafeInteger(v) ? 'i64' : 'f64';
        return t === 'f64' ? full('f64') : { t, lo: v, hi: v };
      }
      case 'Identifier': {
        if (e.name === 'NaN' || e.name === 'Infinity') return full('f64');
        const b = this.bindingOf.get(e);
        if (b?.k === 'local') return { t: b.type, lo: b.lo, hi: b.hi };
        if (b?.k === 'number') return full('f64');
        return fail(e, `value of ${e.name}`);
      }
      case 'MemberExpression': {
        const b = this.bindingOf.get(e);
        if (b?.k === 'number') return full('f64');
        if (b) fail(e, 'array as a value');
        const arr = this.bindingOf.get(e.object) as Extract<Binding, { k: 'array' }>;
        return ELEMENT_RANGE[arr.elem];
      }
      case 'UnaryExpression': {
        if (e.operator === '!') return BOOL;
        const a = this.info(e.argument);
        if (empty(a)) return EMPTY;
        if (e.operator === '+') return a;
        if (e.operator === '~') {
          const x = as32(a);
          return { t: 'i32', lo: -x.hi - 1, hi: -x.lo - 1 };
        }
        if (a.t === 'f64') return full('f64');
        return integer(-a.hi, -a.lo);
      }
      case 'BinaryExpression':
        return this.binaryInfo(e.operator, this.info(e.left as Expression), this.info(e.right), e);
      case 'LogicalExpression':
        if (!this.isBool(e.left) || !this.isBool(e.right)) fail(e, `${e.operator} of values that are not truth values`);
        return BOOL;
      case 'ConditionalExpression':
        return union(this.info(e.consequent), this.info(e.alternate));
      case 'SequenceExpression':
        return this.info(e.expressions[e.expressions.length - 1]!);
      case 'AssignmentExpression': {
        if (e.left.type !== 'Identifier') return this.info(e.right);
        const local = this.bindingOf.get(e.left) as Local;
        if (e.operator === '=') return { t: local.type, lo: local.lo, hi: local.hi };
        // the value of `x op= v`: x op v
        return this.binaryInfo(e.operator.slice(0, -1), { t: local.type, lo: local.lo, hi: local.hi }, this.info(e.right), e);
      }
      case 'UpdateExpression': {
        const local = this.bindingOf.get(e.argument) as Local;
        return { t: local.type, lo: local.lo, hi: local.hi };
      }
      case 'CallExpression': {
        const c = e.callee as Extract<Expression, { type: 'MemberExpression' }>;
        if ((c.object as Identifier).name === 'Math') {
          const name = (c.property as Identifier).name;
          if (name === 'clz32') return { t: 'i32', lo: 0, hi: 32 };
          if (name === 'min' || name === 'max') {
            const xs = e.arguments.map((a) => this.info(a as Expression));
            const pick = name === 'min' ? Math.min : Math.max;
            return xs.reduce((a, b) => (a.t === 'f64' || b.t === 'f64' ? full('f64') : { t: join(a.t, b.t), lo: pick(a.lo, b.lo), hi: pick(a.hi, b.hi) }));
          }
          // Math.floor of a float known finite and within 32 bits is a 32-bit integer
          const a = this.info(e.arguments[0] as Expression);
          if (a.t !== 'f64' || empty(a)) return a;
          const lo = Math.floor(a.lo);
          const hi = Math.floor(a.hi);
          return lo >= I32_MIN && hi <= I32_MAX ? { t: 'i32', lo, hi } : full('f64');
        }
        return full('f64');
      }
      default:
        return fail(e, e.type);
    }
  }

  /** The type and range of `l op r`, for JavaScript's operator `op`. */
  private binaryInfo(op: string, l: Info, r: Info, at: Node): Info {
    if (COMPARE.has(op)) return BOOL;
    if (empty(l) || empty(r)) return EMPTY;
    const k = r.lo === r.hi ? r.lo & 31 : -1;
    if (BITWISE.has(op)) {
      const a = as32(l);
      const b = as32(r);
      if (op === '&') {
        if (a.lo >= 0 && b.lo >= 0) return { t: 'i32', lo: 0, hi: Math.min(a.hi, b.hi) };
        if (a.lo >= 0) return { t: 'i32', lo: 0, hi: a.hi };
        if (b.lo >= 0) return { t: 'i32', lo: 0, hi: b.hi };
        return full('i32');
      }
      if (op === '|' || op === '^') return a.lo >= 0 && b.lo >= 0 ? { t: 'i32', lo: 0, hi: ones(Math.max(a.hi, b.hi)) } : full('i32');
      if (op === '>>') return k >= 0 ? { t: 'i32', lo: Math.floor(a.lo / 2 ** k), hi: Math.floor(a.hi / 2 ** k) } : full('i32');
      // <<
      return k >= 0 && a.lo * 2 ** k >= I32_MIN && a.hi * 2 ** k <= I32_MAX ? { t: 'i32', lo: a.lo * 2 ** k, hi: a.hi * 2 ** k } : full('i32');
    }
    if (op === '>>>') {
      const a = as32(l);
      // the unsigned value of ToInt32: a negative one becomes 2^32 + it
      const [lo, hi] = a.lo >= 0 ? [a.lo, a.hi] : [0, 2 ** 32 - 1];
      const shift = Math.max(k, 0);
      const range = k >= 0 ? [Math.floor(lo / 2 ** shift), Math.floor(hi / 2 ** shift)] : [0, 2 ** 32 - 1];
      return { t: range[1]! <= I32_MAX ? 'i32' : 'i64', lo: range[0]!, hi: range[1]! };
    }
    if (op === '/') {
      // integers by a divisor that is never 0: a finite float (never NaN) between the corners' quotients
      if (l.t === 'f64' || r.t === 'f64' || (r.lo <= 0 && r.hi >= 0)) return full('f64');
      const qs = [l.lo / r.lo, l.lo / r.hi, l.hi / r.lo, l.hi / r.hi];
      return { t: 'f64', lo: Math.min(...qs), hi: Math.max(...qs) };
    }
    if (op === '%') {
      // an integer by a constant other than 0: i32.rem_s; else JavaScript's own (REMAINDER)
      if (l.t !== 'i32' || r.t !== 'i32' || k < 0 || r.lo === 0) return full('f64');
      const m = Math.abs(r.lo) - 1;
      return { t: 'i32', lo: l.lo >= 0 ? 0 : -m, hi: m };
    }
    if (op === '+' || op === '-' || op === '*') {
      if (l.t === 'f64' || r.t === 'f64') return full('f64');
      if (op === '+') return integer(l.lo + r.lo, l.hi + r.hi);
      if (op === '-') return integer(l.lo - r.hi, l.hi - r.lo);
      const ps = [l.lo * r.lo, l.lo * r.hi, l.hi * r.lo, l.hi * r.hi].map((x) => (Number.isNaN(x) ? 0 : x));
      return integer(Math.min(...ps), Math.max(...ps));
    }
    return fail(at, op);
  }

  /** An expression whose value is 0 or 1 (true or false). */
  private isBool(e: Expression): boolean {
    if (e.type === 'BinaryExpression') return COMPARE.has(e.operator);
    if (e.type === 'UnaryExpression') return e.operator === '!';
    if (e.type === 'LogicalExpression') return this.isBool(e.left) && this.isBool(e.right);
    if (e.type === 'Literal') return typeof e.value === 'boolean';
    return false;
  }

  /**
   * Evaluating the expression when JavaScript would not changes nothing and cannot fail: no
   * assignment, no call but Math's, reads only of a person's own cells (`column[i]`).
   */
  private speculable(e: Expression): boolean {
    switch (e.type) {
      case 'Literal':
        return true;
      case 'Identifier':
        return true;
      case 'MemberExpression':
        if (this.bindingOf.get(e)?.k === 'number') return true;
        return e.property.type === 'Identifier' && e.property.name === 'i';
      case 'UnaryExpression':
        return this.speculable(e.argument);
      case 'BinaryExpression':
        return this.speculable(e.left as Expression) && this.speculable(e.right);
      case 'LogicalExpression':
        return this.speculable(e.left) && this.speculable(e.right);
      case 'ConditionalExpression':
        return this.speculable(e.test) && this.speculable(e.consequent) && this.speculable(e.alternate);
      case 'CallExpression': {
        const c = e.callee;
        return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Math' && e.arguments.every((a) => a.type !== 'SpreadElement' && this.speculable(a));
      }
      default:
        return false;
    }
  }

  // --- code -----------------------------------------------------------------------------------

  private op(...bytes: number[]): void {
    this.body.bytes(bytes);
  }

  private localIndex(l: Local): number {
    return this.integerParams + this.arrays.length + this.numbers.length + l.index;
  }

  private get(index: number): void {
    this.body.byte(OP.local_get).u32(index);
  }
  private set(index: number): void {
    this.body.byte(OP.local_set).u32(index);
  }
  private tee(index: number): void {
    this.body.byte(OP.local_tee).u32(index);
  }

  private get tempTypes(): ValType[] {
    return this.tempList;
  }
  private readonly tempList: ValType[] = [];
  /** A scratch local of a type, free again after `release`. */
  private temp(t: ValType): number {
    const free = this.temps[t];
    if (free.length > 0) return free.pop()!;
    this.tempList.push(t);
    return this.integerParams + this.arrays.length + this.numbers.length + this.locals.length + this.tempList.length - 1;
  }
  private release(t: ValType, index: number): void {
    this.temps[t].push(index);
  }

  private convert(from: ValType, to: ValType): void {
    if (from === to) return;
    if (from === 'i32') this.op(to === 'i64' ? OP.i64_extend_i32_s : OP.f64_convert_i32_s);
    else if (from === 'i64') this.op(to === 'i32' ? OP.i32_wrap_i64 : OP.f64_convert_i64_s);
    else {
      // ToInt32 of a float: truncated (NaN → 0), then taken modulo 2^32
      this.op(OP.prefix_fc, 0x06);
      if (to === 'i32') this.op(OP.i32_wrap_i64);
    }
  }

  private constant(v: number, t: ValType): void {
    if (t === 'i32') this.body.byte(OP.i32_const).s32(v);
    else if (t === 'i64') this.body.byte(OP.i64_const).s64(BigInt(v));
    else this.body.byte(OP.f64_const).f64(v);
  }

  /** The value of `e` on the stack, of type `t`. */
  private valueAs(e: Expression, t: ValType): void {
    this.convert(this.value(e), t);
  }

  /** Pushes `e`'s value; returns its type (typeOf). */
  // long: one case per kind of expression the generated code holds, each writing its few instructions in place
  private value(e: Expression): ValType {
    switch (e.type) {
      case 'Literal': {
        const t = this.typeOf(e);
        this.constant(typeof e.value === 'boolean' ? Number(e.value) : (e.value as number), t);
        return t;
      }
      case 'Identifier': {
        if (e.name === 'NaN' || e.name === 'Infinity') {
          this.constant(e.name === 'NaN' ? NaN : Infinity, 'f64');
          return 'f64';
        }
        const b = this.bindingOf.get(e)!;
        if (b.k === 'local') {
          this.get(this.localIndex(b));
          return b.type;
        }
        if (b.k === 'number') {
          this.get(this.integerParams + this.arrays.length + this.numbers.indexOf(b));
          return 'f64';
        }
        return fail(e, `value of ${e.name}`);
      }
      case 'MemberExpression': {
        const b = this.bindingOf.get(e);
        if (b?.k === 'number') {
          this.get(this.integerParams + this.arrays.length + this.numbers.indexOf(b));
          return 'f64';
        }
        const arr = this.address(e);
        const t = elemType(arr.elem);
        const shift = ELEMENT_SHIFT[arr.elem];
        const load = { i8: OP.i32_load8_s, u8: OP.i32_load8_u, i16: OP.i32_load16_s, u16: OP.i32_load16_u, i32: OP.i32_load, u32: OP.i64_load32_u, f32: OP.f32_load, f64: OP.f64_load }[arr.elem];
        this.body.byte(load).u32(shift).u32(0);
        if (arr.elem === 'f32') this.op(OP.f64_promote_f32);
        return t;
      }
      case 'UnaryExpression': {
        if (e.operator === '!') {
          this.truth(e.argument);
          this.op(OP.i32_eqz);
          return 'i32';
        }
        if (e.operator === '~') {
          this.valueAs(e.argument, 'i32');
          this.constant(-1, 'i32');
          this.op(OP.i32_xor);
          return 'i32';
        }
        if (e.operator === '+') return this.value(e.argument);
        const t = this.typeOf(e);
        if (t === 'f64') {
          this.valueAs(e.argument, 'f64');
          this.op(OP.f64_neg);
          return 'f64';
        }
        this.constant(0, t);
        this.valueAs(e.argument, t);
        this.op(t === 'i32' ? OP.i32_sub : OP.i64_sub);
        return t;
      }
      case 'BinaryExpression':
        return this.binary(e.operator, e.left as Expression, e.right, e);
      case 'LogicalExpression':
        this.truth(e);
        return 'i32';
      case 'ConditionalExpression': {
        const t = this.typeOf(e);
        if (this.speculable(e.consequent) && this.speculable(e.alternate)) {
          this.valueAs(e.consequent, t);
          this.valueAs(e.alternate, t);
          this.truth(e.test);
          this.op(OP.select);
          return t;
        }
        this.truth(e.test);
        this.blockIf(t);
        this.valueAs(e.consequent, t);
        this.op(OP.else);
        this.valueAs(e.alternate, t);
        this.endIf();
        return t;
      }
      case 'SequenceExpression': {
        const xs = e.expressions;
        for (let k = 0; k < xs.length - 1; k++) this.effect(xs[k]!);
        return this.value(xs[xs.length - 1]!);
      }
      case 'AssignmentExpression':
        return this.assign(e, true);
      case 'UpdateExpression': {
        const local = this.bindingOf.get(e.argument) as Local;
        const idx = this.localIndex(local);
        if (!e.prefix) this.get(idx);
        this.get(idx);
        this.constant(1, local.type);
        this.op(this.arith(e.operator === '++' ? '+' : '-', local.type));
        if (e.prefix) this.tee(idx);
        else this.set(idx);
        return local.type;
      }
      case 'CallExpression':
        return this.call(e);
      default:
        return fail(e, e.type);
    }
  }

  private arith(op: string, t: ValType): number {
    const table: Record<string, Record<ValType, number>> = {
      '+': { i32: OP.i32_add, i64: OP.i64_add, f64: OP.f64_add },
      '-': { i32: OP.i32_sub, i64: OP.i64_sub, f64: OP.f64_sub },
      '*': { i32: OP.i32_mul, i64: OP.i64_mul, f64: OP.f64_mul },
    };
    return table[op]![t];
  }

  private binary(op: string, left: Expression, right: Expression, at: Node): ValType {
    if (COMPARE.has(op)) {
      const t = join(this.typeOf(left), this.typeOf(right));
      this.valueAs(left, t);
      this.valueAs(right, t);
      const ops: Record<string, Record<ValType, number>> = {
        '==': { i32: OP.i32_eq, i64: OP.i64_eq, f64: OP.f64_eq },
        '!=': { i32: OP.i32_ne, i64: OP.i64_ne, f64: OP.f64_ne },
        '<': { i32: OP.i32_lt_s, i64: OP.i64_lt_s, f64: OP.f64_lt },
        '<=': { i32: OP.i32_le_s, i64: OP.i64_le_s, f64: OP.f64_le },
        '>': { i32: OP.i32_gt_s, i64: OP.i64_gt_s, f64: OP.f64_gt },
        '>=': { i32: OP.i32_ge_s, i64: OP.i64_ge_s, f64: OP.f64_ge },
      };
      this.op(ops[op === '===' ? '==' : op === '!==' ? '!=' : op]![t]);
      return 'i32';
    }
    if (BITWISE.has(op) || op === '>>>') {
      this.valueAs(left, 'i32');
      this.valueAs(right, 'i32');
      if (op === '>>>') {
        const t = this.binaryInfo(op, this.info(left), this.info(right), at).t;
        this.op(OP.i32_shr_u);
        if (t === 'i64') this.op(OP.i64_extend_i32_u);
        return t;
      }
      this.op({ '|': OP.i32_or, '&': OP.i32_and, '^': OP.i32_xor, '<<': OP.i32_shl, '>>': OP.i32_shr_s }[op]!);
      return 'i32';
    }
    if (op === '/') {
      this.valueAs(left, 'f64');
      this.valueAs(right, 'f64');
      this.op(OP.f64_div);
      return 'f64';
    }
    if (op === '%') {
      const t = this.binaryInfo(op, this.info(left), this.info(right), at).t;
      if (t === 'i32') {
        this.valueAs(left, 'i32');
        this.valueAs(right, 'i32');
        this.op(OP.i32_rem_s);
        return 'i32';
      }
      this.valueAs(left, 'f64');
      this.valueAs(right, 'f64');
      let k = this.calls.findIndex((c) => c.name === REMAINDER);
      if (k < 0) k = this.calls.push({ name: REMAINDER, arrays: [null, null], objects: [null, null] }) - 1;
      this.body.byte(OP.call).u32(k);
      return 'f64';
    }
    const t = this.binaryInfo(op, this.info(left), this.info(right), at).t;
    this.valueAs(left, t);
    this.valueAs(right, t);
    this.op(this.arith(op, t));
    return t;
  }

  /** Pushes the address of `arr[index]`; returns the array. */
  private address(e: Extract<Expression, { type: 'MemberExpression' }>): Extract<Binding, { k: 'array' }> {
    const arr = this.bindingOf.get(e.object);
    if (arr?.k !== 'array') return fail(e, 'index of a non-array');
    this.get(arr.param);
    this.valueAs(e.property as Expression, 'i32');
    const shift = ELEMENT_SHIFT[arr.elem];
    if (shift > 0) {
      this.constant(shift, 'i32');
      this.op(OP.i32_shl);
    }
    this.op(OP.i32_add);
    return arr;
  }

  /** Pushes 1 or 0: whether `e` is truthy. */
  private truth(e: Expression): void {
    if (e.type === 'LogicalExpression') {
      const and = e.operator === '&&';
      if (this.speculable(e.right)) {
        this.truth(e.left);
        this.truth(e.right);
        this.op(and ? OP.i32_and : OP.i32_or);
        return;
      }
      this.truth(e.left);
      this.blockIf('i32');
      if (and) this.truth(e.right);
      else this.constant(1, 'i32');
      this.op(OP.else);
      if (and) this.constant(0, 'i32');
      else this.truth(e.right);
      this.endIf();
      return;
    }
    if (e.type === 'UnaryExpression' && e.operator === '!') {
      this.truth(e.argument);
      this.op(OP.i32_eqz);
      return;
    }
    if (this.isBool(e)) {
      this.value(e);
      return;
    }
    const t = this.value(e);
    if (t === 'i32') {
      this.op(OP.i32_eqz, OP.i32_eqz);
    } else if (t === 'i64') {
      this.op(OP.i64_eqz, OP.i32_eqz);
    } else {
      // a float is truthy when neither 0 nor NaN
      const x = this.temp('f64');
      this.tee(x);
      this.constant(0, 'f64');
      this.op(OP.f64_ne);
      this.get(x);
      this.get(x);
      this.op(OP.f64_eq, OP.i32_and);
      this.release('f64', x);
    }
  }

  private call(e: Extract<Expression, { type: 'CallExpression' }>): ValType {
    const c = e.callee as Extract<Expression, { type: 'MemberExpression' }>;
    const name = (c.property as Identifier).name;
    if ((c.object as Identifier).name === 'Math') {
      const arg = e.arguments[0] as Expression;
      if (name === 'clz32') {
        this.valueAs(arg, 'i32');
        this.op(OP.i32_clz);
        return 'i32';
      }
      if (name === 'min' || name === 'max') {
        // JavaScript's: NaN if any is NaN (f64.min / f64.max), else the least or greatest
        const t = this.typeOf(e);
        const args = e.arguments as Expression[];
        this.valueAs(args[0]!, t);
        for (const a of args.slice(1)) {
          if (t === 'f64') {
            this.valueAs(a, 'f64');
            this.op(name === 'min' ? OP.f64_min : OP.f64_max);
            continue;
          }
          const x = this.temp(t);
          const y = this.temp(t);
          this.set(x);
          this.valueAs(a, t);
          this.set(y);
          this.get(x);
          this.get(y);
          this.get(x);
          this.get(y);
          this.op(t === 'i32' ? (name === 'min' ? OP.i32_lt_s : OP.i32_gt_s) : name === 'min' ? OP.i64_lt_s : OP.i64_gt_s);
          this.op(OP.select);
          this.release(t, x);
          this.release(t, y);
        }
        return t;
      }
      const t = this.typeOf(e);
      if (this.value(arg) === 'f64') {
        this.op(OP.f64_floor);
        // exact: the floor is known to lie within 32 bits
        if (t === 'i32') this.op(OP.prefix_fc, 0x02);
      }
      return t;
    }
    const k = this.callIndex.get(e)!;
    for (const a of e.arguments) {
      const b = a.type === 'Identifier' ? this.bindingOf.get(a) : undefined;
      // an array is passed as its address (the helper is given the array itself), an object as 0 (the helper is given the object)
      if (b?.k === 'array') {
        this.get(b.param);
        this.convert('i32', 'f64');
      } else if (b?.k === 'object') this.constant(0, 'f64');
      else this.valueAs(a as Expression, 'f64');
    }
    this.body.byte(OP.call).u32(k);
    return 'f64';
  }

  /** An assignment; with `keep`, its value left on the stack (of the returned type). */
  private assign(e: AssignmentExpression, keep: boolean): ValType {
    const target = e.left;
    if (target.type === 'Identifier') {
      const local = this.bindingOf.get(target) as Local;
      const idx = this.localIndex(local);
      if (e.operator === '=') this.valueAs(e.right, local.type);
      else {
        const op = e.operator.slice(0, -1);
        const t = this.binary(op, target, e.right, e);
        this.convert(t, local.type);
      }
      if (keep) this.tee(idx);
      else this.set(idx);
      return local.type;
    }
    if (target.type !== 'MemberExpression' || keep) return fail(e, 'assignment used as a value');
    const arr = this.bindingOf.get(target.object);
    if (arr?.k !== 'array') return fail(e, 'store into a non-array');
    const vt = elemType(arr.elem);
    // the address once: for `a[k] op= v` it is read and written
    const addr = this.temp('i32');
    this.address(target);
    this.set(addr);
    this.get(addr);
    if (e.operator === '=') this.valueAs(e.right, vt === 'i64' ? 'i32' : vt);
    else {
      const op = e.operator.slice(0, -1);
      this.get(addr);
      this.loadElem(arr.elem);
      const t = op === '+' || op === '-' || op === '*' ? join(vt, this.typeOf(e.right)) : 'i32';
      this.convert(vt, t);
      this.valueAs(e.right, t);
      if (BITWISE.has(op)) this.op({ '|': OP.i32_or, '&': OP.i32_and, '^': OP.i32_xor, '<<': OP.i32_shl, '>>': OP.i32_shr_s }[op]!);
      else this.op(this.arith(op, t));
      this.convert(t, vt === 'i64' ? 'i32' : vt);
    }
    this.storeElem(arr.elem);
    this.release('i32', addr);
    return vt;
  }

  private loadElem(elem: ArrayKind): void {
    const load = { i8: OP.i32_load8_s, u8: OP.i32_load8_u, i16: OP.i32_load16_s, u16: OP.i32_load16_u, i32: OP.i32_load, u32: OP.i64_load32_u, f32: OP.f32_load, f64: OP.f64_load }[elem];
    this.body.byte(load).u32(ELEMENT_SHIFT[elem]).u32(0);
    if (elem === 'f32') this.op(OP.f64_promote_f32);
  }

  /** Stores the value on the stack (i32, or f64 for float arrays) at the address below it. */
  private storeElem(elem: ArrayKind): void {
    if (elem === 'f32') this.op(OP.f32_demote_f64);
    const store = { i8: OP.i32_store8, u8: OP.i32_store8, i16: OP.i32_store16, u16: OP.i32_store16, i32: OP.i32_store, u32: OP.i32_store, f32: OP.f32_store, f64: OP.f64_store }[elem];
    this.body.byte(store).u32(ELEMENT_SHIFT[elem]).u32(0);
  }

  /** An expression evaluated for its effect. */
  private effect(e: Expression): void {
    if (e.type === 'AssignmentExpression') {
      this.assign(e, false);
      return;
    }
    if (e.type === 'UpdateExpression') {
      const local = this.bindingOf.get(e.argument) as Local;
      const idx = this.localIndex(local);
      this.get(idx);
      this.constant(1, local.type);
      this.op(this.arith(e.operator === '++' ? '+' : '-', local.type));
      this.set(idx);
      return;
    }
    if (e.type === 'SequenceExpression') {
      for (const x of e.expressions) this.effect(x);
      return;
    }
    this.value(e);
    this.op(OP.drop);
  }

  // --- statements -----------------------------------------------------------------------------

  private blockIf(t: ValType | null): void {
    this.body.byte(OP.if).byte(t === null ? 0x40 : { i32: 0x7f, i64: 0x7e, f64: 0x7c }[t]);
    this.ctl.push({ labels: [], brk: false, cont: false, loopLike: false });
  }
  private endIf(): void {
    this.op(OP.end);
    this.ctl.pop();
  }
  private open(kind: 'block' | 'loop', entry: { labels: string[]; brk: boolean; cont: boolean; loopLike: boolean }): void {
    this.body.byte(kind === 'block' ? OP.block : OP.loop).byte(0x40);
    this.ctl.push(entry);
  }
  private close(): void {
    this.op(OP.end);
    this.ctl.pop();
  }
  private branch(node: Node, label: string | null, cont: boolean): void {
    for (let d = this.ctl.length - 1; d >= 0; d--) {
      const c = this.ctl[d]!;
      const hit = label === null ? (cont ? c.cont : c.brk && c.loopLike) : (cont ? c.cont : c.brk) && c.labels.includes(label);
      if (hit) {
        this.body.byte(OP.br).u32(this.ctl.length - 1 - d);
        return;
      }
    }
    fail(node, cont ? 'continue' : 'break');
  }

  private statements(list: Statement[]): void {
    for (const s of list) this.statement(s, []);
  }

  private statement(s: Statement, labels: string[]): void {
    switch (s.type) {
      case 'VariableDeclaration':
        for (const d of s.declarations) {
          const b = this.bindingOf.get(d.id);
          if (b?.k !== 'local') continue;
          if (d.init) this.valueAs(d.init, b.type);
          else this.constant(0, b.type);
          this.set(this.localIndex(b));
        }
        return;
      case 'ExpressionStatement':
        return this.effect(s.expression);
      case 'BlockStatement':
        if (labels.length > 0) {
          this.open('block', { labels, brk: true, cont: false, loopLike: false });
          this.statements(s.body);
          this.close();
        } else this.statements(s.body);
        return;
      case 'EmptyStatement':
        return;
      case 'IfStatement':
        this.truth(s.test);
        this.blockIf(null);
        this.statement(s.consequent, []);
        if (s.alternate) {
          this.op(OP.else);
          this.statement(s.alternate, []);
        }
        this.endIf();
        return;
      case 'LabeledStatement':
        return this.statement(s.body, [...labels, s.label.name]);
      case 'ForStatement':
      case 'WhileStatement': {
        if (s.type === 'ForStatement' && s.init) {
          if (s.init.type === 'VariableDeclaration') this.statement(s.init, []);
          else this.effect(s.init);
        }
        this.open('block', { labels, brk: true, cont: false, loopLike: true });
        this.open('loop', { labels: [], brk: false, cont: false, loopLike: false });
        if (s.test) {
          this.truth(s.test);
          this.op(OP.i32_eqz);
          this.body.byte(OP.br_if).u32(1);
        }
        this.open('block', { labels, brk: false, cont: true, loopLike: false });
        this.statement(s.body, []);
        this.close();
        if (s.type === 'ForStatement' && s.update) this.effect(s.update);
        this.body.byte(OP.br).u32(0);
        this.close();
        this.close();
        return;
      }
      case 'BreakStatement':
        return this.branch(s, s.label?.name ?? null, false);
      case 'ContinueStatement':
        return this.branch(s, s.label?.name ?? null, true);
      case 'SwitchStatement':
        return this.switchStatement(s, labels);
      default:
        fail(s, s.type);
    }
  }

  /** A switch whose cases each end in `break` (cases without statements share the next one's). */
  private switchStatement(s: Extract<Statement, { type: 'SwitchStatement' }>, labels: string[]): void {
    const t = this.typeOf(s.discriminant);
    const d = this.temp(t);
    this.valueAs(s.discriminant, t);
    this.set(d);
    this.open('block', { labels, brk: true, cont: false, loopLike: true });
    let pending: SwitchCase[] = [];
    let opened = 0;
    let dflt: SwitchCase | null = null;
    for (const c of s.cases) {
      if (c.test === null || c.test === undefined) {
        if (c.consequent.length === 0 || pending.length > 0) fail(c, 'default case sharing statements');
        dflt = c;
        continue;
      }
      pending.push(c);
      if (c.consequent.length === 0) continue;
      const last = c.consequent[c.consequent.length - 1]!;
      if (last.type !== 'BreakStatement' || last.label) fail(c, 'case without break');
      pending.forEach((p, k) => {
        this.get(d);
        this.valueAs(p.test!, t);
        this.op({ i32: OP.i32_eq, i64: OP.i64_eq, f64: OP.f64_eq }[t]);
        if (k > 0) this.op(OP.i32_or);
      });
      this.blockIf(null);
      for (const st of c.consequent.slice(0, -1)) this.statement(st, []);
      this.op(OP.else);
      opened++;
      pending = [];
    }
    if (pending.length > 0) fail(s, 'trailing cases without statements');
    if (dflt) for (const st of dflt.consequent) if (st.type !== 'BreakStatement' || st.label) this.statement(st, []);
    for (let k = 0; k < opened; k++) this.endIf();
    this.close();
    this.release(t, d);
  }
}
