/** What the document use cases answer (src/app/documents.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

/** Refusals of the document use cases (src/app/documents.ts). */
export const DOCUMENT_REQUEST_TEXTS = {
  refused: { kk: '{person}: ұсыну жасалмайды — {reason}', ru: '{person}: представление не составляется — {reason}', en: '{person}: no submission — {reason}' },
  facilityOutside: { kk: '{facility} мекемесі сіздің рұқсатыңыздың аясынан тыс', ru: 'Учреждение {facility} вне пределов вашего доступа', en: 'The facility {facility} is outside your scope' },
  unknownFacility: { kk: 'Белгісіз мекеме: {facility}', ru: 'Неизвестное учреждение: {facility}', en: 'Unknown facility: {facility}' },
} satisfies Record<string, Text>;
