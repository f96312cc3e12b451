/**
 * Checks of an act beyond its schema and conditions:
 * - a clause that covers only what the Criminal Code forbids an amnesty to reach (Art. 78 part 2:
 *   a criterion requiring a terrorist, extremist, torture or sexual-against-minors conviction, or
 *   recidivism), and, on a sample registry, the persons the act's clauses cover whom only the Code's
 *   exclusions take (the act does not say so: warnings);
 * - a clause that can never apply because an earlier clause covers it (first match): its criteria
 *   include every criterion of the earlier clause, so the earlier one always takes it;
 * - clauses whose measures differ but that must not overlap (`overlap: forbidden`) when one's
 *   criteria include the other's (they certainly overlap), or when a sample registry shows a person
 *   both apply to;
 * - a clause no person of a sample registry reaches (a warning: the sample may just lack such persons).
 *
 * Non-null assertions (`!`) left here are reads of the kernel's outcome columns (typed arrays) at a
 * person index below the sample's size, and counts per clause at a clause index below the number
 * of clauses: both in range by the loop bound, in loops over every person of the sample.
 */
import { entryAt } from '../../domain/lookup.ts';
import { unlocated, type LocatedError, type SourceMap } from '../../domain/located.ts';
import { listOf, msg, type Message } from '../../i18n/message.ts';
import { formatIsoDate } from '../../domain/dates.ts';
import type { Law } from '../../law/law.ts';
import type { Registry } from '../../registry/registry.ts';
import { describeCondition } from './describe.ts';
import { RECIDIVISMS } from '../../domain/enums.ts';
import type { Checked } from '../condition.ts';
import { compare } from '../interpret.ts';
import { compileActKernel } from './kernel.ts';
import { measureCode, type Plan } from './plan.ts';
import { STATUS } from './outcome.ts';

export interface LintResult {
  errors: LocatedError[];
  warnings: LocatedError[];
}

/** What a criterion alone requires that the Criminal Code forbids an amnesty to reach, or null. */
function forbiddenByCode(c: Checked): Message | null {
  if (c.k === 'bool' && c.fact.name === 'has_tag' && ['terrorism', 'extremism', 'torture', 'sexual_minor'].includes(String(c.arg))) return msg('act.forbidden.tagged', { tag: String(c.arg) });
  if ((c.k === 'enum' || c.k === 'enumIn') && c.fact.name === 'recidivism') {
    const holds = (index: number) => (c.k === 'enum' ? compare(index, c.op, c.index) : c.indexes.includes(index) !== c.negated);
    // index 0 is `none`: a criterion that admits no person without recidivism
    if (!holds(0) && RECIDIVISMS.some((_, k) => k > 0 && holds(k))) return msg('act.forbidden.recidivism');
  }
  return null;
}

const includes = (a: Set<string>, b: Set<string>) => [...b].every((x) => a.has(x));

/** `asOfDay`: the sample is evaluated as if the act entered into force on it (default: the act's own day). */
export function lintAct(plan: Plan, law: Law, map: SourceMap | null, sample: Registry | null, asOfDay: number = plan.entryIntoForce): LintResult {
  const errors: LocatedError[] = [];
  const warnings: LocatedError[] = [];
  const at = (path: (string | number)[], message: Message): LocatedError => (map ? map.error(path, message) : unlocated('(act)', path, message));
  // validate passing must mean evaluate works: the kernel of the act itself is compiled here.
  let compiles = true;
  try {
    compileActKernel(plan, law);
  } catch (e) {
    compiles = false;
    errors.push(at([], msg('act.not_compiled', { detail: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) })));
  }
  lintClauses(plan, at, errors, warnings);
  if (sample && sample.size > 0 && compiles) lintOnSample(plan, law, sample, asOfDay, at, errors, warnings);
  return { errors, warnings };
}

type At = (path: (string | number)[], message: Message) => LocatedError;

/** What the clauses' texts show: criteria the Criminal Code forbids an amnesty, clauses that can never apply, overlaps the act forbids. */
function lintClauses(plan: Plan, at: At, errors: LocatedError[], warnings: LocatedError[]): void {
  const clauses = plan.clauses.map((clause) => ({ clause, criteria: new Set(clause.criteria.map(describeCondition)) }));
  const codeExclusions = plan.exclusions.filter((x) => x.origin === 'code');
  if (codeExclusions.length > 0)
    plan.clauses.forEach((c, j) => {
      c.criteria.forEach((crit, q) => {
        const forbidden = forbiddenByCode(crit);
        if (forbidden) {
          const refs = listOf([...new Set(codeExclusions.map((x) => x.ref))]);
          warnings.push(at(c.criteriaPaths[q] ?? ['clauses', j, 'when'], msg('act.forbidden_only', { id: c.id, ref: c.ref, forbidden, refs })));
        }
      });
    });
  clauses.forEach(({ clause: cj, criteria: sj }, j) => {
    for (const { clause: ci, criteria: si } of clauses.slice(0, j)) {
      if (plan.combine === 'first_match' && includes(sj, si))
        errors.push(at(['clauses', j, 'when'], msg('act.never_applies', { id: cj.id, ref: cj.ref, earlier: ci.id, earlierRef: ci.ref })));
      else if (plan.overlapForbidden && measureCode(ci.measure) !== measureCode(cj.measure) && (includes(sj, si) || includes(si, sj)))
        errors.push(at(['clauses', j, 'when'], msg('act.overlap', { first: ci.id, second: cj.id })));
    }
  });
}

/** What the sample registry shows: overlaps, persons only the Code excludes, clauses nobody meets or every one of whom an earlier clause takes. */
function lintOnSample(plan: Plan, law: Law, sample: Registry, asOfDay: number, at: At, errors: LocatedError[], warnings: LocatedError[]): void {
  const kernel = compileActKernel({ ...plan, combine: 'all_that_apply', overlapForbidden: false }, law);
  const out = kernel.run(sample, asOfDay);
  const words = out.maskWords;
  const reached = new Array<number>(plan.clauses.length).fill(0);
  const overlapSeen = new Set<string>();
  for (let i = 0; i < sample.size; i++) {
    if (out.status[i] === STATUS.excluded) continue;
    const holding: number[] = [];
    for (let j = 0; j < plan.clauses.length; j++) if ((out.clauseMask[i * words + (j >> 5)]! >>> (j & 31)) & 1) holding.push(j);
    if (holding.length === 0) continue;
    for (const j of holding) reached[j]!++;
    if (plan.overlapForbidden)
      for (const a of holding)
        for (const b of holding) {
          const key = `${a}:${b}`;
          if (a >= b || overlapSeen.has(key)) continue;
          const first = entryAt(plan.clauses, a, 'clause');
          const second = entryAt(plan.clauses, b, 'clause');
          if (measureCode(first.measure) !== measureCode(second.measure)) {
            overlapSeen.add(key);
            errors.push(at(['clauses', b, 'when'], msg('act.overlap_person', { first: first.id, second: second.id, person: String(sample.personId[i]) })));
          }
        }
  }
  // persons a clause covers whom only the Code's exclusions take: the act does not say so
  const onlyCode = new Map<number, number>();
  const firstCode = plan.exclusions.findIndex((x) => x.origin === 'code');
  if (firstCode >= 0) {
    const own = compileActKernel({ ...plan, exclusions: plan.exclusions.filter((x) => x.origin === 'act') }, law).run(sample, asOfDay);
    const full = compileActKernel(plan, law).run(sample, asOfDay);
    for (let i = 0; i < sample.size; i++) {
      const k = full.exclusion[i]!;
      if (full.status[i] === STATUS.excluded && k >= firstCode && own.status[i] !== STATUS.excluded) onlyCode.set(k, (onlyCode.get(k) ?? 0) + 1);
    }
  }
  for (const [k, n] of onlyCode) {
    const x = entryAt(plan.exclusions, k, 'exclusion');
    warnings.push(
      at(['exclusions'], msg('act.only_code_excludes', { n, ref: x.ref, label: x.label ?? x.id })),
    );
  }
  plan.clauses.forEach((c, j) => {
    if (reached[j] === 0) warnings.push(at(['clauses', j, 'when'], msg('act.nobody_meets', { size: sample.size, id: c.id, date: formatIsoDate(asOfDay) })));
  });
  if (plan.combine === 'first_match') {
    const firstMatch = compileActKernel(plan, law).run(sample, asOfDay);
    const applied = new Array<number>(plan.clauses.length).fill(0);
    for (let i = 0; i < sample.size; i++) {
      const j = firstMatch.clause[i]!;
      if (firstMatch.status[i] === STATUS.eligible && j >= 0) applied[j]!++;
    }
    plan.clauses.forEach((c, j) => {
      if (applied[j] === 0 && reached[j] !== 0) warnings.push(at(['clauses', j, 'when'], msg('act.all_taken_earlier', { id: c.id })));
    });
  }
}
