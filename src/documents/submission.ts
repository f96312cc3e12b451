/**
 * The court submission (представление / ұсыну) for one person under an act: its data contract, the
 * builder that decides it from the engine's explanation of the person, and the fields its Word
 * templates receive in one language.
 *
 * buildSubmission(input, personIndex) → { ok: true, data } — ready, or "needs review — cannot be
 *   submitted as is" with the unknown facts listed;
 *   → { ok: false, refusal } — the person is not eligible (excluded, not covered, not serving), with
 *   the reason in kk, ru and en.
 */
import { z } from 'zod';
import { formatIsoDate, dayOfYmd } from '../domain/dates.ts';
import { type Sex } from '../domain/enums.ts';
import { entryAt } from '../domain/lookup.ts';
import { BEHAVIOUR_LABELS, CUSTODY_LABELS, GRAVITY_LABELS, INTENT_LABELS, RECIDIVISM_LABELS, SENTENCE_TYPE_LABELS } from '../i18n/enums.ts';
import { explain, type FactTrace, type RuleTrace, type Trace } from '../engine/act/explain.ts';
import { MEASURE_CODES, MEASURE_LABELS, measureCode, type Plan } from '../engine/act/plan.ts';
import { citeRef } from '../i18n/refs.ts';
import { formatNumber, render, renderAll, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import { nameOf, type Facilities } from '../registry/facilities.ts';
import type { PersonRecord } from '../registry/record.ts';
import type { Registry } from '../registry/registry.ts';
import { courtFor, type Courts } from './courts.ts';
import { dateNumeric, termText, type DocLang } from './format.ts';
import { provenanceLine } from './letter.ts';
import {
  isoDateSchema,
  provenanceOf,
  provenanceSchema,
  SYNTHETIC_INPUT,
  textSchema,
  unverifiedArticles,
  unverifiedOfAct,
  type SourceIdentity,
  type UnverifiedInput,
} from './provenance.ts';
import { YES, NO, UNKNOWN } from '../i18n/documents/common.ts';
import { SUBMISSION_TEXTS as R, SEX_ONE, HOLDS, CUSTODY_WORDS, SUBMISSION_CITATION_TEXTS } from '../i18n/documents/submission.ts';

const nullableDate = isoDateSchema.nullable();

export const submissionDocumentSchema = z.strictObject({
  kind: z.literal('submission'),
  /** `needs_review`: the document says it cannot be submitted as is and lists the unknown facts. */
  status: z.enum(['ready', 'needs_review']),
  act: z.strictObject({ id: z.string(), title: textSchema, entry_into_force: isoDateSchema, execution_end: isoDateSchema }),
  facility: z.strictObject({ code: z.string(), name: textSchema, type: z.enum(['institution', 'probation']) }),
  court: z.strictObject({ code: z.string(), name: textSchema, region: z.string(), basis: z.enum(['facility_region', 'record_region']) }),
  person: z.strictObject({
    id: z.string(),
    iin: z.string().nullable(),
    last_name: z.string().nullable(),
    first_name: z.string().nullable(),
    middle_name: z.string().nullable(),
    birth_date: nullableDate,
    sex: z.enum(['F', 'M']).nullable(),
  }),
  sentence: z.strictObject({
    type: textSchema.nullable(),
    custody: z.enum(['institution', 'probation']).nullable(),
    articles: z.array(z.strictObject({ id: z.string(), article: z.string(), part: z.string().nullable(), title: textSchema, gravity: textSchema })),
    term_months: z.number().int().nullable(),
    start: nullableDate,
    end: nullableDate,
  }),
  clause: z.strictObject({ id: z.string(), ref: z.string(), citation: textSchema, text: textSchema }),
  measure: z.strictObject({ code: z.string(), label: textSchema, days_remitted: z.number().int().nullable(), new_end: nullableDate }),
  /** The facts the decision read, with the person's values: the clause's criteria, then the exclusions'. */
  facts: z.array(z.strictObject({ label: textSchema, value: textSchema, rule: z.string(), holds: z.enum(['yes', 'no', 'unknown']) })),
  exclusions_checked: z.array(z.strictObject({ ref: z.string(), citation: textSchema })),
  unknown_facts: z.array(textSchema),
  /** Submissions reach the court by the end of the act's execution period. */
  deadline: isoDateSchema,
  provenance: provenanceSchema,
});
export type SubmissionDocumentData = z.output<typeof submissionDocumentSchema>;

export const submissionTemplateFields = z.strictObject({
  courtName: z.string(),
  facilityName: z.string(),
  actTitle: z.string(),
  entryIntoForce: z.string(),
  personName: z.string(),
  personId: z.string(),
  iin: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  custody: z.string(),
  sentenceType: z.string(),
  term: z.string(),
  sentenceStart: z.string(),
  sentenceEnd: z.string(),
  articles: z.array(z.strictObject({ article: z.string(), title: z.string(), gravity: z.string() })),
  clauseRef: z.string(),
  clauseText: z.string(),
  measure: z.string(),
  hasDays: z.boolean(),
  daysRemitted: z.string(),
  newEnd: z.string(),
  facts: z.array(z.strictObject({ fact: z.string(), value: z.string(), holds: z.string() })),
  exclusions: z.array(z.strictObject({ ref: z.string() })),
  ready: z.boolean(),
  needsReview: z.boolean(),
  unknownFacts: z.array(z.strictObject({ fact: z.string() })),
  deadline: z.string(),
  hasNotes: z.boolean(),
  notes: z.array(z.strictObject({ mark: z.string(), text: z.string() })),
  provenance: z.string(),
  runId: z.string(),
});
export type SubmissionTemplateFields = z.output<typeof submissionTemplateFields>;

export interface SubmissionInput {
  law: Law;
  registry: Registry;
  plan: Plan;
  facilities: Facilities;
  courts: Courts;
  identity: SourceIdentity;
  synthetic: { registry: boolean; facilities: boolean; courts: boolean };
  /** The day of entry into force the act is applied on (default: the act's). */
  asOfDay?: number;
}

export interface SubmissionRefusal {
  personId: string;
  status: 'excluded' | 'not_covered' | 'no_court';
  reason: Text;
}

export type SubmissionResult = { ok: true; data: SubmissionDocumentData } | { ok: false; refusal: SubmissionRefusal };

const DATE_FACTS = new Set(['offence_date', 'sentence_start', 'sentence_end']);
const ENUM_LABELS: Record<string, Record<string, Text>> = {
  gravity: GRAVITY_LABELS,
  custody: CUSTODY_LABELS,
  recidivism: RECIDIVISM_LABELS,
  behaviour: BEHAVIOUR_LABELS,
  intent: INTENT_LABELS,
  sentence_type: SENTENCE_TYPE_LABELS,
};
function same(s: string): Text {
  return { kk: s, ru: s, en: s };
}

/** A fact's value as the person's record gives it, in the three languages. */
export function factValueText(f: FactTrace): Text {
  const v = f.value;
  if (v === null) return UNKNOWN;
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'number') {
    if (DATE_FACTS.has(f.fact)) return same(dateNumeric(formatIsoDate(v)));
    return { kk: formatNumber(v, 'kk', 3), ru: formatNumber(v, 'ru', 3), en: formatNumber(v, 'en', 3) };
  }
  const label = ENUM_LABELS[f.fact]?.[v];
  if (label) return label;
  if (f.fact === 'sex' && (v === 'F' || v === 'M')) return SEX_ONE[v];
  return same(v);
}

function factLabel(f: FactTrace): Text {
  if (f.arg === null) return f.label;
  return { kk: `${f.label.kk} (${f.arg})`, ru: `${f.label.ru} (${f.arg})`, en: `${f.label.en} (${f.arg})` };
}

const truthWord = (t: number): 'yes' | 'no' | 'unknown' => (t === 2 ? 'yes' : t === 0 ? 'no' : 'unknown');

function factsOf(rules: RuleTrace[]): SubmissionDocumentData['facts'] {
  const out: SubmissionDocumentData['facts'] = [];
  const seen = new Set<string>();
  for (const r of rules)
    for (const c of r.criteria)
      for (const f of c.facts) {
        const key = `${f.fact}(${f.arg ?? ''})`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ label: factLabel(f), value: factValueText(f), rule: r.ref, holds: truthWord(c.truth) });
      }
  return out;
}

const ymdIso = (ymd: number | null): string | null => (ymd === null ? null : formatIsoDate(dayOfYmd(ymd)));
const dayIso = (day: number | null): string | null => (day === null ? null : formatIsoDate(day));

function personName(p: PersonRecord): string {
  return [p.lastName, p.firstName, p.middleName].filter((x) => x !== null && x !== '').join(' ') || p.personId;
}

function refusal(personId: string, status: SubmissionRefusal['status'], reason: Text): SubmissionResult {
  return { ok: false, refusal: { personId, status, reason } };
}

function clauseTextOf(t: { kk: string; ru: string; en?: string | undefined }): Text {
  return { kk: t.kk, ru: t.ru, en: t.en ?? t.ru };
}

/** Why no submission is made for a person excluded or not covered: the exclusion, or the clause the person is short of. */
function noSubmission(plan: Plan, t: Trace, personId: string, who: string, day: number): SubmissionResult {
  const o = t.outcome;
  if (o.status === 'excluded') {
    const e = entryAt(plan.exclusions, o.exclusion, 'exclusion index');
    const text = clauseTextOf(e.text);
    return refusal(personId, 'excluded', renderAll(R.excluded, (lang) => ({ person: who, ref: citeRef(e.ref)[lang], text: text[lang] })));
  }
  if (!t.serving) return refusal(personId, 'not_covered', renderAll(R.notServing, () => ({ person: who, date: dateNumeric(formatIsoDate(day)) })));
  const almost: Text =
    o.almost.kind === 'one_short'
      ? renderAll(R.almostOne, (lang) => ({ ref: citeRef(entryAt(plan.clauses, o.almost.clause, 'clause index').ref)[lang], condition: entryAt(entryAt(t.clauses, o.almost.clause, 'clause of the trace').criteria, o.almost.criterion, 'criterion of the clause').condition }))
      : o.almost.kind === 'later'
        ? renderAll(R.almostLater, (lang) => ({ ref: citeRef(entryAt(plan.clauses, o.almost.clause, 'clause index').ref)[lang], date: o.almost.from ? dateNumeric(formatIsoDate(o.almost.from)) : '—' }))
        : same('');
  return refusal(personId, 'not_covered', renderAll(R.noClause, (lang) => ({ person: who, almost: almost[lang] })));
}

/** A conviction's article part as the submission cites it: its titles (with the part's own) and its gravity. */
function articleOf(law: Law, i: number) {
  const part = entryAt(law.criminalCode.parts, i, 'law part');
  const base = { kk: part.title.kk ?? part.title.ru, ru: part.title.ru, en: part.title.en };
  const pt = part.partTitle;
  const title: Text = pt?.ru ? { kk: `${base.kk} (${pt.kk ?? pt.ru})`, ru: `${base.ru} (${pt.ru})`, en: `${base.en} (${pt.en ?? pt.ru})` } : base;
  return { id: part.id, article: part.article, part: part.part, title, gravity: GRAVITY_LABELS[part.gravity] };
}

/** The submission of the person at `index` of the registry (see the module's comment). */
export function buildSubmission(input: SubmissionInput, index: number, trace?: Trace): SubmissionResult {
  const { plan, law, registry } = input;
  const record = registry.record(index);
  const who = personName(record);
  const day = input.asOfDay ?? plan.entryIntoForce;
  const t = trace ?? explain(plan, record, law, day);
  const o = t.outcome;
  if (o.status === 'excluded' || o.status === 'not_covered') return noSubmission(plan, t, record.personId, who, day);
  // Who submits: the person's facility; one missing from the facilities list is named by its code
  // (and its custody), and the court is then the record's region's (./courts.ts).
  const listed = record.facility === null ? undefined : input.facilities.facilities.find((f) => f.code === record.facility);
  const facility = listed
    ? { code: listed.code, name: nameOf(listed), type: listed.type }
    : record.facility !== null && record.custody !== null
      ? { code: record.facility, name: same(record.facility), type: record.custody }
      : null;
  if (facility === null) return refusal(record.personId, 'no_court', renderAll(R.noFacility, () => ({ person: who, facility: record.facility ?? '—' })));
  const court = courtFor(record, input.facilities, input.courts);
  if (court.court === null) return refusal(record.personId, 'no_court', renderAll(R.noCourt, (lang) => ({ person: who, why: court.why[lang] })));

  const clause = entryAt(plan.clauses, o.clause, 'clause index');
  const measure = o.measure === 'none' ? entryAt(MEASURE_CODES, measureCode(clause.measure), 'measure code') : o.measure;
  const decisive = entryAt(t.clauses, o.clause, 'clause of the trace');
  const unverified: UnverifiedInput[] = [];
  if (input.synthetic.registry) unverified.push(SYNTHETIC_INPUT.registry);
  if (input.synthetic.facilities) unverified.push(SYNTHETIC_INPUT.facilities);
  if (input.synthetic.courts) unverified.push(SYNTHETIC_INPUT.courts);
  if (!listed)
    unverified.push({
      name: `facility:${facility.code}`,
      text: renderAll(SUBMISSION_CITATION_TEXTS.facilityNotListed, () => ({ facility: facility.code })),
    });
  unverified.push(...unverifiedOfAct(plan, law), ...unverifiedArticles(law, record.articles ?? []));
  const labelOf = new Map<string, Text>();
  for (const r of [...t.clauses, ...t.exclusions]) for (const c of r.criteria) for (const f of c.facts) labelOf.set(f.arg === null ? f.fact : `${f.fact}(${f.arg})`, factLabel(f));

  const data: SubmissionDocumentData = {
    kind: 'submission',
    status: o.status === 'needs_review' ? 'needs_review' : 'ready',
    act: { id: plan.id, title: plan.source.title, entry_into_force: formatIsoDate(day), execution_end: formatIsoDate(day + (plan.executionEnd - plan.entryIntoForce)) },
    facility,
    court: { code: court.court.code, name: { kk: court.court.kk, ru: court.court.ru, en: court.court.en }, region: court.region, basis: court.basis },
    person: {
      id: record.personId,
      iin: record.iin,
      last_name: record.lastName,
      first_name: record.firstName,
      middle_name: record.middleName,
      birth_date: ymdIso(record.birthYmd),
      sex: record.sex,
    },
    sentence: {
      type: record.sentenceType === null ? null : SENTENCE_TYPE_LABELS[record.sentenceType],
      custody: record.custody,
      articles: (record.articles ?? []).map((i) => articleOf(law, i)),
      term_months: record.imposedTermMonths,
      start: dayIso(record.sentenceStartDay),
      end: dayIso(record.sentenceEndDay),
    },
    clause: { id: clause.id, ref: clause.ref, citation: citeRef(clause.ref), text: clauseTextOf(clause.text) },
    // Needing review, the person has no measure yet: the document names the one the clause would give.
    measure: { code: measure, label: MEASURE_LABELS[measure], days_remitted: o.daysRemitted, new_end: dayIso(o.newEnd) },
    facts: factsOf([decisive, ...t.exclusions]),
    exclusions_checked: plan.exclusions.map((e) => ({ ref: e.ref, citation: citeRef(e.ref) })),
    unknown_facts: t.unknownFacts.map((k) => labelOf.get(k) ?? same(k)),
    deadline: formatIsoDate(day + (plan.executionEnd - plan.entryIntoForce)),
    provenance: provenanceOf(input.identity, [plan], formatIsoDate(day), unverified),
  };
  return { ok: true, data: submissionDocumentSchema.parse(data) };
}

export function submissionFields(d: SubmissionDocumentData, lang: DocLang): SubmissionTemplateFields {
  const dash = '—';
  const p = d.person;
  const fields: SubmissionTemplateFields = {
    courtName: d.court.name[lang],
    facilityName: d.facility.name[lang],
    actTitle: d.act.title[lang],
    entryIntoForce: dateNumeric(d.act.entry_into_force),
    personName: [p.last_name, p.first_name, p.middle_name].filter((x) => x !== null && x !== '').join(' ') || p.id,
    personId: p.id,
    iin: p.iin ?? dash,
    birthDate: p.birth_date ? dateNumeric(p.birth_date) : dash,
    sex: p.sex ? SEX_ONE[p.sex][lang] : dash,
    custody: d.sentence.custody === null ? dash : CUSTODY_WORDS[d.sentence.custody][lang],
    sentenceType: d.sentence.type?.[lang] ?? dash,
    term: d.sentence.term_months === null ? dash : termText(d.sentence.term_months, lang),
    sentenceStart: d.sentence.start ? dateNumeric(d.sentence.start) : dash,
    sentenceEnd: d.sentence.end ? dateNumeric(d.sentence.end) : dash,
    articles: d.sentence.articles.map((a) => ({
      article: a.part === null ? render(SUBMISSION_CITATION_TEXTS.article, lang, { article: String(a.article) }) : render(SUBMISSION_CITATION_TEXTS.articlePart, lang, { article: String(a.article), part: String(a.part) }),
      title: a.title[lang],
      gravity: a.gravity[lang],
    })),
    clauseRef: d.clause.citation[lang],
    clauseText: d.clause.text[lang],
    measure: d.measure.label[lang],
    hasDays: d.measure.days_remitted !== null,
    daysRemitted: d.measure.days_remitted === null ? dash : formatNumber(d.measure.days_remitted, lang, 0),
    newEnd: d.measure.new_end ? dateNumeric(d.measure.new_end) : dash,
    facts: d.facts.map((f) => ({ fact: f.label[lang], value: f.value[lang], holds: `${citeRef(f.rule)[lang]}: ${HOLDS[f.holds][lang]}` })),
    exclusions: d.exclusions_checked.map((e) => ({ ref: e.citation[lang] })),
    ready: d.status === 'ready',
    needsReview: d.status === 'needs_review',
    unknownFacts: d.unknown_facts.map((f) => ({ fact: f[lang] })),
    deadline: dateNumeric(d.deadline),
    hasNotes: d.provenance.unverified.length > 0,
    notes: d.provenance.unverified.map((u, i) => ({ mark: `[${i + 1}]`, text: u.text[lang] })),
    provenance: provenanceLine(d.provenance, lang),
    runId: d.provenance.runId,
  };
  return submissionTemplateFields.parse(fields);
}

