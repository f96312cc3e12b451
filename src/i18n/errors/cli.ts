/**
 * What is wrong on a command line (src/cli/), in kk, ru and en: the parser's own refusals
 * (an unknown option, a missing argument, a value outside its choices; src/cli/arguments.ts reads
 * them) and the checks of option values.
 */
import type { Text } from '../text.ts';

export const CLI_ERRORS = {
  'cli.invalid_option_value': { kk: '{option} опциясының «{value}» мәні жарамсыз: {reason}', ru: 'недопустимое значение «{value}» опции {option}: {reason}', en: "option {option}: the value '{value}' is invalid: {reason}" },
  'cli.invalid_argument_value': { kk: '{argument} аргументінің «{value}» мәні жарамсыз: {reason}', ru: 'недопустимое значение «{value}» аргумента {argument}: {reason}', en: "argument {argument}: the value '{value}' is invalid: {reason}" },
  'cli.choices': { kk: 'мүмкін мәндер: {choices}', ru: 'допустимые значения: {choices}', en: 'allowed choices are {choices}' },
  'cli.missing_argument': { kk: '{argument} міндетті аргументі берілмеген', ru: 'не указан обязательный аргумент {argument}', en: 'missing required argument {argument}' },
  'cli.option_missing_value': { kk: '{option} опциясының мәні берілмеген', ru: 'не указано значение опции {option}', en: 'option {option}: the value is missing' },
  'cli.missing_option': { kk: '{option} міндетті опциясы берілмеген', ru: 'не указана обязательная опция {option}', en: 'required option {option} not given' },
  'cli.unknown_option': { kk: 'белгісіз опция {option}', ru: 'неизвестная опция {option}', en: 'unknown option {option}' },
  'cli.unknown_option_close': { kk: 'белгісіз опция {option} (мүмкін, {close}?)', ru: 'неизвестная опция {option} (может быть, {close}?)', en: 'unknown option {option} (did you mean {close}?)' },
  'cli.unknown_command': { kk: 'белгісіз команда {command}', ru: 'неизвестная команда {command}', en: 'unknown command {command}' },
  'cli.unknown_command_close': { kk: 'белгісіз команда {command} (мүмкін, {close}?)', ru: 'неизвестная команда {command} (может быть, {close}?)', en: 'unknown command {command} (did you mean {close}?)' },
  'cli.too_many_arguments': { kk: 'аргументтер тым көп: күтілгені {expected}, берілгені {received}', ru: 'слишком много аргументов: ожидалось {expected}, получено {received}', en: 'too many arguments: expected {expected}, got {received}' },
  'cli.conflicting_options': { kk: '{option} опциясын {other} опциясымен бірге қолдануға болмайды', ru: 'опцию {option} нельзя использовать вместе с {other}', en: '{option} cannot be used with {other}' },
  'cli.expected_lang': { kk: 'kk, ru немесе en күтіледі', ru: 'ожидается kk, ru или en', en: 'expected kk, ru or en' },
  'cli.expected_doc_lang': { kk: 'kk немесе ru күтіледі: құжаттар қазақ немесе орыс тілінде жазылады', ru: 'ожидается kk или ru: документы пишутся на казахском или русском', en: 'expected kk or ru: documents are written in Kazakh or Russian' },
  'cli.expected_date': { kk: 'ЖЖЖЖ-АА-КК түріндегі күн күтіледі', ru: 'ожидается дата ГГГГ-ММ-ДД', en: 'expected a date YYYY-MM-DD' },
  'cli.expected_whole_number': { kk: 'бүтін сан күтіледі: ең азы 0, ең көбі {max}', ru: 'ожидается целое число от 0 до {max}', en: 'expected a whole number from 0 to {max}' },
  'cli.expected_range': { kk: 'ең азы {min}, ең көбі {max} күтіледі', ru: 'ожидается значение от {min} до {max}', en: 'expected {min} to {max}' },
  'cli.expected_port': { kk: '1-ден 65535-ке дейінгі порт нөмірі күтіледі', ru: 'ожидается номер порта от 1 до 65535', en: 'expected a port from 1 to 65535' },
  'cli.expected_share': { kk: '0 мен 1 аралығындағы үлес күтіледі, мысалы 0.85', ru: 'ожидается доля от 0 до 1, например 0.85', en: 'expected a share from 0 to 1, like 0.85' },
  'cli.expected_admissions': { kk: 'institution=N,probation=M күтіледі; «{part}» оқылмады', ru: 'ожидается institution=N,probation=M; не удалось прочитать «{part}»', en: 'expected institution=N,probation=M; cannot read "{part}"' },
  'cli.admissions_both': { kk: 'institution=N және probation=M екеуін де беріңіз', ru: 'укажите и institution=N, и probation=M', en: 'give both institution=N and probation=M' },
} as const satisfies Record<string, Text>;
