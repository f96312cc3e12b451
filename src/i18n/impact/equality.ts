/** The impact report's equality section (src/impact/equality.ts; Constitution, Art. 14), in kk, ru and en. */
import type { Text } from '../text.ts';

export const EQUALITY_TEXTS = {
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
  women: { kk: 'Әйелдер', ru: 'Женщины', en: 'Women' },
  men: { kk: 'Ерлер', ru: 'Мужчины', en: 'Men' },
  gap: { kk: 'Айырма, п.т.', ru: 'Разница, п. п.', en: 'Gap, points' },
  verdict: { kk: 'Қорытынды', ru: 'Вывод', en: 'Verdict' },
} satisfies Record<string, Text>;

/** The sentences of the equality verdict. */
export const VERDICT_TEXTS = {
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

/** What the largest gap is in (the verdict's `{what}`). */
export const GAP_ON_TEXTS = {
  covered: { kk: 'қамту', ru: 'охвате', en: 'coverage' },
  released: { kk: 'босату', ru: 'освобождении', en: 'release' },
} satisfies Record<'covered' | 'released', Text>;
