/** The impact report's repeat-offending section (src/impact/risk.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const RISK_TEXTS = {
  risk: { kk: 'Қайталап қылмыс жасау қаупі', ru: 'Риск повторных преступлений', en: 'Risk of repeat offending' },
  riskLine: {
    kk: 'Босатылатындар ({released} адам) ішінде {years} жыл ішінде қайта сотталатындар күтілуде: {expected} ({share} %), {interval} % аралық {low}–{high} (модельдеу саны {runs}).',
    ru: 'Из освобождаемых ({released} чел.) в течение {years} г. ожидается повторно осуждённых: {expected} ({share} %), {interval}-процентный интервал {low}–{high} (прогонов: {runs}).',
    en: 'Of the {released} released, expected to be convicted again within {years} year(s): {expected} ({share} %), {interval} % interval {low}–{high} ({runs} runs).',
  },
  /** The section's closing note, kept in the report. */
  note: {
    kk: 'Жиынтық бағалау, нақты адам туралы болжам емес. Базалық көрсеткіштер law/reoffending.yaml файлында, олардың көзі немесе болжам екені көрсетілген.',
    ru: 'Совокупная оценка, а не прогноз о конкретном человеке. Базовые показатели — в law/reoffending.yaml, с источником или пометкой «допущение».',
    en: 'An aggregate estimate, never a prediction about a person. The base rates are in law/reoffending.yaml, each with its source or marked as an assumption.',
  },
} satisfies Record<string, Text>;
