/**
 * The catalogues of user-facing texts (src/i18n/, every module): each text has Kazakh, Russian and
 * English, none empty, with the same {placeholders} in the three; and the reports rendered in the
 * three languages leave no placeholder unfilled.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import ts from 'typescript';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from './text.ts';
import { DEFAULT_PATHS, DEFAULT_SEED, PROJECT_ROOT } from '../paths.ts';
import { loadLaw } from '../law/law.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { generateRegistry } from '../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../registry/synthetic/profile.ts';
import { impactOf, SHIPPED_ACTS } from '../cli/impact.ts';
import { renderComparison, renderImpact } from '../impact/render.ts';
import { computeLetter, loadLetterDefinition, renderLetterMarkdown, renderLetterText } from '../reports/letter.ts';
import { compileActText } from '../engine/act/plan.ts';
import { DataFileError, parseYamlSource, type LocatedError } from '../domain/located.ts';
import { ERROR_CATALOGUE, renderMessage } from './message.ts';

const I18N = join(PROJECT_ROOT, 'src/i18n');

function modules(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return modules(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

const isText = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && ['kk', 'ru', 'en'].some((l) => l in v);

/** Every Text among a module's exports, by path ("MESSAGES.letter.heading"). */
function textsOf(value: unknown, path: string, out: [string, Record<string, unknown>][]): void {
  if (isText(value)) out.push([path, value]);
  else if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) textsOf(v, `${path}.${k}`, out);
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const catalogues = await Promise.all(
  modules(I18N).map(async (file) => {
    const texts: [string, Record<string, unknown>][] = [];
    for (const [name, value] of Object.entries(await import(file))) textsOf(value, name, texts);
    return { file: relative(PROJECT_ROOT, file), texts };
  }),
);

describe('the catalogues of src/i18n', () => {
  it('are found, and hold the impact report’s texts by section', () => {
    const files = catalogues.map((c) => c.file);
    expect(files).toEqual(expect.arrayContaining(['src/i18n/messages.ts', 'src/i18n/api.ts', 'src/i18n/impact/money.ts', 'src/i18n/impact/equality.ts']));
    expect(catalogues.reduce((a, c) => a + c.texts.length, 0)).toBeGreaterThan(300);
  });

  for (const { file, texts } of catalogues) {
    if (texts.length === 0) continue;
    it(`${file}: every text has kk, ru and en with the same placeholders`, () => {
      const faults: string[] = [];
      for (const [path, text] of texts) {
        for (const lang of LANGS) if (typeof text[lang] !== 'string' || (text[lang] as string).trim() === '') faults.push(`${path}: no ${lang}`);
        const keys = Object.keys(text).filter((k) => !(LANGS as readonly string[]).includes(k));
        if (keys.length > 0) faults.push(`${path}: unexpected ${keys.join(', ')}`);
        if (faults.length > 0) continue;
        const en = placeholders(text['en'] as string).join(',');
        for (const lang of ['kk', 'ru'] as const) {
          const other = placeholders(text[lang] as string).join(',');
          if (other !== en) faults.push(`${path}: ${lang} has {${other}}, en has {${en}}`);
        }
      }
      expect(faults).toEqual([]);
    });
  }
});

describe('rendered reports', () => {
  const law = loadLaw();
  const registry = generateRegistry(scaleProfile(loadProfile(DEFAULT_PATHS.profile), 3000), law.criminalCode, loadFacilities(DEFAULT_PATHS.facilities), { seed: DEFAULT_SEED });
  const unfilled = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]);

  it('leave no placeholder unfilled in the impact report and the comparison, in kk, ru and en', () => {
    // an older day too, so that parameters are extrapolated and marked
    for (const asOf of [undefined, '2015-06-01']) {
      const { report } = impactOf(law, registry, 'synthetic', [...SHIPPED_ACTS], { changes: 5, registrySynthetic: true, ...(asOf ? { asOf } : {}) });
      for (const lang of LANGS)
        for (const format of ['text', 'md'] as const) {
          const out = renderImpact(report, lang, format);
          expect(out.length).toBeGreaterThan(2000);
          expect(unfilled(out)).toEqual([]);
          expect(unfilled(renderComparison(report, { lang, format }))).toEqual([]);
        }
    }
  });

  it('leave no placeholder unfilled in the letter’s table, in kk, ru and en', () => {
    const report = computeLetter(loadLetterDefinition(DEFAULT_PATHS.letterFigures, law), law, registry, 'synthetic', undefined, true);
    for (const lang of LANGS) {
      for (const out of [renderLetterText(report, lang), renderLetterMarkdown(report, lang)]) {
        expect(out.length).toBeGreaterThan(500);
        expect(unfilled(out)).toEqual([]);
      }
    }
  });
});

describe('messages of located errors (src/i18n/errors/)', () => {
  const law = loadLaw();
  const broken = readFileSync(join(PROJECT_ROOT, 'test/fixtures/broken-act/act.yaml'), 'utf8');
  const head = 'id: x\ntitle: { kk: a, ru: a, en: a }\nsource: { text: s, verified: false }\nstatus: draft\nentry_into_force: 2025-06-01\nexecution_end: 2025-12-01\ncombine: { rule: first_match, text: t }\n';
  const clause = (when: string, measure = '{ type: release }') => `clauses:\n  - id: c1\n    ref: r\n    text: { kk: a, ru: a }\n    when: ${when}\n    measure: ${measure}\n`;
  /** Acts wrong in many ways: each zod issue code the act schema can raise, and the condition language's errors. */
  const acts = [
    broken,
    `${head}${clause('"age >= 50"')}extra: 1\n`,
    `${head}${clause('"age >= 50"', '{ type: reduce_unserved, fraction: 2 }')}`,
    `${head}${clause('"age >= 50"', '{ type: pardon }')}`,
    `${head.replace('status: draft', 'status: bill')}${clause('"age >= 50"')}`,
    `${head.replace('title: { kk: a, ru: a, en: a }', 'title: 5')}${clause('[1, 2]')}`,
    `${head}clauses: []\n`,
    `${head}${clause('"region = 5 and"')}`,
    `${head}${clause('"facility in [1]"')}`,
    `${head}${clause('"imposed_term > 5"')}`,
    `${head}${clause('"has_tag(bribery) = yes"')}`,
    `${head}${clause('{ all: [], any: [] }')}`,
    `${head}${clause('"age >= param.share"', '{ type: reduce_months, months: 700 }')}`,
    `${head}execution_end: 2025-01-01\n${clause('"pregnant"')}`.replace('execution_end: 2025-12-01\n', ''),
    'id: [',
  ];
  const errors: LocatedError[] = acts.flatMap((text, i) => {
    try {
      compileActText(text, `act-${i}.yaml`, law);
      return [];
    } catch (e) {
      if (e instanceof DataFileError) return e.errors;
      throw e;
    }
  });

  it('every act of the corpus is refused', () => {
    expect(new Set(errors.map((e) => e.file)).size).toBe(acts.length);
    expect(errors.length).toBeGreaterThan(20);
  });

  it('render in kk, ru and en with every placeholder filled, and the three differ', () => {
    const faults: string[] = [];
    for (const e of errors) {
      const texts = Object.fromEntries(LANGS.map((lang) => [lang, renderMessage(e.message, lang)]));
      for (const lang of LANGS) if (/\{\w+\}/.test(texts[lang]!) || texts[lang] === e.message.key) faults.push(`${e.file} ${e.path} ${lang}: ${texts[lang]}`);
      if (texts['kk'] === texts['en'] || texts['ru'] === texts['en']) faults.push(`${e.file} ${e.path}: not translated: ${texts['en']}`);
    }
    expect(faults).toEqual([]);
  });

  it('name zod’s issues in words of the catalogue, never in zod’s English', () => {
    const keys = new Set(errors.map((e) => e.message.key));
    for (const key of ['data.unknown_keys', 'data.invalid_type', 'data.one_of', 'data.unknown_kind', 'act.needs_clause', 'act.kk_missing', 'act.fraction_bounds'] as const) expect(keys, key).toContain(key);
    expect([...keys].some((k) => k.startsWith('data.yaml.'))).toBe(true);
    expect(keys).not.toContain('data.invalid');
  });

  it('name the YAML parser’s common errors in words of the catalogue, in the three languages', () => {
    const texts = ['a: "x\n', 'a: "\\q"\n', 'a: 1\n---\nb: 2\n', 'a: @x\n', 'a: *nope\n', 'a\nb: 1\n', 'a: b: c\n', 'a: 1\n]\n'];
    const found = texts.map((text) => {
      try {
        parseYamlSource(text, 'f.yaml');
      } catch (e) {
        if (e instanceof DataFileError) return e.errors[0]!.message;
      }
      throw new Error(`${text} was read`);
    });
    expect(found.map((m) => m.key)).toEqual([
      'data.yaml.missing_char',
      'data.yaml.escape',
      'data.yaml.multiple_docs',
      'data.yaml.scalar_start',
      'data.yaml.bad_alias',
      'data.yaml.multiline_key',
      'data.yaml.block_as_key',
      'data.yaml.unexpected_token',
    ]);
    for (const m of found) expect(new Set(LANGS.map((lang) => renderMessage(m, lang))).size).toBe(3);
  });

  it('every key of the catalogue is a Text in the three languages', () => {
    for (const [key, text] of Object.entries(ERROR_CATALOGUE)) for (const lang of LANGS) expect(text[lang].trim(), `${key} ${lang}`).not.toBe('');
  });
});

/**
 * Files outside src/i18n that may hold Cyrillic literals, and why: none of them is a text for a
 * reader. A file not named here holding one fails, and so does a file named here that no longer does.
 */
const CYRILLIC_ALLOWED: Record<string, string> = {
  'src/engine/facts/person.ts': 'test leaves that spell a value as the registry may (sex in [Ж])',
  'src/engine/facts/offences.ts': 'test leaves that spell gravities as the registry may (СТ, Т, УП)',
  'src/engine/facts/sentence.ts': 'test leaves that spell custody as the registry may (СП, ИУ) and name places (Астана, ИУ-1)',
  'src/registry/synthetic/names.ts': 'the synthetic population’s surnames and given names (data)',
  'src/registry/row.ts': 'patterns that recognise Cyrillic input: mis-decoded text, spreadsheet error values, Ж/М/Ә/Е for sex',
  'src/registry/csv/encoding.ts': 'a pattern that recognises Windows-1251 text read as another encoding',
  'src/domain/iin.ts': '“ИИН” as the name of the identifier in English messages',
  'src/server/routes/persons.ts': '“ИИН” in the OpenAPI description of a query parameter',
  'src/engine/testing/arbitraries.ts': 'test data',
  'src/engine/testing/acts.ts': 'test data',
  'src/registry/testing/files.ts': 'test data',
};

describe('user-facing texts outside the catalogues', () => {
  it('no Cyrillic literal in src/ outside src/i18n but where it is data or a pattern', () => {
    const found = new Set<string>();
    const faults: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
      });
    for (const file of walk(join(PROJECT_ROOT, 'src'))) {
      const rel = relative(PROJECT_ROOT, file);
      if (rel.startsWith('src/i18n/')) continue;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isRegularExpressionLiteral(node);
        if (literal && /[\u0400-\u04ff]/.test(node.getText(source))) {
          found.add(rel);
          if (!(rel in CYRILLIC_ALLOWED)) faults.push(`${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText(source).slice(0, 80)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(faults).toEqual([]);
    expect(Object.keys(CYRILLIC_ALLOWED).filter((f) => !found.has(f))).toEqual([]);
  });
});

describe('what the command line writes', () => {
  // The sinks of the CLI's and the server's printed lines: what they write is rendered from the
  // catalogues, or is data (names, ids, numbers, JSON); a word written into the call is a text the
  // catalogues miss. English words only: Cyrillic is checked above.
  const SINKS = /^(?:process\.(?:stdout|stderr)\.write|new (?:UserError|SubmissionRefused))$/;
  it('has no word of its own in a write to standard output or error, or in a refusal', () => {
    const faults: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? (n === 'testing' || n === 'i18n' ? [] : walk(p)) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
      });
    let sinks = 0;
    for (const file of walk(join(PROJECT_ROOT, 'src'))) {
      const rel = relative(PROJECT_ROOT, file);
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const words = (node: ts.Node): string[] => {
        const own =
          ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
            ? (node.text.match(/[A-Za-z]{2,}/g) ?? [])
            : [];
        // a literal that is an argument of a call inside the write (a key, an option name) is not written as it is
        if (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return [];
        // nor is the condition of a choice (`format === 'json' ? … : …`)
        if (ts.isConditionalExpression(node)) return [...words(node.whenTrue), ...words(node.whenFalse)];
        return [...own, ...node.getChildren(source).flatMap(words)];
      };
      const visit = (node: ts.Node): void => {
        const callee = ts.isCallExpression(node) ? node.expression.getText(source) : ts.isNewExpression(node) ? `new ${node.expression.getText(source)}` : null;
        if (callee !== null && SINKS.test(callee) && (ts.isCallExpression(node) || ts.isNewExpression(node))) {
          sinks++;
          const found = (node.arguments ?? []).flatMap(words);
          if (found.length > 0) faults.push(`${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${found.join(' ')}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(sinks).toBeGreaterThan(30);
    expect(faults).toEqual([]);
  });
});
