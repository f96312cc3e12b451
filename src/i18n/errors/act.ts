/**
 * What is wrong in an act file (src/engine/act/: its schema, its compilation into a plan, the
 * checks of its clauses against each other and a sample registry, the tests beside it), in kk, ru
 * and en. Terms as in ./act.ts: бап / статья / clause, алып тастау / исключение / exclusion,
 * анықтама / определение / definition, шара / мера / measure.
 */
import type { Text } from '../text.ts';

export const ACT_ERRORS = {
  'act.kk_missing': { kk: 'қазақша мәтін (kk) жоқ', ru: 'нет текста на казахском (kk)', en: 'the Kazakh text (kk) is missing' },
  'act.kk_empty': { kk: 'қазақша мәтін (kk) бос', ru: 'текст на казахском (kk) пуст', en: 'the Kazakh text (kk) is empty' },
  'act.ru_missing': { kk: 'орысша мәтін (ru) жоқ', ru: 'нет текста на русском (ru)', en: 'the Russian text (ru) is missing' },
  'act.ru_empty': { kk: 'орысша мәтін (ru) бос', ru: 'текст на русском (ru) пуст', en: 'the Russian text (ru) is empty' },
  'act.parameter_name': { kk: 'параметр атауы күтіледі (кіші латын әріптері, цифрлар, _)', ru: 'ожидается имя параметра (строчные латинские буквы, цифры, _)', en: 'expected a parameter name (lower-case letters, digits, _)' },
  'act.fraction_bounds': { kk: 'бөлшек (0, 1] аралығында болуы керек', ru: 'дробь должна быть в пределах (0, 1]', en: 'a fraction must be in (0, 1]' },
  'act.fraction_form': { kk: '(0, 1] аралығындағы бөлшек (0.5 немесе 1/3) немесе параметр атауы күтіледі', ru: 'ожидается дробь в пределах (0, 1] вида 0.5 или 1/3 либо имя параметра', en: 'expected a fraction in (0, 1] like 0.5 or 1/3, or a parameter name' },
  'act.condition_required': { kk: 'шарт көрсетілмеген', ru: 'условие не указано', en: 'a condition is required' },
  'act.clause_id': { kk: 'art2_1 сияқты бап идентификаторы күтіледі', ru: 'ожидается идентификатор статьи вида art2_1', en: 'expected a clause id like art2_1' },
  'act.exclusion_id': { kk: 'corruption сияқты алып тастау идентификаторы күтіледі', ru: 'ожидается идентификатор исключения вида corruption', en: 'expected an exclusion id like corruption' },
  'act.parameter_value': { kk: 'сан, 1/3 сияқты бөлшек немесе 3y, 1y6m, 18m, 10d сияқты мерзім күтіледі', ru: 'ожидается число, дробь вида 1/3 или срок вида 3y, 1y6m, 18m, 10d', en: 'expected a number, a fraction like 1/3, or a term like 3y, 1y6m, 18m, 10d' },
  'act.value_required': { kk: 'мән көрсетілмеген', ru: 'значение не указано', en: 'a value is required' },
  'act.act_id': { kk: 'kz-2025-constitution-30 сияқты акт идентификаторы күтіледі', ru: 'ожидается идентификатор акта вида kz-2025-constitution-30', en: 'expected an act id like kz-2025-constitution-30' },
  'act.definition_name': { kk: 'socially_vulnerable сияқты анықтама атауы күтіледі', ru: 'ожидается имя определения вида socially_vulnerable', en: 'expected a definition name like socially_vulnerable' },
  'act.needs_clause': { kk: 'актіде кемінде бір бап болуы керек', ru: 'в акте должна быть хотя бы одна статья', en: 'an act needs at least one clause' },
  'act.execution_before_entry': { kk: 'орындау кезеңі акт күшіне енгенге дейін аяқталады', ru: 'период исполнения заканчивается раньше, чем акт вступает в силу', en: 'the execution period ends before the act enters into force' },
  'act.clause_id_twice': { kk: '{id} бап идентификаторы екі рет қолданылған', ru: 'идентификатор статьи {id} использован дважды', en: 'clause id {id} is used twice' },
  'act.exclusion_id_twice': { kk: '{id} алып тастау идентификаторы екі рет қолданылған', ru: 'идентификатор исключения {id} использован дважды', en: 'exclusion id {id} is used twice' },
  'act.parameter_term_not_number': { kk: 'акт параметрі {name} — сан емес, мерзім', ru: 'параметр акта {name} — срок, а не число', en: 'act parameter {name} is a term, not a number' },
  'act.parameter_term_not_fraction': { kk: 'акт параметрі {name} — бөлшек емес, мерзім', ru: 'параметр акта {name} — срок, а не дробь', en: 'act parameter {name} is a term, not a fraction' },
  'act.fraction_range': { kk: 'бөлшек (0, 1] аралығында болуы керек; берілгені: {num}/{den}', ru: 'дробь должна быть в пределах (0, 1]; получено: {num}/{den}', en: 'a fraction must be in (0, 1]; got {num}/{den}' },
  'act.fraction_range_parameter': {
    kk: 'бөлшек (0, 1] аралығында болуы керек; берілгені: {num}/{den} ({name} параметрі)',
    ru: 'дробь должна быть в пределах (0, 1]; получено: {num}/{den} (параметр {name})',
    en: 'a fraction must be in (0, 1]; got {num}/{den} (parameter {name})',
  },
  'act.months_range': { kk: 'айлар саны бүтін сан болуы керек: ең азы 1, ең көбі {max}; берілгені: {months}', ru: 'число месяцев должно быть целым, от 1 до {max}; получено: {months}', en: 'months must be a whole number from 1 to {max}; got {months}' },
  'act.exclusion_id_of_code': {
    kk: '{id} алып тастау идентификаторы Қылмыстық кодекстің өз алып тастауына тиесілі ({ref}); басқа идентификатор таңдаңыз',
    ru: 'идентификатор исключения {id} принадлежит исключению самого Уголовного кодекса ({ref}); выберите другой',
    en: "exclusion id {id} is the Criminal Code's own ({ref}); choose another id",
  },
  'act.too_many_clauses': { kk: 'баптар немесе алып тастаулар тым көп: ең көбі {max}', ru: 'слишком много статей или исключений: не больше {max}', en: 'too many clauses or exclusions: at most {max}' },
  'act.definition_named_as_fact': {
    kk: '{name} анықтамасының атауы фактінің атауымен бірдей; шарттар анықтаманы емес, фактіні оқиды: атауын өзгертіңіз',
    ru: 'определение {name} названо так же, как факт; условия прочтут факт, а не определение: переименуйте его',
    en: 'the definition {name} has the name of a fact; conditions would read the fact, not the definition: rename it',
  },
  'act.depth': { kk: 'шартта all / any / not {depth} деңгейге салынған; ең көбі {max}', ru: 'в условии all / any / not вложены на {depth} уровней; не больше {max}', en: 'the condition nests all / any / not {depth} deep; at most {max}' },
  'act.list_values': { kk: 'in [...] тізімінде {n} мән бар; ең көбі {max}', ru: 'в списке in [...] значений: {n}; не больше {max}', en: 'an in [...] list holds {n} values; at most {max}' },
  'act.comparisons': {
    kk: 'акт шарттарында {n} салыстыру бар; әдеттегі жылдамдықпен жұмыс істейтін ядроға ең көбі {max} салыстыру компиляцияланады (ұзын баламаларды бір «fact in [a, b, …]» түрінде жазыңыз)',
    ru: 'в условиях акта сравнений: {n}; в ядро, работающее с обычной скоростью, компилируется не больше {max} (длинные альтернативы пишите одним «fact in [a, b, …]»)',
    en: 'the act\'s conditions hold {n} comparisons; at most {max} compile into a kernel that runs at its usual speed (write long alternatives as one "fact in [a, b, …]")',
  },
  'act.id_folder': {
    kk: 'акт идентификаторы {id} оның папкасының атауынан ({folder}) өзгеше: біреуінің атын өзгертіңіз',
    ru: 'идентификатор акта {id} отличается от имени его папки {folder}: переименуйте одно из них',
    en: "the act's id {id} differs from the name of its folder {folder}: rename one of them",
  },
  'act.not_compiled': { kk: 'акт ядроға компиляцияланбайды: {detail}', ru: 'акт не компилируется в ядро: {detail}', en: 'the act does not compile into a kernel: {detail}' },
  'act.forbidden_only': {
    kk: '{id} бабы ({ref}) тек {forbidden} қамтиды, ал Қылмыстық кодекс оларға рақымшылық қолдануға тыйым салады ({refs}): мұндай адамның бәрі алып тасталады',
    ru: 'статья {id} ({ref}) охватывает только {forbidden}, а на них Уголовный кодекс запрещает распространять амнистию ({refs}): каждое такое лицо исключается',
    en: 'clause {id} ({ref}) covers only {forbidden}, whom the Criminal Code forbids an amnesty to reach ({refs}): every such person is excluded',
  },
  'act.forbidden.tagged': { kk: '{tag} белгісі бар баптар бойынша сотталған адамдарды', ru: 'лиц, осуждённых по статьям с меткой {tag}', en: 'persons convicted under articles tagged {tag}' },
  'act.forbidden.recidivism': { kk: 'рецидив кезінде тағайындалған жазаларды', ru: 'наказания, назначенные при рецидиве', en: 'punishments imposed for recidivism' },
  'act.never_applies': {
    kk: '{id} бабы ({ref}) ешқашан қолданылмайды: ол қамтитын әр адамды алдыңғы {earlier} бабы ({earlierRef}) қамтиды',
    ru: 'статья {id} ({ref}) никогда не применится: каждое лицо, которое она охватывает, охвачено предыдущей статьёй {earlier} ({earlierRef})',
    en: 'clause {id} ({ref}) can never apply: every person it covers is covered by the earlier clause {earlier} ({earlierRef})',
  },
  'act.overlap': {
    kk: '{first} және {second} баптары әртүрлі шаралармен қиылысады, ал акт бұған тыйым салады',
    ru: 'статьи {first} и {second} пересекаются при разных мерах, что акт запрещает',
    en: 'clauses {first} and {second} overlap with different measures, which the act forbids',
  },
  'act.overlap_person': {
    kk: '{first} және {second} баптары {person} адамына әртүрлі шаралармен қолданылады, ал акт бұған тыйым салады',
    ru: 'статьи {first} и {second} обе применяются к лицу {person} с разными мерами, что акт запрещает',
    en: 'clauses {first} and {second} both apply to person {person} with different measures, which the act forbids',
  },
  'act.only_code_excludes': {
    kk: 'үлгі тізілімде акт баптары қамтитын {n} адамды тек Қылмыстық кодекс алып тастайды ({ref}: {label}); актінің өзі оларды алып тастамайды — акт бұл туралы айтса да, айтпаса да, оларды Кодекс алып тастайды',
    ru: '{n} лиц из образца реестра, которых охватывают статьи акта, исключены только Уголовным кодексом ({ref}: {label}); сам акт их не исключает — их исключает Кодекс, говорит об этом акт или нет',
    en: "{n} persons of the sample registry whom the act's clauses cover are excluded only by the Criminal Code ({ref}: {label}); the act does not exclude them itself — the Code does, whether the act says so or not",
  },
  'act.nobody_meets': {
    kk: 'үлгі тізілімнің ({size} адам) бірде-бір адамы {date} күні {id} бабына сәйкес келмейді',
    ru: 'ни одно лицо из образца реестра ({size} чел.) не подпадает под статью {id} на {date}',
    en: 'no person of the sample registry ({size} persons) meets clause {id} on {date}',
  },
  'act.all_taken_earlier': {
    kk: 'үлгі тізілімде {id} бабына сәйкес келетін әр адамды алдыңғы бап алады немесе ол алып тасталады',
    ru: 'в образце реестра каждое лицо, подпадающее под статью {id}, забирает предыдущая статья или оно исключено',
    en: 'in the sample registry every person meeting clause {id} is taken by an earlier clause or excluded',
  },
  'act.id_in_text': { kk: 'акт мәтініндегі id: {id}', ru: 'id в тексте акта: {id}', en: 'the id in the act: {id}' },
  'act.act_or_run': { kk: 'актіні (act=…) немесе есептеуді (run=…) көрсетіңіз', ru: 'укажите акт (act=…) или расчёт (run=…)', en: 'give an act (act=…) or an evaluation (run=…)' },
  'act.no_act_here': {
    kk: 'мұнда акт жоқ: act.yaml файлы, оны қамтитын папка немесе acts/ ішіндегі акт идентификаторы күтіледі',
    ru: 'здесь нет акта: ожидается файл act.yaml, папка с ним или идентификатор акта в acts/',
    en: 'no act here: expected an act.yaml, a folder holding one, or an act id under acts/',
  },
  // `amnestia test`: a case of the tests beside an act (src/engine/act/act-tests.ts) that fails.
  'act.test_cell': {
    kk: '{at}: {case} жағдайы: {column}: {detail} [{rule}]',
    ru: '{at}: случай {case}: {column}: {detail} [{rule}]',
    en: '{at}: case {case}: {column}: {detail} [{rule}]',
  },
  'act.test_disagree': {
    kk: 'ядро мен эталондық семантика сәйкес емес: ядро {kernel}, эталон {reference}',
    ru: 'ядро и эталонная семантика расходятся: ядро {kernel}, эталон {reference}',
    en: 'kernel and reference disagree: kernel {kernel}, reference {reference}',
  },
  'act.test_expected': {
    kk: '{field}: күтілгені {expected}, алынғаны {actual}',
    ru: '{field}: ожидалось {expected}, получено {actual}',
    en: '{field}: expected {expected}, got {actual}',
  },
} as const satisfies Record<string, Text>;
