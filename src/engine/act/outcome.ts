/**
 * Outcomes of an act over a registry: exactly one per person, stored as columns.
 */
import { isDeepStrictEqual } from 'node:util';
import { formatIsoDate, UNKNOWN_DATE } from '../../domain/dates.ts';
import { MEASURE_CODES, measureCode, type MeasureCode, type Plan } from './plan.ts';

export const STATUSES = ['not_covered', 'eligible', 'excluded', 'needs_review'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS = { not_covered: 0, eligible: 1, excluded: 2, needs_review: 3 } as const;

/** Why a person got the status: a stable code per outcome. */
export const REASONS = [
  'none',
  /** A clause applies. */
  'matched',
  /** An exclusion applies. */
  'excluded',
  /** No clause applies. */
  'no_clause',
  /** A fact a clause needs is unknown. */
  'unknown_fact',
  /** A clause applies but an exclusion cannot be decided: a fact it needs is unknown. */
  'exclusion_unknown',
  /** The person is not serving a sentence on the day the act enters into force. */
  'not_serving',
  /** A clause applies but the days remitted cannot be computed (the end of the term is unknown). */
  'remaining_unknown',
  /** Two clauses with different measures apply to the person although the act forbids overlaps. */
  'overlap',
] as const;
export type Reason = (typeof REASONS)[number];
export const REASON: { [K in Reason]: number } = Object.fromEntries(REASONS.map((r, i) => [r, i])) as { [K in Reason]: number };

/** Almost eligible: one criterion short, or eligible from a day inside the execution period. */
export const ALMOST_KINDS = ['none', 'one_short', 'later'] as const;
export type AlmostKind = (typeof ALMOST_KINDS)[number];

export interface Outcomes {
  size: number;
  status: Uint8Array;
  /** Index of the clause applied (or undecided, for needs_review); -1 none. */
  clause: Int16Array;
  /** Index of the exclusion that applies (excluded), or that cannot be decided (needs_review); -1 none. */
  exclusion: Int16Array;
  /** Days of punishment remitted; -1 when not applicable or unknown. */
  daysRemitted: Int32Array;
  /**
   * The end of each person's term the days remitted are taken from (the registry's
   * `sentenceEndDay`, set by the evaluation): the new end is not stored but derived, `newEndAt`.
   */
  termEnd: Int32Array;
  /**
   * Index in MEASURE_CODES of each clause's measure (set by the evaluation): the measure applied is
   * not stored but derived from the clause and the reason, `measureAt`.
   */
  clauseMeasures: Uint8Array;
  reason: Uint8Array;
  almostKind: Uint8Array;
  almostClause: Int16Array;
  /** For `one_short`: the index of the criterion (within the clause) that fails. */
  almostCriterion: Int16Array;
  /** For `later`: the day number of the first day of the execution period the clause holds; UNKNOWN_DATE otherwise. */
  almostFrom: Int32Array;
  /** 32-bit words of the clause mask per person (⌈clauses / 32⌉, at least 1). */
  maskWords: number;
  /**
   * The clauses that hold, when every clause is read (combination rules other than first match, or
   * overlaps forbidden): bit j % 32 of word ⌊j / 32⌋ of person i is at `i * maskWords + ⌊j / 32⌋`.
   */
  clauseMask: Uint32Array;
}

/** Words of a clause mask for an act of `clauses` clauses. */
export function maskWordsFor(clauses: number): number {
  return Math.max(1, Math.ceil(clauses / 32));
}

/**
 * Where outcome columns are made, by element kind and length: a WebAssembly image's memory
 * (src/engine/wasm/image.ts `lease`, where a kernel writes them in place), instead of new buffers.
 */
export interface OutcomeAllocator {
  (kind: 'u8', length: number): Uint8Array;
  (kind: 'i16', length: number): Int16Array;
  (kind: 'i32', length: number): Int32Array;
  (kind: 'u32', length: number): Uint32Array;
}

/**
 * Outcome columns for `size` persons under an act of `clauses` clauses (the clause mask's width):
 * in SharedArrayBuffers when `shared`, or made by `alloc`.
 */
export function newOutcomes(size: number, shared = false, clauses = 32, alloc?: OutcomeAllocator): Outcomes {
  const maskWords = maskWordsFor(clauses);
  const make = <T>(ctor: { new (n: number): T; new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T =>
    shared ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
  const u8 = (n: number) => (alloc ? alloc('u8', n) : make(Uint8Array, n));
  const i16 = (n: number) => (alloc ? alloc('i16', n) : make(Int16Array, n));
  const i32 = (n: number) => (alloc ? alloc('i32', n) : make(Int32Array, n));
  return {
    size,
    status: u8(size),
    clause: i16(size),
    exclusion: i16(size),
    daysRemitted: i32(size),
    termEnd: new Int32Array(0),
    clauseMeasures: new Uint8Array(0),
    reason: u8(size),
    almostKind: u8(size),
    almostClause: i16(size),
    almostCriterion: i16(size),
    almostFrom: i32(size),
    maskWords,
    clauseMask: alloc ? alloc('u32', size * maskWords) : make(Uint32Array, size * maskWords),
  };
}

/**
 * The reasons under which a clause's measure is applied (granted, or granted once an exclusion is
 * decided): the measure is the clause's; under every other reason it is `none` (index 0).
 */
const APPLIES_MEASURE = Uint8Array.from(REASONS, (r) => (r === 'matched' || r === 'remaining_unknown' || r === 'exclusion_unknown' ? 1 : 0));

/** Index in MEASURE_CODES of the measure person i gets: the clause's under the reasons that apply it, else 0 (none). */
export function measureAt(o: Outcomes, i: number): number {
  return APPLIES_MEASURE[o.reason[i]!]! === 1 ? o.clauseMeasures[o.clause[i]!]! : 0;
}

/** Day number of person i's new end of the term (the end less the days remitted); UNKNOWN_DATE when no days are remitted or they are unknown. */
export function newEndAt(o: Outcomes, i: number): number {
  const d = o.daysRemitted[i]!;
  return d >= 0 ? o.termEnd[i]! - d : UNKNOWN_DATE;
}

/**
 * Sets the columns the derived fields are read from: the registry's ends of terms and the act's
 * measures, by the evaluation that fills the outcome columns (the act kernel, SQL).
 */
export function deriveFrom(o: Outcomes, termEnd: Int32Array, clauseMeasures: Uint8Array): void {
  if (termEnd.length !== o.size) throw new Error(`the ends of terms of ${termEnd.length} persons, outcomes of ${o.size}`);
  o.termEnd = termEnd;
  o.clauseMeasures = clauseMeasures;
}

/** Index in MEASURE_CODES of each of a plan's clauses' measures (Outcomes.clauseMeasures). */
export function clauseMeasuresOf(plan: Plan): Uint8Array {
  return Uint8Array.from(plan.clauses, (c) => measureCode(c.measure));
}

/**
 * Outcome columns for outcomes computed elsewhere (SQL), which name each person's measure and new
 * end: `setComputed` keeps what they give.
 */
export function newComputedOutcomes(plan: Plan, size: number): Outcomes {
  const o = newOutcomes(size, false, plan.clauses.length);
  deriveFrom(o, new Int32Array(size).fill(UNKNOWN_DATE), clauseMeasuresOf(plan));
  return o;
}

/**
 * The measure and the new end that outcomes computed elsewhere give person i, once its other
 * columns are set: the new end is kept as the end of the term it was taken from (the new end plus
 * the days remitted); a measure other than the one its clause and reason give, or a new end
 * without days remitted (or days without one), is an error.
 */
export function setComputed(o: Outcomes, i: number, measure: number, newEnd: number): void {
  const d = o.daysRemitted[i]!;
  if (d >= 0 !== (newEnd !== UNKNOWN_DATE)) throw new Error(`person row ${i}: ${d >= 0 ? `${d} days remitted without a new end` : `a new end (${newEnd}) without days remitted`}`);
  o.termEnd[i] = d >= 0 ? newEnd + d : UNKNOWN_DATE;
  if (measure !== measureAt(o, i)) throw new Error(`person row ${i}: measure ${MEASURE_CODES[measure] ?? measure}, where clause ${o.clause[i]} and reason ${REASONS[o.reason[i]!] ?? o.reason[i]} give ${MEASURE_CODES[measureAt(o, i)]}`);
}

/** One person's outcome, decoded. */
export interface Outcome {
  status: Status;
  measure: MeasureCode;
  clause: number;
  exclusion: number;
  daysRemitted: number | null;
  newEnd: number | null;
  reason: Reason;
  /** `from`: for `later`, the first day (day number) of the execution period the clause holds; else null. */
  almost: { kind: AlmostKind; clause: number; criterion: number; from: number | null };
  /** Indexes of the clauses that hold, ascending, when every clause is read (see Outcomes.clauseMask); else []. */
  clauses: number[];
}

/** The clauses whose bits are set in person i's mask. */
export function clausesOfMask(o: Outcomes, i: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < o.maskWords; w++) {
    const word = o.clauseMask[i * o.maskWords + w]!;
    if (word === 0) continue;
    for (let b = 0; b < 32; b++) if ((word >>> b) & 1) out.push(w * 32 + b);
  }
  return out;
}

export function outcomeAt(o: Outcomes, i: number): Outcome {
  return {
    status: STATUSES[o.status[i]!]!,
    measure: MEASURE_CODES[measureAt(o, i)]!,
    clause: o.clause[i]!,
    exclusion: o.exclusion[i]!,
    daysRemitted: o.daysRemitted[i]! < 0 ? null : o.daysRemitted[i]!,
    newEnd: o.daysRemitted[i]! < 0 ? null : newEndAt(o, i),
    reason: REASONS[o.reason[i]!]!,
    almost: { kind: ALMOST_KINDS[o.almostKind[i]!]!, clause: o.almostClause[i]!, criterion: o.almostCriterion[i]!, from: o.almostFrom[i] === UNKNOWN_DATE ? null : o.almostFrom[i]! },
    clauses: clausesOfMask(o, i),
  };
}

/** Whether two outcomes agree in every field (a field added later is compared too). */
export function outcomesEqual(a: Outcome, b: Outcome): boolean {
  return isDeepStrictEqual(a, b);
}

/**
 * The outcome as the CLI and the API write it (references instead of indexes). `unverified`: the
 * keys of the unverified inputs the outcome rests on (doubt.ts `outcomeDoubts`); null when the
 * caller did not compute them.
 */
export function outcomeRow(
  plan: Plan,
  personId: string,
  o: Outcome,
  reasons: string[],
  unverified: readonly string[] | null = null,
): Record<string, string | number | null | string[] | Record<string, unknown>> {
  return {
    person_id: personId,
    status: o.status,
    measure: o.measure === 'none' ? null : o.measure,
    clause: o.clause >= 0 ? plan.clauses[o.clause]!.ref : null,
    clause_id: o.clause >= 0 ? plan.clauses[o.clause]!.id : null,
    excluded_by: o.exclusion >= 0 && o.status === 'excluded' ? plan.exclusions[o.exclusion]!.ref : null,
    excluded_by_id: o.exclusion >= 0 && o.status === 'excluded' ? plan.exclusions[o.exclusion]!.id : null,
    exclusion_undecided: o.exclusion >= 0 && o.status === 'needs_review' ? plan.exclusions[o.exclusion]!.ref : null,
    days_remitted: o.daysRemitted,
    new_end_date: o.newEnd === null ? null : formatIsoDate(o.newEnd),
    reason: o.reason,
    reasons,
    almost:
      o.almost.kind === 'none'
        ? null
        : {
            kind: o.almost.kind,
            clause: plan.clauses[o.almost.clause]?.ref ?? null,
            ...(o.almost.kind === 'one_short' ? { criterion: o.almost.criterion + 1 } : {}),
            ...(o.almost.from !== null ? { from: formatIsoDate(o.almost.from) } : {}),
          },
    unverified: unverified === null ? null : [...unverified],
  };
}
