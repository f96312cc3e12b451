/** The impact report's outcomes section (src/impact/outcomes.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const OUTCOMES_TEXTS = {
  outcomes: { kk: 'Нәтижелер', ru: 'Результаты', en: 'Outcomes' },
  outcomesLine: {
    kk: 'Жаза өтеп жүргендер {persons}: қамтылған {eligible}, алып тасталған {excluded}, қолмен тексеру {review}, қамтылмаған {none}; кешірілген күндер {days}.',
    ru: 'Отбывающих наказание {persons}: охвачено {eligible}, исключено {excluded}, ручная проверка {review}, не охвачено {none}; освобождено дней наказания {days}.',
    en: 'Serving {persons}: covered {eligible}, excluded {excluded}, needs review {review}, not covered {none}; days of punishment remitted {days}.',
  },
  clause: { kk: 'Бап', ru: 'Статья', en: 'Clause' },
  exclusion: { kk: 'Алып тастау', ru: 'Исключение', en: 'Exclusion' },
} satisfies Record<string, Text>;
