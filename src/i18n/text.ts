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

/** A text rendered in each language, with parameters chosen per language (numbers written its way). */
export function renderAll(text: Text, params: (lang: Lang) => Record<string, string | number>): Text {
  return { kk: render(text, 'kk', params('kk')), ru: render(text, 'ru', params('ru')), en: render(text, 'en', params('en')) };
}

/** Texts joined into one, language by language. */
export function joinTexts(parts: readonly Text[], separator = ' '): Text {
  return { kk: parts.map((t) => t.kk).join(separator), ru: parts.map((t) => t.ru).join(separator), en: parts.map((t) => t.en).join(separator) };
}

/** Numbers the way each language writes them: thin groups of three, a decimal comma in kk and ru. */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 2): string {
  const key = `${lang}:${maxFractionDigits}`;
  let f = formats.get(key);
  if (!f) {
    const locale = lang === 'en' ? 'en-GB' : lang === 'ru' ? 'ru-RU' : 'kk-KZ';
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits });
    formats.set(key, f);
  }
  return f.format(value);
}

/** Making a number format costs far more than using one: they are kept. */
const formats = new Map<string, Intl.NumberFormat>();
