/** Words every official document uses, in kk, ru and en. */
import type { Text } from '../text.ts';

/** Yes. */
export const YES: Text = { kk: 'иә', ru: 'да', en: 'yes' };

/** No. */
export const NO: Text = { kk: 'жоқ', ru: 'нет', en: 'no' };

/** Unknown. */
export const UNKNOWN: Text = { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' };

/** "Page" in the page numbers (documents are in kk or ru; en for completeness). */
export const PAGE: Text = { kk: 'Бет', ru: 'Стр.', en: 'Page' };

/** The titles of the documents (PDF metadata). */
export const TITLES: Record<'letter' | 'submission' | 'submissions', Text> = {
  letter: { kk: 'Депутаттық сауалға жауап', ru: 'Ответ на депутатский запрос', en: 'Reply to the deputies’ inquiry' },
  submission: { kk: 'Рақымшылық актісін қолдану туралы ұсыну', ru: 'Представление о применении акта амнистии', en: 'Submission under an amnesty act' },
  submissions: { kk: 'Рақымшылық актісін қолдану туралы ұсынулар', ru: 'Представления о применении акта амнистии', en: 'Submissions under an amnesty act' },
};

/** A template file that is not there (src/documents/load.ts). */
export const NO_TEMPLATE: Text = {
  kk: '{file}: мұндай үлгі жоқ ({lang} тіліндегі {document} templates/{document}.{lang}.docx үлгісінен жасалады; npm run templates жеткізілетін үлгілерді жазады)',
  ru: '{file}: такого шаблона нет ({document} на языке {lang} делается по templates/{document}.{lang}.docx; npm run templates записывает поставляемые шаблоны)',
  en: '{file}: no such template (the {document} in {lang} is made from templates/{document}.{lang}.docx; npm run templates writes the shipped ones)',
};
