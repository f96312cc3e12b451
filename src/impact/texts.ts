/** The impact report's user-facing texts in kk, ru and en. */
import { GRAVITY_LABELS, type Gravity } from '../domain/enums.ts';
import { formatNumber, render, type Lang, type Text } from '../i18n/text.ts';
import type { DisparityRow } from './report.ts';

export const UNKNOWN_LABEL: Text = { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' };

export const GROUP_LABELS: Record<'any_category' | 'no_category', Text> = {
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

const fill = (t: Text, params: Record<string, string | number>): Text => ({
  kk: render(t, 'kk', params),
  ru: render(t, 'ru', params),
  en: render(t, 'en', params),
});

/** Numbers inside a sentence, written per language. */
const filledPerLang = (t: Text, params: (lang: Lang) => Record<string, string | number>): Text => ({
  kk: render(t, 'kk', params('kk')),
  ru: render(t, 'ru', params('ru')),
  en: render(t, 'en', params('en')),
});

const DIFFERENCE: Text = {
  kk: 'Хат босатылатын {released} адамның әрқайсысын тұтас жыл бойы күніне {letterCost} ₸-ден бағалайды ({letterYear} ₸), алайда олардың {probation}-і пробациялық бақылауда, онда бір күн шамамен {probationCost} ₸ тұрады, ал босатылатындарға жазасын өтеуге орта есеппен небәрі {meanDays} күн қалған еді: мекемедегі күннің сол құнымен олардың босатылуы бірінші жылы {ourYear} ₸ үнемдейді.',
  ru: 'Письмо оценивает каждого из {released} освобождаемых в {letterCost} ₸ в день на целый год ({letterYear} ₸), но {probation} из них состоят на пробационном контроле, где день стоит около {probationCost} ₸, а освобождаемым оставалось отбывать в среднем лишь {meanDays} дн.: при той же стоимости дня в учреждении их освобождение экономит {ourYear} ₸ за первый год.',
  en: 'The letter prices each of the {released} released at {letterCost} ₸ a day for a whole year ({letterYear} ₸), but {probation} of them are on probation, where a day costs about {probationCost} ₸, and the released had on average only {meanDays} days left to serve: at the same daily cost of an inmate, their release saves {ourYear} ₸ in its first year.',
};
const NOBODY_RELEASED: Text = {
  kk: 'Акт ешкімді босатпайды: хаттың әдісі бойынша үнемдеу нөлге тең; үнемдеу тек мерзімді қысқартудан және жазаны ауыстырудан туады.',
  ru: 'Акт никого не освобождает: по методу письма экономия равна нулю; экономию дают только сокращения сроков и замены наказания.',
  en: 'The act releases nobody: the letter’s method gives no saving; what it saves comes from reductions and replacements alone.',
};

export function moneyDifference(p: { released: number; probation: number; letterCost: number; probationCost: number; letterYear: number; meanDaysLeft: number | null; ourYear: number }): Text {
  if (p.released === 0 || p.meanDaysLeft === null) return NOBODY_RELEASED;
  return filledPerLang(DIFFERENCE, (lang) => ({
    released: formatNumber(p.released, lang),
    letterCost: formatNumber(p.letterCost, lang),
    letterYear: formatNumber(Math.round(p.letterYear), lang),
    probation: formatNumber(p.probation, lang),
    probationCost: formatNumber(p.probationCost, lang),
    meanDays: formatNumber(Math.round(p.meanDaysLeft!), lang),
    ourYear: formatNumber(Math.round(p.ourYear), lang),
  }));
}

const V = {
  depends: {
    kk: 'Жынысқа байланысты баптар: {refs}.',
    ru: 'От пола зависят статьи: {refs}.',
    en: 'Clauses that depend on sex: {refs}.',
  },
  independent: { kk: 'Бірде-бір бап жынысқа байланысты емес.', ru: 'Ни одна статья не зависит от пола.', en: 'No clause depends on sex.' },
  added: {
    kk: 'Сол шарттар барлығына қолданылса, тағы {added} адамды қамтыр еді (ерлер {men}, әйелдер {women}).',
    ru: 'Те же условия, применённые ко всем, охватили бы ещё {added} чел. (мужчин {men}, женщин {women}).',
    en: 'Applied to everyone, the same conditions would also cover {added} persons ({men} men, {women} women).',
  },
  gap: {
    kk: 'Бір ауырлық пен әлеуметтік топ ішінде қамтудағы ең үлкен алшақтық — {points} пайыздық тармақ ({gravity}, {group}: әйелдер {rw} %, ерлер {rm} %).',
    ru: 'В пределах одной тяжести и социальной группы наибольший разрыв охвата — {points} п. п. ({gravity}, {group}: женщины {rw} %, мужчины {rm} %).',
    en: 'Within the same gravity and social group, the largest gap in coverage is {points} percentage points ({gravity}, {group}: women {rw} %, men {rm} %).',
  },
  review: {
    kk: 'Тексеруші мұнда әйелдер мен ерлерге әртүрлі қараудың Конституцияның 14-бабы бойынша негізді екенін бағалауы керек, әйтпесе баптарды барлығына қолдану қажет.',
    ru: 'Проверяющему следует оценить, оправдано ли различие в положении женщин и мужчин с точки зрения ст. 14 Конституции, либо распространить статьи на всех.',
    en: 'A reviewer should check whether treating women and men differently is justified under Art. 14 of the Constitution, or else extend the clauses to everyone.',
  },
  fine: {
    kk: 'Теңдік тұрғысынан арнайы тексеруді қажет ететін ештеңе табылмады.',
    ru: 'Ничего, что требовало бы особой проверки на равенство, не найдено.',
    en: 'Nothing was found that calls for a special equality review.',
  },
} satisfies Record<string, Text>;

/** A gap of at least this many percentage points is worth a reviewer's look. */
export const GAP_WORTH_REVIEW = 5;

export function verdict(p: { clauses: string[]; added: { persons: number; men: number; women: number }; largest: DisparityRow | null }): Text {
  const parts: Text[] = [];
  parts.push(p.clauses.length > 0 ? fill(V.depends, { refs: p.clauses.join(', ') }) : V.independent);
  if (p.added.persons > 0) parts.push(filledPerLang(V.added, (lang) => ({ added: formatNumber(p.added.persons, lang), men: formatNumber(p.added.men, lang), women: formatNumber(p.added.women, lang) })));
  const g = p.largest;
  if (g && g.difference_points !== null && g.difference_points !== 0)
    parts.push(
      filledPerLang(V.gap, (lang) => ({
        points: formatNumber(Math.abs(g.difference_points!), lang, 1),
        gravity: GRAVITY_LABELS[g.gravity as Gravity][lang],
        group: GROUP_LABELS[g.group][lang],
        rw: formatNumber((g.women.rate ?? 0) * 100, lang, 1),
        rm: formatNumber((g.men.rate ?? 0) * 100, lang, 1),
      })),
    );
  const worth = p.clauses.length > 0 || (g !== null && g.difference_points !== null && Math.abs(g.difference_points) >= GAP_WORTH_REVIEW);
  parts.push(worth ? V.review : V.fine);
  return { kk: parts.map((t) => t.kk).join(' '), ru: parts.map((t) => t.ru).join(' '), en: parts.map((t) => t.en).join(' ') };
}

export const RISK_NOTE: Text = {
  kk: 'Жиынтық бағалау, нақты адам туралы болжам емес. Базалық көрсеткіштер law/reoffending.yaml файлында, олардың көзі немесе болжам екені көрсетілген.',
  ru: 'Совокупная оценка, а не прогноз о конкретном человеке. Базовые показатели — в law/reoffending.yaml, с источником или пометкой «допущение».',
  en: 'An aggregate estimate, never a prediction about a person. The base rates are in law/reoffending.yaml, each with its source or marked as an assumption.',
};
