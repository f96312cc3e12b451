/**
 * A complete, known person record for tests: a woman born 1980-01-01, held in an institution for
 * theft (188-1), serving 2023-06-01 to 2028-06-01, first conviction, no children, no claim.
 * Every field is known; tests override what they are about.
 */
import { present } from '../../domain/lookup.ts';
import { isoDay } from '../../domain/dates.ts';
import type { CriminalCode } from '../../law/criminal-code.ts';
import type { PersonRecord } from '../../registry/record.ts';

export function testPerson(law: CriminalCode, overrides: Partial<PersonRecord> = {}): PersonRecord {
  return {
    personId: 'P',
    iin: null,
    lastName: null,
    firstName: null,
    middleName: null,
    sex: 'F',
    birthYmd: 19800101,
    custody: 'institution',
    facility: null,
    region: null,
    articles: [present(law.part('188-1'), 'Criminal Code part 188-1 (theft) in the law table').index],
    offenceDay: isoDay('2023-01-01'),
    sentenceType: 'imprisonment',
    sentenceStartDay: isoDay('2023-06-01'),
    sentenceEndDay: isoDay('2028-06-01'),
    imposedTermMonths: 60,
    priorConvictions: 0,
    recidivism: 'none',
    behaviour: 'neutral',
    maliciousViolator: false,
    pregnant: false,
    childrenBirthYmd: [],
    disabledChild: false,
    parentalRightsDeprived: false,
    disabilityGroup: 0,
    veteran: false,
    pensioner: false,
    singleParent: false,
    civilClaimAmount: 0,
    civilClaimPaid: 0,
    damageCaused: false,
    damageCompensated: false,
    imposedTermDays: 0,
    priorImprisonment: false,
    juvenileColony: false,
    disabledChildGroup: 'none',
    veteranKind: 'none',
    victimAged14To18: null,
    ...overrides,
  };
}
