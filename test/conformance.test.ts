/**
 * Conformance: everything that can be added — facts, measures, combination rules, impact
 * sections, endpoints, web pages, law parameters — is complete: documented in docs/, translated in
 * kk, ru and en, given its SQL form, reached by the property tests' generators, registered where it
 * must be; and docs/extending.md, the checklist of these additions, names files that exist. A
 * forgotten step fails here with its name (docs/extending.md says where it goes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMBINE, measureSchema } from '../src/engine/act/schema.ts';
import { MEASURE_CODES } from '../src/engine/act/plan.ts';
import { FACTS } from '../src/engine/facts.ts';
import { DATE_YMD_SQL, FACT_SQL, TERM_SIGN_SQL } from '../src/engine/sql/facts-sql.ts';
import { generatedLeaf, LEAVES } from '../src/engine/testing/arbitraries.ts';
import { actArb, measureArb } from '../src/engine/testing/acts.ts';
import { IMPACT_CATALOGUE } from '../src/i18n/impact/index.ts';
import { MEASURE_LABELS } from '../src/i18n/act.ts';
import { RULE_TEXTS } from '../src/i18n/rules.ts';
import { LANGS, type Text } from '../src/i18n/text.ts';
import { loadImpactConfig } from '../src/impact/config.ts';
import { POLICY_PARAMETERS } from '../src/impact/policy.ts';
import { SECTION_RENDERERS } from '../src/impact/render.ts';
import { actImpactSchema } from '../src/impact/report.ts';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { CATALOGUE } from '../web/src/i18n/catalogue.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const complete = (t: Text | undefined) => t !== undefined && LANGS.every((l) => typeof t[l] === 'string' && t[l].trim() !== '');
/** The text of a Markdown section: from its heading to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}
const mentions = (text: string, name: string) => text.includes(`\`${name}\``) || text.includes(`\`${name}(`);

describe('facts', () => {
  const conditions = read('docs/conditions.md');
  // the facts a generated condition reads: the fixed leaves and a large sample of the generated ones
  const leaves = [...LEAVES, ...fc.sample(generatedLeaf, { numRuns: 5000, seed: 15 })];
  const reached = new Set(leaves.map((l) => /^(?:not\s+)?([a-z_][a-z0-9_]*)/.exec(l.trim())?.[1]));

  it('each has kk, ru and en labels, an SQL form, a line in docs/conditions.md and a place in the generators', () => {
    const faults: string[] = [];
    for (const f of FACTS) {
      if (!complete(f.label)) faults.push(`${f.name}: label not in kk, ru and en`);
      if (!(f.name in FACT_SQL)) faults.push(`${f.name}: no SQL form in src/engine/sql/facts-sql.ts`);
      if (f.ymd && !(f.name in DATE_YMD_SQL)) faults.push(`${f.name}: a date fact without its DATE_YMD_SQL form`);
      if (f.termSign && !(f.name in TERM_SIGN_SQL)) faults.push(`${f.name}: a term fact without its TERM_SIGN_SQL form`);
      if (!mentions(conditions, f.name)) faults.push(`${f.name}: not in docs/conditions.md`);
      if (!reached.has(f.name)) faults.push(`${f.name}: no leaf of src/engine/testing/arbitraries.ts reads it`);
    }
    expect(FACTS.length).toBeGreaterThan(30);
    expect(faults).toEqual([]);
  });

  it('the SQL forms are of facts of the catalogue', () => {
    const names = new Set(FACTS.map((f) => f.name));
    expect(Object.keys(FACT_SQL).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe('measures and combination rules', () => {
  const acts = read('docs/acts.md');
  it('each measure has kk, ru and en labels, is in docs/acts.md and is drawn by the act generator', () => {
    const types = measureSchema.options.map((o) => o.shape.type.value);
    const drawn = new Set(fc.sample(measureArb, { numRuns: 500, seed: 15 }).map((m) => m.type));
    const measures = section(acts, 'Measures');
    const faults: string[] = [];
    for (const code of MEASURE_CODES) if (!complete(MEASURE_LABELS[code])) faults.push(`${code}: label not in kk, ru and en`);
    for (const type of types) {
      if (!new RegExp(`\\{ type: ${type}[ ,}]`).test(measures)) faults.push(`${type}: not in docs/acts.md "Measures"`);
      if (!drawn.has(type)) faults.push(`${type}: not drawn by src/engine/testing/acts.ts`);
    }
    expect(types.length).toBeGreaterThan(4);
    expect(faults).toEqual([]);
  });

  it('each combination rule is in docs/acts.md, in the web catalogue and drawn by the act generator', () => {
    const combine = section(acts, 'How clauses combine');
    const drawn = new Set(fc.sample(actArb([]), { numRuns: 300, seed: 15 }).map((a) => a.rule));
    const faults: string[] = [];
    for (const rule of COMBINE) {
      if (!mentions(combine, rule)) faults.push(`${rule}: not in docs/acts.md "How clauses combine"`);
      if (!complete((CATALOGUE as Record<string, Text>)[`lit.combine.${rule}`])) faults.push(`${rule}: no lit.combine.${rule} in web/src/i18n/catalogue.ts`);
      if (!drawn.has(rule)) faults.push(`${rule}: not drawn by src/engine/testing/acts.ts`);
    }
    expect(faults).toEqual([]);
  });
});

describe('registry rules', () => {
  it('each rule of the data contract has its meaning in kk, ru and en', () => {
    const rules = section(read('docs/data-contract.md'), 'Validation rules');
    const codes = [...rules.matchAll(/^\| `([a-z_0-9]+\.[a-z_0-9]+)` \|/gm)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((c) => !complete(RULE_TEXTS[c]))).toEqual([]);
  });
});

describe('impact sections', () => {
  const sections = Object.keys(actImpactSchema.shape).filter((k) => k !== 'act' && k !== 'unverified');
  const impact = read('docs/impact.md');
  const json = section(impact, 'The JSON report');

  it('each has its doubts, its renderer, its texts and its place in docs/impact.md', () => {
    expect(Object.keys(actImpactSchema.shape.unverified.shape)).toEqual(sections);
    expect(Object.keys(SECTION_RENDERERS)).toEqual(sections);
    const faults: string[] = [];
    for (const s of sections) {
      const texts = IMPACT_CATALOGUE[s];
      if (!texts || Object.keys(texts).length === 0) faults.push(`${s}: no texts in src/i18n/impact/`);
      else for (const [k, t] of Object.entries(texts)) if (!complete(t)) faults.push(`${s}.${k}: not in kk, ru and en`);
      if (!new RegExp(`^\\| \`${s}[.\`]`, 'm').test(json)) faults.push(`${s}: no row in docs/impact.md "The JSON report"`);
    }
    expect(faults).toEqual([]);
  });
});

describe('law parameters', () => {
  const law = loadLaw();
  const doc = section(read('docs/law-data.md'), 'The parameters in `law/parameters.yaml`');
  it('each is documented in docs/law-data.md, with kk, ru and en descriptions', () => {
    const file = parse(read('law/parameters.yaml')) as { parameters: Record<string, unknown> };
    const faults: string[] = [];
    for (const name of Object.keys(file.parameters)) {
      if (!mentions(doc, name)) faults.push(`${name}: not in docs/law-data.md`);
      if (!complete(law.parameters.get(name).description)) faults.push(`${name}: description not in kk, ru and en`);
    }
    expect(faults).toEqual([]);
  });

  it('the policy numbers and the impact configuration name parameters that exist', () => {
    for (const name of Object.values(POLICY_PARAMETERS)) expect(law.parameters.has(name), name).toBe(true);
    expect(() => loadImpactConfig(DEFAULT_PATHS.impact, law)).not.toThrow();
  });
});

describe('endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ name: 'pglite', databaseUrl: undefined, schema: undefined }, { persons: 200 });
  });
  afterAll(async () => server?.close());

  /** METHOD /path for every route the server registered (HEAD and the API page's assets aside). */
  function registered(): string[] {
    const out: string[] = [];
    const stack: { depth: number; path: string }[] = [];
    for (const line of server.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
      const path = `${stack.length > 0 ? stack[stack.length - 1]!.path.replace(/\/$/, '') : ''}${m[2]!.startsWith('/') || stack.length === 0 ? '' : '/'}${m[2]}`.replace(/:(\w+)/g, '{$1}');
      stack.push({ depth, path });
      for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.push(`${method} ${path}`);
    }
    return out.filter((r) => !r.includes('/api/docs/'));
  }

  /** METHOD /path rows of docs/api.md, `[…]` optional parts expanded, queries dropped. */
  function documented(): Set<string> {
    const table = section(read('docs/api.md'), 'Endpoints');
    const out = new Set<string>();
    for (const [, method, path] of table.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`\s]*)/g)) {
      let variants = [path!.replace(/\[\?.*$/, '').replace(/\?.*$/, '')];
      while (variants.some((v) => v.includes('['))) variants = variants.flatMap((v) => (v.includes('[') ? [v.replace(/\[[^\]]*\]/, ''), v.replace(/\[([^\]]*)\]/, '$1')] : [v]));
      for (const v of variants) out.add(`${method} ${v}`);
    }
    return out;
  }

  it('every route is in docs/api.md and in the OpenAPI document', async () => {
    const routes = registered();
    expect(routes).toEqual(expect.arrayContaining(['GET /api/health', 'POST /api/acts/{id}/fork', 'GET /api/documents/jobs/{id}/file']));
    const docs = documented();
    const openapi = server.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const inOpenapi = new Set(Object.entries(openapi.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`)));
    // the OpenAPI document and its page describe the API, they are not part of it
    const itself = new Set(['GET /api/openapi.json', 'GET /api/docs']);
    expect(routes.filter((r) => !docs.has(r))).toEqual([]);
    expect(routes.filter((r) => !itself.has(r) && !inOpenapi.has(r))).toEqual([]);
    expect([...docs].filter((r) => !routes.includes(r))).toEqual([]);
  });
});

describe('web pages', () => {
  it('each route of the app has its page and its row in docs/web.md', () => {
    const app = read('web/src/App.tsx');
    const pages = section(read('docs/web.md'), 'Pages and the endpoints they use');
    const faults: string[] = [];
    const generic = (s: string) => s.replace(/\{\w+\}/g, '{}');
    const routes = [...app.matchAll(/<Route path="([^"]+)" element=\{(?:<Private>)?<(\w+)/g)].map(([, path, element]) => ({ path: path!, element: element! }));
    expect(routes.length).toBeGreaterThan(10);
    for (const { path, element } of routes) {
      if (path === '*') continue;
      // imported, or loaded lazily, from a module of web/src/pages
      const imported =
        new RegExp(`import \\{[^}]*\\b${element}\\b[^}]*\\} from '\\./pages/(\\w+)\\.tsx'`).exec(app) ?? new RegExp(`const ${element} = lazy\\(\\(\\) => import\\('\\./pages/(\\w+)\\.tsx'\\)`).exec(app);
      if (!imported || !existsSync(join(PROJECT_ROOT, 'web/src/pages', `${imported[1]}.tsx`))) faults.push(`${path}: ${element} is not a page of web/src/pages`);
      // a route's parameters are written {name} in the docs, whatever the name
      if (!generic(pages).includes(`\`${path.replace(/:\w+/g, '{}')}`)) faults.push(`${path}: not in docs/web.md "Pages and the endpoints they use"`);
    }
    expect(faults).toEqual([]);
  });
});

describe('docs/extending.md', () => {
  const guide = read('docs/extending.md');
  it('names files and folders that exist', () => {
    const named = new Set<string>();
    for (const [, token] of guide.matchAll(/`([^`\s]+)`/g)) {
      const path = token!.replace(/[),.:;]+$/, '');
      // a path: a folder of the project and a file name with its extension, no placeholder
      if (/^(src|test|web|docs|law|data|reports|profiles|scripts|templates|bench|acts)\/[\w./-]*\.\w+$/.test(path)) named.add(path);
    }
    for (const [, link] of guide.matchAll(/\]\(([\w-]+\.md)(?:#[\w-]+)?\)/g)) named.add(`docs/${link}`);
    expect(named.size).toBeGreaterThan(40);
    expect([...named].filter((p) => !existsSync(join(PROJECT_ROOT, p)))).toEqual([]);
  });

  it('links to its own sections that exist', () => {
    const anchors = new Set(guide.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).toLowerCase().replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-')));
    const links = [...guide.matchAll(/\]\(#([\w-]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((a) => !anchors.has(a))).toEqual([]);
  });
});
