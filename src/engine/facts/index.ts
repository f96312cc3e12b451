/**
 * The catalogue of facts about a person as of a date — the vocabulary of conditions and acts —
 * gathered from one module per subject. Each module defines its facts with their kernel,
 * reference and SQL forms side by side and the test leaves that reach them (types.ts); the
 * catalogue's names type the labels (src/i18n/facts.ts). A fact missing a form, its leaves or its
 * label does not compile. Adding a fact: docs/extending.md, "A fact".
 */
import { FACT_LABELS } from '../../i18n/facts.ts';
import { CLAIM_FACTS } from './claims.ts';
import { CONDUCT_FACTS } from './conduct.ts';
import { CONVICTION_FACTS } from './convictions.ts';
import { FAMILY_FACTS } from './family.ts';
import { OFFENCE_FACTS } from './offences.ts';
import { PERSON_FACTS } from './person.ts';
import { SENTENCE_FACTS } from './sentence.ts';
import { SERVING_FACTS } from './serving.ts';
import type { Fact, FactDefinition } from './types.ts';

export type { ArgValue, EmitContext, FactArg, FactDefinition, FactEnv, FactType, FactValue, HelperName, SignForms, SqlContext, YmdForms } from './types.ts';
export { paramDayOf } from './types.ts';

/** The facts of each subject, by the subject's module name. */
export const FACT_SUBJECTS = {
  person: PERSON_FACTS,
  offences: OFFENCE_FACTS,
  convictions: CONVICTION_FACTS,
  sentence: SENTENCE_FACTS,
  serving: SERVING_FACTS,
  family: FAMILY_FACTS,
  claims: CLAIM_FACTS,
  conduct: CONDUCT_FACTS,
} as const;

const SUBJECTS = {
  ...PERSON_FACTS,
  ...OFFENCE_FACTS,
  ...CONVICTION_FACTS,
  ...SENTENCE_FACTS,
  ...SERVING_FACTS,
  ...FAMILY_FACTS,
  ...CLAIM_FACTS,
  ...CONDUCT_FACTS,
};

/** The name of a fact of the catalogue. */
export type FactName = keyof typeof SUBJECTS;

/** Every fact by name: a definition for each name, each with its three forms. */
export const FACT_CATALOGUE: { readonly [N in FactName]: FactDefinition } = SUBJECTS;

/** A fact of the catalogue, with its name and label. */
export type FactDef = Fact<FactName>;

/** The facts in the order of their subjects. */
export const FACTS: readonly FactDef[] = (Object.keys(FACT_CATALOGUE) as FactName[]).map((name): FactDef => ({ ...FACT_CATALOGUE[name], name, label: FACT_LABELS[name] }));

const BY_NAME: ReadonlyMap<string, FactDef> = new Map(FACTS.map((f) => [f.name, f]));

export function factByName(name: string): FactDef | undefined {
  return BY_NAME.get(name);
}
