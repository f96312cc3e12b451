/** Writing person records as a registry CSV file in the data contract's canonical columns. */
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { CriminalCode } from '../law/criminal-code.ts';
import { withAtomicFile } from '../output/atomic.ts';
import { escapeSpreadsheetText } from '../output/spreadsheet.ts';
import { CONTRACT_COLUMNS, type PersonRecord } from './record.ts';
import { recordToCells } from './row.ts';

/**
 * Streams records to a CSV file, written atomically (temporary file, then rename); text a
 * spreadsheet would run as a formula is escaped (and read back unescaped). Returns the number written.
 */
export async function writeRegistryCsv(
  file: string,
  law: CriminalCode,
  records: Iterable<PersonRecord>,
  onProgress?: (n: number) => void,
  inputs: readonly (string | undefined)[] = [],
): Promise<number> {
  return withAtomicFile(file, inputs, async (out) => {
    const csv = stringify({ header: true, columns: [...CONTRACT_COLUMNS] });
    csv.on('data', (chunk: Buffer) => out.write(chunk));
    const ended = once(csv, 'end');
    let n = 0;
    for (const r of records) {
      const cells = recordToCells(r, law);
      for (const c of CONTRACT_COLUMNS) cells[c] = escapeSpreadsheetText(cells[c]);
      if (!csv.write(cells)) await once(csv, 'drain');
      if (++n % 100_000 === 0) onProgress?.(n);
    }
    csv.end();
    await ended;
    return n;
  });
}
