/**
 * One person of the registry as a typed record: the data contract's row after parsing.
 * `null` means unknown (an empty cell) and is never read as false or zero.
 * See docs/data-contract.md.
 */
import type { Behaviour, Custody, DisabledChildGroup, Recidivism, SentenceType, Sex, VeteranKind } from '../domain/enums.ts';

export interface PersonRecord {
  personId: string;
  iin: string | null;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  sex: Sex | null;
  /** YYYYMMDD. */
  birthYmd: number | null;
  custody: Custody | null;
  facility: string | null;
  region: string | null;
  /** Indexes of article parts in the Criminal Code table; null when unknown. */
  articles: number[] | null;
  /** Day number. */
  offenceDay: number | null;
  sentenceType: SentenceType | null;
  /** Day number. */
  sentenceStartDay: number | null;
  /** Day number: the scheduled end of the punishment. */
  sentenceEndDay: number | null;
  imposedTermMonths: number | null;
  /** Days of the term imposed beyond its whole months (0 when the court imposed whole months). */
  imposedTermDays: number | null;
  priorConvictions: number | null;
  recidivism: Recidivism | null;
  behaviour: Behaviour | null;
  maliciousViolator: boolean | null;
  pregnant: boolean | null;
  /** YYYYMMDD of each child; [] means no children; null means unknown. */
  childrenBirthYmd: number[] | null;
  disabledChild: boolean | null;
  parentalRightsDeprived: boolean | null;
  disabilityGroup: 0 | 1 | 2 | 3 | null;
  veteran: boolean | null;
  pensioner: boolean | null;
  singleParent: boolean | null;
  civilClaimAmount: number | null;
  civilClaimPaid: number | null;
  damageCaused: boolean | null;
  damageCompensated: boolean | null;
  /** Earlier sentenced to (real) imprisonment. */
  priorImprisonment: boolean | null;
  /** Earlier served a sentence in a juvenile colony. */
  juvenileColony: boolean | null;
  /** Group of the disabled child the person raises. */
  disabledChildGroup: DisabledChildGroup | null;
  /** Which veterans the person belongs to. */
  veteranKind: VeteranKind | null;
  /**
   * The victims of the person's offence against the sexual inviolability of minors were aged 14–18
   * (Criminal Code Art. 78 part 2 spares such an offence by a minor against a minor of 14–18).
   */
  victimAged14To18: boolean | null;
}

/** The canonical columns of a registry file, in their canonical order. */
export const CONTRACT_COLUMNS = [
  'person_id',
  'iin',
  'last_name',
  'first_name',
  'middle_name',
  'sex',
  'birth_date',
  'custody',
  'facility',
  'region',
  'articles',
  'offence_date',
  'sentence_type',
  'sentence_start',
  'sentence_end',
  'imposed_term_months',
  'prior_convictions',
  'recidivism',
  'behaviour',
  'malicious_violator',
  'pregnant',
  'children_birth_dates',
  'disabled_child',
  'parental_rights_deprived',
  'disability_group',
  'veteran',
  'pensioner',
  'single_parent',
  'civil_claim_amount',
  'civil_claim_paid',
  'damage_caused',
  'damage_compensated',
  'imposed_term_days',
  'prior_imprisonment',
  'juvenile_colony',
  'disabled_child_group',
  'veteran_kind',
  'victim_aged_14_18',
] as const;
export type ContractColumn = (typeof CONTRACT_COLUMNS)[number];

/**
 * Columns a file may leave out, and what a missing column means for every row: the days of the
 * imposed term are 0 (the court imposed whole months); what older amnesty laws ask (earlier
 * imprisonment, juvenile colony, the disabled child's group, the kind of veteran) is unknown.
 */
export const OPTIONAL_COLUMNS: Readonly<Partial<Record<ContractColumn, string>>> = {
  imposed_term_days: '0',
  prior_imprisonment: '',
  juvenile_colony: '',
  disabled_child_group: '',
  veteran_kind: '',
  victim_aged_14_18: '',
};

/** Columns that must be present in a file's header (a cell in them may still be empty = unknown, except person_id). */
export const REQUIRED_COLUMNS: readonly ContractColumn[] = CONTRACT_COLUMNS.filter((c) => !(c in OPTIONAL_COLUMNS));

/** The word written in children_birth_dates for a person known to have no children. */
export const NO_CHILDREN = 'none';
