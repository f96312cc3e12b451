import { describe, expect, it } from 'vitest';
import { isoDay } from '../domain/dates.ts';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { loadFacilities } from '../registry/facilities.ts';
import type { PersonRecord } from '../registry/record.ts';
import { registryOf } from '../registry/registry.ts';
import { testPerson } from '../engine/testing/person.ts';
import { generateRegistry } from '../registry/synthetic/generate.ts';
import { loadProfile } from '../registry/synthetic/profile.ts';
import { DataFileError } from '../domain/located.ts';
import { checkLetterDefinition, computeLetter, letterJson, loadLetterDefinition, renderLetterText } from './letter.ts';

const law = loadLaw();
const def = loadLetterDefinition(DEFAULT_PATHS.letterFigures, law);
const profile = loadProfile(DEFAULT_PATHS.profile);

describe('the letter table on the default registry', () => {
  const registry = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: DEFAULT_SEED });
  const report = computeLetter(def, law, registry, 'default');
  const fig = (id: string) => report.figures.find((f) => f.id === id)!;

  it('matches every figure the letter states consistently', () => {
    expect(report.summary.differing).toEqual([]);
    expect(report.summary.matching).toBe(report.summary.consistent);
    for (const f of report.figures) {
      if (f.status === 'letter_inconsistent') continue;
      expect(f.status, f.id).toBe('match');
      for (const p of f.parts) expect(p.status, p.id).toBe('match');
      if (f.split) for (const s of Object.values(f.split)) expect(s.status, f.id).toBe('match');
    }
  });

  it('names the unverified inputs each figure rests on: the synthetic registry, an assumed parameter', () => {
    const synthetic = computeLetter(def, law, registry, 'default', def.file.as_of, true);
    const f = (id: string) => synthetic.figures.find((x) => x.id === id)!;
    expect(synthetic.unverified.map((d) => d.key)).toEqual(['registry']);
    expect(f('F1').unverified).toEqual(['registry']);
    // the letter's own daily cost is the ministry's figure, not an assumption; the saving counts persons
    expect(f('F16').unverified).toEqual([]);
    expect(f('F17').unverified).toEqual(['registry']);
    // a registry of records: nothing unverified in the counts
    expect(report.unverified).toEqual([]);
    expect(fig('F1').unverified).toEqual([]);
    const text = renderLetterText(synthetic, 'kk');
    expect(text).toContain('[1] тізілім: жасанды жиынтық');
    expect((letterJson(synthetic, 'ru') as { unverified_inputs: { label: string }[] }).unverified_inputs[0]!.label).toContain('реестр');
  });

  it('reports the totals the letter gets wrong as the letter’s inconsistency, with the records’ value', () => {
    expect(report.summary.inconsistentInLetter.sort()).toEqual(['F4', 'F9']);
    expect(fig('F4').computed).toBe(1221);
    expect(fig('F9').computed).toBe(21);
  });

  it('audits the letter: sub-totals, F14 above F2, and a prison bed charged for probationers', () => {
    const a = Object.fromEntries(report.audits.map((x) => [x.id, x]));
    expect(a.A1!.holds).toBe(false);
    expect(a.A1!.values).toMatchObject({ sum: 1221, letter: 1220 });
    expect(a.A2!.holds).toBe(true);
    expect(a.A3!.holds).toBe(false);
    expect(a.A3!.values).toMatchObject({ sum: 21, letter: 29 });
    expect(a.A5!.holds).toBe(true);
    expect(a.A6!.holds).toBe(false);
    expect(a.A7!.holds).toBe(false);
    const base = fig('F5').computed;
    expect(a.A7!.values.institution! + a.A7!.values.probation!).toBe(base);
    expect(a.A7!.values.probation).toBeGreaterThan(0);
    expect(a.A7!.details).toHaveLength(2);
  });

  it('computes the money figures from the records and the dated parameter', () => {
    expect(fig('F16').computed).toBe(2900);
    expect(fig('F17').computed).toBe(fig('F5').computed * 2900);
    expect(fig('F18').computed).toBe(fig('F17').computed * 365);
  });

  it('renders in kk, ru and en', () => {
    expect(renderLetterText(report, 'kk')).toContain('Хаттың өзін тексеру');
    expect(renderLetterText(report, 'ru')).toContain('Проверка самого письма');
    expect(renderLetterText(report, 'en')).toContain('Audit of the letter itself');
    const json = letterJson(report, 'en') as { figures: { id: string; status: string }[] };
    expect(json.figures).toHaveLength(18);
  });
});

describe('the letter table on a registry small enough to check by hand', () => {
  const cc = law.criminalCode;
  const part = (id: string) => cc.part(id)!.index;
  const asOf = isoDay('2025-02-01');
  const base: PersonRecord = testPerson(cc, {
    personId: 'X',
    articles: [part('190-2')],
    offenceDay: asOf - 400,
    sentenceStartDay: asOf - 300,
    sentenceEndDay: asOf + 300,
    imposedTermMonths: 20,
  });
  const people: PersonRecord[] = [
    { ...base, personId: 'a' }, // non-violent medium, first conviction, institution
    { ...base, personId: 'b', custody: 'probation', sentenceType: 'restriction_of_liberty', articles: [part('106-1')], birthYmd: 19600101 }, // grave, violent, 65
    { ...base, personId: 'c', articles: [part('190-3')], priorConvictions: 2, pregnant: true, civilClaimAmount: 1000, civilClaimPaid: 10 },
    { ...base, personId: 'd', childrenBirthYmd: [20230101, 20150101, 20120101, 20100101], disabilityGroup: 2 },
    { ...base, personId: 'e', sex: 'M', pensioner: true },
    { ...base, personId: 'f', sex: 'M' },
    { ...base, personId: 'g', pregnant: null }, // unknown pregnancy
  ];
  const report = computeLetter(def, law, registryOf(cc, people), 'hand');
  const v = (id: string) => report.figures.find((f) => f.id === id)!;

  it('counts each figure from the records', () => {
    expect(v('F1').computed).toBe(5);
    expect(v('F2').computed).toBe(4);
    expect(v('F3').computed).toBe(1);
    expect(v('F4').computed).toBe(3); // a, d, g (190-2 medium)
    expect(v('F5').computed).toBe(4); // a, c, d, g
    expect(v('F6').computed).toBe(3); // a, d, g (c has prior convictions)
    expect(v('F7').computed).toBe(3);
    expect(v('F8').computed).toBe(2); // b, c
    expect(v('F8').split).toMatchObject({ institution: { computed: 1 }, probation: { computed: 1 } });
    expect(v('F9').computed).toBe(1);
    expect(v('F9').parts.map((p) => p.computed)).toEqual([0, 1, 0]);
    expect(v('F10').computed).toBe(1);
    expect(v('F11').computed).toBe(1);
    expect(v('F11').unknown).toBe(1); // g: pregnancy unknown is neither counted nor dropped silently
    expect(v('F12').computed).toBe(1); // d: child born 2023-01-01 is 2
    expect(v('F13').computed).toBe(1); // d: four minors
    expect(v('F14').computed).toBe(1);
    expect(v('F15').computed).toBe(1);
    expect(v('F17').computed).toBe(4 * 2900);
  });
});

describe('the letter counts only persons serving on its day', () => {
  const cc = law.criminalCode;
  const asOf = isoDay('2025-02-01');
  const serving = testPerson(cc, { personId: 'now', offenceDay: asOf - 400, sentenceStartDay: asOf - 300, sentenceEndDay: asOf + 300 });
  const people: PersonRecord[] = [
    serving,
    { ...serving, personId: 'ended', sentenceEndDay: asOf - 1 }, // released the day before
    { ...serving, personId: 'ends-today', sentenceEndDay: asOf }, // the term ends on the day: no longer serving
    { ...serving, personId: 'not-begun', sentenceStartDay: asOf + 1, sentenceEndDay: asOf + 600 },
    { ...serving, personId: 'end-unknown', sentenceEndDay: null }, // counted: nothing says the term is over
  ];
  const report = computeLetter(def, law, registryOf(cc, people), 'hand');

  it('leaves out a woman whose term ended before or on the day, or begins after it', () => {
    expect(report.figures.find((f) => f.id === 'F1')!.computed).toBe(2);
    expect(report.registry).toMatchObject({ persons: 5, serving: 2, notServing: 3 });
  });

  it('says how many records it left out, in kk, ru and en', () => {
    expect(renderLetterText(report, 'ru')).toMatch(/не отбывают наказание на дату расчёта.*: 3/);
    expect(renderLetterText(report, 'en')).toMatch(/not serving on the day.*: 3/);
    expect(renderLetterText(report, 'kk')).toContain('3');
  });
});

describe('the letter definition', () => {
  it('refuses an audit that names a part of a figure, where the definition is read', () => {
    const audit = { id: 'A-part', kind: 'sum_of' as const, figure: 'F9', of: ['F9.I', 'F9.II'] };
    const check = () => checkLetterDefinition({ ...def.file, audits: [...def.file.audits, audit] }, law, null);
    expect(check).toThrow(DataFileError);
    expect(check).toThrow('F9.I is a part of a figure: an audit names whole figures');
    // the same audit over whole figures is accepted
    expect(() => checkLetterDefinition({ ...def.file, audits: [...def.file.audits, { ...audit, of: ['F1', 'F2'] }] }, law, null)).not.toThrow();
  });
});
