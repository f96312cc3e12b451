/**
 * The reply letter and its annex on the default registry under the women's proposal, read back
 * from the files produced: every figure in the DOCX and the PDF equals the computed one, in Kazakh
 * and in Russian, and the annex stores the same numbers as numbers.
 */
import { loadLetterSignature } from '../../src/documents/signature.ts';
import { DOCUMENT_PATHS } from '../../src/documents/load.ts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnnexData, buildLetterData, computeReports, dejavuSerif, renderAnnexXlsx, renderLetterDocx, renderLetterPdf, type LetterDocumentData } from '../../src/documents/index.ts';
import { provenanceOf } from '../../src/documents/provenance.ts';
import { docxText } from '../../src/documents/docx-xml.ts';
import { formatNumber } from '../../src/i18n/text.ts';
import { facilities, identity, impactConfig, law, letterDefinition, letterTemplates, registry, women, constitution } from './setup.ts';
import { firstPagePng, hasPdftoppm, pdfFonts, pdfText, squash } from './read-back.ts';

const reports = computeReports({ law, registry, letterDefinition, plans: [women, constitution], facilities, impactConfig, identity });
const synthetic = { registry: true, facilities: true };
const data: LetterDocumentData = buildLetterData({
  law,
  registry,
  letterDefinition,
  signature: loadLetterSignature(DOCUMENT_PATHS.letterSignature),
  plans: [women],
  facilities,
  impactConfig,
  identity,
  synthetic,
  letterReport: reports.letter,
  options: { inquiryNumber: 'ДС-45', inquiryDate: '2025-01-30' },
});
const computed = (id: string) => reports.letter.figures.find((f) => f.id === id)!.computed;
const num = (v: number, lang: 'kk' | 'ru') => squash(formatNumber(v, lang, 0));

describe('the reply letter’s data', () => {
  it('takes every population figure from the letter’s table computed from records', () => {
    expect(data.population.women).toBe(6399);
    expect(data.population.women_custody).toEqual({ institution: 2692, probation: 3707 });
    expect(data.population.minor_medium).toBe(computed('F4'));
    expect(data.population.minor_medium_custody).toEqual({ institution: 157, probation: 1064 });
    expect(data.population.grave_custody).toEqual({ institution: 2535, probation: 2520 });
    expect(data.population.disabled_groups).toEqual([3, 3, 15]);
    expect(data.population.vulnerable_men).toBe(computed('F15'));
    // F14's split by custody: the at-most audit's count of those not in institutions.
    expect(data.population.unpaid_claims_custody.institution + data.population.unpaid_claims_custody.probation).toBe(computed('F14'));
  });

  it('takes the act’s figures from the impact report: outcomes, equality, money under both costs, victims, risk', () => {
    const act = computeReports({ law, registry, letterDefinition, plans: [women], facilities, impactConfig, identity }).impact.acts[0]!;
    expect(data.outcomes.covered).toBe(act.outcomes.by_status['eligible']);
    expect(data.outcomes.released).toBe(act.money.letter_method.released);
    expect(data.outcomes.released_custody.institution + data.outcomes.released_custody.probation).toBe(data.outcomes.released);
    expect(data.equality.depends_on_sex).toBe(true);
    expect(data.equality.added.men).toBe(act.equality.counterfactual.added.men);
    expect(data.money.variants.map((v) => v.inmate_cost)).toEqual([2900, 7500]);
    expect(data.money.variants[0]!.first_year).toBe(act.money.variants[0]!.total.first_year);
    expect(data.money.letter_method.per_year).toBe(data.money.letter_method.released * 2900 * 365);
    expect(data.victims.persons).toBe(act.victims.covered_with_unpaid_claims);
    expect(data.risk.horizons[0]!.low).toBeLessThanOrEqual(Math.round(data.risk.horizons[0]!.expected));
  });

  it('marks each part with the unverified inputs it rests on', () => {
    const names = data.provenance.unverified.map((u) => u.name);
    expect(names).toContain('registry');
    expect(names).toContain('cost.probationer_per_day');
    expect(names).toContain('reoffending');
    expect(data.rests_on.money.map((i) => names[i])).toContain('cost.probationer_per_day');
    expect(data.rests_on.risk.map((i) => names[i])).toContain('reoffending');
    expect(data.rests_on.population.map((i) => names[i])).not.toContain('reoffending');
    expect(data.provenance.runId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the reply letter read back', () => {
  const texts: Record<'kk' | 'ru', string> = { kk: '', ru: '' };
  beforeAll(() => {
    for (const lang of ['kk', 'ru'] as const) texts[lang] = squash(docxText(renderLetterDocx(data, lang, letterTemplates[lang])));
  });

  it('DOCX in Kazakh follows the seed: letterhead, reference, salutation, figures, signature', () => {
    const t = texts.kk;
    expect(t).toContain('ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ІШКІ ІСТЕР МИНИСТРЛІГІ');
    expect(t).toContain('МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН');
    expect(t).toContain('2025 жылғы 30 қаңтардағы №ДС-45 хатқа');
    expect(t).toContain('Құрметті депутаттар!');
    expect(t).toContain(`Бүгінгі таңда ${num(6399, 'kk')} әйел қылмыстық құқық бұзушылық жасағаны үшін жазасын өтеп жатыр, оның ішінде ${num(2692, 'kk')} әйел`);
    expect(t).toContain(`(ТМ – ${num(157, 'kk')}, ПҚ – ${num(1064, 'kk')})`);
    expect(t).toContain('I топ – 3, II топ – 3, III топ – 15');
    expect(t).toContain('Конституциясының 14-бабының');
    expect(t).toContain(`${num(data.equality.neutral_covered, 'kk')} адамды қамтыр еді`);
    expect(t).toContain(`күніне ${num(2900, 'kk')} теңге`);
    expect(t).toContain(`күніне ${num(7500, 'kk')} теңге`);
    expect(t).toContain(`${num(Math.round(data.risk.horizons[0]!.expected), 'kk')} адамның қайта сотталуы`);
    expect(t).toContain('Құрметпен,');
    expect(t).toContain('Е. Саденов');
    expect(t).toContain('[3]');
  });

  it('DOCX in Russian holds the same figures in Russian wording', () => {
    const t = texts.ru;
    expect(t).toContain('К №ДС-45 от 30.01.2025 года');
    expect(t).toContain('Уважаемые депутаты!');
    expect(t).toContain(`На сегодняшний день ${num(6399, 'ru')} женщин отбывают наказания`);
    expect(t).toContain(`осуждены ${num(data.population.non_violent, 'ru')} женщин, из которых ${num(data.population.non_violent_first, 'ru')} впервые`);
    expect(t).toContain(`в местах лишения свободы содержатся ${num(data.population.unpaid_claims_custody.institution, 'ru')}`);
    expect(t).toContain(`освобождаются от отбывания наказания (ИУ – ${num(data.outcomes.released_custody.institution, 'ru')}, СП – ${num(data.outcomes.released_custody.probation, 'ru')})`);
    expect(t).toContain('статьи 14 Конституции');
    expect(t).toContain(squash(data.equality.verdict.ru));
    expect(t).toContain(`у ${num(data.victims.persons, 'ru')} осуждённых, охватываемых актом`);
    expect(t).toContain('С уважением,');
    expect(t).toContain(data.provenance.runId);
    for (const u of data.provenance.unverified) expect(t).toContain(squash(u.text.ru));
  });

  it('PDF in Kazakh and Russian: the same text, A4, page numbers, provenance footer, DejaVu embedded', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const pdf = await renderLetterPdf(data, lang, letterTemplates[lang], dejavuSerif());
      const { pages, text } = await pdfText(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(text).toContain(lang === 'kk' ? 'Құрметті депутаттар!' : 'Уважаемые депутаты!');
      expect(text).toContain(num(6399, lang));
      expect(text).toContain(num(data.outcomes.covered, lang));
      expect(text).toContain(`${lang === 'kk' ? 'Бет' : 'Стр.'} 1 / ${pages.length}`);
      expect(text).toContain(data.provenance.runId);
      if (lang === 'kk') for (const ch of 'ӘҒҚҢӨҰҮІ') expect(text.toUpperCase()).toContain(ch);
      const fonts = pdfFonts(pdf);
      expect(fonts.fonts.every((f) => /\+DejaVuSerif/.test(f))).toBe(true);
      expect(fonts.embedded).toBe(fonts.descriptors);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
      if (hasPdftoppm()) expect(firstPagePng(pdf, 30).subarray(1, 4).toString()).toBe('PNG');
      else console.warn('pdftoppm (poppler-utils) is not installed: the first page is not rendered to PNG');
    }
  });
});

describe('the annex read back', () => {
  it('one sheet per table, headers in the language, frozen, numbers as numbers, a provenance sheet', async () => {
    const { provenance } = buildAnnexData({ law, registry, letterDefinition, plans: [women, constitution], facilities, impactConfig, identity, synthetic, letterReport: reports.letter, impactReport: reports.impact });
    expect(provenance.acts.map((a) => a.id)).toEqual(['kz-2025-women-proposal', 'kz-2025-constitution-30']);
    expect(provenance.unverified.map((u) => u.name)).toContain('act:kz-2025-constitution-30:act.source');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderAnnexXlsx(reports.letter, reports.impact, provenance, 'ru')) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['Источники', 'Таблица письма F1–F18', 'Проверка письма', 'По виду учёта', 'По тяжести', 'По соц. категории', 'По полу', 'По регионам', 'По учреждениям', 'Экономия', 'Прогноз по месяцам', 'Сравнение актов']);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const letter = wb.getWorksheet('Таблица письма F1–F18')!;
    expect(letter.getRow(1).values).toEqual([undefined, '№', 'Показатель', 'В письме', 'Рассчитано', 'Статус', 'Неизвестно']);
    const f1 = letter.getRow(2);
    expect(f1.getCell(1).value).toBe('F1');
    expect(f1.getCell(3).value).toBe(6399);
    expect(f1.getCell(4).value).toBe(6399);
    expect(f1.getCell(4).numFmt).toBe('#,##0');
    const f4 = letter.getColumn(1).values.indexOf('F4');
    expect(letter.getRow(f4).getCell(5).value).toBe('письмо противоречиво');

    const custody = wb.getWorksheet('По виду учёта')!;
    const act = reports.impact.acts[0]!;
    custody.eachRow((row, r) => {
      if (r === 1) return;
      const expected = act.coverage.custody[r - 2]!;
      expect(row.getCell(2).value).toBe(expected.persons);
      expect(row.getCell(3).value).toBe(expected.covered);
      expect(row.getCell(4).numFmt).toBe('0.0%');
    });
    const money = wb.getWorksheet('Экономия')!;
    expect(money.getRow(2).getCell(5).value).toBe(act.money.variants[0]!.total.first_year);
    const projection = wb.getWorksheet('Прогноз по месяцам')!;
    expect(projection.rowCount).toBe(act.projection.months.length + 1);
    expect(projection.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    const comparison = wb.getWorksheet('Сравнение актов')!;
    expect(comparison.getRow(3).getCell(1).value).toBe('kz-2025-constitution-30');

    const prov = wb.getWorksheet('Источники')!;
    const cells = prov.getColumn(2).values.map(String);
    expect(cells).toContain(provenance.lawHash);
    expect(cells).toContain(provenance.runId);
    expect(cells.some((c) => c.includes('рабочее допущение'))).toBe(true);
  });

  it('Kazakh column names in the Kazakh annex', async () => {
    const provenance = provenanceOf(identity, [women], reports.impact.acts[0]!.act.entry_into_force, []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderAnnexXlsx(reports.letter, reports.impact, provenance, 'kk')) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('Дереккөздер');
    expect(wb.getWorksheet('Хат кестесі F1–F18')!.getRow(1).getCell(4).value).toBe('Есептелді');
  });
});
