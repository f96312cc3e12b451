/**
 * The reply letter (the seed's structure): its data contract, the builder that computes it from a
 * registry, the law, the act(s), the letter's figures and the impact report, and the fields its
 * Word templates receive in one language.
 *
 * buildLetterData(input) → LetterDocumentData (language-neutral: numbers, ISO dates, texts in kk/ru/en)
 * letterFields(data, lang) → LetterTemplateFields (strings ready for `templates/letter.<lang>.docx`)
 */
import { formatIsoDate } from '../domain/dates.ts';
import { z } from 'zod';
import type { Plan } from '../engine/act/plan.ts';
import { renderAll, type Lang, type Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import type { Facilities } from '../registry/facilities.ts';
import type { Registry } from '../registry/registry.ts';
import type { ImpactConfig } from '../impact/config.ts';
import { computeImpact, type ImpactOptions } from '../impact/impact.ts';
import type { ImpactReport } from '../impact/report.ts';
import { computeLetter, type LetterDefinition, type LetterReport } from '../reports/letter.ts';
import { present } from '../domain/lookup.ts';
import { dateLong, dateNumeric, marks, millions, n, type DocLang } from './format.ts';
import {
  isoDateSchema,
  provenanceOf,
  provenanceSchema,
  SYNTHETIC_INPUT,
  textSchema,
  unverifiedOfAct,
  unverifiedParameter,
  type Provenance,
  type SourceIdentity,
  type UnverifiedInput,
} from './provenance.ts';
import { LETTER_INPUT_TEXTS, PROVENANCE_LINE_TEXTS, SEED_ADDRESSEE, SEED_SALUTATION } from '../i18n/documents/letter.ts';
import { letterExecutorSchema, letterSignatorySchema, type LetterSignature } from './signature.ts';
export { SEED_SALUTATION };
export { SEED_ADDRESSEE };

const count = z.number().int().nonnegative();
const split = z.strictObject({ institution: count, probation: count });

/** The letter's data, language-neutral. Every number is computed; none is typed in. */
export const letterDocumentSchema = z.strictObject({
  kind: z.literal('letter'),
  inquiry: z.strictObject({ number: z.string().min(1), date: isoDateSchema }),
  addressee: textSchema,
  salutation: textSchema,
  signatory: letterSignatorySchema,
  executor: letterExecutorSchema,
  act: z.strictObject({ id: z.string(), title: textSchema }),
  /** F1–F15 computed from records (the letter's own value is in the annex, not in the reply). */
  population: z.strictObject({
    women: count,
    women_custody: split,
    minor_medium: count,
    minor_medium_custody: split,
    non_violent: count,
    non_violent_first: count,
    non_violent_minor_medium: count,
    grave: count,
    grave_custody: split,
    disabled: count,
    disabled_groups: z.tuple([count, count, count]),
    over_60: count,
    over_60_custody: split,
    pregnant: count,
    child_under_3: count,
    many_children: count,
    unpaid_claims: count,
    unpaid_claims_custody: split,
    vulnerable_men: count,
  }),
  outcomes: z.strictObject({ covered: count, released: count, released_custody: split, reduced: count, replaced: count, excluded: count, needs_review: count }),
  equality: z.strictObject({
    depends_on_sex: z.boolean(),
    neutral_act: z.string(),
    neutral_covered: count,
    added: z.strictObject({ persons: count, women: count, men: count }),
    verdict: textSchema,
  }),
  money: z.strictObject({
    /** One per daily cost of an inmate (the letter's, the committee's), with the same probation cost. */
    variants: z.array(z.strictObject({ inmate_cost: z.number(), inmate_cost_label: textSchema, probation_cost: z.number(), first_year: z.number(), first_month_per_day: z.number() })).min(1),
    letter_method: z.strictObject({ cost: z.number(), per_day: z.number(), per_year: z.number(), released: count, mean_days_left: z.number().nullable() }),
    difference: textSchema,
  }),
  victims: z.strictObject({ persons: count, unpaid: z.number() }),
  risk: z.strictObject({ released: count, interval: z.number(), horizons: z.array(z.strictObject({ years: z.number().int(), expected: z.number(), low: count, high: count })) }),
  /** Indexes into provenance.unverified that each part of the letter rests on. */
  rests_on: z.strictObject({ population: z.array(count), outcomes: z.array(count), money: z.array(count), risk: z.array(count) }),
  provenance: provenanceSchema,
});
export type LetterDocumentData = z.output<typeof letterDocumentSchema>;

/** What the letter's Word template receives in one language: every placeholder is a key here. */
export const letterTemplateFields = z.strictObject({
  addressee: z.string(),
  inquiryNumber: z.string(),
  inquiryDate: z.string(),
  inquiryDateLong: z.string(),
  salutation: z.string(),
  actTitle: z.string(),
  f1: z.string(),
  f2: z.string(),
  f3: z.string(),
  f4: z.string(),
  f4i: z.string(),
  f4p: z.string(),
  f5: z.string(),
  f6: z.string(),
  f7: z.string(),
  f8: z.string(),
  f8i: z.string(),
  f8p: z.string(),
  f9: z.string(),
  f9g1: z.string(),
  f9g2: z.string(),
  f9g3: z.string(),
  f10: z.string(),
  f10i: z.string(),
  f10p: z.string(),
  f11: z.string(),
  f12: z.string(),
  f13: z.string(),
  f14: z.string(),
  f14i: z.string(),
  f14p: z.string(),
  f15: z.string(),
  populationMark: z.string(),
  covered: z.string(),
  released: z.string(),
  releasedI: z.string(),
  releasedP: z.string(),
  reduced: z.string(),
  replaced: z.string(),
  outcomesMark: z.string(),
  neutralCovered: z.string(),
  neutralAdded: z.string(),
  neutralAddedMen: z.string(),
  neutralAddedWomen: z.string(),
  equalityVerdict: z.string(),
  costLetter: z.string(),
  costCommittee: z.string(),
  costProbation: z.string(),
  savedYearLetter: z.string(),
  savedYearCommittee: z.string(),
  letterMethodDay: z.string(),
  letterMethodYear: z.string(),
  letterMethodReleased: z.string(),
  meanDaysLeft: z.string(),
  moneyDifference: z.string(),
  moneyMark: z.string(),
  claimsPersons: z.string(),
  claimsAmount: z.string(),
  riskYears: z.string(),
  riskExpected: z.string(),
  riskLow: z.string(),
  riskHigh: z.string(),
  riskInterval: z.string(),
  riskMark: z.string(),
  hasNotes: z.boolean(),
  notes: z.array(z.strictObject({ mark: z.string(), text: z.string() })),
  signatoryPosition: z.string(),
  signatoryName: z.string(),
  executorName: z.string(),
  executorPhone: z.string(),
  executorEmail: z.string(),
  provenance: z.string(),
  runId: z.string(),
});
export type LetterTemplateFields = z.output<typeof letterTemplateFields>;

/**
 * The inputs an official types: the inquiry answered, to whom, who signs. Defaults: the inquiry of
 * the letter definition (reports/letter-kz-2025.yaml), who signs from data/letter-signature.yaml.
 */
export const letterOptionsSchema = z.strictObject({
  inquiryNumber: z.string().min(1).optional(),
  inquiryDate: isoDateSchema.optional(),
  addressee: textSchema.optional(),
  salutation: textSchema.optional(),
  signatory: letterSignatorySchema.optional(),
  executor: letterExecutorSchema.optional(),
});
export type LetterOptions = z.output<typeof letterOptionsSchema>;


export interface LetterInput {
  law: Law;
  registry: Registry;
  /** The letter's figures (reports/letter-kz-2025.yaml, loaded and checked). */
  letterDefinition: LetterDefinition;
  /** The act the letter speaks of; more acts are compared in the annex only. */
  plans: Plan[];
  facilities: Facilities | null;
  impactConfig: ImpactConfig;
  identity: SourceIdentity;
  /** Which inputs are synthetic (said in the provenance as unverified). */
  synthetic: { registry: boolean; facilities: boolean };
  options: LetterOptions;
  /** Who signs and who prepared it unless the options name them (data/letter-signature.yaml). */
  signature: LetterSignature;
  impactOptions?: ImpactOptions;
  /** Reports already computed (the server may hold them); computed here when absent. */
  letterReport?: LetterReport;
  impactReport?: ImpactReport;
}

/** The letter's and the impact report's computations, shared by the letter and the annex. */
export function computeReports(input: Pick<LetterInput, 'law' | 'registry' | 'letterDefinition' | 'plans' | 'facilities' | 'impactConfig' | 'identity' | 'impactOptions' | 'letterReport' | 'impactReport'>): { letter: LetterReport; impact: ImpactReport } {
  const letter = input.letterReport ?? computeLetter(input.letterDefinition, input.law, input.registry, input.identity.registry.source);
  const impact =
    input.impactReport ??
    computeImpact({
      plans: input.plans,
      registry: input.registry,
      registrySource: input.identity.registry.source,
      law: input.law,
      facilities: input.facilities,
      config: input.impactConfig,
      ...(input.impactOptions ? { options: input.impactOptions } : {}),
    }).report;
  return { letter, impact };
}

const REOFFENDING_INPUT: UnverifiedInput = {
  name: 'reoffending',
  text: LETTER_INPUT_TEXTS.reoffending,
};

function criminalCodeInput(law: Law): UnverifiedInput | null {
  const unverified = law.criminalCode.parts.filter((p) => !p.verified).length;
  if (unverified === 0) return null;
  return {
    name: 'criminal-code',
    text: renderAll(LETTER_INPUT_TEXTS.criminalCode, () => ({ unverified: String(unverified), size: String(law.criminalCode.size) })),
  };
}

/** Unverified inputs of the letter, and which part rests on which. */
export function letterInputs(law: Law, plans: readonly Plan[], impact: ImpactReport, synthetic: { registry: boolean; facilities: boolean }) {
  const list: UnverifiedInput[] = [];
  const at = (u: UnverifiedInput): number => {
    const k = list.findIndex((x) => x.name === u.name);
    if (k >= 0) return k;
    list.push(u);
    return list.length - 1;
  };
  const population: number[] = [];
  if (synthetic.registry) population.push(at(SYNTHETIC_INPUT.registry));
  const cc = criminalCodeInput(law);
  if (cc) population.push(at(cc));
  const outcomes = [...population];
  for (const p of plans.slice(0, 1)) for (const u of unverifiedOfAct(p, law)) outcomes.push(at(u));
  const money = [...outcomes];
  for (const p of impact.parameters) if (p.assumption && p.name.startsWith('cost.')) money.push(at(unverifiedParameter(p.name, p.label, p.value)));
  const risk = [...outcomes];
  const act = letterAct(impact);
  if (act.risk.assumption) risk.push(at(REOFFENDING_INPUT));
  return { list, restsOn: { population, outcomes, money, risk } };
}

/** The act the letter speaks of: the impact report's first. */
export function letterAct(impact: ImpactReport): ImpactReport['acts'][number] {
  return present(impact.acts[0], 'the impact report has no act (its first is the letter’s)');
}

function fig(r: LetterReport, id: string): LetterReport['figures'][number] {
  const f = r.figures.find((x) => x.id === id) ?? r.figures.flatMap((x) => x.parts).find((x) => x.id === id);
  if (!f) throw new Error(`the letter's figures have no ${id}: the letter document needs F1–F15 of reports/letter-kz-2025.yaml`);
  return f;
}

function splitOf(r: LetterReport, id: string): { institution: number; probation: number } {
  const f = fig(r, id);
  if (f.split) return { institution: f.split.institution.computed, probation: f.split.probation.computed };
  // F14 has no split in the letter; its at-most audit counts those outside institutions.
  const audit = r.audits.find((a) => a.kind === 'at_most' && a.figure === id);
  if (audit) {
    const outside = audit.values['outside'] ?? 0;
    return { institution: f.computed - outside, probation: outside };
  }
  throw new Error(`figure ${id} has no split by custody`);
}

export function buildLetterData(input: LetterInput): LetterDocumentData {
  const options = letterOptionsSchema.parse(input.options);
  const { letter, impact } = computeReports(input);
  const act = letterAct(impact);
  const { list, restsOn } = letterInputs(input.law, input.plans, impact, input.synthetic);
  const provenance: Provenance = provenanceOf(input.identity, input.plans.slice(0, 1), act.act.entry_into_force, list);
  // provenanceOf drops repeats; `list` has none, so the indexes of restsOn stay valid.
  const c = (id: string) => fig(letter, id).computed;
  const o = act.outcomes.by_status;
  const kinds = act.coverage.custody;
  const releasedBy = (key: string) => kinds.find((k) => k.key === key)?.released ?? 0;
  const data: LetterDocumentData = {
    kind: 'letter',
    inquiry: { number: options.inquiryNumber ?? input.letterDefinition.file.inquiry.number, date: options.inquiryDate ?? formatIsoDate(input.letterDefinition.file.inquiry.date) },
    addressee: options.addressee ?? SEED_ADDRESSEE,
    salutation: options.salutation ?? SEED_SALUTATION,
    signatory: options.signatory ?? input.signature.signatory,
    executor: options.executor ?? input.signature.executor,
    act: { id: act.act.id, title: act.act.title },
    population: {
      women: c('F1'),
      women_custody: { institution: c('F2'), probation: c('F3') },
      minor_medium: c('F4'),
      minor_medium_custody: splitOf(letter, 'F4'),
      non_violent: c('F5'),
      non_violent_first: c('F6'),
      non_violent_minor_medium: c('F7'),
      grave: c('F8'),
      grave_custody: splitOf(letter, 'F8'),
      disabled: c('F9'),
      disabled_groups: [c('F9.I'), c('F9.II'), c('F9.III')],
      over_60: c('F10'),
      over_60_custody: splitOf(letter, 'F10'),
      pregnant: c('F11'),
      child_under_3: c('F12'),
      many_children: c('F13'),
      unpaid_claims: c('F14'),
      unpaid_claims_custody: splitOf(letter, 'F14'),
      vulnerable_men: c('F15'),
    },
    outcomes: {
      covered: o['eligible'] ?? 0,
      released: act.money.letter_method.released,
      released_custody: { institution: releasedBy('institution'), probation: releasedBy('probation') },
      reduced: act.coverage.custody.reduce((s, r) => s + r.reduced, 0),
      replaced: act.coverage.custody.reduce((s, r) => s + r.replaced, 0),
      excluded: o['excluded'] ?? 0,
      needs_review: o['needs_review'] ?? 0,
    },
    equality: {
      depends_on_sex: act.equality.depends_on_sex.clauses.length + act.equality.depends_on_sex.exclusions.length + act.equality.depends_on_sex.definitions.length > 0,
      neutral_act: act.equality.counterfactual.act_id,
      neutral_covered: act.equality.counterfactual.covered,
      added: { persons: act.equality.counterfactual.added.persons, women: act.equality.counterfactual.added.women, men: act.equality.counterfactual.added.men },
      verdict: act.equality.verdict,
    },
    money: {
      variants: act.money.variants.map((v) => ({
        inmate_cost: v.inmate_cost.value,
        inmate_cost_label: v.inmate_cost.label,
        probation_cost: v.probation_cost.value,
        first_year: v.total.first_year,
        first_month_per_day: v.total.first_month_per_day,
      })),
      letter_method: {
        cost: act.money.letter_method.cost_per_day.value,
        per_day: act.money.letter_method.per_day,
        per_year: act.money.letter_method.per_year,
        released: act.money.letter_method.released,
        mean_days_left: act.money.letter_method.mean_days_left,
      },
      difference: act.money.difference,
    },
    victims: { persons: act.victims.covered_with_unpaid_claims, unpaid: act.victims.unpaid_total },
    risk: { released: act.risk.released, interval: act.risk.interval, horizons: act.risk.horizons.map((h) => ({ years: h.years, expected: h.expected, low: h.low, high: h.high })) },
    rests_on: restsOn,
    provenance,
  };
  return letterDocumentSchema.parse(data);
}

/** One line naming where the figures come from, for footers. */
export function provenanceLine(p: Provenance, lang: Lang): string {
  const W = PROVENANCE_LINE_TEXTS;
  const [reg, act, day, law, run] = [W.registry[lang], W.act[lang], W.asOf[lang], W.lawHash[lang], W.run[lang]];
  const acts = p.acts.map((a) => `${a.id} #${a.hash.slice(0, 8)}`).join(', ');
  return `${reg}: ${p.registry.source}${p.registry.hash ? ` #${p.registry.hash.slice(0, 8)}` : ''}; ${act}: ${acts || '—'}; ${day} ${dateNumeric(p.asOf)}; ${law} ${p.lawHash.slice(0, 8)}; ${run} ${p.runId}`;
}

// long: the reply letter's template fields, one after another
export function letterFields(d: LetterDocumentData, lang: DocLang): LetterTemplateFields {
  const p = d.population;
  const v0 = present(d.money.variants[0], 'the letter has no daily cost to compute its money with');
  const v1 = d.money.variants[1] ?? v0;
  const risk1 = d.risk.horizons[0] ?? { years: 1, expected: 0, low: 0, high: 0 };
  const fields: LetterTemplateFields = {
    addressee: d.addressee[lang],
    inquiryNumber: d.inquiry.number,
    inquiryDate: dateNumeric(d.inquiry.date),
    inquiryDateLong: dateLong(d.inquiry.date, lang),
    salutation: d.salutation[lang],
    actTitle: d.act.title[lang],
    f1: n(p.women, lang),
    f2: n(p.women_custody.institution, lang),
    f3: n(p.women_custody.probation, lang),
    f4: n(p.minor_medium, lang),
    f4i: n(p.minor_medium_custody.institution, lang),
    f4p: n(p.minor_medium_custody.probation, lang),
    f5: n(p.non_violent, lang),
    f6: n(p.non_violent_first, lang),
    f7: n(p.non_violent_minor_medium, lang),
    f8: n(p.grave, lang),
    f8i: n(p.grave_custody.institution, lang),
    f8p: n(p.grave_custody.probation, lang),
    f9: n(p.disabled, lang),
    f9g1: n(p.disabled_groups[0], lang),
    f9g2: n(p.disabled_groups[1], lang),
    f9g3: n(p.disabled_groups[2], lang),
    f10: n(p.over_60, lang),
    f10i: n(p.over_60_custody.institution, lang),
    f10p: n(p.over_60_custody.probation, lang),
    f11: n(p.pregnant, lang),
    f12: n(p.child_under_3, lang),
    f13: n(p.many_children, lang),
    f14: n(p.unpaid_claims, lang),
    f14i: n(p.unpaid_claims_custody.institution, lang),
    f14p: n(p.unpaid_claims_custody.probation, lang),
    f15: n(p.vulnerable_men, lang),
    populationMark: marks(d.rests_on.population),
    covered: n(d.outcomes.covered, lang),
    released: n(d.outcomes.released, lang),
    releasedI: n(d.outcomes.released_custody.institution, lang),
    releasedP: n(d.outcomes.released_custody.probation, lang),
    reduced: n(d.outcomes.reduced, lang),
    replaced: n(d.outcomes.replaced, lang),
    outcomesMark: marks(d.rests_on.outcomes),
    neutralCovered: n(d.equality.neutral_covered, lang),
    neutralAdded: n(d.equality.added.persons, lang),
    neutralAddedMen: n(d.equality.added.men, lang),
    neutralAddedWomen: n(d.equality.added.women, lang),
    equalityVerdict: d.equality.verdict[lang],
    costLetter: n(v0.inmate_cost, lang),
    costCommittee: n(v1.inmate_cost, lang),
    costProbation: n(v0.probation_cost, lang),
    savedYearLetter: millions(v0.first_year, lang),
    savedYearCommittee: millions(v1.first_year, lang),
    letterMethodDay: millions(d.money.letter_method.per_day, lang),
    letterMethodYear: millions(d.money.letter_method.per_year, lang),
    letterMethodReleased: n(d.money.letter_method.released, lang),
    meanDaysLeft: d.money.letter_method.mean_days_left === null ? '—' : n(d.money.letter_method.mean_days_left, lang),
    moneyDifference: d.money.difference[lang],
    moneyMark: marks(d.rests_on.money),
    claimsPersons: n(d.victims.persons, lang),
    claimsAmount: millions(d.victims.unpaid, lang),
    riskYears: n(risk1.years, lang),
    riskExpected: n(risk1.expected, lang),
    riskLow: n(risk1.low, lang),
    riskHigh: n(risk1.high, lang),
    riskInterval: n(d.risk.interval * 100, lang),
    riskMark: marks(d.rests_on.risk),
    hasNotes: d.provenance.unverified.length > 0,
    notes: d.provenance.unverified.map((u, i) => ({ mark: `[${i + 1}]`, text: u.text[lang] })),
    signatoryPosition: d.signatory.position[lang],
    signatoryName: d.signatory.name[lang],
    executorName: d.executor.name[lang],
    executorPhone: d.executor.phone,
    executorEmail: d.executor.email,
    provenance: provenanceLine(d.provenance, lang),
    runId: d.provenance.runId,
  };
  return letterTemplateFields.parse(fields);
}
