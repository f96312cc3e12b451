import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { isoDay } from '../../domain/dates.ts';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS } from '../../paths.ts';
import { registryOf } from '../../registry/registry.ts';
import { testPerson } from '../testing/person.ts';
import { actDoubts, outcomeDoubts } from './doubt.ts';
import { evaluate } from './evaluate.ts';
import { explain, renderTrace } from './explain.ts';
import { outcomeAt, outcomeRow } from './outcome.ts';
import { compileAct, loadAct } from './plan.ts';
import { actSchema } from './schema.ts';

const law = loadLaw();
const cc = law.criminalCode;
// every part of the shipped table is verified now; a copy with one 1997 article marked unverified
// (as Art. 179 was before its text was read) shows how an unverified part reaches an outcome
const unverifiedCode = (() => {
  const doc = parseDocument(readFileSync(DEFAULT_PATHS.criminalCode, 'utf8'));
  doc.setIn(['earlier_codes', '1997', 'articles', '179', 'verified'], false);
  doc.setIn(['earlier_codes', '1997', 'articles', '179', 'source'], 'K970000167_ Art. 179: marked unverified for this test');
  const path = join(mkdtempSync(join(tmpdir(), 'amnestia-doubt-')), 'criminal-code.yaml');
  writeFileSync(path, doc.toString());
  return path;
})();
const lawUnverified = loadLaw({ ...DEFAULT_PATHS, criminalCode: unverifiedCode });

describe('doubt carried to every outcome', () => {
  const source = actSchema.parse({
    id: 'doubts',
    title: { kk: 'акт', ru: 'акт', en: 'act' },
    source: { text: 'a summary in the press', verified: false },
    status: 'draft',
    entry_into_force: '2025-07-01',
    execution_end: '2025-12-31',
    combine: { rule: 'first_match', text: 'first match' },
    parameters: {
      share: { value: '1/3', verified: false, source: 'model choice' },
      checked: { value: 60, verified: true, source: 'the law, Art. 1' },
    },
    definitions: { pensioner_age: { when: 'age_months >= law.pension.age_women_months' } },
    clauses: [
      {
        id: 'official',
        ref: 'Art. 1',
        text: { kk: 'босату', ru: 'освободить' },
        when: { all: ['sex = F', 'age >= param.checked'] },
        measure: { type: 'release' },
        source: { url: 'https://adilet.zan.kz/', article_id: 'Z0000 ст. 1', official: { ru: 'Освободить …' }, verified: true },
      },
      { id: 'paraphrase', ref: 'Art. 2', text: { kk: 'қысқарту', ru: 'сократить' }, when: { all: ['sex = F', 'pensioner_age'] }, measure: { type: 'reduce_unserved', fraction: 'share' } },
    ],
    exclusions: [{ id: 'corruption', ref: 'Art. 3', text: { kk: 'сыбайлас жемқорлық', ru: 'коррупция' }, when: 'has_tag(corruption)' }],
  });
  const { plan } = compileAct(source, law, null, 'hash');
  const day = plan.entryIntoForce;
  const d = actDoubts(plan, law, day);

  it('knows what each rule rests on: its wording, its act parameters, the law parameters of its definitions', () => {
    expect(plan.clauses[0]!.parameters).toEqual(['checked']);
    expect(plan.clauses[1]!.parameters).toEqual(['share']);
    expect(plan.clauses[1]!.lawParameters).toEqual(['pension.age_women_months']);
    expect(d.act).toEqual(['act.source']);
    // the official wording checked, a verified parameter: nothing unverified in Art. 1
    expect(d.clauses[0]).toEqual([]);
    // its definition has no source: its wording is a doubt too
    expect(d.clauses[1]).toEqual(['text:paraphrase', 'text:pensioner_age', 'param:share', 'law:pension.age_women_months']);
    expect(d.exclusions[0]).toEqual(['text:corruption']);
    // the Code's own exclusions carry its official wording
    expect(d.exclusions[plan.exclusions.findIndex((x) => x.id === 'cc78_torture')]).toEqual([]);
  });

  it('gives each outcome the inputs of the rule that decided it, in kk, ru and en', () => {
    const cu = lawUnverified.criminalCode;
    const people = [
      testPerson(cu, { personId: 'young', birthYmd: 19900101, sentenceEndDay: isoDay('2027-01-01') }),
      testPerson(cu, { personId: 'old', birthYmd: 19600101, sentenceEndDay: isoDay('2027-01-01') }),
      testPerson(cu, { personId: 'old1997', birthYmd: 19600101, articles: [cu.part('1997:179-1')!.index], sentenceEndDay: isoDay('2027-01-01') }),
      testPerson(cu, { personId: 'bribe', birthYmd: 19600101, articles: [cu.part('366-1')!.index], sentenceEndDay: isoDay('2027-01-01') }),
      testPerson(cu, { personId: 'done', sentenceEndDay: isoDay('2025-01-01') }),
    ];
    const registry = registryOf(cu, people);
    const outcomes = evaluate(plan, registry, lawUnverified);
    const of = (i: number) => outcomeDoubts(d, outcomeAt(outcomes, i), (registry.articlesOf(i) ?? []).map((a) => cu.parts[a]!));
    // 35 on the day: not covered, every clause was read
    expect(outcomeAt(outcomes, 0).status).toBe('not_covered');
    expect(of(0)).toEqual(['act.source', 'text:paraphrase', 'text:pensioner_age', 'param:share', 'law:pension.age_women_months']);
    // 65: Art. 1, the official wording, rests on the act's source only
    expect(outcomeAt(outcomes, 1).clause).toBe(0);
    expect(of(1)).toEqual(['act.source']);
    // a conviction under an unverified part of the 1997 Code (Art. 179 in the copy) adds the part
    expect(of(2)).toEqual(['act.source', 'code:1997:179-1']);
    expect(d.all.get('code:1997:179-1')!.label.ru).toContain('1997:179-1');
    expect(outcomeAt(outcomes, 3).status).toBe('excluded');
    expect(of(3)).toEqual(['act.source', 'text:corruption']);
    // not serving: the registry's dates only
    expect(of(4)).toEqual([]);
    for (const k of [...d.all.keys()]) for (const lang of ['kk', 'ru', 'en'] as const) expect(d.all.get(k)!.label[lang].length).toBeGreaterThan(0);
    expect(outcomeRow(plan, 'young', outcomeAt(outcomes, 0), ['no_clause'], of(0)).unverified).toEqual(of(0));
    expect(outcomeRow(plan, 'young', outcomeAt(outcomes, 0), ['no_clause']).unverified).toBeNull();
  });

  it('marks a conviction whose offence falls where the day its wording took effect is an assumption', () => {
    // 1997 Art. 259 part 3 as the Law of 27 June 2008 No. 50-IV worded it (15 years): in force from a day
    // between 2008-07-07 and 2008-08-07, not in a text at hand
    const drugs = (personId: string, offence: string) =>
      testPerson(cc, { personId, birthYmd: 19600101, articles: [cc.wordingAt(cc.part('1997:259-3')!.index, isoDay(offence))], offenceDay: isoDay(offence), sentenceStartDay: isoDay('2009-01-01'), sentenceEndDay: isoDay('2027-01-01') });
    const people = [drugs('before', '2008-07-06'), drugs('first', '2008-07-07'), drugs('last', '2008-08-07'), drugs('certain', '2008-08-08')];
    const registry = registryOf(cc, people);
    const outcomes = evaluate(plan, registry, law);
    const keys = (i: number) => outcomeDoubts(d, outcomeAt(outcomes, i), (registry.articlesOf(i) ?? []).map((a) => cc.parts[a]!)).filter((k) => k.startsWith('code'));
    expect([0, 1, 2, 3].map(keys)).toEqual([[], ['code-date:1997:259-3'], ['code-date:1997:259-3'], []]);
    // the older wording (12 years) before the window: grave; the current one (15 years) from it: especially grave
    expect([0, 1, 3].map((i) => cc.parts[registry.articlesOf(i)![0]!]!.gravity)).toEqual(['grave', 'especially_grave', 'especially_grave']);
    const label = d.all.get('code-date:1997:259-3')!.label;
    expect(label.en).toContain('2008-07-07');
    expect(label.en).toContain('2008-08-07');
    expect(label.ru).toContain('1997:259-3');
    expect(label.kk).toContain('1997:259-3');
    // explain says it in the reader's language
    const t = explain(plan, people[1]!, law);
    expect(t.unverified.map((x) => x.key)).toContain('code-date:1997:259-3');
    expect(renderTrace(t, plan, 'ru')).toContain('1997:259-3');
  });

  it('explain names them, in the reader\'s language', () => {
    const p = testPerson(cc, { personId: 'young', birthYmd: 19900101, sentenceEndDay: isoDay('2027-01-01') });
    const t = explain(plan, p, law);
    expect(t.unverified.map((x) => x.key)).toEqual(['act.source', 'text:paraphrase', 'text:pensioner_age', 'param:share', 'law:pension.age_women_months']);
    const ru = renderTrace(t, plan, 'ru');
    expect(ru).toContain('Решение опирается на непроверенные данные:');
    expect(ru).toContain('формулировка ст. 2: пересказ');
    expect(renderTrace(t, plan, 'kk')).toContain('Шешім тексерілмеген деректерге сүйенеді:');
  });
});

describe('doubt in the shipped acts', () => {
  it('no clause of a shipped act says "unverified" in its prose: the doubt is data', () => {
    for (const id of ['kz-2025-constitution-30', 'kz-2025-sex-neutral', 'kz-2025-women-proposal']) {
      const { plan } = loadAct(resolve(DEFAULT_PATHS.acts, id, 'act.yaml'), law);
      for (const r of [...plan.clauses, ...plan.exclusions])
        for (const text of [r.text.kk, r.text.ru, r.text.en ?? '']) expect(text, `${id} ${r.id}`).not.toMatch(/unverified|не проверен|непровер|тексерілмеген/i);
    }
  });
});
