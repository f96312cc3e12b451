/**
 * The command line's help (`amnestia --help`, `amnestia <command> --help`) in kk, ru and en: the
 * parser's own words (headings, "default", "choices"), then the description of every command, its
 * arguments and its options, by command. Option names (`--registry`), value placeholders
 * (`<file>`), choices (`text`, `json`) and names of formats and programs (CSV, PostgreSQL) are not
 * translated: they are typed as they are. src/cli/help.ts puts these texts into the parser.
 */
import type { Text } from './text.ts';

/** The parser's own words around the descriptions. */
export const CLI_HELP_WORDS = {
  usage: { kk: 'Қолданылуы:', ru: 'Использование:', en: 'Usage:' },
  arguments: { kk: 'Аргументтер:', ru: 'Аргументы:', en: 'Arguments:' },
  options: { kk: 'Опциялар:', ru: 'Опции:', en: 'Options:' },
  globalOptions: { kk: 'Жалпы опциялар:', ru: 'Общие опции:', en: 'Global Options:' },
  commands: { kk: 'Командалар:', ru: 'Команды:', en: 'Commands:' },
  /** In the usage line and the list of commands: where options and a command go. */
  optionsTerm: { kk: '[опциялар]', ru: '[опции]', en: '[options]' },
  commandTerm: { kk: '[команда]', ru: '[команда]', en: '[command]' },
  default: { kk: 'әдепкісі: {value}', ru: 'по умолчанию: {value}', en: 'default: {value}' },
  choices: { kk: 'мүмкін мәндер: {values}', ru: 'допустимые значения: {values}', en: 'choices: {values}' },
  preset: { kk: 'мәнсіз берілсе: {value}', ru: 'без значения: {value}', en: 'preset: {value}' },
  env: { kk: 'орта айнымалысы: {name}', ru: 'переменная окружения: {name}', en: 'env: {name}' },
  help: { kk: 'команданың анықтамасын көрсету', ru: 'показать справку по команде', en: 'display help for command' },
} as const satisfies Record<string, Text>;

/** Options and arguments several commands share. */
const SHARED = {
  lang: { kk: 'шығыс тілі: kk, ru немесе en', ru: 'язык вывода: kk, ru или en', en: 'language of the output: kk, ru or en' },
  registry: {
    kk: 'тізілім файлы (CSV, XLSX немесе .amnreg); әдепкісі — синтетикалық ұлттық тізілім',
    ru: 'файл реестра (CSV, XLSX или .amnreg); по умолчанию — синтетический национальный реестр',
    en: 'registry file (CSV, XLSX or .amnreg); default: the synthetic national registry',
  },
  sheet: {
    kk: 'XLSX тізілімінің парағы (әдепкісі — жолдары бар бірінші көрінетін парақ)',
    ru: 'лист реестра XLSX (по умолчанию — первый видимый лист со строками)',
    en: 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)',
  },
  format: { kk: 'шығыс пішімі', ru: 'формат вывода', en: 'output format' },
  act: { kk: 'акт қалтасы, act.yaml немесе acts/ ішіндегі акт идентификаторы', ru: 'папка акта, act.yaml или идентификатор акта в acts/', en: 'act folder, act.yaml, or act id under acts/' },
  asOf: {
    kk: 'актінің күшіне ену күні (әдепкісі — актінің өз күні)',
    ru: 'день вступления акта в силу (по умолчанию — указанный в самом акте)',
    en: 'the day the act enters into force (default: the act’s own)',
  },
  person: { kk: 'адамның person_id', ru: 'person_id лица', en: 'person_id' },
  dataDir: { kk: 'деректер қалтасы (немесе DATABASE_URL)', ru: 'папка данных (или DATABASE_URL)', en: 'the data folder (or DATABASE_URL)' },
  facilities: { kk: 'мекемелер файлы (кодтары, атаулары, сыйымдылығы)', ru: 'файл учреждений (коды, названия, вместимость)', en: 'facilities file (codes, names, capacities)' },
} as const satisfies Record<string, Text>;

/** `serve` and `start` (src/cli/server.ts). */
const SERVE_OPTIONS = {
  port: { kk: 'сұраулар қабылданатын порт', ru: 'порт, на котором принимаются запросы', en: 'port to listen on' },
  host: {
    kk: 'сұраулар қабылданатын мекенжай (0.0.0.0 — барлық интерфейс)',
    ru: 'адрес, на котором принимаются запросы (0.0.0.0 — все интерфейсы)',
    en: 'address to listen on (0.0.0.0 for every interface)',
  },
  'data-dir': {
    kk: 'деректер қалтасы (PGlite дерекқоры, бірінші іске қосудың құпиясөздері); DATABASE_URL оның орнына PostgreSQL серверін таңдайды',
    ru: 'папка данных (хранилище PGlite, пароли первого запуска); DATABASE_URL вместо неё выбирает сервер PostgreSQL',
    en: 'the data folder (PGlite store, first-start passwords); DATABASE_URL selects a PostgreSQL server instead',
  },
  'secure-cookies': {
    kk: 'сеанстың cookie файлын Secure деп белгілеу (TLS артында жұмыс істегенде)',
    ru: 'помечать cookie сеанса как Secure (при работе за TLS)',
    en: 'mark the session cookie Secure (behind TLS)',
  },
  log: { kk: 'әр сұрауды журналға жазу (стандартты шығысқа JSON жолдары)', ru: 'записывать в журнал каждый запрос (строки JSON в стандартный вывод)', en: 'log every request (JSON lines on standard output)' },
  threads: {
    kk: '«не болар еді» есептеулерінің жұмыс ағындары (0 — HTTP ағынында)',
    ru: 'рабочие потоки расчётов «что если» (0 — в потоке HTTP)',
    en: 'worker threads for what-if (0: on the HTTP thread)',
  },
  'registry-persons': {
    kk: 'бос дерекқорға жүктелетін синтетикалық тізілімнің адам саны (әдепкісі — ұлттық бейіндегідей)',
    ru: 'число лиц синтетического реестра, загружаемого в пустое хранилище (по умолчанию — как в национальном профиле)',
    en: 'persons of the synthetic registry loaded into an empty store (default: as many as the national profile)',
  },
  lang: SHARED.lang,
} as const satisfies Record<string, Text>;

/** Every command: its description, its arguments and its options (by the option's long name, without `--`). */
export const CLI_HELP = {
  amnestia: {
    description: {
      kk: 'Сотталғандар тізіліміне рақымшылық актілерін модельдеу, бағалау және қолдану. Шығыс пен осы анықтаманың тілі: --lang kk, ru немесе en (әдепкісі — ru)',
      ru: 'Моделирование, оценка и применение актов амнистии к реестру осуждённых. Язык вывода и этой справки: --lang kk, ru или en (по умолчанию — ru)',
      en: 'Model, evaluate and apply amnesty acts over a registry of convicts. The language of the output and of this help: --lang kk, ru or en (default: ru)',
    },
  },
  serve: {
    description: {
      kk: 'API мен веб-қосымшаны дерекқормен іске қосу (--data-dir ішіндегі PGlite немесе DATABASE_URL)',
      ru: 'запустить API и веб-приложение на хранилище (PGlite в --data-dir или DATABASE_URL)',
      en: 'serve the API and the web app on the store (PGlite in --data-dir, or DATABASE_URL)',
    },
    options: SERVE_OPTIONS,
  },
  start: {
    description: {
      kk: 'өнімнің өзі: әдепкі тізілімі мен жеткізілген актілері бар кірістірілген дерекқордағы сервер (npm start сияқты)',
      ru: 'продукт целиком: сервер на встроенном хранилище с реестром по умолчанию и поставляемыми актами (как npm start)',
      en: 'the product: the server on the embedded store with the default registry and the shipped acts (as npm start)',
    },
    options: SERVE_OPTIONS,
  },
  users: {
    description: { kk: 'сервердің пайдаланушылары', ru: 'пользователи сервера', en: 'users of the server' },
  },
  'users add': {
    description: {
      kk: 'пайдаланушы қосу; --password-stdin берілсе, құпиясөз стандартты кірістен оқылады, әйтпесе жасалып, бір рет басып шығарылады',
      ru: 'добавить пользователя; с --password-stdin пароль читается из стандартного ввода, иначе создаётся и печатается один раз',
      en: 'add a user; the password is read from standard input with --password-stdin, otherwise generated and printed once',
    },
    options: {
      username: { kk: 'кіші әріптер, цифрлар, нүкте, сызықша, астыңғы сызық', ru: 'строчные буквы, цифры, точка, дефис, подчёркивание', en: 'lower-case letters, digits, dot, dash, underscore' },
      role: { kk: 'рөлі', ru: 'роль', en: 'the role' },
      facility: {
        kk: 'officer: пайдаланушы адамдарын көретін мекемелер немесе пробация қызметтері',
        ru: 'officer: учреждения или службы пробации, лиц которых видит пользователь',
        en: 'officer: the facilities or probation services whose persons they see',
      },
      region: { kk: 'supervisor: пайдаланушы адамдарын көретін өңірлер', ru: 'supervisor: регионы, лиц которых видит пользователь', en: 'supervisor: the regions whose persons they see' },
      court: { kk: 'court: пайдаланушы ұсынуларын көретін соттар', ru: 'court: суды, представления которых видит пользователь', en: 'court: the courts whose submissions they see' },
      'password-stdin': { kk: 'құпиясөзді стандартты кірістен оқу', ru: 'прочитать пароль из стандартного ввода', en: 'read the password from standard input' },
      'data-dir': SHARED.dataDir,
      lang: SHARED.lang,
    },
  },
  audit: {
    description: { kk: 'аудит журналы', ru: 'журнал аудита', en: 'the audit log' },
  },
  'audit verify': {
    description: {
      kk: 'аудит журналының хэш тізбегін қайта есептеу: журнал бүтін болса, шығу коды 0, әйтпесе 1 және бірінші бұзылған жазба',
      ru: 'пересчитать цепочку хэшей журнала аудита: код выхода 0, если журнал цел, иначе 1 и первая нарушенная запись',
      en: 'recompute the audit log’s hash chain: exit 0 when intact, 1 naming the first broken entry',
    },
    options: { 'data-dir': SHARED.dataDir, lang: SHARED.lang },
  },
  letter: {
    description: {
      kk: 'министрлік хатының F1–F18 көрсеткіштері жазбалар бойынша қайта есептеледі, хат тексеріледі',
      ru: 'показатели F1–F18 письма министерства, пересчитанные по записям, с проверкой письма',
      en: "the ministry letter's figures F1–F18 recomputed from records, with an audit of the letter",
    },
    options: {
      registry: SHARED.registry,
      lang: SHARED.lang,
      format: SHARED.format,
      'as-of': { kk: 'бағалау күні (әдепкісі — хаттың күні)', ru: 'дата оценки (по умолчанию — дата письма)', en: "evaluation date (default: the letter's date)" },
      figures: { kk: 'көрсеткіштер анықтамасының файлы', ru: 'файл определений показателей', en: 'figures definition file' },
      sheet: SHARED.sheet,
    },
  },
  backtest: {
    description: {
      kk: 'актінің тізілімдегі нәтижесі оны қолданғаннан кейін хабарланған нәтижелермен қатар, мекемелер мен пробация және шаралар бойынша; рұқсат етілген ауытқудан асатын әр айырма түсініктемесімен',
      ru: 'исход акта на реестре рядом с итогами, сообщёнными после его применения, по учреждениям и пробации и по мерам; каждое расхождение сверх допуска — с объяснением',
      en: "an act's outcome on a registry beside what was reported after it was applied, by custody and by measure, each gap over the tolerance with its account",
    },
    options: {
      results: { kk: 'хабарланған нәтижелер файлы', ru: 'файл сообщённых итогов', en: 'reported results file' },
      registry: SHARED.registry,
      lang: SHARED.lang,
      format: SHARED.format,
    },
  },
  check: {
    description: {
      kk: 'тізілім файлы деректерінің сапасы туралы есеп (немесе көшірмені тексеру); бір жол қабылданбаса, шығу коды 1, файл оқылмаса — 3',
      ru: 'отчёт о качестве данных файла реестра (или проверка снимка); код выхода 1, если отклонена хоть одна строка, 3 — если файл не читается',
      en: 'data-quality report of a registry file (or verification of a snapshot); exits 1 when a row is rejected, 3 when the file cannot be read',
    },
    arguments: {
      file: { kk: 'тізілім файлы (CSV, XLSX немесе .amnreg көшірмесі)', ru: 'файл реестра (CSV, XLSX или снимок .amnreg)', en: 'registry file (CSV, XLSX or .amnreg snapshot)' },
    },
    options: {
      lang: SHARED.lang,
      format: SHARED.format,
      limit: { kk: 'мәтіндік шығыста тізбеленетін ақаулар саны', ru: 'сколько проблем перечислить в текстовом выводе', en: 'problems listed in text output' },
      sheet: SHARED.sheet,
    },
  },
  generate: {
    description: {
      kk: 'мақсатты көрсеткіштер бейіні бойынша құрылған синтетикалық тізілімді жазу',
      ru: 'записать синтетический реестр, построенный по профилю целевых показателей',
      en: 'write a synthetic registry drawn from a profile of target figures',
    },
    options: {
      profile: { kk: 'бейін файлы', ru: 'файл профиля', en: 'profile file' },
      seed: { kk: 'кездейсоқ сандар генераторының бастапқы мәні', ru: 'начальное значение генератора случайных чисел', en: 'random seed' },
      persons: { kk: 'адам саны (әдепкісі — бейіннің өз көлемі)', ru: 'число лиц (по умолчанию — размер самого профиля)', en: "number of persons (default: the profile's own size)" },
      out: {
        kk: 'жазылатын файл: CSV, ал атауы .amnreg деп аяқталса — екілік көшірме',
        ru: 'записываемый файл: CSV или двоичный снимок, если имя оканчивается на .amnreg',
        en: 'file to write: CSV, or a binary snapshot when it ends in .amnreg',
      },
      lang: SHARED.lang,
    },
  },
  validate: {
    description: {
      kk: 'актіні тексеру: схема, шарттар, параметрлер, жетпейтін немесе қиылысатын баптар',
      ru: 'проверить акт: схема, условия, параметры, недостижимые или пересекающиеся статьи',
      en: 'check an act: schema, conditions, parameters, unreachable or overlapping clauses',
    },
    arguments: { act: SHARED.act },
    options: {
      lang: SHARED.lang,
      'no-sample': { kk: 'әдепкі синтетикалық тізілімдегі тексерулерді өткізіп жіберу', ru: 'пропустить проверки на синтетическом реестре по умолчанию', en: 'skip the checks on the default synthetic registry' },
      'as-of': {
        kk: 'актіні әдепкі тізілімде осы күні күшіне енетіндей тексеру (әдепкісі — актінің өз күні)',
        ru: 'проверить акт на реестре по умолчанию так, будто он вступает в силу в этот день (по умолчанию — день, указанный в самом акте)',
        en: 'check the act on the default registry as if it entered into force on this day (default: the act’s own)',
      },
    },
  },
  evaluate: {
    description: { kk: 'акт бойынша тізілімдегі әр адамға бір нәтиже', ru: 'по одному исходу на каждое лицо реестра по акту', en: 'one outcome per person of a registry under an act' },
    options: {
      act: SHARED.act,
      registry: SHARED.registry,
      'as-of': SHARED.asOf,
      format: SHARED.format,
      out: { kk: 'стандартты шығыстың орнына файлға жазу', ru: 'записать в файл вместо стандартного вывода', en: 'write to a file instead of standard output' },
      engine: {
        kk: 'kernel (жадта) немесе sql (--database / DATABASE_URL берілсе PostgreSQL, әйтпесе DuckDB)',
        ru: 'kernel (в памяти) или sql (PostgreSQL при --database / DATABASE_URL, иначе DuckDB)',
        en: 'kernel (in memory) or sql (PostgreSQL with --database / DATABASE_URL, else DuckDB)',
      },
      database: {
        kk: 'тізілім сақталған PostgreSQL (`amnestia db load` қараңыз); әдепкісі — DATABASE_URL',
        ru: 'PostgreSQL с реестром (см. `amnestia db load`); по умолчанию — DATABASE_URL',
        en: 'PostgreSQL holding the registry (see `amnestia db load`); default DATABASE_URL',
      },
      sheet: SHARED.sheet,
      lang: SHARED.lang,
    },
  },
  db: {
    description: { kk: 'PostgreSQL ішіндегі тізілім', ru: 'реестр в PostgreSQL', en: 'the registry in PostgreSQL' },
  },
  'db load': {
    description: {
      kk: 'тізілімді (файлды немесе әдепкісін) бұрын сақталғанының орнына PostgreSQL-ге сақтау',
      ru: 'сохранить реестр (файл или реестр по умолчанию) в PostgreSQL вместо сохранённого ранее',
      en: 'store a registry (file or the default) in PostgreSQL, replacing the stored one',
    },
    options: {
      registry: SHARED.registry,
      database: { kk: 'PostgreSQL мекенжайы (URL); әдепкісі — DATABASE_URL', ru: 'адрес PostgreSQL (URL); по умолчанию — DATABASE_URL', en: 'PostgreSQL URL; default DATABASE_URL' },
      sheet: SHARED.sheet,
      lang: SHARED.lang,
    },
  },
  explain: {
    description: {
      kk: 'адам неліктен осы нәтижені алады: әр алып тастау мен әр бап адам туралы деректермен',
      ru: 'почему лицо получает такой исход: каждое исключение и каждая статья с фактами о лице',
      en: 'why a person gets the outcome: every exclusion and clause with the person’s facts',
    },
    options: {
      act: SHARED.act,
      person: SHARED.person,
      registry: SHARED.registry,
      'as-of': SHARED.asOf,
      format: SHARED.format,
      sheet: SHARED.sheet,
      lang: SHARED.lang,
    },
  },
  impact: {
    description: {
      kk: 'актілердің салдары: қамту, мекемелердің толуы, мекемелер мен пробация бойынша қаржы, теңдік, жәбірленушілер, қайталама қылмыс қаупі, айлар бойынша болжам; --compare арқылы — актілер қатар',
      ru: 'последствия актов: охват, наполняемость учреждений, деньги по учреждениям и пробации, равенство, потерпевшие, риск повторных преступлений, прогноз по месяцам; с --compare — акты рядом',
      en: 'what acts do: coverage, occupancy, money by custody, equality, victims, repeat-offending risk, a projection month by month; with --compare, acts side by side',
    },
    options: {
      act: SHARED.act,
      compare: { kk: 'біріншісімен салыстырылатын басқа актілер', ru: 'другие акты для сравнения с первым', en: 'more acts to compare with the first' },
      registry: SHARED.registry,
      lang: SHARED.lang,
      format: SHARED.format,
      'grant-rate': {
        kk: 'қамтылғандардың ішінде сот актіні қолданатындардың үлесі (әдепкісі — amnesty.grant_rate параметрі)',
        ru: 'доля охваченных, к которым суды применяют акт (по умолчанию — параметр amnesty.grant_rate)',
        en: 'share of the covered that courts grant (default: the parameter amnesty.grant_rate)',
      },
      admissions: {
        kk: 'айына түсетіндер, institution=N,probation=M (әдепкісі — тұрақты деңгей)',
        ru: 'поступления в месяц, institution=N,probation=M (по умолчанию — установившийся уровень)',
        en: 'admissions a month, institution=N,probation=M (default: the steady state)',
      },
      horizon: {
        kk: 'болжамның айлар саны (әдепкісі — салдар баптауындағы projection.horizon_months)',
        ru: 'на сколько месяцев прогноз (по умолчанию — projection.horizon_months из настройки последствий)',
        en: 'months projected (default: projection.horizon_months of the impact configuration)',
      },
      runs: { kk: 'қауіпті бағалаудағы Монте-Карло жүргізулерінің саны', ru: 'число прогонов Монте-Карло при оценке риска', en: 'Monte Carlo runs of the risk estimate' },
      seed: { kk: 'қауіпті бағалаудағы кездейсоқ сандар генераторының бастапқы мәні', ru: 'начальное значение генератора случайных чисел при оценке риска', en: 'seed of the risk estimate' },
      changes: {
        kk: 'әр салыстыруда тізбеленетін адам саны (жалпы саны әрдайым толық)',
        ru: 'сколько лиц перечислить в каждом сравнении (общее число всегда полное)',
        en: 'persons listed per comparison (the count is always complete)',
      },
      'changes-csv': {
        kk: 'нәтижесі бірінші акт пен қалғандары арасында өзгеретін әр адамды жазу',
        ru: 'записать каждое лицо, чей исход меняется между первым актом и остальными',
        en: 'write every person whose outcome changes between the first act and the others',
      },
      facilities: SHARED.facilities,
      config: {
        kk: 'салдар баптауы (әлеуметтік санаттар, жәбірленушілер шарты, параметрлер)',
        ru: 'настройка последствий (социальные категории, условие о потерпевших, параметры)',
        en: 'impact configuration (social categories, victims condition, parameters)',
      },
      sheet: SHARED.sheet,
      'as-of': {
        kk: 'әр актіні осы күні күшіне енетіндей бағалау (әдепкісі — әр актінің өз күні); орындау мерзімдерінің ұзақтығы сақталады',
        ru: 'оценить каждый акт так, будто он вступает в силу в этот день (по умолчанию — день, указанный в каждом акте); сроки исполнения сохраняют длину',
        en: 'evaluate every act as if it entered into force on this day (default: each act’s own); the execution periods keep their length',
      },
    },
  },
  documents: {
    description: {
      kk: 'kk немесе ru тіліндегі ресми құжаттар: жауап хат (DOCX, PDF), оның қосымшасы (XLSX), сотқа ұсыну (DOCX, PDF), мекеменің ұсынулары (PDF немесе DOCX файлдарының ZIP мұрағаты), мекеменің тізімі (XLSX)',
      ru: 'официальные документы на kk или ru: ответное письмо (DOCX, PDF), приложение к нему (XLSX), представление в суд (DOCX, PDF), представления учреждения (PDF или архив ZIP из DOCX), список учреждения (XLSX)',
      en: 'official documents in kk or ru: the reply letter (DOCX, PDF), its annex (XLSX), a court submission (DOCX, PDF), a facility’s submissions (PDF, or ZIP of DOCX), a facility’s list (XLSX)',
    },
    arguments: {
      kind: {
        kk: 'letter (хат), annex (қосымша), submission (ұсыну), submissions (мекеменің ұсынулары) немесе facility-list (мекеменің тізімі)',
        ru: 'letter (письмо), annex (приложение), submission (представление), submissions (представления учреждения) или facility-list (список учреждения)',
        en: 'letter, annex, submission, submissions or facility-list',
      },
    },
    options: {
      act: {
        kk: 'акт қалтасы, act.yaml немесе acts/ ішіндегі акт идентификаторы (қосымша бірнешеуін салыстырады)',
        ru: 'папка акта, act.yaml или идентификатор акта в acts/ (приложение сравнивает несколько)',
        en: 'act folder, act.yaml, or act id under acts/ (the annex compares several)',
      },
      registry: SHARED.registry,
      person: { kk: 'адамның person_id (submission)', ru: 'person_id лица (submission)', en: 'person_id (submission)' },
      facility: { kk: 'мекеме коды (submissions, facility-list)', ru: 'код учреждения (submissions, facility-list)', en: 'facility code (submissions, facility-list)' },
      lang: {
        kk: 'құжаттың тілі: kk немесе ru (осы анықтама мен хабарлар en тілінде де болады)',
        ru: 'язык документа: kk или ru (эта справка и сообщения бывают и на en)',
        en: 'language of the document: kk or ru (this help and the messages may also be en)',
      },
      format: { kk: 'docx, pdf немесе xlsx (әдепкісі — құжаттың бірінші пішімі)', ru: 'docx, pdf или xlsx (по умолчанию — первый формат документа)', en: 'docx, pdf or xlsx (default: the document’s first)' },
      out: { kk: 'жазылатын файл (submissions --format docx үшін ZIP)', ru: 'записываемый файл (для submissions --format docx — ZIP)', en: 'file to write (a ZIP for submissions --format docx)' },
      zip: { kk: 'submissions --format pdf: DOCX файлдарының ZIP мұрағатын да жазу', ru: 'submissions --format pdf: записать также архив ZIP из DOCX', en: 'submissions --format pdf: also write the ZIP of DOCX' },
      'as-of': SHARED.asOf,
      'inquiry-number': { kk: 'letter: жауап берілетін сауалдың нөмірі (әдепкі: хат анықтамасындағы сауал)', ru: 'letter: номер запроса, на который дан ответ (по умолчанию — запрос из определения письма)', en: 'letter: number of the inquiry answered (default: the inquiry of the letter definition)' },
      'inquiry-date': { kk: 'letter: сауалдың күні (әдепкі: хат анықтамасындағы сауал)', ru: 'letter: дата запроса (по умолчанию — запрос из определения письма)', en: 'letter: date of the inquiry (default: the inquiry of the letter definition)' },
      addressee: {
        kk: 'letter: кімге (| немесе \\n жаңа жолды бастайды); әдепкісі — Мәжіліс депутаттары',
        ru: 'letter: кому (| или \\n начинают новую строку); по умолчанию — депутатам Мажилиса',
        en: 'letter: to whom (| or \\n breaks lines); default: the deputies of the Mazhilis',
      },
      salutation: { kk: 'letter: қаратпа сөз жолы', ru: 'letter: строка обращения', en: 'letter: the salutation line' },
      'signatory-name': { kk: 'letter: кім қол қояды', ru: 'letter: кто подписывает', en: 'letter: who signs' },
      'signatory-position': { kk: 'letter: қол қоюшының лауазымы (| жаңа жолды бастайды)', ru: 'letter: должность подписывающего (| начинает новую строку)', en: 'letter: the signatory’s position (| breaks lines)' },
      templates: { kk: 'Word үлгілерінің қалтасы', ru: 'папка шаблонов Word', en: 'folder of the Word templates' },
      courts: { kk: 'соттар файлы', ru: 'файл судов', en: 'courts file' },
      facilities: SHARED.facilities,
    },
  },
  test: {
    description: {
      kk: 'актілердің жанындағы тесттерді іске қосу (әдепкісі — acts/ ішіндегі барлық актілер); бір тест өтпесе, шығу коды 1',
      ru: 'запустить тесты рядом с актами (по умолчанию — все акты в acts/); код выхода 1, если тест не пройден',
      en: 'run the tests beside acts (all acts under acts/ by default); exits 1 on a failure',
    },
    arguments: {
      acts: { kk: 'акт қалталары немесе идентификаторлары', ru: 'папки актов или их идентификаторы', en: 'act folders or ids' },
    },
    options: {
      lang: SHARED.lang,
      verbose: { kk: 'өткен жағдайларды да тізбелеу', ru: 'перечислять и пройденные случаи', en: 'list passing cases too' },
    },
  },
} as const satisfies Record<string, { description: Text; arguments?: Record<string, Text>; options?: Record<string, Text> }>;

export type CliCommandPath = keyof typeof CLI_HELP;
