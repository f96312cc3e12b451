/**
 * What is wrong in a registry file's header or row (src/registry/: the data contract's row schema,
 * the checks across columns and rows, the CSV and XLSX readers), in kk, ru and en. The rule code
 * (`iin.check_digit`, `dates.order`, …) says what kind of problem it is (./rules.ts); these texts
 * are its detail, with the values found. Column names, codes and values of the data contract
 * (`birth_date`, `institution`, `true`) are data and stay as they are written.
 * Terms: жол / строка / row, баған / столбец / column, ұяшық / ячейка / cell, парақ / лист /
 * worksheet, ЖСН / ИИН (the individual identification number).
 */
import type { Text } from '../text.ts';

export const REGISTRY_ERRORS = {
  // a cell's text, whatever its column
  'registry.text_too_long': { kk: 'ұяшықта {length} таңба бар; ең көбі {max}', ru: 'в ячейке {length} символов; не больше {max}', en: 'the cell holds {length} characters; at most {max}' },
  'registry.control_character': {
    kk: 'ұяшықтың {position}-орнында басқару немесе көрінбейтін U+{code} таңбасы бар',
    ru: 'в ячейке на позиции {position} управляющий или невидимый символ U+{code}',
    en: 'the cell holds the control or invisible character U+{code} at position {position}',
  },
  'registry.error_value': { kk: 'ұяшықта электрондық кестенің {value} қате мәні тұр', ru: 'в ячейке значение ошибки электронной таблицы {value}', en: 'the cell holds the spreadsheet error value {value}' },
  'registry.replacement_character': {
    kk: 'ұяшықта U+FFFD (�) таңбасы бар: оның мәтіні бұл файлға жеткенше қате кодтаумен бүлінген',
    ru: 'в ячейке символ U+FFFD (�): её текст был испорчен неверной кодировкой ещё до этого файла',
    en: 'the cell holds U+FFFD (�): its text was garbled by a wrong encoding before it reached this file',
  },
  'registry.mojibake': {
    kk: 'мәтін қате кодтаумен бүлінген сияқты ({sample} …): UTF-8 басқа кодтық бет ретінде оқылған',
    ru: 'текст, похоже, искажён неверной кодировкой ({sample} …): UTF-8 прочитан как другая кодовая страница',
    en: 'the text looks garbled by a wrong encoding ({sample} …): UTF-8 read as another code page',
  },
  // values of a column
  'registry.not_a_date': { kk: '{value} — ЖЖЖЖ-АА-КК түріндегі нақты күн емес', ru: '{value} — несуществующая дата вида ГГГГ-ММ-ДД', en: 'not a real date in ISO form YYYY-MM-DD: {value}' },
  'registry.date_range': { kk: '{value} күні 1900–2100 аралығынан тыс', ru: 'дата {value} вне 1900–2100', en: 'date outside 1900–2100: {value}' },
  'registry.boolean': { kk: 'true немесе false (1 немесе 0) күтіледі, берілгені: {value}', ru: 'ожидается true или false (1 или 0), получено: {value}', en: 'expected true or false (1 or 0), got {value}' },
  'registry.whole_number': { kk: 'бүтін сан күтіледі: ең азы 0, ең көбі {max}', ru: 'ожидается целое число от 0 до {max}', en: 'expected a whole number from 0 to {max}' },
  'registry.amount': {
    kk: '125000 немесе 125000.50 сияқты теріс емес сома күтіледі: нүктеге дейін ең көбі 13 цифр, одан кейін 2 цифр',
    ru: 'ожидается неотрицательная сумма вида 125000 или 125000.50: не больше 13 цифр до точки и 2 после',
    en: 'expected a non-negative amount like 125000 or 125000.50, with at most 13 digits before the point and 2 after',
  },
  'registry.one_of': { kk: 'мына мәндердің бірі күтіледі: {values}; берілгені: {value}', ru: 'ожидается одно из значений: {values}; получено: {value}', en: 'expected one of {values}; got {value}' },
  'registry.iin_digits': { kk: 'ЖСН 12 цифрдан тұрады', ru: 'ИИН состоит из 12 цифр', en: 'a ИИН is 12 digits' },
  'registry.article_empty': { kk: 'бөлгіштердің арасында бап жоқ («188-2;190-1» деп жазыңыз)', ru: 'пустая статья между разделителями (пишите «188-2;190-1»)', en: 'empty article between separators (use "188-2;190-1")' },
  'registry.person_id_missing': { kk: 'person_id толтырылуы керек', ru: 'person_id обязателен', en: 'person_id is required' },
  // articles against the Criminal Code table (src/law/criminal-code.ts, resolve)
  'registry.no_code_edition': { kk: 'кестеде {edition} жылғы Қылмыстық кодекс жоқ (редакциялар: {editions})', ru: 'Уголовного кодекса {edition} года нет в таблице (редакции: {editions})', en: 'no Criminal Code of {edition} in the table (editions: {editions})' },
  'registry.no_point': {
    kk: 'кестеде {part} бап бөлігінің {point} тармағы жоқ: тармақ Кодекс тізімдерінде аталмаса, бөлікті ({part}) жазыңыз',
    ru: 'у части статьи {part} в таблице нет пункта {point}: если Кодекс не называет этот пункт в своих перечнях, укажите часть ({part})',
    en: "article part {part} has no point {point} in the table: record the part ({part}) if the point is not one the Code's lists name",
  },
  'registry.no_point_of': {
    kk: 'кестеде {part} бап бөлігінің {point} тармағы жоқ (тармақтары: {points}): тармақ Кодекс тізімдерінде аталмаса, бөлікті ({part}) жазыңыз',
    ru: 'у части статьи {part} в таблице нет пункта {point} (пункты: {points}): если Кодекс не называет этот пункт в своих перечнях, укажите часть ({part})',
    en: "article part {part} has no point {point} in the table (points: {points}): record the part ({part}) if the point is not one the Code's lists name",
  },
  'registry.name_the_part': { kk: '{article} бабының бөліктері бар: {parts}; бөлігін жазыңыз, мысалы {example}', ru: 'у статьи {article} есть части {parts}: укажите часть, например {example}', en: 'article {article} has parts {parts}: name the part, e.g. {example}' },
  'registry.no_part': { kk: '{article} бабының {part} бөлігі жоқ (бөліктері: {parts})', ru: 'у статьи {article} нет части {part} (части: {parts})', en: 'article {article} has no part {part} (parts: {parts})' },
  'registry.no_part_none': { kk: '{article} бабының {part} бөлігі жоқ (бапта бөліктер жоқ)', ru: 'у статьи {article} нет части {part} (у неё нет частей)', en: 'article {article} has no part {part} (it has no parts)' },
  'registry.article_not_in_edition': { kk: '{article} бабы {edition} жылғы Қылмыстық кодексте жоқ', ru: 'статьи {article} нет в Уголовном кодексе {edition} года', en: 'article {article} is not in the Criminal Code of {edition}' },
  'registry.article_not_in_table': { kk: '{article} бабы Қылмыстық кодекстің кестесінде жоқ', ru: 'статьи {article} нет в таблице Уголовного кодекса', en: 'article {article} is not in the Criminal Code table' },
  'registry.article_not_in_table_1997': {
    kk: '{article} бабы Қылмыстық кодекстің кестесінде жоқ (1997 жылғы Кодекс бойынша соттылық 1997:БАП-БӨЛІК түрінде жазылады)',
    ru: 'статьи {article} нет в таблице Уголовного кодекса (судимость по Кодексу 1997 года пишется 1997:СТАТЬЯ-ЧАСТЬ)',
    en: 'article {article} is not in the Criminal Code table (a conviction under the 1997 Code is written 1997:ARTICLE-PART)',
  },
  // the ИИН against the row (src/domain/iin.ts)
  'registry.iin_never_issued': { kk: 'ЖСН бақылау саны: мұндай нөмір ешқашан берілмейді (S2 = 10)', ru: 'контрольная цифра ИИН: такой номер никогда не выдаётся (S2 = 10)', en: 'ИИН check digit: such a number is never issued (S2 = 10)' },
  'registry.iin_check_digit': { kk: 'ЖСН бақылау саны {digit}, ал {expected} болуы керек', ru: 'контрольная цифра ИИН {digit}, ожидалась {expected}', en: 'ИИН check digit is {digit}, expected {expected}' },
  'registry.iin_birth_date': {
    kk: 'ЖСН-да {date} туған күні жазылған: ол birth_date бағанымен сәйкес емес немесе нақты күн емес',
    ru: 'ИИН содержит дату рождения {date}, которая не совпадает с birth_date или не является датой',
    en: 'ИИН encodes birth date {date}, which disagrees with birth_date or is not a date',
  },
  'registry.iin_sex': { kk: 'ЖСН-да {sex} жынысы жазылған: ол sex бағанымен сәйкес емес', ru: 'ИИН содержит пол {sex}, который не совпадает с sex', en: 'ИИН encodes sex {sex}, which disagrees with sex' },
  'registry.iin_century': { kk: 'ЖСН-ның 7-цифры 1–6 болуы керек, берілгені: {digit}', ru: '7-я цифра ИИН должна быть от 1 до 6, получено: {digit}', en: 'ИИН 7th digit must be 1–6, got {digit}' },
  // dates and columns that must agree
  'registry.date_before': { kk: '{column} {date} күні {other} {otherDate} күнінен бұрын', ru: '{column} {date} раньше, чем {other} {otherDate}', en: '{column} {date} is before {other} {otherDate}' },
  'registry.date_not_after': { kk: '{column} {date} күні {other} {otherDate} күнінен кейін емес', ru: '{column} {date} не позже, чем {other} {otherDate}', en: '{column} {date} is not after {other} {otherDate}' },
  'registry.age_at_offence': {
    kk: 'қылмыс жасалған күні адам {age} жаста болған: бұл қылмыстық жауаптылық жасынан ({min}) кем',
    ru: 'на дату преступления лицу было {age}: меньше возраста уголовной ответственности ({min})',
    en: 'the person was {age} on the offence date, below the age of criminal responsibility ({min})',
  },
  'registry.article_edition': {
    kk: '{part}: {date} күнгі қылмыс {code} бойынша жазылған, ал оның күшінде болған кезеңі: {from} – {until}; соттылықтың Кодексін тексеріңіз',
    ru: '{part}: преступление {date} по {code}, который действовал с {from} по {until}; проверьте Кодекс судимости',
    en: "{part}: an offence of {date} under {code}, which was in force {from} to {until}; check the conviction's Code",
  },
  'registry.article_edition_now': {
    kk: '{part}: {date} күнгі қылмыс {code} бойынша жазылған, ал ол {from} күнінен бастап күшінде; соттылықтың Кодексін тексеріңіз',
    ru: '{part}: преступление {date} по {code}, который действует с {from}; проверьте Кодекс судимости',
    en: "{part}: an offence of {date} under {code}, which is in force from {from}; check the conviction's Code",
  },
  'registry.article_not_in_force': {
    kk: '{part}: {date} күнгі қылмыс, ал бұл бөлік Кодекске ең ерте дегенде {from} күні енгізілген; соттылықтың бабын немесе қылмыс күнін тексеріңіз',
    ru: '{part}: преступление {date}, а эта часть действует в Кодексе не ранее чем с {from}; проверьте статью судимости или дату преступления',
    en: '{part}: an offence of {date}, but the part is in force in the Code from {from} at the earliest; check the conviction\'s article or the offence date',
  },
  'registry.pregnant_man': { kk: 'ер адамға pregnant = true көрсетілген', ru: 'pregnant = true указано у мужчины', en: 'pregnant is true for a man' },
  'registry.prior_imprisonment': {
    kk: 'бұрынғы соттылығы жоқ адамға бұрын бас бостандығынан айыру көрсетілген',
    ru: 'прежнее лишение свободы указано у лица без прежних судимостей',
    en: 'earlier imprisonment recorded for a person without prior convictions',
  },
  'registry.juvenile_colony': {
    kk: 'бұрынғы соттылығы жоқ адамға бұрын тәрбие колониясында болғаны көрсетілген',
    ru: 'прежнее пребывание в воспитательной колонии указано у лица без прежних судимостей',
    en: 'an earlier stay in a juvenile colony recorded for a person without prior convictions',
  },
  'registry.veteran_kind': { kk: 'veteran_kind {kind} мәні veteran {veteran} мәнімен сәйкес емес', ru: 'veteran_kind {kind} не согласуется с veteran {veteran}', en: 'veteran_kind {kind} disagrees with veteran {veteran}' },
  'registry.disabled_child_group': {
    kk: 'disabled_child_group {group} мәні disabled_child {disabled} мәнімен сәйкес емес',
    ru: 'disabled_child_group {group} не согласуется с disabled_child {disabled}',
    en: 'disabled_child_group {group} disagrees with disabled_child {disabled}',
  },
  'registry.claim_paid': { kk: 'төленгені ({paid}) талап сомасынан ({amount}) көп', ru: 'выплачено {paid}, больше суммы иска {amount}', en: 'paid {paid} exceeds the claim {amount}' },
  'registry.custody_sentence': { kk: 'мекемеде ұсталатын адам {sentence} жазасын өтей алмайды', ru: 'лицо, содержащееся в учреждении, не может отбывать {sentence}', en: 'a person held in an institution cannot serve {sentence}' },
  'registry.child_before_parent': { kk: 'бала {child} күні туған: ата-анасының өз туған күнінен ({parent}) кейін емес', ru: 'ребёнок родился {child}, не позже самого родителя ({parent})', en: "child born {child}, not after the parent's own birth {parent}" },
  'registry.child_parent_age': { kk: 'бала {child} күні туған: ата-анасы әлі 12 жасқа толмаған', ru: 'ребёнок родился {child}, когда родителю ещё не было 12 лет', en: 'child born {child}, before the parent was 12' },
  'registry.damage_compensated': { kk: 'залал келтірілмесе де, өтелген деп көрсетілген', ru: 'ущерб указан возмещённым, хотя он не причинён', en: 'damage compensated although no damage was caused' },
  'registry.probation_imprisonment': {
    kk: 'пробациялық бақылаудағы бас бостандығынан айыру: тек шартты түрде мерзімінен бұрын босатылғанда болады; жазбаны тексеріңіз',
    ru: 'лишение свободы на пробационном контроле: ожидается только при условно-досрочном освобождении; проверьте запись',
    en: 'imprisonment under probation control: expected only for parole; check the record',
  },
  // across rows
  'registry.person_id_duplicate': { kk: 'person_id {id} бұрын {row}-жолда қолданылған', ru: 'person_id {id} уже использован в строке {row}', en: 'person_id {id} already used on row {row}' },
  'registry.iin_duplicate': {
    kk: '{iin} ЖСН-ы {row}-жолдағы person_id {id} адамының ЖСН-ы: бір адам екі идентификатормен жазылған немесе ЖСН қате',
    ru: 'ИИН {iin} уже принадлежит person_id {id} в строке {row}: одно лицо под двумя идентификаторами или неверный ИИН',
    en: 'ИИН {iin} is already the ИИН of person_id {id} on row {row}: one person under two ids, or a wrong ИИН',
  },
  'registry.at': { kk: '{at}: {detail}', ru: '{at}: {detail}', en: '{at}: {detail}' },
  'registry.of_person': { kk: '{message} (person_id {id})', ru: '{message} (person_id {id})', en: '{message} (person_id {id})' },
  // the header
  'registry.missing_columns': { kk: 'бағандар жетіспейді: {columns}', ru: 'не хватает столбцов: {columns}', en: 'missing columns: {columns}' },
  'registry.missing_columns_hint': { kk: 'бағандар жетіспейді: {columns}; {hint}', ru: 'не хватает столбцов: {columns}; {hint}', en: 'missing columns: {columns}; {hint}' },
  'registry.unknown_columns': { kk: 'ескерілмеген бағандар: {columns}', ru: 'пропущенные столбцы: {columns}', en: 'ignored columns: {columns}' },
  'registry.duplicate_columns': { kk: 'екі рет аталған бағандар: {columns}', ru: 'столбцы, названные дважды: {columns}', en: 'columns named twice: {columns}' },
  'registry.no_header': { kk: 'файлда тақырып жолы жоқ', ru: 'в файле нет строки заголовка', en: 'the file has no header row' },
  // CSV
  'registry.delimiter.comma': { kk: 'үтірмен', ru: 'запятой', en: 'comma' },
  'registry.delimiter.semicolon': { kk: 'нүктелі үтірмен', ru: 'точкой с запятой', en: 'semicolon' },
  'registry.delimiter.tab': { kk: 'табуляциямен', ru: 'табуляцией', en: 'tab' },
  'registry.delimiter.other': { kk: '«{char}» таңбасымен', ru: 'знаком «{char}»', en: '"{char}"' },
  'registry.delimiter_guess': { kk: 'файл {read} емес, {found} бөлінген сияқты', ru: 'файл, похоже, разделён {found}, а не {read}', en: 'the file seems to be separated by {found}, not {read}' },
  'registry.header_one_cell_other': {
    kk: 'тақырып — бір ұяшық; оның атаулары оқылмайтын «{other}» таңбасымен бөлінген сияқты: үтірді, нүктелі үтірді немесе табуляцияны қолданыңыз',
    ru: 'заголовок — одна ячейка; его названия, похоже, разделены знаком «{other}», который не читается: используйте запятую, точку с запятой или табуляцию',
    en: 'the header is one cell; its names seem to be separated by "{other}", which is not read: use a comma, a semicolon or a tab',
  },
  'registry.header_one_cell': {
    kk: 'тақырып — бір ұяшық: оның атауларын үтір, нүктелі үтір немесе табуляция бөлмейді',
    ru: 'заголовок — одна ячейка: его названия не разделены ни запятой, ни точкой с запятой, ни табуляцией',
    en: 'the header is one cell: no comma, semicolon or tab separates its names',
  },
  'registry.header_malformed': { kk: 'тақырып жолы {line}-жолдың {column}-бағанында бұзылған: {detail}', ru: 'строка заголовка повреждена в строке {line}, столбце {column}: {detail}', en: 'the header row is malformed at line {line}, column {column}: {detail}' },
  'registry.csv_at': { kk: '{detail} ({line}-жол, {column}-баған)', ru: '{detail} (строка {line}, столбец {column})', en: '{detail} (line {line}, column {column})' },
  'registry.unclosed_quote': {
    kk: 'тырнақша ашылған, бірақ жабылмаған; жазба осы жолда аяқталады деп есептеледі',
    ru: 'кавычка открыта и не закрыта; строка считается закончившейся на этой строке файла',
    en: 'a quote is opened and never closed; the row is taken to end with this line',
  },
  'registry.text_after_quote': {
    kk: 'ұяшықтың жабатын тырнақшасынан кейін мәтін бар (ұяшық ішіндегі тырнақша қосарланып жазылады: "")',
    ru: 'текст после закрывающей кавычки ячейки (кавычка внутри ячейки удваивается: "")',
    en: 'text after the closing quote of a cell (a quote inside a cell must be doubled: "")',
  },
  'registry.quote_in_unquoted': {
    kk: 'тырнақшасыз ұяшықтың ішінде қос тырнақша бар (бүкіл ұяшықты тырнақшаға алып, тырнақшаны қосарлаңыз: "")',
    ru: 'двойная кавычка внутри ячейки без кавычек (возьмите всю ячейку в кавычки и удвойте кавычку: "")',
    en: 'a double quote inside an unquoted cell (quote the whole cell and double the quote: "")',
  },
  'registry.cell_count': { kk: 'жолда {cells} ұяшық, тақырыпта {header} ({delimiter} бөлінген)', ru: 'в строке {cells} ячеек, в заголовке {header} (разделено {delimiter})', en: 'the row has {cells} cells, the header {header} (separated by {delimiter})' },
  'registry.cell_count_lines': {
    kk: 'жолда {cells} ұяшық, тақырыпта {header} ({delimiter} бөлінген); бұл жазба файлдың {from}–{to} жолдарында',
    ru: 'в строке {cells} ячеек, в заголовке {header} (разделено {delimiter}); строка занимает строки файла {from}–{to}',
    en: 'the row has {cells} cells, the header {header} (separated by {delimiter}); the row spans lines {from}–{to}',
  },
  'registry.unnamed_cell': { kk: '{n}-ұяшықта мән бар, бірақ тақырыпта оның бағанының атауы жоқ', ru: 'в ячейке {n} есть значение, но у её столбца нет названия в заголовке', en: 'cell {n} has a value but its column has no name in the header' },
  // XLSX
  'registry.cell_not_date': { kk: 'күн ұяшығының мәні күнтізбелік күн емес', ru: 'ячейка даты, значение которой не календарная дата', en: 'a date cell whose value is not a calendar date' },
  'registry.cell_number': { kk: 'сан ұяшығында {value} тұр', ru: 'числовая ячейка содержит {value}', en: 'a number cell that holds {value}' },
  'registry.formula_no_value': {
    kk: '={formula} формуласының сақталған мәні жоқ (немесе мәні қате): кітапты Excel-де ашып, есептетіп, қайта сақтаңыз',
    ru: 'у формулы ={formula} нет сохранённого значения (или оно ошибочно): откройте книгу в Excel, дайте ей пересчитаться и сохраните',
    en: 'the formula ={formula} has no saved value (or its value is an error): open the workbook in Excel, let it calculate, and save it',
  },
  'registry.shared_formula': { kk: '({cell} ұяшығымен ортақ формула)', ru: '(общая формула с ячейкой {cell})', en: '(shared with {cell})' },
  'registry.formula_error': { kk: '={formula} формуласы қате мән береді', ru: 'формула ={formula} даёт значение ошибки', en: 'the formula ={formula} gives an error value' },
  'registry.formula_error_value': { kk: '={formula} формуласы {value} қате мәнін береді', ru: 'формула ={formula} даёт значение ошибки {value}', en: 'the formula ={formula} gives the error value {value}' },
  'registry.cell_unreadable': {
    kk: 'ұяшық мәнінің түрі оқылмайды (ол мәтін де, сан да, күн де, логикалық мән де, нәтижесі бар формула да емес)',
    ru: 'значение ячейки такого вида не читается (не текст, не число, не дата, не логическое значение и не формула с результатом)',
    en: 'a cell value of a kind that is not read (neither text, number, date, boolean nor a formula with its result)',
  },
  'registry.header_unreadable': {
    kk: '{row}-тақырып жолында оқылмайтын {n} ұяшық бар; біріншісі {cell}: {detail}',
    ru: 'в строке заголовка {row} нечитаемых ячеек: {n}; первая — {cell}: {detail}',
    en: 'the header row {row} has {n} unreadable cells; the first, {cell}: {detail}',
  },
  'registry.unnamed_cell_at': { kk: '{cell} ұяшығында мән бар, бірақ тақырып жолында оның бағанының атауы жоқ', ru: 'в ячейке {cell} есть значение, но у её столбца нет названия в строке заголовка', en: 'cell {cell} has a value but its column has no name in the header row' },
  'registry.merged_cells': {
    kk: '{ref} ұяшықтары біріктірілген: мәні тек {first} ұяшығында, ал {cell} бос оқылар еді; біріктіруді алып тастап, әр ұяшықты толтырыңыз',
    ru: 'ячейки {ref} объединены: значение есть только в {first}, а {cell} прочиталась бы пустой; разъедините их и заполните каждую ячейку',
    en: 'the cells {ref} are merged: only {first} holds a value, and {cell} would be read empty; unmerge them and fill every cell',
  },
  'registry.workbook_no_sheet': { kk: 'кітапта парақ жоқ', ru: 'в книге нет листов', en: 'the workbook has no worksheet' },
  'registry.sheet_no_rows': { kk: '«{sheet}» парағында жолдар жоқ', ru: 'в листе «{sheet}» нет строк', en: 'the worksheet "{sheet}" has no rows' },
  'registry.no_sheet_rows': { kk: 'кітаптың бірде-бір парағында жолдар жоқ', ru: 'ни в одном листе книги нет строк', en: 'no worksheet of the workbook has rows' },
  'registry.only_hidden_sheets': {
    kk: 'жолдары бар көрінетін парақ жоқ; жолдары бар жасырын парақтар (жол саны жақшада): {sheets}; оқылатынын атаңыз (--sheet)',
    ru: 'нет видимого листа со строками; скрытые листы со строками (число строк в скобках): {sheets}; укажите, какой читать (--sheet)',
    en: 'no visible worksheet has rows; hidden worksheets with rows (rows in brackets): {sheets}; name the one to read (--sheet)',
  },
  'registry.other_sheets': {
    kk: '«{sheet}» парағы оқылды; жолдары бар басқа парақтар оқылмады (жол саны жақшада): {sheets}; оқу үшін біреуін атаңыз (--sheet)',
    ru: 'прочитан лист «{sheet}»; другие листы со строками не прочитаны (число строк в скобках): {sheets}; чтобы прочитать один из них, укажите его (--sheet)',
    en: 'read the worksheet "{sheet}"; other worksheets with rows were not read (rows in brackets): {sheets}; name one to read it (--sheet)',
  },
} as const satisfies Record<string, Text>;
