/**
 * Importing a registry file (CSV, XLSX or a `.amnreg` snapshot) into the columnar registry.
 * Nothing is lost, invented or garbled silently: every row is either accepted or reported with
 * each of its problems (row, column, value, rule), and a file that cannot be read at all is
 * refused with an UnreadableFileError that says where (docs/data-contract.md).
 *
 * The entry point for the command line and the server is `importRegistryFile(law, file, options)`.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { UnreadableFileError } from '../domain/errors.ts';
import { msg } from '../i18n/message.ts';
import type { CriminalCode } from '../law/criminal-code.ts';
import { verifySnapshot } from './snapshot.ts';
import { importCsv } from './import-csv.ts';
import { importXlsx } from './import-xlsx.ts';
import type { ImportOptions, ImportResult } from './importer.ts';

export type { FileIssue, ImportOptions, ImportResult, ImportSource, RowIssue } from './importer.ts';
export { RegistryImporter } from './importer.ts';
export { importCsv, importXlsx };

/** Registry file types by extension. */
const TYPES = { '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.xlsx': 'xlsx', '.amnreg': 'amnreg' } as const;

/**
 * Reads a registry file. Returns every accepted person and every problem; throws
 * UnreadableFileError (exit code 3) when the file cannot be read at all, and UserError for a file
 * type it does not read.
 */
export async function importRegistryFile(law: CriminalCode, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(file, 'file.missing', code === 'ENOENT' || code === 'ENOTDIR' ? msg('file.no_such_file') : msg('file.cannot_open', { code: code ?? String(e) }));
  }
  if (st.isDirectory()) throw new UnreadableFileError(file, 'file.directory', msg('file.registry_directory'));
  const ext = extname(file).toLowerCase();
  const type = (TYPES as Record<string, (typeof TYPES)[keyof typeof TYPES]>)[ext];
  if (type === undefined) throw new UnreadableFileError(file, 'file.type', msg('file.registry_type', { ext: ext || msg('file.no_extension') }));
  options.signal?.throwIfAborted();
  if (type === 'xlsx') return importXlsx(law, file, options);
  if (type === 'amnreg') {
    // A snapshot holds rows that passed validation when it was written; it is verified byte by byte.
    const { registry, info } = verifySnapshot(file, law, { shared: options.shared ?? false });
    return { file, registry, rows: registry.size, accepted: registry.size, rejected: 0, issues: [], fileIssues: [], byRule: {}, warnings: 0, source: { format: 'amnreg', snapshot: info } };
  }
  return importCsv(law, file, options);
}

