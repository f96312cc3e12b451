/** Reading produced documents back, as a person's tools would: PDF text (pdf.js), fonts, page count. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Spaces of every kind (narrow no-break spaces group digits in kk and ru) as one plain space. */
export const squash = (s: string): string => s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();

export async function pdfText(pdf: Buffer): Promise<{ pages: string[]; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(squash(content.items.map((it) => ('str' in it ? `${it.str}${it.hasEOL ? ' ' : ''}` : '')).join('')));
  }
  await doc.destroy();
  return { pages, text: pages.join(' ') };
}

/** Names of the fonts a PDF uses, and whether each has its file embedded (FontFile2 = TrueType). */
export function pdfFonts(pdf: Buffer): { fonts: string[]; embedded: number; descriptors: number } {
  const s = pdf.toString('latin1');
  const fonts = [...new Set([...s.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+\-_]+)/g)].map((m) => m[1]!))];
  return { fonts, embedded: (s.match(/\/FontFile2\b/g) ?? []).length, descriptors: (s.match(/\/Type\s*\/FontDescriptor\b/g) ?? []).length };
}

export const hasPdftoppm = (): boolean => spawnSync('pdftoppm', ['-v']).error === undefined;

/** The first page as PNG (pdftoppm from poppler-utils). */
export function firstPagePng(pdf: Buffer, dpi = 70): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'amnestia-png-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', join(dir, 'in.pdf'), join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
