/**
 * An act written as json-rules-engine rules, evaluated record by record — the per-record engine the
 * benchmark compares the kernel with. Each clause and exclusion becomes a rule over facts computed
 * from the person's record (the catalogue's reference `value` functions); the first-match decision
 * is then read from the events. Two-valued: it is run on registries without unknown values, where
 * it must agree with the kernel on status, measure, clause and exclusion.
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Law } from '../src/law/law.ts';
import type { PersonRecord } from '../src/registry/record.ts';
import type { Checked } from '../src/engine/condition.ts';
import type { ArgValue, FactDef } from '../src/engine/facts.ts';
import { MEASURE_CODES, measureCode, type Plan } from '../src/engine/act/plan.ts';
import { actEnv } from '../src/engine/act/reference.ts';

const OPS: Record<string, string> = { '=': 'equal', '!=': 'notEqual', '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive' };

interface FactUse {
  key: string;
  fact: FactDef;
  arg: ArgValue | null;
  later: boolean;
}

export class JsonRulesAct {
  private readonly uses = new Map<string, FactUse>();
  readonly engine = new Engine([], { allowUndefinedFacts: false });

  constructor(
    private readonly plan: Plan,
    private readonly law: Law,
  ) {
    if (plan.combine !== 'first_match') throw new Error('the json-rules-engine version covers first-match acts');
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
          this.uses.set(key, { key, fact: c.fact, arg: c.arg, later });
          switch (c.k) {
            case 'bool':
              return { fact: key, operator: 'equal', value: true };
            case 'num':
              return { fact: key, operator: OPS[c.op]!, value: c.value };
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
      let v = u.fact.value(p, env, u.arg);
      // enumerations are compared by their index
      if (u.fact.type.kind === 'enum' && typeof v === 'string') v = u.fact.type.values.indexOf(v);
      out[u.key] = v;
    }
    return out;
  }

  /** status (0 not covered, 1 eligible, 2 excluded), measure code, clause, exclusion of one person. */
  async decide(p: PersonRecord, day0: number, dayLater: number): Promise<[number, number, number, number]> {
    if ((p.sentenceEndDay !== null && p.sentenceEndDay <= day0) || (p.sentenceStartDay !== null && p.sentenceStartDay > day0)) return [0, 0, -1, -1];
    const { events } = await this.engine.run(this.facts(p, day0, dayLater));
    let clause = Infinity;
    let exclusion = Infinity;
    for (const e of events) {
      const [kind, idx] = e.type.split(':');
      if (kind === 'clause') clause = Math.min(clause, Number(idx));
      else exclusion = Math.min(exclusion, Number(idx));
    }
    if (clause === Infinity) return [0, 0, -1, -1];
    if (exclusion !== Infinity) return [2, 0, clause, exclusion];
    return [1, measureCode(this.plan.clauses[clause]!.measure), clause, -1];
  }
}

export { MEASURE_CODES };
