/** The act language's words as reports and explanations show them, in kk, ru and en. */
import type { Sex } from '../domain/enums.ts';
import type { MeasureCode } from '../engine/act/plan.ts';
import type { Text } from './text.ts';

/** The measures an act applies (src/engine/act/plan.ts MEASURE_CODES). */
export const MEASURE_LABELS: Record<MeasureCode, Text> = {
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
  release: { kk: 'негізгі жазаны өтеуден босату', ru: 'освобождение от отбывания основного наказания', en: 'release from the main punishment' },
  release_additional: { kk: 'қосымша жазадан босату', ru: 'освобождение от дополнительного наказания', en: 'release from the additional punishment' },
  release_from_liability: { kk: 'қылмыстық жауаптылықтан босату', ru: 'освобождение от уголовной ответственности', en: 'release from criminal liability' },
  reduce_unserved: { kk: 'жазаның өтелмеген бөлігін қысқарту', ru: 'сокращение неотбытой части наказания', en: 'reduction of the unserved part' },
  reduce_imposed: { kk: 'тағайындалған мерзімді қысқарту', ru: 'сокращение назначенного срока', en: 'reduction of the imposed term' },
  reduce_months: { kk: 'мерзімді айлармен қысқарту', ru: 'сокращение срока на месяцы', en: 'reduction by months' },
  replace_milder: { kk: 'неғұрлым жеңіл жазамен ауыстыру', ru: 'замена более мягким наказанием', en: 'replacement with a milder punishment' },
};

/** A person's explanation (src/engine/act/explain.ts). */
export const EXPLAIN_TEXTS = {
  heading: { kk: '{person} — {act}', ru: '{person} — {act}', en: '{person} — {act}' },
  asOf: { kk: 'Есеп күні: {date}', ru: 'Дата: {date}', en: 'As of: {date}' },
  outcome: { kk: 'Нәтиже: {status}', ru: 'Итог: {status}', en: 'Outcome: {status}' },
  status_eligible: { kk: 'қолданылады', ru: 'подпадает', en: 'eligible' },
  status_excluded: { kk: 'алып тасталған', ru: 'исключён', en: 'excluded' },
  status_not_covered: { kk: 'қамтылмайды', ru: 'не подпадает', en: 'not covered' },
  status_needs_review: { kk: 'қолмен тексеру қажет', ru: 'требует ручной проверки', en: 'needs review' },
  clause: { kk: 'Бап: {ref} ({id}); шара: {measure}', ru: 'Статья: {ref} ({id}); мера: {measure}', en: 'Clause: {ref} ({id}); measure: {measure}' },
  days: { kk: 'Кешірілген күндер: {days}; жаңа аяқталу күні: {end}', ru: 'Освобождено дней: {days}; новая дата окончания: {end}', en: 'Days remitted: {days}; new end date: {end}' },
  excludedBy: { kk: 'Алып тастау: {ref} ({id})', ru: 'Исключение: {ref} ({id})', en: 'Excluded by: {ref} ({id})' },
  undecidedExclusion: { kk: 'Шешілмеген алып тастау: {ref} ({id})', ru: 'Нерешённое исключение: {ref} ({id})', en: 'Exclusion that cannot be decided: {ref} ({id})' },
  unknown: { kk: 'Белгісіз деректер: {facts}', ru: 'Неизвестные сведения: {facts}', en: 'Unknown facts: {facts}' },
  unverified: { kk: 'Шешім тексерілмеген деректерге сүйенеді:', ru: 'Решение опирается на непроверенные данные:', en: 'The decision rests on unverified inputs:' },
  verifiedOnly: { kk: 'Шешім тек тексерілген деректерге сүйенеді.', ru: 'Решение опирается только на проверенные данные.', en: 'The decision rests on verified inputs only.' },
  notServing: { kk: 'Күшіне енген күні жазасын өтемейді.', ru: 'На день вступления в силу наказание не отбывает.', en: 'Not serving a sentence on the day of entry into force.' },
  almostOne: { kk: 'Шамалы жетпейді: {ref}, {n}-критерий орындалмаған', ru: 'Почти подпадает: {ref}, не выполнен критерий {n}', en: 'Almost eligible: {ref}, criterion {n} fails' },
  almostLater: { kk: 'Орындау кезеңінде {date} бастап қолданылады: {ref}', ru: 'Подпадает с {date} в период исполнения: {ref}', en: 'Eligible from {date}, inside the execution period: {ref}' },
  exclusions: { kk: 'Алып тастаулар', ru: 'Исключения', en: 'Exclusions' },
  clauses: { kk: 'Баптар (заң ретімен)', ru: 'Статьи (в порядке закона)', en: 'Clauses (in the law’s order)' },
  convictions: { kk: 'соттылықтар: {list}', ru: 'судимости: {list}', en: 'convictions: {list}' },
  unknownValue: { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' },
  yes: { kk: 'иә', ru: 'да', en: 'yes' },
  no: { kk: 'жоқ', ru: 'нет', en: 'no' },
} satisfies Record<string, Text>;

/** A person's sex in an explanation. */
export const EXPLAIN_SEX: Record<Sex, Text> = { F: { kk: 'әйел', ru: 'женщина', en: 'woman' }, M: { kk: 'ер', ru: 'мужчина', en: 'man' } };
