import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, isoDay } from '../domain/dates.ts';
import { DataFileError } from '../domain/located.ts';
import { renderMessage } from '../i18n/message.ts';
import { loadCriminalCode, MAYBE_SHIFT, tagBit, type CriminalCode } from './criminal-code.ts';
import { deriveGravity } from './gravity.ts';
import { loadLaw } from './law.ts';
import { loadParameters } from './parameters.ts';

const law = loadLaw();
const cc = law.criminalCode;

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'amnestia-law-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The English text of a reference that does not resolve, or '' when it resolves. */
const errorOf = (r: ReturnType<CriminalCode['resolve']>) => ('error' in r ? renderMessage(r.error, 'en') : '');

describe('Criminal Code table', () => {
  it('gives every part the gravity its maximum derives (Art. 11), as read from the Code', () => {
    // maxima read from the consolidated text (K1400000226); the gravity is never typed
    const expected: Record<string, string[]> = {
      '99': ['especially_grave', 'especially_grave', 'especially_grave'],
      '101': ['medium', 'medium'],
      '104': ['minor', 'minor'],
      '106': ['grave', 'grave', 'grave'],
      '107': ['minor', 'medium'],
      '108-1': ['misdemeanour', 'minor'],
      '110': ['medium', 'grave'],
      '187': ['misdemeanour', 'misdemeanour'],
      '188': ['medium', 'medium', 'grave', 'grave'],
      '189': ['medium', 'medium', 'grave', 'grave'],
      '190': ['minor', 'medium', 'grave', 'grave'],
      '191': ['medium', 'grave', 'grave', 'grave'],
      '192': ['grave', 'grave', 'grave', 'especially_grave'],
      '218': ['grave', 'grave', 'grave'],
      '293': ['minor', 'grave', 'grave'],
      '296': ['misdemeanour', 'misdemeanour', 'misdemeanour', 'grave'],
      '297': ['grave', 'grave', 'grave', 'especially_grave'],
      '345': ['misdemeanour', 'minor', 'minor', 'medium'],
    };
    for (const [article, gravities] of Object.entries(expected)) {
      gravities.forEach((g, i) => expect(cc.part(`${article}-${i + 1}`)?.gravity, `${article}-${i + 1}`).toBe(g));
    }
    expect(cc.part('100')?.gravity).toBe('medium');
    expect(cc.part('380-6')?.gravity).toBe('especially_grave');
  });
  it('derives every gravity from the maximum by the rules of its Code', () => {
    for (const p of cc.parts) {
      expect(p.gravityDerived).toBe(true);
      expect(p.gravity, p.id).toBe(deriveGravity(p.intent, p.max, cc.edition(p.edition)!.gravityRules));
    }
  });
  it('marks the parts read from the text verified, with the Code\'s identifier as the source', () => {
    for (const p of cc.parts.filter((x) => x.edition === null)) {
      expect(p.verified, p.id).toBe(true);
      expect(p.articleId).toBe('K1400000226');
      expect(p.source).toContain('K1400000226');
    }
    // the 1997 Code: every part listed was read in an edition's text, which its source names
    // (Art. 179, once recalled, was read in the Russian text of 2010)
    // (the wordings in force; of the earlier ones, only 313 part 2's four years are inferred, not read)
    const old = cc.parts.filter((x) => x.edition === '1997' && (x.wordingUntil === null || x.dateDoubt !== null));
    expect(cc.parts.filter((x) => x.edition === '1997' && !x.verified).map((x) => [x.id, x.max])).toEqual([['1997:313-2', { kind: 'imprisonment', months: 48 }]]);
    for (const p of old) {
      expect(p.articleId).toBe('K970000167_');
      expect(p.verified, p.id).toBe(true);
      expect(p.source, p.id).toMatch(/K970000167_ Art\. \d+.*(edition|text|translation)/);
    }
    expect(cc.matching('1997:179').map((p) => [p.id, p.gravity])).toEqual([['1997:179-1', 'grave'], ['1997:179-2', 'grave'], ['1997:179-3', 'especially_grave']]);
  });
  it('tags by the Code\'s own lists (Art. 3), down to part and point', () => {
    expect(cc.part('366-1')?.tags).toContain('corruption');
    expect(cc.part('361-2-1')?.tags).toContain('corruption');
    expect(cc.part('255-1')?.tags).toContain('terrorism');
    expect(cc.part('174-1')?.tags).toContain('extremism');
    expect(cc.part('184')?.tags).toEqual(expect.arrayContaining(['terrorism', 'extremism']));
    expect(cc.part('122-1')?.tags).toContain('sexual_minor');
    expect(cc.part('297-1')?.tags).toContain('drug_trafficking');
    // 189 part 3 point 2: the part alone may or may not be a corruption crime, the point is
    expect(cc.part('189-3')?.tags).not.toContain('corruption');
    expect(cc.part('189-3')?.maybeTags).toEqual(['corruption']);
    expect(cc.part('189-3.2')?.tags).toContain('corruption');
    expect(cc.part('189-3.1')?.tags).not.toContain('corruption');
    expect(cc.part('189-3.1')?.maybeTags).toEqual([]);
    expect(cc.part('189-4')?.maybeTags).toEqual(['corruption']);
    expect(cc.part('189-2')?.maybeTags).toEqual([]);
    // a minor victim is a point of 120 part 3-1, one alternative of part 4, absent from parts 1-3
    expect(cc.part('120-1')?.tags).not.toContain('sexual_minor');
    expect(cc.part('120-3-1')?.maybeTags).toEqual(['sexual_minor']);
    expect(cc.part('120-3-1.1')?.tags).toContain('sexual_minor');
    expect(cc.part('120-4')?.maybeTags).toEqual(['sexual_minor']);
    expect(cc.part('125-3.2')?.tags).toContain('trafficking');
    expect(cc.part('146-2')?.tags).toContain('torture');
    expect(cc.part('146-1')?.maybeTags).toContain('torture');
    const bits = (id: string) => cc.part(id)!.tagMask;
    expect(bits('189-3') & tagBit('corruption')).toBe(0);
    expect(bits('189-3') & (tagBit('corruption') << MAYBE_SHIFT)).not.toBe(0);
  });
  it('never resolves an unknown article, part, point or Code to a default', () => {
    expect(cc.resolve('188-2')).toMatchObject({ part: { id: '188-2' } });
    expect(cc.resolve('100')).toMatchObject({ part: { id: '100', part: null } });
    expect(cc.resolve('189-3.2')).toMatchObject({ part: { id: '189-3.2', point: '2' } });
    expect(errorOf(cc.resolve('188'))).toContain('has parts');
    expect(errorOf(cc.resolve('188-9'))).toContain('no part 9');
    expect(errorOf(cc.resolve('100-1'))).toContain('has no parts');
    expect(errorOf(cc.resolve('189-3.9'))).toContain('no point 9');
    expect(errorOf(cc.resolve('9999-1'))).toContain('not in the Criminal Code table');
    expect(errorOf(cc.resolve('108-1'))).toContain('has parts');
  });
  it('keeps the 1997 Code apart: its articles are written 1997:N and never mean the 2014 article', () => {
    const murder = cc.resolve('1997:96-1');
    expect(murder).toMatchObject({ part: { id: '1997:96-1', edition: '1997', article: '1997:96', gravity: 'especially_grave', verified: true } });
    expect(errorOf(cc.resolve('96-1'))).toContain('1997:ARTICLE-PART');
    expect(errorOf(cc.resolve('1997:188-1'))).toContain('Criminal Code of 1997');
    expect(errorOf(cc.resolve('1959:1-1'))).toContain('no Criminal Code of 1959');
    // has_article(179) is 2014 robbery-with-violence's neighbour, never the 1997 Art. 179
    expect(cc.matching('179').length).toBe(0);
    expect(cc.matching('1997:179').map((p) => p.id)).toEqual(['1997:179-1', '1997:179-2', '1997:179-3']);
    // 1997 Art. 10 part 2: a negligent act up to five years is minor, as in the 2014 Code's Art. 11
    expect(deriveGravity('negligent', { kind: 'imprisonment', months: 36 }, 'cc1997')).toBe('minor');
    expect(deriveGravity('negligent', { kind: 'imprisonment', months: 36 }, 'cc2014')).toBe('minor');
    expect(cc.part('1997:101-2')).toMatchObject({ gravity: 'minor', intent: 'negligent' });
    // the gravity of each 1997 part read, derived by its Art. 10 from the maximum
    const g = (id: string) => cc.part(id)!.gravity;
    expect(['1997:96-2', '1997:103-1', '1997:121-1', '1997:121-2', '1997:187-1', '1997:233-2', '1997:311-1'].map(g)).toEqual(['especially_grave', 'grave', 'medium', 'grave', 'minor', 'grave', 'medium']);
    // 103 parts 2-3 (8 and 10 years), 307 part 1 (2 years); 128 and 133 in the wording of the Law of
    // 2 March 2006 No. 131, the later of the two read (trafficking in persons: 5, 7, 10, 15 years;
    // in minors: 7, 10, 12, 15 years), not the December 2004 one (128: 1, 5, 8; 133: 7, 10, 15)
    expect(['1997:103-2', '1997:103-3', '1997:307-1'].map(g)).toEqual(['grave', 'grave', 'minor']);
    const byPart = (article: string) => Object.fromEntries(cc.matching(article).map((p) => [p.part, p.gravity]));
    expect(byPart('1997:128')).toEqual({ '1': 'medium', '2': 'grave', '3': 'grave', '4': 'especially_grave' });
    expect(byPart('1997:133')).toEqual({ '1': 'grave', '2': 'grave', '3': 'grave', '4': 'especially_grave' });
    expect(cc.matching('1997:128').every((p) => p.violent === 'yes' && p.tags.includes('trafficking'))).toBe(true);
    expect(cc.part('1997:233-1')!.tags).toContain('terrorism');
    expect(cc.part('1997:311-1')!.tags).toContain('corruption');
    expect(cc.part('1997:307-1')!.tags).toContain('corruption');
    // 259 in the wording of the Law of 27 June 2008 No. 50-IV (3, 7, 10, 12, 15 years and life); only the
    // parts with intent to sell are drug trafficking (as 2014 Art. 297, not 296)
    expect(Object.fromEntries(cc.matching('1997:259').map((p) => [p.part, [p.gravity, p.tags.includes('drug_trafficking')]]))).toEqual({
      '1': ['medium', false], '1-1': ['grave', false], '2': ['grave', true], '2-1': ['grave', true], '3': ['especially_grave', true], '4': ['especially_grave', true],
    });
    expect(errorOf(cc.resolve('1997:259-5'))).toContain('no part 5');
    expect(cc.matching('1997:133').every((p) => p.tags.includes('trafficking'))).toBe(true);
    // 308 parts 1-3 (3, 5, 8 years), 310 part 1 (1 year), 314 parts 1-3 (2, 3, 6 years: part 3 as raised by
    // the Law of 21 July 2007 No. 308 from five); 309 has no imprisonment and no parts: minor under the
    // 1997 Art. 10, which knew no criminal misdemeanours
    expect(['1997:308-1', '1997:308-2', '1997:308-3', '1997:310-1', '1997:314-1', '1997:314-2', '1997:314-3', '1997:309'].map(g)).toEqual([
      'medium', 'medium', 'grave', 'minor', 'minor', 'medium', 'grave', 'minor',
    ]);
    // corruption as the 2014 Code lists the successor: 310 (364) and 314 (369) whole, 308 (362) not
    expect(['1997:310-1', '1997:314-2', '1997:308-3'].map((id) => cc.part(id)!.tags.includes('corruption'))).toEqual([true, true, false]);
    // 313 parts 1-2 (Kazakh text: 2 and 6 years), corruption as its successor 368; a part 3 was not read
    expect(['1997:313-1', '1997:313-2'].map(g)).toEqual(['minor', 'grave']);
    expect(cc.matching('1997:313').every((p) => p.tags.includes('corruption'))).toBe(true);
    expect(errorOf(cc.resolve('1997:313-3'))).toContain('no part 3');
    // the Russian text of 2010: the articles older amnesty laws name, and the aggravated parts
    // (Art. 10 of the 1997 Code: up to 2 years minor, 5 medium, 12 grave, above 12 or life especially grave)
    expect(['1997:120-1', '1997:120-2', '1997:120-3', '1997:121-3', '1997:125-1', '1997:125-3', '1997:164-1', '1997:164-2', '1997:165-1', '1997:165-2'].map(g)).toEqual([
      'medium', 'grave', 'especially_grave', 'especially_grave', 'grave', 'especially_grave', 'medium', 'grave', 'especially_grave', 'especially_grave',
    ]);
    expect(['1997:187-2', '1997:187-3', '1997:233-1', '1997:233-3', '1997:233-4', '1997:237-1', '1997:237-2', '1997:237-3'].map(g)).toEqual([
      'medium', 'grave', 'grave', 'especially_grave', 'especially_grave', 'especially_grave', 'grave', 'especially_grave',
    ]);
    expect(['1997:307-2', '1997:307-4', '1997:308-4', '1997:310-2', '1997:310-4', '1997:311-2', '1997:311-5', '1997:312-1', '1997:312-3', '1997:312-5', '1997:315-1', '1997:315-4'].map(g)).toEqual([
      'medium', 'grave', 'grave', 'minor', 'minor', 'grave', 'especially_grave', 'medium', 'grave', 'especially_grave', 'minor', 'grave',
    ]);
    // tags as the successors', and the 1997 Code's own corruption list (note 5 to Art. 307)
    expect(cc.part('1997:120-1')!.tags).toEqual(['sexual']);
    expect(cc.part('1997:120-3')!.maybeTags).toContain('sexual_minor');
    expect(cc.part('1997:125-3')!.maybeTags).toContain('trafficking');
    expect(cc.part('1997:164-1')!.tags).toContain('extremism');
    expect(cc.part('1997:165-1')!.tags).toContain('treason');
    expect(cc.part('1997:237-2')!.tags).toContain('criminal_group');
    expect(cc.part('1997:233-4')!.tags).toContain('terrorism');
    expect(['1997:312-1', '1997:315-2', '1997:311-4'].every((id) => cc.part(id)!.tags.includes('corruption'))).toBe(true);
    expect(cc.part('1997:308-4')).toMatchObject({ violent: 'yes', tags: [], maybeTags: ['corruption'] });
    // a part not read stays out: 259 part 5 above, 313 part 3, a 316 is rejected, never given a default gravity
    expect(errorOf(cc.resolve('1997:316-1'))).toContain('Criminal Code of 1997');
  });
  it('matches a part\'s points and an article\'s parts', () => {
    expect(cc.matching('189-3').map((p) => p.id)).toEqual(['189-3', '189-3.1', '189-3.2']);
    expect(cc.matching('189').length).toBe(6);
  });
  it('reads a conviction with the sanction\'s wording in force on its offence date, where the table dates it', () => {
    const file = tmpFile(
      'cc.yaml',
      [
        'code: X',
        'title: { ru: X, en: X }',
        'article_id: X1',
        'url: https://example.org/x',
        'in_force: 2015-01-01',
        'gravity_rules: cc2014',
        'source: test',
        'articles:',
        '  "1":',
        '    title: { ru: a, en: a }',
        '    intent: intentional',
        '    violent: "no"',
        '    verified: true',
        '    parts:',
        '      "1":',
        '        max: 6y',
        '        since: 2020-01-10',
        '        earlier:',
        '          - { until: 2020-01-10, max: 5y, verified: false, source: "2014 wording" }',
        '      "2": { max: 2y }',
      ].join('\n'),
    );
    const x = loadCriminalCode(file);
    const current = x.part('1-1')!;
    expect(current.gravity).toBe('grave');
    expect(current.wordingFrom).toBe(isoDay('2020-01-10'));
    const old = x.parts[x.wordingAt(current.index, isoDay('2020-01-09'))]!;
    expect(old).toMatchObject({ id: '1-1', gravity: 'medium', current: false, verified: false });
    expect(x.wordingAt(current.index, isoDay('2020-01-10'))).toBe(current.index);
    expect(x.wordingAt(current.index, null)).toBe(current.index);
    // a part without dates: its one wording whatever the day
    expect(x.wordingAt(x.part('1-2')!.index, isoDay('2016-01-01'))).toBe(x.part('1-2')!.index);
    // has_article sees every wording
    expect(x.matching('1-1').length).toBe(2);
  });
  it('refuses a doubtful day without its window or its source, with the path of the mistake', () => {
    const header = ['code: X', 'title: { ru: X, en: X }', 'article_id: X1', 'url: https://example.org/x', 'in_force: 2015-01-01', 'gravity_rules: cc2014', 'source: test', 'articles:'];
    const part = (lines: string[]) => tmpFile('cc.yaml', [...header, '  "1":', '    title: { ru: a, en: a }', '    intent: intentional', '    violent: "no"', '    verified: true', '    parts:', '      "1":', '        max: 6y', ...lines.map((l) => `        ${l}`)].join('\n'));
    const errorsOf = (file: string) => {
      try {
        loadCriminalCode(file);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(DataFileError);
        return (e as DataFileError).errors.map((x) => [x.path, x.message.key]);
      }
    };
    // a day not in a text needs the first day the wording is in force for certain, and where the bounds come from
    expect(errorsOf(part(['since: 2020-01-07', 'since_verified: false']))).toEqual([
      ['$.articles["1"].parts["1"].since_certain', 'law.since_certain_missing'],
      ['$.articles["1"].parts["1"].since_source', 'law.since_source_missing'],
    ]);
    // the window ends after it begins
    expect(errorsOf(part(['since: 2020-01-07', 'since_verified: false', 'since_certain: 2020-01-07', 'since_source: s']))).toEqual([['$.articles["1"].parts["1"].since_certain', 'law.since_certain_order']]);
    // a window belongs to a day that is not verified, and a day to a window
    expect(errorsOf(part(['since: 2020-01-07', 'since_certain: 2020-02-07', 'since_source: s']))).toEqual([['$.articles["1"].parts["1"].since_certain', 'law.since_certain_verified']]);
    expect(errorsOf(part(['since_verified: false', 'since_certain: 2020-02-07', 'since_source: s']))).toEqual([['$.articles["1"].parts["1"].since', 'law.since_verified_alone']]);
    // well formed: one entry before the window (the earlier wording), one in it, one after
    const ok = loadCriminalCode(part(['since: 2020-01-07', 'since_verified: false', 'since_certain: 2020-02-07', 'since_source: s', 'earlier:', '  - { until: 2020-01-07, max: 5y, verified: true, source: e }']));
    expect(ok.matching('1-1').map((p) => [p.max, p.dateDoubt === null ? null : [p.dateDoubt.from, p.dateDoubt.certain].map(formatIsoDate), p.current])).toEqual([
      [{ kind: 'imprisonment', months: 60 }, null, false],
      [{ kind: 'imprisonment', months: 72 }, ['2020-01-07', '2020-02-07'], false],
      [{ kind: 'imprisonment', months: 72 }, null, true],
    ]);
  });
  it('rejects a typed gravity, a bad maximum, an unknown tag and undated wordings, with file, line and path', () => {
    const file = tmpFile(
      'cc.yaml',
      [
        'code: X',
        'title: { ru: X, en: X }',
        'article_id: X1',
        'url: https://example.org/x',
        'in_force: 2015-01-01',
        'gravity_rules: cc2014',
        'source: test',
        'articles:',
        '  "1":',
        '    title: { ru: a, en: a }',
        '    intent: intentional',
        '    violent: "no"',
        '    verified: false',
        '    parts:',
        '      "1": { max: 3y, gravity: grave }',
        '      "2": { max: three }',
        '      "3": { max: 2y, tags: [bogus] }',
      ].join('\n'),
    );
    try {
      loadCriminalCode(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataFileError);
      const errors = (e as DataFileError).errors;
      expect(errors.map((x) => x.path)).toEqual(expect.arrayContaining(['$.articles["1"].parts["2"].max', '$.articles["1"].parts["3"].tags[0]']));
      const typed = errors.find((x) => x.message.key === 'law.gravity_typed')!;
      expect(typed.line).toBe(15);
      expect(typed.file).toBe(file);
    }
    const undated = tmpFile(
      'cc.yaml',
      [
        'code: X',
        'title: { ru: X, en: X }',
        'article_id: X1',
        'url: https://example.org/x',
        'in_force: 2015-01-01',
        'gravity_rules: cc2014',
        'source: test',
        'articles:',
        '  "1":',
        '    title: { ru: a, en: a }',
        '    intent: intentional',
        '    violent: "no"',
        '    verified: true',
        '    max: 3y',
        '    earlier:',
        '      - { until: 2020-01-10, max: 5y, verified: false, source: s }',
      ].join('\n'),
    );
    expect(() => loadCriminalCode(undated)).toThrow(/since/);
  });
});

describe('the shipped table, dated: each conviction read with the wording in force on its offence date', () => {
  // Each amending law's boundary: the part, its gravity before the law (null: the part did not exist),
  // its gravity since, the first day the law may have taken effect (signed + ten calendar days after a
  // publication no earlier than the signing) and the first day it was in force for certain.
  const laws = {
    // Law of 2 March 2006 No. 131: no article on entry into force; the Law on normative legal acts, Art. 36
    trafficking2006: { from: '2006-03-13', certain: '2006-04-13' },
    // Law of 21 July 2007 No. 308, Art. 2: ten calendar days from its official publication
    corruption2007: { from: '2007-07-31', certain: '2007-09-01' },
    // Law of 27 June 2008 No. 50-IV, Art. 2: ten calendar days from its first official publication
    drugs2008: { from: '2008-07-07', certain: '2008-08-08' },
    // Law of 27 December 2019 No. 292-VI, Art. 2: ten calendar days after its first official publication
    rights2019: { from: '2020-01-07', certain: '2020-02-07' },
  } as const;
  const boundaries: [string, keyof typeof laws, [string, string] | null, [string, string]][] = [
    ['1997:128-1', 'trafficking2006', ['1y', 'minor'], ['5y', 'medium']],
    ['1997:128-2', 'trafficking2006', ['5y', 'medium'], ['7y', 'grave']],
    ['1997:128-3', 'trafficking2006', ['8y', 'grave'], ['10y', 'grave']],
    ['1997:128-4', 'trafficking2006', null, ['15y', 'especially_grave']],
    ['1997:133-3', 'trafficking2006', ['15y', 'especially_grave'], ['12y', 'grave']],
    ['1997:133-4', 'trafficking2006', null, ['15y', 'especially_grave']],
    ['1997:313-2', 'corruption2007', ['4y', 'medium'], ['6y', 'grave']],
    ['1997:314-3', 'corruption2007', ['5y', 'medium'], ['6y', 'grave']],
    ['1997:259-1-1', 'drugs2008', null, ['7y', 'grave']],
    ['1997:259-2-1', 'drugs2008', null, ['12y', 'grave']],
    ['1997:259-3', 'drugs2008', ['12y', 'grave'], ['15y', 'especially_grave']],
    ['1997:259-4', 'drugs2008', ['15y', 'especially_grave'], ['life', 'especially_grave']],
    ['120-3-2', 'rights2019', null, ['life', 'especially_grave']],
    ['121-3-2', 'rights2019', null, ['life', 'especially_grave']],
  ];
  const maxText = (p: { max: { kind: string; months?: number } }) => (p.max.kind === 'life' ? 'life' : `${(p.max.months ?? 0) / 12}y`);
  /** The wording read for an offence on a day: its maximum, gravity and whether it rests on an assumed day. */
  const read = (id: string, day: number) => {
    const w = cc.parts[cc.wordingAt(cc.part(id)!.index, day)]!;
    return { max: maxText(w), gravity: w.gravity, assumed: w.dateDoubt !== null, current: w.current };
  };
  for (const [id, law, before, since] of boundaries) {
    const { from, certain } = laws[law];
    it(`${id}: the day before ${from}, on it, inside the window, the day before ${certain}, on it and after`, () => {
      const f = isoDay(from);
      const c = isoDay(certain);
      const now = { max: since[0], gravity: since[1] };
      // before the earliest day the law may have taken effect: the older wording, certainly; or, for a
      // part the law added, the part as it is (no wording was in force: the registry warns, below)
      expect(read(id, f - 1)).toEqual(before === null ? { ...now, assumed: false, current: true } : { max: before[0], gravity: before[1], assumed: false, current: false });
      // from that day until the day it was in force for certain: the current wording, on an assumed day
      for (const d of [f, f + 10, c - 1]) expect(read(id, d), formatIsoDate(d)).toEqual({ ...now, assumed: true, current: false });
      for (const d of [c, c + 1, isoDay('2025-01-01')]) expect(read(id, d), formatIsoDate(d)).toEqual({ ...now, assumed: false, current: true });
      // the wording the table shows as in force is the certain one; has_article sees every wording
      expect(cc.part(id)).toMatchObject({ max: cc.parts[cc.wordingAt(cc.part(id)!.index, c)]!.max, dateDoubt: null });
      expect(cc.matching(id).filter((p) => p.point === null).length).toBe(before === null ? 2 : 3);
    });
  }
  it('dates only the parts whose sanction the amending laws changed, each window from its source', () => {
    const dated = [...new Set(cc.parts.filter((p) => p.dateDoubt !== null && p.point === null).map((p) => p.id))].sort();
    expect(dated).toEqual(boundaries.map(([id]) => id).sort());
    // 133 parts 1-2 kept their maxima (seven and ten years): not dated
    expect(cc.matching('1997:133-1').length).toBe(1);
  });
});

describe('dated parameters', () => {
  it('looks a value up by date', () => {
    expect(law.parameters.value('cost.inmate_per_day.letter', isoDay('2025-02-01'))).toBe(2900);
    expect(law.parameters.value('cost.inmate_per_day.committee', isoDay('2024-08-01'))).toBe(7500);
    expect(law.parameters.at('cost.probationer_per_day', isoDay('2025-02-01')).assumption).toBe(true);
    expect(law.parameters.value('family.many_children_threshold', isoDay('2025-02-01'))).toBe(4);
  });
  it('has no value before the first date', () => {
    expect(() => law.parameters.value('cost.inmate_per_day.letter', isoDay('2020-01-01'))).toThrow(/no value on 2020-01-01/);
  });
  it('takes the latest value in force', () => {
    const file = tmpFile(
      'p.yaml',
      [
        'parameters:',
        '  x.y:',
        '    description: { kk: a, ru: a, en: a }',
        '    unit: tenge',
        '    values:',
        '      - { from: 2024-01-01, value: 1, source: s }',
        '      - { from: 2025-01-01, value: 2, source: s }',
      ].join('\n'),
    );
    const p = loadParameters(file);
    expect(p.value('x.y', isoDay('2024-12-31'))).toBe(1);
    expect(p.value('x.y', isoDay('2025-01-01'))).toBe(2);
  });
});
