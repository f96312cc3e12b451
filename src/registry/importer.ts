/**
 * The checks of an import that do not depend on the file format: the header, each row (through
 * the data contract's row schema), identity across rows, counts by rule.
 */
import type { CriminalCode } from '../law/criminal-code.ts';
import { listOf, msg, type Message } from '../i18n/message.ts';
import { CONTRACT_COLUMNS, REQUIRED_COLUMNS, type ContractColumn } from './record.ts';
import { Registry, RegistryBuilder } from './registry.ts';
import { parseRow, rowSchema, type RowIssue } from './row.ts';
import type { SnapshotInfo } from './snapshot.ts';
import type { Delimiter } from './csv/tokenizer.ts';
import type { Encoding } from './csv/encoding.ts';

export type { RowIssue };

export interface FileIssue {
  severity: 'error' | 'warning';
  rule: string;
  /** The detail: a message of src/i18n/errors/registry.ts, rendered in the reader's language. */
  message: Message;
}

/** What was read: the format and how it was decoded. */
export type ImportSource =
  | { format: 'csv'; encoding: Encoding; delimiter: Delimiter; lines: number }
  | { format: 'xlsx'; sheet: string | null; sheets: { name: string; state: 'visible' | 'hidden' | 'veryHidden'; rows: number }[] }
  | { format: 'amnreg'; snapshot: SnapshotInfo };

export interface ImportResult {
  file: string;
  registry: Registry;
  /** Rows read (not counting the header and blank lines). */
  rows: number;
  accepted: number;
  rejected: number;
  /** Problems of rows, in row order; a rejected row has at least one error. Empty when `onIssue` was given. */
  issues: RowIssue[];
  /** Problems of the file as a whole (missing columns: then no row is accepted). */
  fileIssues: FileIssue[];
  /** Row issues counted by rule (also when they were handed to `onIssue` instead of kept). */
  byRule: Record<string, { severity: 'error' | 'warning'; count: number }>;
  /** Row warnings (rows with only warnings are accepted). */
  warnings: number;
  source: ImportSource;
}

export interface ImportOptions {
  /** Called now and then with the rows read so far and, where known, the fraction of the file's bytes read. */
  onProgress?: (rows: number, fraction: number | null) => void;
  /** Put the columns in SharedArrayBuffers, for evaluation across worker threads. */
  shared?: boolean;
  /** Stops the import: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** XLSX: the worksheet to read (default: the first visible worksheet with rows). */
  sheet?: string;
  /** CSV: the delimiter (default: detected from the header). */
  delimiter?: Delimiter;
  /** CSV: the encoding (default: detected from the bytes). */
  encoding?: Encoding;
  /**
   * Receives each row issue instead of keeping it in `issues` (for files with millions of
   * problems: counts stay in `byRule`).
   */
  onIssue?: (issue: RowIssue) => void;
}

/** Reads rows of cells by column name from a source, checks them, and builds the registry. */
export class RegistryImporter {
  private readonly builder: RegistryBuilder;
  private readonly schema;
  private readonly seenIds = new Map<string, number>();
  private readonly seenIins = new Map<string, { row: number; personId: string }>();
  readonly issues: RowIssue[] = [];
  readonly fileIssues: FileIssue[] = [];
  readonly byRule = new Map<string, { severity: 'error' | 'warning'; count: number }>();
  warnings = 0;
  rows = 0;
  rejected = 0;
  private columnsOk = true;
  /** Header names (trimmed) by position; '' for a column without a name. */
  names: string[] = [];

  constructor(
    private readonly law: CriminalCode,
    readonly file: string,
    private readonly onIssue?: (issue: RowIssue) => void,
  ) {
    this.builder = new RegistryBuilder(law, 1 << 14);
    this.schema = rowSchema(law);
  }

  fileIssue(severity: 'error' | 'warning', rule: string, message: Message): void {
    this.fileIssues.push({ severity, rule, message });
  }

  /** Checks the header; returns false (and records why) when columns are missing or named twice. */
  header(names: string[], hint?: Message): boolean {
    const trimmed = names.map((n) => n.trim());
    this.names = trimmed;
    const missing = REQUIRED_COLUMNS.filter((c) => !trimmed.includes(c));
    if (missing.length > 0) {
      this.fileIssue('error', 'header.missing_columns', hint ? msg('registry.missing_columns_hint', { columns: listOf(missing), hint }) : msg('registry.missing_columns', { columns: listOf(missing) }));
      this.columnsOk = false;
    }
    const unknown = trimmed.filter((n) => n !== '' && !(CONTRACT_COLUMNS as readonly string[]).includes(n));
    if (unknown.length > 0) this.fileIssue('warning', 'header.unknown_columns', msg('registry.unknown_columns', { columns: listOf(unknown) }));
    const dup = trimmed.filter((n, i) => n !== '' && trimmed.indexOf(n) !== i);
    if (dup.length > 0) {
      this.fileIssue('error', 'header.duplicate_columns', msg('registry.duplicate_columns', { columns: listOf([...new Set(dup)]) }));
      this.columnsOk = false;
    }
    return this.columnsOk;
  }

  private issue(i: RowIssue): void {
    const e = this.byRule.get(i.rule) ?? { severity: i.severity, count: 0 };
    e.count++;
    this.byRule.set(i.rule, e);
    if (i.severity === 'warning') this.warnings++;
    if (this.onIssue) this.onIssue(i);
    else this.issues.push(i);
  }

  /** A row that cannot be read into cells (broken quoting, wrong cell count): rejected with its issues. */
  rejectRow(issues: RowIssue[]): void {
    this.rows++;
    this.rejected++;
    for (const i of issues) this.issue(i);
  }

  /** One data row; `rowNumber` as the docs define it (CSV: the physical line where the row begins; XLSX: the worksheet row). */
  row(cells: Record<string, string>, rowNumber: number, cellOf?: (column: ContractColumn) => string | undefined): void {
    this.rows++;
    if (!this.columnsOk) {
      this.rejected++;
      return;
    }
    const { record, issues } = parseRow(this.schema, cells as Record<ContractColumn, string>, rowNumber);
    if (record !== null) {
      const first = this.seenIds.get(record.personId);
      if (first !== undefined) {
        issues.push({
          severity: 'error',
          row: rowNumber,
          column: 'person_id',
          value: cells['person_id'] ?? record.personId,
          rule: 'person_id.duplicate',
          message: msg('registry.person_id_duplicate', { id: record.personId, row: first }),
        });
      }
      if (record.iin !== null) {
        const other = this.seenIins.get(record.iin);
        if (other !== undefined && other.personId !== record.personId) {
          issues.push({
            severity: 'error',
            row: rowNumber,
            column: 'iin',
            value: cells['iin'] ?? record.iin,
            rule: 'iin.duplicate',
            message: msg('registry.iin_duplicate', { iin: record.iin, id: other.personId, row: other.row }),
          });
        }
      }
    }
    if (cellOf)
      for (const i of issues) {
        const cell = i.column === null ? undefined : cellOf(i.column);
        if (cell !== undefined) i.cell = cell;
      }
    for (const i of issues) this.issue(i);
    if (record === null || issues.some((i) => i.severity === 'error')) {
      this.rejected++;
      return;
    }
    this.seenIds.set(record.personId, rowNumber);
    if (record.iin !== null) this.seenIins.set(record.iin, { row: rowNumber, personId: record.personId });
    this.builder.push(record);
  }

  finish(source: ImportSource, shared = false): ImportResult {
    const registry = this.builder.finish(shared);
    return {
      file: this.file,
      registry,
      rows: this.rows,
      accepted: registry.size,
      rejected: this.rejected,
      issues: this.issues,
      fileIssues: this.fileIssues,
      byRule: Object.fromEntries(this.byRule),
      warnings: this.warnings,
      source,
    };
  }
}

