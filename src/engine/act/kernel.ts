/**
 * evaluate(plan, registry, asOf) → outcomes: the act compiled into one generated loop over the
 * columnar registry (see src/engine/kernel.ts for what generated code may contain: only
 * whitelisted column names, operators, numeric literals; strings and sets are bound constants).
 *
 * The loop mirrors the reference semantics of ./reference.ts. The common case — first match in the
 * law's order — is generated inline; the other combination rules evaluate every clause and decide
 * in a fixed (not generated) function (./kernel-decide.ts). Truth values are bits (F 0, U 1, T 3; src/engine/kernel.ts)
 * combined without branches; a person's outcome is kept in locals and written once, and counted
 * into the standard breakdowns (./breakdown.ts) in the same pass. The same source runs as
 * WebAssembly (./kernel-wasm.ts) on registries from WASM_MIN_PERSONS persons.
 */
import { addMonths, UNKNOWN_DATE, ymdOfDay } from '../../domain/dates.ts';
import { hasArticleColumn } from '../article-columns.ts';
import { childrenUnderColumn } from '../children-counts.ts';
import type { Law } from '../../law/law.ts';
import type { ColumnName, DictColumn, Registry } from '../../registry/registry.ts';
import type { Checked } from '../condition.ts';
import { DICT_COLUMNS, Emitter, isCostly, stringMask, truthW, W_T, W_U } from '../kernel.ts';
import { Tally } from './breakdown.ts';
import {
  ACT_HELPERS,
  K_LIABILITY,
  K_REDUCE_UNSERVED,
  K_RELEASE,
  K_RELEASE_ADDITIONAL,
  K_REPLACE,
  MEMO_DAYS,
  newScratch,
  R_ALMOST_CLAUSE,
  R_ALMOST_CRITERION,
  R_ALMOST_KIND,
  R_CLAUSE,
  R_DAYS,
  R_END,
  R_EXCLUSION,
  R_MASK,
  R_MEASURE,
  R_REASON,
  R_STATUS,
  type ActConstants,
  type Scratch,
} from './kernel-decide.ts';
import { measureCode, type Measure, type Plan } from './plan.ts';
import { imageOutcomes, measuredBound, shapeTrialFor, wasmKernel, type ClauseShape, type KernelArgs, type ShapedBound } from './kernel-wasm.ts';
import { Unsupported } from '../wasm/translate.ts';
import { deriveFrom, maskWordsFor, newOutcomes, REASON, STATUS, type Outcomes } from './outcome.ts';
import { usesDuring } from './reference.ts';

type OutcomeArrays = Omit<Outcomes, 'size'>;

type ActKernelFn = (
  C: Record<string, unknown>,
  K: unknown[],
  P: number[],
  H: typeof ACT_HELPERS,
  asOfYmd: number,
  asOfDay: number,
  laterYmd: number,
  laterDay: number,
  start: number,
  end: number,
  O: OutcomeArrays,
  S: Scratch,
  A: ActConstants,
  B: Float64Array,
  U: (Uint8Array | Int32Array)[],
  L: number[],
) => void;

/** The act's kernel bound to one registry and one day: evaluates ranges of persons. */
export interface BoundAct {
  /** What runs the loop: WebAssembly (./kernel-wasm.ts), or JavaScript where the translator refused the source (`refused` says why) or was not asked. */
  engine: KernelEngine;
  refused: string | null;
  /**
   * How the clauses are written in the source that runs: JavaScript runs them clause by clause;
   * WebAssembly runs the faster of that and the combined shape on this registry, timed on its first
   * runs (null while they are timed: kernel-wasm.ts measuredBound).
   */
  readonly shape: ClauseShape | null;
  /** Evaluates persons [start, end) into `out`, counting them into `tally`. */
  run(start: number, end: number, out: Outcomes, tally: Tally): void;
  /** Counts persons [start, end) into `tally` without writing their outcomes (counts only). */
  count(start: number, end: number, tally: Tally): void;
}

export interface CompiledAct {
  plan: Plan;
  source: string;
  /** Index in MEASURE_CODES of each clause's measure (Outcomes.clauseMeasures). */
  clauseMeasures: Uint8Array;
  columns: ColumnName[];
  /**
   * What the loop reads by person on a registry and day: the registry columns it reads (a value
   * each, or a list through its offsets), and the counted columns it reads instead of a person's
   * children (src/engine/children-counts.ts). The benchmark's floor reads the same.
   */
  inputs(registry: Registry, asOfDay?: number): { columns: ColumnName[]; counted: (Uint8Array | Int32Array)[] };
  /** An empty tally of this act's breakdowns. */
  newTally(values?: Float64Array): Tally;
  /** The kernel bound to a registry; `asOfDay` replaces the day of entry into force. */
  bind(registry: Registry, asOfDay?: number): BoundAct;
  /** The binding `run` and `count` use on a registry and day: made once, kept while the registry lives. */
  bound(registry: Registry, asOfDay?: number): BoundAct;
  /**
   * Outcome columns for this act on a registry: where the act runs there as WebAssembly, in the
   * registry's image, which its runs write in place (no copy: kernel-wasm.ts imageOutcomes); else,
   * and where the image cannot hold them, ordinary ones (in SharedArrayBuffers when `shared`; the
   * image's are shared).
   */
  newOutcomes(registry: Registry, shared?: boolean): Outcomes;
  /** Evaluates persons [start, end) into `out` (the kernel's newOutcomes, all persons by default), counting them into `tally` when given. */
  run(registry: Registry, asOfDay?: number, range?: { start: number; end: number }, out?: Outcomes, tally?: Tally): Outcomes;
  /**
   * Counts only: the standard breakdowns of persons [start, end) (all by default), for callers that
   * need no person's outcome — the same loop without the stores into outcome columns.
   */
  count(registry: Registry, asOfDay?: number, range?: { start: number; end: number }, tally?: Tally): Tally;
}

/** What runs an act's kernel: the generated source as WebAssembly, or as JavaScript. */
export type KernelEngine = 'wasm' | 'javascript';

/**
 * Registries from this size are evaluated as WebAssembly under `auto`: translating a kernel takes a
 * few milliseconds and a registry's image is a copy of the columns it reads, which a registry of a
 * few thousand persons (an editor's sample, a test's) evaluates faster than that as JavaScript.
 */
export const WASM_MIN_PERSONS = 20_000;

const RULE_CODE = { first_match: 0, most_favourable: 1, all_that_apply: 2 } as const;

/** The outcome columns a counts-only loop binds (it stores into none of them). */
const NO_OUTCOMES_SIZED: Outcomes = newOutcomes(0);
const NO_OUTCOMES: OutcomeArrays = NO_OUTCOMES_SIZED;

function measureKind(m: Measure): number {
  return measureCode(m) - 1;
}

function measureNum(m: Measure): number {
  return m.type === 'reduce_unserved' || m.type === 'reduce_imposed' ? m.fraction.num : m.type === 'reduce_months' ? m.months : 0;
}

function measureDen(m: Measure): number {
  return m.type === 'reduce_unserved' || m.type === 'reduce_imposed' ? m.fraction.den : 1;
}

/**
 * The names of the outcome columns written once per person from the locals `z_<name>` (the clause
 * mask is copied from the scratch outcome when every clause was read, and is zero otherwise).
 */
const OUT_NAMES = ['status', 'measure', 'clause', 'exclusion', 'daysRemitted', 'newEnd', 'reason', 'almostKind', 'almostClause', 'almostCriterion', 'almostFrom'] as const;
/**
 * The outcome columns stored per person: the measure and the new end are derived when read, from
 * the clause and the reason and from the end of the term and the days remitted (outcome.ts
 * measureAt, newEndAt), so the loop keeps them in locals (the breakdowns need the measure) and
 * stores neither.
 */
const STORED_NAMES = OUT_NAMES.filter((name): name is Exclude<(typeof OUT_NAMES)[number], 'measure' | 'newEnd'> => name !== 'measure' && name !== 'newEnd');
const R_OF: Record<Exclude<(typeof OUT_NAMES)[number], 'almostFrom'>, number> = {
  status: R_STATUS,
  measure: R_MEASURE,
  clause: R_CLAUSE,
  exclusion: R_EXCLUSION,
  daysRemitted: R_DAYS,
  newEnd: R_END,
  reason: R_REASON,
  almostKind: R_ALMOST_KIND,
  almostClause: R_ALMOST_CLAUSE,
  almostCriterion: R_ALMOST_CRITERION,
};

/**
 * Compiled kernels by their source. The source holds no value of the act (constants, parameters and
 * measures are passed in), so acts that differ only in such values share one function — already
 * optimized by V8 — which is what an editor changing a fraction needs.
 */
const kernelFunctions = new Map<string, ActKernelFn>();
const KERNEL_FUNCTIONS_KEPT = 128;

function kernelFunction(source: string): ActKernelFn {
  let fn = kernelFunctions.get(source);
  if (fn) {
    kernelFunctions.delete(source);
  } else {
    // a named function (actKernel in CPU profiles and V8's traces)
    fn = new Function(`return function actKernel(C, K, P, H, asOfYmd, asOfDay, laterYmd, laterDay, start, end, O, S, A, B, U, L) {\n${source}\n};`)() as ActKernelFn;
    if (kernelFunctions.size >= KERNEL_FUNCTIONS_KEPT) kernelFunctions.delete(kernelFunctions.keys().next().value as string);
  }
  kernelFunctions.set(source, fn);
  return fn;
}

/**
 * The tag bits without which a condition is false (when gravity ≥ 0, a conviction recorded) —
 * or, with `hold`, without which it does not hold: has_tag, `any` of has_tags, `all` of items one of
 * which is so gated; 0 when the condition holds or may hold otherwise.
 */
function tagGate(c: Checked, hold = false): number {
  if (c.k === 'bool') return (hold ? c.fact.tagHoldBits?.(c.arg) : c.fact.tagBits?.(c.arg)) ?? 0;
  if (c.k === 'or' && c.items.length > 0) {
    let bits = 0;
    for (const item of c.items) {
      const b = tagGate(item, hold);
      if (b === 0) return 0;
      bits = (bits | b) >>> 0;
    }
    return bits;
  }
  if (c.k === 'and') {
    for (const item of c.items) {
      const b = tagGate(item, hold);
      if (b !== 0) return b;
    }
  }
  return 0;
}

/**
 * The act kernel's emitter: the number of a person's children under an age on the day of the
 * evaluation is read from a column counted once per registry and day (`U[k]`,
 * src/engine/children-counts.ts), not by a loop over the person's children (on other days — facts
 * read `during` the execution period — the loop stays); whether a person has an article of a set,
 * from a column computed once per registry and set (src/engine/article-columns.ts).
 */
class ActEmitter extends Emitter {
  /** What the counted columns count, by index in U: children under an age (an expression: a literal or a parameter), or articles of a set. */
  readonly counted: Counted[] = [];

  /** The terms (months, days) the remaining term is compared with, by index in L. */
  readonly remainingTerms: [months: number, days: number][] = [];

  /**
   * On the day of the evaluation, a person still serving (the loop's `en`: unknown or after the
   * day) has a remaining term from the day to the end of the term: its sign against a term is the
   * end compared with the day plus the term, `L[k]`, computed once per day (calendar.ts
   * remainingTermSign). The loop reads facts of the day only past its test of serving, so the end
   * is then unknown or after the day: no call to the helper is left in the loop.
   */
  override remainingTermSign(months: number, days: number): string {
    if (this.asOfDay !== 'asOfDay') return super.remainingTermSign(months, days);
    this.col('sentenceEndDay');
    let k = this.remainingTerms.findIndex(([m, d]) => m === months && d === days);
    if (k < 0) k = this.remainingTerms.push([months, days]) - 1;
    return `(en === ${UNK} ? -2 : (en > L[${k}]) - (en < L[${k}]))`;
  }

  override childrenUnder(years: string): string {
    if (this.asOfYmd !== 'asOfYmd') return super.childrenUnder(years);
    this.col('childOffsets');
    this.col('childBirthYmd');
    let k = this.counted.findIndex((c) => c.kind === 'children' && c.years === years);
    if (k < 0) k = this.counted.push({ kind: 'children', years }) - 1;
    return `U[${k}][i]`;
  }

  /** Articles do not change with the day: always read from a column (src/engine/article-columns.ts). */
  override hasArticle(set: Uint8Array): string {
    this.col('articleOffsets');
    this.col('articleValues');
    let k = this.counted.findIndex((c) => c.kind === 'articles' && c.set.length === set.length && c.set.every((v, j) => v === set[j]));
    if (k < 0) k = this.counted.push({ kind: 'articles', set }) - 1;
    return `U[${k}][i]`;
  }
}

/** What a counted column counts (U[k]). */
type Counted = { kind: 'children'; years: string } | { kind: 'articles'; set: Uint8Array };

/** The counted columns of a registry and day (parameters P). */
function countedColumns(counted: readonly Counted[], registry: Registry, asOfYmd: number, P: number[]): (Uint8Array | Int32Array)[] {
  return counted.map((c) =>
    c.kind === 'children' ? childrenUnderColumn(registry.columns, registry.size, asOfYmd, yearsValue(c.years, P)) : hasArticleColumn(registry.columns, registry.size, c.set),
  );
}

/** The value of an age the emitter wrote: a parameter `P[k]` or a numeric literal. */
function yearsValue(expr: string, P: number[]): number {
  const m = /^P\[(\d+)\]$/.exec(expr);
  return m ? P[Number(m[1])]! : Number(expr.replace(/[()]/g, ''));
}

/** What the parts of an act's kernel source are written from. */
interface KernelGen {
  plan: Plan;
  e: ActEmitter;
  /** A checked condition's truth in bits (definitions read once per person). */
  w: (c: Checked) => string;
  /** For a definition read on the day of the evaluation: its variable `dK` (-1 until computed) and its expression. */
  def: (c: Checked) => { v: string; expr: string } | null;
  n: number;
  words: number;
  layout: Tally;
  /** The columns of the term: start, end, the term imposed (months, days). */
  stCol: string;
  enCol: string;
  moCol: string;
  ddCol: string;
  /** Clauses with facts read `during` the execution period (eligible later in it). */
  laterClauses: Plan['clauses'];
  /** First match without overlap checking: decided inline, clause by clause. */
  fast: boolean;
  /**
   * First match: the definitions and every clause's criteria computed for every serving person,
   * combined without branches (eagerClausesCode).
   */
  eager: boolean;
  /** Whether the act can be generated `eager`: first match, few clauses and criteria, no helper called in them or in a definition (set while generating it clause by clause). */
  eagerPossible: boolean;
  /** The definitions' expressions, in the order they are computed (each reads only earlier ones). */
  defs: string[];
}

const UNK = String(UNKNOWN_DATE);

/**
 * Marks a block (written right after its `{`) whose persons are few: the columns it reads that the
 * code around it does not are read at its start, for the persons who enter it only.
 */
const READS = '/*reads*/';

function newKernelGen(plan: Plan, law: Law, eager = false): KernelGen {
  const e = new ActEmitter(law.criminalCode);
  const stCol = e.col('sentenceStartDay');
  const enCol = e.col('sentenceEndDay');
  // the term imposed, for measures that take a fraction of it
  const moCol = e.col('imposedTermMonths');
  const ddCol = e.col('imposedTermDays');
  const defIndex = new Map<string, number>();
  /**
   * Definitions are computed lazily, once per person, where first needed: `dK` is -1 until then;
   * `eager`, all of them for every serving person before the clauses, in order.
   * Inside `during` a definition is read on that day, so it is written out in place, not cached.
   */
  const defExpr = new Map<string, string>();
  const defCondition = new Map(plan.definitions.map((d) => [d.name, d.condition]));
  const defVar = (name: string): string => {
    if (e.asOfDay !== 'asOfDay') return truthW(defCondition.get(name)!, e, defVar);
    const k = defIndex.get(name);
    if (k === undefined) throw new Error(`definition ${name} used before it is computed`);
    return eager ? `d${k}` : `(d${k} >= 0 ? d${k} : (d${k} = ${defExpr.get(name)}))`;
  };
  const w = (c: Checked) => truthW(c, e, defVar);
  const def = (c: Checked) => {
    const k = c.k === 'def' && e.asOfDay === 'asOfDay' ? defIndex.get(c.name) : undefined;
    return k === undefined ? null : { v: `d${k}`, expr: defExpr.get((c as { name: string }).name)! };
  };
  for (const d of plan.definitions) {
    const k = defIndex.size;
    defExpr.set(d.name, w(d.condition));
    defIndex.set(d.name, k);
  }
  const n = plan.clauses.length;
  const fast = plan.combine === 'first_match' && !plan.overlapForbidden;
  const defs = [...defExpr.values()];
  return {
    plan,
    e,
    w,
    def,
    n,
    words: maskWordsFor(n),
    layout: new Tally(n, plan.exclusions.length),
    stCol,
    enCol,
    moCol,
    ddCol,
    laterClauses: plan.clauses.filter((c) => c.criteria.some(usesDuring)),
    fast,
    eager,
    eagerPossible: fast && n <= EAGER_CLAUSES && plan.clauses.every((c) => c.criteria.length <= EAGER_CRITERIA) && !defs.some((x) => x.includes('H.')),
    defs,
  };
}

/**
 * The criteria of clause j as bits in `q<k>`, their conjunction in `a`. Cheap criteria are read at
 * once; a costly one (a loop over articles or children) only while `needed` — otherwise it
 * counts as false, which can then change nothing.
 */
function criteriaCode(g: KernelGen, j: number, needed: string): { code: string; qs: string[] } {
  const c = g.plan.clauses[j]!;
  const exprs = c.criteria.map((x) => g.w(x));
  if (exprs.some((x) => x.includes('H.'))) g.eagerPossible = false;
  const qs = exprs.map((_, q) => `q${q}`);
  const cheap = exprs.map((x, q) => (isCostly(x) ? -1 : q)).filter((q) => q >= 0);
  const costly = exprs.map((x, q) => (isCostly(x) ? q : -1)).filter((q) => q >= 0);
  const parts = [`let ${qs.join(', ')};`];
  for (const q of cheap) parts.push(`q${q} = ${exprs[q]};`);
  parts.push(`a = ${cheap.length > 0 ? cheap.map((q) => `q${q}`).join(' & ') : W_T};`);
  if (costly.length > 0) {
    parts.push(`nf = ${cheap.length > 0 ? cheap.map((q) => `(q${q} & 1 ^ 1)`).join(' + ') : 0};`);
    // in a block of its own: the columns only it reads are read only for the persons who need it (a
    // definition: when it is first computed for the person)
    for (const q of costly) {
      const d = g.def(c.criteria[q]!);
      const read = d ? `if (${d.v} < 0) {${READS} ${d.v} = ${d.expr}; } q${q} = ${d.v};` : `{${READS} q${q} = ${exprs[q]}; }`;
      parts.push(`q${q} = 0; if (${needed}) { ${read} } a &= q${q}; nf += q${q} & 1 ^ 1;`);
    }
  }
  return { code: parts.join(' '), qs };
}

/** The number of false criteria, of unknown ones, and the index of the first false one, as expressions over `q<k>`. */
const falseCount = (qs: string[]) => qs.map((q) => `(${q} & 1 ^ 1)`).join(' + ');
const unknownCount = (qs: string[]) => qs.map((q) => `((${q} ^ ${q} >> 1) & 1)`).join(' + ');
/**
 * Whether exactly one of the criteria `q<k>` is false and none unknown: `q ^ 3` is 3 for F, 2 for U
 * and 0 for T, so their sum is 3 exactly then.
 */
const oneShort = (qs: string[]) => `${qs.map((q) => `(${q} ^ 3)`).join(' + ')} === 3`;
const firstFalse = (qs: string[]) => qs.map((q, k) => (k < qs.length - 1 ? `${q} === 0 ? ${k} : ` : `${k}`)).join('');

/** The bits of the exclusions `xs` whose truth is `W_T` (bit k for `xs[k]`), or `W_U` with `unknown`. */
function truthBits(xs: string[], unknown: boolean): string {
  return xs.map((x, k) => (unknown ? `((${x} ^ ${x} >> 1) & 1) << ${k}` : `(${x} >> 1) << ${k}`)).join(' | ');
}

/** The index of the lowest bit set in `bits` (not 0), as an expression. */
const lowestBit = (bits: string) => `31 - Math.clz32(${bits} & -${bits})`;

/**
 * An exclusion that is a tag of the offences and nothing else — has_tag, or `any` of has_tag — as
 * the tag bits that make it hold and those that make it undecided (src/engine/facts/offences.ts:
 * with a conviction recorded, a certain bit holds, a maybe bit alone leaves it undecided; without
 * one, it is undecided); null for every other condition.
 */
function pureTag(c: Checked): { certain: number; maybe: number } | null {
  if (c.k === 'bool' && c.fact.name === 'has_tag' && c.fact.tagBits && c.fact.tagHoldBits) {
    const certain = c.fact.tagHoldBits(c.arg);
    return { certain, maybe: (c.fact.tagBits(c.arg) & ~certain) >>> 0 };
  }
  if (c.k === 'or' && c.items.length > 0) {
    let certain = 0;
    let maybe = 0;
    for (const item of c.items) {
      const t = pureTag(item);
      if (!t) return null;
      certain = (certain | t.certain) >>> 0;
      maybe = (maybe | t.maybe) >>> 0;
    }
    return { certain, maybe };
  }
  return null;
}

/**
 * For exclusions that are tags alone (`pure`: index → bits), the bits of those that hold and of
 * those that may hold, looked up by a byte of the tag mask at a time: four tables of 256 words
 * (bytes 0 and 1: the certain bits, exclusion k's bit set where a byte has a certain bit of k;
 * bytes 2 and 3: the maybe bits), one lookup a byte instead of a test an exclusion. Tables of bytes
 * no exclusion reads are left out of the code.
 */
function tagTables(pure: Map<number, { certain: number; maybe: number }>): { table: Uint32Array; used: boolean[] } {
  const table = new Uint32Array(4 * 256);
  const used = [false, false, false, false];
  for (const [k, t] of pure) {
    for (let part = 0; part < 4; part++) {
      const bits = ((part < 2 ? t.certain : t.maybe) >>> (8 * part)) & 255;
      if (bits === 0) continue;
      used[part] = true;
      for (let b = 0; b < 256; b++) if ((b & bits) !== 0) table[part * 256 + b] = (table[part * 256 + b]! | (1 << k)) >>> 0;
    }
  }
  return { table, used };
}

/**
 * The exclusions, read once some clause covers or may cover the person. A costly exclusion is
 * read only if no earlier one holds (the first that holds is the one recorded). With `first`, sets
 * `ex` (the first that holds) and `exU` (the first undecided); otherwise sets `ex` ≥ 0 when one
 * holds, reading the costly ones only if no cheap one holds.
 */
function exclusionsCode(g: KernelGen, first: boolean): string {
  const { plan, e, w } = g;
  if (plan.exclusions.length === 0) return '';
  const xs = plan.exclusions.map((_, k) => `x${k}`);
  // Exclusions that are tags of the offences (has_tag, or one of several) hold or may hold only when one of their
  // bits is set, or no conviction is recorded: one test of the mask before reading them one by one.
  const tagged = plan.exclusions.map((x) => tagGate(x.condition));
  const tagMask = tagged.reduce((m, b) => (m | b) >>> 0, 0);
  // Up to 32 exclusions, their truths are bits of two words (which hold, which are undecided), and
  // those that are tags alone are looked up in tables by the bytes of the tag mask (tagTables).
  const words = xs.length <= 32;
  const pure = new Map<number, { certain: number; maybe: number }>();
  if (words) plan.exclusions.forEach((x, k) => {
    const t = pureTag(x.condition);
    if (t) pure.set(k, t);
  });
  const g8 = `${e.col('gravity')}[i]`;
  const tm = `${e.col('tagMask')}[i]`;
  if (words) return first ? exclusionsFirst(g, tagged, tagMask, pure, g8, tm) : exclusionsAny(g, tagged, pure, g8, tm);
  const parts = [`let ${xs.map((x, k) => (tagged[k] !== 0 ? `${x} = 0` : x)).join(', ')};`];
  if (tagMask !== 0) {
    const reads = plan.exclusions.map((x, k) => (tagged[k] !== 0 ? `x${k} = ${w(x.condition)};` : '')).join(' ');
    parts.push(`if (${g8} < 0 || (${tm} & ${e.num(tagMask)}) !== 0) {${READS} ${reads} }`);
  }
  const chain = (v: number) => xs.map((x, k) => `${x} === ${v} ? ${k} : `).join('') + '-1';
  if (first) {
    plan.exclusions.forEach((x, k) => {
      if (tagged[k] !== 0) return;
      const expr = w(x.condition);
      const earlier = xs.slice(0, k);
      parts.push(isCostly(expr) && k > 0 ? `x${k} = ((${earlier.join(' | ')}) & 2) !== 0 ? 0 : ${expr};` : `x${k} = ${expr};`);
    });
    parts.push(`if ((${xs.join(' | ')}) !== 0) { ex = ${chain(W_T)}; exU = ${chain(W_U)}; }`);
    return parts.join(' ');
  }
  plan.exclusions.forEach((x, k) => {
    if (tagged[k] === 0) parts.push(`if (ex < 0) { x${k} = ${w(x.condition)}; if (x${k} === ${W_T}) ex = ${k}; }`);
  });
  parts.push(`if (ex < 0) ex = ${chain(W_T)};`);
  return parts.join(' ');
}

/** A truth in bits `x` folded into the words of those that hold (`xt`) and those undecided (`xu`) as bit k. */
const foldBits = (x: string, k: number) => `xt |= (${x} >> 1) << ${k}; xu |= ((${x} ^ ${x} >> 1) & 1) << ${k};`;

/** Up to 32 exclusions, `first`: `ex` the first that holds, `exU` the first undecided. */
function exclusionsFirst(g: KernelGen, tagged: number[], tagMask: number, pure: Map<number, { certain: number; maybe: number }>, g8: string, tm: string): string {
  const { plan, e, w } = g;
  const parts = ['let xt = 0, xu = 0;'];
  if (tagMask !== 0) {
    const inside: string[] = [];
    if (pure.size > 0) {
      const { table, used } = tagTables(pure);
      const k = e.words(table);
      const look = (part: number) => `${k}[${part * 256} + (tc >>> ${8 * part} & 255)]`;
      const certain = [0, 1].filter((p) => used[p]).map(look);
      const maybe = [2, 3].filter((p) => used[p]).map(look);
      const all = [...pure.keys()].reduce((m, k2) => (m | (1 << k2)) >>> 0, 0);
      const xt = certain.length > 0 ? `xt = ${certain.join(' | ')};` : '';
      const xu = maybe.length > 0 ? `xu = (${maybe.join(' | ')}) & ~xt;` : '';
      inside.push(`if (${g8} < 0) xu = ${e.num(all | 0)}; else { const tc = ${tm}; ${xt} ${xu} }`);
    }
    plan.exclusions.forEach((x, k) => {
      if (tagged[k] !== 0 && !pure.has(k)) inside.push(`{ const x = ${w(x.condition)}; ${foldBits('x', k)} }`);
    });
    parts.push(`if (${g8} < 0 || (${tm} & ${e.num(tagMask)}) !== 0) {${READS} ${inside.join(' ')} }`);
  }
  plan.exclusions.forEach((x, k) => {
    if (tagged[k] !== 0) return;
    const expr = w(x.condition);
    // a costly exclusion only when no earlier one holds
    const read = isCostly(expr) && k > 0 ? `(xt & ${e.num(((1 << k) - 1) | 0)}) !== 0 ? 0 : ${expr}` : expr;
    parts.push(`{ const x = ${read}; ${foldBits('x', k)} }`);
  });
  parts.push(`if ((xt | xu) !== 0) { ex = xt !== 0 ? ${lowestBit('xt')} : -1; exU = xu !== 0 ? ${lowestBit('xu')} : -1; }`);
  return parts.join(' ');
}

/** Up to 32 exclusions, not `first`: `ex` ≥ 0 when one holds — tags alone by one test of the mask, the costly ones only while none holds. */
function exclusionsAny(g: KernelGen, tagged: number[], pure: Map<number, { certain: number; maybe: number }>, g8: string, tm: string): string {
  const { plan, e, w } = g;
  const parts: string[] = [];
  const certain = [...pure.values()].reduce((m, t) => (m | t.certain) >>> 0, 0);
  // one of the exclusions that are tags alone holds exactly when a conviction is recorded and one of their certain bits is set
  if (certain !== 0) parts.push(`if (${g8} >= 0 && (${tm} & ${e.num(certain)}) !== 0) ex = 0;`);
  const others = plan.exclusions.map((_, k) => k).filter((k) => tagged[k] !== 0 && !pure.has(k));
  if (others.length > 0) {
    // they hold only with one of their certain bits (or a condition without such bits: then with a conviction recorded or not, read)
    const holds = others.map((k) => tagGate(plan.exclusions[k]!.condition, true));
    const gate = holds.every((b) => b !== 0)
      ? `(${tm} & ${e.num(holds.reduce((m, b) => (m | b) >>> 0, 0))}) !== 0`
      : `${g8} < 0 || (${tm} & ${e.num(others.reduce((m, k) => (m | tagged[k]!) >>> 0, 0))}) !== 0`;
    const reads = others.map((k) => `if (${w(plan.exclusions[k]!.condition)} === ${W_T}) ex = ${k};`).join(' ');
    parts.push(`if (ex < 0 && (${gate})) {${READS} ${reads} }`);
  }
  // the cheap ones first, a costly one only while none holds
  const costly: { k: number; expr: string }[] = [];
  const cheap: string[] = [];
  plan.exclusions.forEach((x, k) => {
    if (tagged[k] !== 0) return;
    const expr = w(x.condition);
    if (isCostly(expr)) costly.push({ k, expr });
    else cheap.push(expr);
  });
  if (cheap.length > 0) parts.push(`if (ex < 0 && ((${cheap.join(' | ')}) & 2) !== 0) ex = 0;`);
  for (const { k, expr } of costly) parts.push(`if (ex < 0) { if (${expr} === ${W_T}) ex = ${k}; }`);
  return parts.join(' ');
}

/** Under first match: an earlier clause that takes the eligible person later in the execution period. */
function earlierLaterCode(g: KernelGen, chosen: string): string {
  if (g.laterClauses.length === 0) return '';
  const checks = g.laterClauses.map((c) => `if (aL < 0 && ${chosen} > ${c.index}) { if (${g.w(c.condition)} === ${W_T}) aL = ${c.index}; }`).join(' ');
  return `if (exU < 0 && laterDay > asOfDay) { duringYmd = laterYmd; duringDay = laterDay; let aL = -1; ${checks} if (aL >= 0) { z_almostKind = 2; z_almostClause = aL; } }`;
}

/**
 * `dd`, the days the chosen clause's measure remits (kernel-decide.ts remitDays): without a call
 * where the answer is at hand — no days of the main term for a release from an additional
 * punishment or a replacement, unknown for an unknown end (UNKNOWN_DATE's -2^31, not NaN: the loop
 * holds whole numbers only, which the WebAssembly translation keeps in 32 bits), the days left for
 * a release, and a
 * reduction of the unserved part remembered for the days left (remitDaysMemo's memory). Otherwise
 * the loop over persons is left (`break fast`, `hC` the clause) for the call, made outside it
 * (remitCall), and the person read again, the answer at hand (`hV` for person `hI`).
 */
function remitCode(): string {
  return [
    `const kd = a_kinds[chosen], left = en - asOfDay; let dd = 0, mv = -1;`,
    `if (kd === ${K_RELEASE_ADDITIONAL} || kd === ${K_REPLACE}) dd = -1;`,
    `else if (en === ${UNK}) dd = ${UNK};`,
    `else if (kd === ${K_RELEASE} || kd === ${K_LIABILITY}) dd = left > 0 ? left : 0;`,
    `else if (kd === ${K_REDUCE_UNSERVED} && left > 0 && left < ${MEMO_DAYS} && (mv = a_memo[chosen * ${MEMO_DAYS} + left]) >= 0) dd = mv;`,
    `else if (hI === i) dd = hV; else { hC = chosen; break fast; }`,
  ].join(' ');
}

/**
 * The call of remitDaysMemo — the days a measure remits, when not remembered — outside the loop
 * over persons: a call in a loop makes V8 assume it may change every value the loop holds (the
 * columns' fields, the locals it keeps in registers), and this one is made for few persons. The
 * loop (`fast`) is left before the person's outcome is written, the call made here, and the person
 * read again from the start (reading a person changes nothing but locals until its outcome is
 * written).
 */
function remitCall(g: KernelGen): string {
  return `if (hC >= 0) { const r = H.remitDaysMemo(a_memo, hC, a_kinds[hC], a_nums[hC], a_dens[hC], ${g.stCol}[i], ${g.enCol}[i], ${g.moCol}[i], ${g.ddCol}[i], asOfDay); hV = r === r ? r | 0 : ${UNK}; hI = i; hC = -1; }`;
}

/** The most clauses, and criteria in a clause, whose truths the first match combines without branches (eagerClausesCode). */
const EAGER_CLAUSES = 8;
const EAGER_CRITERIA = 16;

/**
 * `eager`: the definitions, then the first clause that holds or may hold (`first`, its truth `fa`)
 * and the first one a single false criterion short before it (`aK`, `aC`, `aX`), every clause's
 * criteria computed for every serving person and combined without a branch. Only where no
 * criterion or definition calls a helper (the part of the term served, the term imposed on the
 * calendar: work only the persons who need it should pay; KernelGen.eagerPossible).
 *
 * Whether a clause holds depends on each person's facts in no order the processor can guess; a
 * test per clause (criteriaCode) costs a wrong guess for a good share of persons at each clause,
 * while the criteria are a few operations on columns the loop reads anyway. Bit j of `T` is set
 * where clause j holds or may hold, of `Al` where it is one criterion short; `Ap` holds the
 * clauses' truths in 2 bits each, `Xp` the index of their first false criterion in 4 bits each.
 */
function eagerClausesCode(g: KernelGen): string {
  const code = g.defs.map((x, k) => `d${k} = ${x};`);
  const T: string[] = [];
  const Al: string[] = [];
  const Ap: string[] = [];
  const Xp: string[] = [];
  g.plan.clauses.forEach((c, j) => {
    const xs = c.criteria.map((x) => g.w(x));
    const qs = xs.map((_, q) => `q${j}_${q}`);
    code.push(...xs.map((x, q) => `const q${j}_${q} = ${x};`));
    code.push(`const a${j} = ${qs.length > 0 ? qs.join(' & ') : W_T};`);
    T.push(`((a${j} + 3) >> 2) << ${j}`);
    Ap.push(`a${j} << ${2 * j}`);
    if (qs.length >= 2) {
      Al.push(`(${oneShort(qs)}) << ${j}`);
      Xp.push(`(${firstFalse(qs)}) << ${4 * j}`);
    }
  });
  code.push(`const T = ${T.join(' | ')}, Ap = ${Ap.join(' | ')}, Al = ${Al.length > 0 ? Al.join(' | ') : 0}, Xp = ${Xp.length > 0 ? Xp.join(' | ') : 0};`);
  // the lowest bit of T; the clauses one short below it (all of them when none holds: tb - 1 is -1)
  code.push('const tb = T & -T, Alb = Al & (tb - 1);');
  code.push(`first = ${lowestBit('T')}; fa = (Ap >> (first << 1)) & 3;`);
  code.push(`aC = ${lowestBit('Alb')}; aK = (aC >>> 31) ^ 1; aX = aC < 0 ? -1 : (Xp >> (aC << 2)) & 15;`);
  return `{ ${code.join(' ')} }`;
}

/** First match without overlap checking, inline: the clauses in order, then the exclusions and the days remitted of the one chosen. */
function firstMatchBody(g: KernelGen): string[] {
  const body = ['let first = -1, fa = 0, aK = 0, aC = -1, aX = -1;'];
  if (g.eager) body.push(eagerClausesCode(g));
  else
    // the first clause that holds or may hold (`first`, its truth `fa`): one test a clause
    g.plan.clauses.forEach((c, j) => {
      const { code, qs } = criteriaCode(g, j, '(a !== 0 || (aK === 0 && nf < 2))');
      const almost = c.criteria.length >= 2 ? ` else if (aK === 0 && ${oneShort(qs)}) { aK = 1; aC = ${j}; aX = ${firstFalse(qs)}; }` : '';
      body.push(`${j === 0 ? '' : 'if (first < 0) '}{ ${code} if (a !== 0) { first = ${j}; fa = a; }${almost} }`);
    });
  body.push(`if (first >= 0) {${READS} const chosen = fa === ${W_T} ? first : -1, undecided = fa === ${W_T} ? -1 : first;`);
  body.push(exclusionsCode(g, true));
  body.push(`if (ex >= 0) { z_status = ${STATUS.excluded}; z_reason = ${REASON.excluded}; z_exclusion = ex; z_clause = chosen >= 0 ? chosen : undecided; break person; }`);
  // granted: the days remitted under the chosen clause's measure
  body.push(`if (chosen >= 0) {${READS}`);
  body.push(remitCode());
  body.push(`z_clause = chosen; z_measure = a_codes[chosen]; if (exU < 0 && dd >= 0) { z_daysRemitted = dd; z_newEnd = en - dd; }`);
  body.push(
    `if (exU >= 0) { z_status = ${STATUS.needs_review}; z_reason = ${REASON.exclusion_unknown}; z_exclusion = exU; } else { z_status = ${STATUS.eligible}; z_reason = dd === ${UNK} ? ${REASON.remaining_unknown} : ${REASON.matched}; }`,
  );
  body.push(`${earlierLaterCode(g, 'chosen')} break person; }`);
  body.push(`z_status = ${STATUS.needs_review}; z_reason = ${REASON.unknown_fact}; z_clause = undecided; z_exclusion = exU; break person;`);
  body.push('}');
  body.push('z_almostKind = aK; z_almostClause = aC; z_almostCriterion = aX;');
  return body;
}

/** The other combination rules: every clause's truth into the scratch, the exclusions, then the fixed decideAll. */
function allClausesBody(g: KernelGen): string[] {
  const { plan, n } = g;
  const body: string[] = [];
  plan.clauses.forEach((c, j) => {
    const { code, qs } = criteriaCode(g, j, 'nf < 2');
    body.push(`{ ${code} S_tr[${j}] = a - (a >> 1); S_nf[${j}] = ${falseCount(qs)}; S_nu[${j}] = ${unknownCount(qs)}; S_ms[${j}] = ${firstFalse(qs)}; }`);
  });
  body.push(`let first = -1; for (let j = 0; j < ${n}; j++) if (S_tr[j] !== 0) { first = j; break; }`);
  body.push(`if (first >= 0) {${READS} ${exclusionsCode(g, true)} if (ex >= 0) { z_status = ${STATUS.excluded}; z_reason = ${REASON.excluded}; z_exclusion = ex; z_clause = first; break person; } }`);
  const copy = (Object.keys(R_OF) as (keyof typeof R_OF)[]).map((name) => `z_${name} = S_r[${R_OF[name]}];`).join(' ');
  const after = plan.combine === 'first_match' ? `if (z_status === ${STATUS.eligible}) { const chosen = z_clause; ${earlierLaterCode(g, 'chosen')} }` : '';
  body.push(`const decided = H.decideAll(S, ${n}, ${RULE_CODE[plan.combine]}, ${plan.overlapForbidden}, exU, A, st, en, ${g.moCol}[i], ${g.ddCol}[i], asOfDay);`);
  body.push(`${copy} zm = 1; if (decided) { ${after} break person; }`);
  return body;
}

/** Not covered: eligible later in the execution period, or "almost eligible" unless an exclusion would take the person anyway. */
function notCoveredBody(g: KernelGen): string[] {
  const body = [`z_status = ${STATUS.not_covered}; z_reason = ${REASON.no_clause};`];
  // Eligible later in the execution period: clauses with facts read `during` it, on its last day.
  if (g.laterClauses.length > 0) {
    body.push(`if (laterDay > asOfDay) {${READS}`);
    body.push('duringYmd = laterYmd; duringDay = laterDay; let found = false;');
    for (const c of g.laterClauses) {
      body.push(`if (!found) { if (${g.w(c.condition)} === ${W_T}) { found = true; z_almostKind = 2; z_almostClause = ${c.index}; z_almostCriterion = -1; } }`);
    }
    body.push('}');
  }
  // A person an exclusion would take anyway is not "almost eligible".
  if (g.plan.exclusions.length > 0) {
    body.push(`if (z_almostKind !== 0) {${READS} ex = -1; ${exclusionsCode(g, false)} if (ex >= 0) { z_almostKind = 0; z_almostClause = -1; z_almostCriterion = -1; } }`);
  }
  return body;
}

/**
 * For an outcome `later`: the first day of the execution period its clause holds, by bisection
 * (as the reference's eligibleFrom), facts marked `during` read on the day tried.
 */
function bisectionCode(g: KernelGen): string[] {
  if (g.laterClauses.length === 0) return [];
  const cases = g.laterClauses.map((c) => `case ${c.index}: h = ${g.w(c.condition)}; break;`).join(' ');
  return [
    `if (z_almostKind === 2) { let lo = asOfDay, hi = laterDay, h = 0; while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); duringDay = mid; duringYmd = H.ymdOfDay(mid); h = 0; switch (z_almostClause) { ${cases} } if (h === ${W_T}) hi = mid; else lo = mid; } z_almostFrom = hi; }`,
  ];
}

/** The index of the `}` closing the block whose content starts at `from`. */
function blockEnd(text: string, from: number): number {
  let depth = 1;
  for (let k = from; k < text.length; k++) {
    const ch = text[k];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return k;
  }
  throw new Error('unbalanced generated code');
}

/** The code outside the blocks marked READS. */
function withoutBlocks(text: string): string {
  let out = '';
  let pos = 0;
  for (let m = text.indexOf(READS); m >= 0; m = text.indexOf(READS, pos)) {
    out += text.slice(pos, m);
    pos = blockEnd(text, m + READS.length);
  }
  return out + text.slice(pos);
}

/** The columns read by person (`c_<column>[i]`) in `text`. */
function columnsUsed(text: string): Set<string> {
  return new Set([...text.matchAll(/\bc_(\w+)\[i\]/g)].map((m) => m[1]!));
}

/** Code reading the columns from the locals `v_<column>` they were read into. */
const readLocals = (text: string) => text.replace(/\bc_(\w+)\[i\]/g, (_, name: string) => `v_${name}`);

const readsOf = (names: Iterable<string>) => [...names].map((name) => `const v_${name} = c_${name}[i];`).join(' ');

/** `text` reading each column once, in the outermost block that needs it (`declared`: read around it). */
function placeReads(text: string, declared: ReadonlySet<string>): string {
  let out = '';
  let pos = 0;
  for (let m = text.indexOf(READS); m >= 0; m = text.indexOf(READS, pos)) {
    const end = blockEnd(text, m + READS.length);
    const inner = text.slice(m + READS.length, end);
    const own = [...columnsUsed(withoutBlocks(inner))].filter((name) => !declared.has(name));
    out += readLocals(text.slice(pos, m)) + readsOf(own) + ' ' + placeReads(inner, new Set([...declared, ...own]));
    pos = end;
  }
  return out + readLocals(text.slice(pos));
}

/** The loop over persons: the test of serving, the person's columns read once, the decision, the outcome stored and counted. */
function loopSource(g: KernelGen, body: string[]): string {
  const { plan, n, words, layout, fast } = g;
  // Columns read for a person are read once each (the kernel reads them by `c_<column>[i]` only; the
  // start and end of the term before the test of serving): after that test when the decision of
  // every serving person needs them, else first thing in the block that does (READS).
  const text = body.join('\n');
  const outer = columnsUsed(withoutBlocks(text));
  const personBody = placeReads(text, outer);
  const reads = readsOf(outer);
  const personLocals = ['duringYmd = asOfYmd', 'duringDay = asOfDay', 'zm = 0', ...plan.definitions.map((_, k) => `d${k} = -1`)];
  return [
    // first match: the loop left for the call of remitDaysMemo (remitCall)
    ...(fast ? ['let hI = -1, hV = 0, hC = -1;', 'for (let i = start; i < end; ) {', remitCall(g), 'fast: for (; i < end; i++) {'] : ['for (let i = start; i < end; i++) {']),
    `const st = ${g.stCol}[i], en = ${g.enCol}[i];`,
    `let ${OUT_NAMES.map((name) => `z_${name} = ${name === 'newEnd' || name === 'almostFrom' ? UNK : ['status', 'measure', 'almostKind', 'reason'].includes(name) ? 0 : -1}`).join(', ')};`,
    `let ${personLocals.join(', ')};`,
    'person: {',
    `if ((en !== ${UNK} && en <= asOfDay) || (st !== ${UNK} && st > asOfDay)) { z_reason = ${REASON.not_serving}; break person; }`,
    reads,
    personBody,
    '}',
    ...bisectionCode(g),
    // columns the act leaves constant (no clause read on a later day; first match reads no mask) are filled, not stored per person
    ...STORED_NAMES.filter((name) => name !== 'almostFrom' || g.laterClauses.length > 0).map((name) => `o_${name}[i] = z_${name};`),
    fast ? '' : words === 1 ? `o_clauseMask[i] = zm * S_r[${R_MASK}];` : `for (let w = 0; w < ${words}; w++) o_clauseMask[i * ${words} + w] = zm * S_r[${R_MASK} + w];`,
    // the breakdowns, counted as decided
    // (Tally: lanes of persons and days taken in turn, then persons by exclusion): the persons of
    // the key, then either the days remitted (no one excluded has some) or the person excluded by the exclusion
    `const key = (i & ${Tally.LANES - 1}) * ${2 * layout.keys} + (z_status * 8 + z_measure) * ${n + 1} + z_clause + 1, xd = (z_status === ${STATUS.excluded}) * 1, dk = ${layout.keys} + key;`,
    `B[key] += 1; B[dk + xd * (${layout.exclusionBase} + z_exclusion - dk)] += (z_daysRemitted & ~(z_daysRemitted >> 31)) | xd;`,
    '}',
    fast ? '}' : '',
  ].join('\n');
}

/** The kernel's whole source: columns, outcome columns, constants, parameters and counted columns in locals (the loop reads no property), then the loop. */
function kernelSource(g: KernelGen): string {
  const { e } = g;
  const body = ['let a = 0, nf = 0, ex = -1, exU = -1;', ...(g.fast ? firstMatchBody(g) : allClausesBody(g)), ...notCoveredBody(g)];
  const loop = loopSource(g, body);
  const decl = [...e.columns].map(([name, v]) => `const ${v} = C.${name}${DICT_COLUMNS.has(name) ? '.codes' : ''};`);
  const temps = e.tempCount > 0 ? [`let ${Array.from({ length: e.tempCount }, (_, k) => `t${k}`).join(', ')};`] : [];
  return [
    // the days and the range as whole numbers once: a parameter is a tagged value, which V8 untags
    // (and checks) at every use in the loop
    'asOfYmd |= 0; asOfDay |= 0; laterYmd |= 0; laterDay |= 0; start |= 0; end |= 0;',
    ...decl,
    ...STORED_NAMES.map((name) => `const o_${name} = O.${name};`),
    'const o_clauseMask = O.clauseMask;',
    'const a_kinds = A.kinds, a_nums = A.nums, a_dens = A.dens, a_codes = A.codes, a_ncrit = A.ncrit, a_memo = A.memo;',
    'const S_tr = S.tr, S_nf = S.nf, S_nu = S.nu, S_ms = S.ms, S_r = S.r;',
    ...e.constants.map((_, k) => `const k_${k} = K[${k}];`),
    ...e.params.map((_, k) => `const p_${k} = P[${k}];`),
    ...e.counted.map((_, k) => `const u_${k} = U[${k}];`),
    ...e.remainingTerms.map((_, k) => `const l_${k} = L[${k}];`),
    ...temps,
    loop
      .replace(/\bK\[(\d+)\]/g, 'k_$1')
      .replace(/\bP\[(\d+)\]/g, 'p_$1')
      .replace(/\bU\[(\d+)\]/g, 'u_$1')
      .replace(/\bL\[(\d+)\]/g, 'l_$1'),
  ].join('\n');
}

/** Counts only: the same loop without the stores into outcome columns (the breakdowns alone). */
function countSourceOf(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^o_\w+\[i\] = /.test(line) && !line.startsWith('o_clauseMask[') && !line.startsWith('for (let w = 0;'))
    .join('\n');
}

function actConstants(plan: Plan): ActConstants {
  return {
    kinds: Int8Array.from(plan.clauses.map((c) => measureKind(c.measure))),
    nums: Float64Array.from(plan.clauses.map((c) => measureNum(c.measure))),
    dens: Float64Array.from(plan.clauses.map((c) => measureDen(c.measure))),
    codes: Uint8Array.from(plan.clauses.map((c) => measureCode(c.measure))),
    ncrit: Int32Array.from(plan.clauses.map((c) => c.criteria.length)),
    memo: new Int32Array(0),
  };
}

/** The sources WebAssembly may run, by shape. */
type ShapedSources = () => { shape: ClauseShape; source: string }[];

/** `sources` bound as WebAssembly, the faster kept (measuredBound); the reason it stays JavaScript if the translator refuses the first. */
function wasmShapes(sources: { shape: ClauseShape; source: string }[], registry: Registry, args: KernelArgs, owner: object): ShapedBound | Unsupported {
  const trial = shapeTrialFor(registry, sources.map((s) => s.source));
  // the shape an earlier binding of the same kernel kept: the other is not bound again
  const wanted = trial.kept === null ? sources : sources.filter((s) => s.shape === trial.kept);
  const shapes = [];
  for (const { shape, source } of wanted) {
    const bound = wasmKernel(source, registry, args, owner);
    if (bound instanceof Unsupported) {
      if (shapes.length === 0) return bound;
    } else shapes.push({ shape, bound });
  }
  return measuredBound(shapes, trial);
}

/** The kernel's binder: constants, parameters and counted columns of a registry and day, and the memory of days remitted. */
function binder(g: KernelGen, law: Law, source: string, wasmSources: ShapedSources, choice: KernelEngine | 'auto'): (registry: Registry, asOfDay?: number) => BoundAct {
  const { plan, e, n, words, fast } = g;
  const fn = kernelFunction(source);
  const countSource = countSourceOf(source);
  let countFn: ActKernelFn | null = null;
  const constants = e.constants;
  const paramNames = [...e.params];
  const counted = [...e.counted];
  const remainingTerms = [...e.remainingTerms];
  const A = actConstants(plan);
  // the memory of remitDaysMemo for the last day evaluated on (it holds for every registry)
  const memoSize = plan.clauses.some((c) => measureKind(c.measure) === K_REDUCE_UNSERVED) ? n * MEMO_DAYS : 0;
  let memoDay = NaN;
  let memo = new Int32Array(0);
  const checkTally = (t: Tally) => {
    if (t.clauses !== n || t.exclusions !== plan.exclusions.length) throw new Error('the tally is not of this act');
  };
  return (registry, asOfDay = plan.entryIntoForce) => {
    const K = constants.map((k) => (k.kind === 'strings' ? stringMask(registry.columns[k.column] as DictColumn, k.values) : k.values));
    const P = paramNames.map((name) => law.parameters.value(name, asOfDay));
    const laterDay = asOfDay + (plan.executionEnd - plan.entryIntoForce);
    const S = newScratch(n, words);
    const C = registry.columns as unknown as Record<string, unknown>;
    const asOfYmd = ymdOfDay(asOfDay);
    const laterYmd = ymdOfDay(laterDay);
    const U = countedColumns(counted, registry, asOfYmd, P);
    const L = remainingTerms.map(([months, days]) => addMonths(asOfDay, months) + days);
    if (memoDay !== asOfDay) {
      memo = new Int32Array(memoSize).fill(-1);
      memoDay = asOfDay;
    }
    const AB: ActConstants = { ...A, memo };
    const args: KernelArgs = { C, K, P, S, A: AB, U, L, asOfYmd, asOfDay, laterYmd, laterDay };
    const engine: KernelEngine = choice === 'auto' ? (registry.size >= WASM_MIN_PERSONS ? 'wasm' : 'javascript') : choice;
    let wasmCount: ShapedBound | Unsupported | null = null;
    const bound: BoundAct = {
      engine: 'javascript',
      refused: null,
      get shape() {
        return wasm ? wasm.shape : 'by_clause';
      },
      count(start, end, t) {
        checkTally(t);
        if (engine === 'wasm') {
          wasmCount ??= wasmShapes(wasmSources().map((s) => ({ shape: s.shape, source: countSourceOf(s.source) })), registry, args, bound);
          if (!(wasmCount instanceof Unsupported)) return wasmCount.run(start, end, NO_OUTCOMES_SIZED, t);
        }
        countFn ??= kernelFunction(countSource);
        countFn(C, K, P, ACT_HELPERS, asOfYmd, asOfDay, laterYmd, laterDay, start, end, NO_OUTCOMES, S, AB, t.values, U, L);
      },
      run(start, end, out, t) {
        checkTally(t);
        if (out.maskWords !== words) throw new Error(`the outcome columns hold clause masks of ${out.maskWords} words; this act needs ${words} (newOutcomes(size, shared, clauses))`);
        if (fast) out.clauseMask.fill(0, start * words, end * words);
        if (g.laterClauses.length === 0) out.almostFrom.fill(UNKNOWN_DATE, start, end);
        deriveFrom(out, registry.columns.sentenceEndDay, A.codes);
        if (wasm) wasm.run(start, end, out, t);
        else fn(C, K, P, ACT_HELPERS, asOfYmd, asOfDay, laterYmd, laterDay, start, end, out, S, AB, t.values, U, L);
      },
    };
    let wasm: ShapedBound | null = null;
    if (engine === 'wasm') {
      const w = wasmShapes(wasmSources(), registry, args, bound);
      if (w instanceof Unsupported) bound.refused = w.message;
      else {
        wasm = w;
        bound.engine = 'wasm';
      }
    }
    return bound;
  };
}

/** Whether kernels generated by `a` and `b` are bound to the same values (Emitter's lists, in order). */
function sameBindings(a: ActEmitter, b: ActEmitter): boolean {
  const lists = (e: ActEmitter) => JSON.stringify([[...e.columns], e.constants, e.params, e.counted, e.remainingTerms]);
  return lists(a) === lists(b);
}

/**
 * Generates the act's kernel. `engine`: what runs it — `auto` (WebAssembly for registries of at
 * least WASM_MIN_PERSONS persons, JavaScript for smaller ones), or one of them for every registry
 * (tests, the benchmark). A source the translator refuses runs as JavaScript either way.
 * `shape`: how WebAssembly runs the first match's clauses — `measured` (the faster on the registry,
 * kernel-wasm.ts measuredBound), or one of them (tests); JavaScript runs them clause by clause.
 */
export function compileActKernel(plan: Plan, law: Law, engine: KernelEngine | 'auto' = 'auto', shape: ClauseShape | 'measured' = 'measured'): CompiledAct {
  const g = newKernelGen(plan, law);
  const source = kernelSource(g);
  // The combined shape (eagerClausesCode) is the same act generated again, for WebAssembly only:
  // the JavaScript engine runs it slower than the tests clause by clause, on every shipped act. It
  // must bind the same constants, parameters and counted columns as `source` (it does: the same
  // conditions are written in the same order); where it would not, only `source` runs.
  let sources: { shape: ClauseShape; source: string }[] | null = null;
  const wasmSources: ShapedSources = () => {
    if (sources) return sources;
    sources = shape === 'combined' ? [] : [{ shape: 'by_clause', source }];
    if (g.eagerPossible && shape !== 'by_clause') {
      const ge = newKernelGen(plan, law, true);
      const combined = kernelSource(ge);
      if (sameBindings(g.e, ge.e)) sources.push({ shape: 'combined', source: combined });
    }
    if (sources.length === 0) sources.push({ shape: 'by_clause', source });
    return sources;
  };
  const bind = binder(g, law, source, wasmSources, engine);
  const { n } = g;
  // The kernel bound to a registry on its last day, kept while the registry lives: binding reads
  // the act's constants and counted columns (tens of microseconds), which a re-evaluation of the
  // national registry (a few milliseconds) need not pay again.
  const boundOf = new WeakMap<Registry, { day: number; act: BoundAct }>();
  const bound = (registry: Registry, asOfDay = plan.entryIntoForce): BoundAct => {
    let b = boundOf.get(registry);
    if (b?.day !== asOfDay) boundOf.set(registry, (b = { day: asOfDay, act: bind(registry, asOfDay) }));
    return b.act;
  };
  const outcomesFor = (registry: Registry, shared = false): Outcomes => {
    const wasm = engine === 'auto' ? registry.size >= WASM_MIN_PERSONS : engine === 'wasm';
    return (wasm ? imageOutcomes(registry, n) : null) ?? newOutcomes(registry.size, shared, n);
  };
  return {
    plan,
    source,
    clauseMeasures: actConstants(plan).codes,
    columns: [...g.e.columns.keys()],
    inputs(registry, asOfDay = plan.entryIntoForce) {
      const P = g.e.params.map((name) => law.parameters.value(name, asOfDay));
      const asOfYmd = ymdOfDay(asOfDay);
      return {
        // read by the loop: named past its declaration
        columns: [...g.e.columns.keys()].filter((name) => source.split(`c_${name}`).length > 2),
        counted: countedColumns(g.e.counted, registry, asOfYmd, P),
      };
    },
    newTally: (values) => new Tally(n, plan.exclusions.length, values),
    bind,
    bound,
    count(registry, asOfDay, range, t) {
      const tally = t ?? new Tally(n, plan.exclusions.length);
      bound(registry, asOfDay).count(range?.start ?? 0, range?.end ?? registry.size, tally);
      return tally;
    },
    newOutcomes: outcomesFor,
    run(registry, asOfDay, range, out, t) {
      const O = out ?? outcomesFor(registry);
      // without a tally, the counts go to one that is dropped (counting costs less than a second loop would)
      bound(registry, asOfDay).run(range?.start ?? 0, range?.end ?? registry.size, O, t ?? new Tally(n, plan.exclusions.length));
      return O;
    },
  };
}
