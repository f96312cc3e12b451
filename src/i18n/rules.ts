/**
 * What each validation rule of the data contract means, in kk, ru and en. Reports print this
 * beside the rule's code; the detailed message (with the expected values) is kept in English in
 * JSON output, where it is data for programs.
 */
import type { Text } from './text.ts';

export const RULE_TEXTS: Record<string, Text> = {
  'person_id.missing': { kk: 'person_id толтырылмаған', ru: 'не указан person_id', en: 'person_id is missing' },
  'person_id.duplicate': { kk: 'person_id қайталанады', ru: 'person_id повторяется', en: 'person_id is used twice' },
  'iin.format': { kk: 'ЖСН 12 цифрдан тұруы керек', ru: 'ИИН должен состоять из 12 цифр', en: 'a ИИН is 12 digits' },
  'iin.check_digit': { kk: 'ЖСН бақылау саны дұрыс емес', ru: 'неверная контрольная цифра ИИН', en: 'wrong ИИН check digit' },
  'iin.century_digit': { kk: 'ЖСН 7-цифры 1–6 болуы керек', ru: '7-я цифра ИИН должна быть от 1 до 6', en: 'the 7th ИИН digit must be 1–6' },
  'iin.birth_date': { kk: 'ЖСН-дағы туған күн сәйкес емес', ru: 'дата рождения в ИИН не совпадает', en: 'the birth date in the ИИН disagrees' },
  'iin.sex': { kk: 'ЖСН-дағы жыныс сәйкес емес', ru: 'пол в ИИН не совпадает', en: 'the sex in the ИИН disagrees' },
  'date.invalid': { kk: 'күн дұрыс емес (ЖЖЖЖ-АА-КК)', ru: 'несуществующая дата (ГГГГ-ММ-ДД)', en: 'not a real date (YYYY-MM-DD)' },
  'date.range': { kk: 'күн 1900–2100 аралығынан тыс', ru: 'дата вне 1900–2100', en: 'date outside 1900–2100' },
  'dates.order': { kk: 'күндердің реті бұзылған', ru: 'нарушен порядок дат', en: 'dates out of order' },
  'dates.age_at_offence': { kk: 'қылмыс кезінде қылмыстық жауаптылық жасына толмаған', ru: 'на дату преступления не достиг возраста уголовной ответственности', en: 'below the age of criminal responsibility on the offence date' },
  'articles.format': { kk: 'баптар дұрыс жазылмаған', ru: 'неверная запись статей', en: 'articles badly written' },
  'articles.unknown': { kk: 'бап немесе бөлік кестеде жоқ', ru: 'статьи или части нет в таблице', en: 'article or part not in the table' },
  'enum.sex': { kk: 'жыныс: F немесе M', ru: 'пол: F или M', en: 'sex: F or M' },
  'enum.custody': { kk: 'есепке алу: institution немесе probation', ru: 'учёт: institution или probation', en: 'custody: institution or probation' },
  'enum.sentence_type': { kk: 'жаза түрі белгісіз', ru: 'неизвестный вид наказания', en: 'unknown sentence type' },
  'enum.recidivism': { kk: 'қайталану: none, simple, dangerous', ru: 'рецидив: none, simple, dangerous', en: 'recidivism: none, simple, dangerous' },
  'enum.behaviour': { kk: 'мінез-құлық: positive, neutral, negative', ru: 'поведение: positive, neutral, negative', en: 'behaviour: positive, neutral, negative' },
  'enum.disability_group': { kk: 'мүгедектік тобы: 0–3', ru: 'группа инвалидности: 0–3', en: 'disability group: 0–3' },
  boolean: { kk: 'true немесе false (1 немесе 0)', ru: 'true или false (1 или 0)', en: 'true or false (1 or 0)' },
  amount: { kk: 'теріс емес сома', ru: 'неотрицательная сумма', en: 'a non-negative amount' },
  'imposed_term_months.format': { kk: 'бүтін сан (айлар)', ru: 'целое число (месяцы)', en: 'a whole number (months)' },
  'prior_convictions.format': { kk: 'бүтін сан', ru: 'целое число', en: 'a whole number' },
  'pregnant.sex': { kk: 'ер адам жүкті деп көрсетілген', ru: 'беременность указана у мужчины', en: 'pregnant is true for a man' },
  'claim.paid_exceeds_amount': { kk: 'төленгені талаптан көп', ru: 'выплачено больше иска', en: 'paid more than the claim' },
  'custody.sentence_type': { kk: 'есепке алу мен жаза түрі сәйкес емес', ru: 'вид учёта не соответствует наказанию', en: 'custody and sentence type disagree' },
  'children.parent_age': { kk: 'бала ата-анасы 12 жасқа толмай туған', ru: 'ребёнок родился до 12 лет родителя', en: 'child born before the parent was 12' },
  'damage.compensated_without_damage': { kk: 'залал жоқ, бірақ өтелген деп көрсетілген', ru: 'ущерб возмещён, хотя не причинён', en: 'damage compensated but none caused' },
  'header.missing_columns': { kk: 'бағандар жетіспейді', ru: 'не хватает столбцов', en: 'missing columns' },
  'header.unknown_columns': { kk: 'белгісіз бағандар ескерілмейді', ru: 'неизвестные столбцы пропущены', en: 'unknown columns ignored' },
  'header.duplicate_columns': { kk: 'бағандар қайталанады', ru: 'столбцы повторяются', en: 'columns named twice' },
  'file.empty': { kk: 'файлда тақырып жолы жоқ', ru: 'в файле нет строки заголовка', en: 'the file has no header row' },
  'row.cell_count': { kk: 'жолдағы ұяшықтар саны тақырыпқа сай емес', ru: 'число ячеек не совпадает с заголовком', en: 'cell count differs from the header' },
  format: { kk: 'пішім дұрыс емес', ru: 'неверный формат', en: 'wrong format' },
  enum: { kk: 'рұқсат етілмеген мән', ru: 'недопустимое значение', en: 'value not allowed' },
};

/** The rule's meaning in a language; in English, the detailed message itself. */
export function ruleText(rule: string, message: string, lang: 'kk' | 'ru' | 'en'): string {
  if (lang === 'en') return message;
  const t = RULE_TEXTS[rule];
  return t ? `${t[lang]} (${message})` : message;
}
