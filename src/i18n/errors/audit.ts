/** Why the audit log's hash chain is broken (src/store/audit.ts, `verifyAudit`), in kk, ru and en. */
import type { Text } from '../text.ts';

export const AUDIT_ERRORS = {
  'audit.entry_missing': { kk: '{seq}-жазба жоқ (келесісі — {next})', ru: 'нет записи {seq} (следующая — {next})', en: 'entry {seq} is missing (the next is {next})' },
  'audit.prev_hash': { kk: '{seq}-жазбада алдыңғы жазбаның хэші көрсетілмеген', ru: 'запись {seq} не называет хэш предыдущей записи', en: 'entry {seq} does not name the previous entry’s hash' },
  'audit.entry_changed': {
    kk: '{seq}-жазба жазылғаннан кейін өзгертілген (оның хэші өрістеріне сәйкес келмейді)',
    ru: 'запись {seq} изменена после записи в журнал (её хэш не соответствует её полям)',
    en: 'entry {seq} was changed after it was written (its hash does not match its fields)',
  },
  'audit.head_missing': { kk: 'аудит журналының басы жоқ', ru: 'нет головы журнала аудита', en: 'the audit head is missing' },
  'audit.entries_removed': {
    kk: 'журнал {last}-жазбамен аяқталады, ал оның басы {head}-жазбаны атайды: жазбалар жойылған',
    ru: 'журнал заканчивается записью {last}, а его голова называет запись {head}: записи удалены',
    en: 'the log ends at entry {last} but its head names entry {head}: entries were removed',
  },
} as const satisfies Record<string, Text>;
