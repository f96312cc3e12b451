/**
 * The Criminal Code reference table: articles, their parts and points, each with its sanction's
 * maximum, the gravity derived from it, intent, violence and tags. Loaded from
 * `law/criminal-code.yaml`, checked, and indexed for the registry.
 *
 * - Gravity belongs to an article **part** (188-1 theft is not 188-4 theft) and is always derived
 *   from the part's maximum punishment by Art. 11 (Art. 10 of the 1997 Code for its edition): the
 *   table states the maximum, never the gravity.
 * - Tags follow the Code's own lists (Art. 3), down to the part and the point where the Code says so
 *   ("189 part 3 point 2"). A registry that records only the part of such a list (189-3) gets the tag
 *   as **maybe** (unknown), a registry that records the point (189-3.2) gets it for certain.
 * - A part's sanction is dated: the current wording may say `since` when it took effect, and
 *   `earlier` wordings have their own dates; a conviction is read with the wording in force on its
 *   offence date where the table knows it, with the current wording otherwise.
 * - Convictions under the 1997 Code are written `1997:96-1` and resolved in that edition only: an
 *   article of one edition never silently means another edition's article.
 */
import { customIssue, issueKey } from '../domain/issues.ts';
import { entryAt, present } from '../domain/lookup.ts';
import { listOf, msg, type Message } from '../i18n/message.ts';
import { z } from 'zod';
import { isoDateSchema } from '../domain/date-schema.ts';
import { INTENTS, TAGS, VIOLENCE, type Gravity, type Intent, type Tag, type Violence } from '../domain/enums.ts';
import { DataFileError, loadDataFile, unlocated, type LocatedError, type SourceMap } from '../domain/located.ts';
import { deriveGravity, parseMaxPunishment, type GravityRules, type MaxPunishment } from './gravity.ts';

const titleSchema = z.strictObject({
  ru: z.string().min(1),
  kk: z.string().min(1).nullable().optional(),
  en: z.string().min(1),
});

const maxSchema = z.string().superRefine((s, ctx) => {
  if (parseMaxPunishment(s) === null) ctx.addIssue(customIssue(msg('law.max_form', { received: JSON.stringify(s) })));
});
const tagsSchema = z.array(z.enum(TAGS));

const earlierSchema = z.strictObject({
  /** First day of this wording; absent: in force since the Code itself. */
  from: isoDateSchema.optional(),
  /** The day the next wording took effect (this wording's last day is the day before). */
  until: isoDateSchema,
  max: maxSchema,
  verified: z.boolean(),
  source: z.string().min(1),
  note: z.string().optional(),
});

const pointSchema = z.strictObject({
  title: titleSchema.partial().optional(),
  tags: tagsSchema.optional(),
  violent: z.enum(VIOLENCE).optional(),
  note: z.string().optional(),
});

/** What a part says; an article without parts says it itself. */
const sanctionFields = {
  max: maxSchema,
  intent: z.enum(INTENTS).optional(),
  violent: z.enum(VIOLENCE).optional(),
  tags: tagsSchema.optional(),
  /** Tags some but not all the conduct of the part carries, where the table does not split it by point. */
  maybe_tags: tagsSchema.optional(),
  points: z.record(z.string().regex(/^\d+(?:-\d+)?$/, 'a point is a number like 2 or 2-1'), pointSchema).optional(),
  /** When the current wording of the sanction took effect, where the table knows it. */
  since: isoDateSchema.optional(),
  /** false: `since` is not in a text but the earliest day the amending law may have taken effect. */
  since_verified: z.boolean().optional(),
  /** With `since_verified: false`: the first day the current wording is in force for certain. */
  since_certain: isoDateSchema.optional(),
  /** Where the day, or the bounds of its window, come from. */
  since_source: z.string().min(1).optional(),
  earlier: z.array(earlierSchema).optional(),
  verified: z.boolean().optional(),
  source: z.string().optional(),
  note: z.string().optional(),
};

// `gravity` is refused by name: it is derived from `max`, never typed
const typedGravity = {
  gravity: z
    .unknown()
    .optional()
    .superRefine((g, ctx) => {
      if (g !== undefined) ctx.addIssue(customIssue(msg('law.gravity_typed')));
    }),
};

const partSchema = z.strictObject({ title: titleSchema.partial().optional(), ...sanctionFields, ...typedGravity });

const articleSchema = z
  .strictObject({
    title: titleSchema,
    intent: z.enum(INTENTS).optional(),
    violent: z.enum(VIOLENCE).optional(),
    tags: tagsSchema.optional(),
    verified: z.boolean(),
    source: z.string().min(1).optional(),
    note: z.string().optional(),
    parts: z.record(z.string().regex(/^\d+(?:-\d+)?$/, 'a part is a number like 2 or 3-1'), partSchema).optional(),
    // an article without parts
    max: maxSchema.optional(),
    maybe_tags: tagsSchema.optional(),
    points: sanctionFields.points,
    since: sanctionFields.since,
    since_verified: sanctionFields.since_verified,
    since_certain: sanctionFields.since_certain,
    since_source: sanctionFields.since_source,
    earlier: sanctionFields.earlier,
    ...typedGravity,
  })
  .superRefine((a, ctx) => {
    if (a.parts === undefined && a.max === undefined) ctx.addIssue(customIssue(msg('law.article_needs_parts'), []));
    if (a.parts !== undefined && a.max !== undefined) ctx.addIssue(customIssue(msg('law.max_on_parts'), ['max']));
    if (a.parts !== undefined && Object.keys(a.parts).length === 0) ctx.addIssue(customIssue(msg('law.article_one_part'), ['parts']));
  });

const ARTICLE_KEY = /^\d+(?:-\d+)?$/;

const editionSchema = z.strictObject({
  code: z.string(),
  title: titleSchema,
  /** The official identifier of the Code's text (adilet.zan.kz), the source of every verified part. */
  article_id: z.string().min(1),
  url: z.string().url(),
  in_force: isoDateSchema,
  /** The day the next Code replaced it. */
  until: isoDateSchema.optional(),
  gravity_rules: z.enum(['cc2014', 'cc1997']),
  source: z.string(),
  articles: z.record(z.string().regex(ARTICLE_KEY, issueKey('law.article_key')), articleSchema),
});

export const criminalCodeFileSchema = editionSchema.extend({
  /** Earlier Codes whose convictions are still served, by the prefix a registry writes (`1997:96-1`). */
  earlier_codes: z.record(z.string().regex(/^\d{4}$/, issueKey('law.earlier_code_year')), editionSchema).optional(),
});
export type CriminalCodeFile = z.output<typeof criminalCodeFileSchema>;

/** Bits of a part's tag mask: TAGS[i] certain at bit i, maybe at bit MAYBE_SHIFT + i. */
export const MAYBE_SHIFT = 16;

export interface ArticlePart {
  /** "188-2", "189-3.2" (a point), "100" (an article without parts), "1997:96-1" (an earlier Code): the key used in registries and acts. */
  id: string;
  /** The Code's year for an earlier Code ("1997"); null for the Code in force. */
  edition: string | null;
  /** "188", or "1997:96" in an earlier Code. */
  article: string;
  /** The part ("2", "3-1"); null for an article without parts. */
  part: string | null;
  /** The point of the part ("2"), when the registry names it. */
  point: string | null;
  /** Position in the table; registries store this index. */
  index: number;
  title: { ru: string; kk: string | null; en: string };
  partTitle: { ru?: string | undefined; kk?: string | null | undefined; en?: string | undefined } | null;
  intent: Intent;
  violent: Violence;
  gravity: Gravity;
  /** Always true: gravity is derived from `max` (kept for readers of older reports). */
  gravityDerived: boolean;
  max: MaxPunishment;
  /** Tags every conviction under this part carries. */
  tags: readonly Tag[];
  /** Tags some convictions under this part carry (the Code names a point the registry did not record). */
  maybeTags: readonly Tag[];
  /** Bit i: TAGS[i] certain; bit MAYBE_SHIFT + i: TAGS[i] maybe. */
  tagMask: number;
  /** The wording's first day (null: since the Code itself) and the next wording's first day (null: in force). */
  wordingFrom: number | null;
  wordingUntil: number | null;
  /** True for the wording in force (the one `part(id)` returns). */
  current: boolean;
  /**
   * Where this wording is read on an assumed day: the current wording from the earliest day the
   * amending law may have taken effect (`from`) to the day before it was in force for certain
   * (`certain`). A conviction read with this entry rests on that assumption (doubt.ts). Null
   * where the wording's dates are in a text or not needed.
   */
  dateDoubt: { from: number; certain: number } | null;
  verified: boolean;
  source: string;
  /** The Code's official identifier and address. */
  articleId: string;
  url: string;
  note: string | null;
}

// Registries keep a person's tags in 32 bits: 16 certain, 16 maybe.
if (TAGS.length > MAYBE_SHIFT) throw new Error('more than 16 tags: widen RegistryColumns.tagMask');

export function tagBit(tag: Tag): number {
  return 1 << TAGS.indexOf(tag);
}

export interface EditionInfo {
  edition: string | null;
  code: string;
  articleId: string;
  url: string;
  inForce: number;
  until: number | null;
  gravityRules: GravityRules;
}

export class CriminalCode {
  private readonly byId = new Map<string, ArticlePart>();
  private readonly wordingsById = new Map<string, ArticlePart[]>();
  private readonly byArticle = new Map<string, ArticlePart[]>();

  constructor(
    readonly code: string,
    readonly source: string,
    readonly parts: readonly ArticlePart[],
    readonly editions: readonly EditionInfo[] = [],
  ) {
    for (const p of parts) {
      if (p.current) this.byId.set(p.id, p);
      const w = this.wordingsById.get(p.id) ?? [];
      w.push(p);
      this.wordingsById.set(p.id, w);
      const list = this.byArticle.get(p.article) ?? [];
      if (p.current) list.push(p);
      this.byArticle.set(p.article, list);
    }
  }

  get size(): number {
    return this.parts.length;
  }

  /** The wording in force of a part (or point) by its id. */
  part(id: string): ArticlePart | undefined {
    return this.byId.get(id);
  }

  /** The parts and points of an article (wordings in force). */
  partsOf(article: string): readonly ArticlePart[] {
    return this.byArticle.get(article) ?? [];
  }

  hasArticle(article: string): boolean {
    return this.byArticle.has(article);
  }

  /**
   * Every entry (all wordings) a reference names: the part or point itself, the points of a part,
   * or every part of an article. `has_article(189-3)` is true for a conviction under 189-3.2.
   */
  matching(ref: string): ArticlePart[] {
    return this.parts.filter((p) => p.id === ref || p.id.startsWith(`${ref}.`) || p.article === ref);
  }

  /**
   * The wording of a part in force on an offence day, where the table knows it; the entry itself
   * when the day is unknown or before every wording the table dates.
   */
  wordingAt(index: number, offenceDay: number | null): number {
    const p = entryAt(this.parts, index, 'Criminal Code part');
    if (offenceDay === null) return index;
    const ws = this.wordingsById.get(p.id) ?? [p];
    for (const w of ws) {
      if ((w.wordingFrom === null || w.wordingFrom <= offenceDay) && (w.wordingUntil === null || offenceDay < w.wordingUntil)) return w.index;
    }
    return index;
  }

  /**
   * The first day a wording of the part is in force, where the part did not exist before it (a part
   * an amending law added: its earliest `since`); null when a wording reaches back to the Code itself.
   */
  firstDay(index: number): number | null {
    const p = entryAt(this.parts, index, 'Criminal Code part');
    let first: number | null = null;
    for (const w of this.wordingsById.get(p.id) ?? [p]) {
      if (w.wordingFrom === null) return null;
      first = first === null ? w.wordingFrom : Math.min(first, w.wordingFrom);
    }
    return first;
  }

  /** The edition of a Code by its registry prefix ("1997"); null for the Code in force. */
  edition(prefix: string | null): EditionInfo | undefined {
    return this.editions.find((e) => e.edition === prefix);
  }

  /**
   * Resolves a registry's article reference ("188-2", "189-3.2", "100", "1997:96-1") to the wording
   * in force; `wordingAt` then picks the one in force on the offence day. Unknown articles, parts,
   * points and editions are errors, never a default gravity.
   */
  resolve(ref: string): { part: ArticlePart } | { error: Message } {
    const exact = this.byId.get(ref);
    if (exact) return { part: exact };
    const colon = ref.indexOf(':');
    if (colon >= 0) {
      const prefix = ref.slice(0, colon);
      if (!this.edition(prefix)) return { error: msg('registry.no_code_edition', { edition: prefix, editions: listOf(this.editions.flatMap((e) => (e.edition === null ? [] : [e.edition]))) }) };
    }
    const dot = ref.indexOf('.');
    if (dot >= 0) {
      const part = this.byId.get(ref.slice(0, dot));
      if (part) {
        const points = this.pointsOf(part.id);
        const at = { part: part.id, point: ref.slice(dot + 1) };
        return { error: points.length > 0 ? msg('registry.no_point_of', { ...at, points: listOf(points) }) : msg('registry.no_point', at) };
      }
    }
    const parts = this.byArticle.get(ref)?.filter((p) => p.point === null);
    const [first, second] = parts ?? [];
    if (first && !second) return { part: first };
    if (first && parts) return { error: msg('registry.name_the_part', { article: ref, parts: listOf(parts.map((p) => p.part ?? '')), example: first.id }) };
    // The longest known article the reference starts with ("110-1-2": article 110-1 or 110).
    const pieces = ref.split('-');
    for (let k = pieces.length - 1; k >= 1; k--) {
      const article = pieces.slice(0, k).join('-');
      if (this.byArticle.has(article)) {
        const known = this.partsOf(article).filter((p) => p.point === null);
        const at = { article, part: pieces.slice(k).join('-') };
        return { error: known.some((p) => p.part !== null) ? msg('registry.no_part', { ...at, parts: listOf(known.map((p) => p.part ?? '')) }) : msg('registry.no_part_none', at) };
      }
    }
    if (colon >= 0) return { error: msg('registry.article_not_in_edition', { article: ref, edition: ref.slice(0, colon) }) };
    return { error: msg(this.editions.some((e) => e.edition !== null) ? 'registry.article_not_in_table_1997' : 'registry.article_not_in_table', { article: ref }) };
  }

  private pointsOf(id: string): string[] {
    const part = present(this.byId.get(id), `Criminal Code part ${id}: not in the table`);
    return this.partsOf(part.article).flatMap((p) => (p.point !== null && p.id.startsWith(`${id}.`) ? [p.point] : []));
  }
}

/** Builds the indexed table from a validated file; inconsistencies are reported with their location. */
export function buildCriminalCode(file: CriminalCodeFile, map: SourceMap | null): CriminalCode {
  const errors: LocatedError[] = [];
  const parts: ArticlePart[] = [];
  const editions: EditionInfo[] = [];
  const fail = (path: (string | number)[], message: Message) => errors.push(map ? map.error(path, message) : unlocated('(memory)', path, message));
  const seen = new Set<string>();

  const addEdition = (e: z.output<typeof editionSchema>, prefix: string | null, base: (string | number)[]) => {
    editions.push({ edition: prefix, code: e.code, articleId: e.article_id, url: e.url, inForce: e.in_force, until: e.until ?? null, gravityRules: e.gravity_rules });
    const q = (s: string) => (prefix === null ? s : `${prefix}:${s}`);
    for (const [article, a] of Object.entries(e.articles)) {
      const partEntries: [string | null, z.output<typeof partSchema>][] = a.parts !== undefined ? Object.entries(a.parts) : [[null, ownSanction(a, article)]];
      for (const [part, p] of partEntries) {
        const at = part === null ? [...base, 'articles', article] : [...base, 'articles', article, 'parts', part];
        const intent = p.intent ?? a.intent;
        const violent = p.violent ?? a.violent;
        if (intent === undefined) fail(at, msg('law.intent_missing'));
        if (violent === undefined) fail(at, msg('law.violent_missing'));
        if (intent === undefined || violent === undefined) continue;
        const id = q(part === null ? article : `${article}-${part}`);
        if (seen.has(id)) {
          fail(at, msg('law.part_twice', { id }));
          continue;
        }
        seen.add(id);
        const tags = [...new Set([...(a.tags ?? []), ...(p.tags ?? [])])];
        const pointTags = Object.values(p.points ?? {}).flatMap((pt) => pt.tags ?? []);
        const maybe = [...new Set([...(p.maybe_tags ?? []), ...pointTags])].filter((t) => !tags.includes(t));
        const verified = p.verified ?? a.verified;
        const source = p.source ?? a.source ?? `${e.article_id}, Art. ${article}${part === null ? '' : ` part ${part}`}`;
        const note = p.note ?? a.note ?? null;
        const common = {
          edition: prefix,
          article: q(article),
          part,
          title: { ru: a.title.ru, kk: a.title.kk ?? null, en: a.title.en },
          partTitle: p.title ?? null,
          intent,
          violent,
          gravityDerived: true,
          articleId: e.article_id,
          url: e.url,
        };
        const push = (x: Omit<ArticlePart, 'index' | keyof typeof common | 'gravity'> & { id: string }) => {
          parts.push({ ...common, ...x, index: parts.length, gravity: deriveGravity(intent, x.max, e.gravity_rules) });
        };
        const max = present(parseMaxPunishment(p.max), `article part ${id}: maximum ${p.max} (checked by the schema)`);
        const entries = wordingsOf(p, at, { max, verified, source, note }, fail);
        for (const { wording, current } of entries) {
          const base = { wordingFrom: wording.from, wordingUntil: wording.until, current, dateDoubt: wording.doubt, max: wording.max, verified: wording.verified, source: wording.source, note: wording.note };
          push({ ...base, id, point: null, tags, maybeTags: maybe, tagMask: maskOf(tags, maybe) });
          for (const [point, pt] of Object.entries(p.points ?? {})) {
            const ptTags = [...new Set([...tags, ...(pt.tags ?? [])])];
            push({
              ...base,
              id: `${id}.${point}`,
              point,
              partTitle: pt.title ?? p.title ?? null,
              violent: pt.violent ?? violent,
              tags: ptTags,
              maybeTags: [],
              tagMask: maskOf(ptTags, []),
              note: pt.note ?? wording.note,
            } as never);
          }
        }
      }
    }
  };
  addEdition(file, null, []);
  for (const [prefix, e] of Object.entries(file.earlier_codes ?? {})) addEdition(e, prefix, ['earlier_codes', prefix]);
  if (parts.length > 65535) fail(['articles'], msg('law.too_many_parts', { max: 65535 }));
  if (errors.length > 0) throw new DataFileError(errors);
  return new CriminalCode(file.code, file.source, parts, editions);
}

/** What an article without parts (Art. 100, 184) states itself, read as its one part. */
function ownSanction(a: z.output<typeof articleSchema>, article: string): z.output<typeof partSchema> {
  return {
    max: present(a.max, `article ${article}: a maximum or parts (the schema asks for one)`),
    maybe_tags: a.maybe_tags,
    points: a.points,
    since: a.since,
    since_verified: a.since_verified,
    since_certain: a.since_certain,
    since_source: a.since_source,
    earlier: a.earlier,
  };
}

type Wording = {
  from: number | null;
  until: number | null;
  max: MaxPunishment;
  verified: boolean;
  source: string;
  note: string | null;
  doubt: { from: number; certain: number } | null;
};

/**
 * The wordings of a part: the earlier ones dated and in order (their dates checked not to overlap,
 * the current wording's `since` where the last one ends), then the current one. Where `since` is
 * not in a text (`since_verified: false`), the current wording is split in two entries: from the
 * earliest day the amending law may have taken effect to the day before it was in force for
 * certain (`since_certain`), marked as resting on that assumption, and from that day on.
 */
function wordingsOf(
  p: z.output<typeof partSchema>,
  at: (string | number)[],
  current: Omit<Wording, 'from' | 'until' | 'doubt'>,
  fail: (path: (string | number)[], message: Message) => void,
): { wording: Wording; current: boolean }[] {
  const since = p.since ?? null;
  const earlier = [...(p.earlier ?? [])].sort((x, y) => x.until - y.until);
  let prevUntil: number | null = null;
  earlier.forEach((w, i) => {
    if (w.from !== undefined && w.from >= w.until) fail([...at, 'earlier', i, 'from'], msg('law.from_before_until'));
    if (prevUntil !== null && w.from !== undefined && w.from < prevUntil) fail([...at, 'earlier', i, 'from'], msg('law.wordings_overlap'));
    prevUntil = w.until;
  });
  const last = earlier[earlier.length - 1];
  if (last !== undefined && since !== null && since !== last.until) fail([...at, 'since'], msg('law.since_is_until'));
  if (last !== undefined && since === null) fail([...at, 'since'], msg('law.since_missing'));
  const certain = sinceWindow(p, at, fail);
  const older = earlier.map((w) => {
    const max = present(parseMaxPunishment(w.max), `earlier wording until ${w.until}: maximum ${w.max} (checked by the schema)`);
    return { wording: { from: w.from ?? null, until: w.until, max, verified: w.verified, source: w.source, note: w.note ?? current.note, doubt: null }, current: false };
  });
  if (since === null || certain === null) return [...older, { wording: { from: since, until: null, ...current, doubt: null }, current: true }];
  return [
    ...older,
    { wording: { from: since, until: certain, ...current, doubt: { from: since, certain } }, current: false },
    { wording: { from: certain, until: null, ...current, doubt: null }, current: true },
  ];
}

/**
 * The first day the current wording is in force for certain, where `since` is an assumption
 * (`since_verified: false`); null where `since` is in a text or absent. A window needs its end and
 * its source; an end needs a day that is not verified.
 */
function sinceWindow(p: z.output<typeof partSchema>, at: (string | number)[], fail: (path: (string | number)[], message: Message) => void): number | null {
  const assumed = p.since_verified === false;
  if (!assumed) {
    if (p.since_certain !== undefined) fail([...at, 'since_certain'], msg('law.since_certain_verified'));
    return null;
  }
  if (p.since === undefined) {
    fail([...at, 'since'], msg('law.since_verified_alone'));
    return null;
  }
  if (p.since_certain === undefined) fail([...at, 'since_certain'], msg('law.since_certain_missing'));
  if (p.since_source === undefined) fail([...at, 'since_source'], msg('law.since_source_missing'));
  if (p.since_certain === undefined) return null;
  if (p.since_certain <= p.since) {
    fail([...at, 'since_certain'], msg('law.since_certain_order'));
    return null;
  }
  return p.since_certain;
}

function maskOf(tags: readonly Tag[], maybe: readonly Tag[]): number {
  return (tags.reduce((m, t) => m | tagBit(t), 0) | (maybe.reduce((m, t) => m | tagBit(t), 0) << MAYBE_SHIFT)) >>> 0;
}

export function loadCriminalCode(path: string): CriminalCode {
  const { data, map } = loadDataFile(criminalCodeFileSchema, path);
  return buildCriminalCode(data, map);
}
