/**
 * Where a command's registry comes from: a file (CSV, XLSX, snapshot) or the default synthetic
 * population — the use case `openRegistryFile` (src/app/registries.ts), with its progress and its
 * warnings on standard error.
 */
import { openRegistryFile } from '../app/registries.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';
import { render, type Lang } from '../i18n/text.ts';
import { MESSAGES } from '../i18n/messages.ts';

export async function openRegistry(law: Law, file: string | undefined, lang: Lang, progress: (line: string) => void, sheet?: string): Promise<{ registry: Registry; source: string }> {
  const { registry, source } = await openRegistryFile(law, file, {
    lang,
    sheet,
    onProgress: (rows) => progress(render(MESSAGES['progress.rows'], lang, { rows })),
    onWarning: (text) => process.stderr.write(`${text}\n`),
  });
  return { registry, source };
}
