/** The facts of the condition language (src/engine/facts/) as explanations, the editor and the API name them, in kk, ru and en. */
import type { FactName } from '../engine/facts/index.ts';
import type { Text } from './text.ts';

/** A fact's label: a `Record` over the catalogue's names, so a fact without one does not compile. */
export const FACT_LABELS: Record<FactName, Text> = {
  // person (src/engine/facts/person.ts)
  sex: { kk: 'жынысы', ru: 'пол', en: 'sex' },
  age: { kk: 'жасы (толық жыл)', ru: 'возраст (полных лет)', en: 'age in completed years' },
  age_months: { kk: 'жасы (толық ай)', ru: 'возраст (полных месяцев)', en: 'age in completed months' },
  birth_date: { kk: 'туған күні', ru: 'дата рождения', en: 'date of birth' },
  disability_group: { kk: 'мүгедектік тобы (0 — жоқ)', ru: 'группа инвалидности (0 — нет)', en: 'disability group (0 = none)' },
  veteran: { kk: 'ардагер (немесе теңестірілген адам)', ru: 'ветеран (или приравненное лицо)', en: 'veteran (or equated to one)' },
  veteran_kind: { kk: 'ардагер санаты («Ардагерлер туралы» Заң)', ru: 'категория ветерана (Закон «О ветеранах»)', en: 'kind of veteran (Law "On veterans")' },
  pensioner: { kk: 'зейнеткер', ru: 'пенсионер', en: 'pensioner' },
  // offences (src/engine/facts/offences.ts)
  gravity: { kk: 'ең ауыр қылмыстың ауырлығы', ru: 'тяжесть наиболее тяжкого преступления', en: 'gravity of the gravest offence' },
  intent: { kk: 'кінә нысаны', ru: 'форма вины (неосторожная — если все деяния неосторожные)', en: 'form of guilt (negligent only when every offence is)' },
  violent: { kk: 'қылмыс зорлық-зомбылықпен байланысты', ru: 'преступление связано с насилием или угрозой', en: 'an offence involved violence or its threat' },
  has_tag: { kk: 'белгісі бар кез келген бап бойынша сотталған', ru: 'осуждён по любой статье с признаком', en: 'convicted under an article with the tag' },
  has_article: { kk: 'бап (кез келген бөлігі) немесе бап бөлігі бойынша сотталған', ru: 'осуждён по статье (любой части) или части статьи', en: 'convicted under the article (whichever part) or the article part' },
  offence_date: { kk: 'қылмыс жасалған күн', ru: 'дата совершения преступления', en: 'date of the offence' },
  age_at_offence: { kk: 'қылмыс жасалған кездегі жасы', ru: 'возраст на момент совершения преступления', en: 'age at the time of the offence, completed years' },
  victim_aged_14_18: { kk: 'кәмелетке толмағандардың жыныстық тиіспеушілігіне қарсы қылмыстан жәбірленушілер 14–18 жаста', ru: 'потерпевшие от преступления против половой неприкосновенности несовершеннолетних — в возрасте 14–18 лет', en: 'the victims of the offence against a minor’s sexual inviolability were aged 14–18' },
  // convictions (src/engine/facts/convictions.ts)
  first_conviction: { kk: 'алғаш рет сотталған', ru: 'осуждён впервые', en: 'convicted for the first time' },
  prior_convictions: { kk: 'бұрынғы сотталғандықтар саны', ru: 'число прежних судимостей', en: 'prior convictions' },
  recidivism: { kk: 'қылмыстардың қайталануы (ҚК 14-бабы)', ru: 'рецидив (ст. 14 УК)', en: 'recidivism (Criminal Code Art. 14)' },
  first_imprisonment: { kk: 'бас бостандығынан айыруға алғаш рет сотталған', ru: 'впервые осуждён к лишению свободы', en: 'sentenced to imprisonment for the first time' },
  juvenile_colony: { kk: 'бұрын тәрбиелеу колониясында жаза өтеген', ru: 'ранее отбывал наказание в воспитательной колонии', en: 'earlier served a sentence in a juvenile colony' },
  // sentence (src/engine/facts/sentence.ts)
  custody: { kk: 'есепке алу түрі (ТМ / ПҚ)', ru: 'вид учёта (ИУ / СП)', en: 'custody' },
  facility: { kk: 'мекеме', ru: 'учреждение', en: 'facility' },
  region: { kk: 'өңір', ru: 'регион', en: 'region' },
  sentence_type: { kk: 'негізгі жаза', ru: 'основное наказание', en: 'main punishment' },
  imposed_term_months: { kk: 'тағайындалған мерзім, ай', ru: 'назначенный срок, месяцев', en: 'term imposed by the court, months' },
  term_days: { kk: 'басталуынан аяқталуына дейінгі мерзім, күн', ru: 'срок от начала до окончания, дней', en: 'term from start to scheduled end, days' },
  imposed_term: { kk: 'сот тағайындаған мерзім (жыл, ай, күн)', ru: 'назначенный судом срок (лет, месяцев, дней)', en: 'term imposed by the court (years, months, days)' },
  sentence_start: { kk: 'жаза мерзімінің басталуы', ru: 'начало срока наказания', en: 'start of the punishment' },
  sentence_end: { kk: 'жаза мерзімінің аяқталуы', ru: 'окончание срока наказания', en: 'scheduled end of the punishment' },
  // serving (src/engine/facts/serving.ts)
  served_days: { kk: 'күнге өтелген күндер', ru: 'отбыто дней на дату', en: 'days served on the date' },
  served_fraction: { kk: 'күнге өтелген мерзім бөлігі', ru: 'отбытая часть срока на дату', en: 'part of the term served on the date' },
  served_term: { kk: 'күнге өтелген мерзім', ru: 'отбытый срок на дату', en: 'term served on the date (from the start, not past the end)' },
  remaining_term: { kk: 'күнге өтеуге қалған мерзім', ru: 'оставшийся срок на дату', en: 'term left to serve on the date' },
  remaining_days: { kk: 'күнге өтеуге қалған күндер', ru: 'осталось отбыть дней на дату', en: 'days left to serve on the date' },
  serving: { kk: 'күнге жазасын өтеп жүр', ru: 'отбывает наказание на дату', en: 'serving a punishment on the date' },
  // family (src/engine/facts/family.ts)
  pregnant: { kk: 'жүктілік', ru: 'беременность', en: 'pregnancy' },
  children_count: { kk: 'балалар саны (кез келген жаста)', ru: 'число детей (любого возраста)', en: 'children (of every age)' },
  children_under: { kk: 'күнге көрсетілген жастан кіші балалар', ru: 'детей младше указанного возраста на дату', en: 'children under the age (years) on the date' },
  many_children: { kk: 'көп балалы ата-ана', ru: 'многодетный родитель', en: 'parent of many children' },
  disabled_child: { kk: 'мүгедек баланы тәрбиелейді', ru: 'воспитывает ребёнка с инвалидностью', en: 'raises a disabled child' },
  disabled_child_group: { kk: 'тәрбиедегі мүгедек баланың тобы', ru: 'группа инвалидности воспитываемого ребёнка', en: 'group of the disabled child raised' },
  parental_rights_deprived: { kk: 'ата-ана құқығынан айырылған', ru: 'лишён(а) родительских прав', en: 'deprived of parental rights' },
  single_parent: { kk: 'жалғыз ата-ана (толық емес отбасы)', ru: 'единственный родитель (неполная семья)', en: 'single parent' },
  // claims (src/engine/facts/claims.ts)
  civil_claim_amount: { kk: 'азаматтық талап, теңге', ru: 'гражданский иск, тенге', en: 'civil claim, tenge' },
  civil_claim_filed: { kk: 'азаматтық талап қойылған', ru: 'предъявлен гражданский иск', en: 'a civil claim was filed' },
  unpaid_claim: { kk: 'өтелмеген талап, теңге', ru: 'непогашенный иск, тенге', en: 'unpaid civil claim, tenge' },
  has_unpaid_claim: { kk: 'өтелмеген талабы бар', ru: 'имеет непогашенный иск', en: 'owes an unpaid civil claim' },
  damage_caused: { kk: 'залал келтірілген', ru: 'причинён ущерб', en: 'damage caused' },
  damage_compensated: { kk: 'залал толық өтелген', ru: 'ущерб возмещён полностью', en: 'damage fully compensated' },
  // conduct (src/engine/facts/conduct.ts)
  behaviour: { kk: 'мінез-құлық дәрежесі', ru: 'степень поведения', en: 'degree of behaviour' },
  malicious_violator: { kk: 'режимді қасақана бұзушы', ru: 'злостный нарушитель режима', en: 'malicious violator of the regime' },
};
