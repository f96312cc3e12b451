/**
 * What is wrong in a data file (law/*.yaml, data/*.yaml, reports/*.yaml, profiles, an act read as
 * data), in kk, ru and en: its YAML syntax, and each kind of schema issue (src/domain/zod-messages.ts
 * maps zod's issue codes here, with the expected and the found values as parameters).
 */
import type { Text } from '../text.ts';

export const DATA_ERRORS = {
  'data.required': { kk: 'міндетті мән көрсетілмеген', ru: 'обязательное значение не указано', en: 'a required value is missing' },
  'data.invalid_type': { kk: '{expected} күтіледі, берілгені: {received}', ru: 'ожидается {expected}, получено: {received}', en: 'expected {expected}, found {received}' },
  'data.either': { kk: '{first} немесе {second}', ru: '{first} или {second}', en: '{first} or {second}' },
  'data.type.string': { kk: 'мәтін', ru: 'текст', en: 'text' },
  'data.type.number': { kk: 'сан', ru: 'число', en: 'a number' },
  'data.type.int': { kk: 'бүтін сан', ru: 'целое число', en: 'a whole number' },
  'data.type.boolean': { kk: 'true немесе false', ru: 'true или false', en: 'true or false' },
  'data.type.object': { kk: 'сөздік (кілт: мән)', ru: 'словарь (ключ: значение)', en: 'a map (key: value)' },
  'data.type.array': { kk: 'тізім', ru: 'список', en: 'a list' },
  'data.type.null': { kk: 'бос мән', ru: 'пустое значение', en: 'an empty value' },
  'data.type.date': { kk: 'күн', ru: 'дата', en: 'a date' },
  'data.unknown_keys': {
    kk: 'белгісіз өрістер: {keys} (мұнда мұндай өріс жоқ; жазылуын тексеріңіз)',
    ru: 'неизвестные поля: {keys} (здесь таких полей нет; проверьте написание)',
    en: 'unknown fields: {keys} (no such field here; check the spelling)',
  },
  'data.min_number': { kk: 'кемінде {minimum} болуы керек; берілгені: {received}', ru: 'должно быть не меньше {minimum}; получено: {received}', en: 'must be at least {minimum}; found {received}' },
  'data.above_number': { kk: '{minimum} санынан үлкен болуы керек; берілгені: {received}', ru: 'должно быть больше {minimum}; получено: {received}', en: 'must be greater than {minimum}; found {received}' },
  'data.max_number': { kk: 'ең көбі {maximum} болуы керек; берілгені: {received}', ru: 'должно быть не больше {maximum}; получено: {received}', en: 'must be at most {maximum}; found {received}' },
  'data.below_number': { kk: '{maximum} санынан кіші болуы керек; берілгені: {received}', ru: 'должно быть меньше {maximum}; получено: {received}', en: 'must be less than {maximum}; found {received}' },
  'data.empty_text': { kk: 'мәтін бос болмауы керек', ru: 'текст не должен быть пустым', en: 'the text must not be empty' },
  'data.min_length': { kk: 'кемінде {minimum} таңбадан тұруы керек', ru: 'должно содержать не меньше {minimum} символов', en: 'must hold at least {minimum} characters' },
  'data.max_length': { kk: 'ең көбі {maximum} таңбадан тұруы керек', ru: 'должно содержать не больше {maximum} символов', en: 'must hold at most {maximum} characters' },
  'data.empty_list': { kk: 'тізім бос болмауы керек', ru: 'список не должен быть пустым', en: 'the list must not be empty' },
  'data.min_items': { kk: 'тізімде кемінде {minimum} элемент болуы керек', ru: 'в списке должно быть не меньше {minimum} элементов', en: 'the list needs at least {minimum} items' },
  'data.max_items': { kk: 'тізімде ең көбі {maximum} элемент болуы керек', ru: 'в списке должно быть не больше {maximum} элементов', en: 'the list holds at most {maximum} items' },
  'data.pattern': { kk: '{received} мәні күтілген түрге сәйкес емес ({pattern})', ru: 'значение {received} не соответствует ожидаемому виду ({pattern})', en: 'the value {received} does not have the expected form ({pattern})' },
  'data.format': { kk: '{received} мәні {format} пішіміне сәйкес емес', ru: 'значение {received} не соответствует формату {format}', en: 'the value {received} is not a valid {format}' },
  'data.multiple_of': { kk: '{divisor} санына еселі болуы керек; берілгені: {received}', ru: 'должно быть кратно {divisor}; получено: {received}', en: 'must be a multiple of {divisor}; found {received}' },
  'data.one_of': { kk: 'мына мәндердің бірі күтіледі: {values}; берілгені: {received}', ru: 'ожидается одно из значений: {values}; получено: {received}', en: 'expected one of {values}; found {received}' },
  'data.exactly': { kk: '{values} мәні күтіледі; берілгені: {received}', ru: 'ожидается значение {values}; получено: {received}', en: 'expected {values}; found {received}' },
  'data.unknown_kind': { kk: '{field}: {received} — белгісіз түр', ru: '{field}: неизвестный вид {received}', en: '{field}: {received} is not a known kind' },
  'data.no_form': { kk: 'мән рұқсат етілген түрлердің ешқайсысына сәйкес келмейді', ru: 'значение не подходит ни под одну допустимую форму', en: 'the value matches none of the allowed forms' },
  'data.bad_key': { kk: '{key} кілтіне жол берілмейді: {message}', ru: 'недопустимый ключ {key}: {message}', en: 'the key {key} is not allowed: {message}' },
  'data.bad_element': { kk: 'элемент дұрыс емес: {message}', ru: 'неверный элемент: {message}', en: 'a wrong element: {message}' },
  'data.invalid': { kk: 'мән дұрыс емес ({detail})', ru: 'недопустимое значение ({detail})', en: 'invalid value ({detail})' },
  'data.yaml.syntax': { kk: 'YAML синтаксисінің қатесі ({detail})', ru: 'синтаксическая ошибка YAML ({detail})', en: 'YAML syntax error ({detail})' },
  'data.yaml.duplicate_key': { kk: 'бір сөздікте бір кілт екі рет жазылған', ru: 'один и тот же ключ записан в словаре дважды', en: 'the same key is written twice in one map' },
  'data.yaml.indentation': {
    kk: 'шегініс дұрыс емес: бір деңгейдегі кілттер бір бағанда басталады, ал шегініс тек бос орынмен жасалады',
    ru: 'неверный отступ: ключи одного уровня начинаются в одном столбце, а отступы делаются только пробелами',
    en: 'wrong indentation: keys of one level start in the same column, and indentation is made of spaces only',
  },
  'data.too_deep': { kk: 'құжат тым терең салынған: оны оқу мүмкін емес', ru: 'документ вложен слишком глубоко, чтобы его прочитать', en: 'the document is nested too deeply to be read' },
  'data.alias_bomb': {
    kk: 'сілтемелер ({aliases}, біріншісі осында) {max} түйіннен асып кетеді: өзін-өзі көбейтетін құжат оқылмайды',
    ru: 'ссылки ({aliases}, первая здесь) разворачиваются больше чем в {max} узлов: документ, который размножает сам себя, не читается',
    en: 'the aliases ({aliases} of them, the first here) expand beyond {max} nodes: a document that expands itself is not read',
  },
  'data.expected_date': { kk: 'ЖЖЖЖ-АА-КК түріндегі күн күтіледі', ru: 'ожидается дата ГГГГ-ММ-ДД', en: 'expected a date YYYY-MM-DD' },
  'data.not_a_date': { kk: '{received} — ЖЖЖЖ-АА-КК түріндегі нақты күн емес', ru: '{received} — несуществующая дата вида ГГГГ-ММ-ДД', en: '{received} is not a real date YYYY-MM-DD' },
  'data.items_between': { kk: 'элементтер саны: ең азы {min}, ең көбі {max}', ru: 'число элементов: от {min} до {max}', en: '{min} to {max} items' },
  'data.duplicate_id': { kk: '{id} идентификаторы екі рет қолданылған', ru: 'идентификатор {id} использован дважды', en: 'the id {id} is used twice' },
  'data.unknown_parameter': { kk: 'заңның белгісіз параметрі {name} (law/parameters.yaml)', ru: 'неизвестный параметр закона {name} (law/parameters.yaml)', en: 'unknown law parameter {name} (law/parameters.yaml)' },
} as const satisfies Record<string, Text>;
