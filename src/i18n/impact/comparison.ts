/** The impact report's comparison of acts (src/impact/compare.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const COMPARISON_TEXTS = {
  comparison: { kk: 'Актілерді салыстыру', ru: 'Сравнение актов', en: 'Comparison of acts' },
  figure: { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Figure' },
  transition: { kk: 'Шаралардың ауысуы: {from} (жолдар) → {to} (бағандар); нәтижесі өзгеретіндер {changed}', ru: 'Переходы мер: {from} (строки) → {to} (столбцы); исход меняется у {changed} чел.', en: 'Transitions of measures: {from} (rows) → {to} (columns); outcome changes for {changed} persons' },
  changes: { kk: 'Алғашқы өзгерістер ({n})', ru: 'Первые изменения ({n})', en: 'First changes ({n})' },
  person: { kk: 'Адам', ru: 'Лицо', en: 'Person' },
} satisfies Record<string, Text>;

/** The rows of the comparison table: figures of each act (src/impact/compare.ts `summaryRow`). */
export const COMPARISON_ROW_TEXTS = {
  covered: { kk: 'Қамтылған', ru: 'Охвачено', en: 'Covered' },
  released: { kk: 'Босатылады', ru: 'Освобождаются', en: 'Released' },
  reduced: { kk: 'Мерзімі қысқарады', ru: 'Сокращение срока', en: 'Term reduced' },
  replaced: { kk: 'Жеңілірек жаза', ru: 'Замена более мягким', en: 'Milder punishment' },
  excluded: { kk: 'Алып тасталған', ru: 'Исключены', en: 'Excluded' },
  needs_review: { kk: 'Қолмен тексеру', ru: 'Ручная проверка', en: 'Needs review' },
  women_covered: { kk: 'Қамтылған әйелдер', ru: 'Охвачено женщин', en: 'Women covered' },
  men_covered: { kk: 'Қамтылған ерлер', ru: 'Охвачено мужчин', en: 'Men covered' },
  days_remitted: { kk: 'Кешірілген күндер', ru: 'Освобождено дней', en: 'Days remitted' },
  released_with_unpaid_claims: { kk: 'Босатылатын, талабы өтелмеген', ru: 'Освобождаемые с непогашенным иском', en: 'Released owing a civil claim' },
  reoffending_1y: { kk: '1 жылда қайта сотталу (күтілетін)', ru: 'Повторно осуждены за 1 год (ожид.)', en: 'Convicted again within a year (expected)' },
  beds_freed_month_12: { kk: '12-ші айда босаған орындар', ru: 'Высвобождено мест к 12-му месяцу', en: 'Beds freed at month 12' },
} satisfies Record<string, Text>;
