/**
 * Facts about the offences of the conviction: their gravity, form of guilt, violence, the articles
 * and their tags (the Criminal Code's data, src/law/criminal-code.ts), the date and the victims.
 */
import { entryAt } from '../../domain/lookup.ts';
import { GRAVITIES, GRAVITY_ALIASES, INTENTS, TAGS, type Tag } from '../../domain/enums.ts';
import { ymdOfDay } from '../../domain/dates.ts';
import { MAYBE_SHIFT, type CriminalCode } from '../../law/criminal-code.ts';
import { ymdOfSql } from '../sql/expressions.ts';
import { boolFact, dateFact } from './kit.ts';
import type { FactDefinition } from './types.ts';

function articleSet(law: CriminalCode, ref: string): Uint8Array {
  const set = new Uint8Array(law.size);
  for (const p of law.matching(ref)) set[p.index] = 1;
  return set;
}

function tagIndexOf(tag: string): number {
  return TAGS.indexOf(tag as Tag);
}

export const OFFENCE_FACTS = {
  gravity: {
    type: { kind: 'enum', values: GRAVITIES, ordered: true, aliases: GRAVITY_ALIASES },
    columns: ['gravity'],
    kernel: (ctx) => `${ctx.col('gravity')}[i]`,
    reference: (p, env) => {
      if (p.articles === null || p.articles.length === 0) return null;
      let g = 0;
      for (const a of p.articles) g = Math.max(g, GRAVITIES.indexOf(entryAt(env.law.parts, a, 'Criminal Code part').gravity));
      return entryAt(GRAVITIES, g, 'gravity');
    },
    sql: () => 'f.gravity',
    leaves: ['gravity <= medium', 'gravity > СТ', 'gravity = grave', 'gravity >= Т', 'gravity < minor', 'gravity != misdemeanour', 'gravity in [minor, medium]', 'gravity not in [especially_grave, УП]', 'gravity is unknown'],
  },

  intent: {
    type: { kind: 'enum', values: INTENTS, ordered: false },
    columns: ['negligent'],
    kernel: (ctx) => `${ctx.col('negligent')}[i]`,
    reference: (p, env) => {
      if (p.articles === null || p.articles.length === 0) return null;
      return p.articles.every((a) => entryAt(env.law.parts, a, 'Criminal Code part').intent === 'negligent') ? 'negligent' : 'intentional';
    },
    sql: () => '(CASE WHEN f.all_negligent THEN 1 WHEN NOT f.all_negligent THEN 0 END)',
    leaves: ['intent = negligent', 'intent != intentional', 'intent in [intentional]'],
  },

  violent: {
    type: { kind: 'boolean' },
    columns: ['violent'],
    kernel: (ctx) => `${ctx.col('violent')}[i]`,
    reference: (p, env) => {
      if (p.articles === null || p.articles.length === 0) return null;
      return p.articles.some((a) => ['yes', 'threat'].includes(entryAt(env.law.parts, a, 'Criminal Code part').violent));
    },
    sql: () => 'f.any_violent',
    leaves: ['violent', 'not violent', 'violent = false', 'violent is known'],
  },

  has_tag: {
    type: { kind: 'boolean' },
    arg: { kind: 'tag' },
    columns: ['gravity', 'tagMask'],
    // gravity is -1 exactly when no conviction is recorded: one byte read instead of a flag more
    // bit i: some conviction certainly carries the tag; bit 16 + i: some conviction may (a part whose point decides)
    kernel: (ctx, arg) =>
      `(${ctx.col('gravity')}[i] < 0 ? -1 : (${ctx.col('tagMask')}[i] >> ${ctx.num(tagIndexOf(String(arg)))}) & 1 ? 1 : (${ctx.col('tagMask')}[i] >> ${ctx.num(MAYBE_SHIFT + tagIndexOf(String(arg)))}) & 1 ? -1 : 0)`,
    // gravity < 0 (no conviction): U; a certain bit: T; a maybe bit alone: U; else F
    kernelW: (ctx, arg) => {
      const g = `${ctx.col('gravity')}[i]`;
      const m = `${ctx.col('tagMask')}[i]`;
      const t = tagIndexOf(String(arg));
      return `((${g} >>> 31) | ((${m} >> ${ctx.num(t)} & 1) * 3 | (${m} >> ${ctx.num(MAYBE_SHIFT + t)} & 1)) & ~(${g} >> 31))`;
    },
    tagBits: (arg) => {
      const t = tagIndexOf(String(arg));
      return ((1 << t) | (1 << (MAYBE_SHIFT + t))) >>> 0;
    },
    tagHoldBits: (arg) => (1 << tagIndexOf(String(arg))) >>> 0,
    reference: (p, env, arg) => {
      if (p.articles === null || p.articles.length === 0) return null;
      const tag = String(arg) as Tag;
      if (p.articles.some((a) => entryAt(env.law.parts, a, 'Criminal Code part').tags.includes(tag))) return true;
      return p.articles.some((a) => entryAt(env.law.parts, a, 'Criminal Code part').maybeTags.includes(tag)) ? null : false;
    },
    sql: (_c, arg) =>
      `(CASE WHEN NOT f.articles_known OR f.tag_mask IS NULL THEN NULL WHEN (f.tag_mask & ${1 << tagIndexOf(String(arg))}) <> 0 THEN TRUE WHEN (f.tag_mask & ${2 ** (MAYBE_SHIFT + tagIndexOf(String(arg)))}) <> 0 THEN NULL ELSE FALSE END)`,
    leaves: ['has_tag(corruption)', 'not has_tag(sexual_minor)', 'has_tag(murder)', 'has_tag(terrorism) = true', 'has_tag(criminal_group) is unknown'],
  },

  has_article: {
    type: { kind: 'boolean' },
    arg: { kind: 'article' },
    columns: ['articlesKnown', 'articleOffsets', 'articleValues'],
    kernel: (ctx, arg, law) =>
      `(${ctx.col('articlesKnown')}[i] === 0 ? -1 : ${ctx.hasArticle(articleSet(law, String(arg)))})`,
    reference: (p, env, arg) => {
      if (p.articles === null) return null;
      const set = new Set(env.law.matching(String(arg)).map((x) => x.index));
      return p.articles.some((a) => set.has(a));
    },
    sql: (c, arg) => {
      const parts = c.law.matching(String(arg)).map((p) => p.index);
      return `(CASE WHEN NOT f.articles_known THEN NULL ELSE EXISTS (SELECT 1 FROM person_articles pa WHERE pa.row_index = f.row_index AND pa.part_index IN (${parts.join(', ')})) END)`;
    },
    leaves: ['has_article(188)', 'has_article(188-2)', 'not has_article(361)', 'has_article(99-1)', 'has_article(345) != false'],
  },

  offence_date: dateFact('offenceDay', 'offenceDay', 'f.offence_day', [
    'offence_date >= day - 2y',
    'offence_date < 2025-06-23',
    'offence_date >= 2000-01-01',
    'offence_date in [2010-05-05, 2020-02-29]',
    'offence_date is unknown',
  ]),

  age_at_offence: {
    type: { kind: 'number', unit: 'years' },
    columns: ['ageAtOffence'],
    kernel: (ctx) => `(${ctx.col('ageAtOffence')}[i] < 0 ? NaN : ${ctx.col('ageAtOffence')}[i])`,
    kernelInt: (ctx) => `${ctx.col('ageAtOffence')}[i]`,
    reference: (p) => {
      if (p.birthYmd === null || p.offenceDay === null) return null;
      const age = Math.floor((ymdOfDay(p.offenceDay) - p.birthYmd) / 10000);
      // ages outside 0–127 cannot be a person's age at an offence: unknown (the registry validates them)
      return age < 0 || age > 127 ? null : age;
    },
    sql: () => `(CASE WHEN FLOOR((${ymdOfSql('f.offence_day')} - f.birth_ymd) / 10000.0) BETWEEN 0 AND 127 THEN FLOOR((${ymdOfSql('f.offence_day')} - f.birth_ymd) / 10000.0) END)`,
    leaves: ['age_at_offence < 18', 'age_at_offence >= 30', 'age_at_offence is unknown'],
  },

  victim_aged_14_18: boolFact('victimAged14To18', 'victimAged14To18', 'f.victim_aged_14_18', ['victim_aged_14_18', 'victim_aged_14_18 is unknown']),
} satisfies Record<string, FactDefinition>;
