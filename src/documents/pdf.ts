/**
 * PDF from a filled Word document: the document's paragraphs and tables (their text, bold, italic,
 * alignment, indents, spacing, column widths and borders) laid out again by pdfmake on A4, in DejaVu
 * Serif embedded (it holds every Kazakh letter: Ә Ғ Қ Ң Ө Ұ Ү Һ І), with page numbers and a
 * footer naming the document's provenance. So the PDF says what the edited template says; Word's
 * own line breaking, fonts and floating objects are not reproduced (docs/documents.md).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions, TableCell as PdfCell } from 'pdfmake/interfaces.d.ts';
import PizZip from 'pizzip';
import { present } from '../domain/lookup.ts';
import { blocksOfXml, paragraphText, type Block, type Paragraph, type Table } from './docx-xml.ts';

/** Font files (paths) of the one family the PDFs use. */
export interface PdfFonts {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/** DejaVu Serif from the `dejavu-fonts-ttf` package. */
export function dejavuSerif(): PdfFonts {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    normal: join(dir, 'DejaVuSerif.ttf'),
    bold: join(dir, 'DejaVuSerif-Bold.ttf'),
    italics: join(dir, 'DejaVuSerif-Italic.ttf'),
    bolditalics: join(dir, 'DejaVuSerif-BoldItalic.ttf'),
  };
}

/** DejaVu Serif is wider than Times New Roman, the templates' font: sizes are scaled to keep the lines. */
const SIZE_SCALE = 0.86;
const DEFAULT_SIZE_PT = 14;
const A4_WIDTH = 595.28;

interface Margins {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function pageMargins(xml: string): Margins {
  const m = /<w:pgMar\b[^>]*>/.exec(xml)?.[0] ?? '';
  const get = (k: string, d: number) => {
    const v = new RegExp(`\\bw:${k}="(-?\\d+)"`).exec(m)?.[1];
    return v ? Number(v) / 20 : d;
  };
  return { left: get('left', 85), top: get('top', 57), right: get('right', 42.5), bottom: get('bottom', 57) };
}

function defaultSize(zip: PizZip): number {
  const styles = zip.file('word/styles.xml')?.asText();
  const m = styles ? /<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"/.exec(styles) : null;
  return m ? Number(m[1]) / 2 : DEFAULT_SIZE_PT;
}

/**
 * pdfmake breaks a line after a hyphen and, in a justified line, spreads space between the two
 * halves of a hyphenated word ("талап- арыздары"): inside a word the hyphen is made non-breaking.
 */
const keepHyphens = (s: string): string => s.replace(/([\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, '$1\u2011');

function paragraph(p: Paragraph, base: number): Content {
  const runs = p.runs.length === 0 || paragraphText(p) === '' ? [{ text: ' ' }] : p.runs.map((r) => ({ text: keepHyphens(r.text), bold: r.bold, italics: r.italic, ...(r.underline ? { decoration: 'underline' as const } : {}), fontSize: (r.size ?? base) * SIZE_SCALE }));
  return {
    text: runs,
    alignment: p.align,
    fontSize: base * SIZE_SCALE,
    margin: [p.leftIndent, p.spaceBefore, 0, p.spaceAfter],
    ...(p.firstLineIndent > 0 ? { leadingIndent: p.firstLineIndent } : {}),
    ...(p.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
  };
}

function table(t: Table, base: number, width: number): Content {
  const columns = Math.max(1, ...t.rows.map((r) => r.cells.length));
  const grid = t.grid.length === columns && t.grid.every((g) => g > 0) ? t.grid : Array.from({ length: columns }, () => 1);
  const total = grid.reduce((a, b) => a + b, 0);
  const pad = t.borders ? 8 : 4;
  const widths = grid.map((g) => Math.max(10, (g / total) * width - pad));
  const body: PdfCell[][] = t.rows.map((r) => {
    const cells: PdfCell[] = r.cells.map((c) => ({ stack: c.paragraphs.map((p) => paragraph({ ...p, firstLineIndent: 0 }, base)) }));
    while (cells.length < columns) cells.push({ text: '' });
    return cells;
  });
  const headerRows = t.rows.findIndex((r) => !r.header);
  return {
    table: { widths, body, headerRows: headerRows > 0 ? headerRows : 0, dontBreakRows: true },
    layout: t.borders ? { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 } : 'noBorders',
    margin: [0, 2, 0, 4],
  };
}

/** The body of a filled .docx as pdfmake content. */
export function docxToContent(docx: Buffer | Uint8Array | PizZip): { content: Content[]; margins: Margins } {
  const zip = docx instanceof PizZip ? docx : new PizZip(docx);
  const xml = present(zip.file('word/document.xml'), 'not a Word document (.docx): word/document.xml is missing').asText();
  const margins = pageMargins(xml);
  const base = defaultSize(zip);
  const width = A4_WIDTH - margins.left - margins.right;
  const content = blocksOfXml(xml).map((b: Block) => (b.kind === 'paragraph' ? paragraph(b, base) : table(b, base, width)));
  return { content, margins };
}

export interface PdfOptions {
  fonts: PdfFonts;
  title: string;
  /** The provenance line printed at the foot of every page. */
  footer: string;
  /** "Page" in the document's language. */
  pageWord: string;
  /** Written into the PDF's metadata. */
  runId: string;
}

/**
 * One PDF from one or more filled documents, each starting on a new page (a batch of submissions).
 * Each document's pages are numbered on their own ("Стр. 2 / 3"), since each goes to the court
 * separately; in a batch the footer also says which document of how many it is.
 */
export async function renderPdf(documents: Iterable<Buffer | Uint8Array | PizZip>, o: PdfOptions): Promise<Buffer> {
  const starts: Content[] = [];
  let margins: Margins | null = null;
  for (const d of documents) {
    const part = docxToContent(d);
    margins ??= part.margins;
    starts.push({ stack: part.content, ...(starts.length > 0 ? { pageBreak: 'before' as const } : {}) });
  }
  // pdfmake lays every page out before it draws the footers, and leaves on each node the pages it
  // fell on: the first page of each document is read from there.
  let firstPages: number[] | null = null;
  const pageOf = (page: number, pages: number): { n: number; of: number; doc: number } => {
    firstPages ??= starts.map((s) => (s as { positions?: { pageNumber: number }[] }).positions?.[0]?.pageNumber ?? 1);
    let k = 0;
    while (k + 1 < firstPages.length && firstPages[k + 1]! <= page) k++;
    const next = firstPages[k + 1] ?? pages + 1;
    return { n: page - firstPages[k]! + 1, of: next - firstPages[k]!, doc: k + 1 };
  };
  const m = margins ?? { left: 85, top: 57, right: 42.5, bottom: 57 };
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [m.left, m.top, m.right, Math.max(m.bottom, 50)],
    info: { title: o.title, subject: o.footer, keywords: `run ${o.runId}`, creator: 'Amnestia', producer: 'Amnestia (pdfmake)' },
    defaultStyle: { font: 'DejaVuSerif', fontSize: DEFAULT_SIZE_PT * SIZE_SCALE, lineHeight: 1.12 },
    content: starts,
    footer: (page: number, pages: number) => {
      const at = pageOf(page, pages);
      const number = `${o.pageWord} ${at.n} / ${at.of}${starts.length > 1 ? ` · ${at.doc} / ${starts.length}` : ''}`;
      return {
        margin: [m.left, 8, m.right, 0],
        columns: [
          { text: o.footer, fontSize: 6.5, color: '#444444', width: '*' },
          { text: number, fontSize: 8, alignment: 'right', width: starts.length > 1 ? 110 : 70 },
        ],
      };
    },
  };
  // Loaded when a PDF is made, so that the other commands do not pay for pdfkit and fontkit.
  const pdfmake = (await import('pdfmake')).default;
  pdfmake.setFonts({ DejaVuSerif: o.fonts });
  const allowed = new Set(Object.values(o.fonts));
  pdfmake.setLocalAccessPolicy((path: string) => allowed.has(path));
  pdfmake.setUrlAccessPolicy(() => false);
  return pdfmake.createPdf(definition).getBuffer();
}
