/**
 * Reading data files (YAML or JSON) through a zod schema, with every error located:
 * file, JSON path, line and column.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { renderMessage, msg, type Message } from '../i18n/message.ts';
import type { Lang } from '../i18n/text.ts';
import { UnreadableFileError } from './errors.ts';
import { locateIssue } from './issues.ts';
import { firstLine } from './lookup.ts';
import { firstInvalidUtf8 } from './utf8.ts';

/** The largest act or data file read (a YAML document of this size is already far beyond a real act). */
export const DATA_FILE_MAX_BYTES = 16 * 1024 * 1024;
/** Aliases a document may expand (`*name` references), against "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 1000;

export interface LocatedError {
  file: string;
  /** JSON path of the offending value, e.g. `$.articles[3].parts[0].max`. */
  path: string;
  line: number | null;
  column: number | null;
  /** A message of the catalogues (src/i18n/errors/), rendered in the reader's language at the edge. */
  message: Message;
}

/** Errors of a data or act file; its own `message` is the English form (for logs). */
export class DataFileError extends Error {
  constructor(readonly errors: LocatedError[]) {
    super(errors.map((e) => formatLocated(e, 'en')).join('\n'));
    this.name = 'DataFileError';
  }
}

/** `file:line:column $.path: message`, the message in `lang`. */
export function formatLocated(e: LocatedError, lang: Lang): string {
  const at = e.line === null ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return `${at} ${e.path}: ${renderMessage(e.message, lang)}`;
}

/** A located error without a source map (a file known by name only, or a value built in memory). */
export function unlocated(file: string, path: readonly (string | number)[], message: Message): LocatedError {
  return { file, path: path.length === 0 ? '$' : jsonPath(path), line: null, column: null, message };
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_][\w]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** A parsed YAML document that can say where each path lies in the source. */
export class SourceMap {
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | null {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = this.doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return null;
  }

  error(path: readonly PropertyKey[], message: Message): LocatedError {
    const pos = this.locate(path);
    return { file: this.file, path: jsonPath(path), line: pos?.line ?? null, column: pos?.column ?? null, message };
  }
}

/**
 * The text of an act or data file: refused (UnreadableFileError, exit code 3) when it is missing,
 * a folder, larger than DATA_FILE_MAX_BYTES, binary, or not UTF-8 (never read with garbled letters).
 */
export function readDataText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UnreadableFileError(file, 'file.directory', msg('file.data_directory'));
    size = st.size;
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, 'file.missing', code === 'ENOENT' || code === 'ENOTDIR' ? msg('file.no_such_file') : msg('file.cannot_open', { code: code ?? String(e) }));
  }
  if (size > DATA_FILE_MAX_BYTES) throw new UnreadableFileError(file, 'file.too_large', msg('file.data_too_large', { size, max: DATA_FILE_MAX_BYTES }));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UnreadableFileError(file, 'file.unreadable', msg('file.cannot_read', { code: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString('latin1').split('\n').length;
    throw new UnreadableFileError(file, 'file.binary', msg('file.data_binary'), { line, byte: nul });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const good = Math.max(0, firstInvalidUtf8(bytes, false));
    const line = bytes.subarray(0, good).toString('latin1').split('\n').length;
    throw new UnreadableFileError(file, 'encoding.invalid', msg('file.data_not_utf8'), { line, byte: good });
  }
}

/** Parses YAML (or JSON, which is YAML) text; syntax errors, alias bombs and nesting too deep are thrown as located errors. */
export function parseYamlSource(text: string, file: string): { value: unknown; map: SourceMap } {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    if (e instanceof RangeError) throw new DataFileError([unlocated(file, [], msg('data.too_deep'))]);
    throw e;
  }
  if (doc.errors.length > 0) {
    throw new DataFileError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? (e.pos?.[0] !== undefined ? lines.linePos(Math.min(e.pos[0], text.length)) : undefined);
        return { file, path: '$', line: pos?.line ?? null, column: pos?.col ?? null, message: yamlMessage(e.code, e.message) };
      }),
    );
  }
  let aliases = 0;
  let firstAlias: number | null = null;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (firstAlias === null && isAlias(node) && node.range) firstAlias = node.range[0];
    },
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (e) {
    const at = firstAlias === null ? null : lines.linePos(firstAlias);
    if (e instanceof ReferenceError && /unresolved alias/i.test(e.message)) throw new DataFileError([{ file, path: '$', line: at?.line ?? null, column: at?.col ?? null, message: msg('data.yaml.bad_alias') }]);
    if (e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message)))
      throw new DataFileError([{ file, path: '$', line: at?.line ?? null, column: at?.col ?? null, message: msg('data.alias_bomb', { aliases, max: MAX_ALIAS_COUNT }) }]);
    if (e instanceof RangeError) throw new DataFileError([unlocated(file, [], msg('data.too_deep'))]);
    throw e;
  }
  return { value, map: new SourceMap(file, doc, lines) };
}

/** A YAML syntax error as a message: the common ones in words of the catalogue, the rest with the parser's detail. */
function yamlMessage(code: string, detail: string): Message {
  if (code === 'DUPLICATE_KEY') return msg('data.yaml.duplicate_key');
  if (code === 'BAD_INDENT' || code === 'TAB_AS_INDENT') return msg('data.yaml.indentation');
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return msg('data.yaml.block_as_key');
  if (code === 'MULTILINE_IMPLICIT_KEY') return msg('data.yaml.multiline_key');
  if (code === 'BAD_DQ_ESCAPE') return msg('data.yaml.escape');
  if (code === 'MULTIPLE_DOCS') return msg('data.yaml.multiple_docs');
  if (code === 'BAD_SCALAR_START') return msg('data.yaml.scalar_start');
  if (code === 'BAD_ALIAS') return msg('data.yaml.bad_alias');
  if (code === 'MISSING_CHAR') return msg('data.yaml.missing_char');
  const first = firstLine(detail);
  // the parser names the token it did not expect in quotes at the end of its words
  const token = code === 'UNEXPECTED_TOKEN' ? /: ("[^"]+")$/.exec(first)?.[1] : undefined;
  if (token !== undefined) return msg('data.yaml.unexpected_token', { token });
  return msg('data.yaml.syntax', { detail: first });
}

/** Validates a parsed value against a schema; failures become located errors with messages of the catalogues. */
export function validateWith<S extends z.ZodType>(schema: S, value: unknown, map: SourceMap): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new DataFileError(
    result.error.issues.map((issue) => {
      const { path, message } = locateIssue(issue);
      return map.error(path, message);
    }),
  );
}

/** Reads and validates a YAML or JSON data file. */
export function loadDataFile<S extends z.ZodType>(schema: S, file: string): { data: z.output<S>; map: SourceMap } {
  const text = readDataText(file);
  const { value, map } = parseYamlSource(text, file);
  return { data: validateWith(schema, value, map), map };
}
