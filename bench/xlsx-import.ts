/**
 * Benchmark of reading a large registry workbook (npm run bench:xlsx): a synthetic registry of
 * BENCH_XLSX_ROWS persons (default 500 000) written as an XLSX workbook with shared strings, as
 * Excel writes it, then imported by importRegistryFile in a fresh process, whose peak resident
 * memory and time are measured. Also the same registry as CSV, for comparison.
 * Results: bench/results/xlsx-import-<date>.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED, PROJECT_ROOT } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { writeRegistryCsv } from '../src/registry/export.ts';
import { CONTRACT_COLUMNS } from '../src/registry/record.ts';
import { recordToCells } from '../src/registry/row.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../src/registry/synthetic/profile.ts';

const ROWS = Number(process.env['BENCH_XLSX_ROWS'] ?? 500_000);
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

/** In a child process: import a file and report its time and the process's peak memory. */
if (process.argv[2] === '--import') {
  const { importRegistryFile } = await import('../src/registry/import.ts');
  const law = loadLaw();
  const t0 = performance.now();
  const r = await importRegistryFile(law.criminalCode, process.argv[3]!);
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({ ms, rows: r.rows, accepted: r.accepted, rejected: r.rejected, maxRssMiB: process.resourceUsage().maxRSS / 1024, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20 }),
  );
  process.exit(0);
}

const law = loadLaw();
const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), ROWS);
const facilities = loadFacilities(profile.facilitiesPath);
const dir = mkdtempSync(join(tmpdir(), 'amnestia-bench-xlsx-'));
const xlsx = join(dir, 'registry.xlsx');
const csv = join(dir, 'registry.csv');

log(`writing ${ROWS} persons as XLSX`);
const t0 = performance.now();
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true, useStyles: false });
const ws = wb.addWorksheet('Реестр');
ws.addRow([...CONTRACT_COLUMNS]).commit();
let persons = 0;
for (const r of generatePersons(profile, law.criminalCode, facilities, { seed: DEFAULT_SEED })) {
  const cells = recordToCells(r, law.criminalCode);
  ws.addRow(CONTRACT_COLUMNS.map((c) => cells[c])).commit();
  persons++;
}
ws.commit();
await wb.commit();
const writeMs = performance.now() - t0;
await writeRegistryCsv(csv, law.criminalCode, generatePersons(profile, law.criminalCode, facilities, { seed: DEFAULT_SEED }));
log(`written ${persons} persons: XLSX ${(statSync(xlsx).size / 2 ** 20).toFixed(1)} MiB in ${(writeMs / 1000).toFixed(1)} s, CSV ${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB`);

interface Measured {
  ms: number;
  rows: number;
  accepted: number;
  rejected: number;
  maxRssMiB: number;
  heapUsedMiB: number;
}
const measure = (file: string): Measured => {
  const load = loadavg()[0]!;
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'bench/xlsx-import.ts'), '--import', file], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const m = JSON.parse(out) as Measured;
  log(`${file}: ${(m.ms / 1000).toFixed(1)} s, peak RSS ${m.maxRssMiB.toFixed(0)} MiB, load before ${load.toFixed(2)}`);
  return m;
};
const x = measure(xlsx);
const c = measure(csv);
if (x.accepted !== persons || c.accepted !== persons) throw new Error(`persons lost: ${persons} written, ${x.accepted} read from XLSX, ${c.accepted} from CSV`);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node.js ${process.version}, host ${hostname()}`;
const date = new Date().toISOString().slice(0, 10);
const row = (name: string, file: string, m: Measured) =>
  `| ${name} | ${(statSync(file).size / 2 ** 20).toFixed(1)} | ${m.rows.toLocaleString('en-GB')} | ${m.accepted.toLocaleString('en-GB')} | ${(m.ms / 1000).toFixed(1)} | ${Math.round(m.rows / (m.ms / 1000)).toLocaleString('en-GB')} | ${m.maxRssMiB.toFixed(0)} | ${m.heapUsedMiB.toFixed(0)} |`;
const report = [
  `# Reading a large registry workbook — ${date}`,
  '',
  `Machine: ${machine}. Load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)}.`,
  '',
  `A synthetic registry of ${persons.toLocaleString('en-GB')} persons (profile kz-2025 scaled, seed ${DEFAULT_SEED}) written as one worksheet with shared strings (exceljs's streaming writer, as Excel stores text), and the same persons as CSV. Each file is imported by \`importRegistryFile\` in a fresh Node.js process: every row checked against the data contract and the columnar registry built. Peak memory is the process's maximum resident set size (\`process.resourceUsage().maxRSS\`), heap the V8 heap in use at the end.`,
  '',
  '| file | MiB | rows | accepted | seconds | rows a second | peak RSS, MiB | heap at end, MiB |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  row('XLSX (streaming reader)', xlsx, x),
  row('CSV', csv, c),
  '',
  `Writing the workbook took ${(writeMs / 1000).toFixed(1)} s. Run: \`npm run bench:xlsx\` (BENCH_XLSX_ROWS for another size).`,
  '',
].join('\n');
mkdirSync(resolve(PROJECT_ROOT, 'bench/results'), { recursive: true });
const out = resolve(PROJECT_ROOT, `bench/results/xlsx-import-${date}.md`);
writeFileSync(out, report);
rmSync(dir, { recursive: true, force: true });
log(`results: ${out}`);
