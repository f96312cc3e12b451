/**
 * The files documents need, read for the CLI and the server: templates, the courts list, and the
 * hashes of the law's files (for provenance). The builders and renderers never read files.
 */
import { NO_TEMPLATE } from '../i18n/documents/common.ts';
import { render } from '../i18n/text.ts';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataFile } from '../domain/located.ts';
import { UserError } from '../domain/errors.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../paths.ts';
import type { Facilities } from '../registry/facilities.ts';
import { checkCourts, courtsFileSchema, type Courts } from './courts.ts';
import type { DocLang } from './format.ts';

export const DOCUMENT_PATHS = {
  templates: resolve(PROJECT_ROOT, 'templates'),
  courts: resolve(PROJECT_ROOT, 'data/courts-kz.yaml'),
  /** The letter's default signatory and executor. */
  letterSignature: resolve(PROJECT_ROOT, 'data/letter-signature.yaml'),
} as const;

export function loadCourts(path: string, facilities: Facilities): Courts {
  const { data, map } = loadDataFile(courtsFileSchema, path);
  return checkCourts(data, facilities, map);
}

/** The bytes of templates/<document>.<lang>.docx (or of the same name in another folder). */
export function readTemplate(dir: string, document: 'letter' | 'submission', lang: DocLang): { bytes: Buffer; name: string } {
  const name = resolve(dir, `${document}.${lang}.docx`);
  if (!existsSync(name)) throw new UserError(render(NO_TEMPLATE, lang, { file: name, document, lang }));
  return { bytes: readFileSync(name), name };
}

/** SHA-256 of files' bytes, in order: the identity of the law data a run read. */
export function hashFiles(paths: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of paths) h.update(readFileSync(p));
  return h.digest('hex');
}

/** The law files every figure rests on: the Criminal Code table, the parameters, the base rates. */
export function lawHash(): string {
  return hashFiles([DEFAULT_PATHS.criminalCode, DEFAULT_PATHS.parameters, resolve(PROJECT_ROOT, 'law/reoffending.yaml')]);
}
