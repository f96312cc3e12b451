/** The impact report's user-facing texts in kk, ru and en. */
import { GRAVITY_LABELS, type Gravity } from '../domain/enums.ts';
import { formatNumber, joinTexts, renderAll, type Lang, type Text } from '../i18n/text.ts';
import { citeRef } from '../i18n/refs.ts';
import type { DisparityRow } from './report.ts';

export const UNKNOWN_LABEL: Text = { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' };

export const GROUP_LABELS: Record<string, Text> = {
  any_category: { kk: 'әлеуметтік санаты бар', ru: 'есть социальная категория', en: 'in a social category' },
  no_category: { kk: 'санатсыз', ru: 'без категории', en: 'no social category' },
};

export const KIND_LABELS: Record<string, Text> = {
  none: { kk: 'қамтылмаған', ru: 'не охвачен', en: 'not covered' },
  release: { kk: 'босату', ru: 'освобождение', en: 'release' },
  reduce: { kk: 'қысқарту', ru: 'сокращение', en: 'reduction' },
  replace: { kk: 'жеңілірек жаза', ru: 'замена более мягким', en: 'milder punishment' },
  other: { kk: 'қосымша жазадан босату', ru: 'освобождение от доп. наказания', en: 'additional punishment released' },
  not_covered: { kk: 'қамтылмаған', ru: 'не охвачен', en: 'not covered' },
  excluded: { kk: 'алып тасталған', ru: 'исключён', en: 'excluded' },
  needs_review: { kk: 'қолмен тексеру', ru: 'ручная проверка', en: 'needs review' },
  eligible: { kk: 'қамтылған', ru: 'охвачен', en: 'covered' },
};


const DIFFERENCE: Text = {
  kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), алайда олардың ішінде {probation} адам пробациялық бақылауда, онда бір күн шамамен {probationCost} ₸ тұрады, ал босатылатындарға жазасын өтеуге орта есеппен небәрі {meanDays} күн қалған еді: мекемедегі күннің сол құнымен олардың босатылуы бірінші жылы {ourYear} ₸ үнемдейді.',
  ru: 'Письмо оценивает каждого из освобождаемых ({released} чел.) в {letterCost} ₸ в день на целый год ({letterYear} ₸), но из них под пробационным контролем, где день стоит около {probationCost} ₸, состоят {probation} чел., а освобождаемым оставалось отбывать в среднем лишь {meanDays} дн.: при той же стоимости дня в учреждении их освобождение экономит {ourYear} ₸ за первый год.',
  en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but {probation} of them are on probation, where a day costs about {probationCost} ₸, and the released had on average only {meanDays} days left to serve: at the same daily cost of an inmate, their release saves {ourYear} ₸ in its first year.',
};
/** The same when none of the released is on probation. */
const DIFFERENCE_INSTITUTION: Text = {
  kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), ал босатылатындарға жазасын өтеуге орта есеппен небәрі {meanDays} күн қалған еді: мекемедегі күннің сол құнымен олардың босатылуы бірінші жылы {ourYear} ₸ үнемдейді.',
  ru: 'Письмо оценивает каждого из освобождаемых ({released} чел.) в {letterCost} ₸ в день на целый год ({letterYear} ₸), а освобождаемым оставалось отбывать в среднем лишь {meanDays} дн.: при той же стоимости дня в учреждении их освобождение экономит {ourYear} ₸ за первый год.',
  en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but the released had on average only {meanDays} days left to serve: at the same daily cost of an inmate, their release saves {ourYear} ₸ in its first year.',
};
const NOBODY_RELEASED: Text = {
  kk: 'Акт ешкімді босатпайды: хаттың әдісі бойынша үнемдеу нөлге тең; үнемдеу тек мерзімді қысқартудан және жазаны ауыстырудан туады.',
  ru: 'Акт никого не освобождает: по методу письма экономия равна нулю; экономию дают только сокращения сроков и замены наказания.',
  en: 'The act releases nobody: the letter’s method gives no saving; what it saves comes from reductions and replacements alone.',
};
const DAYS_UNKNOWN: Text = {
  kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), бірақ олардың жазасының аяқталу күні белгісіз: қанша күн үнемделетінін есептеу мүмкін емес.',
  ru: 'Письмо оценивает каждого из освобождаемых ({released} чел.) в {letterCost} ₸ в день на целый год ({letterYear} ₸), но дата окончания их срока неизвестна: сколько дней будет сэкономлено, рассчитать нельзя.',
  en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but the end of their terms is unknown: the days saved cannot be computed.',
};

export function moneyDifference(p: { released: number; probation: number; letterCost: number; probationCost: number; letterYear: number; meanDaysLeft: number | null; ourYear: number }): Text {
  if (p.released === 0) return NOBODY_RELEASED;
  const template = p.meanDaysLeft === null ? DAYS_UNKNOWN : p.probation > 0 ? DIFFERENCE : DIFFERENCE_INSTITUTION;
  return renderAll(template, (lang) => ({
    released: formatNumber(p.released, lang),
    letterCost: formatNumber(p.letterCost, lang),
    letterYear: formatNumber(Math.round(p.letterYear), lang),
    probation: formatNumber(p.probation, lang),
    probationCost: formatNumber(p.probationCost, lang),
    meanDays: formatNumber(Math.round(p.meanDaysLeft ?? 0), lang),
    ourYear: formatNumber(Math.round(p.ourYear), lang),
  }));
}

const V = {
  clauses: { kk: 'Жынысқа байланысты баптар: {refs}.', ru: 'От пола зависят статьи: {refs}.', en: 'Clauses that depend on sex: {refs}.' },
  exclusions: { kk: 'Жынысқа байланысты алып тастаулар: {refs}.', ru: 'От пола зависят исключения: {refs}.', en: 'Exclusions that depend on sex: {refs}.' },
  independent: { kk: 'Актінің бірде-бір шарты жынысқа байланысты емес.', ru: 'Ни одно условие акта не зависит от пола.', en: 'No condition of the act depends on sex.' },
  added: {
    kk: 'Сол шарттар барлығына қолданылса, тағы {added} адамды қамтыр еді (ерлер {men}, әйелдер {women}).',
    ru: 'Те же условия, применённые ко всем, охватили бы ещё {added} чел. (мужчин {men}, женщин {women}).',
    en: 'Applied to everyone, the same conditions would also cover {added} persons ({men} men, {women} women).',
  },
  removed: {
    kk: 'Олар {n} адамды қамтымай қалар еді (ерлер {men}, әйелдер {women}).',
    ru: 'Они перестали бы охватывать {n} чел. (мужчин {men}, женщин {women}).',
    en: 'They would no longer cover {n} persons ({men} men, {women} women).',
  },
  changed: {
    kk: 'Қамтылғандардың {n} адамына (ерлер {men}, әйелдер {women}) басқа шара қолданылар еді: {detail}.',
    ru: 'К {n} уже охваченным (мужчин {men}, женщин {women}) применялась бы другая мера: {detail}.',
    en: 'For {n} persons already covered ({men} men, {women} women) another measure would apply: {detail}.',
  },
  gap: {
    kk: 'Бір ауырлық пен әлеуметтік топ ішінде ең үлкен алшақтық — {what} бойынша {points} пайыздық тармақ ({gravity}, {group}: әйелдер {rw} %, ерлер {rm} %).',
    ru: 'В пределах одной тяжести и социальной группы наибольший разрыв в {what} — {points} п. п. ({gravity}, {group}: женщины {rw} %, мужчины {rm} %).',
    en: 'Within the same gravity and social group, the largest gap in {what} is {points} percentage points ({gravity}, {group}: women {rw} %, men {rm} %).',
  },
  review: {
    kk: 'Тексеруші мұнда әйелдер мен ерлерге әртүрлі қараудың Конституцияның 14-бабы бойынша негізді екенін бағалауы керек, әйтпесе шарттарды барлығына қолдану қажет.',
    ru: 'Проверяющему следует оценить, оправдано ли различие в положении женщин и мужчин с точки зрения ст. 14 Конституции, либо распространить условия на всех.',
    en: 'A reviewer should check whether treating women and men differently is justified under Art. 14 of the Constitution, or else extend the conditions to everyone.',
  },
  fine: {
    kk: 'Теңдік тұрғысынан арнайы тексеруді қажет ететін ештеңе табылмады.',
    ru: 'Ничего, что требовало бы особой проверки на равенство, не найдено.',
    en: 'Nothing was found that calls for a special equality review.',
  },
} satisfies Record<string, Text>;

const GAP_ON: Record<'covered' | 'released', Text> = {
  covered: { kk: 'қамту', ru: 'охвате', en: 'coverage' },
  released: { kk: 'босату', ru: 'освобождении', en: 'release' },
};

interface SexCount {
  persons: number;
  women: number;
  men: number;
}

const cite = (refs: string[]): Text => ({ kk: refs.map((r) => citeRef(r).kk).join(', '), ru: refs.map((r) => citeRef(r).ru).join(', '), en: refs.join(', ') });
const counts = (lang: Lang, g: SexCount) => ({ n: formatNumber(g.persons, lang), added: formatNumber(g.persons, lang), men: formatNumber(g.men, lang), women: formatNumber(g.women, lang) });

export function verdict(p: { groupLabel: (group: string) => Text; clauses: string[]; exclusions: string[]; added: SexCount; removed: SexCount; changed: SexCount & { by_transition: Record<string, number> }; largest: { row: DisparityRow; on: 'covered' | 'released'; points: number } | null;
  /** A gap of at least this many percentage points is worth a reviewer's look (impact.equality.gap_worth_review). */
  gapWorthReview: number;
}): Text {
  const parts: Text[] = [];
  if (p.clauses.length > 0) parts.push(renderAll(V.clauses, (lang) => ({ refs: cite(p.clauses)[lang] })));
  if (p.exclusions.length > 0) parts.push(renderAll(V.exclusions, (lang) => ({ refs: cite(p.exclusions)[lang] })));
  if (p.clauses.length === 0 && p.exclusions.length === 0) parts.push(V.independent);
  if (p.added.persons > 0) parts.push(renderAll(V.added, (lang) => counts(lang, p.added)));
  if (p.removed.persons > 0) parts.push(renderAll(V.removed, (lang) => counts(lang, p.removed)));
  if (p.changed.persons > 0)
    parts.push(
      renderAll(V.changed, (lang) => ({
        ...counts(lang, p.changed),
        detail: Object.entries(p.changed.by_transition)
          .sort((a, b) => b[1] - a[1])
          .map(([t, n]) => `${t.split('→').map((k) => KIND_LABELS[k]?.[lang] ?? k).join(' → ')} ${formatNumber(n, lang)}`)
          .join('; '),
      })),
    );
  const g = p.largest;
  if (g && g.points !== 0) {
    const side = (x: DisparityRow['women']) => (g.on === 'covered' ? x.rate : x.released_rate) ?? 0;
    parts.push(
      renderAll(V.gap, (lang) => ({
        what: GAP_ON[g.on][lang],
        points: formatNumber(Math.abs(g.points), lang, 1),
        gravity: GRAVITY_LABELS[g.row.gravity as Gravity][lang],
        group: p.groupLabel(g.row.group)[lang],
        rw: formatNumber(side(g.row.women) * 100, lang, 1),
        rm: formatNumber(side(g.row.men) * 100, lang, 1),
      })),
    );
  }
  const worth = p.clauses.length > 0 || p.exclusions.length > 0 || (g !== null && Math.abs(g.points) >= p.gapWorthReview);
  parts.push(worth ? V.review : V.fine);
  return joinTexts(parts);
}

export const RISK_NOTE: Text = {
  kk: 'Жиынтық бағалау, нақты адам туралы болжам емес. Базалық көрсеткіштер law/reoffending.yaml файлында, олардың көзі немесе болжам екені көрсетілген.',
  ru: 'Совокупная оценка, а не прогноз о конкретном человеке. Базовые показатели — в law/reoffending.yaml, с источником или пометкой «допущение».',
  en: 'An aggregate estimate, never a prediction about a person. The base rates are in law/reoffending.yaml, each with its source or marked as an assumption.',
};
