/**
 * The closed vocabularies of the domain; their labels in kk, ru and en are in src/i18n/enums.ts.
 * Codes are English; the Cyrillic short forms used in Kazakhstan's documents are accepted as aliases
 * where the documents use them (УП, НТ, СТ, Т, ОТ; ИУ / ТМ, СП / ПҚ).
 */

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

export const CUSTODIES = ['institution', 'probation'] as const;
export type Custody = (typeof CUSTODIES)[number];

/** Criminal Code of 3 July 2014 No. 226-V, Art. 10 (misdemeanours) and Art. 11 (crimes), in order of gravity. */
export const GRAVITIES = ['misdemeanour', 'minor', 'medium', 'grave', 'especially_grave'] as const;
export type Gravity = (typeof GRAVITIES)[number];

export const INTENTS = ['intentional', 'negligent'] as const;
export type Intent = (typeof INTENTS)[number];

/** How an offence relates to violence: `threat` is violence threatened; `negligent` harm is not intended. */
export const VIOLENCE = ['yes', 'no', 'threat', 'negligent'] as const;
export type Violence = (typeof VIOLENCE)[number];

/** Criminal Code Art. 14: recidivism and dangerous recidivism (the 2014 Code has no "especially dangerous"). */
export const RECIDIVISMS = ['none', 'simple', 'dangerous'] as const;
export type Recidivism = (typeof RECIDIVISMS)[number];

/** The degree of behaviour graded by the institution or the probation service. */
export const BEHAVIOURS = ['positive', 'neutral', 'negative'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** Main punishments (Criminal Code Art. 40), plus conditional imprisonment served under probation control. */
export const SENTENCE_TYPES = [
  'imprisonment',
  'life_imprisonment',
  'conditional_imprisonment',
  'restriction_of_liberty',
  'correctional_work',
  'community_work',
  'fine',
  'arrest',
] as const;
export type SentenceType = (typeof SENTENCE_TYPES)[number];

/**
 * The group of the disabled child a person raises: a child under 16 has a disability without a
 * group; from 16 the groups I–III (Law "On social protection of persons with disabilities").
 */
export const DISABLED_CHILD_GROUPS = ['none', 'under_16', 'group_1', 'group_2', 'group_3'] as const;
export type DisabledChildGroup = (typeof DISABLED_CHILD_GROUPS)[number];
export const DISABLED_CHILD_GROUP_ALIASES: Record<string, DisabledChildGroup> = { '0': 'none', '1': 'group_1', '2': 'group_2', '3': 'group_3' };

/**
 * Which veterans a person belongs to (Law of 6 May 2020 No. 367-VI "On veterans"): of the Great
 * Patriotic War (WWII), equated to them by benefits, of combat operations on the territory of other
 * states, or other veterans under that Law. Older amnesty laws treat the first apart.
 */
export const VETERAN_KINDS = ['none', 'wwii', 'equated_wwii', 'combat', 'other'] as const;
export type VeteranKind = (typeof VETERAN_KINDS)[number];

export const TAGS = [
  'corruption',
  'terrorism',
  'extremism',
  'sexual',
  'sexual_minor',
  'torture',
  'drug_trafficking',
  'murder',
  'criminal_group',
  'treason',
  'riots',
  'trafficking',
] as const;
export type Tag = (typeof TAGS)[number];

export const GRAVITY_ALIASES: Record<string, Gravity> = {
  УП: 'misdemeanour',
  НТ: 'minor',
  СТ: 'medium',
  Т: 'grave',
  ОТ: 'especially_grave',
};

export const CUSTODY_ALIASES: Record<string, Custody> = {
  ИУ: 'institution',
  ТМ: 'institution',
  СП: 'probation',
  ПҚ: 'probation',
};

/** Sex as Russian and Kazakh registries write it: Ж / Ә women, М / Е men. */
export const SEX_ALIASES: Record<string, Sex> = { Ж: 'F', М: 'M', Ә: 'F', Е: 'M' };
