/**
 * User-facing messages in kk, ru and en. Every string the CLI prints goes through here (or comes
 * from a data file that carries its own three languages).
 */
import type { Text } from './text.ts';

export const MESSAGES = {
  'letter.heading': { kk: 'Хаттың кестесі, жазбалар бойынша есептелген', ru: 'Таблица письма, рассчитанная по записям', en: "The letter's table, computed from records" },
  'letter.registry': { kk: 'Тізілім: {source}, {persons} адам; есеп күні {asOf}', ru: 'Реестр: {source}, {persons} чел.; дата расчёта {asOf}', en: 'Registry: {source}, {persons} persons; as of {asOf}' },
  'letter.not_serving': {
    kk: 'Есеп күні жазасын өтемейтін жазбалар (мерзімі аяқталған немесе әлі басталмаған), олар ешбір көрсеткішке кірмейді: {n}',
    ru: 'Записей, которые не отбывают наказание на дату расчёта (срок окончен или ещё не начался), в показатели не вошли: {n}',
    en: 'Records not serving on the day (term over or not yet begun), left out of every figure: {n}',
  },
  'letter.col.figure': { kk: 'Көрсеткіш', ru: 'Показатель', en: 'Figure' },
  'letter.col.letter': { kk: 'Хатта', ru: 'В письме', en: 'Letter' },
  'letter.col.computed': { kk: 'Есептелді', ru: 'Рассчитано', en: 'Computed' },
  'letter.col.status': { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  'letter.status.match': { kk: 'сәйкес', ru: 'совпадает', en: 'matches' },
  'letter.status.differs': { kk: 'сәйкес емес', ru: 'расходится', en: 'differs' },
  'letter.status.letter_inconsistent': { kk: 'хаттың өзінде қайшылық', ru: 'письмо противоречит себе', en: 'letter inconsistent' },
  'letter.status.computed': { kk: 'есептелді', ru: 'рассчитано', en: 'computed' },
  'letter.unknown': { kk: '{n} адам үшін белгісіз', ru: 'неизвестно для {n} чел.', en: 'unknown for {n} persons' },
  'letter.summary': {
    kk: 'Хатта дәйекті берілген {consistent} көрсеткіштің {matching}-і сәйкес келеді.',
    ru: 'Из {consistent} показателей, которые письмо приводит непротиворечиво, совпадают {matching}.',
    en: '{matching} of the {consistent} figures the letter states consistently match.',
  },
  'audit.heading': { kk: 'Хаттың өзін тексеру', ru: 'Проверка самого письма', en: 'Audit of the letter itself' },
  'audit.ok': { kk: 'дұрыс', ru: 'верно', en: 'holds' },
  'audit.fail': { kk: 'ҚАЙШЫЛЫҚ', ru: 'ПРОТИВОРЕЧИЕ', en: 'DOES NOT HOLD' },
  'audit.parts_sum': {
    kk: '{figure}: бөліктері {parts} = {sum}; хаттағы жиыны {total}; жазбалар бойынша {computed}',
    ru: '{figure}: части {parts} = {sum}; итог в письме {total}; по записям {computed}',
    en: '{figure}: the parts {parts} = {sum}; the letter states {total}; the records give {computed}',
  },
  'audit.sum_of': {
    kk: '{figure} = {of}: {sum}, хатта {total}',
    ru: '{figure} = {of}: {sum}, в письме {total}',
    en: '{figure} = {of}: {sum}, the letter states {total}',
  },
  'audit.at_most': {
    kk: '{figure} ({value}) {bound} ({boundValue}) аспауы керек, себебі {why}; жазбалар бойынша {figure}-тің {outside} адамы бас бостандығынан айырылмаған',
    ru: '{figure} ({value}) не должно превышать {bound} ({boundValue}), так как {why}; по записям {outside} из {figure} не лишены свободы',
    en: '{figure} ({value}) should not exceed {bound} ({boundValue}) because {why}; in the records {outside} of {figure} are not imprisoned',
  },
  'audit.cost_basis': {
    kk: '{figure} {base} санатындағы {count} адамның бәріне ТМ-дегі күндік құнды ({letterCost} ₸) қолданады, ал олардың {probation}-і пробациялық бақылауда (ТМ-де {institution}).',
    ru: '{figure} применяет стоимость дня в ИУ ({letterCost} ₸) ко всем {count} лицам категории {base}, хотя {probation} из них под пробационным контролем (в ИУ {institution}).',
    en: '{figure} charges the daily cost of a prison bed ({letterCost} ₸) for all {count} persons of {base}, although {probation} of them are on probation (in institutions: {institution}).',
  },
  'audit.cost_basis.priced': {
    kk: 'Есеп түріне қарай: ТМ күніне {inmateCost} ₸ ({inmateSource}), ПҚ күніне {probationCost} ₸ ({probationSource}) → күніне {perDay} ₸, жылына {perYear} ₸ (хаттың әдісі: {letterPerDay} ₸ / {letterPerYear} ₸).',
    ru: 'С учётом вида учёта: ИУ {inmateCost} ₸ в день ({inmateSource}), СП {probationCost} ₸ в день ({probationSource}) → {perDay} ₸ в день, {perYear} ₸ в год (метод письма: {letterPerDay} ₸ / {letterPerYear} ₸).',
    en: 'Priced by custody: institution {inmateCost} ₸ a day ({inmateSource}), probation {probationCost} ₸ a day ({probationSource}) → {perDay} ₸ a day, {perYear} ₸ a year (the letter’s method: {letterPerDay} ₸ / {letterPerYear} ₸).',
  },
  'audit.assumption': { kk: 'болжам', ru: 'допущение', en: 'assumption' },
  'custody.institution': { kk: 'ТМ', ru: 'ИУ', en: 'institution' },
  'custody.probation': { kk: 'ПҚ', ru: 'СП', en: 'probation' },
  'check.heading': { kk: 'Деректер сапасы: {file}', ru: 'Качество данных: {file}', en: 'Data quality: {file}' },
  'check.counts': {
    kk: 'Жолдар: {rows}; қабылданды: {accepted}; қабылданбады: {rejected}; ескертулер: {warnings}',
    ru: 'Строк: {rows}; принято: {accepted}; отклонено: {rejected}; предупреждений: {warnings}',
    en: 'Rows: {rows}; accepted: {accepted}; rejected: {rejected}; warnings: {warnings}',
  },
  'check.by_rule': { kk: 'Ережелер бойынша', ru: 'По правилам', en: 'By rule' },
  'check.issue': {
    kk: '{severity} {file}: {row}-жол, {column} бағаны, мәні «{value}»: {message} [{rule}]',
    ru: '{severity} {file}: строка {row}, столбец {column}, значение «{value}»: {message} [{rule}]',
    en: '{severity} {file}: row {row}, column {column}, value "{value}": {message} [{rule}]',
  },
  'check.severity.error': { kk: 'ҚАТЕ', ru: 'ОШИБКА', en: 'ERROR' },
  'check.severity.warning': { kk: 'ескерту', ru: 'предупреждение', en: 'warning' },
  'check.file_issue': { kk: '{severity} {file}: {message} [{rule}]', ru: '{severity} {file}: {message} [{rule}]', en: '{severity} {file}: {message} [{rule}]' },
  'check.csv_source': {
    kk: 'CSV: {encoding} кодтауы, бөлгіш — {delimiter}; {lines} жол',
    ru: 'CSV: кодировка {encoding}, разделитель — {delimiter}; строк файла: {lines}',
    en: 'CSV: {encoding} encoding, {delimiter} delimiter; {lines} lines',
  },
  'check.cell': { kk: '{cell} ұяшығы', ru: 'ячейка {cell}', en: 'cell {cell}' },
  'check.delimiter.comma': { kk: 'үтір', ru: 'запятая', en: 'comma' },
  'check.delimiter.semicolon': { kk: 'нүктелі үтір', ru: 'точка с запятой', en: 'semicolon' },
  'check.delimiter.tab': { kk: 'табуляция', ru: 'табуляция', en: 'tab' },
  'check.xlsx_source': {
    kk: 'XLSX: «{sheet}» парағы оқылды (кітапта {sheets} парақ)',
    ru: 'XLSX: прочитан лист «{sheet}» (листов в книге: {sheets})',
    en: 'XLSX: worksheet "{sheet}" read ({sheets} worksheets in the workbook)',
  },
  'check.snapshot': {
    kk: 'Тізілім көшірмесі тексерілді: {persons} адам, пішім {version}, бақылау сомасы {checksum}… сәйкес, заң кестесі {law} сәйкес',
    ru: 'Снимок реестра проверен: {persons} чел., формат {version}, контрольная сумма {checksum}… совпадает, таблица закона {law} совпадает',
    en: 'Registry snapshot verified: {persons} persons, format {version}, checksum {checksum}… matches, law table {law} matches',
  },
  'check.more': { kk: '… тағы {n} мәселе (толығы: --format json)', ru: '… ещё {n} (полностью: --format json)', en: '… {n} more (all of them: --format json)' },
  'generate.done': {
    kk: '{persons} адам {file} файлына жазылды ({ms} мс, seed {seed})',
    ru: '{persons} чел. записано в {file} ({ms} мс, seed {seed})',
    en: '{persons} persons written to {file} ({ms} ms, seed {seed})',
  },
  'progress.rows': { kk: '{rows} жол оқылды', ru: 'прочитано строк: {rows}', en: '{rows} rows read' },
  'registry.default': { kk: 'әдепкі синтетикалық тізілім ({profile}, seed {seed})', ru: 'синтетический реестр по умолчанию ({profile}, seed {seed})', en: 'default synthetic registry ({profile}, seed {seed})' },
  'error.data_file': { kk: 'Деректер файлында қате:', ru: 'Ошибка в файле данных:', en: 'Error in a data file:' },
  'error.internal': {
    kk: 'Күтпеген қате: {message}. Толығы {file} файлына жазылды',
    ru: 'Непредвиденная ошибка: {message}. Подробности записаны в {file}',
    en: 'Unexpected error: {message}. Details were written to {file}',
  },
  'error.internal_no_file': {
    kk: 'Күтпеген қате: {message}. Толығын файлға жазу мүмкін болмады',
    ru: 'Непредвиденная ошибка: {message}. Подробности не удалось записать в файл',
    en: 'Unexpected error: {message}. The details could not be written',
  },
  'error.row': { kk: '{row}-жол', ru: 'строка {row}', en: 'row {row}' },
  'error.unreadable': { kk: 'Файлды оқу мүмкін емес', ru: 'Файл не удаётся прочитать', en: 'The file cannot be read' },
  'error.unwritable': { kk: 'Файлды жазу мүмкін емес', ru: 'Файл не удаётся записать', en: 'The file cannot be written' },
  'error.registry_rejected': {
    kk: '{file}: {rejected} жол қабылданбады; алдымен `amnestia check {file}` орындаңыз',
    ru: '{file}: отклонено строк: {rejected}; сначала выполните `amnestia check {file}`',
    en: '{file}: {rejected} rows rejected; run `amnestia check {file}` first',
  },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;
