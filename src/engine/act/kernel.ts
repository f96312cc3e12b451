/**
 * evaluate(plan, registry, asOf) → outcomes: the act compiled into one generated loop over the
 * columnar registry (see src/engine/kernel.ts for what generated code may contain: only
 * whitelisted column names, operators, numeric literals; strings and sets are bound constants).
 *
 * The loop mirrors the reference semantics of ./reference.ts. The common case — first match in the
 * law's order — is generated inline with short-circuits; the other combination rules evaluate every
 * clause and decide in a fixed (not generated) function.
 */
import { addMonths, UNKNOWN_DATE, ymdOfDay } from '../../domain/dates.ts';
import type { Law } from '../../law/law.ts';
import type { ColumnName, DictColumn, Registry } from '../../registry/registry.ts';
import type { Checked } from '../condition.ts';
import { DICT_COLUMNS, Emitter, KERNEL_HELPERS, stringMask, truthExpr } from '../kernel.ts';
import { measureCode, type Measure, type Plan } from './plan.ts';
import { newOutcomes, REASON, STATUS, type Outcomes } from './outcome.ts';
import { usesDuring } from './reference.ts';

/** Measure kinds for the arithmetic of days (measureCode − 1). */
const K_RELEASE = 0;
const K_RELEASE_ADDITIONAL = 1;
const K_LIABILITY = 2;
const K_REDUCE_UNSERVED = 3;
const K_REDUCE_IMPOSED = 4;
const K_REDUCE_MONTHS = 5;
const K_REPLACE = 6;

/** Days remitted: -1 when the measure remits no days of the main term, NaN when unknown. */
function remitDays(kind: number, param: number, st: number, en: number, day0: number): number {
  if (kind === K_REPLACE || kind === K_RELEASE_ADDITIONAL) return -1;
  if (en === UNKNOWN_DATE) return NaN;
  const rem = en > day0 ? en - day0 : 0;
  if (kind === K_RELEASE || kind === K_LIABILITY) return rem;
  if (kind === K_REDUCE_UNSERVED) return Math.round(rem * param);
  if (kind === K_REDUCE_IMPOSED) {
    if (st === UNKNOWN_DATE) return NaN;
    const d = Math.round((en - st) * param);
    return d < rem ? d : rem;
  }
  const d = en - addMonths(en, -param);
  return d < rem ? d : rem;
}

function favourOf(kind: number, days: number): number {
  if (kind === K_RELEASE) return 4e9;
  if (kind === K_LIABILITY) return 4e9 + 1;
  if (kind === K_REPLACE) return -1;
  if (kind === K_RELEASE_ADDITIONAL) return -2;
  return days === days && days >= 0 ? days : 0;
}

interface Scratch {
  tr: Uint8Array;
  nf: Int32Array;
  nu: Int32Array;
  ms: Int32Array;
}

const ACT_HELPERS = {
  ...KERNEL_HELPERS,
  remitDays,
  /** Writes a granted (or undecided-by-exclusion) outcome. */
  grant(O: OutcomeArrays, i: number, chosen: number, exU: number, kinds: Int8Array, params: Float64Array, codes: Uint8Array, st: number, en: number, day0: number, mask: number, days: number, newEnd: number, computed: boolean): void {
    const kind = kinds[chosen]!;
    let d = days;
    let ne = newEnd;
    if (!computed) {
      d = remitDays(kind, params[chosen]!, st, en, day0);
      ne = d >= 0 ? en - d : UNKNOWN_DATE;
      if (d !== d) ne = UNKNOWN_DATE;
    }
    O.clause[i] = chosen;
    O.measure[i] = codes[chosen]!;
    O.clauseMask[i] = mask;
    O.daysRemitted[i] = d !== d || d < 0 ? -1 : d;
    O.newEnd[i] = d !== d || d < 0 ? UNKNOWN_DATE : ne;
    if (exU >= 0) {
      O.status[i] = STATUS.needs_review;
      O.reason[i] = REASON.exclusion_unknown;
      O.exclusion[i] = exU;
    } else {
      O.status[i] = STATUS.eligible;
      O.reason[i] = d !== d ? REASON.remaining_unknown : REASON.matched;
    }
  },
  /** most_favourable, all_that_apply, or first_match with overlap checking: decides from every clause's truth. */
  decideAll(
    O: OutcomeArrays,
    i: number,
    s: Scratch,
    n: number,
    ncrit: Int32Array,
    rule: number,
    overlapForbidden: boolean,
    exU: number,
    kinds: Int8Array,
    params: Float64Array,
    codes: Uint8Array,
    st: number,
    en: number,
    day0: number,
  ): boolean {
    let mask = 0;
    for (let j = 0; j < n; j++) if (s.tr[j] === 2) mask |= 1 << j % 32;
    if (overlapForbidden) {
      let first = -1;
      for (let j = 0; j < n; j++) {
        if (s.tr[j] !== 2) continue;
        if (first < 0) first = j;
        else if (codes[j] !== codes[first]) {
          O.status[i] = STATUS.needs_review;
          O.reason[i] = REASON.overlap;
          O.clause[i] = first;
          O.clauseMask[i] = mask;
          return true;
        }
      }
    }
    let chosen = -1;
    let undecided = -1;
    let almostUpTo = 0;
    if (rule === 0) {
      let first = -1;
      for (let j = 0; j < n; j++)
        if (s.tr[j] !== 0) {
          first = j;
          break;
        }
      if (first >= 0 && s.tr[first] === 2) chosen = first;
      else if (first >= 0) undecided = first;
      almostUpTo = first < 0 ? n : first;
    } else if (rule === 1) {
      let best = -1;
      let bestScore = -Infinity;
      for (let j = 0; j < n; j++) {
        if (s.tr[j] !== 2) continue;
        const score = favourOf(kinds[j]!, remitDays(kinds[j]!, params[j]!, st, en, day0));
        if (score > bestScore) {
          best = j;
          bestScore = score;
        }
      }
      for (let j = 0; j < n; j++) {
        if (s.tr[j] !== 1) continue;
        const d = remitDays(kinds[j]!, params[j]!, st, en, day0);
        if (best < 0 || d !== d || favourOf(kinds[j]!, d) > bestScore) {
          undecided = j;
          break;
        }
      }
      if (undecided < 0) chosen = best;
      almostUpTo = chosen < 0 && undecided < 0 ? n : 0;
    } else {
      for (let j = 0; j < n; j++)
        if (s.tr[j] === 1) {
          undecided = j;
          break;
        }
      if (undecided < 0) {
        let best = -1;
        let bestScore = -Infinity;
        let sum = 0;
        let release = false;
        let unknown = false;
        let any = false;
        for (let j = 0; j < n; j++) {
          if (s.tr[j] !== 2) continue;
          const k = kinds[j]!;
          const d = remitDays(k, params[j]!, st, en, day0);
          if (d !== d) unknown = true;
          if (k === K_RELEASE || k === K_LIABILITY) {
            release = true;
            any = true;
          } else if (d === d && d >= 0) {
            sum += d;
            any = true;
          }
          const score = favourOf(k, d);
          if (score > bestScore) {
            best = j;
            bestScore = score;
          }
        }
        if (best >= 0) {
          let days = -1;
          let newEnd = UNKNOWN_DATE;
          if (unknown) days = NaN;
          else if (any) {
            const rem = en > day0 ? en - day0 : 0;
            days = release ? rem : sum < rem ? sum : rem;
            newEnd = en - days;
          }
          ACT_HELPERS.grant(O, i, best, exU, kinds, params, codes, st, en, day0, mask, days, newEnd, true);
          return true;
        }
        almostUpTo = n;
      }
    }
    if (chosen >= 0) {
      ACT_HELPERS.grant(O, i, chosen, exU, kinds, params, codes, st, en, day0, mask, 0, 0, false);
      return true;
    }
    if (undecided >= 0) {
      O.status[i] = STATUS.needs_review;
      O.reason[i] = REASON.unknown_fact;
      O.clause[i] = undecided;
      O.exclusion[i] = exU;
      O.clauseMask[i] = mask;
      return true;
    }
    O.clauseMask[i] = mask;
    for (let j = 0; j < almostUpTo; j++) {
      if (ncrit[j]! >= 2 && s.nf[j] === 1 && s.nu[j] === 0) {
        O.almostKind[i] = 1;
        O.almostClause[i] = j;
        O.almostCriterion[i] = s.ms[j]!;
        break;
      }
    }
    return false;
  },
};

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
  A: { kinds: Int8Array; params: Float64Array; codes: Uint8Array; ncrit: Int32Array },
) => void;

export interface CompiledAct {
  plan: Plan;
  source: string;
  columns: ColumnName[];
  /** Evaluates persons [start, end) into `out` (all persons by default). `asOfDay` replaces the day of entry into force. */
  run(registry: Registry, asOfDay?: number, range?: { start: number; end: number }, out?: Outcomes): Outcomes;
}

const RULE_CODE = { first_match: 0, most_favourable: 1, all_that_apply: 2 } as const;

function measureKind(m: Measure): number {
  return measureCode(m) - 1;
}

function measureParam(m: Measure): number {
  return m.type === 'reduce_unserved' || m.type === 'reduce_imposed' ? m.fraction : m.type === 'reduce_months' ? m.months : 0;
}

/** Generates the act's kernel. */
export function compileActKernel(plan: Plan, law: Law): CompiledAct {
  const e = new Emitter(law.criminalCode);
  const st = e.col('sentenceStartDay');
  const en = e.col('sentenceEndDay');
  const lines: string[] = [];
  const defIndex = new Map<string, number>();
  /** Definitions are computed lazily, once per person, where first needed: `dK` is -1 until then. */
  const defExpr = new Map<string, string>();
  const defVar = (name: string) => {
    const k = defIndex.get(name);
    if (k === undefined) throw new Error(`definition ${name} used before it is computed`);
    return `(d${k} >= 0 ? d${k} : (d${k} = ${defExpr.get(name)}))`;
  };
  const n = plan.clauses.length;
  const UNK = String(UNKNOWN_DATE);

  lines.push('for (let i = start; i < end; i++) {');
  const tempsAt = lines.length;
  lines.push('let t, ex = -1, exU = -1;');
  lines.push(`const st = ${st}[i], en = ${en}[i];`);
  lines.push('O.clauseMask[i] = 0; O.almostKind[i] = 0; O.almostClause[i] = -1; O.almostCriterion[i] = -1;');
  lines.push(`O.exclusion[i] = -1; O.clause[i] = -1; O.measure[i] = 0; O.daysRemitted[i] = -1; O.newEnd[i] = ${UNK};`);
  lines.push(`if ((en !== ${UNK} && en <= asOfDay) || (st !== ${UNK} && st > asOfDay)) { O.status[i] = ${STATUS.not_covered}; O.reason[i] = ${REASON.not_serving}; continue; }`);
  lines.push('let duringYmd = asOfYmd, duringDay = asOfDay;');
  for (const d of plan.definitions) {
    const k = defIndex.size;
    defExpr.set(d.name, truthExpr(d.condition, e, defVar));
    defIndex.set(d.name, k);
  }
  if (plan.definitions.length > 0) lines.push(`let ${plan.definitions.map((_, k) => `d${k} = -1`).join(', ')};`);
  /** The exclusions, read once some clause covers or may cover the person; `first` is the clause to record. */
  const exclusionBlock = (first: string) => {
    const parts: string[] = [];
    plan.exclusions.forEach((x, k) => {
      const guard = k === 0 ? '' : 'if (ex < 0) ';
      parts.push(`${guard}{ t = ${truthExpr(x.condition, e, defVar)}; if (t === 2) ex = ${k}; else if (t === 1 && exU < 0) exU = ${k}; }`);
    });
    parts.push(`if (ex >= 0) { O.status[i] = ${STATUS.excluded}; O.reason[i] = ${REASON.excluded}; O.exclusion[i] = ex; O.clause[i] = ${first}; continue; }`);
    return parts.join('\n');
  };

  /**
   * The criteria of a clause, counting false and unknown ones. Reading stops once the answer cannot
   * change: two false criteria (neither true nor one short), or one false when an almost-eligible
   * clause is already found (fast path: `aK`).
   */
  const criteriaBlock = (j: number, target: (nf: string, nu: string, miss: string) => string, fastPath: boolean) => {
    const c = plan.clauses[j]!;
    const parts = ['nf = 0; nu = 0; miss = -1;'];
    c.criteria.forEach((crit: Checked, q) => {
      const guard = q === 0 ? '' : fastPath ? 'if (nf === 0 || (aK === 0 && nf < 2)) ' : 'if (nf < 2) ';
      parts.push(`${guard}{ t = ${truthExpr(crit, e, defVar)}; if (t === 0) { if (nf === 0) miss = ${q}; nf++; } else if (t === 1) nu++; }`);
    });
    parts.push(target('nf', 'nu', 'miss'));
    return parts.join(' ');
  };

  /** Under first match: an earlier clause that takes the eligible person later in the execution period. */
  const earlierLater = (chosen: string): string => {
    const withDuring = plan.clauses.filter((c) => c.criteria.some(usesDuring));
    if (withDuring.length === 0) return '';
    const checks = withDuring.map((c) => `if (aL < 0 && ${chosen} > ${c.index}) { t = ${truthExpr(c.condition, e, defVar)}; if (t === 2) aL = ${c.index}; }`).join(' ');
    return `if (exU < 0 && laterDay > asOfDay) { duringYmd = laterYmd; duringDay = laterDay; let aL = -1; ${checks} if (aL >= 0) { O.almostKind[i] = 2; O.almostClause[i] = aL; } }`;
  };
  lines.push('let nf = 0, nu = 0, miss = -1;');
  const fast = plan.combine === 'first_match' && !plan.overlapForbidden;
  if (fast) {
    lines.push('let chosen = -1, undecided = -1, aK = 0, aC = -1, aX = -1;');
    plan.clauses.forEach((c, j) => {
      const guard = j === 0 ? '' : 'if (chosen < 0 && undecided < 0) ';
      const almost = c.criteria.length >= 2 ? ` else if (nf === 1 && nu === 0 && aK === 0) { aK = 1; aC = ${j}; aX = miss; }` : '';
      lines.push(`${guard}{ ${criteriaBlock(j, () => `if (nf === 0) { if (nu === 0) chosen = ${j}; else undecided = ${j}; }${almost}`, true)} }`);
    });
    lines.push(`if (chosen >= 0 || undecided >= 0) { ${exclusionBlock('chosen >= 0 ? chosen : undecided')} }`);
    lines.push(`if (chosen >= 0) { H.grant(O, i, chosen, exU, A.kinds, A.params, A.codes, st, en, asOfDay, 0, 0, 0, false); ${earlierLater('chosen')} continue; }`);
    lines.push(
      `if (undecided >= 0) { O.status[i] = ${STATUS.needs_review}; O.reason[i] = ${REASON.unknown_fact}; O.clause[i] = undecided; O.exclusion[i] = exU; continue; }`,
    );
    lines.push('O.almostKind[i] = aK; O.almostClause[i] = aC; O.almostCriterion[i] = aX;');
  } else {
    plan.clauses.forEach((_, j) => {
      lines.push(`{ ${criteriaBlock(j, () => `S.tr[${j}] = nf > 0 ? 0 : nu > 0 ? 1 : 2; S.nf[${j}] = nf; S.nu[${j}] = nu; S.ms[${j}] = miss;`, false)} }`);
    });
    lines.push(`let first = -1; for (let j = 0; j < ${n}; j++) if (S.tr[j] !== 0) { first = j; break; }`);
    lines.push(`if (first >= 0) { ${exclusionBlock('first')} }`);
    const after = plan.combine === 'first_match' ? `if (O.status[i] === ${STATUS.eligible}) { const chosen = O.clause[i]; ${earlierLater('chosen')} }` : '';
    lines.push(
      `if (H.decideAll(O, i, S, ${n}, A.ncrit, ${RULE_CODE[plan.combine]}, ${plan.overlapForbidden}, exU, A.kinds, A.params, A.codes, st, en, asOfDay)) { ${after} continue; }`,
    );
  }
  lines.push(`O.status[i] = ${STATUS.not_covered}; O.reason[i] = ${REASON.no_clause};`);
  // Eligible later in the execution period: clauses with facts read `during` it, on its last day.
  const laterClauses = plan.clauses.filter((c) => c.criteria.some(usesDuring));
  if (laterClauses.length > 0) {
    lines.push('if (laterDay > asOfDay) {');
    lines.push('duringYmd = laterYmd; duringDay = laterDay; let found = false;');
    for (const c of laterClauses) {
      lines.push(`if (!found) { t = ${truthExpr(c.condition, e, defVar)}; if (t === 2) { found = true; O.almostKind[i] = 2; O.almostClause[i] = ${c.index}; O.almostCriterion[i] = -1; } }`);
    }
    lines.push('}');
  }
  // A person an exclusion would take anyway is not "almost eligible".
  if (plan.exclusions.length > 0) {
    const chain = plan.exclusions
      .map((x, k) => `${k === 0 ? '' : 'if (ex < 0) '}{ t = ${truthExpr(x.condition, e, defVar)}; if (t === 2) ex = ${k}; }`)
      .join(' ');
    lines.push(`if (O.almostKind[i] !== 0) { ex = -1; ${chain} if (ex >= 0) { O.almostKind[i] = 0; O.almostClause[i] = -1; O.almostCriterion[i] = -1; } }`);
  }
  lines.push('}');
  if (e.tempCount > 0) lines.splice(tempsAt, 0, `let ${Array.from({ length: e.tempCount }, (_, k) => `t${k}`).join(', ')};`);
  const decl = [...e.columns].map(([name, v]) => `const ${v} = C.${name}${DICT_COLUMNS.has(name) ? '.codes' : ''};`);
  // Outcome columns in locals: the loop body writes them without a property lookup.
  const outNames = ['status', 'measure', 'clause', 'exclusion', 'daysRemitted', 'newEnd', 'reason', 'almostKind', 'almostClause', 'almostCriterion', 'clauseMask'];
  const outDecl = outNames.map((n) => `const o_${n} = O.${n};`);
  const body = lines.map((l) => l.replace(/\bO\.(\w+)\[i\]/g, (_, n: string) => `o_${n}[i]`));
  const source = [...decl, ...outDecl, ...body].join('\n');
  const fn = new Function('C', 'K', 'P', 'H', 'asOfYmd', 'asOfDay', 'laterYmd', 'laterDay', 'start', 'end', 'O', 'S', 'A', source) as ActKernelFn;
  const constants = e.constants;
  const paramNames = [...e.params];
  const A = {
    kinds: Int8Array.from(plan.clauses.map((c) => measureKind(c.measure))),
    params: Float64Array.from(plan.clauses.map((c) => measureParam(c.measure))),
    codes: Uint8Array.from(plan.clauses.map((c) => measureCode(c.measure))),
    ncrit: Int32Array.from(plan.clauses.map((c) => c.criteria.length)),
  };

  return {
    plan,
    source,
    columns: [...e.columns.keys()],
    run(registry, asOfDay = plan.entryIntoForce, range, out) {
      const K = constants.map((k) => (k.kind === 'set' ? k.values : stringMask(registry.columns[k.column] as DictColumn, k.values)));
      const P = paramNames.map((name) => law.parameters.value(name, asOfDay));
      const laterDay = asOfDay + (plan.executionEnd - plan.entryIntoForce);
      const O = out ?? newOutcomes(registry.size);
      const S: Scratch = { tr: new Uint8Array(n), nf: new Int32Array(n), nu: new Int32Array(n), ms: new Int32Array(n) };
      fn(
        registry.columns as unknown as Record<string, unknown>,
        K,
        P,
        ACT_HELPERS,
        ymdOfDay(asOfDay),
        asOfDay,
        ymdOfDay(laterDay),
        laterDay,
        range?.start ?? 0,
        range?.end ?? registry.size,
        O,
        S,
        A,
      );
      return O;
    },
  };
}
