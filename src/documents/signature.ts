/**
 * Who signs the reply letter and who prepared it, when the official does not name them: read from
 * data/letter-signature.yaml (the seed reply's signature block, with its source), never from code.
 */
import { z } from 'zod';
import { loadDataFile } from '../domain/located.ts';
import { textSchema } from './provenance.ts';

const personSchema = z.strictObject({ kk: z.string().trim().min(1), ru: z.string().trim().min(1), en: z.string().trim().min(1) });

export const letterSignatureFileSchema = z.strictObject({
  /** Where the names come from. */
  source: z.string().min(1),
  /** True when the names are not those of a published document. */
  assumption: z.boolean(),
  signatory: z.strictObject({ position: personSchema, name: personSchema }),
  executor: z.strictObject({ name: personSchema, phone: z.string().min(1), email: z.string().min(3) }),
});

/** The signature block of the letter: position and names in kk, ru and en. */
export const letterSignatorySchema = z.strictObject({ position: textSchema, name: textSchema });
export const letterExecutorSchema = z.strictObject({ name: textSchema, phone: z.string(), email: z.string() });
export type LetterSignatory = z.output<typeof letterSignatorySchema>;
export type LetterExecutor = z.output<typeof letterExecutorSchema>;
export type LetterSignature = { signatory: LetterSignatory; executor: LetterExecutor; source: string };

/** Reads the default signatory and executor; every error is located (file, path, line, column). */
export function loadLetterSignature(path: string): LetterSignature {
  const { data } = loadDataFile(letterSignatureFileSchema, path);
  return { signatory: data.signatory, executor: data.executor, source: data.source };
}
