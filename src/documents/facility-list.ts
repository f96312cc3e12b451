/**
 * A facility's list of persons under an act: outcome, clause or exclusion, days remitted, dates,
 * the submission deadline and the court — the working list an institution or probation service
 * carries the act out from (rendered as XLSX by ./xlsx.ts).
 */
import { formatIsoDate, dayOfYmd } from '../domain/dates.ts';
import { entryAt, present } from '../domain/lookup.ts';
import { evaluate } from '../engine/act/evaluate.ts';
import { explain } from '../engine/act/explain.ts';
import { outcomeAt } from '../engine/act/outcome.ts';
import { MEASURE_LABELS, type Plan } from '../engine/act/plan.ts';
import { citeRef } from '../i18n/refs.ts';
import type { Lang, Text } from '../i18n/text.ts';
import type { Law } from '../law/law.ts';
import type { Facilities } from '../registry/facilities.ts';
import type { Registry } from '../registry/registry.ts';
import type { Custody } from '../domain/enums.ts';
import { courtFor, type Courts } from './courts.ts';
import { facilityOf, personsOf } from './facility.ts';
import { provenanceOf, SYNTHETIC_INPUT, unverifiedOfAct, type Provenance, type SourceIdentity, type UnverifiedInput } from './provenance.ts';
import { KIND_LABELS } from '../i18n/impact/labels.ts';
import { REASONS } from '../i18n/documents/facility-list.ts';

export interface FacilityListRow {
  person_id: string;
  name: string;
  iin: string | null;
  birth_date: string | null;
  custody: Custody | null;
  status: 'eligible' | 'excluded' | 'needs_review' | 'not_covered';
  status_label: Text;
  measure: Text | null;
  clause: Text | null;
  exclusion: Text | null;
  days_remitted: number | null;
  sentence_end: string | null;
  new_end: string | null;
  /** For those a submission is due for (eligible, needs review): the end of the execution period. */
  deadline: string | null;
  court: Text | null;
  reason: Text;
}

export interface FacilityListData {
  facility: { code: string; name: Text };
  act: { id: string; title: Text };
  persons: FacilityListRow[];
  counts: Record<FacilityListRow['status'], number>;
  provenance: Provenance;
}

export interface FacilityListInput {
  law: Law;
  registry: Registry;
  plan: Plan;
  facilities: Facilities;
  courts: Courts;
  identity: SourceIdentity;
  synthetic: { registry: boolean; facilities: boolean; courts: boolean };
  asOfDay?: number;
}

const iso = (d: number | null) => (d === null ? null : formatIsoDate(d));

export function buildFacilityList(input: FacilityListInput, facilityCode: string, lang: Lang = 'ru'): FacilityListData {
  const { plan, registry, law } = input;
  const facility = facilityOf(input.facilities, facilityCode, lang);
  const day = input.asOfDay ?? plan.entryIntoForce;
  const deadline = formatIsoDate(day + (plan.executionEnd - plan.entryIntoForce));
  const outcomes = evaluate(plan, registry, law, day);
  const court = courtFor({ facility: facility.code, region: facility.region }, input.facilities, input.courts);
  const counts = { eligible: 0, excluded: 0, needs_review: 0, not_covered: 0 };
  const persons: FacilityListRow[] = personsOf(registry, facility.code).map((i) => {
    const o = outcomeAt(outcomes, i);
    const r = registry.record(i);
    counts[o.status]++;
    let reason: Text = REASONS[o.reason];
    if (o.status === 'needs_review') {
      const t = explain(plan, r, law, day);
      const unknown = t.unknownFacts.join(', ') || '—';
      reason = { kk: `${reason.kk}: ${unknown}`, ru: `${reason.ru}: ${unknown}`, en: `${reason.en}: ${unknown}` };
    }
    const due = o.status === 'eligible' || o.status === 'needs_review';
    return {
      person_id: r.personId,
      name: [r.lastName, r.firstName, r.middleName].filter((x) => x !== null && x !== '').join(' '),
      iin: r.iin,
      birth_date: r.birthYmd === null ? null : formatIsoDate(dayOfYmd(r.birthYmd)),
      custody: r.custody,
      status: o.status,
      status_label: present(KIND_LABELS[o.status], `no label for the status ${o.status}`),
      measure: o.measure === 'none' ? null : MEASURE_LABELS[o.measure],
      clause: o.clause >= 0 && due ? citeRef(entryAt(plan.clauses, o.clause, 'clause index').ref) : null,
      exclusion: o.exclusion >= 0 ? citeRef(entryAt(plan.exclusions, o.exclusion, 'exclusion index').ref) : null,
      days_remitted: o.daysRemitted,
      sentence_end: iso(r.sentenceEndDay),
      new_end: iso(o.newEnd),
      deadline: due ? deadline : null,
      court: due && court.court ? { kk: court.court.kk, ru: court.court.ru, en: court.court.en } : null,
      reason,
    };
  });
  const unverified: UnverifiedInput[] = [];
  if (input.synthetic.registry) unverified.push(SYNTHETIC_INPUT.registry);
  if (input.synthetic.facilities) unverified.push(SYNTHETIC_INPUT.facilities);
  if (input.synthetic.courts) unverified.push(SYNTHETIC_INPUT.courts);
  unverified.push(...unverifiedOfAct(plan, law));
  return {
    facility: { code: facility.code, name: { kk: facility.kk, ru: facility.ru, en: facility.en ?? facility.ru } },
    act: { id: plan.id, title: plan.source.title },
    persons,
    counts,
    provenance: provenanceOf(input.identity, [plan], formatIsoDate(day), unverified),
  };
}
