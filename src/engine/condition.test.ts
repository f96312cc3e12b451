/**
 * Hand-checkable tests of the condition language: leaf parsing and checking, errors with their
 * JSON path and column, and three-valued evaluation by the compiled kernel and the reference
 * interpreter on a handful of hand-written persons.
 */
import { describe, expect, it } from 'vitest';
import { dayOfYmd, isoDay, ymdOfDay } from '../domain/dates.ts';
import { loadLaw } from '../law/law.ts';
import type { PersonRecord } from '../registry/record.ts';
import { registryOf } from '../registry/registry.ts';
import { checkCondition, F, orderDefinitions, T, U, type CheckContext, type Checked, type ConditionError, type ConditionSource, type Truth } from './condition.ts';
import { interpret } from './interpret.ts';
import { compileConditions } from './kernel.ts';
import { testPerson } from './testing/person.ts';
import { renderMessage } from '../i18n/message.ts';

/** An error with its message in English, for assertions on its words. */
const inEnglish = (e: ConditionError) => ({ ...e, message: renderMessage(e.message, 'en') });

const law = loadLaw();
const code = law.criminalCode;
const DEFS = ['socially_vulnerable', 'elderly'];
const ctx: CheckContext = { law: code, definitions: new Set(DEFS) };

/** Checks a condition that must be valid. */
function check(source: ConditionSource): Checked {
  const errors: ConditionError[] = [];
  const c = checkCondition(source, ['c'], ctx, errors);
  expect(errors).toEqual([]);
  return c;
}

/** Checks a condition that must be invalid; returns its errors. */
function errorsOf(source: unknown, path: (string | number)[] = ['acts', 0, 'condition']): ReturnType<typeof inEnglish>[] {
  const errors: ConditionError[] = [];
  const c = checkCondition(source, path, ctx, errors);
  expect(errors.length).toBeGreaterThan(0);
  // An invalid part is replaced by unknown, never by true or false.
  expect(c).toBeDefined();
  return errors.map(inEnglish);
}

function partIndex(id: string): number {
  const p = code.part(id);
  if (!p) throw new Error(`no part ${id} in the table`);
  return p.index;
}

// ---------------------------------------------------------------- leaves

describe('leaf parsing and checking', () => {
  it('age >= 50', () => {
    expect(check('age >= 50')).toMatchObject({ k: 'num', fact: { name: 'age' }, arg: null, op: '>=', value: { kind: 'const', value: 50 } });
  });

  it('sex = F and the Cyrillic alias sex = Ж', () => {
    expect(check('sex = F')).toMatchObject({ k: 'enum', fact: { name: 'sex' }, op: '=', index: 0 });
    expect(check('sex = Ж')).toMatchObject({ k: 'enum', fact: { name: 'sex' }, op: '=', index: 0 });
    expect(check('sex = М')).toMatchObject({ k: 'enum', fact: { name: 'sex' }, op: '=', index: 1 });
  });

  it('gravity in [minor, medium]', () => {
    expect(check('gravity in [minor, medium]')).toMatchObject({ k: 'enumIn', fact: { name: 'gravity' }, indexes: [1, 2], negated: false });
  });

  it('gravity <= СТ (alias of medium, ordered)', () => {
    expect(check('gravity <= СТ')).toMatchObject({ k: 'enum', fact: { name: 'gravity' }, op: '<=', index: 2 });
    expect(check('gravity > ОТ')).toMatchObject({ k: 'enum', op: '>', index: 4 });
  });

  it('not violent', () => {
    expect(check('not violent')).toMatchObject({ k: 'not', item: { k: 'bool', fact: { name: 'violent' }, arg: null } });
  });

  it('boolean fact compared with true / false', () => {
    expect(check('violent = true')).toMatchObject({ k: 'bool', fact: { name: 'violent' } });
    expect(check('violent = false')).toMatchObject({ k: 'not', item: { k: 'bool', fact: { name: 'violent' } } });
    expect(check('violent != false')).toMatchObject({ k: 'bool', fact: { name: 'violent' } });
  });

  it('has_tag(corruption)', () => {
    expect(check('has_tag(corruption)')).toMatchObject({ k: 'bool', fact: { name: 'has_tag' }, arg: 'corruption' });
  });

  it('has_article(188) and has_article(188-2)', () => {
    expect(check('has_article(188)')).toMatchObject({ k: 'bool', fact: { name: 'has_article' }, arg: '188' });
    expect(check('has_article(188-2)')).toMatchObject({ k: 'bool', fact: { name: 'has_article' }, arg: '188-2' });
  });

  it('children_under(3) >= 1', () => {
    expect(check('children_under(3) >= 1')).toMatchObject({ k: 'num', fact: { name: 'children_under' }, arg: 3, op: '>=', value: { kind: 'const', value: 1 } });
  });

  it('pregnant is unknown / is known', () => {
    expect(check('pregnant is unknown')).toMatchObject({ k: 'known', fact: { name: 'pregnant' }, negated: true });
    expect(check('pregnant is known')).toMatchObject({ k: 'known', fact: { name: 'pregnant' }, negated: false });
  });

  it("facility = 'W-01'", () => {
    expect(check("facility = 'W-01'")).toMatchObject({ k: 'str', fact: { name: 'facility' }, values: ['W-01'], negated: false });
    expect(check('facility != "W-01"')).toMatchObject({ k: 'str', values: ['W-01'], negated: true });
  });

  it('custody not in [institution]', () => {
    expect(check('custody not in [institution]')).toMatchObject({ k: 'enumIn', fact: { name: 'custody' }, indexes: [0], negated: true });
    expect(check('custody = СП')).toMatchObject({ k: 'enum', fact: { name: 'custody' }, op: '=', index: 1 });
  });

  it('offence_date < 2025-06-23', () => {
    expect(check('offence_date < 2025-06-23')).toMatchObject({ k: 'num', fact: { name: 'offence_date' }, op: '<', value: { kind: 'const', value: isoDay('2025-06-23') } });
  });

  it('definitions referenced by name (alone and with not)', () => {
    expect(check('socially_vulnerable')).toEqual({ k: 'def', name: 'socially_vulnerable' });
    expect(check('not elderly')).toEqual({ k: 'not', item: { k: 'def', name: 'elderly' } });
  });

  it('true / false, as text and as YAML booleans', () => {
    expect(check('true')).toEqual({ k: 'const', truth: T });
    expect(check('false')).toEqual({ k: 'const', truth: F });
    expect(check(true)).toEqual({ k: 'const', truth: T });
    expect(check(false)).toEqual({ k: 'const', truth: F });
  });

  it('all / any / not maps', () => {
    const c = check({ all: ['sex = F', { any: ['age >= 50', 'pregnant'] }, { not: 'has_tag(corruption)' }] });
    expect(c).toMatchObject({
      k: 'and',
      items: [{ k: 'enum' }, { k: 'or', items: [{ k: 'num' }, { k: 'bool' }] }, { k: 'not', item: { k: 'bool', arg: 'corruption' } }],
    });
  });
});

// ---------------------------------------------------------------- errors

describe('errors carry the JSON path and the column in the leaf', () => {
  const at = ['acts', 0, 'condition'];

  it('unknown fact: the message names it', () => {
    const [e] = errorsOf('agee >= 50');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(1);
    expect(e!.message).toContain('agee');
    expect(e!.message).toContain('unknown fact');
  });

  it('unknown fact deep inside all / any', () => {
    const errors = errorsOf({ all: ['age >= 50', { any: ['pregnant', 'sex = F', 'age >= 50 and'] }, 'wealthy'] });
    expect(errors.map((e) => [e.path, e.column])).toEqual([
      [[...at, 'all', 1, 'any', 2], 11],
      [[...at, 'all', 2], 1],
    ]);
    expect(errors[1]!.message).toContain('wealthy');
  });

  it('wrong value type: age = F', () => {
    const [e] = errorsOf('age = F');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(7);
    expect(e!.message).toContain('number');
  });

  it('a date fact compared with a number', () => {
    const [e] = errorsOf('offence_date < 2025');
    expect(e!.column).toBe(16);
    expect(e!.message).toContain('date');
  });

  it('operator not allowed: custody < institution (no order)', () => {
    const [e] = errorsOf('custody < institution');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(9);
    expect(e!.message).toContain('no order');
  });

  it('operator not allowed: pregnant > 1 (boolean)', () => {
    const [e] = errorsOf('pregnant > 1');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(10);
    expect(e!.message).toContain('true or false');
  });

  it('unknown enumeration value: gravity = huge', () => {
    const [e] = errorsOf('gravity = huge');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(11);
    expect(e!.message).toContain('huge');
  });

  it('unknown tag: has_tag(bribery)', () => {
    const [e] = errorsOf('has_tag(bribery)');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(9);
    expect(e!.message).toContain('unknown tag bribery');
  });

  it('unknown article: has_article(9999), and an unknown part', () => {
    const [e] = errorsOf('has_article(9999)');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(13);
    expect(e!.message).toContain('9999');
    const [e2] = errorsOf('has_article(188-9)');
    expect(e2!.column).toBe(13);
    expect(e2!.message).toContain('188-9');
  });

  it('missing argument: children_under >= 1', () => {
    const [e] = errorsOf('children_under >= 1');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(16);
    expect(e!.message).toContain('needs an argument');
  });

  it('argument out of range and argument to a fact that takes none', () => {
    expect(errorsOf('children_under(0) >= 1')[0]!.column).toBe(16);
    expect(errorsOf('age(3) >= 1')[0]!.column).toBe(4);
  });

  it('a non-boolean fact alone, and "not" before a comparison', () => {
    expect(errorsOf('age')[0]!.column).toBe(4);
    expect(errorsOf('not age >= 50')[0]!.column).toBe(1);
  });

  it('a name (facility, region) given as a number or a date, with = or in', () => {
    const [e] = errorsOf('facility in [2025-01-01]');
    expect(e!.path).toEqual(at);
    expect(e!.column).toBe(14);
    expect(e!.message).toContain('quote it');
    expect(errorsOf("region in ['Астана', 1]")[0]!.column).toBe(22);
    expect(errorsOf('facility = 1')[0]!.column).toBe(12);
    // Quoted, the same texts are names.
    expect(check("facility in ['2025-01-01', '1']")).toMatchObject({ k: 'str', values: ['2025-01-01', '1'], negated: false });
  });

  it('a map with two keys', () => {
    const [e] = errorsOf({ all: ['pregnant'], any: ['veteran'] });
    expect(e!.path).toEqual(at);
    expect(e!.column).toBeNull();
    expect(e!.message).toContain('exactly one key');
  });

  it('an empty all', () => {
    const [e] = errorsOf({ any: ['pregnant', { all: [] }] });
    expect(e!.path).toEqual([...at, 'any', 1, 'all']);
    expect(e!.column).toBeNull();
    expect(e!.message).toContain('non-empty');
  });

  it('a definition cycle (orderDefinitions)', () => {
    const cyc: CheckContext = { law: code, definitions: new Set(['a', 'b', 'c']) };
    const errors: ConditionError[] = [];
    const defs = new Map<string, Checked>([
      ['a', checkCondition({ all: ['pregnant', 'b'] }, ['definitions', 'a'], cyc, errors)],
      ['b', checkCondition({ not: 'a' }, ['definitions', 'b'], cyc, errors)],
      ['c', checkCondition('veteran', ['definitions', 'c'], cyc, errors)],
    ]);
    expect(errors).toEqual([]);
    orderDefinitions(defs, (name) => ['definitions', name], errors);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toEqual(['definitions', 'a']);
    expect(errors[0]!.column).toBeNull();
    expect(inEnglish(errors[0]!).message).toContain('a → b → a');
  });

  it('definitions without a cycle come in dependency order', () => {
    const c2: CheckContext = { law: code, definitions: new Set(['x', 'y', 'z']) };
    const errors: ConditionError[] = [];
    const defs = new Map<string, Checked>([
      ['z', checkCondition({ any: ['x', 'y'] }, ['definitions', 'z'], c2, errors)],
      ['y', checkCondition('not x', ['definitions', 'y'], c2, errors)],
      ['x', checkCondition('pregnant', ['definitions', 'x'], c2, errors)],
    ]);
    expect(orderDefinitions(defs, (n) => ['definitions', n], errors)).toEqual(['x', 'y', 'z']);
    expect(errors).toEqual([]);
  });
});

// ---------------------------------------------------------------- evaluation

let nextId = 0;
/** A full PersonRecord with known, unremarkable defaults (a man; see testPerson for the rest). */
function person(overrides: Partial<PersonRecord> = {}): PersonRecord {
  return testPerson(code, {
    personId: `P${++nextId}`,
    iin: '800101300123',
    lastName: 'Иванов',
    firstName: 'Иван',
    middleName: 'Иванович',
    sex: 'M',
    facility: 'W-01',
    region: 'Астана',
    offenceDay: isoDay('2020-03-01'),
    sentenceStartDay: isoDay('2021-01-01'),
    sentenceEndDay: isoDay('2027-01-01'),
    imposedTermMonths: 72,
    behaviour: 'positive',
    ...overrides,
  });
}

/**
 * Evaluates named conditions over the persons with the compiled kernel, checks that the reference
 * interpreter agrees person by person, and returns the truths per condition name.
 */
function evaluate(records: PersonRecord[], conditions: Record<string, ConditionSource>, asOf: string, definitions: Record<string, ConditionSource> = {}): Record<string, Truth[]> {
  const c: CheckContext = { law: code, definitions: new Set([...Object.keys(definitions)]) };
  const errors: ConditionError[] = [];
  const defs = new Map(Object.entries(definitions).map(([name, src]) => [name, checkCondition(src, ['definitions', name], c, errors)]));
  const order = orderDefinitions(defs, (n) => ['definitions', n], errors);
  const outputs = Object.entries(conditions).map(([name, src]) => ({ name, condition: checkCondition(src, ['conditions', name], c, errors) }));
  expect(errors).toEqual([]);
  const registry = registryOf(code, records);
  const day = isoDay(asOf);
  const kernel = compileConditions(
    outputs,
    order.map((name) => ({ name, condition: defs.get(name)! })),
    code,
    law.parameters,
  );
  const out = kernel.run(registry, day);
  const env = { asOfYmd: ymdOfDay(day), asOfDay: day, law: code, parameters: law.parameters };
  const result: Record<string, Truth[]> = {};
  outputs.forEach((o, j) => {
    const compiled = Array.from(out[j]!) as Truth[];
    const reference = records.map((_, i) => interpret(o.condition, registry.record(i), env, defs));
    expect(compiled, `kernel vs interpreter for ${o.name}`).toEqual(reference);
    result[o.name] = compiled;
  });
  return result;
}

describe('three-valued logic', () => {
  // 0: pregnant known true; 1: pregnant known false; 2: pregnant unknown.
  const people = [
    person({ sex: 'F', pregnant: true }),
    person({ sex: 'F', pregnant: false }),
    person({ sex: 'F', pregnant: null }),
  ];

  it('constants with an unknown fact (Kleene): F∧U=F, T∧U=U, T∨U=T, F∨U=U, ¬U=U', () => {
    const r = evaluate(
      people,
      {
        fAndX: { all: [false, 'pregnant'] },
        tAndX: { all: [true, 'pregnant'] },
        tOrX: { any: [true, 'pregnant'] },
        fOrX: { any: [false, 'pregnant'] },
        notX: { not: 'pregnant' },
        notLeafX: 'not pregnant',
      },
      '2025-06-23',
    );
    expect(r.fAndX).toEqual([F, F, F]);
    expect(r.tAndX).toEqual([T, F, U]);
    expect(r.tOrX).toEqual([T, T, T]);
    expect(r.fOrX).toEqual([T, F, U]);
    expect(r.notX).toEqual([F, T, U]);
    expect(r.notLeafX).toEqual([F, T, U]);
  });

  it('with facts on both sides, order of the items does not matter', () => {
    const r = evaluate(
      people,
      {
        uAndF: { all: ['pregnant', 'sex = M'] },
        fAndU: { all: ['sex = M', 'pregnant'] },
        uAndT: { all: ['pregnant', 'sex = Ж'] },
        uOrT: { any: ['pregnant', 'sex = F'] },
        uOrF: { any: ['pregnant', 'sex = M'] },
        uAndU: { all: ['pregnant', { not: 'pregnant' }] },
        uOrU: { any: ['pregnant', { not: 'pregnant' }] },
      },
      '2025-06-23',
    );
    expect(r.uAndF).toEqual([F, F, F]);
    expect(r.fAndU).toEqual([F, F, F]);
    expect(r.uAndT).toEqual([T, F, U]);
    expect(r.uOrT).toEqual([T, T, T]);
    expect(r.uOrF).toEqual([T, F, U]);
    // Kleene logic is not classical: p ∧ ¬p is unknown (not false) when p is unknown.
    expect(r.uAndU).toEqual([F, F, U]);
    expect(r.uOrU).toEqual([T, T, U]);
  });

  it('a comparison with an unknown fact is unknown, either way round', () => {
    const known = person({ sex: 'F', birthYmd: 19700101, articles: [partIndex('361-1')], childrenBirthYmd: [], offenceDay: isoDay('2020-01-01') });
    const unknown = person({
      sex: null,
      birthYmd: null,
      custody: null,
      facility: null,
      articles: null,
      childrenBirthYmd: null,
      offenceDay: null,
      priorConvictions: null,
      disabilityGroup: null,
    });
    const r = evaluate(
      [known, unknown],
      {
        ageGe: 'age >= 50',
        ageLt: 'age < 50',
        sexF: 'sex = F',
        sexNotF: 'sex != F',
        custodyIn: 'custody in [institution]',
        custodyNotIn: 'custody not in [institution]',
        facility: "facility = 'W-01'",
        facilityNot: "facility != 'W-01'",
        gravityIn: 'gravity in [minor, medium]',
        gravityNotIn: 'gravity not in [minor, medium]',
        gravityLe: 'gravity <= СТ',
        intent: 'intent = intentional',
        violent: 'violent',
        notViolent: 'not violent',
        tag: 'has_tag(corruption)',
        notTag: { not: 'has_tag(corruption)' },
        article: 'has_article(361)',
        articlePart: 'has_article(361-3)',
        offence: 'offence_date < 2025-06-23',
        children: 'children_under(3) >= 1',
        childrenNone: 'children_count = 0',
        first: 'first_conviction',
        priorIn: 'prior_convictions in [0, 1]',
        disability: 'disability_group > 0',
      },
      '2025-06-23',
    );
    const expected: Record<string, [Truth, Truth]> = {
      ageGe: [T, U],
      ageLt: [F, U],
      sexF: [T, U],
      sexNotF: [F, U],
      custodyIn: [T, U],
      custodyNotIn: [F, U],
      facility: [T, U],
      facilityNot: [F, U],
      gravityIn: [T, U],
      gravityNotIn: [F, U],
      gravityLe: [T, U],
      intent: [T, U],
      violent: [F, U],
      notViolent: [T, U],
      tag: [T, U],
      notTag: [F, U],
      article: [T, U],
      articlePart: [F, U],
      offence: [T, U],
      children: [F, U],
      childrenNone: [T, U],
      first: [T, U],
      priorIn: [T, U],
      disability: [F, U],
    };
    expect(r).toEqual(expected);
  });

  it('is known / is unknown are never unknown', () => {
    const r = evaluate(
      people,
      { known: 'pregnant is known', unknown: 'pregnant is unknown', notUnknown: { not: 'pregnant is unknown' } },
      '2025-06-23',
    );
    expect(r.known).toEqual([T, T, F]);
    expect(r.unknown).toEqual([F, F, T]);
    expect(r.notUnknown).toEqual([T, T, F]);
  });

  it('definitions are evaluated with the same logic', () => {
    const r = evaluate(
      people,
      { vulnerable: 'socially_vulnerable', notVulnerable: 'not socially_vulnerable' },
      '2025-06-23',
      { expecting: 'pregnant', socially_vulnerable: { any: ['expecting', 'veteran'] } },
    );
    expect(r.vulnerable).toEqual([T, F, U]);
    expect(r.notVulnerable).toEqual([F, T, U]);
  });
});

describe('facts on hand-checked dates', () => {
  it('age: born 1975-06-23 is 50 on 2025-06-23 and 49 the day before', () => {
    const p = [person({ birthYmd: 19750623 })];
    expect(evaluate(p, { ge50: 'age >= 50', is50: 'age = 50' }, '2025-06-23')).toEqual({ ge50: [T], is50: [T] });
    expect(evaluate(p, { ge50: 'age >= 50', is49: 'age = 49' }, '2025-06-22')).toEqual({ ge50: [F], is49: [T] });
  });

  it('age: born 2000-02-29 is 25 on 2025-03-01 and 24 on 2025-02-28', () => {
    const p = [person({ birthYmd: 20000229 })];
    expect(evaluate(p, { is25: 'age = 25' }, '2025-03-01')).toEqual({ is25: [T] });
    expect(evaluate(p, { is24: 'age = 24', ge25: 'age >= 25' }, '2025-02-28')).toEqual({ is24: [T], ge25: [F] });
  });

  it('children_under(3): born 2022-06-23 is under 3 on 2025-06-22, not on 2025-06-23', () => {
    const p = [person({ childrenBirthYmd: [20220623] })];
    expect(evaluate(p, { under3: 'children_under(3) >= 1', count: 'children_count = 1' }, '2025-06-22')).toEqual({ under3: [T], count: [T] });
    expect(evaluate(p, { under3: 'children_under(3) >= 1', count: 'children_count = 1' }, '2025-06-23')).toEqual({ under3: [F], count: [T] });
  });

  it('children not yet born on the date are not counted as under the age', () => {
    const p = [person({ childrenBirthYmd: [20250624] })];
    expect(evaluate(p, { under3: 'children_under(3) = 0' }, '2025-06-23')).toEqual({ under3: [T] });
  });

  it('many_children: four minors yes; three minors and an adult no; unknown children unknown', () => {
    const p = [
      person({ childrenBirthYmd: [20080101, 20120505, 20150303, 20200202] }),
      person({ childrenBirthYmd: [20000101, 20120505, 20150303, 20200202] }),
      person({ childrenBirthYmd: null }),
    ];
    expect(evaluate(p, { many: 'many_children', minors: 'children_under(18) >= 4' }, '2025-06-23')).toEqual({ many: [T, F, U], minors: [T, F, U] });
    // The eldest, born 2007-06-24, is still a minor on 2025-06-23 and an adult on 2025-06-24.
    const q = [person({ childrenBirthYmd: [20070624, 20120505, 20150303, 20200202] })];
    expect(evaluate(q, { many: 'many_children' }, '2025-06-23')).toEqual({ many: [T] });
    expect(evaluate(q, { many: 'many_children' }, '2025-06-24')).toEqual({ many: [F] });
  });

  it('has_unpaid_claim: 0 & paid unknown → false; 100 & paid unknown → unknown; 100 paid 40 → true', () => {
    const p = [
      person({ civilClaimAmount: 0, civilClaimPaid: null }),
      person({ civilClaimAmount: 100, civilClaimPaid: null }),
      person({ civilClaimAmount: 100, civilClaimPaid: 40 }),
      person({ civilClaimAmount: 100, civilClaimPaid: 100 }),
      person({ civilClaimAmount: null, civilClaimPaid: 40 }),
    ];
    expect(evaluate(p, { owes: 'has_unpaid_claim', unpaid60: 'unpaid_claim = 60', unpaid0: 'unpaid_claim = 0' }, '2025-06-23')).toEqual({
      owes: [F, U, T, F, U],
      unpaid60: [F, U, T, F, U],
      unpaid0: [T, U, F, T, U],
    });
  });

  it('articles: gravity of the gravest offence, tags, article and part, intent, violence', () => {
    const p = [
      person({ articles: [partIndex('188-1'), partIndex('188-3')] }), // theft: medium and grave
      person({ articles: [partIndex('345-1')] }), // negligent, minor
      person({ articles: [partIndex('369-1'), partIndex('194-1')] }), // corruption minor + robbery threat medium
    ];
    expect(
      evaluate(
        p,
        {
          grave: 'gravity = grave',
          leMedium: 'gravity <= СТ',
          art188: 'has_article(188)',
          part188_2: 'has_article(188-2)',
          part188_3: 'has_article(188-3)',
          corruption: 'has_tag(corruption)',
          negligent: 'intent = negligent',
          violent: 'violent',
        },
        '2025-06-23',
      ),
    ).toEqual({
      grave: [T, F, F],
      leMedium: [F, T, T],
      art188: [T, F, F],
      part188_2: [F, F, F],
      part188_3: [T, F, F],
      corruption: [F, F, T],
      negligent: [F, T, F],
      violent: [F, F, T],
    });
  });

  it('sentence dates: served and remaining days, fraction, dates compared with dates', () => {
    const p = [person({ offenceDay: isoDay('2025-06-22'), sentenceStartDay: isoDay('2025-01-01'), sentenceEndDay: isoDay('2026-01-01') })];
    const served = isoDay('2025-06-23') - isoDay('2025-01-01');
    expect(
      evaluate(
        p,
        {
          offenceBefore: 'offence_date < 2025-06-23',
          offenceOn: 'offence_date = 2025-06-22',
          served: `served_days = ${served}`,
          remaining: `remaining_days = ${365 - served}`,
          term: 'term_days = 365',
          // 173 of 365 days: 0.474.
          fractionLt: 'served_fraction < 0.5',
          fractionGe: 'served_fraction >= 0.475',
        },
        '2025-06-23',
      ),
    ).toEqual({ offenceBefore: [T], offenceOn: [T], served: [T], remaining: [T], term: [T], fractionLt: [T], fractionGe: [F] });
    expect(dayOfYmd(ymdOfDay(isoDay('2025-06-23')))).toBe(isoDay('2025-06-23'));
  });
});

// ---------------------------------------------------------------- the language of real laws

describe('values that real laws need', () => {
  const actCtx: CheckContext = {
    law: code,
    definitions: new Set(),
    lawParameters: law.parameters,
    actParameters: new Map([
      ['release_share', { kind: 'number' as const, value: 1 / 3, frac: { num: 1, den: 3 } }],
      ['short_term', { kind: 'term' as const, term: { months: 36, days: 0 } }],
    ]),
  };
  const checkIn = (source: string, c: CheckContext = actCtx) => {
    const errors: ConditionError[] = [];
    const out = checkCondition(source, ['c'], c, errors);
    return { out, errors: errors.map(inEnglish) };
  };

  it('a fraction written 1/3 is exact', () => {
    expect(checkIn('served_fraction >= 1/3').out).toMatchObject({ k: 'num', value: { kind: 'const', frac: { num: 1, den: 3 } } });
    expect(checkIn('served_fraction >= 0.5').out).toMatchObject({ k: 'num', value: { kind: 'const', frac: { num: 1, den: 2 } } });
  });

  it('an act parameter stands for its number, fraction or term', () => {
    expect(checkIn('served_fraction >= param.release_share').out).toMatchObject({ value: { kind: 'const', frac: { num: 1, den: 3 } } });
    expect(checkIn('imposed_term <= param.short_term').out).toMatchObject({ k: 'term', op: '<=', term: { months: 36, days: 0 } });
    expect(checkIn('served_fraction >= param.nothing').errors[0]!.message).toContain('unknown act parameter nothing');
    expect(checkIn('age >= param.release_share', { law: code, definitions: new Set() }).errors[0]!.message).toContain("only in an act's conditions");
  });

  it('a dated law parameter is named law.<name> and read on the day of entry into force', () => {
    expect(checkIn('age >= law.family.child_age_limit').out).toMatchObject({ k: 'num', value: { kind: 'law', name: 'family.child_age_limit' } });
    expect(checkIn('age >= law.pension.nothing').errors[0]!.message).toContain('unknown law parameter pension.nothing');
    expect(checkIn('served_fraction >= law.family.child_age_limit').errors[0]!.message).toContain('not a law parameter');
  });

  it('terms are written 3y, 1y6m, 18m, 10d and compared only with terms', () => {
    expect(checkIn('imposed_term <= 3y').out).toMatchObject({ k: 'term', term: { months: 36, days: 0 } });
    expect(checkIn('remaining_term <= 1y').out).toMatchObject({ k: 'term', fact: { name: 'remaining_term' } });
    expect(checkIn('served_term >= 2y3m15d').out).toMatchObject({ term: { months: 27, days: 15 } });
    expect(checkIn('imposed_term <= 36').errors[0]!.message).toContain('compare it with a term like 3y');
    expect(checkIn('imposed_term in [3y]').errors[0]!.message).toContain('"in" does not apply');
    expect(checkIn('imposed_term_months <= 3y').errors[0]!.message).toContain('compare it with a number');
  });

  it('a date may be written relative to the day facts are read on: older than 60, strictly', () => {
    expect(checkIn('birth_date < day - 60y').out).toMatchObject({ k: 'relDate', fact: { name: 'birth_date' }, op: '<', shift: { unit: 'months', amount: -720 } });
    expect(checkIn('sentence_end <= day + 30d').out).toMatchObject({ k: 'relDate', shift: { unit: 'days', amount: 30 } });
    expect(checkIn('birth_date < day - 60y10d').errors[0]!.message).toContain('not both');
    expect(checkIn('age < day - 60y').errors[0]!.message).toContain('compare it with a number');
  });

  it('decides “older than 60” on the birthday and the day after, kernel and interpreter alike', () => {
    const c = checkIn('birth_date < day - 60y').out;
    const age60 = checkIn('age >= 60').out;
    const day = isoDay('2025-07-05');
    const people = [19650704, 19650705, 19650706].map((b) => testPerson(code, { birthYmd: b }));
    // born 1965-07-04: 60 and a day; born 1965-07-05: 60 exactly (not older); born 1965-07-06: 59
    expect(truths(people, c, day)).toEqual([T, F, F]);
    expect(truths(people, age60, day)).toEqual([T, T, F]);
    // born on 29 February: older than 60 from 1 March of the year of the 60th birthday on
    const leap = [testPerson(code, { birthYmd: 19640229 })];
    expect(truths(leap, c, isoDay('2024-02-29'))).toEqual([F]);
    expect(truths(leap, c, isoDay('2024-03-01'))).toEqual([T]);
    expect(truths(leap, checkIn('birth_date < day - 61y').out, isoDay('2025-03-01'))).toEqual([F]);
    expect(truths(leap, checkIn('birth_date < day - 61y').out, isoDay('2025-03-02'))).toEqual([T]);
  });

  it('women of retirement age on the day: age in completed months against the dated law parameter (61 years = 732 months in 2025)', () => {
    const c = checkIn('age_months >= law.pension.age_women_months').out;
    const day = isoDay('2025-07-05');
    const people = [19640705, 19640706, 19640229].map((b) => testPerson(code, { birthYmd: b }));
    expect(truths(people, c, day)).toEqual([T, F, T]);
    // born on 29 February 1964: 732 months on 1 March 2025, not on 28 February
    expect(truths([people[2]!], c, isoDay('2025-02-28'))).toEqual([F]);
    expect(truths([people[2]!], c, isoDay('2025-03-01'))).toEqual([T]);
    // in 2020 the age was 59.5 years (714 months): a woman born 1960-12-15 had reached it on 2020-06-15
    expect(truths([testPerson(code, { birthYmd: 19601215 })], c, isoDay('2020-06-15'))).toEqual([T]);
    expect(truths([testPerson(code, { birthYmd: 19601215 })], c, isoDay('2020-06-14'))).toEqual([F]);
  });

  it('older laws’ facts: first imprisonment, juvenile colony, the disabled child’s group, the kind of veteran — unknown stays unknown', () => {
    const day = isoDay('2025-07-05');
    const people = [
      testPerson(code, { priorConvictions: 0, priorImprisonment: null }), // first conviction: first imprisonment
      testPerson(code, { priorConvictions: 2, priorImprisonment: false }), // earlier fines only
      testPerson(code, { priorConvictions: 2, priorImprisonment: true }),
      testPerson(code, { priorConvictions: 2, priorImprisonment: null }), // not recorded
    ];
    expect(truths(people, checkIn('first_imprisonment').out, day)).toEqual([T, T, F, U]);
    expect(truths(people, checkIn('juvenile_colony').out, day)).toEqual([F, F, F, F]);
    expect(truths([testPerson(code, { priorConvictions: 1, juvenileColony: null })], checkIn('juvenile_colony').out, day)).toEqual([U]);
    const kids = [testPerson(code, { disabledChildGroup: 'group_1' }), testPerson(code, { disabledChildGroup: 'under_16' }), testPerson(code, { disabledChildGroup: null })];
    expect(truths(kids, checkIn('disabled_child_group in [group_1, group_2]').out, day)).toEqual([T, F, U]);
    const vets = [testPerson(code, { veteranKind: 'wwii' }), testPerson(code, { veteranKind: 'combat' }), testPerson(code, { veteranKind: null })];
    expect(truths(vets, checkIn('veteran_kind = wwii').out, day)).toEqual([T, F, U]);
  });
});

/** Truth of a condition for each person on a day; the kernel and the interpreter must agree. */
function truths(people: PersonRecord[], c: Checked, day: number): Truth[] {
  const registry = registryOf(code, people);
  const out = compileConditions([{ name: 'x', condition: c }], [], code, law.parameters).run(registry, day)[0]!;
  const env = { asOfYmd: ymdOfDay(day), asOfDay: day, law: code, parameters: law.parameters };
  return people.map((p, i) => {
    const t = interpret(c, p, env, new Map());
    expect(out[i], `kernel and interpreter on person ${i}`).toBe(t);
    return t;
  });
}
