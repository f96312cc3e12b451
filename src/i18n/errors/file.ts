/**
 * Why a file cannot be read at all (UnreadableFileError, exit code 3: src/domain/errors.ts), in
 * kk, ru and en: a registry file (CSV, XLSX), a registry snapshot (`.amnreg`), an act or data file.
 * The rule code (`file.binary`, `encoding.invalid`, `xlsx.corrupt`, `snapshot.checksum`) says what
 * kind of refusal it is (../rules.ts); these texts are its detail. Codes of the system (ENOENT),
 * byte values and the words of file formats (ZIP, UTF-8, AMNREG) are data and stay as written.
 */
import type { Text } from '../text.ts';

export const FILE_ERRORS = {
  // every kind of file
  'file.no_such_file': { kk: 'мұндай файл жоқ', ru: 'такого файла нет', en: 'no such file' },
  'file.cannot_open': { kk: 'файл ашылмайды ({code})', ru: 'файл не открывается ({code})', en: 'cannot be opened ({code})' },
  'file.cannot_read': { kk: 'файл оқылмайды ({code})', ru: 'файл не читается ({code})', en: 'cannot be read ({code})' },
  'file.cannot_read_detail': { kk: 'файл оқылмайды ({code}: {detail})', ru: 'файл не читается ({code}: {detail})', en: 'cannot be read ({code}: {detail})' },
  'file.registry_directory': { kk: 'бұл қалта; CSV, XLSX немесе .amnreg файлы күтіледі', ru: 'это папка; ожидается файл CSV, XLSX или .amnreg', en: 'is a directory, expected a CSV, XLSX or .amnreg file' },
  'file.data_directory': { kk: 'бұл қалта; YAML немесе JSON файлы күтіледі', ru: 'это папка; ожидается файл YAML или JSON', en: 'is a folder, expected a YAML or JSON file' },
  'file.registry_type': {
    kk: 'тізілім файлының {ext} түрі оқылмайды; .csv (.txt, .tsv), .xlsx немесе .amnreg (көшірме) күтіледі',
    ru: 'тип файла реестра {ext} не читается; ожидается .csv (.txt, .tsv), .xlsx или .amnreg (снимок)',
    en: 'unsupported registry file type {ext}; expected .csv (.txt, .tsv), .xlsx or .amnreg (snapshot)',
  },
  // an upload that did not arrive whole (POST /api/registries)
  'file.upload_too_large': { kk: 'жүктелетін файл тым үлкен: ең көбі {limit} байт', ru: 'загружаемый файл слишком велик: не больше {limit} байт', en: 'the uploaded file is too large: at most {limit} bytes' },
  // an import stopped by an error of the server, not by a problem of the file: its own text is kept
  // apart (the upload's stored error and its audit entry, for the server's log)
  'import.failed_unexpected': {
    kk: '{file} файлын импорттау файлдағы қатеден емес, сервердің күтпеген қатесінен тоқтады; толығын әкімші сервер журналынан табады (жүктеу {id})',
    ru: 'импорт файла {file} остановлен не ошибкой в файле, а непредвиденной ошибкой сервера; подробности администратор найдёт в журнале сервера (загрузка {id})',
    en: 'the import of {file} stopped on an unexpected error of the server, not on a problem of the file; the administrator finds its detail in the server’s log (upload {id})',
  },
  'file.upload_broken': { kk: 'файл толық келмей тұрып жүктеу үзілді', ru: 'загрузка прервалась, прежде чем файл пришёл целиком', en: 'the upload broke off before the whole file arrived' },
  'file.no_extension': { kk: '(жоқ)', ru: '(нет)', en: '(none)' },
  'file.data_too_large': { kk: '{size} байт; акт немесе деректер файлы ең көбі {max} байт бола алады', ru: '{size} байт; файл акта или данных может содержать не больше {max} байт', en: '{size} bytes; an act or data file may hold at most {max} bytes' },
  'file.data_binary': { kk: 'NUL байты бар: бұл YAML мәтіні емес, екілік файл', ru: 'байт NUL: это двоичный файл, а не текст YAML', en: 'a NUL byte: this is a binary file, not YAML text' },
  'file.data_not_utf8': { kk: 'UTF-8 емес байттар бар: акт пен деректер файлдары UTF-8 мәтіні болады', ru: 'байты не в UTF-8: файлы актов и данных — текст в UTF-8', en: 'bytes that are not UTF-8: act and data files are UTF-8 text' },
  // a CSV file: what it is, and its encoding
  'file.first_line_too_long': { kk: 'бірінші жол 1 МиБ-тан ұзын: бұл тізілім файлы емес', ru: 'первая строка длиннее 1 МиБ: это не файл реестра', en: 'the first line is longer than 1 MiB: this is not a registry file' },
  'file.line_too_long': { kk: '{max} таңбадан ұзын жол бар: бұл тізілім файлы емес', ru: 'строка длиннее {max} символов: это не файл реестра', en: 'a line longer than {max} characters: this is not a registry file' },
  'file.gzip': { kk: 'gzip арқылы сығылған файл: алдымен оны ашыңыз', ru: 'файл сжат gzip: сначала распакуйте его', en: 'a gzip-compressed file: decompress it first' },
  'file.zip_not_csv': { kk: 'бұл CSV мәтіні емес, ZIP мұрағаты: Excel кітабының атауы .xlsx болуы керек', ru: 'это архив ZIP, а не текст CSV: книга Excel должна называться .xlsx', en: 'a ZIP archive, not CSV text: an Excel workbook must be named .xlsx' },
  'file.ole_not_csv': {
    kk: 'бұл CSV мәтіні емес, Excel 97–2003 (.xls) немесе басқа OLE файлы: оны .xlsx немесе CSV ретінде сақтаңыз',
    ru: 'это файл Excel 97–2003 (.xls) или другой файл OLE, а не текст CSV: сохраните его как .xlsx или CSV',
    en: 'an Excel 97–2003 (.xls) or other OLE file, not CSV text: save it as .xlsx or CSV',
  },
  'file.pdf_not_csv': { kk: 'бұл CSV мәтіні емес, PDF құжаты', ru: 'это документ PDF, а не текст CSV', en: 'a PDF document, not CSV text' },
  'file.compressed': { kk: 'сығылған файл (bzip2, xz немесе zstd): алдымен оны ашыңыз', ru: 'сжатый файл (bzip2, xz или zstd): сначала распакуйте его', en: 'a compressed file (bzip2, xz or zstd): decompress it first' },
  'file.snapshot_not_csv': { kk: 'бұл CSV мәтіні емес, тізілім көшірмесі: атауын .amnreg деп қойыңыз', ru: 'это снимок реестра, а не текст CSV: назовите его .amnreg', en: 'a registry snapshot, not CSV text: name it .amnreg' },
  'file.utf32': { kk: 'UTF-32 мәтіні оқылмайды: файлды UTF-8 ретінде сақтаңыз', ru: 'текст в UTF-32 не читается: сохраните файл в UTF-8', en: 'UTF-32 text is not read: save the file as UTF-8' },
  'file.nul_bytes': { kk: 'алғашқы {size} байттың {n} байты NUL: бұл CSV мәтіні емес, екілік файл', ru: 'в первых {size} байтах {n} байтов NUL: это двоичный файл, а не текст CSV', en: '{n} NUL bytes in the first {size} bytes: this is a binary file, not CSV text' },
  'file.control_bytes': {
    kk: 'алғашқы {size} байттың {n} байты басқару байты: бұл CSV мәтіні емес, екілік файл',
    ru: 'в первых {size} байтах {n} управляющих байтов: это двоичный файл, а не текст CSV',
    en: '{n} control bytes in the first {size} bytes: this is a binary file, not CSV text',
  },
  'file.case_swapped': {
    kk: 'кириллица сөздерінде кіші әріптен кейін бас әріптер тұр: кодтық бет Windows-1251 емес (KOI8-R?); файлды UTF-8 ретінде сақтаңыз',
    ru: 'в словах кириллицей строчная буква стоит перед заглавными: кодовая страница не Windows-1251 (KOI8-R?); сохраните файл в UTF-8',
    en: 'Cyrillic words with a small letter before capitals: the code page is not Windows-1251 (KOI8-R?); save the file as UTF-8',
  },
  'file.unknown_byte': {
    kk: '0x{byte} байты UTF-8 те, Windows-1251 кодтауындағы орыс немесе қазақ әрпі де емес: кодтау белгісіз; файлды UTF-8 ретінде сақтаңыз',
    ru: 'байт 0x{byte} не относится ни к UTF-8, ни к русским или казахским буквам Windows-1251: кодировка неизвестна; сохраните файл в UTF-8',
    en: 'byte 0x{byte} is neither UTF-8 nor a Russian or Kazakh letter in Windows-1251: the encoding is unknown; save the file as UTF-8',
  },
  'file.doubtful_byte': {
    kk: '0x{byte} байты Windows-1251 кодтауындағы орыс немесе қазақ әрпі емес: кодтық бет күмәнді; файлды UTF-8 ретінде сақтаңыз',
    ru: 'байт 0x{byte} не русская и не казахская буква в Windows-1251: кодовая страница сомнительна; сохраните файл в UTF-8',
    en: 'byte 0x{byte} is not a Russian or Kazakh letter in Windows-1251: the code page is doubtful; save the file as UTF-8',
  },
  'file.bom_not_utf8': {
    kk: 'файл UTF-8 белгісінен (BOM) басталады, бірақ онда UTF-8 емес байттар бар',
    ru: 'байты не в UTF-8, хотя файл начинается с метки порядка байтов UTF-8',
    en: 'bytes that are not UTF-8 although the file begins with a UTF-8 byte-order mark',
  },
  'file.mixed_cp1251': {
    kk: 'UTF-8 мәтінінен кейін UTF-8 емес байттар (Windows-1251?) бар: файлда кодтаулар араласқан; оны UTF-8 ретінде сақтаңыз',
    ru: 'после текста в UTF-8 байты не в UTF-8 (Windows-1251?): в файле смешаны кодировки; сохраните его в UTF-8',
    en: 'bytes that are not UTF-8 (Windows-1251?) after UTF-8 text: the file mixes encodings; save it as UTF-8',
  },
  'file.mixed': {
    kk: 'UTF-8 емес байттар бар: файлда кодтаулар араласқан немесе ол бүлінген; оны UTF-8 ретінде сақтаңыз',
    ru: 'байты не в UTF-8: в файле смешаны кодировки или он повреждён; сохраните его в UTF-8',
    en: 'bytes that are not UTF-8: the file mixes encodings or is damaged; save it as UTF-8',
  },
  'file.not_text_in': {
    kk: '{encoding} мәтіні емес байттар бар (жұбы жоқ суррогат немесе кесілген таңба)',
    ru: 'байты, которые не являются текстом {encoding} (непарный суррогат или обрезанный символ)',
    en: 'bytes that are not {encoding} text (an unpaired surrogate or a cut character)',
  },
  'file.cut_utf8': { kk: 'файл UTF-8 таңбасының ортасында аяқталады: ол кесіліп қалған', ru: 'файл заканчивается посреди символа UTF-8: он обрезан', en: 'the file ends inside a UTF-8 character: it was cut off' },
  'file.cut': { kk: 'файл таңбаның ортасында аяқталады: ол кесіліп қалған', ru: 'файл заканчивается посреди символа: он обрезан', en: 'the file ends inside a character: it was cut off' },
  // an XLSX workbook
  'file.xlsx_empty': { kk: 'бос файл, кітап емес', ru: 'пустой файл, а не книга', en: 'an empty file, not a workbook' },
  'file.xlsx_gzip': { kk: 'кітап емес, gzip арқылы сығылған файл: алдымен оны ашыңыз', ru: 'файл, сжатый gzip, а не книга: сначала распакуйте его', en: 'a gzip-compressed file, not a workbook: decompress it first' },
  'file.xlsx_xls': {
    kk: 'Excel 97–2003 (.xls) кітабы немесе шифрланған кітап: оны құпиясөзсіз .xlsx ретінде сақтаңыз',
    ru: 'книга Excel 97–2003 (.xls) или зашифрованная книга: сохраните её как .xlsx без пароля',
    en: 'an Excel 97–2003 (.xls) workbook or an encrypted workbook: save it as .xlsx without a password',
  },
  'file.xlsx_not_zip': {
    kk: 'бұл XLSX кітабы емес (XLSX файлы — ZIP мұрағаты; мүмкін, бұл .xlsx деп аталған CSV файлы?)',
    ru: 'это не книга XLSX (файл XLSX — архив ZIP; может быть, это файл CSV с именем .xlsx?)',
    en: 'not an XLSX workbook (an XLSX file is a ZIP archive; is this a CSV file named .xlsx?)',
  },
  'file.xlsx_truncated': { kk: 'кітап кесіліп қалған: оның ZIP каталогы жоқ ({size} байт оқылды)', ru: 'книга обрезана: нет её каталога ZIP (прочитано {size} байт)', en: 'the workbook is cut off: its ZIP directory is missing ({size} bytes read)' },
  'file.xlsx_part_unpack': { kk: '{part} парақ бөлігін ашу мүмкін емес: {detail}', ru: 'часть листа {part} не распаковывается: {detail}', en: 'the worksheet part {part} cannot be unpacked: {detail}' },
  'file.xlsx_no_such_sheet': { kk: '«{sheet}» деген парақ жоқ; кітаптағы парақтар: {sheets}', ru: 'листа «{sheet}» нет; листы книги: {sheets}', en: 'no worksheet named "{sheet}"; the workbook has {sheets}' },
  'file.xlsx_no_such_sheet_none': { kk: '«{sheet}» деген парақ жоқ; кітапта парақ мүлде жоқ', ru: 'листа «{sheet}» нет; в книге нет ни одного листа', en: 'no worksheet named "{sheet}"; the workbook has no worksheet' },
  'file.xlsx_zip_directory': { kk: 'кітаптың ZIP каталогы оқылмайды: {detail}', ru: 'каталог ZIP книги не читается: {detail}', en: "the workbook's ZIP directory cannot be read: {detail}" },
  'file.xlsx_no_workbook': {
    kk: 'xl/workbook.xml немесе оның байланыстары жоқ: бұл ZIP мұрағаты Excel кітабы емес',
    ru: 'нет xl/workbook.xml или его связей: этот архив ZIP — не книга Excel',
    en: 'no xl/workbook.xml or its relationships: this ZIP archive is not an Excel workbook',
  },
  'file.xlsx_sheet_no_part': { kk: '«{sheet}» парағының кітапта бөлігі жоқ', ru: 'у листа «{sheet}» нет части в книге', en: 'the worksheet "{sheet}" has no part in the workbook' },
  'file.xlsx_sheet_layout': {
    kk: '«{sheet}» парағы {target} ретінде сақталған, ол оқылмайды: кітапты Excel-де қайта сақтаңыз',
    ru: 'лист «{sheet}» хранится как {target}, а это не читается: сохраните книгу в Excel заново',
    en: 'the worksheet "{sheet}" is stored as {target}, which is not read: save the workbook again in Excel',
  },
  'file.xlsx_sheet_missing': { kk: '«{sheet}» парағы ({part}) мұрағатта жоқ', ru: 'лист «{sheet}» ({part}) отсутствует в архиве', en: 'the worksheet "{sheet}" ({part}) is missing from the archive' },
  'file.xlsx_part_missing': { kk: 'архивте {part} бөлігі жоқ', ru: 'в архиве нет части {part}', en: 'the archive has no part {part}' },
  'file.xlsx_unreadable': { kk: 'кітап оқылмайды: {detail}', ru: 'книга не читается: {detail}', en: 'the workbook cannot be read: {detail}' },
  // a registry snapshot (.amnreg)
  'file.snapshot_ends_early': { kk: 'файл {at}-байтта аяқталады, ал тақырыбы {expected} байт жариялайды', ru: 'файл заканчивается на байте {at}, раньше {expected} байт, объявленных заголовком', en: 'the file ends at byte {at}, before the {expected} bytes its header announces' },
  'file.snapshot_short': { kk: 'тек {size} байт: көшірме кесіліп қалған', ru: 'всего {size} байт: снимок обрезан', en: 'only {size} bytes: the snapshot is cut off' },
  'file.snapshot_magic': { kk: 'бұл тізілім көшірмесі емес (ол AMNREG деп басталмайды)', ru: 'это не снимок реестра (он не начинается с AMNREG)', en: 'not a registry snapshot (it does not begin with AMNREG)' },
  'file.snapshot_version': {
    kk: 'пішім нұсқасы {version}; бұл бағдарлама {reads} нұсқасын оқиды: көшірмені қайта жазыңыз (amnestia generate --out … .amnreg)',
    ru: 'версия формата {version}; эта программа читает версию {reads}: запишите снимок заново (amnestia generate --out … .amnreg)',
    en: 'format version {version}; this version reads format {reads}: write the snapshot again (amnestia generate --out … .amnreg)',
  },
  'file.snapshot_version_unknown': { kk: 'белгісіз пішім нұсқасы «{version}»', ru: 'неизвестная версия формата «{version}»', en: 'an unknown format version "{version}"' },
  'file.snapshot_header_length': { kk: 'тақырып ұзындығы {length} {size} байттық файлға сыймайды', ru: 'длина заголовка {length} не помещается в файл из {size} байт', en: 'the header length {length} does not fit in the file of {size} bytes' },
  'file.snapshot_header_json': { kk: 'тақырып жарамды JSON емес', ru: 'заголовок — не корректный JSON', en: 'the header is not valid JSON' },
  'file.snapshot_header_schema': { kk: 'тақырып {path} жерінде өз сұлбасына сай емес: {detail}', ru: 'заголовок не соответствует своей схеме в {path}: {detail}', en: 'the header fails its schema at {path}: {detail}' },
  'file.snapshot_size': {
    kk: 'файлда {size} байт; тақырыбы {expected} байт жариялайды ({persons} адам): файл кесілген немесе ұзартылған',
    ru: 'в файле {size} байт; заголовок объявляет {expected} ({persons} лиц): файл обрезан или дополнен',
    en: 'the file has {size} bytes; its header announces {expected} ({persons} persons): cut off or extended',
  },
  'file.snapshot_checksum': {
    kk: 'бақылау сомасы сәйкес емес (жазылғаны {written}…, есептелгені {computed}…): файл жазылғаннан кейін өзгертілген немесе бүлінген',
    ru: 'контрольная сумма не совпадает (записана {written}…, вычислена {computed}…): файл изменён или повреждён после записи',
    en: 'the checksum does not match (written {written}…, computed {computed}…): the file was changed or damaged after it was written',
  },
  'file.snapshot_law': {
    kk: 'Қылмыстық кодекстің басқа кестесімен жазылған ({written}, қазір {now}); оны қазіргі law/criminal-code.yaml бойынша қайта жасаңыз',
    ru: 'записан с другой таблицей Уголовного кодекса ({written}, сейчас {now}); создайте его заново по текущему law/criminal-code.yaml',
    en: 'written with another Criminal Code table ({written}, now {now}); regenerate it with the current law/criminal-code.yaml',
  },
  'file.snapshot_column_unknown': {
    kk: 'белгісіз {column} бағаны: тізілім бағандарының басқа нұсқасымен жазылған; көшірмені қайта жазыңыз',
    ru: 'неизвестный столбец {column}: записан другой версией столбцов реестра; запишите снимок заново',
    en: "an unknown column {column}: written by another version of the registry's columns; write the snapshot again",
  },
  'file.snapshot_column_twice': { kk: '{column} бағаны екі рет берілген', ru: 'столбец {column} указан дважды', en: 'the column {column} is given twice' },
  'file.snapshot_column_type': { kk: '{column} бағанының түрі {type}; {expected} күтіледі', ru: 'столбец {column} имеет тип {type}; ожидается {expected}', en: 'the column {column} is {type}; expected {expected}' },
  'file.snapshot_column_no_dictionary': { kk: '{column} бағанында сөздік жоқ', ru: 'у столбца {column} нет словаря', en: 'the column {column} lacks a dictionary' },
  'file.snapshot_column_dictionary': { kk: '{column} бағанында артық сөздік бар', ru: 'у столбца {column} лишний словарь', en: 'the column {column} has a dictionary' },
  'file.snapshot_column_outside': {
    kk: '{column} бағаны деректерден тыс жатыр (ығысуы {offset}, {data} байттың {bytes} байты)',
    ru: 'столбец {column} лежит вне данных (смещение {offset}, {bytes} байт из {data})',
    en: 'the column {column} lies outside the data (offset {offset}, {bytes} bytes of {data})',
  },
  'file.snapshot_column_missing': { kk: '{column} бағаны жоқ: басқа нұсқамен жазылған; көшірмені қайта жазыңыз', ru: 'нет столбца {column}: записан другой версией; запишите снимок заново', en: 'the column {column} is missing: written by another version; write the snapshot again' },
  'file.snapshot_column_length': { kk: '{column} бағанында {n} мән; {persons} адамға {need} керек', ru: 'в столбце {column} значений: {n}; для {persons} лиц нужно {need}', en: 'the column {column} has {n} values; {persons} persons need {need}' },
  'file.snapshot_value': { kk: '{column} бағаны, {person}-адам: {detail}', ru: 'столбец {column}, лицо {person}: {detail}', en: 'the column {column}, person {person}: {detail}' },
  'file.snapshot_derived': {
    kk: '{person}-адамның {column} туынды бағаны адам жазбасынан есептелген мәннен өзгеше: файл өңделген',
    ru: 'производный столбец {column} лица {person} отличается от значения, вычисленного по записи лица: файл редактировали',
    en: "the derived column {column} of person {person} differs from the value computed from the person's record: the file was edited",
  },
  'file.snapshot_ids_outside': { kk: 'адам идентификаторлары деректерден тыс жатыр', ru: 'идентификаторы лиц лежат вне данных', en: 'the person ids lie outside the data' },
  'file.snapshot_ids_not_list': { kk: 'адам идентификаторлары JSON тізімі емес', ru: 'идентификаторы лиц — не список JSON', en: 'the person ids are not a JSON list' },
  'file.snapshot_ids_not_texts': { kk: 'адам идентификаторлары бос емес {n} мәтіннен тұрмайды', ru: 'идентификаторы лиц — не {n} непустых текстов', en: 'the person ids are not {n} non-empty texts' },
  'file.snapshot_id_twice': { kk: 'бір адам идентификаторы екі рет берілген', ru: 'идентификатор лица указан дважды', en: 'a person id is given twice' },
  // an output that cannot be written (OutputError, exit code 4: src/output/atomic.ts)
  'file.output_no_folder': { kk: '{folder} қалтасы жоқ', ru: 'папки {folder} нет', en: 'the folder {folder} does not exist' },
  'file.output_not_folder': { kk: '{folder} жолының бір бөлігі қалта емес', ru: 'часть пути {folder} — не папка', en: 'a part of the path {folder} is not a folder' },
  'file.output_permission': { kk: '{folder} қалтасына жазуға рұқсат жоқ', ru: 'нет прав на запись в {folder}', en: 'no permission to write in {folder}' },
  'file.output_read_only': { kk: '{folder} тек оқуға арналған файл жүйесінде', ru: '{folder} на файловой системе только для чтения', en: '{folder} is on a read-only file system' },
  'file.output_disk_full': { kk: 'диск толы; ештеңе жазылмады, ескі файл (болса) өзгермеді', ru: 'диск заполнен; ничего не записано, старый файл (если был) не изменён', en: 'the disk is full; nothing was written and an old file is left unchanged' },
  'file.output_quota': { kk: 'диск квотасы таусылды; ештеңе жазылмады, ескі файл (болса) өзгермеді', ru: 'дисковая квота исчерпана; ничего не записано, старый файл (если был) не изменён', en: 'the disk quota is exhausted; nothing was written and an old file is left unchanged' },
  'file.output_is_folder': { kk: 'бұл файл емес, қалта', ru: 'это папка, а не файл', en: 'is a folder, not a file' },
  'file.output_name_too_long': { kk: 'файл атауы тым ұзын', ru: 'слишком длинное имя файла', en: 'the file name is too long' },
  'file.output_too_large': { kk: 'файл файлдық жүйе рұқсат ететіннен үлкен', ru: 'файл больше, чем позволяет файловая система', en: 'the file is larger than the file system allows' },
  'file.output_failed': { kk: 'файлды жазу мүмкін емес ({detail})', ru: 'файл не удаётся записать ({detail})', en: 'cannot be written ({detail})' },
  'file.output_is_input': { kk: 'бұл файл осы команданың кірісі де ({input}); басқа файлға жазыңыз', ru: 'этот файл — также вход этой команды ({input}); пишите в другой файл', en: 'is also an input of this command ({input}); write to another file' },
  'file.output_closed': { kk: 'файл жабылғаннан кейін жазылды', ru: 'запись после закрытия файла', en: 'written after it was closed' },
  // a value of a snapshot's column out of its domain (src/registry/registry.ts, findValueProblem)
  'file.value.dictionary_start': { kk: 'сөздік бос мәтіннен (белгісіз) басталмайды', ru: 'словарь не начинается с пустого текста (неизвестно)', en: 'the dictionary does not begin with the empty text (unknown)' },
  'file.value.lists_start': { kk: 'тізімдер 0-ден басталмайды', ru: 'списки не начинаются с 0', en: 'the lists do not begin at 0' },
  'file.value.code_range': { kk: '{value} коды -1…{max} аралығынан тыс', ru: 'код {value} вне -1…{max}', en: 'code {value} is outside -1…{max}' },
  'file.value.tristate': { kk: '{value} мәні -1, 0 немесе 1 емес', ru: 'значение {value} — не -1, не 0 и не 1', en: '{value} is not -1, 0 or 1' },
  'file.value.dictionary_code': { kk: '{value} коды {size} мәнді сөздіктен тыс', ru: 'код {value} вне своего словаря из {size} значений', en: 'code {value} is outside its dictionary of {size}' },
  'file.value.day_range': { kk: '{value} күні 1900–2100 аралығынан тыс', ru: 'день {value} вне 1900–2100', en: 'day {value} is outside 1900–2100' },
  'file.value.not_date': { kk: '{value} — күн емес', ru: '{value} — не дата', en: '{value} is not a date' },
  'file.value.out_of_range': { kk: 'рұқсат етілмеген мән {value}', ru: 'недопустимое значение {value}', en: 'a value out of range: {value}' },
  'file.value.not_iin': { kk: '{value} — ЖСН емес', ru: '{value} — не ИИН', en: '{value} is not a ИИН' },
  'file.value.flag': { kk: 'белгілі жалау 0 де, 1 де емес', ru: 'известный флаг не равен ни 0, ни 1', en: 'a known flag other than 0 or 1' },
  'file.value.offsets_backwards': { kk: 'ығысулар кері жүреді', ru: 'смещения идут назад', en: 'the offsets go backwards' },
  'file.value.articles_unknown': { kk: 'баптары белгісіз адамға баптар тізілген', ru: 'статьи перечислены у лица, чьи статьи неизвестны', en: 'articles listed for a person whose articles are unknown' },
  'file.value.children_unknown': { kk: 'балалары белгісіз адамға балалар тізілген', ru: 'дети перечислены у лица, чьи дети неизвестны', en: 'children listed for a person whose children are unknown' },
  'file.value.article_part': { kk: '{value} бап бөлігі кестеде жоқ', ru: 'части статьи {value} нет в таблице', en: 'article part {value} is not in the table' },
  // where in a file (src/domain/errors.ts, formatLocation): `{at}` is the file, or the file with line and column
  'file.location_sheet': { kk: '{at}, «{sheet}» парағы', ru: '{at}, лист «{sheet}»', en: '{at}, sheet "{sheet}"' },
  'file.location_cell': { kk: '{at}, {cell} ұяшығы', ru: '{at}, ячейка {cell}', en: '{at}, cell {cell}' },
  'file.location_byte': { kk: '{at}, {byte}-байт', ru: '{at}, байт {byte}', en: '{at}, byte {byte}' },
} as const satisfies Record<string, Text>;
