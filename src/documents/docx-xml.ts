/**
 * Reading a Word document's body: its paragraphs (with their runs' text and formatting) and tables,
 * in order. Used to find a template's placeholders by paragraph, to lay a filled document out as
 * PDF, and by tests to read produced documents back.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import PizZip from 'pizzip';

// WordprocessingML is read by its `w:` prefix, the one Word and every common writer use.
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

const isEl = (c: ChildNode): c is Element => c.type === 'tag';

function children(el: Element, name: string): Element[] {
  const tag = `w:${name}`;
  return el.children.filter((c): c is Element => isEl(c) && c.name === tag);
}
const child = (el: Element | undefined, name: string): Element | undefined => (el ? children(el, name)[0] : undefined);
const attr = (el: Element | undefined, name: string): string | null => el?.attribs[`w:${name}`] ?? null;
const on = (el: Element | undefined): boolean => {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === null || v === '' || v === 'true' || v === '1' || v === 'on';
};
const twip = (v: string | null): number => (v === null || v === '' ? 0 : Number(v) / 20);
const local = (e: Element): string => (e.name.startsWith('w:') ? e.name.slice(2) : '');

function textOf(e: Element): string {
  let out = '';
  for (const c of e.children) if (c.type === 'text') out += c.data;
  return out;
}

function runsOf(p: Element): Run[] {
  const runs: Run[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isEl(c)) continue;
      const name = local(c);
      if (name === 'r') {
        const rPr = child(c, 'rPr');
        const u = child(rPr, 'u');
        const sz = child(rPr, 'sz');
        const fmt = { bold: on(child(rPr, 'b')), italic: on(child(rPr, 'i')), underline: !!u && attr(u, 'val') !== 'none', size: sz ? Number(attr(sz, 'val')) / 2 : null };
        for (const x of c.children) {
          if (!isEl(x)) continue;
          const xn = local(x);
          if (xn === 't') runs.push({ text: textOf(x), ...fmt });
          else if (xn === 'tab') runs.push({ text: '\t', ...fmt });
          else if (xn === 'br' && attr(x, 'type') !== 'page') runs.push({ text: '\n', ...fmt });
        }
      } else if (name === 'hyperlink' || name === 'ins' || name === 'smartTag' || name === 'sdt' || name === 'sdtContent' || name === 'fldSimple') visit(c);
    }
  };
  visit(p);
  return runs;
}

function hasPageBreak(p: Element): boolean {
  for (const r of children(p, 'r')) for (const b of children(r, 'br')) if (attr(b, 'type') === 'page') return true;
  return false;
}

function paragraphOf(p: Element): Paragraph {
  const pPr = child(p, 'pPr');
  const jc = attr(child(pPr, 'jc'), 'val');
  const spacing = child(pPr, 'spacing');
  const ind = child(pPr, 'ind');
  const pageBreak = on(child(pPr, 'pageBreakBefore')) || hasPageBreak(p);
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
  for (const c of parent.children) {
    if (!isEl(c)) continue;
    const name = local(c);
    if (name === 'p') out.push(paragraphOf(c));
    else if (name === 'tbl') out.push(tableOf(c));
    else if (name === 'sdt') out.push(...blocksOf(child(c, 'sdtContent') ?? c));
  }
  return out;
}

/** The blocks of one part of a document (word/document.xml, a header or a footer). */
export function blocksOfXml(xml: string): Block[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const root = doc.children.find(isEl);
  if (!root) return [];
  const body = local(root) === 'document' ? child(root, 'body') : root;
  return body ? blocksOf(body) : [];
}

export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/** Every paragraph of the blocks, those in tables included, in reading order. */
export function allParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs))));
}

/** The parts of a .docx that hold text: the body, headers and footers (body first). */
export function textParts(zip: PizZip): PizZip.ZipObject[] {
  const order = (a: string, b: string) => (a === 'word/document.xml' ? -1 : b === 'word/document.xml' ? 1 : a.localeCompare(b));
  return Object.values(zip.files)
    .filter((f) => f.name === 'word/document.xml' || /^word\/(header|footer)\d*\.xml$/.test(f.name))
    .sort((a, b) => order(a.name, b.name));
}

/** The text of a .docx, paragraph by paragraph (body first, then headers and footers). */
export function docxText(docx: Buffer | Uint8Array): string {
  const zip = new PizZip(docx);
  return textParts(zip)
    .flatMap((f) => allParagraphs(blocksOfXml(f.asText())).map(paragraphText))
    .join('\n');
}
