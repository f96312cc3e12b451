/** A person's submission to court under an act (src/documents/submission.ts), in kk, ru and en. */
import type { Sex } from '../../domain/enums.ts';
import type { Text } from '../text.ts';

/** The submission's sentences and labels (src/documents/submission.ts). */
export const SUBMISSION_TEXTS = {
  excluded: {
    kk: '{person} ұсынуға жатпайды: {ref} бойынша актіден алып тасталған — «{text}»',
    ru: 'представление на {person} не вносится: лицо исключено из действия акта по {ref} — «{text}»',
    en: 'no submission for {person}: excluded from the act by {ref} — “{text}”',
  },
  notServing: {
    kk: '{person} ұсынуға жатпайды: акт күшіне енген күні ({date}) жазасын өтемейді',
    ru: 'представление на {person} не вносится: на день вступления акта в силу ({date}) наказание не отбывает',
    en: 'no submission for {person}: not serving a punishment on the day the act enters into force ({date})',
  },
  noClause: {
    kk: '{person} ұсынуға жатпайды: актінің бірде-бір бабы қолданылмайды{almost}',
    ru: 'представление на {person} не вносится: ни одна статья акта не применяется{almost}',
    en: 'no submission for {person}: no clause of the act applies{almost}',
  },
  almostOne: { kk: ' ({ref} бабына бір ғана критерий жетпейді: {condition})', ru: ' (до {ref} не хватает одного критерия: {condition})', en: ' ({ref} is one criterion short: {condition})' },
  almostLater: { kk: ' ({ref} бойынша {date} бастап қолданылады)', ru: ' (подпадает под {ref} с {date})', en: ' (eligible under {ref} from {date})' },
  noCourt: { kk: '{person}: {why}', ru: '{person}: {why}', en: '{person}: {why}' },
  noFacility: {
    kk: '{person}: мекемесі ({facility}) немесе есеп түрі белгісіз — ұсынушы белгісіз',
    ru: '{person}: неизвестны учреждение ({facility}) или вид учёта — неизвестно, кто вносит представление',
    en: '{person}: the facility ({facility}) or the custody is unknown — it is not known who submits',
  },
} satisfies Record<string, Text>;

/** A person's sex as the submission states it. */
export const SEX_ONE: Record<Sex, Text> = { F: { kk: 'әйел', ru: 'женский', en: 'female' }, M: { kk: 'ер', ru: 'мужской', en: 'male' } };

/** Whether a condition holds. */
export const HOLDS: Record<'yes' | 'no' | 'unknown', Text> = {
  yes: { kk: 'орындалады', ru: 'выполнено', en: 'holds' },
  no: { kk: 'орындалмайды', ru: 'не выполнено', en: 'does not hold' },
  unknown: { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' },
};

/** Where a person serves, as the submission says it. */
export const CUSTODY_WORDS: Record<'institution' | 'probation', Text> = {
  institution: { kk: 'түзеу мекемесінде (ТМ)', ru: 'в исправительном учреждении (ИУ)', en: 'in a penal institution' },
  probation: { kk: 'пробациялық бақылауда (ПҚ)', ru: 'под пробационным контролем (СП)', en: 'under probation control' },
};

/** The submission's own unverified inputs and citations (src/documents/submission.ts). */
export const SUBMISSION_CITATION_TEXTS = {
  facilityNotListed: {
    kk: '{facility} мекемесі мекемелер тізімінде жоқ: сот тізілімдегі өңір бойынша анықталды',
    ru: 'учреждения {facility} нет в списке учреждений: суд определён по региону в реестре',
    en: 'facility {facility} is not in the facilities list: the court is that of the region in the record',
  },
  /** An article of the Criminal Code as the person's sentence cites it (the en forms are not used by documents, which are kk or ru). */
  article: { kk: '{article}-бап', ru: 'ст. {article}', en: 'Art. {article}' },
  articlePart: { kk: '{article}-бап {part}-бөлік', ru: 'ст. {article} ч. {part}', en: 'Art. {article} part {part}' },
} satisfies Record<string, Text>;
