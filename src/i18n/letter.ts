/** The letter's table (src/reports/letter.ts), in kk, ru and en, besides the letter.* messages of ./messages.ts. */
import type { Text } from './text.ts';

/** The heading of the unverified inputs under the letter's table. */
export const LETTER_UNVERIFIED: Text = {
  kk: 'Белгіленген көрсеткіштер сүйенетін тексерілмеген деректер',
  ru: 'Непроверенные данные, на которые опираются отмеченные показатели',
  en: 'Unverified inputs the marked figures rest on',
};

/** When no figure rests on an unverified input. */
export const LETTER_VERIFIED: Text = { kk: 'Барлық көрсеткіштер тексерілген деректерге сүйенеді.', ru: 'Все показатели опираются на проверенные данные.', en: 'Every figure rests on verified inputs.' };
