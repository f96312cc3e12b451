/** The impact report's money section (src/impact/money.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const MONEY_TEXTS = {
  money: { kk: 'Үнемдеу', ru: 'Экономия', en: 'Savings' },
  moneyDays: {
    kk: 'Кешірілген күндер: босату — ТМ {ri}, ПҚ {rp}; қысқарту — ТМ {di}, ПҚ {dp}; ТМ-ден ПҚ-ға ауыстырылған {xi}; күндері белгісіз {u} адам.',
    ru: 'Освобождено дней наказания: освобождение — ИУ {ri}, СП {rp}; сокращение — ИУ {di}, СП {dp}; переведено из ИУ на СП {xi}; дни не определены у {u} чел.',
    en: 'Days remitted: release — institution {ri}, probation {rp}; reduction — institution {di}, probation {dp}; moved from institution to probation {xi}; days unknown for {u} persons.',
  },
  variant: { kk: 'ТМ күні / ПҚ күні', ru: 'День ИУ / день СП', en: 'Inmate day / probation day' },
  firstMonth: { kk: '1-ші ай, ₸/күн', ru: '1-й месяц, ₸/день', en: 'First month, ₸/day' },
  firstYear: { kk: '1-ші жыл, млн ₸', ru: '1-й год, млн ₸', en: 'First year, M ₸' },
  horizon: { kk: 'Барлығы ({end} дейін), млн ₸', ru: 'Всего (до {end}), млн ₸', en: 'Whole horizon (to {end}), M ₸' },
  ofWhich: { kk: 'оның ішінде ТМ / ПҚ, 1-ші жыл', ru: 'в т. ч. ИУ / СП, 1-й год', en: 'of which institution / probation, first year' },
  letterMethod: {
    kk: 'Хаттың әдісі: {released} босатылатын × {cost} ₸ = күніне {perDay} ₸, жылына {perYear} ₸ (ТМ {ri}, ПҚ {rp}).',
    ru: 'Метод письма: {released} освобождаемых × {cost} ₸ = {perDay} ₸ в день, {perYear} ₸ в год (ИУ {ri}, СП {rp}).',
    en: 'The letter’s method: {released} released × {cost} ₸ = {perDay} ₸ a day, {perYear} ₸ a year (institution {ri}, probation {rp}).',
  },
} satisfies Record<string, Text>;

/** Why the letter's method and ours differ (the money section's closing sentence). */
export const MONEY_DIFFERENCE_TEXTS = {
  /** Some of the released are on probation. */
  probation: {
    kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), алайда олардың ішінде {probation} адам пробациялық бақылауда, онда бір күн шамамен {probationCost} ₸ тұрады, ал босатылатындарға жазасын өтеуге орта есеппен небәрі {meanDays} күн қалған еді: мекемедегі күннің сол құнымен олардың босатылуы бірінші жылы {ourYear} ₸ үнемдейді.',
    ru: 'Письмо оценивает каждого из освобождаемых ({released} чел.) в {letterCost} ₸ в день на целый год ({letterYear} ₸), но из них под пробационным контролем, где день стоит около {probationCost} ₸, состоят {probation} чел., а освобождаемым оставалось отбывать в среднем лишь {meanDays} дн.: при той же стоимости дня в учреждении их освобождение экономит {ourYear} ₸ за первый год.',
    en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but {probation} of them are on probation, where a day costs about {probationCost} ₸, and the released had on average only {meanDays} days left to serve: at the same daily cost of an inmate, their release saves {ourYear} ₸ in its first year.',
  },
  /** None of the released is on probation. */
  institution: {
    kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), ал босатылатындарға жазасын өтеуге орта есеппен небәрі {meanDays} күн қалған еді: мекемедегі күннің сол құнымен олардың босатылуы бірінші жылы {ourYear} ₸ үнемдейді.',
    ru: 'Письмо оценивает каждого из освобождаемых ({released} чел.) в {letterCost} ₸ в день на целый год ({letterYear} ₸), а освобождаемым оставалось отбывать в среднем лишь {meanDays} дн.: при той же стоимости дня в учреждении их освобождение экономит {ourYear} ₸ за первый год.',
    en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but the released had on average only {meanDays} days left to serve: at the same daily cost of an inmate, their release saves {ourYear} ₸ in its first year.',
  },
  nobodyReleased: {
    kk: 'Акт ешкімді босатпайды: хаттың әдісі бойынша үнемдеу нөлге тең; үнемдеу тек мерзімді қысқартудан және жазаны ауыстырудан туады.',
    ru: 'Акт никого не освобождает: по методу письма экономия равна нулю; экономию дают только сокращения сроков и замены наказания.',
    en: 'The act releases nobody: the letter’s method gives no saving; what it saves comes from reductions and replacements alone.',
  },
  daysUnknown: {
    kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), бірақ олардың жазасының аяқталу күні белгісіз: қанша күн үнемделетінін есептеу мүмкін емес.',
    ru: 'Письмо оценивает каждого из освобождаемых ({released} чел.) в {letterCost} ₸ в день на целый год ({letterYear} ₸), но дата окончания их срока неизвестна: сколько дней будет сэкономлено, рассчитать нельзя.',
    en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but the end of their terms is unknown: the days saved cannot be computed.',
  },
} satisfies Record<string, Text>;
