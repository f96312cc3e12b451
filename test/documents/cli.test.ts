/**
 * `amnestia documents`: bad input gets a located error and leaves no file behind; good input writes
 * the whole file under its name and nothing else.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { documentsCommand, SubmissionRefused, type DocumentsOptions } from '../../src/cli/documents.ts';
import { writeFileAtomic } from '../../src/cli/atomic.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { DataFileError, formatLocated } from '../../src/domain/located.ts';
import { UserError } from '../../src/domain/errors.ts';
import { DOCUMENT_PATHS } from '../../src/documents/load.ts';
import { docxText } from '../../src/documents/docx-xml.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { evaluate } from '../../src/engine/act/evaluate.ts';
import { STATUS } from '../../src/engine/act/outcome.ts';
import { law, registry, women } from './setup.ts';

/** A person of the default registry the women's proposal does not cover (a submission is refused). */
function notEligiblePerson(): string {
  const o = evaluate(women, registry, law, women.entryIntoForce);
  for (let i = 0; i < registry.size; i++) if (o.status[i] === STATUS.excluded) return registry.personId[i]!;
  throw new Error('no excluded person in the default registry');
}

const dir = mkdtempSync(join(tmpdir(), 'amnestia-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (o: Partial<DocumentsOptions>): DocumentsOptions => ({
  act: ['kz-2025-women-proposal'],
  lang: 'ru',
  out: join(dir, 'out.docx'),
  inquiryNumber: 'ДС-45',
  inquiryDate: '2025-01-30',
  templates: DOCUMENT_PATHS.templates,
  courts: DOCUMENT_PATHS.courts,
  ...o,
});

describe('amnestia documents', () => {
  it('writes a submission whole, with no temporary file left', async () => {
    const out = join(dir, 'KZ00022.ru.docx');
    await documentsCommand('submission', options({ person: 'KZ00022', out }));
    expect(docxText(readFileSync(out))).toContain('KZ00022');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the letter to the addressee and inquiry given', async () => {
    const out = join(dir, 'letter.ru.docx');
    await documentsCommand('letter', options({ out, inquiryNumber: 'ДС-101', inquiryDate: '2025-03-15', addressee: 'Председателю|Комитета', salutation: 'Уважаемый председатель!' }));
    const text = docxText(readFileSync(out));
    expect(text).toContain('Председателю\nКомитета');
    expect(text).toContain('К №ДС-101 от 15.03.2025 года');
    expect(text).toContain('Уважаемый председатель!');
  });

  it('a person not in the registry: a clear error and no file', async () => {
    const out = join(dir, 'nobody.docx');
    await expect(documentsCommand('submission', options({ person: 'KZ99999999', out }))).rejects.toThrow(new UserError('лица KZ99999999 нет в реестре (синтетический реестр по умолчанию (kz-2025, seed 2025))'));
    expect(existsSync(out)).toBe(false);
  });

  it('a person who is not eligible: refused with the reason and no file', async () => {
    const out = join(dir, 'excluded.pdf');
    const notCovered = notEligiblePerson();
    await expect(documentsCommand('submission', options({ person: notCovered, out, format: 'pdf', lang: 'kk' }))).rejects.toThrow(SubmissionRefused);
    expect(existsSync(out)).toBe(false);
  });

  it('a broken template: the placeholder and its paragraph, and no file', async () => {
    const templates = join(dir, 'templates');
    cpSync(DOCUMENT_PATHS.templates, templates, { recursive: true });
    const zip = new PizZip(readFileSync(join(templates, 'letter.kk.docx')));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('{f5}', '{f5x}'));
    writeFileSync(join(templates, 'letter.kk.docx'), zip.generate({ type: 'nodebuffer' }));
    const out = join(dir, 'letter.kk.docx');
    const error = await documentsCommand('letter', options({ templates, out, lang: 'kk' })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).errors.map((x) => formatLocated(x, 'en'))[0]).toMatch(/letter\.kk\.docx body, paragraph \d+: “.*\{f5x\}.*”: placeholder “\{f5x\}” names no field/);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing template is named', async () => {
    await expect(documentsCommand('letter', options({ templates: join(dir, 'none'), out: join(dir, 'x.docx') }))).rejects.toThrow(/letter\.ru\.docx: такого шаблона нет/);
  });

  it('an unknown language or a format the document has not is refused before anything is computed', async () => {
    await expect(buildProgram().parseAsync(['node', 'amnestia', 'documents', 'letter', '--act', 'kz-2025-women-proposal', '--lang', 'en', '--out', join(dir, 'en.docx')])).rejects.toThrow(CommanderError);
    await expect(documentsCommand('annex', options({ format: 'pdf', out: join(dir, 'annex.pdf') }))).rejects.toThrow('документ annex не делается в формате pdf (можно: xlsx)');
    await expect(documentsCommand('submission', options({}))).rejects.toThrow('для submission нужен --person <id>');
    expect(existsSync(join(dir, 'en.docx'))).toBe(false);
  });

  it('writeFileAtomic keeps the old file when the new one cannot be written', () => {
    const file = join(dir, 'keep.txt');
    writeFileAtomic(file, 'old');
    expect(() => writeFileAtomic(join(dir, 'no-such-dir', 'x.txt'), 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
