/**
 * The reference interpreter: deliberately simple, one person at a time, over the person's record
 * (not the columns), with no generated code. It is the second implementation the kernel is tested
 * against, and it is what explanations use.
 */
import type { Checked, Truth } from './condition.ts';
import { paramDayOf, type FactEnv, type FactValue } from './facts/index.ts';
import { relativeDateSign } from './calendar.ts';
import type { PersonRecord } from '../registry/record.ts';

/** A comparison of the condition language on numbers (dates as day numbers, enumerations by index). */
export const compare = (a: number, op: string, b: number): boolean => {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
};

const truth = (b: boolean): Truth => (b ? 2 : 0);

function isUnknown(v: FactValue): boolean {
  return v === null || (typeof v === 'number' && Number.isNaN(v));
}

export function interpret(c: Checked, p: PersonRecord, env: FactEnv, definitions: ReadonlyMap<string, Checked>): Truth {
  switch (c.k) {
    case 'const':
      return c.truth;
    case 'def': {
      const d = definitions.get(c.name);
      if (!d) throw new Error(`unknown definition ${c.name}`);
      return interpret(d, p, env, definitions);
    }
    case 'not':
      return (2 - interpret(c.item, p, env, definitions)) as Truth;
    case 'during': {
      const later = env.duringDay === undefined || env.duringYmd === undefined ? env : { ...env, asOfYmd: env.duringYmd, asOfDay: env.duringDay, paramDay: paramDayOf(env) };
      return interpret(c.item, p, later, definitions);
    }
    case 'and': {
      let r: Truth = 2;
      for (const x of c.items) {
        const v = interpret(x, p, env, definitions);
        if (v < r) r = v;
        if (r === 0) break;
      }
      return r;
    }
    case 'or': {
      let r: Truth = 0;
      for (const x of c.items) {
        const v = interpret(x, p, env, definitions);
        if (v > r) r = v;
        if (r === 2) break;
      }
      return r;
    }
    default:
      return interpretLeaf(c, p, env);
  }
}

/** A leaf: a fact compared, tested or asked whether known, on the day of `env`. */
function interpretLeaf(c: Extract<Checked, { fact: unknown }>, p: PersonRecord, env: FactEnv): Truth {
  switch (c.k) {
    case 'known': {
      const v = c.fact.reference(p, env, c.arg);
      return truth(isUnknown(v) === c.negated);
    }
    case 'bool': {
      const v = c.fact.reference(p, env, c.arg);
      return v === null ? 1 : truth(v === true);
    }
    case 'num': {
      if (c.fact.fractionSign && c.value.kind === 'const') {
        const sign = c.fact.fractionSign.reference(p, env, c.value.frac);
        return sign === -2 ? 1 : truth(compare(sign, c.op, 0));
      }
      const v = c.fact.reference(p, env, c.arg);
      // a law parameter is read on the day of entry into force, also inside `during`
      const value = c.value.kind === 'law' ? env.parameters.value(c.value.name, paramDayOf(env)) : c.value.value;
      return isUnknown(v) ? 1 : truth(compare(v as number, c.op, value));
    }
    case 'term': {
      if (!c.fact.termSign) throw new Error(`${c.fact.name} is not a term fact`);
      const sign = c.fact.termSign.reference(p, env, c.term);
      return sign === -2 ? 1 : truth(compare(sign, c.op, 0));
    }
    case 'relDate': {
      if (!c.fact.ymd) throw new Error(`${c.fact.name} has no date to compare`);
      const v = c.fact.ymd.reference(p);
      return v === null ? 1 : truth(compare(relativeDateSign(v, env.asOfDay, c.shift.unit, c.shift.amount), c.op, 0));
    }
    case 'numIn': {
      const v = c.fact.reference(p, env, c.arg);
      return isUnknown(v) ? 1 : truth(c.values.includes(v as number) !== c.negated);
    }
    case 'enum': {
      const v = c.fact.reference(p, env, c.arg);
      if (v === null || c.fact.type.kind !== 'enum') return 1;
      return truth(compare(c.fact.type.values.indexOf(v as string), c.op, c.index));
    }
    case 'enumIn': {
      const v = c.fact.reference(p, env, c.arg);
      if (v === null || c.fact.type.kind !== 'enum') return 1;
      return truth(c.indexes.includes(c.fact.type.values.indexOf(v as string)) !== c.negated);
    }
    case 'str': {
      const v = c.fact.reference(p, env, c.arg);
      return v === null ? 1 : truth(c.values.includes(v as string) !== c.negated);
    }
  }
}
