/**
 * Conformance: everything that can be added — facts, measures, combination rules, impact
 * sections, endpoints, web pages, law parameters — is complete: documented in docs/, translated in
 * kk, ru and en, given its SQL form, reached by the property tests' generators, registered where it
 * must be; and docs/extending.md, the checklist of these additions, names files that exist. A
 * forgotten step fails here with its name (docs/extending.md says where it goes).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMBINE, measureSchema } from '../src/engine/act/schema.ts';
import { MEASURE_CODES } from '../src/engine/act/plan.ts';
import { checkCondition, factsUsed, type ConditionError } from '../src/engine/condition.ts';
import { FACT_SUBJECTS, FACTS } from '../src/engine/facts/index.ts';
import { actArb, measureArb } from '../src/engine/testing/acts.ts';
import { IMPACT_CATALOGUE } from '../src/i18n/impact/index.ts';
import { MEASURE_LABELS } from '../src/i18n/act.ts';
import { ERROR_CATALOGUE, renderMessage, type MessageKey } from '../src/i18n/message.ts';
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
  const law = loadLaw();

  // the compiler holds the rest: a fact without its kernel, reference or SQL form, its leaves or its
  // label (src/i18n/facts.ts) does not compile (src/engine/facts/types.ts)
  it('each has kk, ru and en labels, a line in docs/conditions.md and leaves that read it', () => {
    const faults: string[] = [];
    for (const f of FACTS) {
      if (!complete(f.label)) faults.push(`${f.name}: label not in kk, ru and en`);
      if (!mentions(conditions, f.name)) faults.push(`${f.name}: not in docs/conditions.md`);
      for (const leaf of f.leaves) {
        const errors: ConditionError[] = [];
        const c = checkCondition(leaf, [], { law: law.criminalCode, definitions: new Set(), lawParameters: law.parameters }, errors);
        if (errors.length > 0) faults.push(`${f.name}: its leaf "${leaf}" does not check: ${errors.map((e) => e.message).join('; ')}`);
        else if (!factsUsed(c).some((u) => u.fact.name === f.name)) faults.push(`${f.name}: its leaf "${leaf}" does not read it`);
      }
    }
    expect(FACTS.length).toBeGreaterThan(30);
    expect(faults).toEqual([]);
  });

  it('every subject module of src/engine/facts/ is gathered in the catalogue, and no fact is defined twice', () => {
    const modules = readdirSync(join(PROJECT_ROOT, 'src/engine/facts')).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && !['index.ts', 'types.ts', 'kit.ts'].includes(n));
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.map((m) => m.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(FACT_SUBJECTS).sort());
    const defined = Object.values(FACT_SUBJECTS).flatMap((m) => Object.keys(m));
    expect(defined.filter((name, i) => defined.indexOf(name) !== i)).toEqual([]);
    expect(defined.length).toBe(FACTS.length);
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

  /** The production sources that read a registry file, a snapshot or a data file. */
  const readers = ['src/registry', 'src/registry/csv', 'src/registry/synthetic']
    .flatMap((d) => readdirSync(join(PROJECT_ROOT, d)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `${d}/${f}`))
    .concat(['src/domain/located.ts', 'src/domain/errors.ts', 'src/law/criminal-code.ts', 'src/app/registries.ts', 'src/output/atomic.ts']);
  const sources = readers.map(read).join('\n');

  it('each rule a registry problem carries is in docs/data-contract.md, with its meaning in kk, ru and en', () => {
    const contract = read('docs/data-contract.md');
    const raised = new Set<string>();
    for (const re of [/UnreadableFileError\([^,]+, '([a-z_0-9]+\.[a-z_0-9]+)'/g, /fileIssue\('\w+', '([a-z_0-9]+\.[a-z_0-9]+)'/g, /refuse\('([a-z_0-9]+\.[a-z_0-9]+)'/g, /err\('\w+', '([a-z_0-9]+\.[a-z_0-9]+)'/g, /custom\('([a-z_0-9]+\.[a-z_0-9]+)'/g, /rule: '([a-z_0-9]+\.[a-z_0-9]+)'/g])
      for (const m of sources.matchAll(re)) raised.add(m[1]!);
    expect(raised.size).toBeGreaterThan(40);
    const faults = [...raised].flatMap((rule) => [...(complete(RULE_TEXTS[rule]) ? [] : [`${rule}: no meaning in src/i18n/rules.ts`]), ...(mentions(contract, rule) ? [] : [`${rule}: not in docs/data-contract.md`])]);
    expect(faults).toEqual([]);
  });

  it('each message of the registry and file catalogues is raised by a reader, and renders in kk, ru and en with every placeholder filled', () => {
    const keys = Object.keys(ERROR_CATALOGUE).filter((k) => k.startsWith('registry.') || k.startsWith('file.'));
    expect(keys.length).toBeGreaterThan(100);
    // the upload route raises the messages of an upload that did not arrive whole
    const raisers = `${sources}\n${read('src/server/routes/registries.ts')}`;
    expect(keys.filter((k) => !raisers.includes(`'${k}'`))).toEqual([]);
    const faults: string[] = [];
    for (const key of keys) {
      const text = ERROR_CATALOGUE[key as MessageKey];
      const params = Object.fromEntries([...text.en.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `<${m[1]}>`]));
      const rendered = LANGS.map((lang) => renderMessage({ key: key as MessageKey, params }, lang));
      for (const r of rendered) if (/\{\w+\}/.test(r)) faults.push(`${key}: ${r}`);
    }
    expect(faults).toEqual([]);
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

/**
 * Production functions (src/ and web/src, tests and test helpers aside) over MAX_FUNCTION_LINES
 * lines, and why each is one function: a line comment `// long: <reason>` just above it (after its
 * doc comment; for a callback, above the statement that holds it or the named function around it).
 * A long function without one
 * fails, and so does a `// long:` comment whose function is no longer long: split it where a reader
 * would want a name for the part, or state the reason. A function is named `file: name`; a function
 * without a name of its own (a callback, a plugin) by the function around it.
 */
const MAX_FUNCTION_LINES = 80;
const LONG_REASON = /^\/\/ long: (.*)$/;

interface FunctionLength {
  key: string;
  lines: number;
  /** The reason of the `// long:` comment above it, or null. */
  reason: string | null;
}

/** The `// long:` comment above a function: on it, or on the declaration or statement that holds it. */
function longReason(fn: ts.Node, source: ts.SourceFile, used: Set<string>): string | null {
  for (let at: ts.Node | undefined = fn; at && !ts.isSourceFile(at); at = at.parent) {
    for (const r of ts.getLeadingCommentRanges(source.text, at.getFullStart()) ?? []) {
      const m = LONG_REASON.exec(source.text.slice(r.pos, r.end));
      if (m) {
        used.add(`${source.fileName}:${r.pos}`);
        return m[1] ?? '';
      }
    }
    if (ts.isStatement(at) || ts.isClassElement(at) || ts.isPropertyAssignment(at)) break;
  }
  return null;
}

/** The production source files. */
function productionFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return n === 'testing' ? [] : walk(p);
      return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
    });
  return [...walk(join(PROJECT_ROOT, 'src')), ...walk(join(PROJECT_ROOT, 'web/src'))];
}

/** Every production function with its length in lines and its stated reason; and the `// long:` comments above no function. */
function functionLengths(): { functions: FunctionLength[]; stray: string[] } {
  const functions: FunctionLength[] = [];
  const stray: string[] = [];
  for (const file of productionFiles()) {
    const rel = relative(PROJECT_ROOT, file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const used = new Set<string>();
    const nameOf = (n: ts.Node): string | null => {
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isGetAccessor(n)) && n.name) return n.name.getText(source);
      if (ts.isConstructorDeclaration(n)) return 'constructor';
      if (ts.isVariableDeclaration(n.parent) || ts.isPropertyAssignment(n.parent)) return n.parent.name.getText(source);
      return null;
    };
    // `holder`: the named function around (whose name an anonymous function takes, and its reason)
    const visit = (n: ts.Node, owner: string, holder: ts.Node | null): void => {
      let name = owner;
      let around = holder;
      if (ts.isClassDeclaration(n) && n.name) name = n.name.text;
      else if (ts.isFunctionLike(n) && 'body' in n && n.body) {
        const own = nameOf(n);
        if (own !== null) around = n;
        name = own === null ? owner || '<anonymous>' : ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessor(n) ? `${owner}.${own}`.replace(/^\./, '') : own;
        const lines = source.getLineAndCharacterOfPosition(n.getEnd()).line - source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
        const reason = lines > MAX_FUNCTION_LINES ? (longReason(n, source, used) ?? (own === null && holder ? longReason(holder, source, used) : null)) : null;
        functions.push({ key: `${rel}: ${name}`, lines, reason });
      }
      ts.forEachChild(n, (c) => visit(c, name, around));
    };
    visit(source, '', null);
    // a `// long:` comment that no long function took
    for (const m of source.text.matchAll(/^[ \t]*(\/\/ long:.*)$/gm)) {
      const pos = (m.index ?? 0) + m[0].indexOf('//');
      if (!used.has(`${source.fileName}:${pos}`)) stray.push(`${rel}:${source.getLineAndCharacterOfPosition(pos).line + 1}: ${m[1] ?? ''}`);
    }
  }
  return { functions, stray };
}

describe('production functions', () => {
  it(`over ${MAX_FUNCTION_LINES} lines only with a stated reason`, () => {
    const { functions, stray } = functionLengths();
    expect(functions.length).toBeGreaterThan(500);
    const long = functions.filter((f) => f.lines > MAX_FUNCTION_LINES);
    expect(long.filter((f) => f.reason === null).map((f) => `${f.key} (${f.lines} lines): split it, or state why above it with // long: <reason>`)).toEqual([]);
    expect(long.filter((f) => (f.reason ?? '').length < 20).map((f) => `${f.key}: the reason "${f.reason ?? ''}" says too little`)).toEqual([]);
    // a function that was split (or shortened) loses its comment
    expect(stray.map((s) => `${s} (no function over ${MAX_FUNCTION_LINES} lines below it)`)).toEqual([]);
  });
});
