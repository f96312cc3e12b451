/**
 * An act written as json-rules-engine rules, evaluated record by record — the per-record engine the
 * benchmark compares the kernel with. Each clause and exclusion becomes a rule over facts computed
 * from the person's record (the catalogue's reference `value` functions); the decision is then read
 * from the events by the act's combination rule — first match, most favourable or all that apply,
 * with overlaps allowed or forbidden — as docs/acts.md states it. Two-valued: it is run on
 * registries without unknown values, where it must agree with the kernel on status, measure,
 * clause and exclusion.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Law } from '../src/law/law.ts';
import type { PersonRecord } from '../src/registry/record.ts';
import type { Checked } from '../src/engine/condition.ts';
import type { ArgValue, FactDef, FactEnv } from '../src/engine/facts/index.ts';
import { relativeDateSign } from '../src/engine/calendar.ts';
import { formatTerm } from '../src/domain/terms.ts';
import { MEASURE_CODES, measureCode, type Plan } from '../src/engine/act/plan.ts';
import { actEnv, favour, remit, sentenceOf } from '../src/engine/act/reference.ts';

/** Statuses as decide() returns them (the indexes of STATUSES). */
export const JRE_STATUS = { not_covered: 0, eligible: 1, excluded: 2, needs_review: 3 } as const;

const OPS: Record<string, string> = { '=': 'equal', '!=': 'notEqual', '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' };

interface FactUse {
  key: string;
  fact: FactDef;
  arg: ArgValue | null;
  later: boolean;
  /** For comparisons made on the calendar (served_fraction, terms, relative dates) or with a law parameter: the sign computed per record, -2 unknown. */
  sign?: (p: PersonRecord, env: FactEnv) => number;
}

export class JsonRulesAct {
  private readonly uses = new Map<string, FactUse>();
  readonly engine = new Engine([], { allowUndefinedFacts: false });

  constructor(
    private readonly plan: Plan,
    private readonly law: Law,
  ) {
    const rules: readonly string[] = ['first_match', 'most_favourable', 'all_that_apply'] satisfies Plan['combine'][];
    if (!rules.includes(plan.combine)) throw new Error(`the json-rules-engine version has no combination rule ${String(plan.combine)}`);
    const defs = new Map(plan.definitions.map((d) => [d.name, d.condition]));
    const toRule = (c: Checked, later: boolean): NestedCondition => {
      switch (c.k) {
        case 'const':
          return { fact: 'const_true', operator: 'equal', value: c.truth === 2 };
        case 'def':
          return toRule(defs.get(c.name)!, later);
        case 'during':
          // facts under `during` decide on the day of entry into force (the later day only marks "almost eligible")
          return toRule(c.item, later);
        case 'not':
          return { not: toRule(c.item, later) };
        case 'and':
          return { all: c.items.map((x) => toRule(x, later)) };
        case 'or':
          return { any: c.items.map((x) => toRule(x, later)) };
        default: {
          const key = `${c.fact.name}${c.arg === null ? '' : `(${c.arg})`}${later ? '@later' : ''}`;
          // comparisons that are not of a plain value with a constant become a sign fact, compared with 0
          const signFact = (suffix: string, op: string, sign: (p: PersonRecord, env: FactEnv) => number): NestedCondition => {
            const k = `${key}~${suffix}`;
            this.uses.set(k, { key: k, fact: c.fact, arg: c.arg, later, sign });
            return { fact: k, operator: OPS[op]!, value: 0 };
          };
          if (c.k === 'num' && c.fact.fractionSign && c.value.kind === 'const') {
            const f = c.value.frac;
            return signFact(`${f.num}/${f.den}`, c.op, (p, env) => c.fact.fractionSign!.reference(p, env, f));
          }
          if (c.k === 'num' && c.value.kind === 'law') {
            const name = c.value.name;
            return signFact(`law.${name}`, c.op, (p, env) => {
              const v = c.fact.reference(p, env, c.arg);
              return typeof v !== 'number' ? -2 : Math.sign(v - env.parameters.value(name, env.paramDay ?? env.asOfDay));
            });
          }
          if (c.k === 'term') return signFact(formatTerm(c.term), c.op, (p, env) => c.fact.termSign!.reference(p, env, c.term));
          if (c.k === 'relDate') {
            const shift = c.shift;
            return signFact(`day${shift.amount}${shift.unit}`, c.op, (p, env) => {
              const v = c.fact.ymd!.reference(p);
              return v === null ? -2 : relativeDateSign(v, env.asOfDay, shift.unit, shift.amount);
            });
          }
          this.uses.set(key, { key, fact: c.fact, arg: c.arg, later });
          switch (c.k) {
            case 'bool':
              return { fact: key, operator: 'equal', value: true };
            case 'num':
              return { fact: key, operator: OPS[c.op]!, value: c.value.kind === 'const' ? c.value.value : NaN };
            case 'numIn':
              return { fact: key, operator: c.negated ? 'notIn' : 'in', value: c.values };
            case 'enum':
              return { fact: key, operator: OPS[c.op]!, value: c.index };
            case 'enumIn':
              return { fact: key, operator: c.negated ? 'notIn' : 'in', value: c.indexes };
            case 'str':
              return { fact: key, operator: c.negated ? 'notIn' : 'in', value: c.values };
            case 'known':
              return { fact: key, operator: c.negated ? 'equal' : 'notEqual', value: null };
          }
        }
      }
    };
    const top = (c: NestedCondition): TopLevelCondition => ('all' in c || 'any' in c || 'not' in c ? (c as TopLevelCondition) : { all: [c] });
    plan.clauses.forEach((cl) => this.engine.addRule({ name: `clause:${cl.index}`, conditions: top(toRule(cl.condition, false)), event: { type: `clause:${cl.index}` } }));
    plan.exclusions.forEach((x) => this.engine.addRule({ name: `exclusion:${x.index}`, conditions: top(toRule(x.condition, false)), event: { type: `exclusion:${x.index}` } }));
  }

  /** The facts of one record, computed as the engine would be given them. */
  private facts(p: PersonRecord, day0: number, later: number): Record<string, unknown> {
    const now = actEnv(this.law, day0);
    const then = actEnv(this.law, day0, later);
    const out: Record<string, unknown> = { const_true: true };
    for (const u of this.uses.values()) {
      const env = u.later ? { ...then, asOfYmd: then.duringYmd, asOfDay: then.duringDay } : now;
      if (u.sign) {
        out[u.key] = u.sign(p, { ...env, paramDay: day0 });
        continue;
      }
      let v = u.fact.reference(p, env, u.arg);
      // enumerations are compared by their index
      if (u.fact.type.kind === 'enum' && typeof v === 'string') v = u.fact.type.values.indexOf(v);
      out[u.key] = v;
    }
    return out;
  }

  /**
   * status (JRE_STATUS), measure code, clause, exclusion of one person. needs_review arises only
   * from an overlap the act forbids (there is no unknown value to make a clause undecided).
   */
  async decide(p: PersonRecord, day0: number, dayLater: number): Promise<[number, number, number, number]> {
    if ((p.sentenceEndDay !== null && p.sentenceEndDay <= day0) || (p.sentenceStartDay !== null && p.sentenceStartDay > day0)) return [JRE_STATUS.not_covered, 0, -1, -1];
    const { events } = await this.engine.run(this.facts(p, day0, dayLater));
    const holding: number[] = [];
    let exclusion = Infinity;
    for (const e of events) {
      const [kind, idx] = e.type.split(':');
      if (kind === 'clause') holding.push(Number(idx));
      else exclusion = Math.min(exclusion, Number(idx));
    }
    if (holding.length === 0) return [JRE_STATUS.not_covered, 0, -1, -1];
    holding.sort((a, b) => a - b);
    const first = holding[0]!;
    const code = (j: number) => measureCode(this.plan.clauses[j]!.measure);
    // Exclusions are read once a clause holds; the clause recorded is the first that holds.
    if (exclusion !== Infinity) return [JRE_STATUS.excluded, 0, first, exclusion];
    if (this.plan.overlapForbidden && holding.some((j) => code(j) !== code(first))) return [JRE_STATUS.needs_review, 0, first, -1];
    let chosen = first;
    if (this.plan.combine !== 'first_match') {
      // the most favourable measure: releases first, then the most days remitted; the earliest on a tie
      let best = -Infinity;
      for (const j of holding) {
        const m = this.plan.clauses[j]!.measure;
        const score = favour(m, remit(m, sentenceOf(p), day0).days);
        if (score > best) {
          best = score;
          chosen = j;
        }
      }
    }
    return [JRE_STATUS.eligible, code(chosen), chosen, -1];
  }
}

export { MEASURE_CODES };
