/**
 * Excel workbooks: the annex to the letter (its table F1–F18 with the audit, coverage, money, the
 * projection, the comparison of acts) and a facility's list of persons. Numbers are stored as
 * numbers with formats, dates as dates; every sheet has a frozen header row and column names in
 * the chosen language; a provenance sheet says the registry, act(s), day, law hash and the
 * unverified inputs.
 */
import ExcelJS from 'exceljs';
import { isoDay, civilOf } from '../domain/dates.ts';
import { present } from '../domain/lookup.ts';
import type { Text } from '../i18n/text.ts';
import type { ImpactReport, CoverageRow } from '../impact/report.ts';
import type { LetterReport, FigureResult } from '../reports/letter.ts';
import { CUSTODY_LABELS } from '../i18n/enums.ts';
import type { DocLang } from './format.ts';
import type { Provenance } from './provenance.ts';
import type { FacilityListData } from './facility-list.ts';
import { NO, YES } from '../i18n/documents/common.ts';
import { ANNEX_TEXTS as H, FIGURE_STATUS_TEXTS as STATUS_TEXT } from '../i18n/documents/annex.ts';
import { FACILITY_LIST_TEXTS as L } from '../i18n/documents/facility-list.ts';

type Kind = 'text' | 'int' | 'money' | 'share' | 'date' | 'decimal';
interface Column {
  header: Text;
  kind: Kind;
  width?: number;
}
type Cell = string | number | null;

const FORMATS = { text: undefined, int: '#,##0', money: '#,##0 "₸"', share: '0.0%', date: 'dd.mm.yyyy', decimal: '#,##0.0' } as const satisfies Record<Kind, string | undefined>;

function excelDate(iso: string): Date {
  const { year, month, day } = civilOf(isoDay(iso));
  return new Date(Date.UTC(year, month - 1, day));
}

/** A sheet with a frozen, bold header row; cells typed by their column. */
function sheet(wb: ExcelJS.Workbook, name: Text, lang: DocLang, columns: Column[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name[lang].slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => {
    const numFmt = FORMATS[c.kind];
    return { header: c.header[lang], width: c.width ?? (c.kind === 'text' ? 40 : 14), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const r of rows) ws.addRow(r.map((v, k) => (v !== null && columns[k]?.kind === 'date' && typeof v === 'string' ? excelDate(v) : v)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}


function provenanceSheet(wb: ExcelJS.Workbook, p: Provenance, lang: DocLang): void {
  const rows: Cell[][] = [
    [H.registry[lang], p.registry.source],
    [H.persons[lang], p.registry.persons],
    [H.registryHash[lang], p.registry.hash ?? '—'],
    ...p.acts.flatMap((a) => [
      [H.act[lang], `${a.id}: ${a.title[lang]}`],
      [H.actHash[lang], a.hash],
    ]),
    [H.asOf[lang], p.asOf],
    [H.lawHash[lang], p.lawHash],
    [H.runId[lang], p.runId],
    ...(p.unverified.length === 0 ? [[H.unverified[lang], H.none[lang]]] : p.unverified.map((u, i) => [`${H.unverified[lang]} [${i + 1}]`, u.text[lang]])),
  ];
  const ws = sheet(wb, H.provenance, lang, [{ header: H.item, kind: 'text', width: 34 }, { header: H.value, kind: 'text', width: 110 }], rows);
  // The as-of day is a date; the rest of the column is text.
  const asOfRow = rows.findIndex((r) => r[0] === H.asOf[lang]) + 2;
  ws.getCell(asOfRow, 2).value = excelDate(p.asOf);
  ws.getCell(asOfRow, 2).numFmt = FORMATS.date;
}

function letterSheets(wb: ExcelJS.Workbook, r: LetterReport, lang: DocLang): void {
  const rows: Cell[][] = [];
  const push = (f: FigureResult, label: string) => rows.push([f.id, label, f.letter, f.computed, STATUS_TEXT[f.status][lang], f.unknown]);
  for (const f of r.figures) {
    push(f, f.label[lang]);
    if (f.split)
      for (const c of ['institution', 'probation'] as const)
        rows.push([`${f.id}.${CUSTODY_LABELS[c][lang]}`, `  ${CUSTODY_LABELS[c][lang]}`, f.split[c].letter, f.split[c].computed, STATUS_TEXT[f.split[c].status][lang], null]);
    for (const p of f.parts) push(p, `  ${p.label[lang]}`);
  }
  sheet(
    wb,
    H.letter,
    lang,
    [
      { header: H.id, kind: 'text', width: 12 },
      { header: H.figure, kind: 'text', width: 70 },
      { header: H.inLetter, kind: 'int' },
      { header: H.computed, kind: 'int' },
      { header: H.status, kind: 'text', width: 22 },
      { header: H.unknown, kind: 'int' },
    ],
    rows,
  );
  sheet(
    wb,
    H.audit,
    lang,
    [
      { header: H.id, kind: 'text', width: 8 },
      { header: H.figure, kind: 'text', width: 10 },
      { header: H.holds, kind: 'text', width: 12 },
      { header: H.message, kind: 'text', width: 100 },
      { header: H.details, kind: 'text', width: 100 },
    ],
    r.audits.map((a) => [a.id, a.figure, (a.holds ? YES : NO)[lang], a.message[lang], a.details.map((d) => d[lang]).join('\n')]),
  );
}

const COVERAGE_COLUMNS: Column[] = [
  { header: H.group, kind: 'text', width: 44 },
  { header: H.persons, kind: 'int' },
  { header: H.covered, kind: 'int' },
  { header: H.coveredShare, kind: 'share' },
  { header: H.released, kind: 'int' },
  { header: H.reduced, kind: 'int' },
  { header: H.replaced, kind: 'int' },
  { header: H.other, kind: 'int' },
  { header: H.excluded, kind: 'int' },
  { header: H.needsReview, kind: 'int' },
  { header: H.notCovered, kind: 'int' },
  { header: H.days, kind: 'int' },
];
const coverageRow = (r: CoverageRow, lang: DocLang): Cell[] => [
  r.label ? r.label[lang] : r.key,
  r.persons,
  r.covered,
  r.persons > 0 ? r.covered / r.persons : null,
  r.released,
  r.reduced,
  r.replaced,
  r.other,
  r.excluded,
  r.needs_review,
  r.not_covered,
  r.days_remitted,
];

/** The annex to the letter (XLSX). */
export async function renderAnnexXlsx(letter: LetterReport, impact: ImpactReport, provenance: Provenance, lang: DocLang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Amnestia';
  provenanceSheet(wb, provenance, lang);
  letterSheets(wb, letter, lang);
  const act = present(impact.acts[0], 'the impact report has no act (its first is the letter’s)');
  const cov = act.coverage;
  for (const [title, rows] of [
    [H.byCustody, cov.custody],
    [H.byGravity, cov.gravity],
    [H.byCategory, cov.social_category],
    [H.bySex, cov.sex],
    [H.byRegion, cov.region],
    [H.byFacility, cov.facility],
  ] as const)
    sheet(wb, title, lang, COVERAGE_COLUMNS, rows.map((r) => coverageRow(r, lang)));
  const m = act.money;
  sheet(
    wb,
    H.money,
    lang,
    [
      { header: H.variant, kind: 'text', width: 60 },
      { header: H.inmateCost, kind: 'money' },
      { header: H.probationCost, kind: 'money' },
      { header: H.firstMonth, kind: 'money', width: 18 },
      { header: H.firstYear, kind: 'money', width: 20 },
      { header: H.firstYearInst, kind: 'money', width: 20 },
      { header: H.firstYearProb, kind: 'money', width: 20 },
      { header: H.horizon, kind: 'money', width: 22 },
    ],
    [
      ...m.variants.map((v) => [v.inmate_cost.label[lang], v.inmate_cost.value, v.probation_cost.value, v.total.first_month_per_day, v.total.first_year, v.institution.first_year, v.probation.first_year, v.total.horizon]),
      [H.letterMethod[lang], m.letter_method.cost_per_day.value, m.letter_method.cost_per_day.value, m.letter_method.per_day, m.letter_method.per_year, null, null, null],
    ],
  );
  sheet(
    wb,
    H.projection,
    lang,
    [
      { header: H.month, kind: 'int', width: 8 },
      { header: H.end, kind: 'date', width: 13 },
      { header: H.instBase, kind: 'decimal' },
      { header: H.instAct, kind: 'decimal' },
      { header: H.freed, kind: 'decimal' },
      { header: H.probBase, kind: 'decimal' },
      { header: H.probAct, kind: 'decimal' },
      ...m.variants.map((v) => ({ header: { kk: H.saved.kk.replace('{cost}', String(v.inmate_cost.value)), ru: H.saved.ru.replace('{cost}', String(v.inmate_cost.value)), en: H.saved.en.replace('{cost}', String(v.inmate_cost.value)) }, kind: 'money' as const, width: 20 })),
    ],
    act.projection.months.map((x) => [x.month, x.end, x.baseline.institution, x.act.institution, x.beds_freed, x.baseline.probation, x.act.probation, ...x.saved]),
  );
  if (impact.comparison) {
    const c = impact.comparison;
    sheet(
      wb,
      H.comparison,
      lang,
      [
        { header: H.act, kind: 'text', width: 30 },
        { header: H.covered, kind: 'int' },
        { header: H.released, kind: 'int' },
        { header: H.reduced, kind: 'int' },
        { header: H.replaced, kind: 'int' },
        { header: H.excluded, kind: 'int' },
        { header: H.needsReview, kind: 'int' },
        { header: H.women, kind: 'int' },
        { header: H.men, kind: 'int' },
        { header: H.days, kind: 'int' },
        ...m.variants.map((v) => ({ header: { kk: `${H.firstYear.kk} (${v.inmate_cost.value} ₸)`, ru: `${H.firstYear.ru} (${v.inmate_cost.value} ₸)`, en: `${H.firstYear.en} (${v.inmate_cost.value} ₸)` }, kind: 'money' as const, width: 20 })),
        { header: H.claims, kind: 'int', width: 18 },
        { header: H.reoffending, kind: 'decimal', width: 18 },
        { header: H.beds12, kind: 'decimal', width: 18 },
      ],
      c.acts.map((a) => [a.id, a.covered, a.released, a.reduced, a.replaced, a.excluded, a.needs_review, a.women_covered, a.men_covered, a.days_remitted, ...a.saved_first_year, a.released_with_unpaid_claims, a.reoffending_1y, a.beds_freed_month_12]),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A facility's list of persons under an act (XLSX). */
export async function renderFacilityListXlsx(d: FacilityListData, lang: DocLang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Amnestia';
  sheet(
    wb,
    { kk: `${L.list.kk} ${d.facility.code}`, ru: `${L.list.ru} ${d.facility.code}`, en: `${L.list.en} ${d.facility.code}` },
    lang,
    [
      { header: L.personId, kind: 'text', width: 14 },
      { header: L.name, kind: 'text', width: 34 },
      { header: L.iin, kind: 'text', width: 15 },
      { header: L.birth, kind: 'date', width: 13 },
      { header: L.custody, kind: 'text', width: 10 },
      { header: L.status, kind: 'text', width: 20 },
      { header: L.measure, kind: 'text', width: 36 },
      { header: L.clause, kind: 'text', width: 18 },
      { header: L.exclusion, kind: 'text', width: 18 },
      { header: L.days, kind: 'int' },
      { header: L.end, kind: 'date', width: 13 },
      { header: L.newEnd, kind: 'date', width: 13 },
      { header: L.deadline, kind: 'date', width: 13 },
      { header: L.court, kind: 'text', width: 50 },
      { header: L.reason, kind: 'text', width: 60 },
    ],
    d.persons.map((p) => [
      p.person_id,
      p.name,
      p.iin,
      p.birth_date,
      p.custody ? CUSTODY_LABELS[p.custody][lang] : null,
      p.status_label[lang],
      p.measure ? p.measure[lang] : null,
      p.clause ? p.clause[lang] : null,
      p.exclusion ? p.exclusion[lang] : null,
      p.days_remitted,
      p.sentence_end,
      p.new_end,
      p.deadline,
      p.court ? p.court[lang] : null,
      p.reason[lang],
    ]),
  );
  provenanceSheet(wb, d.provenance, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
