/**
 * Writes the Word templates under templates/ (npm run templates). The templates are ordinary .docx
 * files: an official opens one in Word, changes wording and layout, keeps the {placeholders} and
 * saves it; `amnestia documents` then checks it against its document's fields (docs/documents.md).
 * This script only makes the first version of each, so that they can be regenerated; an edited
 * template is kept by not running it again.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { PROJECT_ROOT } from '../src/paths.ts';

type Lang = 'kk' | 'ru';
type Block = Paragraph | Table;

const FIRST_LINE = 709; // 1.25 cm, as official letters indent
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

interface P {
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  indent?: boolean;
  after?: number;
  before?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** A paragraph; `**…**` marks bold spans. */
function p(text: string, o: P = {}): Paragraph {
  const children: ParagraphChild[] = text.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((s) => {
    const bold = s.startsWith('**') || o.bold === true;
    return new TextRun({ text: s.replace(/^\*\*|\*\*$/g, ''), bold, ...(o.size ? { size: o.size * 2 } : {}) });
  });
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'justify'],
    spacing: { after: (o.after ?? 0) * 20, before: (o.before ?? 0) * 20 },
    ...(o.indent === false || o.align === 'center' || o.align === 'right' ? {} : { indent: { firstLine: FIRST_LINE } }),
    ...(o.keepNext ? { keepNext: true } : {}),
  });
}

const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA } });

/** A two-column table without borders (letterhead, signature). */
function columns(left: Paragraph[], right: Paragraph[], widths: [number, number] = [4820, 4820]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

/** A bordered table; the first row is a header repeated on each page. */
function grid(header: string[] | null, rows: string[][], widths: number[]): Table {
  const row = (cells: string[], bold: boolean, isHeader: boolean) =>
    new TableRow({ tableHeader: isHeader, children: cells.map((c, k) => cell([p(c, { bold, align: 'left', indent: false, size: 11 })], widths[k]!)) });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [...(header ? [row(header, true, true)] : []), ...rows.map((r) => row(r, false, false))],
  });
}

function footer(lang: Lang): Footer {
  const page = lang === 'kk' ? 'Бет' : 'Стр.';
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: '{provenance}', size: 14 })] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ size: 18, children: [`${page} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })] }),
    ],
  });
}

async function write(name: string, lang: Lang, children: Block[]): Promise<void> {
  const doc = new Document({
    creator: 'Amnestia',
    title: name,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 851 } } },
        footers: { default: footer(lang) },
        children,
      },
    ],
  });
  const file = resolve(PROJECT_ROOT, 'templates', `${name}.${lang}.docx`);
  writeFileSync(file, await Packer.toBuffer(doc));
  process.stdout.write(`${file}\n`);
}

// ------------------------------------------------------------------ the reply letter

const letterhead = (): Table =>
  columns(
    [
      p('ҚАЗАҚСТАН\nРЕСПУБЛИКАСЫ\nІШКІ ІСТЕР\nМИНИСТРЛІГІ'.split('\n').join(' '), { bold: true, align: 'center', size: 13 }),
      p('010000, Астана қаласы, Тәуелсіздік даңғылы, 1', { align: 'center', size: 9 }),
      p('тел.: 8 (7172) 72 22 31; электрондық мекенжай: kense@mvd.gov.kz', { align: 'center', size: 9, after: 12 }),
    ],
    [
      p('МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН', { bold: true, align: 'center', size: 13 }),
      p('010000, город Астана, проспект Тәуелсіздік, 1', { align: 'center', size: 9 }),
      p('тел.: 8 (7172) 72 22 31; электронный адрес: kense@mvd.gov.kz', { align: 'center', size: 9, after: 12 }),
    ],
  );

const signature = (lang: Lang): Block[] => [
  p(lang === 'kk' ? 'Құрметпен,' : 'С уважением,', { before: 12, after: 12, indent: false, align: 'left' }),
  columns([p('{signatoryPosition}', { bold: true, align: 'left', indent: false })], [p('{signatoryName}', { bold: true, align: 'right' })]),
  p('{executorName}', { size: 10, before: 24, indent: false, align: 'left' }),
  p('{executorPhone}', { size: 10, indent: false, align: 'left' }),
  p('{executorEmail}', { size: 10, indent: false, align: 'left' }),
];

const notes = (lang: Lang): Block[] => [
  p('{#hasNotes}', { indent: false }),
  p(lang === 'kk' ? 'Ресми дереккөздермен тексерілмеген деректер (мәтіндегі сілтемелер):' : 'Сведения, не проверенные по официальным источникам (ссылки в тексте):', { size: 10, before: 6, indent: false, align: 'left' }),
  p('{#notes}', { indent: false }),
  p('{mark} {text}', { size: 10, indent: false }),
  p('{/notes}', { indent: false }),
  p('{/hasNotes}', { indent: false }),
];

const LETTER: Record<Lang, string[]> = {
  kk: [
    'Қазақстан Республикасының Ішкі істер министрлігі сотталған әйелдерге рақымшылық жасау мүмкіндігі туралы депутаттық сауалды қарап, мынаны хабарлайды.',
    'Мұндай рақымшылық актісін қолдану туралы ұсыныс тұжырымдамалық түрде қолдау табады.',
    'Бүгінгі таңда {f1} әйел қылмыстық құқық бұзушылық жасағаны үшін жазасын өтеп жатыр, оның ішінде {f2} әйел бас бостандығынан айыру орындарында ұсталады, {f3} әйел пробациялық бақылауда (ПҚ).{populationMark}',
    'Қазақстан Республикасы Қылмыстық кодексінің 78-бабына сәйкес, ауырлығы онша ауыр емес және орташа қылмыстары үшін сотталған {f4} әйел (ТМ – {f4i}, ПҚ – {f4p}) жазасын өтеуден босатылуы мүмкін.',
    'Сонымен қатар, зорлық-зомбылыққа байланысты емес қылмыстар жасағаны үшін {f5} әйел сотталды, олардың ішінде {f6} әйел алғаш рет сотталған, ал {f7} әйел ауырлығы онша ауыр емес және орташа қылмыстар жасаған.',
    'Өз кезегінде ауыр және аса ауыр қылмыстар жасаған {f8} әйелге (ТМ – {f8i}, ПҚ – {f8p}) жаза мерзімін қысқарту мүмкін.',
    'Рақымшылықты қарау кезінде жасалған қылмыстың ауырлығымен қатар сотталғандардың әлеуметтік жағдайын қосымша ескеру ұсынылады: мүгедектігі бар {f9} әйел (I топ – {f9g1}, II топ – {f9g2}, III топ – {f9g3}), 60 жастан асқан {f10} әйел (ТМ – {f10i}, ПҚ – {f10p}), {f11} жүкті әйел, 3 жасқа дейінгі балалары бар {f12} әйел, сондай-ақ {f13} көп балалы ана.',
    'Өтелмеген талап-арыздары бар {f14} әйелдің ішінде бас бостандығынан айыру орындарында {f14i} әйел ұсталады, {f14p} әйел пробациялық бақылауда: бас бостандығынан айыруды жазаның неғұрлым жеңіл түріне ауыстыру жолымен жазаны жеңілдету тек түзеу мекемелеріндегі {f14i} әйелге қолданылуы мүмкін.',
    '«{actTitle}» актісі бойынша есептеу: {covered} сотталған қамтылады, оның ішінде {released} адам жазасын өтеуден босатылады (ТМ – {releasedI}, ПҚ – {releasedP}), {reduced} адамның жаза мерзімі қысқартылады, {replaced} адамның жазасы неғұрлым жеңіл түрімен ауыстырылады.{outcomesMark}',
    'Алайда, Қазақстан Республикасы Конституциясының 14-бабының талаптарын ескеру қажет, оған сәйкес заң мен сот алдында барлығы тең. Ешкімді жынысына байланысты кемсітуге болмайды. Актінің жынысқа бейтарап нұсқасы {neutralCovered} адамды қамтыр еді. {equalityVerdict}{outcomesMark}',
    'Әлеуметтік осал адамдар санатына жататын сотталған ерлер саны {f15} адамды құрайды (I және II топтағы мүгедектігі бар адамдар, ҰОС қатысушыларына теңестірілгендер, мүгедек балаларды тәрбиелеп отырғандар, зейнеткерлер, толық емес отбасылар).',
    'Сонымен қатар, бірінші рет сотталғандарды және зорлық-зомбылықсыз қылмыстар жасағандарды босату мәселесі жәбірленушілердің құқықтарын қорғауды ескере отырып, одан әрі талдауды қажет етеді: акт қамтитын {claimsPersons} сотталғанның жәбірленушілер алдында барлығы {claimsAmount} теңге өтелмеген талаптары бар.{outcomesMark}',
    'Актіні қолдану бюджетке бірінші жылы {savedYearLetter} теңге үнемдеу береді (түзеу мекемесіндегі бір сотталғанға жалпы шығындар күніне {costLetter} теңге болғанда; ҚАЖ комитетінің деректері бойынша күніне {costCommittee} теңге болғанда – {savedYearCommittee} теңге), пробациялық бақылаудың бір күні шамамен {costProbation} теңге тұрады.{moneyMark} Барлық босатылатындарды ({letterMethodReleased} адам) түзеу мекемесіндегі күннің құнымен тұтас жылға бағалау күніне {letterMethodDay} теңге, жылына {letterMethodYear} теңге береді, бірақ үнемдеуді асыра көрсетеді: олардың {releasedP} адамы пробациялық бақылауда, ал босатылатындарға жазасын өтеуге орта есеппен {meanDaysLeft} күн қалған еді.',
    'Бұл шара гуманизм қағидаттарын, мемлекеттің әлеуметтік саясатын қолдауды, әйелдерді бейімдеуді, олардың отбасылық құндылықтарын нығайтуды және балалардың құқықтарын сақтауды, сондай-ақ ҚАЖ түзеу мекемелеріндегі жүктемені азайту есебінен мемлекеттік шығыстарды оңтайландыруды және сотталғандарды ұстау жағдайларын жақсартуды көрсету болып табылады.',
    'Сонымен қатар, қылмыстардан зардап шеккен азаматтар арасындағы наразылық көңіл-күй және рақымшылық жасалғандар арасында қайталанған құқық бұзушылықтардың ықтималдығы сияқты тәуекелдер болуы мүмкін: босатылатындардың ішінен {riskYears} жыл ішінде шамамен {riskExpected} адамның қайта сотталуы күтіледі ({riskInterval} % аралық: {riskLow}–{riskHigh}).{riskMark}',
  ],
  ru: [
    'Министерство внутренних дел Республики Казахстан, рассмотрев депутатский запрос о возможности применения амнистии к осуждённым женщинам, сообщает следующее.',
    'Предложение о применении подобного акта амнистии концептуально поддерживается.',
    'На сегодняшний день {f1} женщин отбывают наказания за совершение уголовных правонарушений, из них {f2} содержатся в местах лишения свободы и {f3} находятся под пробационным контролем (СП).{populationMark}',
    'В соответствии со статьёй 78 Уголовного кодекса Республики Казахстан {f4} женщин (ИУ – {f4i}, СП – {f4p}), осуждённых за преступления небольшой и средней тяжести, могут быть освобождены от отбывания наказания.',
    'Кроме того, за преступления, не связанные с насилием, осуждены {f5} женщин, из которых {f6} впервые, а {f7} совершили преступления небольшой и средней тяжести.',
    'В свою очередь, совершившим тяжкие и особо тяжкие преступления {f8} женщинам (ИУ – {f8i}, СП – {f8p}) возможно сократить сроки наказания.',
    'При рассмотрении амнистии предлагается наряду с тяжестью совершённого преступления дополнительно учитывать социальное положение осуждённых: {f9} женщин с инвалидностью (I группа – {f9g1}, II группа – {f9g2}, III группа – {f9g3}), {f10} женщин старше 60 лет (ИУ – {f10i}, СП – {f10p}), {f11} беременных женщин, {f12} с малолетними детьми (до 3-х лет), а также {f13} многодетных матерей.',
    'Из {f14} женщин, имеющих непогашенные иски, в местах лишения свободы содержатся {f14i}, под пробационным контролем состоят {f14p}: смягчение наказания путём замены лишения свободы более мягким видом наказания возможно только для {f14i} женщин, содержащихся в учреждениях.',
    'Расчёт по акту «{actTitle}»: охватывается {covered} осуждённых, из них {released} освобождаются от отбывания наказания (ИУ – {releasedI}, СП – {releasedP}), {reduced} сокращается срок наказания, {replaced} наказание заменяется более мягким.{outcomesMark}',
    'Однако следует учитывать требования статьи 14 Конституции Республики Казахстан, согласно которой все равны перед законом и судом. Никто не может подвергаться какой-либо дискриминации по мотивам пола. Нейтральный к полу вариант акта охватил бы {neutralCovered} человек. {equalityVerdict}{outcomesMark}',
    'Количество осуждённых мужчин, подпадающих под категорию социально уязвимых лиц, составляет {f15} человек (лица с I и II группой инвалидности, приравненные к участникам ВОВ, воспитывающие детей с инвалидностью, пенсионеры, неполные семьи).',
    'Между тем вопрос об освобождении впервые осуждённых и совершивших ненасильственные преступления требует дальнейшего анализа с учётом защиты прав потерпевших: у {claimsPersons} осуждённых, охватываемых актом, непогашенные иски перед потерпевшими на общую сумму {claimsAmount} тенге.{outcomesMark}',
    'Применение акта даст экономию бюджета за первый год {savedYearLetter} тенге (при общих затратах на одного осуждённого в учреждении {costLetter} тенге в день; по данным Комитета УИС, {costCommittee} тенге в день, – {savedYearCommittee} тенге); день пробационного контроля стоит около {costProbation} тенге.{moneyMark} Оценка всех освобождаемых ({letterMethodReleased} человек) по стоимости дня в учреждении на целый год даёт {letterMethodDay} тенге в день и {letterMethodYear} тенге в год, но завышает экономию: из них {releasedP} находятся под пробационным контролем, а освобождаемым оставалось отбывать в среднем {meanDaysLeft} дн.',
    'Данная мера будет являться демонстрацией принципов гуманизма, поддержки социальной политики государства, адаптации женщин, укрепления их семейных ценностей и соблюдения прав детей, а также оптимизации государственных расходов и улучшения условий содержания осуждённых в учреждениях УИС за счёт снижения их нагрузки.',
    'Вместе с тем возможны такие риски, как протестные настроения среди граждан, пострадавших от преступлений, и вероятность повторных правонарушений среди амнистированных: из освобождаемых в течение {riskYears} г. ожидается повторное осуждение около {riskExpected} человек ({riskInterval}-процентный интервал: {riskLow}–{riskHigh}).{riskMark}',
  ],
};

async function letter(lang: Lang): Promise<void> {
  const body: Block[] = [
    letterhead(),
    p('{addressee}', { bold: true, align: 'right', before: 12, after: 12 }),
    p(lang === 'kk' ? '{inquiryDateLong} №{inquiryNumber} хатқа' : 'К №{inquiryNumber} от {inquiryDate} года', { align: 'left', indent: false, after: 12 }),
    p('{salutation}', { bold: true, align: 'center', after: 12 }),
    ...LETTER[lang].map((t) => p(t)),
    ...signature(lang),
    ...notes(lang),
  ];
  await write('letter', lang, body);
}

// ------------------------------------------------------------------ the court submission

const S = {
  kk: {
    to: '{courtName}',
    from: 'Ұсынушы: {facilityName}',
    title: 'ҰСЫНУ',
    subtitle: 'рақымшылық актісін қолдану туралы',
    review: 'ТЕКСЕРУ ҚАЖЕТ — ОСЫ ТҮРІНДЕ СОТҚА ЖІБЕРУГЕ БОЛМАЙДЫ. Шешім тәуелді болатын мына мәліметтер белгісіз:',
    intro: '«{facilityName}» «{actTitle}» ({entryIntoForce} күшіне енеді) {clauseRef} негізінде сотталған {personName} қатысты мына шараны қолдану туралы ұсыну енгізеді: {measure}.',
    person: '1. Адам туралы мәліметтер',
    rows: [['Тегі, аты, әкесінің аты', '{personName}'], ['ЖСН', '{iin}'], ['Туған күні', '{birthDate}'], ['Жынысы', '{sex}'], ['Тізілімдегі нөмірі', '{personId}']],
    sentence: '2. Үкім',
    articlesHead: ['ҚК бабы', 'Атауы', 'Ауырлығы'],
    sentenceRows: [['Жаза түрі', '{sentenceType}'], ['Тағайындалған мерзім', '{term}'], ['Мерзімнің басталуы', '{sentenceStart}'], ['Мерзімнің аяқталуы', '{sentenceEnd}'], ['Жазаны өтейді', '{custody}']],
    basis: '3. Негіздеме',
    clause: '{clauseRef}: «{clauseText}»',
    facts: '4. Шешім қабылдау кезінде тексерілген мән-жайлар',
    factsHead: ['Мән-жай', 'Мәні', 'Актінің шарты'],
    exclusions: 'Адамның барлық соттылықтары бойынша тексерілген алып тастаулар қолданылмайды: {#exclusions}{ref}; {/exclusions}',
    measure: '5. Шара: {measure}.',
    days: 'Өтеуден босатылатын күндер: {daysRemitted}; мерзімнің жаңа аяқталу күні: {newEnd}.',
    ask: 'Жоғарыда баяндалғанның негізінде осы ұсынуды қарап, {personName} қатысты «{actTitle}» {clauseRef} қолдануды СҰРАЙМЫН.',
    deadline: 'Ұсыну сотқа {deadline} кешіктірілмей түсуі тиіс.',
    notes: 'Ресми дереккөздермен тексерілмеген деректер:',
    sign: 'Мекеме бастығы',
    date: '«___» ____________ 20__ ж.',
  },
  ru: {
    to: 'В {courtName}',
    from: 'Вносит: {facilityName}',
    title: 'ПРЕДСТАВЛЕНИЕ',
    subtitle: 'о применении акта амнистии',
    review: 'ТРЕБУЕТ ПРОВЕРКИ — НЕ МОЖЕТ БЫТЬ НАПРАВЛЕНО В СУД В ТАКОМ ВИДЕ. Неизвестны сведения, от которых зависит решение:',
    intro: '«{facilityName}» на основании {clauseRef} акта «{actTitle}» (вступает в силу {entryIntoForce}) вносит представление о применении к осуждённому(ой) {personName} меры: {measure}.',
    person: '1. Сведения о лице',
    rows: [['Фамилия, имя, отчество', '{personName}'], ['ИИН', '{iin}'], ['Дата рождения', '{birthDate}'], ['Пол', '{sex}'], ['Номер в реестре', '{personId}']],
    sentence: '2. Приговор',
    articlesHead: ['Статья УК', 'Наименование', 'Тяжесть'],
    sentenceRows: [['Вид наказания', '{sentenceType}'], ['Назначенный срок', '{term}'], ['Начало срока', '{sentenceStart}'], ['Окончание срока', '{sentenceEnd}'], ['Отбывает наказание', '{custody}']],
    basis: '3. Основание',
    clause: '{clauseRef}: «{clauseText}»',
    facts: '4. Обстоятельства, проверенные при принятии решения',
    factsHead: ['Обстоятельство', 'Значение', 'Условие акта'],
    exclusions: 'Исключения, проверенные по всем судимостям лица, не применяются: {#exclusions}{ref}; {/exclusions}',
    measure: '5. Мера: {measure}.',
    days: 'Освобождается от отбывания дней: {daysRemitted}; новая дата окончания срока: {newEnd}.',
    ask: 'На основании изложенного ПРОШУ рассмотреть настоящее представление и применить к {personName} {clauseRef} акта «{actTitle}».',
    deadline: 'Представление должно поступить в суд не позднее {deadline}.',
    notes: 'Сведения, не проверенные по официальным источникам:',
    sign: 'Начальник учреждения',
    date: '«___» ____________ 20__ г.',
  },
} as const;

async function submission(lang: Lang): Promise<void> {
  const s = S[lang];
  const head = (t: string) => p(t, { bold: true, align: 'left', indent: false, before: 8, after: 4, keepNext: true });
  const body: Block[] = [
    columns([p('', { indent: false })], [p(s.to, { bold: true, align: 'left', indent: false }), p(s.from, { align: 'left', indent: false, after: 12 })], [3780, 5860]),
    p(s.title, { bold: true, align: 'center', before: 12 }),
    p(s.subtitle, { bold: true, align: 'center', after: 12 }),
    p('{#needsReview}', { indent: false }),
    p(s.review, { bold: true, indent: false, after: 4 }),
    p('{#unknownFacts}', { indent: false }),
    p('– {fact}', { bold: true, indent: false }),
    p('{/unknownFacts}', { indent: false }),
    p('{/needsReview}', { indent: false }),
    p(s.intro, { before: 6 }),
    head(s.person),
    grid(null, s.rows.map((r) => [...r]), [3400, 6240]),
    head(s.sentence),
    grid([...s.articlesHead], [['{#articles}{article}', '{title}', '{gravity}{/articles}']], [1800, 5640, 2200]),
    p('', { indent: false, after: 4 }),
    grid(null, s.sentenceRows.map((r) => [...r]), [3400, 6240]),
    head(s.basis),
    p(s.clause),
    head(s.facts),
    grid([...s.factsHead], [['{#facts}{fact}', '{value}', '{holds}{/facts}']], [4640, 2800, 2200]),
    p(s.exclusions, { before: 4 }),
    head(s.measure),
    p('{#hasDays}', { indent: false }),
    p(s.days),
    p('{/hasDays}', { indent: false }),
    p(s.ask, { before: 8 }),
    p(s.deadline),
    columns([p(s.sign, { bold: true, align: 'left', indent: false, before: 18 })], [p('____________  /  ____________  /', { align: 'right', before: 18 })]),
    p(s.date, { align: 'left', indent: false, before: 6 }),
    p('{#hasNotes}', { indent: false }),
    p(s.notes, { size: 10, before: 8, indent: false }),
    p('{#notes}', { indent: false }),
    p('{mark} {text}', { size: 10, indent: false }),
    p('{/notes}', { indent: false }),
    p('{/hasNotes}', { indent: false }),
  ];
  await write('submission', lang, body);
}

for (const lang of ['kk', 'ru'] as const) {
  await letter(lang);
  await submission(lang);
}
