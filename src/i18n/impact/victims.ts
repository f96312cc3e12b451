/** The impact report's victims section (src/impact/victims.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const VICTIMS_TEXTS = {
  victims: { kk: 'Жәбірленушілер', ru: 'Потерпевшие', en: 'Victims' },
  victimsLine: {
    kk: 'Қамтылғандар ішінде өтелмеген талабы барлар: {persons} адам, барлығы {amount} ₸; талабы белгісіз: {unknown} адам.',
    ru: 'Из охваченных {persons} имеют непогашенные иски на {amount} ₸; иск неизвестен у {unknown}.',
    en: '{persons} of the covered owe unpaid civil claims, {amount} ₸ in all; claim unknown for {unknown}.',
  },
  unpaid: { kk: 'Өтелмеген, ₸', ru: 'Не погашено, ₸', en: 'Unpaid, ₸' },
  condition: {
    kk: '«{label}» шарты ({ref}) {applies} баптарына қосылса: босатылатындар {rb} → {ra}, олардың ішінде талабы өтелмегендер {ub} → {ua}; {leave} адам бабынан шығады (өтелмеген талабы {amount} ₸), енді: {now}.',
    ru: 'Если добавить условие «{label}» ({ref}) к статьям вида «{applies}»: освобождаемых {rb} → {ra}, из них с непогашенными исками {ub} → {ua}; {leave} чел. выпадают из своей статьи (их непогашенные иски {amount} ₸), теперь: {now}.',
    en: 'Adding the condition “{label}” ({ref}) to the {applies} clauses: released {rb} → {ra}, of them with unpaid claims {ub} → {ua}; {leave} persons leave their clause (owing {amount} ₸), and now get: {now}.',
  },
} satisfies Record<string, Text>;
