/** Where in a file a problem lies, in the reader's language (src/domain/errors.ts). */
import { describe, expect, it } from 'vitest';
import { formatLocation, UnreadableFileError } from './errors.ts';
import { msg } from '../i18n/message.ts';

describe('formatLocation', () => {
  it('a line and column stay as file:line:column in every language', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) expect(formatLocation('r.csv', { line: 4, column: 7, byte: 90 }, lang)).toBe('r.csv:4:7');
    expect(formatLocation('r.csv', {}, 'kk')).toBe('r.csv');
  });

  it('a worksheet, a cell and a byte in kk, ru and en', () => {
    const at = { sheet: 'Реестр', cell: 'C7' };
    expect(formatLocation('r.xlsx', at, 'kk')).toBe('r.xlsx, «Реестр» парағы, C7 ұяшығы');
    expect(formatLocation('r.xlsx', at, 'ru')).toBe('r.xlsx, лист «Реестр», ячейка C7');
    expect(formatLocation('r.xlsx', at, 'en')).toBe('r.xlsx, sheet "Реестр", cell C7');
    expect(formatLocation('r.amnreg', { byte: 1234 }, 'kk')).toBe('r.amnreg, 1234-байт');
    expect(formatLocation('r.amnreg', { byte: 1234 }, 'ru')).toBe('r.amnreg, байт 1234');
    expect(formatLocation('r.amnreg', { byte: 1234 }, 'en')).toBe('r.amnreg, byte 1234');
  });

  it('an unreadable file’s own message (for logs) is English', () => {
    expect(new UnreadableFileError('r.xlsx', 'xlsx.corrupt', msg('file.xlsx_not_zip'), { sheet: 'A' }).message).toMatch(/^r\.xlsx, sheet "A": /);
  });
});
