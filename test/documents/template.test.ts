/**
 * Templates are checked against their documents' fields: an official who mistypes a placeholder in
 * Word is told which placeholder, in which part and paragraph — before anything is produced.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { DataFileError, formatLocated } from '../../src/domain/located.ts';
import { checkTemplate, letterTemplateFields, submissionTemplateFields } from '../../src/documents/index.ts';
import { templateBytes } from './setup.ts';

/** The shipped template with its body's XML edited. */
function edited(doc: 'letter' | 'submission', lang: 'kk' | 'ru', edit: (xml: string) => string): Buffer {
  const zip = new PizZip(templateBytes(doc, lang));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

function errorsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof DataFileError) return e.errors.map((x) => formatLocated(x, 'en'));
    throw e;
  }
  throw new Error('the template was accepted');
}

describe('template checks', () => {
  it('the shipped templates fit their documents', () => {
    for (const lang of ['kk', 'ru'] as const) {
      expect(checkTemplate(templateBytes('letter', lang), letterTemplateFields, 'letter').has('f1')).toBe(true);
      expect(checkTemplate(templateBytes('submission', lang), submissionTemplateFields, 'submission').has('articles.article')).toBe(true);
    }
  });

  it('an unknown placeholder is named with its paragraph', () => {
    const errors = errorsOf(() => checkTemplate(edited('letter', 'ru', (x) => x.replace('{f1}', '{f99}')), letterTemplateFields, 'letter.ru.docx'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^letter\.ru\.docx body, paragraph \d+: “На сегодняшний день \{f99\} женщин/);
    expect(errors[0]).toContain('placeholder “{f99}” names no field of this document');
  });

  it('a field of a list used outside its section is unknown there', () => {
    const errors = errorsOf(() => checkTemplate(edited('submission', 'kk', (x) => x.replace('{personName}', '{fact}')), submissionTemplateFields, 'submission.kk.docx'));
    expect(errors[0]).toContain('“{fact}” names no field');
  });

  it('a list used as a single value, and a single value used as a section, are refused', () => {
    const errors = errorsOf(() =>
      checkTemplate(
        edited('letter', 'kk', (x) => x.replace('{salutation}', '{notes}').replace('{addressee}', '{#f1}{/f1}')),
        letterTemplateFields,
        'letter.kk.docx',
      ),
    );
    expect(errors.some((e) => e.includes('“{notes}” stands for a list'))).toBe(true);
    expect(errors.some((e) => e.includes('“{#f1}” opens a section, but f1 is a single value'))).toBe(true);
  });

  it('a broken tag is reported by docxtemplater’s own check, located', () => {
    const errors = errorsOf(() => checkTemplate(edited('letter', 'ru', (x) => x.replace('{f2}', '{f2')), letterTemplateFields, 'letter.ru.docx'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^letter\.ru\.docx body/);
  });

  it('a file that is not a Word document is refused', () => {
    expect(errorsOf(() => checkTemplate(Buffer.from('not a zip'), letterTemplateFields, 'x.docx'))[0]).toContain('not a Word document');
  });
});
