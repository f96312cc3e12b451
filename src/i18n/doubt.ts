/** The unverified inputs a figure or an outcome rests on (src/engine/act/doubt.ts; docs/doubt.md), in kk, ru and en. */
import type { Text } from './text.ts';

export const DOUBT_TEXTS = {
  actSource: { kk: 'акт мәтіні: ресми мәтін емес ({text})', ru: 'текст акта: не официальный текст ({text})', en: "the act's text: not the official text ({text})" },
  actParameter: { kk: 'акт параметрі {name} = {value}: тексерілген дереккөзден емес', ru: 'параметр акта {name} = {value}: не из проверенного источника', en: 'act parameter {name} = {value}: not in a verified source' },
  /** An official wording is given but not checked as this act's own (e.g. an earlier law's, said by the press to be the same). */
  officialClause: {
    kk: '{ref} тұжырымы: осы актінің мәтіні ретінде салыстырылмаған ресми мәтін (дереккөзін қараңыз)',
    ru: 'формулировка {ref}: официальный текст, не сверенный как текст этого акта (см. источник)',
    en: "wording of {ref}: an official wording not checked as the act's own (see its source)",
  },
  officialExclusion: {
    kk: '{ref} алып тастауының тұжырымы: осы актінің мәтіні ретінде салыстырылмаған ресми мәтін (дереккөзін қараңыз)',
    ru: 'формулировка исключения {ref}: официальный текст, не сверенный как текст этого акта (см. источник)',
    en: "wording of the exclusion {ref}: an official wording not checked as the act's own (see its source)",
  },
  paraphraseClause: { kk: '{ref} тұжырымы: ресми мәтінмен салыстырылмаған баяндау', ru: 'формулировка {ref}: пересказ, не сверенный с официальным текстом', en: 'wording of {ref}: a paraphrase, not checked against the official wording' },
  paraphraseExclusion: {
    kk: '{ref} алып тастауының тұжырымы: ресми мәтінмен салыстырылмаған баяндау',
    ru: 'формулировка исключения {ref}: пересказ, не сверенный с официальным текстом',
    en: 'wording of the exclusion {ref}: a paraphrase, not checked against the official wording',
  },
  definition: { kk: '«{what}» анықтамасының тұжырымы: ресми мәтінмен салыстырылмаған', ru: 'формулировка определения «{what}»: не сверена с официальным текстом', en: 'wording of the definition "{what}": not checked against the official wording' },
  lawParameter: { kk: 'заң параметрі {name} = {value} ({from} бастап): болжам', ru: 'параметр закона {name} = {value} (с {from}): допущение', en: 'law parameter {name} = {value} (from {from}): an assumption' },
  registry: { kk: 'тізілім: жасанды жиынтық, пенитенциарлық жүйенің жазбалары емес', ru: 'реестр: синтетическая совокупность, не записи пенитенциарной системы', en: "the registry: a synthetic population, not the penal system's records" },
  facilities: { kk: 'мекемелер мен олардың сыйымдылығы: жасанды тізім', ru: 'учреждения и их вместимость: синтетический список', en: 'the facilities and their capacities: a synthetic list' },
  rates: { kk: 'қайталама қылмыстың базалық деңгейлері: жұмыс болжамы (law/reoffending.yaml)', ru: 'базовые уровни повторных преступлений: рабочее допущение (law/reoffending.yaml)', en: 'repeat-offending base rates: a working assumption (law/reoffending.yaml)' },
  codePart: {
    kk: 'ҚК бабының бөлігі {id}: жазаның ең жоғары шегі ({gravity}) Кодекс мәтінімен салыстырылмаған',
    ru: 'часть статьи УК {id}: максимум наказания ({gravity}) не сверен с текстом Кодекса',
    en: "Criminal Code part {id}: its maximum ({gravity}) not checked against the Code's text",
  },
  /** A conviction whose offence falls in the window where the day a wording took effect is not in a text (law-data.md "Dates"). */
  codeDate: {
    kk: 'ҚК бабының бөлігі {id}: қылмыс {from} – {to} аралығында, түзету заңы күшіне енген күн мәтінде жоқ; жаңа редакция ({gravity}) болжам бойынша қолданылды',
    ru: 'часть статьи УК {id}: преступление в период с {from} по {to}, когда день вступления в действие изменяющего закона не известен из текстов; новая редакция ({gravity}) применена как допущение',
    en: 'Criminal Code part {id}: an offence between {from} and {to}, when the day the amending law took effect is in no text at hand; the new wording ({gravity}) is read as an assumption',
  },
  restsOn: { kk: 'тексерілмеген деректерге сүйенеді', ru: 'опирается на непроверенные данные', en: 'rests on unverified inputs' },
  restsVerified: { kk: 'тек тексерілген деректерге сүйенеді', ru: 'опирается только на проверенные данные', en: 'rests on verified inputs only' },
} satisfies Record<string, Text>;
