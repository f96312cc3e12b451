/**
 * The samples of docs/documents/ (npm run samples): the reply letter, a submission (ready and
 * "needs review") and the first page of a facility's batch, in Kazakh and Russian, as PDF with the
 * first page rendered to PNG by pdftoppm (Debian's poppler-utils). Made from the default synthetic
 * registry, so that a reader sees what the commands produce.
 */
import { loadLetterSignature } from '../src/documents/signature.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { evaluate } from '../src/engine/act/evaluate.ts';
import { explain } from '../src/engine/act/explain.ts';
import { STATUS } from '../src/engine/act/outcome.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { registryOf } from '../src/registry/registry.ts';
import type { PersonRecord } from '../src/registry/record.ts';
import { loadImpactConfig } from '../src/impact/config.ts';
import { loadLetterDefinition } from '../src/reports/letter.ts';
import { sampleRegistry } from '../src/cli/acts.ts';
import { DOCUMENT_PATHS, lawHash, loadCourts } from '../src/documents/load.ts';
import { buildLetterData, buildSubmission, dejavuSerif, letterTemplate, renderLetterPdf, renderSubmissionBatch, renderSubmissionPdf, submissionTemplate, type DocLang } from '../src/documents/index.ts';

if (spawnSync('pdftoppm', ['-v']).error) {
  process.stderr.write('pdftoppm is not installed: apt-get install -y poppler-utils\n');
  process.exit(1);
}

const OUT = resolve(PROJECT_ROOT, 'docs/documents');
const law = loadLaw();
const registry = sampleRegistry(law);
const women = loadAct(`${DEFAULT_PATHS.acts}/kz-2025-women-proposal/act.yaml`, law).plan;
const facilities = loadFacilities(DEFAULT_PATHS.facilities);
const courts = loadCourts(DOCUMENT_PATHS.courts, facilities);
const identity = { registry: { source: 'default synthetic registry (kz-2025, seed 2025)', persons: registry.size, hash: null }, lawHash: lawHash() };
const fonts = dejavuSerif();
const tpl = (doc: 'letter' | 'submission', lang: DocLang) => readFileSync(resolve(DOCUMENT_PATHS.templates, `${doc}.${lang}.docx`));

function save(name: string, pdf: Buffer): void {
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  const dir = mkdtempSync(join(tmpdir(), 'samples-'));
  writeFileSync(join(dir, 'in.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'in.pdf'), join(dir, 'page')]);
  renameSync(join(dir, 'page.png'), join(OUT, `${name}.png`));
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`docs/documents/${name}.pdf, .png\n`);
}

const letter = buildLetterData({
  law,
  registry,
  letterDefinition: loadLetterDefinition(DEFAULT_PATHS.letterFigures, law),
  signature: loadLetterSignature(DOCUMENT_PATHS.letterSignature),
  plans: [women],
  facilities,
  impactConfig: loadImpactConfig(DEFAULT_PATHS.impact, law),
  identity,
  synthetic: { registry: true, facilities: true },
  options: { inquiryNumber: 'ДС-45', inquiryDate: '2025-01-30' },
});
const input = { law, registry, plan: women, facilities, courts, identity, synthetic: { registry: true, facilities: true, courts: true } };
const ready = buildSubmission(input, registry.indexOf('KZ00022'));
if (!ready.ok) throw new Error(ready.refusal.reason.en);

// A woman the act covers, with her family facts made unknown: the act cannot decide her.
const outcomes = evaluate(women, registry, law);
let undecided: PersonRecord | null = null;
for (let i = 0; i < registry.size && !undecided; i++) {
  if (outcomes.status[i] !== STATUS.eligible) continue;
  const r: PersonRecord = { ...registry.record(i), childrenBirthYmd: null, pregnant: null, disabilityGroup: null, disabledChild: null, pensioner: null, singleParent: null, veteran: null, birthYmd: null };
  if (explain(women, r, law).outcome.status === 'needs_review') undecided = r;
}
const review = buildSubmission({ ...input, registry: registryOf(law.criminalCode, [undecided!]) }, 0);
if (!review.ok) throw new Error(review.refusal.reason.en);

for (const lang of ['kk', 'ru'] as const) {
  const lt = letterTemplate(tpl('letter', lang), `letter.${lang}.docx`);
  const st = submissionTemplate(tpl('submission', lang), `submission.${lang}.docx`);
  save(`letter.${lang}`, await renderLetterPdf(letter, lang, lt, fonts));
  save(`submission.${lang}`, await renderSubmissionPdf(ready.data, lang, st, fonts));
  save(`submission-needs-review.${lang}`, await renderSubmissionPdf(review.data, lang, st, fonts));
}
// The first of W-06's submissions in Kazakh, from the batch (its page numbers run through the whole PDF).
const batch = await renderSubmissionBatch(input, 'W-06', 'kk', submissionTemplate(tpl('submission', 'kk'), 'submission.kk.docx'), { pdf: fonts, docx: false });
const dir = mkdtempSync(join(tmpdir(), 'samples-'));
writeFileSync(join(dir, 'batch.pdf'), batch.pdf!);
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'batch.pdf'), join(OUT, 'submissions-W-06.kk')]);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`docs/documents/submissions-W-06.kk.png (${batch.produced.length} submissions)\n`);
