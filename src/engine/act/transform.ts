/**
 * Counterfactual acts made from an act, for impact analysis: the same act with its dependence on
 * sex removed (Constitution of the Republic of Kazakhstan, Art. 14: everyone is equal before the
 * law; nobody may be discriminated against on grounds of sex), and the same act with one more
 * criterion added to some clauses (e.g. the 2025 law's "no damage caused, or damage fully
 * compensated, or no civil claim filed").
 *
 * Transformations work on the checked plan, so the result runs on every engine (kernel, reference,
 * SQL) like every other act. They never change the act's file or its identity: the new plan carries a
 * derived id and hash.
 */
import { entryAt, present } from '../../domain/lookup.ts';
import { SEXES, type Sex } from '../../domain/enums.ts';
import { F, T, type Checked, type Truth } from '../condition.ts';
import { compare } from '../interpret.ts';
import type { Measure, Plan, PlanClause, PlanExclusion } from './plan.ts';

/** Whether a leaf reads the person's sex. Only the fact `sex` does (docs/conditions.md). */
function isSexLeaf(c: Checked): boolean {
  return 'fact' in c && c.fact.name === 'sex';
}

/** Where an act depends on sex: clauses, exclusions and definitions, directly or through definitions. */
export interface SexDependence {
  clauses: number[];
  exclusions: number[];
  definitions: string[];
}

function dependsOn(c: Checked, sexDefs: ReadonlySet<string>): boolean {
  switch (c.k) {
    case 'const':
      return false;
    case 'def':
      return sexDefs.has(c.name);
    case 'and':
    case 'or':
      return c.items.some((x) => dependsOn(x, sexDefs));
    case 'not':
    case 'during':
      return dependsOn(c.item, sexDefs);
    default:
      return isSexLeaf(c);
  }
}

function sexDefinitions(plan: Plan): Set<string> {
  const out = new Set<string>();
  // plan.definitions are in dependency order: a definition's own definitions are decided before it.
  for (const d of plan.definitions) if (dependsOn(d.condition, out)) out.add(d.name);
  return out;
}

export function sexDependence(plan: Plan): SexDependence {
  const defs = sexDefinitions(plan);
  return {
    clauses: plan.clauses.filter((c) => dependsOn(c.condition, defs)).map((c) => c.index),
    exclusions: plan.exclusions.filter((x) => dependsOn(x.condition, defs)).map((x) => x.index),
    definitions: plan.definitions.filter((d) => defs.has(d.name)).map((d) => d.name),
  };
}

/** The truth of a sex leaf for a person of the given sex (whose sex is then known). */
function sexLeafTruth(c: Checked, sex: Sex): Truth {
  const index = SEXES.indexOf(sex);
  switch (c.k) {
    case 'enum':
      return compare(index, c.op, c.index) ? T : F;
    case 'enumIn':
      return c.indexes.includes(index) !== c.negated ? T : F;
    case 'known':
      return c.negated ? F : T;
    default:
      throw new Error(`unexpected condition on sex: ${c.k}`);
  }
}

/** Folds constants: all with a false item is false, any with a true item is true, and so on. */
export function simplify(c: Checked): Checked {
  switch (c.k) {
    case 'and':
    case 'or': {
      const absorbing = c.k === 'and' ? F : T;
      const neutral = c.k === 'and' ? T : F;
      const items: Checked[] = [];
      for (const x of c.items.map(simplify)) {
        if (x.k === 'const' && x.truth === absorbing) return { k: 'const', truth: absorbing };
        if (x.k === 'const' && x.truth === neutral) continue;
        items.push(x);
      }
      if (items.length === 0) return { k: 'const', truth: neutral };
      const [only, ...more] = items;
      return only !== undefined && more.length === 0 ? only : { k: c.k, items };
    }
    case 'not': {
      const x = simplify(c.item);
      return x.k === 'const' ? { k: 'const', truth: (2 - x.truth) as Truth } : { k: 'not', item: x };
    }
    case 'during': {
      const x = simplify(c.item);
      return x.k === 'const' ? x : { k: 'during', item: x };
    }
    default:
      return c;
  }
}

/**
 * The condition as it reads for a person of the given sex: sex leaves become true or false, and
 * the definitions that depend on sex are written out in place (the others stay references).
 */
function forSex(c: Checked, sex: Sex, defs: ReadonlyMap<string, Checked>, sexDefs: ReadonlySet<string>): Checked {
  switch (c.k) {
    case 'const':
      return c;
    case 'def':
      return sexDefs.has(c.name) ? forSex(present(defs.get(c.name), `unknown definition ${c.name}`), sex, defs, sexDefs) : c;
    case 'and':
    case 'or':
      return { k: c.k, items: c.items.map((x) => forSex(x, sex, defs, sexDefs)) };
    case 'not':
      return { k: 'not', item: forSex(c.item, sex, defs, sexDefs) };
    case 'during':
      return { k: 'during', item: forSex(c.item, sex, defs, sexDefs) };
    default:
      return isSexLeaf(c) ? { k: 'const', truth: sexLeafTruth(c, sex) } : c;
  }
}

/**
 * The sex-neutral counterfactual of an act: the same conditions applied to everyone. A clause
 * holds for a person when it would hold for them as a woman or as a man (the more favourable
 * reading extended to all: "women aged 50+, men aged 60+" becomes "aged 50+"); an exclusion takes
 * a person only when it would take them whatever their sex. Clauses keep their criteria that do
 * not depend on sex, so almost-eligible findings stay meaningful; the criteria that do are joined
 * into one.
 */
export function sexNeutralPlan(plan: Plan): Plan {
  const sexDefs = sexDefinitions(plan);
  if (sexDefs.size === 0 && !plan.clauses.some((c) => dependsOn(c.condition, sexDefs)) && !plan.exclusions.some((x) => dependsOn(x.condition, sexDefs))) return plan;
  const defs = new Map(plan.definitions.map((d) => [d.name, d.condition]));
  const either = (c: Checked): Checked => simplify({ k: 'or', items: SEXES.map((s) => forSex(c, s, defs, sexDefs)) });
  const both = (c: Checked): Checked => simplify({ k: 'and', items: SEXES.map((s) => forSex(c, s, defs, sexDefs)) });

  const clauses: PlanClause[] = plan.clauses.map((c) => {
    if (!dependsOn(c.condition, sexDefs)) return c;
    const keep = c.criteria.map((x, q) => ({ x, q })).filter(({ x }) => !dependsOn(x, sexDefs));
    const onSex = c.criteria.map((x, q) => ({ x, q })).filter(({ x }) => dependsOn(x, sexDefs));
    const [first, ...more] = onSex;
    if (first === undefined) throw new Error(`clause ${c.id} depends on sex, yet none of its criteria does`);
    const joined = either(more.length === 0 ? first.x : { k: 'and', items: onSex.map(({ x }) => x) });
    const parts = joined.k === 'const' && joined.truth === T ? keep : [...keep, { x: joined, q: first.q }].sort((a, b) => a.q - b.q);
    const criteria = parts.length > 0 ? parts.map(({ x }) => x) : [{ k: 'const', truth: T } as Checked];
    const criteriaPaths = (parts.length > 0 ? parts.map(({ q }) => q) : [0]).map((q) => entryAt(c.criteriaPaths, q, `clause ${c.id}: criterion path`));
    const [onlyCriterion, ...others] = criteria;
    return { ...c, condition: onlyCriterion !== undefined && others.length === 0 ? onlyCriterion : { k: 'and', items: criteria }, criteria, criteriaPaths };
  });
  const exclusions: PlanExclusion[] = plan.exclusions.map((x) => (dependsOn(x.condition, sexDefs) ? { ...x, condition: both(x.condition) } : x));
  return { ...plan, id: `${plan.id}~sex-neutral`, hash: `${plan.hash}~sex-neutral`, clauses, exclusions };
}

/** Release measures: the person leaves the punishment (not a shorter term, not a milder one). */
export function isRelease(m: Measure): boolean {
  return (m.type === 'release' && m.punishment === 'main') || m.type === 'release_from_liability';
}

/**
 * The act with one more criterion on the clauses `which` selects (by default, the releases): a
 * person the criterion does not hold for is no longer covered by those clauses and, under
 * first_match, falls to a later one.
 */
export function withCriterion(plan: Plan, criterion: Checked, suffix: string, which: (c: PlanClause) => boolean = (c) => isRelease(c.measure)): Plan {
  const clauses = plan.clauses.map((c) => {
    if (!which(c)) return c;
    const criteria = [...c.criteria, criterion];
    return { ...c, condition: { k: 'and' as const, items: criteria }, criteria, criteriaPaths: [...c.criteriaPaths, ['impact', suffix]] };
  });
  return { ...plan, id: `${plan.id}~${suffix}`, hash: `${plan.hash}~${suffix}`, clauses };
}
