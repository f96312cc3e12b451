/**
 * Court submissions read back: a person's identity, sentence, clause, facts, measure and new end
 * date in the DOCX and the PDF equal the engine's; persons who are not eligible are refused with
 * the reason; unknown facts make a "needs review" document; a facility's batch and list.
 */
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, dayOfYmd } from '../../src/domain/dates.ts';
import { explain } from '../../src/engine/act/explain.ts';
import { evaluate } from '../../src/engine/act/evaluate.ts';
import { outcomeAt } from '../../src/engine/act/outcome.ts';
import { citeRef } from '../../src/i18n/refs.ts';
import { registryOf } from '../../src/registry/registry.ts';
import type { PersonRecord } from '../../src/registry/record.ts';
import {
  buildFacilityList,
  buildSubmission,
  courtFor,
  dejavuSerif,
  renderFacilityListXlsx,
  renderSubmissionBatch,
  renderSubmissionDocx,
  renderSubmissionPdf,
  type SubmissionDocumentData,
} from '../../src/documents/index.ts';
import { docxText } from '../../src/documents/docx-xml.ts';
import { dateNumeric } from '../../src/documents/format.ts';
import { courts, facilities, law, registry, submissionInput, submissionTemplates, women } from './setup.ts';
import { firstPagePng, hasPdftoppm, pdfFonts, pdfText, squash } from './read-back.ts';

const input = submissionInput();
const eligible = (id: string): SubmissionDocumentData => {
  const r = buildSubmission(input, registry.indexOf(id));
  if (!r.ok) throw new Error(r.refusal.reason.en);
  return r.data;
};

describe('a submission for an eligible person', () => {
  const i = registry.indexOf('KZ00022');
  const record = registry.record(i);
  const trace = explain(women, record, law, women.entryIntoForce);
  const data = eligible('KZ00022');

  it('carries the engine’s decision: clause, measure, days and new end date', () => {
    expect(data.status).toBe('ready');
    expect(data.clause.id).toBe(women.clauses[trace.outcome.clause]!.id);
    expect(data.measure.code).toBe(trace.outcome.measure);
    expect(data.measure.days_remitted).toBe(trace.outcome.daysRemitted);
    expect(data.measure.new_end).toBe(formatIsoDate(trace.outcome.newEnd!));
    expect(data.person).toMatchObject({ id: 'KZ00022', iin: record.iin, last_name: record.lastName, birth_date: formatIsoDate(dayOfYmd(record.birthYmd!)) });
    expect(data.sentence.articles.map((a) => a.id)).toEqual(record.articles!.map((k) => law.criminalCode.parts[k]!.id));
    expect(data.deadline).toBe(formatIsoDate(women.executionEnd));
    expect(data.unknown_facts).toEqual([]);
  });

  it('goes to the court of the region of the person’s facility', () => {
    const facility = facilities.facilities.find((f) => f.code === record.facility)!;
    expect(data.court.region).toBe(facility.region);
    expect(data.court.basis).toBe('facility_region');
    expect(data.court.name.ru).toBe(courts.courts.find((c) => c.region === facility.region)!.ru);
  });

  it('DOCX in Russian and Kazakh holds the person’s data and the decision', () => {
    const ru = squash(docxText(renderSubmissionDocx(data, 'ru', submissionTemplates.ru)));
    expect(ru).toContain(`В ${data.court.name.ru}`);
    expect(ru).toContain('ПРЕДСТАВЛЕНИЕ о применении акта амнистии');
    expect(ru).toContain(`Фамилия, имя, отчество ${record.lastName} ${record.firstName} ${record.middleName}`);
    expect(ru).toContain(`ИИН ${record.iin}`);
    expect(ru).toContain(`Дата рождения ${dateNumeric(data.person.birth_date!)}`);
    for (const a of data.sentence.articles) expect(ru).toContain(`ст. ${a.article} ч. ${a.part} ${a.title.ru}`);
    expect(ru).toContain(`${data.clause.citation.ru}: «${data.clause.text.ru}»`);
    expect(ru).toContain(`новая дата окончания срока: ${dateNumeric(data.measure.new_end!)}`);
    expect(ru).toContain(`не позднее ${dateNumeric(data.deadline)}`);
    expect(ru).not.toContain('ТРЕБУЕТ ПРОВЕРКИ');
    const kk = squash(docxText(renderSubmissionDocx(data, 'kk', submissionTemplates.kk)));
    expect(kk).toContain('ҰСЫНУ рақымшылық актісін қолдану туралы');
    expect(kk).toContain(data.court.name.kk);
    expect(kk).toContain(`ЖСН ${record.iin}`);
    expect(kk).toContain(`${data.clause.citation.kk}: «${data.clause.text.kk}»`);
    expect(kk).toContain(squash(data.measure.label.kk));
  });

  it('PDF in Kazakh with the embedded font and the person’s data', async () => {
    const pdf = await renderSubmissionPdf(data, 'kk', submissionTemplates.kk, dejavuSerif());
    const { text } = await pdfText(pdf);
    expect(text).toContain('ҰСЫНУ');
    expect(text).toContain(record.iin!);
    expect(text).toContain(`${record.lastName} ${record.firstName}`);
    expect(text).toContain(dateNumeric(data.measure.new_end!));
    const fonts = pdfFonts(pdf);
    expect(fonts.embedded).toBe(fonts.descriptors);
    expect(fonts.fonts.length).toBeGreaterThan(0);
    if (hasPdftoppm()) expect(firstPagePng(pdf, 30).subarray(1, 4).toString()).toBe('PNG');
    else console.warn('pdftoppm (poppler-utils) is not installed: the first page is not rendered to PNG');
  });
});

describe('refusals', () => {
  it('an excluded person is refused with the exclusion that applies', () => {
    // The first person the act's own exclusions take (the Code's, Art. 78 part 2, are inherited too).
    const outcomes = evaluate(women, registry, law, women.entryIntoForce);
    let i = -1;
    for (let k = 0; k < registry.size && i < 0; k++) if (outcomes.status[k] === 2 && women.exclusions[outcomes.exclusion[k]!]!.origin === 'act') i = k;
    expect(i).toBeGreaterThanOrEqual(0);
    const exclusion = women.exclusions[outcomes.exclusion[i]!]!;
    const r = buildSubmission(input, i);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.status).toBe('excluded');
    expect(r.refusal.reason.ru).toContain(citeRef(exclusion.ref).ru);
    expect(r.refusal.reason.kk).toContain('алып тасталған');
  });

  it('a person no clause covers is refused, and told which clause is one criterion short', () => {
    const r = buildSubmission(input, registry.indexOf('KZ00001'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.status).toBe('not_covered');
    expect(r.refusal.reason.ru).toContain('ни одна статья акта не применяется');
    expect(r.refusal.reason.ru).toContain('не хватает одного критерия');
  });
});

/** An eligible woman of the registry with her family facts made unknown: the act cannot decide her. */
function unknownFamily(): PersonRecord {
  const out = evaluate(women, registry, law);
  for (let i = 0; i < registry.size; i++) {
    if (outcomeAt(out, i).status !== 'eligible') continue;
    const r: PersonRecord = { ...registry.record(i), childrenBirthYmd: null, pregnant: null, disabilityGroup: null, disabledChild: null, pensioner: null, singleParent: null, veteran: null, birthYmd: null };
    if (explain(women, r, law).outcome.status === 'needs_review') return r;
  }
  throw new Error('no person of the registry becomes undecidable');
}

describe('a submission whose facts are unknown', () => {
  const person = unknownFamily();
  const small = registryOf(law.criminalCode, [person]);
  const r = buildSubmission(submissionInput(small), 0);

  it('is produced as needs review, listing the unknown facts', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.status).toBe('needs_review');
    expect(r.data.unknown_facts.length).toBeGreaterThan(0);
    const ru = squash(docxText(renderSubmissionDocx(r.data, 'ru', submissionTemplates.ru)));
    expect(ru).toContain('ТРЕБУЕТ ПРОВЕРКИ — НЕ МОЖЕТ БЫТЬ НАПРАВЛЕНО В СУД В ТАКОМ ВИДЕ');
    for (const f of r.data.unknown_facts) expect(ru).toContain(`– ${squash(f.ru)}`);
    const kk = squash(docxText(renderSubmissionDocx(r.data, 'kk', submissionTemplates.kk)));
    expect(kk).toContain('ТЕКСЕРУ ҚАЖЕТ — ОСЫ ТҮРІНДЕ СОТҚА ЖІБЕРУГЕ БОЛМАЙДЫ');
    expect(kk).toContain('Туған күні —');
  });
});

describe('courts', () => {
  it('the facility’s region decides; without a facility, the region of the record; neither: no court', () => {
    expect(courtFor({ facility: 'W-01', region: 'astana' }, facilities, courts)).toMatchObject({ basis: 'facility_region', region: 'karaganda' });
    expect(courtFor({ facility: 'X-99', region: 'astana' }, facilities, courts)).toMatchObject({ basis: 'record_region', region: 'astana' });
    const none = courtFor({ facility: null, region: null }, facilities, courts);
    expect(none.court).toBeNull();
  });
  it('a person whose facility is not listed goes to the court of the region in the record, said as unverified', () => {
    const r = buildSubmission(submissionInput(registryOf(law.criminalCode, [{ ...registry.record(registry.indexOf('KZ00022')), facility: 'X-99', region: 'astana' }])), 0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.court).toMatchObject({ region: 'astana', basis: 'record_region', code: 'SMC-astana' });
    expect(r.data.facility).toMatchObject({ code: 'X-99', name: { ru: 'X-99' } });
    expect(r.data.provenance.unverified.map((u) => u.name)).toContain('facility:X-99');
  });

  it('every region of the facilities has exactly one court', () => {
    for (const r of facilities.regions) expect(courts.courts.filter((c) => c.region === r.code)).toHaveLength(1);
  });
});

describe('a facility’s batch and list', () => {
  // A small facility: the first 12 persons the act covers in W-03, and 3 it does not.
  const out = evaluate(women, registry, law);
  const inW03 = [...registry.personId.keys()].filter((i) => registry.record(i).facility === 'W-03');
  const covered = inW03.filter((i) => outcomeAt(out, i).status === 'eligible').slice(0, 12);
  const others = inW03.filter((i) => outcomeAt(out, i).status !== 'eligible').slice(0, 3);
  const small = registryOf(law.criminalCode, [...covered, ...others].map((i) => registry.record(i)));
  const smallInput = submissionInput(small);

  it('one PDF and a ZIP of DOCX with one submission per eligible person, with progress', async () => {
    const progress: [number, number][] = [];
    const batch = await renderSubmissionBatch(smallInput, 'W-03', 'ru', submissionTemplates.ru, { pdf: dejavuSerif(), docx: true }, (d, t) => progress.push([d, t]));
    expect(batch.produced.map((p) => p.personId)).toEqual(covered.map((i) => registry.personId[i]));
    expect(batch.refused).toEqual([]);
    expect(progress.at(-1)).toEqual([12, 12]);
    const zip = new PizZip(batch.zip!);
    const files = Object.keys(zip.files).sort();
    expect(files).toEqual(batch.produced.map((p) => `${p.personId}.docx`).sort());
    for (const f of files) expect(squash(docxText(zip.file(f)!.asUint8Array()))).toContain(`Номер в реестре ${f.replace('.docx', '')}`);
    const { pages, text } = await pdfText(batch.pdf!);
    expect(pages.length).toBeGreaterThanOrEqual(12);
    for (const p of batch.produced) expect(text).toContain(`Номер в реестре ${p.personId}`);
    // Each submission numbers its own pages, and the footer says which of the 12 it is.
    const footers = pages.map((p) => /Стр\. (\d+) \/ (\d+) · (\d+) \/ 12/.exec(p)!.slice(1).map(Number));
    expect(footers[0]).toEqual([1, footers[0]![1], 1]);
    for (let k = 1; k < footers.length; k++) {
      const [n, of, doc] = footers[k]!;
      const [pn, pof, pdoc] = footers[k - 1]!;
      if (doc === pdoc) expect([n, of]).toEqual([pn! + 1, pof]);
      else expect([n, doc]).toEqual([1, pdoc! + 1]);
    }
    expect(footers.at(-1)![2]).toBe(12);
    expect(footers.at(-1)![0]).toBe(footers.at(-1)![1]);
  });

  it('the list (XLSX) has every person of the facility with outcome, clause, dates and deadline', async () => {
    const list = buildFacilityList(smallInput, 'W-03', 'kk');
    expect(list.persons).toHaveLength(15);
    expect(list.counts.eligible).toBe(12);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderFacilityListXlsx(list, 'kk')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Тізім W-03');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(13).value).toBe('Ұсынудың мерзімі');
    const smallOut = evaluate(women, small, law);
    for (let r = 0; r < 15; r++) {
      const row = ws.getRow(r + 2);
      const o = outcomeAt(smallOut, r);
      expect(row.getCell(1).value).toBe(small.personId[r]);
      expect(row.getCell(10).value).toBe(o.daysRemitted);
      if (o.status === 'eligible') {
        expect(row.getCell(12).value).toEqual(o.newEnd === null ? null : new Date(`${formatIsoDate(o.newEnd)}T00:00:00Z`));
        expect(row.getCell(13).value).toEqual(new Date(`${formatIsoDate(women.executionEnd)}T00:00:00Z`));
      } else expect(row.getCell(13).value).toBeNull();
    }
    expect(wb.worksheets[1]!.name).toBe('Дереккөздер');
  });
});
