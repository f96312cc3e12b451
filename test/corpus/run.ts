/**
 * Runs the command line over the cases of a malformed-input corpus, each in this one process
 * (standard output and error captured), and reads each registry file of a case with the import
 * the command line and the server use. Prints one JSON document with the results.
 *
 *   npx tsx test/corpus/run.ts <folder with cases.json>
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { loadLaw } from '../../src/law/law.ts';
import { importRegistryFile } from '../../src/registry/import.ts';
import { recordToCells } from '../../src/registry/row.ts';
import type { CorpusCase } from './build.ts';

export interface CaseResult {
  id: string;
  exit: number;
  stdout: string;
  stderr: string;
  /** The persons an import accepted, as their cells; or the import's refusal. */
  accepted?: Record<string, string>[];
  refused?: string;
}

const dir = resolve(process.argv[2] ?? '.');
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as CorpusCase[];
const law = loadLaw();
const results: CaseResult[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

for (const c of cases) {
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await main(['node', 'amnestia', ...c.args]);
  } catch (e) {
    stderr += `\nESCAPED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    process.exitCode = 99;
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  const result: CaseResult = { id: c.id, exit: Number(process.exitCode ?? 0), stdout: stdout.slice(0, 20_000), stderr: stderr.slice(0, 20_000) };
  if (c.registry) {
    try {
      const r = await importRegistryFile(law.criminalCode, c.registry.file, c.registry.sheet === undefined ? {} : { sheet: c.registry.sheet });
      result.accepted = Array.from({ length: r.registry.size }, (_, i) => recordToCells(r.registry.record(i), law.criminalCode));
    } catch (e) {
      result.refused = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }
  results.push(result);
}
process.exitCode = 0;
realOut(`${JSON.stringify(results)}\n`);
