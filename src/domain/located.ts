/**
 * Reading data files (YAML or JSON) through a zod schema, with every error located:
 * file, JSON path, line and column.
 */
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

export interface LocatedError {
  file: string;
  /** JSON path of the offending value, e.g. `$.articles[3].parts[0].max`. */
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export class DataFileError extends Error {
  constructor(readonly errors: LocatedError[]) {
    super(errors.map(formatLocated).join('\n'));
    this.name = 'DataFileError';
  }
}

export function formatLocated(e: LocatedError): string {
  const at = e.line === null ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return `${at} ${e.path}: ${e.message}`;
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

/** A parsed YAML document that can say where any path lies in the source. */
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

  error(path: readonly PropertyKey[], message: string): LocatedError {
    const pos = this.locate(path);
    return { file: this.file, path: jsonPath(path), line: pos?.line ?? null, column: pos?.column ?? null, message };
  }
}

/** Parses YAML (or JSON, which is YAML) text; syntax errors are thrown as located errors. */
export function parseYamlSource(text: string, file: string): { value: unknown; map: SourceMap } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new DataFileError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lines.linePos(Math.min(e.pos[0], text.length));
        return { file, path: '$', line: pos?.line ?? null, column: pos?.col ?? null, message: e.message.split('\n')[0] ?? e.message };
      }),
    );
  }
  return { value: doc.toJS({ maxAliasCount: 1000 }) as unknown, map: new SourceMap(file, doc, lines) };
}

/** Validates a parsed value against a schema; failures become located errors. */
export function validateWith<S extends z.ZodType>(schema: S, value: unknown, map: SourceMap): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DataFileError(result.error.issues.map((issue) => map.error(issue.path, issue.message)));
}

/** Reads and validates a YAML or JSON data file. */
export function loadDataFile<S extends z.ZodType>(schema: S, file: string): { data: z.output<S>; map: SourceMap } {
  const text = readFileSync(file, 'utf8');
  const { value, map } = parseYamlSource(text, file);
  return { data: validateWith(schema, value, map), map };
}
