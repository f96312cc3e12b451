/**
 * Word templates (templates/<document>.<lang>.docx) filled with docxtemplater. A template is
 * checked against the zod schema of the fields its document receives: a placeholder that names no
 * field, a section over a field that is not a list or a yes/no, or a broken tag is rejected with
 * the placeholder, the part of the document and the paragraph where it stands.
 */
import Docxtemplater from 'docxtemplater';
import inspectModuleExport from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { z } from 'zod';
import { DataFileError, type LocatedError } from '../domain/located.ts';
import { listOf, msg, type Message } from '../i18n/message.ts';
import { allParagraphs, blocksOfXml, paragraphText, textParts } from './docx-xml.ts';

type Fields = z.ZodObject<z.ZodRawShape>;

/** docxtemplater's inspect module; its CommonJS export is a factory, whatever its typings say. */
type InspectModule = InstanceType<typeof inspectModuleExport.default>;
const newInspectModule = inspectModuleExport as unknown as () => InspectModule;

interface TagPart {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  subparsed?: TagPart[];
}

/** What a field of the schema allows in a template. */
type FieldKind = { kind: 'scalar' } | { kind: 'flag' } | { kind: 'list'; item: Fields | null };

function unwrap(s: z.ZodType): z.ZodType {
  let t = s;
  while (t instanceof z.ZodOptional || t instanceof z.ZodNullable || t instanceof z.ZodDefault) t = (t as z.ZodOptional<z.ZodType>).unwrap() as z.ZodType;
  return t;
}

function fieldKind(s: z.ZodType): FieldKind {
  const t = unwrap(s);
  if (t instanceof z.ZodBoolean) return { kind: 'flag' };
  if (t instanceof z.ZodArray) {
    const el = unwrap(t.element as z.ZodType);
    return { kind: 'list', item: el instanceof z.ZodObject ? (el as Fields) : null };
  }
  return { kind: 'scalar' };
}

/** The paragraph of a part that holds a tag, 1-based, with its text (for messages). */
function placeOf(xmlByPart: Map<string, string[]>, part: string, raw: string): string {
  const paragraphs = xmlByPart.get(part) ?? [];
  const k = paragraphs.findIndex((t) => t.includes(raw));
  const full = paragraphs[k];
  if (full === undefined) return part;
  // The paragraph's text around the tag, so that the reader finds it in Word.
  const at = full.indexOf(raw);
  const from = Math.max(0, at - 30);
  const to = Math.min(full.length, at + raw.length + 30);
  const text = `${from > 0 ? '…' : ''}${full.slice(from, to)}${to < full.length ? '…' : ''}`;
  return `${part}, paragraph ${k + 1}: “${text}”`;
}

const PART_NAMES: Record<string, string> = { 'word/document.xml': 'body' };
const partName = (f: string) => PART_NAMES[f] ?? f.replace(/^word\//, '').replace(/\.xml$/, '');

function compile(zip: PizZip, name: string, modules: InspectModule[]): Docxtemplater {
  try {
    return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, modules, errorLogging: false });
  } catch (e) {
    const errors = docxtemplaterErrors(e);
    if (errors.length === 0) throw e;
    const paragraphs = paragraphsByPart(zip);
    throw new DataFileError(
      errors.map((x) => ({
        file: name,
        path: x.xtag ? placeOf(paragraphs, partName(x.file ?? 'word/document.xml'), x.xtag) : partName(x.file ?? 'word/document.xml'),
        line: null,
        column: null,
        message: x.xtag ? msg('template.syntax_at', { detail: x.explanation, placeholder: x.xtag }) : msg('template.syntax', { detail: x.explanation }),
      })),
    );
  }
}

function docxtemplaterErrors(e: unknown): { explanation: string; xtag: string | null; file: string | null }[] {
  if (typeof e !== 'object' || e === null || !('properties' in e)) return [];
  const props = (e as { properties: { errors?: unknown[]; explanation?: string; xtag?: string; file?: string } }).properties;
  const list = Array.isArray(props.errors) ? props.errors : [e];
  return list.map((x) => {
    const p = (x as { properties?: { explanation?: string; xtag?: string; file?: string } }).properties ?? {};
    return { explanation: p.explanation ?? String((x as Error).message), xtag: p.xtag ?? null, file: p.file ?? null };
  });
}

function paragraphsByPart(zip: PizZip): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const f of textParts(zip)) map.set(partName(f.name), allParagraphs(blocksOfXml(f.asText())).map(paragraphText));
  return map;
}

/**
 * Checks a template against the fields its document receives; throws DataFileError listing every
 * placeholder that does not fit, each with its place. Returns the placeholders used.
 */
export function checkTemplate(template: Buffer | Uint8Array, fields: Fields, name: string): Set<string> {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new DataFileError([{ file: name, path: '', line: null, column: null, message: msg('template.not_zip') }]);
  }
  if (!zip.file('word/document.xml')) throw new DataFileError([{ file: name, path: '', line: null, column: null, message: msg('template.no_document_xml') }]);
  const inspect = newInspectModule();
  compile(zip, name, [inspect]);
  const paragraphs = paragraphsByPart(zip);
  const errors: LocatedError[] = [];
  const used = new Set<string>();
  // The fields in scope, the innermost section's first.
  const walk = (parts: TagPart[], scopes: readonly [Fields, ...Fields[]], part: string, path: string) => {
    for (const t of parts) {
      if (t.type !== 'placeholder') continue;
      const isSection = t.module === 'loop';
      const raw = isSection ? `{${t.inverted ? '^' : '#'}${t.value}}` : `{${t.value}}`;
      let found: z.ZodType | undefined;
      for (const scope of scopes) {
        found = scope.shape[t.value] as z.ZodType | undefined;
        if (found) break;
      }
      const here = `${path}${path ? '.' : ''}${t.value}`;
      const fail = (message: Message) => errors.push({ file: name, path: placeOf(paragraphs, part, raw), line: null, column: null, message });
      if (!found) {
        fail(msg('template.no_field', { placeholder: raw, fields: listOf(Object.keys(scopes[0].shape)) }));
        continue;
      }
      used.add(here);
      const kind = fieldKind(found);
      if (isSection) {
        if (kind.kind === 'scalar') fail(msg('template.section_of_scalar', { placeholder: raw, field: t.value }));
        else walk(t.subparsed ?? [], kind.kind === 'list' && kind.item ? [kind.item, ...scopes] : scopes, part, here);
      } else if (kind.kind !== 'scalar') fail(msg(kind.kind === 'list' ? 'template.list_as_value' : 'template.flag_as_value', { placeholder: raw, field: t.value }));
    }
  };
  for (const file of Object.keys(inspect.fullInspected)) walk(inspect.getStructuredTags(file) as unknown as TagPart[], [fields], partName(file), '');
  if (errors.length > 0) throw new DataFileError(errors);
  return used;
}

/** A template known to fit its fields, ready to fill many times (the batch fills one per person). */
export class DocxTemplate<F extends Fields> {
  readonly placeholders: Set<string>;
  constructor(
    private readonly template: Buffer | Uint8Array,
    readonly fields: F,
    readonly name: string,
  ) {
    this.placeholders = checkTemplate(template, fields, name);
  }

  /** The filled document as an open archive (the PDF renderer reads it without packing it again). */
  fillZip(values: z.output<F>): PizZip {
    const doc = new Docxtemplater(new PizZip(this.template), { paragraphLoop: true, linebreaks: true, nullGetter: () => '' });
    doc.render(this.fields.parse(values) as Record<string, unknown>);
    return doc.getZip();
  }

  fill(values: z.output<F>): Buffer {
    return this.fillZip(values).generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
}
