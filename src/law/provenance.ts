/**
 * Where a rule of law comes from, beside its text (Catala-style): the official source's address,
 * the article's official identifier, the official wording in Kazakh and Russian where it is known,
 * and whether the rule was checked against that wording (`verified`). A rule with `verified: false`
 * is an assumption, and every figure resting on it says so (docs/doubt.md).
 */
import { z } from 'zod';

export const provenanceSchema = z.strictObject({
  url: z.string().min(1).optional(),
  /** The official identifier, e.g. "K1400000226 ст. 78 ч. 2" (adilet document and article). */
  article_id: z.string().min(1).optional(),
  /** The official wording, where known: the encoded text beside it may be a paraphrase. */
  official: z.strictObject({ kk: z.string().min(1).optional(), ru: z.string().min(1).optional() }).optional(),
  verified: z.boolean(),
});
export type ProvenanceSource = z.output<typeof provenanceSchema>;

export interface Provenance {
  url: string | null;
  articleId: string | null;
  official: { kk: string | null; ru: string | null };
  verified: boolean;
}

export function provenanceOf(p: ProvenanceSource): Provenance {
  return { url: p.url ?? null, articleId: p.article_id ?? null, official: { kk: p.official?.kk ?? null, ru: p.official?.ru ?? null }, verified: p.verified };
}
