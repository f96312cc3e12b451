/** The unverified inputs official documents list (src/documents/provenance.ts, src/documents/courts.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const PROVENANCE_TEXTS = {
  /** A dated parameter that is a working assumption; the value is written as given. */
  assumption: { kk: '{label} = {value}: жұмыс болжамы', ru: '{label} = {value}: рабочее допущение', en: '{label} = {value}: a working assumption' },
  /** An article of the Criminal Code table not checked against the official text; `{part}` is the next text or empty. */
  article: {
    kk: 'ҚК {article}-бабы{part} деректері (ауырлығы, атауы) ресми мәтінмен тексерілмеген',
    ru: 'сведения ст. {article}{part} УК (тяжесть, название) не сверены с официальным текстом',
    en: 'Criminal Code Art. {article}{part} (gravity, title) is not checked against the official text',
  },
  articlePart: { kk: ' {part}-бөлігінің', ru: ' ч. {part}', en: ' part {part}' },
  syntheticRegistry: { kk: 'тізілім синтетикалық (демонстрация үшін)', ru: 'реестр синтетический (для демонстрации)', en: 'the registry is synthetic (for the demo)' },
  syntheticFacilities: { kk: 'мекемелер тізімі синтетикалық', ru: 'список учреждений синтетический', en: 'the list of facilities is synthetic' },
  syntheticCourts: {
    kk: 'соттар тізімі синтетикалық; соттылық ережесі (ҚПК 476-бабы) тексерілмеген',
    ru: 'список судов синтетический; правило подсудности (ст. 476 УПК) не проверено',
    en: 'the list of courts is synthetic; the jurisdiction rule (CPC Art. 476) is unverified',
  },
} satisfies Record<string, Text>;

/** Why no court can be named for a person (src/documents/courts.ts). */
export const COURT_TEXTS = {
  noRegion: {
    kk: 'адамның мекемесі де, өңірі де белгісіз: сотты анықтау мүмкін емес',
    ru: 'неизвестны ни учреждение, ни регион лица: суд определить нельзя',
    en: 'neither the facility nor the region of the person is known: the court cannot be determined',
  },
  noCourt: { kk: '{region} өңірінің соты соттар тізімінде жоқ', ru: 'в списке судов нет суда региона {region}', en: 'the courts list has no court for region {region}' },
} satisfies Record<string, Text>;
