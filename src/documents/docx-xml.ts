/**
 * Reading a Word document's body: its paragraphs (with their runs' text and formatting) and tables,
 * in order. Used to find a template's placeholders by paragraph, to lay a filled document out as
 * PDF, and by tests to read produced documents back.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Points; null = the style's. */
  size: number | null;
}

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  align: 'left' | 'center' | 'right' | 'justify';
  /** Points. */
  spaceBefore: number;
  spaceAfter: number;
  firstLineIndent: number;
  leftIndent: number;
  pageBreakBefore: boolean;
  keepWithNext: boolean;
}

export interface TableCell {
  paragraphs: Paragraph[];
  /** Width in twentieths of a point, if given. */
  width: number | null;
}

export interface Table {
  kind: 'table';
  rows: { cells: TableCell[]; header: boolean }[];
  borders: boolean;
  /** Column widths (twentieths of a point) from the grid. */
  grid: number[];
}

export type Block = Paragraph | Table;

function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === W) out.push(c as Element);
  return out;
}
const child = (el: Element | undefined, name: string): Element | undefined => (el ? children(el, name)[0] : undefined);
const attr = (el: Element | undefined, name: string): string | null => (el ? el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`) : null);
const on = (el: Element | undefined): boolean => {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === null || v === '' || v === 'true' || v === '1' || v === 'on';
};
const twip = (v: string | null): number => (v === null || v === '' ? 0 : Number(v) / 20);

function runsOf(p: Element): Run[] {
  const runs: Run[] = [];
  const visit = (el: Element) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI !== W) continue;
      if (e.localName === 'r') {
        const rPr = child(e, 'rPr');
        const fmt = { bold: on(child(rPr, 'b')), italic: on(child(rPr, 'i')), underline: !!child(rPr, 'u') && attr(child(rPr, 'u'), 'val') !== 'none', size: child(rPr, 'sz') ? Number(attr(child(rPr, 'sz'), 'val')) / 2 : null };
        for (let x = e.firstChild; x; x = x.nextSibling) {
          if (x.nodeType !== 1) continue;
          const xe = x as Element;
          if (xe.localName === 't') runs.push({ text: xe.textContent ?? '', ...fmt });
          else if (xe.localName === 'tab') runs.push({ text: '\t', ...fmt });
          else if (xe.localName === 'br' && attr(xe, 'type') !== 'page') runs.push({ text: '\n', ...fmt });
        }
      } else if (e.localName === 'hyperlink' || e.localName === 'ins' || e.localName === 'smartTag' || e.localName === 'sdt' || e.localName === 'sdtContent' || e.localName === 'fldSimple') visit(e);
    }
  };
  visit(p);
  return runs;
}

function paragraphOf(p: Element): Paragraph {
  const pPr = child(p, 'pPr');
  const jc = attr(child(pPr, 'jc'), 'val');
  const spacing = child(pPr, 'spacing');
  const ind = child(pPr, 'ind');
  const pageBreakRun = p.getElementsByTagNameNS(W, 'br');
  let pageBreak = on(child(pPr, 'pageBreakBefore'));
  for (let i = 0; i < pageBreakRun.length; i++) if (attr(pageBreakRun[i] as Element, 'type') === 'page') pageBreak = true;
  return {
    kind: 'paragraph',
    runs: runsOf(p),
    align: jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : jc === 'both' || jc === 'distribute' ? 'justify' : 'left',
    spaceBefore: twip(attr(spacing, 'before')),
    spaceAfter: twip(attr(spacing, 'after')),
    firstLineIndent: twip(attr(ind, 'firstLine')),
    leftIndent: twip(attr(ind, 'left') ?? attr(ind, 'start')),
    pageBreakBefore: pageBreak,
    keepWithNext: on(child(pPr, 'keepNext')),
  };
}

function tableOf(t: Element): Table {
  const tblPr = child(t, 'tblPr');
  const borders = child(tblPr, 'tblBorders');
  const top = child(borders, 'top');
  const hasBorders = !!borders && !!top && attr(top, 'val') !== 'none' && attr(top, 'val') !== 'nil';
  const grid = children(child(t, 'tblGrid') ?? t, 'gridCol').map((g) => Number(attr(g, 'w') ?? 0));
  return {
    kind: 'table',
    borders: hasBorders,
    grid,
    rows: children(t, 'tr').map((tr) => ({
      header: !!child(child(tr, 'trPr'), 'tblHeader'),
      cells: children(tr, 'tc').map((tc) => {
        const w = attr(child(child(tc, 'tcPr'), 'tcW'), 'w');
        return { paragraphs: blocksOf(tc).filter((b): b is Paragraph => b.kind === 'paragraph'), width: w === null ? null : Number(w) };
      }),
    })),
  };
}

function blocksOf(parent: Element): Block[] {
  const out: Block[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (e.namespaceURI !== W) continue;
    if (e.localName === 'p') out.push(paragraphOf(e));
    else if (e.localName === 'tbl') out.push(tableOf(e));
    else if (e.localName === 'sdt') out.push(...blocksOf(child(e, 'sdtContent') ?? e));
  }
  return out;
}

/** The blocks of one part of a document (word/document.xml, a header or a footer). */
export function blocksOfXml(xml: string): Block[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) return [];
  const body = root.localName === 'document' ? child(root as unknown as Element, 'body') : (root as unknown as Element);
  return body ? blocksOf(body) : [];
}

export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/** Every paragraph of the blocks, those in tables included, in reading order. */
export function allParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs))));
}

/** The parts of a .docx that hold text: the body, headers and footers. */
export function textParts(zip: PizZip): string[] {
  return Object.keys(zip.files)
    .filter((f) => f === 'word/document.xml' || /^word\/(header|footer)\d*\.xml$/.test(f))
    .sort((a, b) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b)));
}

/** The text of a .docx, paragraph by paragraph (body first, then headers and footers). */
export function docxText(docx: Buffer | Uint8Array): string {
  const zip = new PizZip(docx);
  return textParts(zip)
    .flatMap((f) => allParagraphs(blocksOfXml(zip.file(f)!.asText())).map(paragraphText))
    .join('\n');
}
