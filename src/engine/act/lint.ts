/**
 * Checks of an act beyond its schema and conditions:
 * - a clause that can never apply because an earlier clause covers it (first match): its criteria
 *   include every criterion of the earlier clause, so the earlier one always takes it;
 * - clauses whose measures differ but that must not overlap (`overlap: forbidden`) when one's
 *   criteria include the other's (they certainly overlap), or when a sample registry shows a person
 *   both apply to;
 * - a clause no person of a sample registry reaches (a warning: the sample may just lack such persons).
 */
import type { LocatedError, SourceMap } from '../../domain/located.ts';
import { formatIsoDate } from '../../domain/dates.ts';
import type { Law } from '../../law/law.ts';
import type { Registry } from '../../registry/registry.ts';
import { describeCondition } from './describe.ts';
import { compileActKernel } from './kernel.ts';
import { measureCode, type Plan } from './plan.ts';
import { STATUS } from './outcome.ts';

export interface LintResult {
  errors: LocatedError[];
  warnings: LocatedError[];
}

function criteriaSet(plan: Plan, j: number): Set<string> {
  return new Set(plan.clauses[j]!.criteria.map(describeCondition));
}

const includes = (a: Set<string>, b: Set<string>) => [...b].every((x) => a.has(x));

/** `asOfDay`: the sample is evaluated as if the act entered into force on it (default: the act's own day). */
export function lintAct(plan: Plan, law: Law, map: SourceMap | null, sample: Registry | null, asOfDay: number = plan.entryIntoForce): LintResult {
  const errors: LocatedError[] = [];
  const warnings: LocatedError[] = [];
  const at = (path: (string | number)[], message: string): LocatedError =>
    map ? map.error(path, message) : { file: '(act)', path: path.join('.'), line: null, column: null, message };
  const sets = plan.clauses.map((_, j) => criteriaSet(plan, j));
  for (let j = 0; j < plan.clauses.length; j++) {
    for (let i = 0; i < j; i++) {
      const ci = plan.clauses[i]!;
      const cj = plan.clauses[j]!;
      if (plan.combine === 'first_match' && includes(sets[j]!, sets[i]!))
        errors.push(at(['clauses', j, 'when'], `clause ${cj.id} (${cj.ref}) can never apply: every person it covers is covered by the earlier clause ${ci.id} (${ci.ref})`));
      else if (plan.overlapForbidden && measureCode(ci.measure) !== measureCode(cj.measure) && (includes(sets[j]!, sets[i]!) || includes(sets[i]!, sets[j]!)))
        errors.push(at(['clauses', j, 'when'], `clauses ${ci.id} and ${cj.id} overlap with different measures, which the act forbids`));
    }
  }
  if (sample && sample.size > 0) {
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
            if (a < b && measureCode(plan.clauses[a]!.measure) !== measureCode(plan.clauses[b]!.measure) && !overlapSeen.has(key)) {
              overlapSeen.add(key);
              errors.push(at(['clauses', b, 'when'], `clauses ${plan.clauses[a]!.id} and ${plan.clauses[b]!.id} both apply to person ${sample.personId[i]} with different measures, which the act forbids`));
            }
          }
    }
    reached.forEach((n, j) => {
      if (n === 0) warnings.push(at(['clauses', j, 'when'], `no person of the sample registry (${sample.size} persons) meets clause ${plan.clauses[j]!.id} on ${formatIsoDate(asOfDay)}`));
    });
    if (plan.combine === 'first_match') {
      const firstMatch = compileActKernel(plan, law).run(sample, asOfDay);
      const applied = new Array<number>(plan.clauses.length).fill(0);
      for (let i = 0; i < sample.size; i++) if (firstMatch.status[i] === STATUS.eligible && firstMatch.clause[i]! >= 0) applied[firstMatch.clause[i]!]!++;
      applied.forEach((n, j) => {
        if (n === 0 && reached[j]! > 0)
          warnings.push(at(['clauses', j, 'when'], `in the sample registry every person meeting clause ${plan.clauses[j]!.id} is taken by an earlier clause or excluded`));
      });
    }
  }
  return { errors, warnings };
}
