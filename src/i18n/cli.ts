/** What the command line prints, by command, in kk, ru and en (besides ./messages.ts). */
import type { Text } from './text.ts';

/** `amnestia validate`, `evaluate`, `explain`, `test` (src/cli/acts.ts). */
export const CLI_ACTS_TEXTS = {
  valid: { kk: '{file}: акт дұрыс — {clauses} бап, {exclusions} алып тастау, {definitions} анықтама', ru: '{file}: акт корректен — статей {clauses}, исключений {exclusions}, определений {definitions}', en: '{file}: the act is valid — {clauses} clauses, {exclusions} exclusions, {definitions} definitions' },
  invalid: { kk: '{file}: актіде {n} қате', ru: '{file}: в акте ошибок: {n}', en: '{file}: {n} errors in the act' },
  warning: { kk: 'ескерту', ru: 'предупреждение', en: 'warning' },
  unverified: { kk: 'тексерілмеген параметр: {name} = {value} ({source})', ru: 'непроверенный параметр: {name} = {value} ({source})', en: 'unverified parameter: {name} = {value} ({source})' },
  summary: { kk: '{act}: {persons} адам; {counts}', ru: '{act}: {persons} чел.; {counts}', en: '{act}: {persons} persons; {counts}' },
  testsPassed: { kk: '{act}: {passed}/{total} тест өтті', ru: '{act}: пройдено тестов {passed} из {total}', en: '{act}: {passed} of {total} tests passed' },
  testsTotal: { kk: 'актілер: {passed} тест өтті, {failed} өтпеді', ru: 'акты: тестов пройдено {passed}, не пройдено {failed}', en: 'acts: {passed} passed, {failed} failed' },
  unreached: {
    kk: '{act}: бірде-бір тест жағдайы жетпейтін ережелер: {rules}',
    ru: '{act}: правила, которых не достигает ни один тестовый случай: {rules}',
    en: '{act}: rules no test case reaches: {rules}',
  },
  noPerson: { kk: '{id} адамы тізілімде жоқ', ru: 'лица {id} нет в реестре', en: 'person {id} is not in the registry' },
} satisfies Record<string, Text>;

/** `amnestia documents` (src/cli/documents.ts). */
export const CLI_DOCUMENTS_TEXTS = {
  format: { kk: '{kind} құжаты {format} пішімінде жасалмайды (болады: {allowed})', ru: 'документ {kind} не делается в формате {format} (можно: {allowed})', en: 'the {kind} document is not made as {format} (choose: {allowed})' },
  needs: { kk: '{kind} үшін {option} керек', ru: 'для {kind} нужен {option}', en: '{kind} needs {option}' },
  noPerson: { kk: '{id} адамы тізілімде жоқ ({source})', ru: 'лица {id} нет в реестре ({source})', en: 'person {id} is not in the registry ({source})' },
  written: { kk: '{file} жазылды', ru: 'записан {file}', en: '{file} written' },
  needsReview: {
    kk: 'ЕСКЕРТУ: {id} ұсынуы тексеруді қажет етеді — осы түрінде сотқа жіберуге болмайды',
    ru: 'ВНИМАНИЕ: представление на {id} требует проверки — в таком виде в суд не направляется',
    en: 'WARNING: the submission for {id} needs review — it cannot be submitted as is',
  },
  batch: {
    kk: '{facility}: ұсынулар {produced} (оның ішінде тексеру қажет {review}), бас тартылды {refused}',
    ru: '{facility}: представлений {produced} (из них требуют проверки {review}), отказано {refused}',
    en: '{facility}: {produced} submissions ({review} need review), {refused} refused',
  },
  zipNeedsPdf: { kk: '--zip тек --format pdf-пен бірге', ru: '--zip только вместе с --format pdf', en: '--zip goes with --format pdf only' },
} satisfies Record<string, Text>;

/** `amnestia db load` and the SQL evaluation (src/cli/sql.ts). */
export const CLI_SQL_TEXTS = {
  loaded: { kk: '{persons} адам {db} дерекқорына жүктелді ({ms} мс)', ru: '{persons} чел. загружено в {db} ({ms} мс)', en: '{persons} persons stored in {db} ({ms} ms)' },
  noDatabase: {
    kk: 'Дерекқор көрсетілмеген: --database немесе DATABASE_URL қажет',
    ru: 'Не указана база данных: нужен --database или DATABASE_URL',
    en: 'No database given: pass --database or set DATABASE_URL',
  },
  unreachable: {
    kk: '{db} дерекқорына қосылу мүмкін емес: {detail}',
    ru: 'Не удаётся подключиться к {db}: {detail}',
    en: 'Cannot connect to {db}: {detail}',
  },
  empty: { kk: '{db} дерекқорында тізілім жоқ: алдымен `amnestia db load`', ru: 'В {db} нет реестра: сначала `amnestia db load`', en: 'No registry in {db}: run `amnestia db load` first' },
} satisfies Record<string, Text>;

/** `amnestia impact` (src/cli/impact.ts). */
export const CLI_IMPACT_TEXTS = {
  changesWritten: { kk: '{file} файлына жазылған өзгерістер: {n}', ru: 'Записано изменений в {file}: {n}', en: '{n} changes written to {file}' },
  changesNeedTwo: { kk: '--changes-csv үшін кемінде екі акт керек (--compare)', ru: 'для --changes-csv нужны хотя бы два акта (--compare)', en: '--changes-csv needs at least two acts (--compare)' },
  details: {
    kk: 'Әр актінің толық әсері: npm run amnestia -- impact --act <акт> [--compare <акт> …] --lang kk',
    ru: 'Подробные последствия каждого акта: npm run amnestia -- impact --act <акт> [--compare <акт> …] --lang ru',
    en: 'Each act’s full impact: npm run amnestia -- impact --act <act> [--compare <act> …] --lang en',
  },
} satisfies Record<string, Text>;

/** `amnestia evaluate` (src/cli/main.ts). */
export const CLI_EVALUATE_TEXTS = {
  sqlJsonl: {
    kk: '--engine sql нәтижені тек JSON жолдарымен стандартты шығысқа жазады (--format jsonl, --out жоқ)',
    ru: '--engine sql выводит только строки JSON в стандартный вывод (--format jsonl, без --out)',
    en: '--engine sql writes JSON lines to standard output (--format jsonl, no --out)',
  },
} satisfies Record<string, Text>;
