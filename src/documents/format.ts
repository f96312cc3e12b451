/** How documents write numbers, money and dates in Kazakh and Russian (and English for tests and logs). */
import { civilOf, isoDay } from '../domain/dates.ts';
import { formatNumber, type Lang } from '../i18n/text.ts';

export const DOC_LANGS = ['kk', 'ru'] as const;
export type DocLang = (typeof DOC_LANGS)[number];

export function isDocLang(v: string): v is DocLang {
  return (DOC_LANGS as readonly string[]).includes(v);
}

/** A whole number as the language groups it. */
export const n = (v: number, lang: Lang): string => formatNumber(Math.round(v), lang, 0);

/** Millions of tenge with one decimal: "1 030,2 млн". */
export function millions(v: number, lang: Lang): string {
  const unit = lang === 'kk' ? 'млн' : lang === 'ru' ? 'млн' : 'million';
  return `${formatNumber(Math.round(v / 100_000) / 10, lang, 1)} ${unit}`;
}

const KK_MONTHS_GEN = ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'];
const RU_MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a numeric day: 30.01.2025. */
export function dateNumeric(iso: string): string {
  const { year, month, day } = civilOf(isoDay(iso));
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** A date in words: "2025 жылғы 30 қаңтардағы", "30 января 2025 года", "30 January 2025". */
export function dateLong(iso: string, lang: Lang): string {
  const { year, month, day } = civilOf(isoDay(iso));
  if (lang === 'kk') return `${year} жылғы ${day} ${KK_MONTHS_GEN[month - 1]}`;
  if (lang === 'ru') return `${day} ${RU_MONTHS_GEN[month - 1]} ${year} года`;
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** A term in months as years and months: "2 жыл 6 ай", "2 г. 6 мес.". */
export function termText(months: number, lang: Lang): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  const Y = { kk: 'жыл', ru: 'г.', en: 'y.' }[lang];
  const M = { kk: 'ай', ru: 'мес.', en: 'mo.' }[lang];
  if (y > 0) parts.push(`${y} ${Y}`);
  if (m > 0 || y === 0) parts.push(`${m} ${M}`);
  return parts.join(' ');
}

/** References to unverified inputs, 1-based: " [1, 3]"; empty when none. */
export function marks(indexes: readonly number[]): string {
  const list = [...new Set(indexes)].sort((a, b) => a - b);
  return list.length === 0 ? '' : ` [${list.map((i) => i + 1).join(', ')}]`;
}
