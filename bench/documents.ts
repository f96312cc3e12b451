/**
 * Benchmark of the official documents (npm run bench:documents):
 * - the submissions of a facility of 1 000 eligible persons: one PDF, a ZIP of DOCX, and both from
 *   one pass — time and the process's peak memory (each case in its own process, so the peak is its own);
 * - the national reply letter (DOCX and PDF) and the annex (XLSX) on the default registry (61 899 persons).
 * The facility is made from the default registry: the first 1 000 persons in institutions whom the
 * 2025 law (kz-2025-constitution-30) covers, all placed in institution M-04.
 * Results: bench/results/documents-<date>.md.
 */
import { loadLetterSignature } from '../src/documents/signature.ts';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { evaluate } from '../src/engine/act/evaluate.ts';
import { STATUS } from '../src/engine/act/outcome.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { registryOf } from '../src/registry/registry.ts';
import { loadImpactConfig } from '../src/impact/config.ts';
import { loadLetterDefinition } from '../src/reports/letter.ts';
import { sampleRegistry } from '../src/cli/acts.ts';
import { DOCUMENT_PATHS, lawHash, loadCourts } from '../src/documents/load.ts';
import {
  buildAnnexData,
  buildLetterData,
  dejavuSerif,
  letterTemplate,
  renderAnnexXlsx,
  renderLetterDocx,
  renderLetterPdf,
  renderSubmissionBatch,
  submissionTemplate,
} from '../src/documents/index.ts';

const CASES = ['batch-pdf', 'batch-docx', 'batch-both', 'letter', 'annex'] as const;
type Case = (typeof CASES)[number];
const FACILITY_SIZE = Number(process.env.BENCH_FACILITY_SIZE ?? 1000);

async function runCase(c: Case): Promise<{ ms: number; detail: string }> {
  // (the time of each case is measured around its work only; CPU time likewise, in the caller)
  const law = loadLaw();
  const registry = sampleRegistry(law);
  const facilities = loadFacilities(DEFAULT_PATHS.facilities);
  const identity = { registry: { source: 'default', persons: registry.size, hash: null }, lawHash: lawHash() };
  if (c.startsWith('batch')) {
    const plan = loadAct(`${DEFAULT_PATHS.acts}/kz-2025-constitution-30/act.yaml`, law).plan;
    const out = evaluate(plan, registry, law);
    const picked: number[] = [];
    for (let i = 0; i < registry.size && picked.length < FACILITY_SIZE; i++) if (out.status[i] === STATUS.eligible && registry.record(i).custody === 'institution') picked.push(i);
    const facility = registryOf(law.criminalCode, picked.map((i) => ({ ...registry.record(i), facility: 'M-04' })));
    const input = { law, registry: facility, plan, facilities, courts: loadCourts(DOCUMENT_PATHS.courts, facilities), identity, synthetic: { registry: true, facilities: true, courts: true } };
    const template = submissionTemplate(readFileSync(resolve(DOCUMENT_PATHS.templates, 'submission.ru.docx')), 'submission.ru.docx');
    const want = { pdf: c === 'batch-docx' ? null : dejavuSerif(), docx: c !== 'batch-pdf' };
    const t0 = performance.now();
    const r = await renderSubmissionBatch(input, 'M-04', 'ru', template, want);
    const ms = performance.now() - t0;
    return { ms, detail: `${r.produced.length} submissions${r.pdf ? `, PDF ${(r.pdf.length / 1e6).toFixed(1)} MB` : ''}${r.zip ? `, ZIP ${(r.zip.length / 1e6).toFixed(1)} MB` : ''}` };
  }
  const letterDefinition = loadLetterDefinition(DEFAULT_PATHS.letterFigures, law);
  const impactConfig = loadImpactConfig(DEFAULT_PATHS.impact, law);
  const acts = c === 'annex' ? ['kz-2025-women-proposal', 'kz-2025-sex-neutral', 'kz-2025-constitution-30'] : ['kz-2025-women-proposal'];
  const plans = acts.map((a) => loadAct(`${DEFAULT_PATHS.acts}/${a}/act.yaml`, law).plan);
  if (c === 'annex') {
    const t0 = performance.now();
    const annex = buildAnnexData({ law, registry, letterDefinition, plans, facilities, impactConfig, identity, synthetic: { registry: true, facilities: true } });
    const xlsx = await renderAnnexXlsx(annex.letter, annex.impact, annex.provenance, 'ru');
    return { ms: performance.now() - t0, detail: `3 acts compared, XLSX ${(xlsx.length / 1e3).toFixed(0)} kB` };
  }
  const template = letterTemplate(readFileSync(resolve(DOCUMENT_PATHS.templates, 'letter.ru.docx')), 'letter.ru.docx');
  const t0 = performance.now();
  const data = buildLetterData({ law, registry, letterDefinition, plans, facilities, impactConfig, identity, synthetic: { registry: true, facilities: true }, signature: loadLetterSignature(DOCUMENT_PATHS.letterSignature), options: { inquiryNumber: 'ДС-45', inquiryDate: '2025-01-30' } });
  const docx = renderLetterDocx(data, 'ru', template);
  const pdf = await renderLetterPdf(data, 'ru', template, dejavuSerif());
  return { ms: performance.now() - t0, detail: `figures, impact, DOCX ${(docx.length / 1e3).toFixed(0)} kB and PDF ${(pdf.length / 1e3).toFixed(0)} kB` };
}

const self = fileURLToPath(import.meta.url);
const arg = process.argv[2];
if (arg && (CASES as readonly string[]).includes(arg)) {
  const r = await runCase(arg as Case);
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ ...r, cpuS: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const before = loadavg()[0]!.toFixed(2);
  const rows: string[] = [];
  for (const c of CASES) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, c], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as { ms: number; cpuS: number; detail: string; maxRssMb: number };
    process.stderr.write(`${c}: ${(r.ms / 1000).toFixed(1)} s, CPU ${r.cpuS.toFixed(1)} s, peak ${r.maxRssMb.toFixed(0)} MB — ${r.detail}\n`);
    rows.push(`| ${c} | ${(r.ms / 1000).toFixed(2)} | ${c.startsWith('batch') ? (r.ms / FACILITY_SIZE).toFixed(1) : '—'} | ${r.cpuS.toFixed(1)} | ${r.maxRssMb.toFixed(0)} | ${r.detail} |`);
  }
  const after = loadavg()[0]!.toFixed(2);
  const day = new Date().toISOString().slice(0, 10);
  const cpu = cpus();
  const text = [
    `# Documents benchmark ${day}`,
    '',
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node.js ${process.version}. Load average (1 min) before and after: ${before}, ${after} (the machine is shared: times are wall-clock).`,
    '',
    `One run of each case in its own process; time excludes making the registry and loading the law. CPU is the whole process's user + system time (making the registry, about 2 s, included): on a shared machine it says more than the wall-clock time. Peak memory is the process's maximum resident set, the default registry (61 899 persons) included. Batches: ${FACILITY_SIZE} eligible persons of one institution, submissions in Russian (template filled by docxtemplater; PDF laid out by pdfmake in DejaVu Serif).`,
    '',
    '| case | seconds | ms per submission | CPU seconds (process) | peak memory (MB) | what was made |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
  mkdirSync(resolve(PROJECT_ROOT, 'bench/results'), { recursive: true });
  writeFileSync(resolve(PROJECT_ROOT, `bench/results/documents-${day}.md`), text);
  process.stdout.write(text);
}
