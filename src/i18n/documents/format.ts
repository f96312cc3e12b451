/** How documents write money, dates and terms (src/documents/format.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const FORMAT_TEXTS = {
  millions: { kk: '{v} млн', ru: '{v} млн', en: '{v} million' },
  /** A date in words: "2025 жылғы 30 қаңтардағы", "30 января 2025 года", "30 January 2025". */
  dateLong: { kk: '{year} жылғы {day} {month}', ru: '{day} {month} {year} года', en: '{day} {month} {year}' },
  years: { kk: '{n} жыл', ru: '{n} г.', en: '{n} y.' },
  months: { kk: '{n} ай', ru: '{n} мес.', en: '{n} mo.' },
} satisfies Record<string, Text>;

/** The months in the form a long date needs (Kazakh locative, Russian genitive). */
export const MONTHS: readonly Text[] = [
  { kk: 'қаңтардағы', ru: 'января', en: 'January' },
  { kk: 'ақпандағы', ru: 'февраля', en: 'February' },
  { kk: 'наурыздағы', ru: 'марта', en: 'March' },
  { kk: 'сәуірдегі', ru: 'апреля', en: 'April' },
  { kk: 'мамырдағы', ru: 'мая', en: 'May' },
  { kk: 'маусымдағы', ru: 'июня', en: 'June' },
  { kk: 'шілдедегі', ru: 'июля', en: 'July' },
  { kk: 'тамыздағы', ru: 'августа', en: 'August' },
  { kk: 'қыркүйектегі', ru: 'сентября', en: 'September' },
  { kk: 'қазандағы', ru: 'октября', en: 'October' },
  { kk: 'қарашадағы', ru: 'ноября', en: 'November' },
  { kk: 'желтоқсандағы', ru: 'декабря', en: 'December' },
];
