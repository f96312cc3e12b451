/** The reply letter (src/documents/letter.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

/** Whom the reply is addressed to, unless given. */
export const SEED_ADDRESSEE: Text = {
  kk: 'Қазақстан Республикасы\nПарламенті Мәжілісінің\nдепутаттарына',
  ru: 'Депутатам\nМажилиса Парламента\nРеспублики Казахстан',
  en: 'To the deputies of the Mazhilis\nof the Parliament of the Republic of Kazakhstan',
};

/** The salutation, unless given. */
export const SEED_SALUTATION: Text = { kk: 'Құрметті депутаттар!', ru: 'Уважаемые депутаты!', en: 'Dear deputies,' };

/** Inputs the letter's figures rest on besides the act's (src/documents/letter.ts). */
export const LETTER_INPUT_TEXTS = {
  reoffending: {
    kk: 'қайта қылмыс жасаудың базалық көрсеткіштері (law/reoffending.yaml) — шетелдік статистикаға сүйенген жұмыс болжамы',
    ru: 'базовые показатели повторных преступлений (law/reoffending.yaml) — рабочее допущение по зарубежной статистике',
    en: 'the base rates of repeat offending (law/reoffending.yaml) are a working assumption from foreign statistics',
  },
  criminalCode: {
    kk: 'ҚК кестесінің {unverified} / {size} бөлігінің ауырлығы ресми мәтінмен тексерілмеген',
    ru: 'тяжесть {unverified} из {size} частей статей в таблице УК не сверена с официальным текстом',
    en: 'the gravity of {unverified} of {size} article parts in the Criminal Code table is not checked against the official text',
  },
} satisfies Record<string, Text>;

/** The words of the provenance line in footers (src/documents/letter.ts `provenanceLine`). */
export const PROVENANCE_LINE_TEXTS = {
  registry: { kk: 'Тізілім', ru: 'Реестр', en: 'Registry' },
  act: { kk: 'акт', ru: 'акт', en: 'act' },
  asOf: { kk: 'күні', ru: 'на', en: 'as of' },
  lawHash: { kk: 'заң хэші', ru: 'хэш права', en: 'law hash' },
  run: { kk: 'есептеу', ru: 'расчёт', en: 'run' },
} satisfies Record<string, Text>;
