/** The impact report's projection section (src/impact/projection.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const PROJECTION_TEXTS = {
  projection: { kk: '{months} айлық болжам', ru: 'Прогноз по месяцам ({months} мес.)', en: '{months}-month projection' },
  projectionLine: {
    kk: 'Өтініштер {from} – {to} аралығында біркелкі (кезеңдер саны {slots}), қанағаттандыру үлесі {grant} ({grantSource}); айына түсетіндер: ТМ {ai}, ПҚ {ap} ({basis}); жазасының аяқталу күні белгісіз қамтылғандар өзгеріссіз қалдырылды: {unknown} адам.',
    ru: 'Представления равномерно с {from} по {to} (периодов: {slots}), доля удовлетворённых {grant} ({grantSource}); поступления в месяц: ИУ {ai}, СП {ap} ({basis}); охваченные с неизвестной датой окончания срока оставлены без изменения: {unknown} чел.',
    en: 'Applications spread evenly from {from} to {to} ({slots} slots), grant rate {grant} ({grantSource}); admissions a month: institution {ai}, probation {ap} ({basis}); covered persons whose end of term is unknown are left as in the baseline: {unknown}.',
  },
  steady: { kk: 'тұрақты жағдай', ru: 'стационарное состояние', en: 'steady state' },
  given: { kk: 'берілген', ru: 'заданы', en: 'given' },
  month: { kk: 'Ай', ru: 'Месяц', en: 'Month' },
  end: { kk: 'Соңы', ru: 'Конец', en: 'End' },
  instBase: { kk: 'ТМ базалық', ru: 'ИУ база', en: 'Inst. baseline' },
  instAct: { kk: 'ТМ актімен', ru: 'ИУ с актом', en: 'Inst. with act' },
  freed: { kk: 'Босаған орын', ru: 'Высвоб. мест', en: 'Beds freed' },
  probBase: { kk: 'ПҚ базалық', ru: 'СП база', en: 'Prob. baseline' },
  probAct: { kk: 'ПҚ актімен', ru: 'СП с актом', en: 'Prob. with act' },
  savedAt: { kk: 'Үнем, млн ₸ ({cost} ₸)', ru: 'Экономия, млн ₸ ({cost} ₸)', en: 'Saved, M ₸ ({cost} ₸)' },
} satisfies Record<string, Text>;
