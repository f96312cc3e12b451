/** Writing person records as a registry CSV file in the data contract's canonical columns. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { CriminalCode } from '../law/criminal-code.ts';
import { CONTRACT_COLUMNS, type PersonRecord } from './record.ts';
import { recordToCells } from './row.ts';

/** Streams records to a CSV file; returns the number written. */
export async function writeRegistryCsv(file: string, law: CriminalCode, records: Iterable<PersonRecord>, onProgress?: (n: number) => void): Promise<number> {
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: [...CONTRACT_COLUMNS] });
  csv.pipe(out);
  let n = 0;
  for (const r of records) {
    if (!csv.write(recordToCells(r, law))) await once(csv, 'drain');
    if (++n % 100_000 === 0) onProgress?.(n);
  }
  csv.end();
  await once(out, 'finish');
  return n;
}
