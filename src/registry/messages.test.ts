/**
 * A registry's problems in the reader's language: each bad row, header or file gives a message of
 * the catalogue (src/i18n/errors/registry.ts, file.ts) that renders in Kazakh and Russian with its
 * values, at the row and column where it was found.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../domain/errors.ts';
import { renderMessage } from '../i18n/message.ts';
import { LANGS } from '../i18n/text.ts';
import { loadLaw } from '../law/law.ts';
import { importRegistryFile } from './import.ts';
import { csvText, goodRow } from './testing/files.ts';

const law = loadLaw();
const dir = mkdtempSync(join(tmpdir(), 'amnestia-messages-'));

describe('the problems of a registry file, in kk, ru and en', () => {
  it('a bad row: its message in Kazakh and Russian, with the value, at its row and column', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      csvText([
        goodRow({ person_id: 'P1' }),
        goodRow({ person_id: 'P2', iin: '', birth_date: '1990-02-30' }),
        goodRow({ person_id: 'P3', iin: '', sex: 'M', pregnant: 'true' }),
        goodRow({ person_id: 'P4', iin: '', civil_claim_amount: '100', civil_claim_paid: '250' }),
      ]),
    );
    const r = await importRegistryFile(law.criminalCode, file);
    const at = (row: number) => r.issues.find((i) => i.row === row);
    expect(at(3)).toMatchObject({ row: 3, column: 'birth_date', rule: 'date.invalid', message: { key: 'registry.not_a_date', params: { value: '1990-02-30' } } });
    expect(renderMessage(at(3)!.message, 'kk')).toBe('1990-02-30 — ЖЖЖЖ-АА-КК түріндегі нақты күн емес');
    expect(renderMessage(at(3)!.message, 'ru')).toBe('1990-02-30 — несуществующая дата вида ГГГГ-ММ-ДД');
    expect(at(4)).toMatchObject({ row: 4, column: 'pregnant', rule: 'pregnant.sex' });
    expect(renderMessage(at(4)!.message, 'kk')).toBe('ер адамға pregnant = true көрсетілген');
    expect(renderMessage(at(4)!.message, 'ru')).toBe('pregnant = true указано у мужчины');
    expect(at(5)).toMatchObject({ row: 5, column: 'civil_claim_paid', rule: 'claim.paid_exceeds_amount' });
    expect(renderMessage(at(5)!.message, 'kk')).toBe('төленгені (250) талап сомасынан (100) көп');
    expect(renderMessage(at(5)!.message, 'ru')).toBe('выплачено 250, больше суммы иска 100');
  });

  it('a row across others, a malformed row and a header: each message in the three languages, every placeholder filled', async () => {
    const file = join(dir, 'rows.csv');
    const rows = [goodRow({ person_id: 'P1' }), goodRow({ person_id: 'P1' })];
    const text = `${csvText(rows)}P9,"unclosed\n`;
    writeFileSync(file, text.replace('person_id,', 'person_id,person_id,extra,'));
    const header = await importRegistryFile(law.criminalCode, file);
    writeFileSync(file, text);
    const body = await importRegistryFile(law.criminalCode, file);
    const messages = [...header.fileIssues, ...body.issues].map((i) => i.message);
    expect(messages.map((m) => m.key)).toEqual(expect.arrayContaining(['registry.duplicate_columns', 'registry.person_id_duplicate', 'registry.of_person']));
    for (const m of messages) {
      const texts = LANGS.map((lang) => renderMessage(m, lang));
      for (const t of texts) expect(t).not.toMatch(/\{\w+\}/);
      expect(new Set(texts).size, texts[2]).toBe(3);
    }
    const duplicate = body.issues.find((i) => i.rule === 'person_id.duplicate');
    expect(duplicate).toMatchObject({ row: 3, column: 'person_id' });
    expect(renderMessage(duplicate!.message, 'kk')).toBe('person_id P1 бұрын 2-жолда қолданылған');
    expect(renderMessage(duplicate!.message, 'ru')).toBe('person_id P1 уже использован в строке 2');
  });

  it('a file that cannot be read: its detail in Kazakh and Russian', async () => {
    const file = join(dir, 'zipped.csv');
    writeFileSync(file, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
    const e = await importRegistryFile(law.criminalCode, file).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(UnreadableFileError);
    const u = e as UnreadableFileError;
    expect(u.rule).toBe('file.compressed');
    expect(renderMessage(u.detail, 'kk')).toBe('gzip арқылы сығылған файл: алдымен оны ашыңыз');
    expect(renderMessage(u.detail, 'ru')).toBe('файл сжат gzip: сначала распакуйте его');
    expect(u.message).toMatch(/a gzip-compressed file: decompress it first \[file\.compressed\]$/);
  });
});
