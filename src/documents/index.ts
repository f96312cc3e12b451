/**
 * Official documents — the API the CLI (and later the server) calls. Everything here is pure over
 * values already loaded (law, registry, plans, facilities, courts, templates as bytes, font paths):
 * no file is read or written here except the fonts pdfkit embeds; loading is in ./load.ts.
 *
 * Reply letter: buildLetterData → renderLetterDocx / renderLetterPdf (kk, ru)
 * Annex:        computeReports → renderAnnexXlsx
 * Submission:   buildSubmission → renderSubmissionDocx / renderSubmissionPdf (kk, ru)
 * Batch:        renderSubmissionBatch (one PDF and/or a ZIP of DOCX for a facility, with progress)
 * List:         buildFacilityList → renderFacilityListXlsx
 */
import PizZip from 'pizzip';
import { evaluate } from '../engine/act/evaluate.ts';
import { STATUS } from '../engine/act/outcome.ts';
import { facilityOf, personsOf } from './facility.ts';
import type { DocLang } from './format.ts';
import { letterFields, letterTemplateFields, provenanceLine, type LetterDocumentData } from './letter.ts';
import { renderPdf, type PdfFonts } from './pdf.ts';
import { buildSubmission, submissionFields, submissionTemplateFields, type SubmissionDocumentData, type SubmissionInput, type SubmissionRefusal } from './submission.ts';
import { DocxTemplate } from './template.ts';
import { PAGE, TITLES } from '../i18n/documents/common.ts';

export { buildLetterData, computeReports, letterDocumentSchema, letterTemplateFields, type LetterDocumentData, type LetterInput, type LetterOptions } from './letter.ts';
export { buildSubmission, submissionDocumentSchema, submissionTemplateFields, type SubmissionDocumentData, type SubmissionInput, type SubmissionResult, type SubmissionRefusal } from './submission.ts';
export { buildAnnexData, type AnnexData } from './annex.ts';
export { buildFacilityList, type FacilityListData, type FacilityListInput } from './facility-list.ts';
export { renderAnnexXlsx, renderFacilityListXlsx } from './xlsx.ts';
export { checkCourts, courtFor, courtsFileSchema, type Courts } from './courts.ts';
export { provenanceOf, provenanceSchema, type Provenance, type SourceIdentity } from './provenance.ts';
export { dejavuSerif, renderPdf, type PdfFonts } from './pdf.ts';
export { checkTemplate, DocxTemplate } from './template.ts';
export { DOC_LANGS, isDocLang, type DocLang } from './format.ts';

export type LetterTemplate = DocxTemplate<typeof letterTemplateFields>;
export type SubmissionTemplate = DocxTemplate<typeof submissionTemplateFields>;

/** A letter template (bytes of templates/letter.<lang>.docx) checked against the letter's fields. */
export function letterTemplate(bytes: Buffer | Uint8Array, name: string): LetterTemplate {
  return new DocxTemplate(bytes, letterTemplateFields, name);
}
export function submissionTemplate(bytes: Buffer | Uint8Array, name: string): SubmissionTemplate {
  return new DocxTemplate(bytes, submissionTemplateFields, name);
}

export function renderLetterDocx(data: LetterDocumentData, lang: DocLang, template: LetterTemplate): Buffer {
  return template.fill(letterFields(data, lang));
}

export function renderLetterPdf(data: LetterDocumentData, lang: DocLang, template: LetterTemplate, fonts: PdfFonts): Promise<Buffer> {
  return renderPdf([template.fillZip(letterFields(data, lang))], { fonts, title: TITLES.letter[lang], footer: provenanceLine(data.provenance, lang), pageWord: PAGE[lang], runId: data.provenance.runId });
}

export function renderSubmissionDocx(data: SubmissionDocumentData, lang: DocLang, template: SubmissionTemplate): Buffer {
  return template.fill(submissionFields(data, lang));
}

export function renderSubmissionPdf(data: SubmissionDocumentData, lang: DocLang, template: SubmissionTemplate, fonts: PdfFonts): Promise<Buffer> {
  return renderPdf([template.fillZip(submissionFields(data, lang))], {
    fonts,
    title: `${TITLES.submission[lang]}: ${data.person.id}`,
    footer: provenanceLine(data.provenance, lang),
    pageWord: PAGE[lang],
    runId: data.provenance.runId,
  });
}

/** Row indexes of a facility's persons a submission is due for (eligible or needing review), in registry order. */
export function submissionCandidates(input: SubmissionInput, facilityCode: string, lang: DocLang): number[] {
  facilityOf(input.facilities, facilityCode, lang);
  const day = input.asOfDay ?? input.plan.entryIntoForce;
  const outcomes = evaluate(input.plan, input.registry, input.law, day);
  return personsOf(input.registry, facilityCode).filter((i) => outcomes.status[i] === STATUS.eligible || outcomes.status[i] === STATUS.needs_review);
}

export interface BatchResult {
  /** One PDF of every submission, each from a new page (when asked for). */
  pdf: Buffer | null;
  /** A ZIP with one DOCX per person, named <person_id>.docx (when asked for). */
  zip: Buffer | null;
  produced: { personId: string; status: SubmissionDocumentData['status'] }[];
  refused: SubmissionRefusal[];
}

/**
 * Every submission due for a facility, in one run: the submissions are built one person at a time
 * (the engine's explanation of each) and reported through `onProgress(done, total)`.
 */
export async function renderSubmissionBatch(
  input: SubmissionInput,
  facilityCode: string,
  lang: DocLang,
  template: SubmissionTemplate,
  want: { pdf: PdfFonts | null; docx: boolean },
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<BatchResult> {
  const candidates = submissionCandidates(input, facilityCode, lang);
  const zip = want.docx ? new PizZip() : null;
  const filled: PizZip[] = [];
  const produced: BatchResult['produced'] = [];
  const refused: SubmissionRefusal[] = [];
  let footer = '';
  let runId = '';
  candidates.forEach((i, k) => {
    const r = buildSubmission(input, i);
    if (r.ok) {
      const doc = template.fillZip(submissionFields(r.data, lang));
      if (zip) zip.file(`${r.data.person.id}.docx`, doc.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
      if (want.pdf) filled.push(doc);
      produced.push({ personId: r.data.person.id, status: r.data.status });
      footer ||= provenanceLine(r.data.provenance, lang);
      runId ||= r.data.provenance.runId;
    } else refused.push(r.refusal);
    onProgress(k + 1, candidates.length);
  });
  const pdf = want.pdf && filled.length > 0 ? await renderPdf(filled, { fonts: want.pdf, title: `${TITLES.submissions[lang]}: ${facilityCode}`, footer, pageWord: PAGE[lang], runId }) : null;
  // DOCX files are ZIP archives already: stored, not compressed again.
  return { pdf, zip: zip ? zip.generate({ type: 'nodebuffer', compression: 'STORE' }) : null, produced, refused };
}
