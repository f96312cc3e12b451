/** What the documents tests share: the default registry, the law, the acts, the templates as shipped. */
import { readFileSync } from 'node:fs';
import { loadLaw } from '../../src/law/law.ts';
import { DEFAULT_PATHS } from '../../src/paths.ts';
import { loadAct } from '../../src/engine/act/plan.ts';
import { loadFacilities } from '../../src/registry/facilities.ts';
import { loadImpactConfig } from '../../src/impact/config.ts';
import { loadLetterDefinition } from '../../src/reports/letter.ts';
import { sampleRegistry } from '../../src/cli/acts.ts';
import { DOCUMENT_PATHS, lawHash, loadCourts } from '../../src/documents/load.ts';
import { letterTemplate, submissionTemplate, type DocLang, type SourceIdentity } from '../../src/documents/index.ts';
import type { Registry } from '../../src/registry/registry.ts';
import type { SubmissionInput } from '../../src/documents/submission.ts';

export const law = loadLaw();
export const registry = sampleRegistry(law);
export const women = loadAct(`${DEFAULT_PATHS.acts}/kz-2025-women-proposal/act.yaml`, law).plan;
export const constitution = loadAct(`${DEFAULT_PATHS.acts}/kz-2025-constitution-30/act.yaml`, law).plan;
export const facilities = loadFacilities(DEFAULT_PATHS.facilities);
export const courts = loadCourts(DOCUMENT_PATHS.courts, facilities);
export const impactConfig = loadImpactConfig(DEFAULT_PATHS.impact, law);
export const letterDefinition = loadLetterDefinition(DEFAULT_PATHS.letterFigures, law);
export const identity: SourceIdentity = { registry: { source: 'default synthetic registry', persons: registry.size, hash: 'a'.repeat(64) }, lawHash: lawHash() };

export const templateBytes = (doc: 'letter' | 'submission', lang: DocLang): Buffer => readFileSync(`${DOCUMENT_PATHS.templates}/${doc}.${lang}.docx`);
export const letterTemplates = { kk: letterTemplate(templateBytes('letter', 'kk'), 'letter.kk.docx'), ru: letterTemplate(templateBytes('letter', 'ru'), 'letter.ru.docx') };
export const submissionTemplates = { kk: submissionTemplate(templateBytes('submission', 'kk'), 'submission.kk.docx'), ru: submissionTemplate(templateBytes('submission', 'ru'), 'submission.ru.docx') };

export function submissionInput(r: Registry = registry, plan = women): SubmissionInput {
  return { law, registry: r, plan, facilities, courts, identity: { ...identity, registry: { ...identity.registry, persons: r.size } }, synthetic: { registry: true, facilities: true, courts: true } };
}
