/**
 * The annex to the letter: the letter's report and the impact report of the acts compared, with the
 * provenance naming every act and the unverified inputs of each (rendered by ./xlsx.ts).
 */
import type { ImpactReport } from '../impact/report.ts';
import type { LetterReport } from '../reports/letter.ts';
import { computeReports, letterAct, letterInputs, type LetterInput } from './letter.ts';
import { provenanceOf, unverifiedOfAct, type Provenance } from './provenance.ts';

export interface AnnexData {
  letter: LetterReport;
  impact: ImpactReport;
  provenance: Provenance;
}

export function buildAnnexData(input: Omit<LetterInput, 'options' | 'signature'>): AnnexData {
  const { letter, impact } = computeReports(input);
  const list = [...letterInputs(input.law, input.plans, impact, input.synthetic).list, ...input.plans.slice(1).flatMap((p) => unverifiedOfAct(p, input.law))];
  return { letter, impact, provenance: provenanceOf(input.identity, input.plans, letterAct(impact).act.entry_into_force, list) };
}
