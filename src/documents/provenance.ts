/**
 * Where a document's figures come from: the registry, the act(s), the day, the law's hash and the
 * inputs that are not verified. Every document carries it (a footer in DOCX and PDF, a sheet in
 * XLSX), so that a reader can reproduce each figure and sees what must be checked before signing.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { entryAt } from '../domain/lookup.ts';
import { actDoubts } from '../engine/act/doubt.ts';
import type { Plan } from '../engine/act/plan.ts';
import { PROVENANCE_TEXTS as P } from '../i18n/documents/provenance.ts';
import { render, renderAll, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';

export const textSchema = z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() });
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One input a figure rests on that nobody has checked against its official source. */
export const unverifiedInputSchema = z.strictObject({
  /** A stable name: a parameter name, `act:<id>`, `article:<id>`, `courts`, `facilities`, `registry`. */
  name: z.string().min(1),
  text: textSchema,
});
export type UnverifiedInput = z.output<typeof unverifiedInputSchema>;

export const provenanceSchema = z.strictObject({
  registry: z.strictObject({ source: z.string(), persons: z.number().int().nonnegative(), hash: z.string().nullable() }),
  acts: z.array(z.strictObject({ id: z.string(), title: textSchema, hash: z.string() })),
  asOf: isoDateSchema,
  lawHash: z.string().min(1),
  unverified: z.array(unverifiedInputSchema),
  /** SHA-256 (first 16 hex digits) of the registry, acts, law and day: the same run gives the same id. */
  runId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Provenance = z.output<typeof provenanceSchema>;

/** What the caller knows about the registry and the law files it loaded (hashes of their bytes). */
export interface SourceIdentity {
  registry: { source: string; persons: number; hash: string | null };
  lawHash: string;
}

export function runIdOf(p: Omit<Provenance, 'runId' | 'unverified'>): string {
  const h = createHash('sha256');
  h.update(`registry:${p.registry.hash ?? p.registry.source}:${p.registry.persons}\n`);
  for (const a of p.acts) h.update(`act:${a.id}:${a.hash}\n`);
  h.update(`law:${p.lawHash}\nas_of:${p.asOf}\n`);
  return h.digest('hex').slice(0, 16);
}

/**
 * Unverified inputs of an act, as the engine counts them (src/engine/act/doubt.ts, docs/doubt.md):
 * its source, clause texts that are paraphrases, its act and law parameters, the Criminal Code parts
 * its conditions name — each with what it is, in kk, ru and en.
 */
export function unverifiedOfAct(plan: Plan, law: Law): UnverifiedInput[] {
  // Named by act, so that the inputs of several acts (the annex compares them) stay apart.
  return [...actDoubts(plan, law).all.values()].map((d) => ({ name: `act:${plan.id}:${d.key}`, text: { kk: `${plan.id}: ${d.label.kk}`, ru: `${plan.id}: ${d.label.ru}`, en: `${plan.id}: ${d.label.en}` } }));
}

/** A dated parameter that is a working assumption, as an unverified input. */
export function unverifiedParameter(name: string, label: Text, value: number): UnverifiedInput {
  return {
    name,
    text: renderAll(P.assumption, (lang) => ({ label: label[lang], value: String(value) })),
  };
}

/** Articles of the Criminal Code table whose gravity or title is not verified. */
export function unverifiedArticles(law: Law, parts: readonly number[]): UnverifiedInput[] {
  return parts
    .map((i) => entryAt(law.criminalCode.parts, i, 'law part'))
    .filter((p) => !p.verified)
    .map((p) => ({
      name: `article:${p.id}`,
      text: renderAll(P.article, (lang) => ({ article: String(p.article), part: p.part === null ? '' : render(P.articlePart, lang, { part: String(p.part) }) })),
    }));
}

export const SYNTHETIC_INPUT: Record<'registry' | 'facilities' | 'courts', UnverifiedInput> = {
  registry: {
    name: 'registry',
    text: P.syntheticRegistry,
  },
  facilities: {
    name: 'facilities',
    text: P.syntheticFacilities,
  },
  courts: {
    name: 'courts',
    text: P.syntheticCourts,
  },
};

/** Unverified inputs without repeats, in the order first seen. */
export function uniqueInputs(list: readonly UnverifiedInput[]): UnverifiedInput[] {
  const seen = new Set<string>();
  return list.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}

export function provenanceOf(identity: SourceIdentity, plans: readonly Plan[], asOf: string, unverified: readonly UnverifiedInput[]): Provenance {
  const base = {
    registry: identity.registry,
    acts: plans.map((p) => ({ id: p.id, title: p.source.title, hash: p.hash })),
    asOf,
    lawHash: identity.lawHash,
  };
  return { ...base, unverified: uniqueInputs(unverified), runId: runIdOf(base) };
}
