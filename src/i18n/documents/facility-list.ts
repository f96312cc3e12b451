/** A facility's list of persons under an act (src/documents/facility-list.ts, src/documents/xlsx.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

/** Columns of a facility's list (XLSX, src/documents/xlsx.ts). */
export const FACILITY_LIST_TEXTS = {
  list: { kk: 'Тізім', ru: 'Список', en: 'List' },
  personId: { kk: 'Тізілімдегі нөмірі', ru: 'Номер в реестре', en: 'Person id' },
  name: { kk: 'Тегі, аты, әкесінің аты', ru: 'ФИО', en: 'Name' },
  iin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  birth: { kk: 'Туған күні', ru: 'Дата рождения', en: 'Birth date' },
  custody: { kk: 'Есеп түрі', ru: 'Вид учёта', en: 'Custody' },
  status: { kk: 'Нәтиже', ru: 'Итог', en: 'Outcome' },
  measure: { kk: 'Шара', ru: 'Мера', en: 'Measure' },
  clause: { kk: 'Бап', ru: 'Статья акта', en: 'Clause' },
  exclusion: { kk: 'Алып тастау', ru: 'Исключение', en: 'Exclusion' },
  days: { kk: 'Кешірілген күндер', ru: 'Освобождено дней', en: 'Days remitted' },
  end: { kk: 'Мерзімнің аяқталуы', ru: 'Окончание срока', en: 'End of term' },
  newEnd: { kk: 'Жаңа аяқталу күні', ru: 'Новая дата окончания', en: 'New end date' },
  deadline: { kk: 'Ұсынудың мерзімі', ru: 'Срок представления', en: 'Submission deadline' },
  court: { kk: 'Сот', ru: 'Суд', en: 'Court' },
  reason: { kk: 'Себебі / белгісіз деректер', ru: 'Причина / неизвестные сведения', en: 'Reason / unknown facts' },
} satisfies Record<string, Text>;

/** A facility code the facilities file does not know. */
export const NO_FACILITY: Text = {
  kk: '{code} мекемесі мекемелер тізімінде жоқ (мысалы: {examples})',
  ru: 'учреждения {code} нет в списке учреждений (например: {examples})',
  en: 'facility {code} is not in the facilities list (e.g. {examples})',
};

/** Why a person is or is not on the list: one text per reason of an outcome (src/engine/act/outcome.ts REASONS). */
export const REASONS = {
  matched: { kk: 'бап қолданылады', ru: 'статья применяется', en: 'a clause applies' },
  excluded: { kk: 'алып тастау қолданылады', ru: 'применяется исключение', en: 'an exclusion applies' },
  no_clause: { kk: 'бірде-бір бап қолданылмайды', ru: 'ни одна статья не применяется', en: 'no clause applies' },
  unknown_fact: { kk: 'шешімге қажетті дерек белгісіз', ru: 'неизвестны сведения, нужные для решения', en: 'a fact the decision needs is unknown' },
  exclusion_unknown: { kk: 'алып тастауды шешуге дерек жетпейді', ru: 'исключение нельзя решить: неизвестны сведения', en: 'an exclusion cannot be decided: a fact is unknown' },
  not_serving: { kk: 'акт күшіне енген күні жазасын өтемейді', ru: 'на день вступления в силу наказание не отбывает', en: 'not serving on the day of entry into force' },
  remaining_unknown: { kk: 'мерзімнің аяқталу күні белгісіз', ru: 'дата окончания срока неизвестна', en: 'the end of the term is unknown' },
  overlap: { kk: 'әртүрлі шаралары бар екі бап қолданылады', ru: 'применяются две статьи с разными мерами', en: 'two clauses with different measures apply' },
  none: { kk: '—', ru: '—', en: '—' },
} satisfies Record<string, Text>;
