/** The languages of every user-facing string: Kazakh, Russian, English. */
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A user-facing text in the three languages. */
export interface Text {
  kk: string;
  ru: string;
  en: string;
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders of a text in one language. */
export function render(text: Text, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/** Numbers the way each language writes them: thin groups of three, a decimal comma in kk and ru. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 2): string {
  const locale = lang === 'en' ? 'en-GB' : lang === 'ru' ? 'ru-RU' : 'kk-KZ';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}
