/** `amnestia backtest`: an act's outcome against the reported results, in kk, ru and en. */
import type { Text } from './text.ts';

/** The backtest's report (src/reports/backtest.ts). */
export const BACKTEST_TEXTS = {
  heading: { kk: '{act}: модельдің нәтижесі және нақты нәтижелер', ru: '{act}: исход по модели и фактические итоги', en: '{act}: the model’s outcome beside what happened' },
  reported: { kk: 'Нәтижелер: {title}', ru: 'Итоги: {title}', en: 'Results: {title}' },
  registry: { kk: 'Тізілім: {source}, {persons} адам, {serving} жаза өтеуде; акт күші: {asOf}', ru: 'Реестр: {source}, {persons} чел., отбывают наказание {serving}; акт в силе с {asOf}', en: 'Registry: {source}, {persons} persons, {serving} serving; act in force from {asOf}' },
  colFigure: { kk: 'көрсеткіш', ru: 'показатель', en: 'figure' },
  colReported: { kk: 'хабарланған', ru: 'сообщено', en: 'reported' },
  colModel: { kk: 'модель', ru: 'модель', en: 'model' },
  colGap: { kk: 'айырма', ru: 'расхождение', en: 'gap' },
  colUnverified: { kk: 'тексерілмеген', ru: 'непроверенное', en: 'unverified' },
  within: { kk: '±{t}% ішінде', ru: 'в пределах ±{t}%', en: 'within ±{t}%' },
  beyond: { kk: '±{t}% тыс', ru: 'вне ±{t}%', en: 'beyond ±{t}%' },
  atLeast: { kk: 'кемінде', ru: 'более', en: 'more than' },
  ours: { kk: '(біздің оқуымыз)', ru: '(наше прочтение)', en: '(our reading)' },
  accounts: { kk: 'Айырмасы {t}%-дан асатын көрсеткіштер, әрқайсысы бойынша:', ru: 'Показатели с расхождением более {t}%, по каждому:', en: 'Figures more than {t}% off, one by one:' },
  noAccount: { kk: 'түсініктеме жоқ', ru: 'объяснения нет', en: 'no account given' },
  byCustody: { kk: 'Актінің нәтижесі (қамтылғандар): мекемелер — босату {ri}, қысқарту {di}; пробация — босату {rp}, қысқарту {dp}', ru: 'Исход акта (охваченные): учреждения — освобождение {ri}, сокращение {di}; пробация — освобождение {rp}, сокращение {dp}', en: 'The act’s outcome (covered): institutions — released {ri}, reduced {di}; probation — released {rp}, reduced {dp}' },
  forecasts: { kk: 'Алдын ала болжамдар (салыстырылмайды):', ru: 'Прогнозы до принятия (не сравниваются):', en: 'Forecasts before adoption (not compared):' },
  unverified: { kk: 'Модельдің көрсеткіштері сүйенетін тексерілмеген деректер:', ru: 'Непроверенные данные, на которые опираются показатели модели:', en: 'Unverified inputs the model’s figures rest on:' },
  sources: { kk: 'Дереккөздер', ru: 'Источники', en: 'Sources' },
} satisfies Record<string, Text>;
