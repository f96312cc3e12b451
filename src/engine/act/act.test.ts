import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../i18n/message.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataFileError } from '../../domain/located.ts';
import { isoDay } from '../../domain/dates.ts';
import { loadLaw } from '../../law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../../paths.ts';
import { registryOf } from '../../registry/registry.ts';
import { evaluate } from './evaluate.ts';
import { explain, renderTrace } from './explain.ts';
import { outcomeAt } from './outcome.ts';
import { compileAct, loadAct } from './plan.ts';
import { lintAct } from './lint.ts';
import { actSchema } from './schema.ts';
import { findActs } from './act-tests.ts';
import { testPerson } from '../testing/person.ts';

const law = loadLaw();

describe('a deliberately broken act', () => {
  it('is rejected with the path and line of each error: missing Kazakh text, bad fraction, unknown fact, wrong operator, unknown tag', () => {
    try {
      loadAct(resolve(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml'), law);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataFileError);
      const errors = (e as DataFileError).errors.map((x) => ({ path: x.path, line: x.line, message: renderMessage(x.message, 'en') }));
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: '$.clauses[0].text.kk', line: 13, message: expect.stringContaining('Kazakh text') }),
          expect.objectContaining({ path: '$.clauses[1].measure.fraction', line: 21 }),
          expect.objectContaining({ path: '$.clauses[0].when.all[0]', line: 15, message: expect.stringContaining('unknown fact or definition agee') }),
          expect.objectContaining({ path: '$.clauses[0].when.all[1]', message: expect.stringContaining('no order') }),
          expect.objectContaining({ path: '$.exclusions[0].when', message: expect.stringContaining('unknown tag corrupton') }),
        ]),
      );
    }
  });
});

describe('every shipped act', () => {
  for (const folder of findActs(DEFAULT_PATHS.acts)) {
    it(`${folder.split('/').pop()} validates and gives every person one outcome`, () => {
      const { plan } = loadAct(resolve(folder, 'act.yaml'), law);
      const person = testPerson(law.criminalCode, { articles: [law.criminalCode.part('190-2')!.index] });
      const out = evaluate(plan, registryOf(law.criminalCode, [person, { ...person, personId: 'y', sex: 'M' }]), law);
      expect(out.size).toBe(2);
      for (let i = 0; i < 2; i++) expect(['eligible', 'excluded', 'not_covered', 'needs_review']).toContain(outcomeAt(out, i).status);
    });
  }
});

describe('explain', () => {
  it('names the second conviction that excludes a person, and the exclusion’s reference, in kk, ru and en', () => {
    const { plan } = loadAct(resolve(DEFAULT_PATHS.acts, 'kz-2025-women-proposal/act.yaml'), law);
    const cc = law.criminalCode;
    const p = testPerson(cc, {
      personId: 'W',
      birthYmd: 19850410,
      facility: 'W-01',
      articles: [cc.part('190-2')!.index, cc.part('366-1')!.index],
      offenceDay: isoDay('2023-01-10'),
      sentenceEndDay: isoDay('2026-06-01'),
      imposedTermMonths: 36,
    });
    const trace = explain(plan, p, law);
    expect(trace.outcome.status).toBe('excluded');
    const exclusion = trace.exclusions[trace.outcome.exclusion]!;
    expect(exclusion.ref).toBe('Art. 3 §1(1)');
    expect(exclusion.criteria[0]!.facts[0]!.convictions).toEqual(['366-1']);
    // references as each language cites them: never "Art. 3 §1(1)" in Russian or Kazakh
    const cited = { kk: '3-бап 1-т. 1) тт.', ru: 'ст. 3 п. 1 пп. 1', en: 'Art. 3 §1(1)' };
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const text = renderTrace(trace, plan, lang);
      expect(text).toContain(cited[lang]);
      expect(text).toContain('366-1');
      if (lang !== 'en') expect(text).not.toMatch(/Art\.|§/);
    }
    expect(renderTrace(trace, plan, 'ru')).toContain('Исключение');
    expect(renderTrace(trace, plan, 'kk')).toContain('Алып тастау');
  });
});

describe('an act file and its folder', () => {
  it('must agree: an act whose id differs from its folder’s name is rejected at $.id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amnestia-act-'));
    try {
      mkdirSync(join(dir, 'my-amnesty'));
      const text = readFileSync(resolve(DEFAULT_PATHS.acts, 'kz-2025-women-proposal/act.yaml'), 'utf8');
      writeFileSync(join(dir, 'my-amnesty', 'act.yaml'), text);
      expect(() => loadAct(join(dir, 'my-amnesty', 'act.yaml'), law)).toThrow(/\$\.id.*kz-2025-women-proposal.*my-amnesty/s);
      writeFileSync(join(dir, 'my-amnesty', 'act.yaml'), text.replace(/^id: .*$/m, 'id: my-amnesty'));
      expect(loadAct(join(dir, 'my-amnesty', 'act.yaml'), law).plan.id).toBe('my-amnesty');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the unknown facts a decision needs', () => {
  const { plan } = loadAct(resolve(DEFAULT_PATHS.acts, 'kz-2025-constitution-30/act.yaml'), law);
  const cc = law.criminalCode;
  // a man of 35 serving for theft 188-2 (medium) with an unpaid civil claim: only Art. 2 §1(3)
  // (socially vulnerable) could release him, and whether he is a veteran is not recorded
  const man = testPerson(cc, {
    personId: 'M',
    sex: 'M',
    birthYmd: 19900312,
    articles: [cc.part('188-2')!.index],
    sentenceStartDay: isoDay('2024-01-15'),
    sentenceEndDay: isoDay('2027-01-15'),
    civilClaimAmount: 400_000,
    civilClaimPaid: 0,
    damageCaused: true,
    veteran: null,
  });

  it('are only those that could change it: a man is not asked about pregnancy', () => {
    const trace = explain(plan, { ...man, pregnant: null }, law);
    expect(trace.outcome).toMatchObject({ status: 'needs_review', reason: 'unknown_fact' });
    expect(trace.unknownFacts).toEqual(['veteran']);
  });

  it('include pregnancy for a woman of the same record', () => {
    const trace = explain(plan, { ...man, sex: 'F', pregnant: null }, law);
    expect(trace.unknownFacts.sort()).toEqual(['pregnant', 'veteran']);
  });
});

describe('a decision that needs review', () => {
  it('remits no days: the clause and its measure are named, the days and the new end are not (kernel and reference)', () => {
    const { plan } = loadAct(resolve(DEFAULT_PATHS.acts, 'kz-2025-constitution-30/act.yaml'), law);
    const cc = law.criminalCode;
    // theft 188-2 (medium) without a civil claim: Art. 2 §1(2) would release him, but whether he
    // is a malicious violator (an exclusion) is not recorded
    const p = testPerson(cc, { sex: 'M', articles: [cc.part('188-2')!.index], sentenceStartDay: isoDay('2024-01-15'), sentenceEndDay: isoDay('2027-01-15'), maliciousViolator: null });
    const fromKernel = outcomeAt(evaluate(plan, registryOf(cc, [p]), law), 0);
    const fromReference = explain(plan, p, law).outcome;
    for (const o of [fromKernel, fromReference]) {
      expect(o).toMatchObject({ status: 'needs_review', reason: 'exclusion_unknown', measure: 'release', daysRemitted: null, newEnd: null });
      expect(plan.clauses[o.clause]!.id).toBe('art2_1_2');
      expect(plan.exclusions[o.exclusion]!.id).toBe('malicious_violators');
    }
  });
});

describe('a definition read during the execution period', () => {
  it('is read on the day tried, not on the day of entry into force (kernel = reference), with the first day it holds', () => {
    const source = actSchema.parse({
      id: 'during-definition',
      title: { kk: 'акт', ru: 'акт', en: 'act' },
      source: { text: 'test', verified: false },
      status: 'draft',
      entry_into_force: '2025-07-01',
      execution_end: '2025-12-31',
      combine: { rule: 'first_match', text: 'first match' },
      definitions: { little_left: { when: 'remaining_days <= 100' } },
      clauses: [{ id: 'c1', ref: 'Art. 1', text: { kk: 'босату', ru: 'освободить' }, when: { all: ['sex = F', { during: 'execution_period', when: 'little_left' }] }, measure: { type: 'release' } }],
    });
    const { plan } = compileAct(source, law, null, 'hash');
    // 150 days left on 2025-07-01: 100 days are left from 2025-08-20
    const p = testPerson(law.criminalCode, { sentenceEndDay: isoDay('2025-07-01') + 150 });
    const fromKernel = outcomeAt(evaluate(plan, registryOf(law.criminalCode, [p]), law), 0);
    const fromReference = explain(plan, p, law).outcome;
    for (const o of [fromKernel, fromReference]) expect(o).toMatchObject({ status: 'not_covered', almost: { kind: 'later', clause: 0, from: isoDay('2025-08-20') } });
  });
});

describe('validate as of another day', () => {
  it('checks the clauses on the sample registry as if the act entered into force on that day', () => {
    const { plan, map } = loadAct(resolve(DEFAULT_PATHS.acts, 'kz-2025-women-proposal/act.yaml'), law);
    const cc = law.criminalCode;
    const sample = registryOf(cc, [testPerson(cc, { personId: 'A', sentenceStartDay: isoDay('2024-01-01'), sentenceEndDay: isoDay('2026-01-01') })]);
    const now = lintAct(plan, law, map, sample);
    expect(now.warnings.some((w) => renderMessage(w.message, 'en').includes('art1'))).toBe(false);
    // by 2030 her term is over: no clause reaches anyone
    const later = lintAct(plan, law, map, sample, isoDay('2030-01-01'));
    expect(later.warnings.filter((w) => w.message.key === 'act.nobody_meets').length).toBe(plan.clauses.length);
    expect(renderMessage(later.warnings[0]!.message, 'en')).toContain('2030-01-01');
  });
});

describe('terms as courts count them, in an act', () => {
  const source = actSchema.parse({
    id: 'terms',
    title: { kk: 'акт', ru: 'акт', en: 'act' },
    source: { text: 'test', verified: false },
    status: 'draft',
    entry_into_force: '2021-11-15',
    execution_end: '2021-12-31',
    combine: { rule: 'first_match', text: 'first match' },
    parameters: { release_share: { value: '1/3', verified: false, source: 'test' } },
    clauses: [
      { id: 'c1', ref: 'Art. 1', text: { kk: 'босату', ru: 'освободить' }, when: { all: ['sex = F', 'served_fraction >= param.release_share'] }, measure: { type: 'release' } },
      { id: 'c2', ref: 'Art. 2', text: { kk: 'қысқарту', ru: 'сократить' }, when: 'sex = F', measure: { type: 'reduce_imposed', fraction: '1/3' } },
    ],
  });
  const { plan } = compileAct(source, law, null, 'hash');
  const cc = law.criminalCode;
  // five years from 2020-03-15: one third (1 year 8 months) is served on 2021-11-15
  const p = testPerson(cc, { sentenceStartDay: isoDay('2020-03-15'), sentenceEndDay: isoDay('2025-03-15'), imposedTermMonths: 60, imposedTermDays: 0 });
  const on = (day: string) => {
    const d = isoDay(day);
    const k = outcomeAt(evaluate(plan, registryOf(cc, [p]), law, d), 0);
    const r = explain(plan, p, law, d).outcome;
    expect(k).toEqual(r);
    return k;
  };

  it('releases from the day one third of the term is served, not 608.67 days after the start', () => {
    expect(on('2021-11-14')).toMatchObject({ clause: 1, measure: 'reduce_imposed' });
    expect(on('2021-11-15')).toMatchObject({ clause: 0, measure: 'release', daysRemitted: isoDay('2025-03-15') - isoDay('2021-11-15') });
    expect(on('2021-11-16')).toMatchObject({ clause: 0, measure: 'release' });
  });

  it('reduces the term by one third in calendar units: 1 year 8 months off the end, 2025-03-15 → 2023-07-15', () => {
    const o = on('2021-11-14');
    expect(o.newEnd).toBe(isoDay('2023-07-15'));
    expect(o.daysRemitted).toBe(isoDay('2025-03-15') - isoDay('2023-07-15'));
  });
});

describe('the Criminal Code’s own exclusions (Art. 78 part 2)', () => {
  const { plan } = loadAct(resolve(DEFAULT_PATHS.acts, 'kz-2025-constitution-30/act.yaml'), law);
  const cc = law.criminalCode;
  // grave theft with 8 months left: the act's Art. 3 §2 would reduce him
  const base = testPerson(cc, { sex: 'M', articles: [cc.part('188-3')!.index], sentenceStartDay: isoDay('2024-01-15'), sentenceEndDay: isoDay('2026-03-05') });

  it('are inherited by an act in force under the Code, after its own', () => {
    const inherited = plan.exclusions.filter((x) => x.origin === 'code').map((x) => x.id);
    expect(inherited).toEqual(['cc78_sexual_minors', 'cc78_terrorist', 'cc78_extremist', 'cc78_torture', 'cc78_recidivism']);
    expect(plan.exclusions.findIndex((x) => x.origin === 'code')).toBe(plan.exclusions.filter((x) => x.origin === 'act').length);
  });

  it('exclude a punishment imposed for recidivism though the act names only dangerous recidivism, and explain names Art. 78 part 2', () => {
    const trace = explain(plan, { ...base, priorConvictions: 1, recidivism: 'simple' }, law);
    expect(trace.outcome.status).toBe('excluded');
    expect(plan.exclusions[trace.outcome.exclusion]!.id).toBe('cc78_recidivism');
    expect(renderTrace(trace, plan, 'ru')).toContain('Исключение: ст. 78 ч. 2 УК');
    expect(renderTrace(trace, plan, 'kk')).toContain('ҚК 78-бабы 2-бөлігі');
    expect(renderTrace(trace, plan, 'en')).toContain('Criminal Code Art. 78 part 2');
  });

  it('spare an offence against a minor’s sexual inviolability committed by a minor against a minor of 14–18, and need review when the victims’ age is not recorded', () => {
    // an act that says nothing of sexual crimes: only the Code excludes
    const { plan: silent } = compileAct(
      actSchema.parse({
        id: 'silent',
        title: { kk: 'акт', ru: 'акт', en: 'act' },
        source: { text: 'test', verified: false },
        status: 'draft',
        entry_into_force: '2025-07-05',
        execution_end: '2025-12-31',
        combine: { rule: 'first_match', text: 'first match' },
        clauses: [{ id: 'c1', ref: 'Art. 1', text: { kk: 'босату', ru: 'освободить' }, when: 'true', measure: { type: 'release' } }],
      }),
      law,
      null,
      'hash',
    );
    const part = cc.parts.find((p) => p.tags.includes('sexual_minor'))!;
    const minor = { ...base, articles: [part.index], birthYmd: 20070101, offenceDay: isoDay('2023-06-01') };
    const decide = (p: typeof minor) => {
      const o = explain(silent, p, law).outcome;
      expect(outcomeAt(evaluate(silent, registryOf(cc, [p]), law), 0)).toEqual(o);
      return { status: o.status, exclusion: silent.exclusions[o.exclusion]?.id };
    };
    expect(decide({ ...minor, victimAged14To18: true })).toMatchObject({ status: 'eligible' });
    expect(decide({ ...minor, victimAged14To18: false })).toMatchObject({ status: 'excluded', exclusion: 'cc78_sexual_minors' });
    expect(decide({ ...minor, victimAged14To18: null })).toMatchObject({ status: 'needs_review', exclusion: 'cc78_sexual_minors' });
    // an adult offender is excluded whatever the victims' age
    expect(decide({ ...minor, birthYmd: 19900101, victimAged14To18: true })).toMatchObject({ status: 'excluded', exclusion: 'cc78_sexual_minors' });
  });

  it('do not bind an act in force before the Code', () => {
    const source = { ...plan.source, id: 'old', entry_into_force: isoDay('2011-12-01'), execution_end: isoDay('2012-05-31') };
    const { plan: old } = compileAct(source, law, null, 'hash');
    expect(old.exclusions.some((x) => x.origin === 'code')).toBe(false);
  });
});

describe('validate and the Criminal Code’s limits', () => {
  const act = (when: string) =>
    compileAct(
      actSchema.parse({
        id: 'limits',
        title: { kk: 'акт', ru: 'акт', en: 'act' },
        source: { text: 'test', verified: false },
        status: 'draft',
        entry_into_force: '2025-07-05',
        execution_end: '2025-12-31',
        combine: { rule: 'first_match', text: 'first match' },
        clauses: [{ id: 'c1', ref: 'Art. 1', text: { kk: 'босату', ru: 'освободить' }, when, measure: { type: 'release' } }],
      }),
      law,
      null,
      'hash',
    ).plan;
  const cc = law.criminalCode;

  it('warns when a clause covers only what the Code forbids (recidivists, terrorist crimes)', () => {
    expect(lintAct(act('recidivism = simple'), law, null, null).warnings.map((w) => renderMessage(w.message, 'en'))).toEqual([expect.stringContaining('covers only punishments imposed for recidivism')]);
    expect(lintAct(act('recidivism != none'), law, null, null).warnings).toHaveLength(1);
    expect(renderMessage(lintAct(act('has_tag(terrorism)'), law, null, null).warnings[0]!.message, 'en')).toContain('CC Art. 78 part 2');
    expect(lintAct(act('recidivism in [none, simple]'), law, null, null).warnings).toEqual([]);
  });

  it('counts the persons of a sample the act covers whom only the Code excludes', () => {
    const sample = registryOf(cc, [
      testPerson(cc, { personId: 'A', sentenceStartDay: isoDay('2024-01-01'), sentenceEndDay: isoDay('2027-01-01'), priorConvictions: 1, recidivism: 'simple' }),
      testPerson(cc, { personId: 'B', sentenceStartDay: isoDay('2024-01-01'), sentenceEndDay: isoDay('2027-01-01') }),
    ]);
    const w = lintAct(act('true'), law, null, sample).warnings.map((x) => renderMessage(x.message, 'en'));
    expect(w).toEqual([expect.stringMatching(/^1 persons of the sample registry .* excluded only by the Criminal Code \(CC Art\. 78 part 2: recidivism/)]);
  });
});
