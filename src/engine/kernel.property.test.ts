/**
 * Property tests: the generated kernel (over the registry's columns) and the reference interpreter
 * (over one PersonRecord) give the same truth for every person, for random persons with unknown
 * fields, random checked conditions and definitions, and random evaluation dates. Also: the
 * columnar registry gives back exactly the records it was built from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ymdOfDay } from '../domain/dates.ts';
import type { PersonRecord } from '../registry/record.ts';
import { registryOf } from '../registry/registry.ts';
import { checkCondition, factsUsed, orderDefinitions, type CheckContext, type Checked, type ConditionError, type ConditionSource } from './condition.ts';
import { FACTS, type FactEnv } from './facts/index.ts';
import { interpret } from './interpret.ts';
import { compileConditions } from './kernel.ts';

import { code, conditionArb, generatedLeaf, law, LEAVES, NUM_RUNS, personsArb, scenarioArb, asOfArb } from './testing/arbitraries.ts';

function checked(source: ConditionSource, definitions: Iterable<string>, path: (string | number)[]): Checked {
  const ctx: CheckContext = { law: code, definitions: new Set(definitions), lawParameters: law.parameters };
  const errors: ConditionError[] = [];
  const c = checkCondition(source, path, ctx, errors);
  expect(errors).toEqual([]);
  return c;
}

function envOf(asOfDay: number): FactEnv {
  return { asOfYmd: ymdOfDay(asOfDay), asOfDay, law: code, parameters: law.parameters };
}

/** Runs the kernel and compares every output for every person with the interpreter. */
function assertAgree(
  persons: PersonRecord[],
  outputs: { name: string; condition: Checked }[],
  definitions: { name: string; condition: Checked }[],
  asOfDay: number,
): void {
  const registry = registryOf(code, persons);
  const kernel = compileConditions(outputs, definitions, code, law.parameters);
  const out = kernel.run(registry, asOfDay);
  const env = envOf(asOfDay);
  const defs = new Map(definitions.map((d) => [d.name, d.condition]));
  outputs.forEach((o, j) => {
    for (let i = 0; i < registry.size; i++) {
      const expected = interpret(o.condition, registry.record(i), env, defs);
      if (out[j]![i] !== expected)
        expect.fail(`output ${o.name}, person ${i} on day ${asOfDay}: kernel ${out[j]![i]}, interpreter ${expected}\nperson: ${JSON.stringify(persons[i])}`);
    }
  });
}

// ---------------------------------------------------------------- properties

describe('the pool of leaves', () => {
  it('covers every fact of the catalogue and checks without errors', () => {
    const used = new Set<string>();
    LEAVES.forEach((text, i) => {
      for (const u of factsUsed(checked(text, [], ['leaves', i]))) used.add(u.fact.name);
    });
    expect([...used].sort()).toEqual(FACTS.map((f) => f.name).sort());
  });

  it('generated leaves check without errors', () => {
    fc.assert(
      fc.property(generatedLeaf, (text) => {
        checked(text, [], ['leaf']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('kernel = interpreter', () => {
  it('for random persons, conditions and dates', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(conditionArb(4), { minLength: 1, maxLength: 4 }), ({ persons, asOfDay }, sources) => {
        const outputs = sources.map((s, j) => ({ name: `o${j}`, condition: checked(s, [], ['outputs', j]) }));
        assertAgree(persons, outputs, [], asOfDay);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('with definitions that use facts and each other', () => {
    const defsArb = fc.integer({ min: 2, max: 3 }).chain((n) => {
      const names = Array.from({ length: n }, (_, k) => `def_${k}`);
      // def_k may use def_0 … def_{k-1}: no cycles.
      const bodies = fc.tuple(...names.map((_, k) => conditionArb(3, names.slice(0, k))));
      const outputs = fc.array(conditionArb(3, names), { minLength: 1, maxLength: 4 });
      return fc.record({ names: fc.constant(names), bodies, outputs, shuffle: fc.shuffledSubarray(names, { minLength: n, maxLength: n }) });
    });
    fc.assert(
      fc.property(scenarioArb, defsArb, ({ persons, asOfDay }, { names, bodies, outputs, shuffle }) => {
        const bodyOf = new Map(names.map((nm, k) => [nm, checked(bodies[k]!, names, ['definitions', nm])]));
        // Given in a random order; orderDefinitions puts each after those it uses.
        const errors: ConditionError[] = [];
        const shuffled = new Map(shuffle.map((nm) => [nm, bodyOf.get(nm)!]));
        const order = orderDefinitions(shuffled, (nm) => ['definitions', nm], errors);
        expect(errors).toEqual([]);
        const definitions = order.map((nm) => ({ name: nm, condition: bodyOf.get(nm)! }));
        const outs = outputs.map((s, j) => ({ name: `o${j}`, condition: checked(s, names, ['outputs', j]) }));
        assertAgree(persons, outs, definitions, asOfDay);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('on a range of rows, the kernel writes only that range', () => {
    fc.assert(
      fc.property(scenarioArb, conditionArb(3), fc.nat(), fc.nat(), ({ persons, asOfDay }, source, a, b) => {
        const registry = registryOf(code, persons);
        const start = a % (registry.size + 1);
        const end = start + (b % (registry.size - start + 1));
        const kernel = compileConditions([{ name: 'o', condition: checked(source, [], ['o']) }], [], code, law.parameters);
        const whole = kernel.run(registry, asOfDay)[0]!;
        const part = kernel.run(registry, asOfDay, { start, end }, [new Uint8Array(registry.size).fill(7)])[0]!;
        for (let i = 0; i < registry.size; i++) expect(part[i]).toBe(i >= start && i < end ? whole[i] : 7);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the columnar registry', () => {
  it('gives back every record exactly (unknown stays unknown)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ persons }) => {
        const registry = registryOf(code, persons);
        expect(registry.size).toBe(persons.length);
        persons.forEach((p, i) => {
          expect(registry.record(i)).toStrictEqual(p);
          expect(registry.indexOf(p.personId)).toBe(i);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
