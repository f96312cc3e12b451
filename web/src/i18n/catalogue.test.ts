/**
 * The web app's catalogue: every key has Kazakh, Russian and English, none empty, with the same
 * {{placeholders}}; and no page or component writes a user-facing text of its own (a JSX text or a
 * title, placeholder, label or alt attribute with letters, or Cyrillic anywhere outside the
 * catalogue), so that every text on a page comes from the catalogue or from the server.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, LANGS } from './catalogue.ts';

const WEB_SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort().join(',');

describe('the web catalogue', () => {
  it('has kk, ru and en for every key, with the same placeholders', () => {
    const faults: string[] = [];
    for (const [key, text] of Object.entries(CATALOGUE)) {
      for (const lang of LANGS) if (typeof text[lang] !== 'string' || text[lang].trim() === '') faults.push(`${key}: no ${lang}`);
      for (const lang of ['kk', 'ru'] as const) if (placeholders(text[lang]) !== placeholders(text.en)) faults.push(`${key}: ${lang} {{${placeholders(text[lang])}}}, en {{${placeholders(text.en)}}}`);
    }
    expect(Object.keys(CATALOGUE).length).toBeGreaterThan(200);
    expect(faults).toEqual([]);
  });

  it('holds every text of the pages and components', () => {
    const faults: string[] = [];
    const attributes = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);
    for (const file of sources(WEB_SRC)) {
      const name = relative(WEB_SRC, file);
      if (name === join('i18n', 'catalogue.ts')) continue;
      const text = readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const at = (node: ts.Node) => `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        // the names of file formats (CSV, XLSX) are the same in every language
        if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text) && !/^[A-Z]{2,5}$/.test(node.text.trim())) faults.push(`${at(node)}: text "${node.text.trim()}"`);
        if (ts.isJsxAttribute(node) && attributes.has(node.name.getText(source)) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}{2,}/u.test(node.initializer.text))
          faults.push(`${at(node)}: ${node.name.getText(source)}="${node.initializer.text}"`);
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && /[\u0400-\u04ff]/.test(node.text))
          faults.push(`${at(node)}: Cyrillic "${node.text}"`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(faults).toEqual([]);
  });
});
