/**
 * Act files that break the reader or the kernel are refused by `validate` with a located error,
 * and an act `validate` accepts is one `evaluate` runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataFileError, type LocatedError } from '../../domain/located.ts';
import { renderMessage } from '../../i18n/message.ts';
import { UnreadableFileError } from '../../domain/errors.ts';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS } from '../../paths.ts';
import { loadFacilities } from '../../registry/facilities.ts';
import { generateRegistry } from '../../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../../registry/synthetic/profile.ts';
import { evaluate } from './evaluate.ts';
import { lintAct } from './lint.ts';
import { ACT_LIMITS, loadAct } from './plan.ts';
import { conditionSize } from '../condition.ts';
import { STATUS } from './outcome.ts';

const law = loadLaw();
const dir = mkdtempSync(join(tmpdir(), 'amnestia-act-limits-'));
const profile = loadProfile(DEFAULT_PATHS.profile);
const sample = generateRegistry(scaleProfile(profile, 400), law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 11 });

function actText(opts: { rule?: string; overlap?: string; definitions?: string; clauses: { when: string; measure?: string }[] }): string {
  return [
    'id: limits-act',
    'title: { kk: т, ru: т, en: t }',
    'source: { text: test, verified: false }',
    'status: draft',
    'entry_into_force: 2025-02-01',
    'execution_end: 2025-07-31',
    `combine: { rule: ${opts.rule ?? 'first_match'}, text: t${opts.overlap ? `, overlap: ${opts.overlap}` : ''} }`,
    ...(opts.definitions ? ['definitions:', opts.definitions] : []),
    'clauses:',
    ...opts.clauses.map((c, i) => `  - id: c${i}\n    ref: "${i + 1}"\n    text: { kk: т, ru: т }\n    when: ${c.when}\n    measure: ${c.measure ?? '{ type: release }'}`),
    '',
  ].join('\n');
}

let n = 0;
function file(text: string | Buffer): string {
  const f = join(dir, `act-${n++}.yaml`);
  writeFileSync(f, text);
  return f;
}

/** The errors of an act file, each message in English (for assertions on its words) beside its key. */
function errorsOf(f: string): (Omit<LocatedError, 'message'> & { message: string; key: string })[] {
  const inEnglish = (e: LocatedError) => ({ ...e, message: renderMessage(e.message, 'en'), key: e.message.key });
  try {
    const { plan, map } = loadAct(f, law);
    return lintAct(plan, law, map, null).errors.map(inEnglish);
  } catch (e) {
    if (e instanceof DataFileError) return e.errors.map(inEnglish);
    throw e;
  }
}

function unreadable(f: string): UnreadableFileError {
  try {
    loadAct(f, law);
  } catch (e) {
    if (e instanceof UnreadableFileError) return e;
    throw e;
  }
  throw new Error('read');
}

describe('act files the reader refuses, located', () => {
  it('gives a YAML syntax error its line and column', () => {
    const text = actText({ clauses: [{ when: '"age >= 60"' }] }).replace('status: draft', 'status: [draft');
    const [e] = errorsOf(file(text));
    expect(e).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(e!.line).toBeGreaterThanOrEqual(4);
  });

  it('refuses a document that expands itself through aliases (billion laughs), at the first alias', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const [e] = errorsOf(file(bomb));
    expect(e!.message).toMatch(/aliases .* expand beyond 1,000/);
    expect(e!.line).toBe(2);
  });

  it('refuses nesting too deep for the reader without a stack trace', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const errors = errorsOf(file(deep));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.file).toMatch(/act-\d+\.yaml$/);
  });

  it('refuses a huge file, a binary file and a file that is not UTF-8', () => {
    expect(unreadable(file(Buffer.alloc(17 * 1024 * 1024, 0x20))).rule).toBe('file.too_large');
    expect(unreadable(file(Buffer.from([0x69, 0x64, 0x3a, 0, 0, 0]))).rule).toBe('file.binary');
    const cp1251 = unreadable(file(iconv.encode(actText({ clauses: [{ when: '"age >= 60"' }] }).replace('title: { kk: т, ru: т', 'title: { kk: т, ru: Амнистия'), 'windows-1251')));
    expect(cp1251.rule).toBe('encoding.invalid');
    expect(cp1251.at.line).toBe(2);
    expect(unreadable(join(dir, 'missing.yaml')).rule).toBe('file.missing');
  });
});

describe('conditions the kernel could not run are refused by validate', () => {
  it('rejects a number no fact can reach, at its column', () => {
    const [e] = errorsOf(file(actText({ clauses: [{ when: '"imposed_term_months >= 99999999999999999999999"' }] })));
    expect(e!.message).toMatch(/too large.*column 24 of the condition/);
  });

  it('limits the comparisons of an act, and runs an act at the limit', () => {
    const many = (k: number) => `{ any: [${Array.from({ length: k }, (_, i) => `"age >= ${i % 90}"`).join(', ')}] }`;
    // The Code's own exclusions (Art. 78 part 2), which every act inherits, count too.
    const inherited = loadAct(file(actText({ clauses: [{ when: '"age >= 1"' }] })), law)
      .plan.exclusions.filter((x) => x.origin === 'code')
      .reduce((n, x) => n + conditionSize(x.condition).leaves, 0);
    const [e] = errorsOf(file(actText({ clauses: [{ when: many(ACT_LIMITS.comparisons - inherited + 1) }] })));
    expect(e!.message).toMatch(/1,001 comparisons; at most 1,000/);
    const atLimit = file(actText({ clauses: [{ when: many(ACT_LIMITS.comparisons - inherited) }] }));
    expect(errorsOf(atLimit)).toEqual([]);
    const { plan } = loadAct(atLimit, law);
    const out = evaluate(plan, sample, law);
    // any(age >= 0, …) holds for every person of known age who is serving
    let eligible = 0;
    for (let i = 0; i < sample.size; i++) if (out.status[i] === STATUS.eligible) eligible++;
    expect(eligible).toBeGreaterThan(0);
  });

  it('limits nesting and the length of in-lists', () => {
    let deep = '"age >= 50"';
    for (let i = 0; i < ACT_LIMITS.depth + 1; i++) deep = `{ not: ${deep} }`;
    expect(errorsOf(file(actText({ clauses: [{ when: deep }] })))[0]!.message).toMatch(/nests all \/ any \/ not 33 deep/);
    const list = `"age in [${Array.from({ length: ACT_LIMITS.listValues + 1 }, (_, i) => i).join(', ')}]"`;
    expect(errorsOf(file(actText({ clauses: [{ when: list }] })))[0]!.message).toMatch(/10,001 values/);
  });

  it('rejects a definition named like a fact (conditions would read the fact)', () => {
    const errors = errorsOf(file(actText({ definitions: '  age:\n    when: "sex = F"', clauses: [{ when: 'age' }] })));
    expect(errors.some((e) => e.path === '$.definitions.age' && e.key === 'act.definition_named_as_fact')).toBe(true);
  });
});

describe('acts with more than 32 clauses', () => {
  const clauses = Array.from({ length: 40 }, (_, i) => ({ when: `"age >= ${100 - i * 2}"`, measure: '{ type: reduce_months, months: 1 }' }));

  it('accepts all_that_apply and forbidden overlaps beyond 32 clauses (one 32-bit word per 32 clauses)', () => {
    expect(errorsOf(file(actText({ rule: 'all_that_apply', clauses })))).toEqual([]);
  });

  it('counts the persons each of 40 first-match clauses reaches, past the 32nd too', () => {
    // Clause j holds from age 100 − 2j: the clauses past the 32nd hold for persons aged 22 to 37.
    const f = file(actText({ rule: 'first_match', clauses }));
    const { plan, map } = loadAct(f, law);
    const lint = lintAct(plan, law, map, sample);
    expect(lint.errors).toEqual([]);
    // Each clause takes the persons of its two years of age; the sample has persons aged 22 to 37,
    // so the clauses past the 32nd are reached and take persons (before, they were reported unreached).
    const flagged = lint.warnings.map((w) => w.path);
    for (let j = 32; j < 40; j++) expect(flagged).not.toContain(`$.clauses[${j}].when`);
    expect(flagged).toContain('$.clauses[0].when');
  });
});
