/** The impact report's frame (title, act, registry, unverified inputs) and the column names several sections share, in kk, ru and en. */
import type { Text } from '../text.ts';

export const REPORT_TEXTS = {
  title: { kk: 'Рақымшылықтың әсері: {act}', ru: 'Последствия амнистии: {act}', en: 'Impact of the amnesty: {act}' },
  act: { kk: 'Акт: {id} ({status}), күшіне енуі {from}, орындау мерзімі {to} дейін; хэш {hash}', ru: 'Акт: {id} ({status}), вступает в силу {from}, исполнение до {to}; хэш {hash}', en: 'Act: {id} ({status}), in force from {from}, applied until {to}; hash {hash}' },
  asOf: {
    kk: 'Басқа күнге бағаланды: акт {from} күшіне енгендей, орындау мерзімі {to} дейін (--as-of)',
    ru: 'Оценено на другую дату: как если бы акт вступил в силу {from}, исполнение до {to} (--as-of)',
    en: 'Evaluated as if the act entered into force on {from}, applied until {to} (--as-of)',
  },
  registry: { kk: 'Тізілім: {source}, {persons} адам', ru: 'Реестр: {source}, {persons} чел.', en: 'Registry: {source}, {persons} persons' },
  unverifiedList: { kk: 'Бұл актінің көрсеткіштері сүйенетін тексерілмеген деректер', ru: 'Непроверенные данные, на которые опираются показатели по этому акту', en: 'Unverified inputs the figures of this act rest on' },
  noUnverified: { kk: 'Бұл актінің көрсеткіштері тек тексерілген деректерге сүйенеді.', ru: 'Показатели по этому акту опираются только на проверенные данные.', en: 'The figures of this act rest on verified inputs only.' },
  restsOn: { kk: 'Бөлім тексерілмеген деректерге сүйенеді: {list}.', ru: 'Раздел опирается на непроверенные данные: {list}.', en: 'This section rests on unverified inputs {list}.' },
  restsVerified: { kk: 'Бөлім тек тексерілген деректерге сүйенеді.', ru: 'Раздел опирается только на проверенные данные.', en: 'This section rests on verified inputs only.' },
  unverifiedCol: { kk: 'тексерілмеген', ru: 'непроверенное', en: 'unverified' },
  assumption: { kk: 'болжам', ru: 'допущение', en: 'assumption' },
  extrapolated: { kk: 'мәні {from} бастап', ru: 'значение с {from}', en: 'value from {from}' },
  computed: { kk: 'Есептеу уақыты: {ms} мс', ru: 'Время расчёта: {ms} мс', en: 'Computed in {ms} ms' },
  persons: { kk: 'Адам', ru: 'Чел.', en: 'Persons' },
  days: { kk: 'Күн', ru: 'Дней', en: 'Days' },
  measure: { kk: 'Шара', ru: 'Мера', en: 'Measure' },
  custody: { kk: 'Есеп түрі', ru: 'Вид учёта', en: 'Custody' },
  group: { kk: 'Топ', ru: 'Группа', en: 'Group' },
  gravity: { kk: 'Ауырлығы', ru: 'Тяжесть', en: 'Gravity' },
} satisfies Record<string, Text>;
