/** How documents write numbers, money and dates in Kazakh and Russian (and English for tests and logs). */
import { civilOf, isoDay } from '../domain/dates.ts';
import { entryAt } from '../domain/lookup.ts';
import { FORMAT_TEXTS as F, MONTHS } from '../i18n/documents/format.ts';
import { formatNumber, render, type Lang } from '../i18n/text.ts';

export const DOC_LANGS = ['kk', 'ru'] as const;
export type DocLang = (typeof DOC_LANGS)[number];

export function isDocLang(v: string): v is DocLang {
  return (DOC_LANGS as readonly string[]).includes(v);
}

/** A whole number as the language groups it. */
export const n = (v: number, lang: Lang): string => formatNumber(Math.round(v), lang, 0);

/** Millions of tenge with one decimal: "1 030,2 млн". */
export function millions(v: number, lang: Lang): string {
  return render(F.millions, lang, { v: formatNumber(Math.round(v / 100_000) / 10, lang, 1) });
}

/** A date as a numeric day: 30.01.2025. */
export function dateNumeric(iso: string): string {
  const { year, month, day } = civilOf(isoDay(iso));
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** A date in words: "2025 жылғы 30 қаңтардағы", "30 января 2025 года", "30 January 2025". */
export function dateLong(iso: string, lang: Lang): string {
  const { year, month, day } = civilOf(isoDay(iso));
  return render(F.dateLong, lang, { year: String(year), day: String(day), month: entryAt(MONTHS, month - 1, 'month')[lang] });
}

/** A term in months as years and months: "2 жыл 6 ай", "2 г. 6 мес.". */
export function termText(months: number, lang: Lang): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (y > 0) parts.push(render(F.years, lang, { n: String(y) }));
  if (m > 0 || y === 0) parts.push(render(F.months, lang, { n: String(m) }));
  return parts.join(' ');
}

/** References to unverified inputs, 1-based: " [1, 3]"; empty when none. */
export function marks(indexes: readonly number[]): string {
  const list = [...new Set(indexes)].sort((a, b) => a - b);
  return list.length === 0 ? '' : ` [${list.map((i) => i + 1).join(', ')}]`;
}
