/**
 * `amnestia documents letter|annex|submission|submissions|facility-list`: the official documents,
 * in Kazakh or Russian, as DOCX, PDF or XLSX (docs/documents.md). Files are read here and written
 * here — whole or not at all; src/documents/ builds and renders from values.
 */
import { entryAt, present } from '../domain/lookup.ts';
import { argumentError } from './arguments.ts';
import { msg, renderMessage } from '../i18n/message.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { UserError } from '../domain/errors.ts';
import { isoDay, parseIsoDate } from '../domain/dates.ts';
import { isLang, render, type Lang, type Text } from '../i18n/text.ts';
import { loadLaw, type Law } from '../law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { loadAct } from '../engine/act/plan.ts';
import { resolveActPath } from '../engine/act/act-tests.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { loadImpactConfig } from '../impact/config.ts';
import { loadLetterDefinition } from '../reports/letter.ts';
import {
  buildAnnexData,
  buildFacilityList,
  buildLetterData,
  buildSubmission,
  dejavuSerif,
  isDocLang,
  letterTemplate,
  renderAnnexXlsx,
  renderFacilityListXlsx,
  renderLetterDocx,
  renderLetterPdf,
  renderSubmissionBatch,
  renderSubmissionDocx,
  renderSubmissionPdf,
  submissionTemplate,
  type DocLang,
  type SourceIdentity,
} from '../documents/index.ts';
import { DOCUMENT_PATHS, lawHash, loadCourts, readTemplate } from '../documents/load.ts';
import { loadLetterSignature, type LetterSignature } from '../documents/signature.ts';
import { openRegistry } from './registry-source.ts';
import { writeFileAtomic } from './atomic.ts';
import { CLI_DOCUMENTS_TEXTS as T } from '../i18n/cli.ts';

export const DOCUMENT_KINDS = ['letter', 'annex', 'submission', 'submissions', 'facility-list'] as const;
type Kind = (typeof DOCUMENT_KINDS)[number];
type Format = 'docx' | 'pdf' | 'xlsx';

const FORMATS: Record<Kind, readonly Format[]> = {
  letter: ['docx', 'pdf'],
  annex: ['xlsx'],
  submission: ['docx', 'pdf'],
  submissions: ['pdf', 'docx'],
  'facility-list': ['xlsx'],
};

export interface DocumentsOptions {
  act: string[];
  registry?: string;
  person?: string;
  facility?: string;
  lang: DocLang;
  format?: Format;
  out: string;
  zip?: string;
  asOf?: string;
  inquiryNumber?: string;
  inquiryDate?: string;
  addressee?: string;
  salutation?: string;
  signatoryName?: string;
  signatoryPosition?: string;
  templates: string;
  courts: string;
  facilities?: string;
}

/** A refusal is a decision about a person, not bad input: exit code 1, reason on standard error. */
export class SubmissionRefused extends Error {}

function identityOf(registryFile: string | undefined, source: string, persons: number): SourceIdentity {
  const hash = registryFile
    ? createHash('sha256').update(readFileSync(registryFile)).digest('hex')
    : createHash('sha256').update(readFileSync(DEFAULT_PATHS.profile)).update(`seed:${DEFAULT_SEED}`).digest('hex');
  return { registry: { source, persons, hash }, lawHash: lawHash() };
}

function plansOf(law: Law, acts: string[]) {
  return acts.map((a) => loadAct(resolveActPath(a, DEFAULT_PATHS.acts), law).plan);
}

function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

/** The output format, checked with the options each kind of document needs. */
function formatOf(kind: Kind, o: DocumentsOptions): string {
  const lang = o.lang;
  const format = o.format ?? entryAt(FORMATS[kind], 0, `formats of ${kind}`);
  if (!FORMATS[kind].includes(format)) throw new UserError(render(T.format, lang, { kind, format, allowed: FORMATS[kind].join(', ') }));
  if ((kind === 'submission') && !o.person) throw new UserError(render(T.needs, lang, { kind, option: '--person <id>' }));
  if ((kind === 'submissions' || kind === 'facility-list') && !o.facility) throw new UserError(render(T.needs, lang, { kind, option: '--facility <code>' }));
  if (o.zip && (kind !== 'submissions' || format !== 'pdf')) throw new UserError(render(T.zipNeedsPdf, lang));
  return format;
}

/** The letter's inquiry, addressee, salutation and signatory as given on the command line (`\n` or `|` start a new line). */
function letterOptionsOf(o: DocumentsOptions, signature: LetterSignature) {
  const line = (s: string) => s.replace(/\\n|\|/g, '\n');
  const same = (s: string | undefined): Text | undefined => (s === undefined ? undefined : { kk: line(s), ru: line(s), en: line(s) });
  const addressee = same(o.addressee);
  const salutation = same(o.salutation);
  const position = same(o.signatoryPosition);
  return {
    ...(o.inquiryNumber !== undefined ? { inquiryNumber: o.inquiryNumber } : {}),
    ...(o.inquiryDate !== undefined ? { inquiryDate: o.inquiryDate } : {}),
    ...(addressee ? { addressee } : {}),
    ...(salutation ? { salutation } : {}),
    ...(o.signatoryName || position ? { signatory: { name: same(o.signatoryName) ?? signature.signatory.name, position: position ?? signature.signatory.position } } : {}),
  };
}

export async function documentsCommand(kind: Kind, o: DocumentsOptions): Promise<void> {
  const lang = o.lang;
  const format = formatOf(kind, o);
  // Templates are checked before the computation, so a broken one fails fast.
  const letterFile = kind === 'letter' ? readTemplate(o.templates, 'letter', lang) : null;
  const submissionFile = kind === 'submission' || kind === 'submissions' ? readTemplate(o.templates, 'submission', lang) : null;
  const letterTpl = letterFile ? letterTemplate(letterFile.bytes, letterFile.name) : null;
  const submissionTpl = submissionFile ? submissionTemplate(submissionFile.bytes, submissionFile.name) : null;

  const law = loadLaw();
  const plans = plansOf(law, o.act);
  const facilities = loadFacilities(o.facilities ?? DEFAULT_PATHS.facilities);
  const { registry, source } = await openRegistry(law, o.registry, lang, () => undefined);
  const identity = identityOf(o.registry, source, registry.size);
  const synthetic = { registry: o.registry === undefined, facilities: facilities.synthetic };
  const asOfDay = o.asOf ? isoDay(o.asOf) : undefined;
  const write = (file: string, bytes: Buffer) => {
    writeFileAtomic(file, bytes);
    process.stderr.write(`${render(T.written, lang, { file })}\n`);
  };

  if (kind === 'letter' || kind === 'annex') {
    const letterDefinition = loadLetterDefinition(DEFAULT_PATHS.letterFigures, law);
    const impactConfig = loadImpactConfig(DEFAULT_PATHS.impact, law);
    const signature = loadLetterSignature(DOCUMENT_PATHS.letterSignature);
    if (kind === 'annex') {
      const annex = buildAnnexData({ law, registry, letterDefinition, plans, facilities, impactConfig, identity, synthetic });
      write(o.out, await renderAnnexXlsx(annex.letter, annex.impact, annex.provenance, lang));
      return;
    }
    const data = buildLetterData({
      law,
      registry,
      letterDefinition,
      plans: plans.slice(0, 1),
      facilities,
      impactConfig,
      identity,
      synthetic,
      signature,
      options: letterOptionsOf(o, signature),
    });
    const template = present(letterTpl, 'the letter template, read for a letter');
    write(o.out, format === 'pdf' ? await renderLetterPdf(data, lang, template, dejavuSerif()) : renderLetterDocx(data, lang, template));
    return;
  }

  const courts = loadCourts(o.courts, facilities);
  const input = { law, registry, plan: entryAt(plans, 0, 'acts'), facilities, courts, identity, synthetic: { ...synthetic, courts: courts.synthetic }, ...(asOfDay !== undefined ? { asOfDay } : {}) };

  if (kind === 'submission') {
    const person = present(o.person, '--person, checked with the format');
    const template = present(submissionTpl, 'the submission template, read for a submission');
    const i = registry.indexOf(person);
    if (i < 0) throw new UserError(render(T.noPerson, lang, { id: person, source }));
    const r = buildSubmission(input, i);
    if (!r.ok) throw new SubmissionRefused(r.refusal.reason[lang]);
    write(o.out, format === 'pdf' ? await renderSubmissionPdf(r.data, lang, template, dejavuSerif()) : renderSubmissionDocx(r.data, lang, template));
    if (r.data.status === 'needs_review') process.stderr.write(`${render(T.needsReview, lang, { id: person })}\n`);
    return;
  }

  if (kind === 'submissions') {
    await writeSubmissions(input, o, format, present(submissionTpl, 'the submission template, read for submissions'), write);
    return;
  }

  const list = buildFacilityList(input, present(o.facility, '--facility, checked with the format'), lang);
  write(o.out, await renderFacilityListXlsx(list, lang));
}

/** A facility's submissions: one PDF and, when asked, their DOCX files in a ZIP (or the ZIP alone); the refusals said on stderr. */
async function writeSubmissions(
  input: Parameters<typeof renderSubmissionBatch>[0],
  o: DocumentsOptions,
  format: string,
  template: Parameters<typeof renderSubmissionBatch>[3],
  write: (file: string, bytes: Buffer) => void,
): Promise<void> {
  const lang = o.lang;
  const facility = present(o.facility, '--facility, checked with the format');
  const batch = await renderSubmissionBatch(input, facility, lang, template, { pdf: format === 'pdf' ? dejavuSerif() : null, docx: format === 'docx' || o.zip !== undefined }, progressBar);
  // Write both or neither: the ZIP first, and it is removed if the PDF cannot be written.
  const zip = () => present(batch.zip, 'the ZIP of the submissions, asked for');
  if (format === 'docx') write(o.out, zip());
  else {
    if (o.zip) write(o.zip, zip());
    if (batch.pdf) write(o.out, batch.pdf);
  }
  process.stderr.write(
    `${render(T.batch, lang, { facility, produced: batch.produced.length, review: batch.produced.filter((p) => p.status === 'needs_review').length, refused: batch.refused.length })}\n`,
  );
  for (const r of batch.refused) process.stderr.write(`  ${r.reason[lang]}\n`);
}

const dateArg = (v: string) => {
  if (parseIsoDate(v) === null) throw argumentError(msg('cli.expected_date'));
  return v;
};

export function addDocumentsCommand(program: Command): void {
  program
    .command('documents')
    .addArgument(program.createArgument('<kind>').choices(DOCUMENT_KINDS))
    .requiredOption('--act <acts...>')
    .option('--registry <file>')
    .option('--person <id>')
    .option('--facility <code>')
    // --lang is also the language of the help and the refusals, which may be en (`documents --help
    // --lang en`); the document's own language, kk or ru only, is checked when the command runs.
    .addOption(
      new Option('--lang <lang>').default('ru').argParser((v) => {
        if (!isLang(v)) throw argumentError(msg('cli.expected_lang'));
        return v;
      }),
    )
    .addOption(new Option('--format <format>').choices(['docx', 'pdf', 'xlsx']))
    .requiredOption('--out <file>')
    .option('--zip <file>')
    .addOption(new Option('--as-of <date>').argParser(dateArg))
    .option('--inquiry-number <n>')
    .addOption(new Option('--inquiry-date <date>').argParser(dateArg))
    .option('--addressee <text>')
    .option('--salutation <text>')
    .option('--signatory-name <name>')
    .option('--signatory-position <text>')
    .addOption(new Option('--templates <dir>').default(DOCUMENT_PATHS.templates))
    .addOption(new Option('--courts <file>').default(DOCUMENT_PATHS.courts))
    .option('--facilities <file>')
    .action(async (kind: Kind, opts: Omit<DocumentsOptions, 'lang'> & { lang: Lang }, command: Command) => {
      const lang = opts.lang;
      if (!isDocLang(lang)) {
        const refusal = msg('cli.invalid_option_value', { option: '--lang <lang>', value: lang, reason: msg('cli.expected_doc_lang') });
        command.error(renderMessage(refusal, lang), { code: 'commander.invalidArgument' });
      }
      try {
        await documentsCommand(kind, { ...opts, lang });
      } catch (e) {
        if (!(e instanceof SubmissionRefused)) throw e;
        process.stderr.write(`${e.message}\n`);
        process.exitCode = 1;
      }
    });
}
