/**
 * The Criminal Code reference table: articles and their parts, each with gravity, intent,
 * violence and tags. Loaded from `law/criminal-code.yaml`, checked, and indexed for the registry.
 *
 * Gravity belongs to an article **part** (188-1 theft is not 188-4 theft). Where the part's maximum
 * punishment is known it is given as `max` and gravity is derived (Art. 10/11); otherwise the part
 * states `gravity` itself. Giving both is an error: the same fact is never typed in twice.
 */
import { z } from 'zod';
import { GRAVITIES, GRAVITY_ALIASES, INTENTS, TAGS, VIOLENCE, type Gravity, type Intent, type Tag, type Violence } from '../domain/enums.ts';
import { DataFileError, loadDataFile, type LocatedError, type SourceMap } from '../domain/located.ts';
import { deriveGravity, parseMaxPunishment, type MaxPunishment } from './gravity.ts';

const titleSchema = z.strictObject({
  ru: z.string().min(1),
  kk: z.string().min(1).nullable().optional(),
  en: z.string().min(1),
});

const gravitySchema = z.union([z.enum(GRAVITIES), z.enum(Object.keys(GRAVITY_ALIASES) as [string, ...string[]]).transform((a) => GRAVITY_ALIASES[a] as Gravity)]);

const partSchema = z
  .strictObject({
    title: titleSchema.partial().optional(),
    max: z.string().optional(),
    gravity: gravitySchema.optional(),
    intent: z.enum(INTENTS).optional(),
    violent: z.enum(VIOLENCE).optional(),
    tags: z.array(z.enum(TAGS)).optional(),
    verified: z.boolean().optional(),
    source: z.string().optional(),
    note: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.max !== undefined && p.gravity !== undefined)
      ctx.addIssue({ code: 'custom', message: 'give either max (gravity is then derived) or gravity, not both', path: ['gravity'] });
    if (p.max === undefined && p.gravity === undefined)
      ctx.addIssue({ code: 'custom', message: 'a part needs max (maximum punishment) or gravity', path: [] });
    if (p.max !== undefined && parseMaxPunishment(p.max) === null)
      ctx.addIssue({ code: 'custom', message: `max must be none, life, or a term like 3y, 2y6m, 18m; got ${JSON.stringify(p.max)}`, path: ['max'] });
  });

const articleSchema = z.strictObject({
  title: titleSchema,
  intent: z.enum(INTENTS).optional(),
  violent: z.enum(VIOLENCE).optional(),
  tags: z.array(z.enum(TAGS)).optional(),
  verified: z.boolean(),
  source: z.string().min(1),
  note: z.string().optional(),
  parts: z.record(z.string().regex(/^\d+(?:-\d+)?$/, 'a part is a number like 2 or 3-1'), partSchema).refine((p) => Object.keys(p).length > 0, 'an article needs at least one part'),
});

export const criminalCodeFileSchema = z.strictObject({
  code: z.string(),
  title: titleSchema,
  source: z.string(),
  articles: z.record(z.string().regex(/^\d+(?:-\d+)?$/, 'an article number like 188 or 110-1'), articleSchema),
});
export type CriminalCodeFile = z.output<typeof criminalCodeFileSchema>;

export interface ArticlePart {
  /** "188-2": article and part; the key used in registries and acts. */
  id: string;
  article: string;
  part: string;
  /** Position in the table; registries store this index. */
  index: number;
  title: { ru: string; kk: string | null; en: string };
  partTitle: { ru?: string | undefined; kk?: string | null | undefined; en?: string | undefined } | null;
  intent: Intent;
  violent: Violence;
  gravity: Gravity;
  /** True when gravity was derived from `max` by Art. 10/11. */
  gravityDerived: boolean;
  max: MaxPunishment | null;
  tags: readonly Tag[];
  /** Bit i is set when the part carries TAGS[i]. */
  tagMask: number;
  verified: boolean;
  source: string;
  note: string | null;
}

// Registries keep a person's tags in 16 bits.
if (TAGS.length > 16) throw new Error('more than 16 tags: widen RegistryColumns.tagMask');

export function tagBit(tag: Tag): number {
  return 1 << TAGS.indexOf(tag);
}

export class CriminalCode {
  private readonly byId = new Map<string, ArticlePart>();
  private readonly byArticle = new Map<string, ArticlePart[]>();

  constructor(
    readonly code: string,
    readonly source: string,
    readonly parts: readonly ArticlePart[],
  ) {
    for (const p of parts) {
      this.byId.set(p.id, p);
      const list = this.byArticle.get(p.article) ?? [];
      list.push(p);
      this.byArticle.set(p.article, list);
    }
  }

  get size(): number {
    return this.parts.length;
  }

  part(id: string): ArticlePart | undefined {
    return this.byId.get(id);
  }

  partsOf(article: string): readonly ArticlePart[] {
    return this.byArticle.get(article) ?? [];
  }

  hasArticle(article: string): boolean {
    return this.byArticle.has(article);
  }

  /**
   * Resolves a registry's article reference ("188-2", or "187" for an article with a single part).
   * Unknown articles and parts are errors, never a default gravity.
   */
  resolve(ref: string): { part: ArticlePart } | { error: string } {
    const exact = this.byId.get(ref);
    if (exact) return { part: exact };
    const parts = this.byArticle.get(ref);
    if (parts && parts.length === 1) return { part: parts[0]! };
    if (parts) return { error: `article ${ref} has parts ${parts.map((p) => p.part).join(', ')}: name the part, e.g. ${parts[0]!.id}` };
    // The longest known article the reference starts with ("110-1-2": article 110-1 or 110).
    const pieces = ref.split('-');
    for (let k = pieces.length - 1; k >= 1; k--) {
      const article = pieces.slice(0, k).join('-');
      if (this.byArticle.has(article))
        return { error: `article ${article} has no part ${pieces.slice(k).join('-')} (parts: ${this.partsOf(article).map((p) => p.part).join(', ')})` };
    }
    return { error: `article ${ref} is not in the Criminal Code table` };
  }
}

/** Builds the indexed table from a validated file; inconsistencies are reported with their location. */
export function buildCriminalCode(file: CriminalCodeFile, map: SourceMap | null): CriminalCode {
  const errors: LocatedError[] = [];
  const parts: ArticlePart[] = [];
  const fail = (path: (string | number)[], message: string) =>
    errors.push(map ? map.error(path, message) : { file: '(memory)', path: path.join('.'), line: null, column: null, message });
  for (const [article, a] of Object.entries(file.articles)) {
    for (const [part, p] of Object.entries(a.parts)) {
      const intent = p.intent ?? a.intent;
      const violent = p.violent ?? a.violent;
      if (intent === undefined) fail(['articles', article, 'parts', part], 'intent is missing (on the part or the article)');
      if (violent === undefined) fail(['articles', article, 'parts', part], 'violent is missing (on the part or the article)');
      if (intent === undefined || violent === undefined) continue;
      if (parts.some((x) => x.id === `${article}-${part}`)) {
        fail(['articles', article, 'parts', part], `article part ${article}-${part} is defined twice (as another article's part)`);
        continue;
      }
      const max = p.max !== undefined ? parseMaxPunishment(p.max) : null;
      const gravity = max !== null ? deriveGravity(intent, max) : (p.gravity as Gravity);
      const tags = [...new Set([...(a.tags ?? []), ...(p.tags ?? [])])];
      parts.push({
        id: `${article}-${part}`,
        article,
        part,
        index: parts.length,
        title: { ru: a.title.ru, kk: a.title.kk ?? null, en: a.title.en },
        partTitle: p.title ?? null,
        intent,
        violent,
        gravity,
        gravityDerived: max !== null,
        max,
        tags,
        tagMask: tags.reduce((m, t) => m | tagBit(t), 0),
        verified: p.verified ?? a.verified,
        source: p.source ?? a.source,
        note: p.note ?? a.note ?? null,
      });
    }
  }
  if (parts.length > 65535) fail(['articles'], 'more than 65 535 article parts');
  if (errors.length > 0) throw new DataFileError(errors);
  return new CriminalCode(file.code, file.source, parts);
}

export function loadCriminalCode(path: string): CriminalCode {
  const { data, map } = loadDataFile(criminalCodeFileSchema, path);
  return buildCriminalCode(data, map);
}
