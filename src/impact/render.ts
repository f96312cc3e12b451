/**
 * The impact report as text (the command line) or Markdown (documents), in kk, ru or en.
 * JSON is the report itself (./report.ts).
 */
import { CUSTODY_LABELS, GRAVITY_LABELS, type Gravity } from '../domain/enums.ts';
import { MEASURE_LABELS, type MeasureCode } from '../engine/act/plan.ts';
import { formatNumber, render, type Lang, type Text } from '../i18n/text.ts';
import { table, type Align, type TableFormat } from '../reports/table.ts';
import type { ActImpact, Comparison, CoverageRow, ImpactReport, MoneyVariant } from './report.ts';
import { GROUP_LABELS, KIND_LABELS } from './texts.ts';
import { ACT_STATUS_LABELS, citeRef } from '../i18n/refs.ts';

const H = {
  title: { kk: 'Рақымшылықтың әсері: {act}', ru: 'Последствия амнистии: {act}', en: 'Impact of the amnesty: {act}' },
  act: { kk: 'Акт: {id} ({status}), күшіне енуі {from}, орындау мерзімі {to} дейін; хэш {hash}', ru: 'Акт: {id} ({status}), вступает в силу {from}, исполнение до {to}; хэш {hash}', en: 'Act: {id} ({status}), in force from {from}, applied until {to}; hash {hash}' },
  asOf: {
    kk: 'Басқа күнге бағаланды: акт {from} күшіне енгендей, орындау мерзімі {to} дейін (--as-of)',
    ru: 'Оценено на другую дату: как если бы акт вступил в силу {from}, исполнение до {to} (--as-of)',
    en: 'Evaluated as if the act entered into force on {from}, applied until {to} (--as-of)',
  },
  registry: { kk: 'Тізілім: {source}, {persons} адам', ru: 'Реестр: {source}, {persons} чел.', en: 'Registry: {source}, {persons} persons' },
  outcomes: { kk: 'Нәтижелер', ru: 'Результаты', en: 'Outcomes' },
  outcomesLine: {
    kk: 'Жаза өтеп жүргендер {persons}: қамтылған {eligible}, алып тасталған {excluded}, қолмен тексеру {review}, қамтылмаған {none}; кешірілген күндер {days}.',
    ru: 'Отбывающих наказание {persons}: охвачено {eligible}, исключено {excluded}, ручная проверка {review}, не охвачено {none}; освобождено дней наказания {days}.',
    en: 'Serving {persons}: covered {eligible}, excluded {excluded}, needs review {review}, not covered {none}; days of punishment remitted {days}.',
  },
  clause: { kk: 'Бап', ru: 'Статья', en: 'Clause' },
  measure: { kk: 'Шара', ru: 'Мера', en: 'Measure' },
  custody: { kk: 'Есеп түрі', ru: 'Вид учёта', en: 'Custody' },
  persons: { kk: 'Адам', ru: 'Чел.', en: 'Persons' },
  days: { kk: 'Күн', ru: 'Дней', en: 'Days' },
  exclusion: { kk: 'Алып тастау', ru: 'Исключение', en: 'Exclusion' },
  coverage: { kk: 'Қамту', ru: 'Охват', en: 'Coverage' },
  group: { kk: 'Топ', ru: 'Группа', en: 'Group' },
  covered: { kk: 'Қамтылды', ru: 'Охвачено', en: 'Covered' },
  rate: { kk: '%', ru: '%', en: '%' },
  released: { kk: 'Босат.', ru: 'Освоб.', en: 'Released' },
  reduced: { kk: 'Қысқ.', ru: 'Сокр.', en: 'Reduced' },
  replaced: { kk: 'Ауыст.', ru: 'Замена', en: 'Replaced' },
  excluded: { kk: 'Алып таст.', ru: 'Искл.', en: 'Excluded' },
  review: { kk: 'Тексеру', ru: 'Проверка', en: 'Review' },
  byCustody: { kk: 'Есеп түрі бойынша', ru: 'По виду учёта', en: 'By custody' },
  bySex: { kk: 'Жынысы бойынша', ru: 'По полу', en: 'By sex' },
  byGravity: { kk: 'Ауырлығы бойынша', ru: 'По тяжести', en: 'By gravity' },
  byCategory: { kk: 'Әлеуметтік санат бойынша (бір адам бірнеше санатта болуы мүмкін)', ru: 'По социальной категории (один человек может входить в несколько)', en: 'By social category (a person may be in several)' },
  byRegion: { kk: 'Өңір бойынша', ru: 'По регионам', en: 'By region' },
  byFacility: { kk: 'Мекеме бойынша (алғашқы {n})', ru: 'По учреждениям (первые {n})', en: 'By facility (first {n})' },
  occupancy: { kk: 'Мекемелердің толуы (ең көп босайтын {n})', ru: 'Наполняемость учреждений ({n} с наибольшим высвобождением)', en: 'Occupancy of institutions (the {n} most relieved)' },
  facility: { kk: 'Мекеме', ru: 'Учреждение', en: 'Institution' },
  capacity: { kk: 'Лимит', ru: 'Лимит', en: 'Capacity' },
  held: { kk: 'Ұсталады', ru: 'Содержится', en: 'Held' },
  leaving: { kk: 'Шығады', ru: 'Убывают', en: 'Leaving' },
  earlier: { kk: 'Жыл ішінде ертерек', ru: 'Раньше в течение года', en: 'Earlier within a year' },
  before: { kk: 'Дейін', ru: 'До', en: 'Before' },
  after: { kk: 'Кейін', ru: 'После', en: 'After' },
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
  assumption: { kk: 'болжам', ru: 'допущение', en: 'assumption' },
  unverifiedList: { kk: 'Бұл актінің көрсеткіштері сүйенетін тексерілмеген деректер', ru: 'Непроверенные данные, на которые опираются показатели по этому акту', en: 'Unverified inputs the figures of this act rest on' },
  noUnverified: { kk: 'Бұл актінің көрсеткіштері тек тексерілген деректерге сүйенеді.', ru: 'Показатели по этому акту опираются только на проверенные данные.', en: 'The figures of this act rest on verified inputs only.' },
  restsOn: { kk: 'Бөлім тексерілмеген деректерге сүйенеді: {list}.', ru: 'Раздел опирается на непроверенные данные: {list}.', en: 'This section rests on unverified inputs {list}.' },
  restsVerified: { kk: 'Бөлім тек тексерілген деректерге сүйенеді.', ru: 'Раздел опирается только на проверенные данные.', en: 'This section rests on verified inputs only.' },
  unverifiedCol: { kk: 'тексерілмеген', ru: 'непроверенное', en: 'unverified' },
  extrapolated: { kk: 'мәні {from} бастап', ru: 'значение с {from}', en: 'value from {from}' },
  letterMethod: {
    kk: 'Хаттың әдісі: {released} босатылатын × {cost} ₸ = күніне {perDay} ₸, жылына {perYear} ₸ (ТМ {ri}, ПҚ {rp}).',
    ru: 'Метод письма: {released} освобождаемых × {cost} ₸ = {perDay} ₸ в день, {perYear} ₸ в год (ИУ {ri}, СП {rp}).',
    en: 'The letter’s method: {released} released × {cost} ₸ = {perDay} ₸ a day, {perYear} ₸ a year (institution {ri}, probation {rp}).',
  },
  equality: { kk: 'Теңдік (Конституцияның 14-бабы)', ru: 'Равенство (ст. 14 Конституции)', en: 'Equality (Constitution, Art. 14)' },
  added: {
    kk: 'Жынысқа бейтарап нұсқа ({act}) {covered} адамды қамтиды; қосылатындар {persons}: ерлер {men}, әйелдер {women}.',
    ru: 'Нейтральный к полу вариант ({act}) охватывает {covered} чел.; добавляются {persons}: мужчин {men}, женщин {women}.',
    en: 'The sex-neutral variant ({act}) covers {covered} persons; it adds {persons}: {men} men, {women} women.',
  },
  addedBy: { kk: 'Қосылатындар', ru: 'Добавляемые', en: 'Added' },
  removedLine: { kk: 'Бейтарап нұсқа қамтымайтындар: {persons} (ерлер {men}, әйелдер {women}).', ru: 'Нейтральный вариант перестаёт охватывать: {persons} (мужчин {men}, женщин {women}).', en: 'No longer covered by the neutral variant: {persons} ({men} men, {women} women).' },
  changedLine: { kk: 'Шарасы өзгеретіндер: {persons} (ерлер {men}, әйелдер {women}): {detail}.', ru: 'Мера меняется: {persons} (мужчин {men}, женщин {women}): {detail}.', en: 'Measure changes: {persons} ({men} men, {women} women): {detail}.' },
  relRate: { kk: 'босат. %', ru: 'освоб. %', en: 'released %' },
  gapReleased: { kk: 'Босату айырмасы', ru: 'Разница освоб.', en: 'Release gap' },
  gravity: { kk: 'Ауырлығы', ru: 'Тяжесть', en: 'Gravity' },
  women: { kk: 'Әйелдер', ru: 'Женщины', en: 'Women' },
  men: { kk: 'Ерлер', ru: 'Мужчины', en: 'Men' },
  gap: { kk: 'Айырма, п.т.', ru: 'Разница, п. п.', en: 'Gap, points' },
  verdict: { kk: 'Қорытынды', ru: 'Вывод', en: 'Verdict' },
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
  risk: { kk: 'Қайталап қылмыс жасау қаупі', ru: 'Риск повторных преступлений', en: 'Risk of repeat offending' },
  riskLine: {
    kk: 'Босатылатындар ({released} адам) ішінде {years} жыл ішінде қайта сотталатындар күтілуде: {expected} ({share} %), {interval} % аралық {low}–{high} (модельдеу саны {runs}).',
    ru: 'Из освобождаемых ({released} чел.) в течение {years} г. ожидается повторно осуждённых: {expected} ({share} %), {interval}-процентный интервал {low}–{high} (прогонов: {runs}).',
    en: 'Of the {released} released, expected to be convicted again within {years} year(s): {expected} ({share} %), {interval} % interval {low}–{high} ({runs} runs).',
  },
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
  comparison: { kk: 'Актілерді салыстыру', ru: 'Сравнение актов', en: 'Comparison of acts' },
  figure: { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Figure' },
  transition: { kk: 'Шаралардың ауысуы: {from} (жолдар) → {to} (бағандар); нәтижесі өзгеретіндер {changed}', ru: 'Переходы мер: {from} (строки) → {to} (столбцы); исход меняется у {changed} чел.', en: 'Transitions of measures: {from} (rows) → {to} (columns); outcome changes for {changed} persons' },
  changes: { kk: 'Алғашқы өзгерістер ({n})', ru: 'Первые изменения ({n})', en: 'First changes ({n})' },
  person: { kk: 'Адам', ru: 'Лицо', en: 'Person' },
  computed: { kk: 'Есептеу уақыты: {ms} мс', ru: 'Время расчёта: {ms} мс', en: 'Computed in {ms} ms' },
} satisfies Record<string, Text>;

const CMP_ROWS: { key: keyof Comparison['acts'][number]; label: Text; money?: boolean }[] = [
  { key: 'covered', label: { kk: 'Қамтылған', ru: 'Охвачено', en: 'Covered' } },
  { key: 'released', label: { kk: 'Босатылады', ru: 'Освобождаются', en: 'Released' } },
  { key: 'reduced', label: { kk: 'Мерзімі қысқарады', ru: 'Сокращение срока', en: 'Term reduced' } },
  { key: 'replaced', label: { kk: 'Жеңілірек жаза', ru: 'Замена более мягким', en: 'Milder punishment' } },
  { key: 'excluded', label: { kk: 'Алып тасталған', ru: 'Исключены', en: 'Excluded' } },
  { key: 'needs_review', label: { kk: 'Қолмен тексеру', ru: 'Ручная проверка', en: 'Needs review' } },
  { key: 'women_covered', label: { kk: 'Қамтылған әйелдер', ru: 'Охвачено женщин', en: 'Women covered' } },
  { key: 'men_covered', label: { kk: 'Қамтылған ерлер', ru: 'Охвачено мужчин', en: 'Men covered' } },
  { key: 'days_remitted', label: { kk: 'Кешірілген күндер', ru: 'Освобождено дней', en: 'Days remitted' } },
  { key: 'released_with_unpaid_claims', label: { kk: 'Босатылатын, талабы өтелмеген', ru: 'Освобождаемые с непогашенным иском', en: 'Released owing a civil claim' } },
  { key: 'reoffending_1y', label: { kk: '1 жылда қайта сотталу (күтілетін)', ru: 'Повторно осуждены за 1 год (ожид.)', en: 'Convicted again within a year (expected)' } },
  { key: 'beds_freed_month_12', label: { kk: '12-ші айда босаған орындар', ru: 'Высвобождено мест к 12-му месяцу', en: 'Beds freed at month 12' } },
];

interface Ctx {
  lang: Lang;
  format: TableFormat;
  /** The report's unverified inputs, numbered in its order (`unverified_inputs`). */
  doubts?: { number: Map<string, number>; label: Map<string, Text> };
}

/** "[1], [4]" for keys of the report's unverified inputs. */
function doubtRefs(keys: readonly string[], ctx: Ctx): string {
  return keys
    .map((k) => ctx.doubts?.number.get(k) ?? 0)
    .sort((a, b) => a - b)
    .map((k) => `[${k || '?'}]`)
    .join(', ');
}

function sectionDoubts(keys: readonly string[], ctx: Ctx): string {
  return keys.length === 0 ? t(H.restsVerified, ctx) : t(H.restsOn, ctx, { list: doubtRefs(keys, ctx) });
}

const n = (v: number, ctx: Ctx, digits = 0) => formatNumber(v, ctx.lang, digits);
const mln = (v: number, ctx: Ctx) => formatNumber(v / 1e6, ctx.lang, 1);
const pct = (v: number | null, ctx: Ctx) => (v === null ? '—' : formatNumber(v * 100, ctx.lang, 1));
const t = (x: Text, ctx: Ctx, params: Record<string, string | number> = {}) => render(x, ctx.lang, params);

function heading(text: string, level: number, ctx: Ctx): string {
  if (ctx.format === 'md') return `${'#'.repeat(level)} ${text}`;
  return level <= 2 ? `${text}\n${'═'.repeat(Math.min(100, text.length))}` : `${text}\n${'─'.repeat(Math.min(100, text.length))}`;
}

/** A table under its caption: a line above it in text, a bold paragraph and a blank line in Markdown. */
function captioned(caption: string, body: string, ctx: Ctx): string {
  return ctx.format === 'md' ? `**${caption}**\n\n${body}` : `${caption}\n${body}`;
}

function coverageTable(rows: CoverageRow[], ctx: Ctx, limit = rows.length): string {
  const headers = [t(H.group, ctx), t(H.persons, ctx), t(H.covered, ctx), t(H.rate, ctx), t(H.released, ctx), t(H.reduced, ctx), t(H.replaced, ctx), t(H.excluded, ctx), t(H.review, ctx), t(H.days, ctx)];
  const body = rows.slice(0, limit).map((r) => [
    r.label ? r.label[ctx.lang] : r.key,
    n(r.persons, ctx),
    n(r.covered, ctx),
    pct(r.persons > 0 ? r.covered / r.persons : null, ctx),
    n(r.released, ctx),
    n(r.reduced, ctx),
    n(r.replaced, ctx),
    n(r.excluded, ctx),
    n(r.needs_review, ctx),
    n(r.days_remitted, ctx),
  ]);
  return table(headers, body, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], ctx.format);
}

function variantLabel(v: MoneyVariant, ctx: Ctx): string {
  const mark = (p: MoneyVariant['inmate_cost']) => {
    const notes = [...(p.assumption ? [t(H.assumption, ctx)] : []), ...(p.extrapolated ? [t(H.extrapolated, ctx, { from: p.from })] : [])];
    return notes.length > 0 ? ` (${notes.join(', ')})` : '';
  };
  return `${n(v.inmate_cost.value, ctx)}${mark(v.inmate_cost)} / ${n(v.probation_cost.value, ctx)}${mark(v.probation_cost)}`;
}

function countsLine(counts: Record<string, number>, labelOf: (k: string) => string, ctx: Ctx): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${labelOf(k)} ${n(v, ctx)}`)
    .join('; ');
}

const gravityLabel = (g: string, ctx: Ctx) => (g in GRAVITY_LABELS ? GRAVITY_LABELS[g as Gravity][ctx.lang] : g);
const kindLabel = (k: string, ctx: Ctx) => KIND_LABELS[k]?.[ctx.lang] ?? k;
const custodyLabel = (k: string, ctx: Ctx) => (k === 'institution' || k === 'probation' ? CUSTODY_LABELS[k][ctx.lang] : k);

export function renderActImpact(a: ActImpact, ctx: Ctx, opts: { facilities: number } = { facilities: 10 }): string {
  const out: string[] = [];
  const push = (...s: string[]) => out.push(...s, '');
  push(heading(t(H.title, ctx, { act: a.act.title[ctx.lang] }), 2, ctx));
  push(t(H.act, ctx, { id: a.act.id, status: ACT_STATUS_LABELS[a.act.status as keyof typeof ACT_STATUS_LABELS]?.[ctx.lang] ?? a.act.status, from: a.act.entry_into_force, to: a.act.execution_end, hash: a.act.hash.slice(0, 12) }));
  if (a.act.as_of !== a.act.entry_into_force) push(t(H.asOf, ctx, { from: a.act.as_of, to: a.act.as_of_execution_end }));
  // every unverified input a figure of this act rests on, numbered as in the report
  const actKeys = [...new Set(Object.values(a.unverified).flat())].sort((x, y) => (ctx.doubts?.number.get(x) ?? 0) - (ctx.doubts?.number.get(y) ?? 0));
  if (actKeys.length === 0) push(t(H.noUnverified, ctx));
  else push(`${t(H.unverifiedList, ctx)}:`, ...actKeys.map((k) => `[${ctx.doubts?.number.get(k) ?? '?'}] ${ctx.doubts?.label.get(k)?.[ctx.lang] ?? k}`));

  // Outcomes
  push(heading(t(H.outcomes, ctx), 3, ctx));
  const s = a.outcomes.by_status;
  push(t(H.outcomesLine, ctx, { persons: n(a.outcomes.persons, ctx), eligible: n(s['eligible'] ?? 0, ctx), excluded: n(s['excluded'] ?? 0, ctx), review: n(s['needs_review'] ?? 0, ctx), none: n(s['not_covered'] ?? 0, ctx), days: n(a.outcomes.days_remitted, ctx) }));
  push(sectionDoubts(a.unverified.outcomes, ctx));
  push(
    table(
      [t(H.clause, ctx), t(H.measure, ctx), t(H.persons, ctx), t(H.days, ctx), t(H.unverifiedCol, ctx)],
      a.outcomes.by_clause.map((c) => [c.label ? c.label[ctx.lang] : citeRef(c.ref)[ctx.lang], MEASURE_LABELS[c.measure as MeasureCode]?.[ctx.lang] ?? c.measure, n(c.persons, ctx), n(c.days_remitted, ctx), doubtRefs(c.unverified, ctx)]),
      ['l', 'l', 'r', 'r', 'l'],
      ctx.format,
    ),
  );
  const excl = a.outcomes.by_exclusion.filter((x) => x.persons > 0);
  if (excl.length > 0)
    push(table([t(H.exclusion, ctx), t(H.persons, ctx), t(H.unverifiedCol, ctx)], excl.map((x) => [`${citeRef(x.ref)[ctx.lang]}: ${x.text[ctx.lang]}`, n(x.persons, ctx), doubtRefs(x.unverified, ctx)]), ['l', 'r', 'l'], ctx.format));

  // Coverage
  push(heading(t(H.coverage, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.coverage, ctx));
  push(captioned(t(H.byCustody, ctx), coverageTable(a.coverage.custody, ctx), ctx));
  push(captioned(t(H.bySex, ctx), coverageTable(a.coverage.sex, ctx), ctx));
  push(captioned(t(H.byGravity, ctx), coverageTable(a.coverage.gravity, ctx), ctx));
  push(captioned(t(H.byCategory, ctx), coverageTable(a.coverage.social_category, ctx), ctx));
  push(captioned(t(H.byRegion, ctx), coverageTable(a.coverage.region, ctx), ctx));
  push(captioned(t(H.byFacility, ctx, { n: Math.min(opts.facilities, a.coverage.facility.length) }), coverageTable(a.coverage.facility, ctx, opts.facilities), ctx));
  const occ = [...a.coverage.occupancy].filter((r) => r.leaving + r.leaving_earlier_within_year > 0).sort((x, y) => y.leaving - x.leaving || y.leaving_earlier_within_year - x.leaving_earlier_within_year).slice(0, opts.facilities);
  if (occ.length > 0)
    push(
      captioned(
        t(H.occupancy, ctx, { n: occ.length }),
        table(
        [t(H.facility, ctx), t(H.capacity, ctx), t(H.held, ctx), t(H.leaving, ctx), t(H.earlier, ctx), `${t(H.before, ctx)}, %`, `${t(H.after, ctx)}, %`],
        occ.map((r) => [r.label ? r.label[ctx.lang] : r.facility, r.capacity === null ? '—' : n(r.capacity, ctx), n(r.held, ctx), n(r.leaving, ctx), n(r.leaving_earlier_within_year, ctx), pct(r.occupancy_before, ctx), pct(r.occupancy_after, ctx)]),
          ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
          ctx.format,
        ),
        ctx,
      ),
    );

  // Money
  const m = a.money;
  push(heading(t(H.money, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.money, ctx));
  push(t(H.moneyDays, ctx, { ri: n(m.days.released_institution, ctx), rp: n(m.days.released_probation, ctx), di: n(m.days.reduced_institution, ctx), dp: n(m.days.reduced_probation, ctx), xi: n(m.days.replaced_institution, ctx), u: n(m.days.unknown_persons, ctx) }));
  push(
    table(
      [t(H.variant, ctx), t(H.firstMonth, ctx), t(H.firstYear, ctx), t(H.ofWhich, ctx), t(H.horizon, ctx, { end: m.horizon_end ?? '—' }), t(H.unverifiedCol, ctx)],
      m.variants.map((v) => [variantLabel(v, ctx), n(v.total.first_month_per_day, ctx), mln(v.total.first_year, ctx), `${mln(v.institution.first_year, ctx)} / ${mln(v.probation.first_year, ctx)}`, mln(v.total.horizon, ctx), doubtRefs(v.unverified, ctx)]),
      ['l', 'r', 'r', 'r', 'r', 'l'],
      ctx.format,
    ),
  );
  const lm = m.letter_method;
  push(t(H.letterMethod, ctx, { released: n(lm.released, ctx), cost: n(lm.cost_per_day.value, ctx), perDay: n(lm.per_day, ctx), perYear: n(lm.per_year, ctx), ri: n(lm.released_institution, ctx), rp: n(lm.released_probation, ctx) }));
  push(m.difference[ctx.lang]);

  // Equality
  const e = a.equality;
  push(heading(t(H.equality, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.equality, ctx));
  const cf = e.counterfactual;
  const categoryLabels = new Map(a.coverage.social_category.map((r) => [r.key, r.label]));
  const groupLabel = (g: string) => categoryLabels.get(g)?.[ctx.lang] ?? GROUP_LABELS[g]?.[ctx.lang] ?? g;
  push(t(H.added, ctx, { act: cf.act_id, covered: n(cf.covered, ctx), persons: n(cf.added.persons, ctx), men: n(cf.added.men, ctx), women: n(cf.added.women, ctx) }));
  if (cf.added.persons > 0)
    push(
      `${t(H.addedBy, ctx)}: ${countsLine(cf.added.by_gravity, (k) => gravityLabel(k, ctx), ctx)}`,
      `${t(H.addedBy, ctx)}: ${countsLine(cf.added.by_custody, (k) => custodyLabel(k, ctx), ctx)}`,
      `${t(H.addedBy, ctx)}: ${countsLine(cf.added.by_measure, (k) => kindLabel(k, ctx), ctx)}`,
      `${t(H.addedBy, ctx)}: ${countsLine(cf.added.by_clause, (k) => citeRef(k)[ctx.lang], ctx)}`,
      `${t(H.addedBy, ctx)}: ${countsLine(cf.added.by_social_category, groupLabel, ctx)}`,
    );
  if (cf.removed.persons > 0) push(t(H.removedLine, ctx, { persons: n(cf.removed.persons, ctx), men: n(cf.removed.men, ctx), women: n(cf.removed.women, ctx) }));
  if (cf.measure_changed.persons > 0)
    push(
      t(H.changedLine, ctx, {
        persons: n(cf.measure_changed.persons, ctx),
        men: n(cf.measure_changed.men, ctx),
        women: n(cf.measure_changed.women, ctx),
        detail: countsLine(cf.measure_changed.by_transition, (k) => k.split('→').map((x) => kindLabel(x, ctx)).join(' → '), ctx),
      }),
    );
  // Rows with an empty side compare nothing; the JSON keeps them.
  const rows = e.disparity.filter((r) => r.women.persons > 0 && r.men.persons > 0);
  push(
    table(
      [t(H.gravity, ctx), t(H.group, ctx), t(H.women, ctx), '%', t(H.relRate, ctx), t(H.men, ctx), '%', t(H.relRate, ctx), t(H.gap, ctx), t(H.gapReleased, ctx)],
      rows.map((r) => [
        gravityLabel(r.gravity, ctx),
        groupLabel(r.group),
        `${n(r.women.covered, ctx)} / ${n(r.women.persons, ctx)}`,
        pct(r.women.rate, ctx),
        pct(r.women.released_rate, ctx),
        `${n(r.men.covered, ctx)} / ${n(r.men.persons, ctx)}`,
        pct(r.men.rate, ctx),
        pct(r.men.released_rate, ctx),
        r.difference_points === null ? '—' : n(r.difference_points, ctx, 1),
        r.released_difference_points === null ? '—' : n(r.released_difference_points, ctx, 1),
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ctx.format,
    ),
  );
  push(`${t(H.verdict, ctx)}: ${e.verdict[ctx.lang]}`);

  // Victims
  const v = a.victims;
  push(heading(t(H.victims, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.victims, ctx));
  push(t(H.victimsLine, ctx, { persons: n(v.covered_with_unpaid_claims, ctx), amount: n(v.unpaid_total, ctx), unknown: n(v.covered_claim_unknown, ctx) }));
  if (v.covered_with_unpaid_claims > 0) {
    push(table([t(H.measure, ctx), t(H.persons, ctx), t(H.unpaid, ctx)], Object.entries(v.by_measure).map(([k, x]) => [kindLabel(k, ctx), n(x.persons, ctx), n(x.unpaid, ctx)]), ['l', 'r', 'r'], ctx.format));
    push(table([t(H.custody, ctx), t(H.persons, ctx), t(H.unpaid, ctx)], Object.entries(v.by_custody).map(([k, x]) => [custodyLabel(k, ctx), n(x.persons, ctx), n(x.unpaid, ctx)]), ['l', 'r', 'r'], ctx.format));
  }
  const w = v.with_condition;
  push(
    t(H.condition, ctx, {
      label: w.label[ctx.lang],
      ref: w.ref[ctx.lang],
      applies: w.applies_to.map((k) => kindLabel(k, ctx)).join(', '),
      rb: n(w.released_before, ctx),
      ra: n(w.released_after, ctx),
      ub: n(w.released_with_unpaid_claims_before, ctx),
      ua: n(w.released_with_unpaid_claims_after, ctx),
      leave: n(w.leave_clause, ctx),
      amount: n(w.leave_clause_unpaid, ctx),
      now: countsLine(w.leave_clause_now, (k) => kindLabel(k, ctx), ctx) || '—',
    }),
  );

  // Risk
  const r = a.risk;
  push(heading(t(H.risk, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.risk, ctx));
  for (const h of r.horizons)
    out.push(t(H.riskLine, ctx, { released: n(r.released, ctx), years: h.years, expected: n(h.expected, ctx, 1), share: pct(h.rate, ctx), interval: Math.round(r.interval * 100), low: n(h.low, ctx), high: n(h.high, ctx), runs: n(r.runs, ctx) }));
  push('', r.note[ctx.lang]);

  // Projection
  const p = a.projection;
  push(heading(t(H.projection, ctx, { months: p.months.length }), 3, ctx));
  push(sectionDoubts(a.unverified.projection, ctx));
  push(
    t(H.projectionLine, ctx, {
      from: p.applications.from,
      to: p.applications.to,
      slots: p.applications.slots,
      grant: n(p.grant_rate.value, ctx, 2),
      grantSource: p.grant_rate.assumption ? t(H.assumption, ctx) : p.grant_rate.source,
      ai: n(p.admissions_per_month.institution, ctx),
      ap: n(p.admissions_per_month.probation, ctx),
      basis: t(p.admissions_per_month.basis === 'steady_state' ? H.steady : H.given, ctx),
      unknown: n(p.unknown_end_persons, ctx),
    }),
  );
  push(
    table(
      [t(H.month, ctx), t(H.end, ctx), t(H.instBase, ctx), t(H.instAct, ctx), t(H.freed, ctx), t(H.probBase, ctx), t(H.probAct, ctx), ...a.money.variants.map((x) => t(H.savedAt, ctx, { cost: n(x.inmate_cost.value, ctx) }))],
      p.months.map((x) => [String(x.month), x.end, n(x.baseline.institution, ctx), n(x.act.institution, ctx), n(x.beds_freed, ctx), n(x.baseline.probation, ctx), n(x.act.probation, ctx), ...x.saved.map((y) => mln(y, ctx))]),
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', ...a.money.variants.map((): Align => 'r')],
      ctx.format,
    ),
  );
  return out.join('\n');
}

export function renderComparison(report: ImpactReport, ctx: Ctx, changes = 10): string {
  const c = report.comparison;
  if (!c) return '';
  const out: string[] = [];
  const push = (...s: string[]) => out.push(...s, '');
  push(heading(t(H.comparison, ctx), 2, ctx));
  const variants = report.acts[0]!.money.variants;
  const rows = CMP_ROWS.map((row) => [row.label[ctx.lang], ...c.acts.map((a) => {
    const v = a[row.key] as number | null;
    return v === null ? '—' : n(v, ctx);
  })]);
  variants.forEach((v, k) => rows.push([`${t(H.firstYear, ctx)} (${n(v.inmate_cost.value, ctx)} ₸)`, ...c.acts.map((a) => mln(a.saved_first_year[k]!, ctx))]));
  push(table([t(H.figure, ctx), ...c.acts.map((a) => a.id)], rows, ['l', ...c.acts.map((): Align => 'r')], ctx.format));
  for (const tr of c.transitions) {
    const caption = t(H.transition, ctx, { from: tr.from, to: tr.to, changed: n(tr.changed, ctx) });
    // Kinds no person has under either act are left out of the printed matrix (the JSON keeps them).
    const shown = tr.kinds.map((_, i) => i).filter((i) => tr.matrix[i]!.some((x) => x > 0) || tr.matrix.some((row) => row[i]! > 0));
    push(captioned(caption, table(['', ...shown.map((i) => kindLabel(tr.kinds[i]!, ctx))], shown.map((i) => [kindLabel(tr.kinds[i]!, ctx), ...shown.map((j) => n(tr.matrix[i]![j]!, ctx))]), ['l', ...shown.map((): Align => 'r')], ctx.format), ctx));
    const list = tr.changes.slice(0, changes);
    if (list.length > 0) {
      const side = (x: (typeof list)[number]['from']) =>
        x.measure
          ? `${x.clause ? citeRef(x.clause)[ctx.lang] : ''} ${MEASURE_LABELS[x.measure as MeasureCode]?.[ctx.lang] ?? x.measure}${x.days_remitted !== null ? ` (${n(x.days_remitted, ctx)})` : ''}`
          : `${KIND_LABELS[x.status]?.[ctx.lang] ?? x.status}${x.excluded_by ? ` (${citeRef(x.excluded_by)[ctx.lang]})` : ''}`;
      push(captioned(t(H.changes, ctx, { n: list.length }), table([t(H.person, ctx), tr.from, tr.to], list.map((x) => [x.person_id, side(x.from), side(x.to)]), ['l', 'l', 'l'], ctx.format), ctx));
    }
  }
  return out.join('\n');
}

export function renderImpact(report: ImpactReport, lang: Lang, format: TableFormat): string {
  const ctx: Ctx = {
    lang,
    format,
    doubts: { number: new Map(report.unverified_inputs.map((d, i) => [d.key, i + 1])), label: new Map(report.unverified_inputs.map((d) => [d.key, d.label])) },
  };
  const parts = [t(H.registry, ctx, { source: report.registry.source, persons: n(report.registry.persons, ctx) }), ''];
  for (const a of report.acts) parts.push(renderActImpact(a, ctx));
  if (report.comparison) parts.push(renderComparison(report, ctx));
  parts.push(t(H.computed, ctx, { ms: n(report.compute_ms, ctx) }));
  return parts.join('\n');
}
