/** Where a command's registry comes from: a file (CSV, XLSX) or the default synthetic population. */
import { basename } from 'node:path';
import { RejectedRowsError } from '../domain/errors.ts';
import type { Law } from '../law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { importRegistryFile } from '../registry/import.ts';
import type { Registry } from '../registry/registry.ts';
import { generateRegistry } from '../registry/synthetic/generate.ts';
import { loadProfile } from '../registry/synthetic/profile.ts';
import { render, type Lang } from '../i18n/text.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { ruleText } from '../i18n/rules.ts';


/**
 * The registry of a command. A file with any rejected row or file error is refused
 * (RejectedRowsError, exit code 1): a command that decides about persons needs every person.
 */
export async function openRegistry(law: Law, file: string | undefined, lang: Lang, progress: (line: string) => void, sheet?: string): Promise<{ registry: Registry; source: string }> {
  if (file === undefined) {
    const profile = loadProfile(DEFAULT_PATHS.profile);
    const registry = generateRegistry(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: DEFAULT_SEED });
    return { registry, source: render(MESSAGES['registry.default'], lang, { profile: profile.id, seed: String(DEFAULT_SEED) }) };
  }
  const result = await importRegistryFile(law.criminalCode, file, {
    onProgress: (rows) => progress(render(MESSAGES['progress.rows'], lang, { rows })),
    ...(sheet !== undefined ? { sheet } : {}),
  });
  const fatal = result.fileIssues.filter((i) => i.severity === 'error');
  if (result.rejected > 0 || fatal.length > 0) {
    throw new RejectedRowsError(
      [render(MESSAGES['error.registry_rejected'], lang, { file, rejected: result.rejected }), ...fatal.map((i) => `${file}: ${i.message} [${i.rule}]`)].join('\n'),
    );
  }
  // Warnings of the file as a whole (other worksheets not read, unknown columns) are shown, not kept silent.
  for (const w of result.fileIssues) process.stderr.write(`${render(MESSAGES['check.severity.warning'], lang)} ${file}: ${ruleText(w.rule, w.message, lang)} [${w.rule}]\n`);
  const sheetRead = result.source.format === 'xlsx' && result.source.sheet !== null ? ` (${result.source.sheet})` : '';
  return { registry: result.registry, source: `${basename(file)}${sheetRead}` };
}
