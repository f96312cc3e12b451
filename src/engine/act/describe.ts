/** A checked condition written back in the condition language, for explanations and messages. */
import { formatIsoDate } from '../../domain/dates.ts';
import type { Checked } from '../condition.ts';
import type { ArgValue, FactDef } from '../facts/index.ts';
import { formatTerm } from '../../domain/terms.ts';

function fact(f: FactDef, arg: ArgValue | null): string {
  return arg === null ? f.name : `${f.name}(${arg})`;
}

function value(f: FactDef, v: number): string {
  return f.type.kind === 'date' ? formatIsoDate(v) : String(v);
}

function enumValue(f: FactDef, index: number): string {
  return f.type.kind === 'enum' ? (f.type.values[index] ?? String(index)) : String(index);
}

export function describeCondition(c: Checked): string {
  switch (c.k) {
    case 'const':
      return c.truth === 2 ? 'true' : c.truth === 0 ? 'false' : 'unknown';
    case 'def':
      return c.name;
    case 'not':
      return c.item.k === 'bool' || c.item.k === 'def' ? `not ${describeCondition(c.item)}` : `not (${describeCondition(c.item)})`;
    case 'during':
      return `during execution period: ${describeCondition(c.item)}`;
    case 'and':
    case 'or':
      return `${c.k === 'and' ? 'all' : 'any'}(${c.items.map(describeCondition).join('; ')})`;
    case 'bool':
      return fact(c.fact, c.arg);
    case 'num':
      return `${fact(c.fact, c.arg)} ${c.op} ${c.value.kind === 'law' ? `law.${c.value.name}` : c.value.frac.den !== 1 && c.fact.type.kind === 'number' ? `${c.value.frac.num}/${c.value.frac.den}` : value(c.fact, c.value.value)}`;
    case 'term':
      return `${fact(c.fact, c.arg)} ${c.op} ${formatTerm(c.term)}`;
    case 'relDate':
      return `${fact(c.fact, c.arg)} ${c.op} day ${c.shift.amount < 0 ? '-' : '+'} ${c.shift.unit === 'days' ? `${Math.abs(c.shift.amount)}d` : formatTerm({ months: Math.abs(c.shift.amount), days: 0 })}`;
    case 'numIn':
      return `${fact(c.fact, c.arg)} ${c.negated ? 'not in' : 'in'} [${c.values.map((v) => value(c.fact, v)).join(', ')}]`;
    case 'enum':
      return `${fact(c.fact, c.arg)} ${c.op} ${enumValue(c.fact, c.index)}`;
    case 'enumIn':
      return `${fact(c.fact, c.arg)} ${c.negated ? 'not in' : 'in'} [${c.indexes.map((i) => enumValue(c.fact, i)).join(', ')}]`;
    case 'str':
      return c.values.length === 1 ? `${fact(c.fact, c.arg)} ${c.negated ? '!=' : '='} '${c.values[0]}'` : `${fact(c.fact, c.arg)} ${c.negated ? 'not in' : 'in'} [${c.values.map((v) => `'${v}'`).join(', ')}]`;
    case 'known':
      return `${fact(c.fact, c.arg)} is ${c.negated ? 'unknown' : 'known'}`;
  }
}
