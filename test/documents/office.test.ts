/**
 * The filled Word documents open in an office suite: LibreOffice Writer converts them to PDF and
 * the text read back holds the figures. Skipped, with a message, where LibreOffice is not installed
 * (CI does not install it: the project's PDFs are made by pdfmake, docs/documents.md). Russian, because
 * without Times New Roman LibreOffice draws Kazakh letters from a fallback font, whose text a PDF
 * reader gives back out of order.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSubmission, renderSubmissionDocx } from '../../src/documents/index.ts';
import { registry, submissionInput, submissionTemplates } from './setup.ts';
import { pdfText } from './read-back.ts';

const soffice = spawnSync('soffice', ['--version']).error === undefined;
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the filled DOCX are not opened in an office suite');

describe.skipIf(!soffice)('the DOCX in LibreOffice Writer', () => {
  it('a Russian submission converts to PDF with the person’s data', async () => {
    const r = buildSubmission(submissionInput(), registry.indexOf('KZ00022'));
    if (!r.ok) throw new Error(r.refusal.reason.en);
    const dir = mkdtempSync(join(tmpdir(), 'amnestia-office-'));
    try {
      writeFileSync(join(dir, 'submission.docx'), renderSubmissionDocx(r.data, 'ru', submissionTemplates.ru));
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'submission.docx')], { env: { ...process.env, HOME: dir }, stdio: 'ignore', timeout: 120_000 });
      const { text } = await pdfText(readFileSync(join(dir, 'submission.pdf')));
      expect(text).toContain('ПРЕДСТАВЛЕНИЕ');
      expect(text).toContain(r.data.person.iin!);
      // LibreOffice may draw a Kazakh letter missing from its font elsewhere in the text: the surname is enough.
      expect(text).toContain(r.data.person.last_name!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
