/** The closed vocabularies of the registry (src/domain/enums.ts) as reports and documents name them, in kk, ru and en. */
import type { Behaviour, Custody, Gravity, Intent, Recidivism, SentenceType, Sex } from '../domain/enums.ts';
import type { Text } from './text.ts';

export const GRAVITY_LABELS: Record<Gravity, Text> = {
  misdemeanour: { kk: 'қылмыстық теріс қылық', ru: 'уголовный проступок', en: 'criminal misdemeanour' },
  minor: { kk: 'онша ауыр емес', ru: 'небольшой тяжести', en: 'minor' },
  medium: { kk: 'ауырлығы орташа', ru: 'средней тяжести', en: 'medium' },
  grave: { kk: 'ауыр', ru: 'тяжкое', en: 'grave' },
  especially_grave: { kk: 'аса ауыр', ru: 'особо тяжкое', en: 'especially grave' },
};

export const CUSTODY_LABELS: Record<Custody, Text> = {
  institution: { kk: 'ТМ', ru: 'ИУ', en: 'institution' },
  probation: { kk: 'ПҚ', ru: 'СП', en: 'probation' },
};

export const SEX_LABELS: Record<Sex, Text> = {
  F: { kk: 'әйелдер', ru: 'женщины', en: 'women' },
  M: { kk: 'ерлер', ru: 'мужчины', en: 'men' },
};

export const RECIDIVISM_LABELS: Record<Recidivism, Text> = {
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
  simple: { kk: 'қайталану', ru: 'рецидив', en: 'recidivism' },
  dangerous: { kk: 'қауіпті қайталану', ru: 'опасный рецидив', en: 'dangerous recidivism' },
};

export const BEHAVIOUR_LABELS: Record<Behaviour, Text> = {
  positive: { kk: 'оң', ru: 'положительная', en: 'positive' },
  neutral: { kk: 'бейтарап', ru: 'нейтральная', en: 'neutral' },
  negative: { kk: 'теріс', ru: 'отрицательная', en: 'negative' },
};

export const INTENT_LABELS: Record<Intent, Text> = {
  intentional: { kk: 'қасақана', ru: 'умышленное', en: 'intentional' },
  negligent: { kk: 'абайсызда', ru: 'неосторожное', en: 'negligent' },
};

export const SENTENCE_TYPE_LABELS: Record<SentenceType, Text> = {
  imprisonment: { kk: 'бас бостандығынан айыру', ru: 'лишение свободы', en: 'imprisonment' },
  life_imprisonment: { kk: 'өмір бойы бас бостандығынан айыру', ru: 'пожизненное лишение свободы', en: 'life imprisonment' },
  conditional_imprisonment: { kk: 'шартты түрде соттау', ru: 'условное осуждение', en: 'conditional imprisonment' },
  restriction_of_liberty: { kk: 'бас бостандығын шектеу', ru: 'ограничение свободы', en: 'restriction of liberty' },
  correctional_work: { kk: 'түзеу жұмыстары', ru: 'исправительные работы', en: 'correctional work' },
  community_work: { kk: 'қоғамдық жұмыстар', ru: 'общественные работы', en: 'community work' },
  fine: { kk: 'айыппұл', ru: 'штраф', en: 'fine' },
  arrest: { kk: 'қамаққа алу', ru: 'арест', en: 'arrest' },
};
