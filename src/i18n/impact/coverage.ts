/** The impact report's coverage and occupancy section (src/impact/coverage.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const COVERAGE_TEXTS = {
  coverage: { kk: 'Қамту', ru: 'Охват', en: 'Coverage' },
  covered: { kk: 'Қамтылды', ru: 'Охвачено', en: 'Covered' },
  rate: { kk: '%', ru: '%', en: '%' },
  released: { kk: 'Босат.', ru: 'Освоб.', en: 'Released' },
  reduced: { kk: 'Қысқ.', ru: 'Сокр.', en: 'Reduced' },
  replaced: { kk: 'Ауыст.', ru: 'Замена', en: 'Replaced' },
  excluded: { kk: 'Алып таст.', ru: 'Искл.', en: 'Excluded' },
  review: { kk: 'Тексеру', ru: 'Проверка', en: 'Review' },
  byCustody: { kk: 'Есеп түрі бойынша', ru: 'По виду учёта', en: 'By custody' },
  bySex: { kk: 'Жынысы бойынша', ru: 'По полу', en: 'By sex' },
  byGravity: { kk: 'Ауырлығы бойынша', ru: 'По тяжести', en: 'By gravity' },
  byCategory: { kk: 'Әлеуметтік санат бойынша (бір адам бірнеше санатта болуы мүмкін)', ru: 'По социальной категории (один человек может входить в несколько)', en: 'By social category (a person may be in several)' },
  byRegion: { kk: 'Өңір бойынша', ru: 'По регионам', en: 'By region' },
  byFacility: { kk: 'Мекеме бойынша (алғашқы {n})', ru: 'По учреждениям (первые {n})', en: 'By facility (first {n})' },
  occupancy: { kk: 'Мекемелердің толуы (ең көп босайтын {n})', ru: 'Наполняемость учреждений ({n} с наибольшим высвобождением)', en: 'Occupancy of institutions (the {n} most relieved)' },
  facility: { kk: 'Мекеме', ru: 'Учреждение', en: 'Institution' },
  capacity: { kk: 'Лимит', ru: 'Лимит', en: 'Capacity' },
  held: { kk: 'Ұсталады', ru: 'Содержится', en: 'Held' },
  leaving: { kk: 'Шығады', ru: 'Убывают', en: 'Leaving' },
  earlier: { kk: 'Жыл ішінде ертерек', ru: 'Раньше в течение года', en: 'Earlier within a year' },
  before: { kk: 'Дейін', ru: 'До', en: 'Before' },
  after: { kk: 'Кейін', ru: 'После', en: 'After' },
  /** The coverage table's rows besides the social categories. */
  anyCategory: { kk: 'кемінде бір санат', ru: 'хотя бы одна категория', en: 'at least one category' },
  noCategory: { kk: 'санаттан тыс', ru: 'вне категорий', en: 'no category' },
} satisfies Record<string, Text>;
