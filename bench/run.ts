/**
 * The benchmark (npm run bench): first the re-evaluation of each shipped act on the national
 * default registry (in-process, 1 and 2 threads); then, for each size and each shipped act, in one
 * run, alternating engines, medians of 5 runs after a warm-up — the kernel on 1 and 2 threads,
 * DuckDB and PostgreSQL on the emitted SQL, json-rules-engine per record; outcomes (and the
 * kernel's breakdowns) are checked equal before any time is reported. Results:
 * bench/results/<date>.md and a summary in docs/benchmarks.md.
 *
 * Sizes: BENCH_SIZES (default 100000,1000000,10000000). PostgreSQL runs up to BENCH_PG_MAX persons
 * (default 1000000) through DATABASE_URL (default the local server, database test), BENCH_PG_RUNS
 * timed runs (default BENCH_RUNS) — fewer at 10 M, where one run takes minutes, are marked so.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { RegistryBuilder, type Registry } from '../src/registry/registry.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../src/registry/synthetic/profile.ts';
import { loadSnapshot, saveSnapshot } from '../src/registry/snapshot.ts';
import { findActs } from '../src/engine/act/act-tests.ts';
import { compileActKernel, type CompiledAct } from '../src/engine/act/kernel.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { breakdown, breakdownRows, BREAKDOWN_SQL, type Breakdown } from '../src/engine/act/breakdown.ts';
import { newOutcomes, outcomeAt, outcomesEqual, type Outcomes } from '../src/engine/act/outcome.ts';
import { ParallelEvaluator } from '../src/engine/act/parallel.ts';
import { DuckDbBackend, PostgresBackend } from '../src/engine/sql/backend.ts';
import { outcomesSql } from '../src/engine/sql/emit.ts';
import { JRE_STATUS, JsonRulesAct } from './json-rules-engine.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const PG_MAX = Number(process.env.BENCH_PG_MAX ?? 1_000_000);
const JRE_SAMPLE = Number(process.env.BENCH_JRE_SAMPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PG_RUNS = Math.min(RUNS, Number(process.env.BENCH_PG_RUNS ?? RUNS));
const NATIONAL_RUNS = 101;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OUT = resolve(PROJECT_ROOT, 'bench/out');
const law = loadLaw();

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const time = async (f: () => unknown): Promise<number> => {
  const s = performance.now();
  await f();
  return performance.now() - s;
};

async function registryOfSize(n: number): Promise<{ file: string; generateMs: number | null }> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `registry-${n}.amnreg`);
  if (existsSync(file)) {
    try {
      loadSnapshot(file, law.criminalCode);
      return { file, generateMs: null };
    } catch {
      log(`${file} is stale; generating again`);
    }
  }
  const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), n);
  const facilities = loadFacilities(profile.facilitiesPath);
  const t0 = performance.now();
  const b = new RegistryBuilder(law.criminalCode, n);
  let k = 0;
  for (const r of generatePersons(profile, law.criminalCode, facilities, { seed: 2025 })) {
    b.push(r);
    if (++k % 1_000_000 === 0) log(`generated ${k}`);
  }
  saveSnapshot(b.finish(), file);
  return { file, generateMs: performance.now() - t0 };
}

function firstDifference(a: Outcomes, b: Outcomes): number {
  for (let i = 0; i < a.size; i++) if (!outcomesEqual(outcomeAt(a, i), outcomeAt(b, i))) return i;
  return -1;
}

function sameBreakdown(a: Breakdown, b: Breakdown): boolean {
  return JSON.stringify(breakdownRows(a)) === JSON.stringify(breakdownRows(b));
}

/** A full evaluation on one thread: outcomes into `out`, breakdowns counted in the same pass. */
function kernelRun(kernel: CompiledAct, registry: Registry, out: Outcomes): Breakdown {
  const tally = kernel.newTally();
  kernel.run(registry, undefined, undefined, out, tally);
  return tally.toBreakdown();
}

interface Row {
  size: number;
  act: string;
  kernel1: number;
  kernel2: number;
  duckdb: number;
  postgres: number | null;
  jrePerPerson: number | null;
  jreMeasured: number;
  bytesPerPerson: number;
  checked: string[];
}

interface NationalRow {
  act: string;
  ms: number;
  ms2: number;
  min: number;
  min2: number;
  /** Median share of the chunks that the calling thread evaluated in the 2-thread runs. */
  callerShare: number;
}

/**
 * Re-evaluation on the national default registry, in-process: the registry stays in memory, each
 * act is compiled once, each run evaluates every person and counts the breakdowns. Measured first,
 * while the process is fresh (the heap left by ten million persons would weigh on it), in rounds
 * that take every act in turn on 1 and then 2 threads, so that a moment when another process
 * holds a core weighs on every act alike.
 */
async function national(acts: string[]): Promise<{ size: number; rows: NationalRow[]; load: [number, number] }> {
  const profile = loadProfile(DEFAULT_PATHS.profile);
  const b = new RegistryBuilder(law.criminalCode);
  for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 2025 })) b.push(r);
  const registry = b.finish(true);
  const runs = await Promise.all(
    acts.map(async (f) => {
      const { plan } = loadAct(f, law);
      const kernel = compileActKernel(plan, law);
      const par = await ParallelEvaluator.create(f, 2, law);
      return { plan, kernel, par, out1: newOutcomes(registry.size), out2: newOutcomes(registry.size, true), ts: [] as number[], ts2: [] as number[], shares: [] as number[] };
    }),
  );
  for (const r of runs) {
    log(`${r.plan.id} @ national ${registry.size}: checking`);
    const one = kernelRun(r.kernel, registry, r.out1);
    const two = r.par.evaluateWithBreakdown(registry, undefined, r.out2);
    if (firstDifference(r.out1, two.outcomes) >= 0 || !sameBreakdown(one, two.breakdown) || !sameBreakdown(one, breakdown(r.out1)))
      throw new Error(`${r.plan.id}: the national re-evaluation differs between 1 and 2 threads`);
  }
  for (let w = 0; w < 30; w++)
    for (const r of runs) {
      kernelRun(r.kernel, registry, r.out1);
      r.par.evaluateWithBreakdown(registry, undefined, r.out2);
    }
  log(`national ${registry.size}: ${NATIONAL_RUNS} rounds`);
  const loadBefore = loadavg()[0]!;
  for (let k = 0; k < NATIONAL_RUNS; k++)
    for (const r of runs) {
      r.ts.push(await time(() => kernelRun(r.kernel, registry, r.out1)));
      r.ts2.push(await time(() => r.par.evaluateWithBreakdown(registry, undefined, r.out2)));
      r.shares.push(r.par.share.byCallingThread / r.par.share.chunks);
    }
  const loadAfter = loadavg()[0]!;
  for (const r of runs) await r.par.close();
  const rows = runs.map((r) => ({ act: r.plan.id, ms: median(r.ts), ms2: median(r.ts2), min: Math.min(...r.ts), min2: Math.min(...r.ts2), callerShare: median(r.shares) }));
  return { size: registry.size, rows, load: [loadBefore, loadAfter] };
}

async function main(): Promise<void> {
  const acts = findActs(DEFAULT_PATHS.acts).map((f) => join(f, 'act.yaml'));
  const nat = await national(acts);
  const rows: Row[] = [];
  const loads: { size: number; snapshotMs: number; fileBytes: number; generateMs: number | null; bytesPerPersonAll: number; duckLoadMs: number; pgLoadMs: number | null }[] = [];
  let pgVersion = 'not reached';
  const duckVersion = await (async () => {
    const d = await DuckDbBackend.open();
    const r = await d.connection.runAndReadAll('SELECT version()');
    await d.close();
    return String(r.getColumns()[0]![0]);
  })();

  for (const n of SIZES) {
    log(`size ${n}: registry`);
    const { file, generateMs } = await registryOfSize(n);
    const loadTimes: number[] = [];
    let registry: Registry | null = null;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      registry = loadSnapshot(file, law.criminalCode, { shared: true });
      loadTimes.push(performance.now() - t);
    }
    const reg = registry!;

    log(`size ${n}: loading DuckDB`);
    const duck = await DuckDbBackend.open(':memory:', cpus().length);
    const duckLoadMs = await time(() => duck.loadRegistry(reg, law));
    let pgb: PostgresBackend | null = null;
    let pgLoadMs: number | null = null;
    if (n <= PG_MAX) {
      try {
        pgb = await PostgresBackend.open(DATABASE_URL);
        pgVersion = String(await pgb.client.query('SHOW server_version').then((r) => (r.rows[0] as { server_version: string }).server_version));
        await pgb.exec('CREATE SCHEMA IF NOT EXISTS amnestia_bench');
        await pgb.exec('SET search_path TO amnestia_bench');
        log(`size ${n}: loading PostgreSQL`);
        const p = pgb;
        pgLoadMs = await time(() => p.loadRegistry(reg, law));
      } catch (e) {
        log(`PostgreSQL not used: ${(e as Error).message}`);
        pgb = null;
      }
    }
    loads.push({ size: n, snapshotMs: median(loadTimes), fileBytes: statSync(file).size, generateMs, bytesPerPersonAll: reg.columnBytes() / n, duckLoadMs, pgLoadMs });

    for (const actFile of acts) {
      const { plan } = loadAct(actFile, law);
      const kernel = compileActKernel(plan, law);
      const par = await ParallelEvaluator.create(actFile, 2, law);
      const out1 = newOutcomes(n);
      const out2 = newOutcomes(n, true);
      const sql = outcomesSql(plan, law);
      const duckRun = async () => {
        await duck.exec(`CREATE OR REPLACE TABLE outcomes AS ${sql}`);
        await duck.exec(BREAKDOWN_SQL);
      };
      const pgRun = async () => {
        await pgb!.exec('DROP TABLE IF EXISTS outcomes');
        await pgb!.exec(`CREATE UNLOGGED TABLE outcomes AS ${sql}`);
        await pgb!.exec(BREAKDOWN_SQL);
      };

      // correctness first: every engine's outcomes equal the single-thread kernel's
      log(`${plan.id} @ ${n}: checking outcomes`);
      const one = kernelRun(kernel, reg, out1);
      const two = par.evaluateWithBreakdown(reg, undefined, out2);
      const checked: string[] = [];
      if (firstDifference(out1, out2) >= 0) throw new Error(`${plan.id}: 2 threads differ from 1 thread at person ${firstDifference(out1, out2)}`);
      if (!sameBreakdown(one, breakdown(out1)) || !sameBreakdown(one, two.breakdown)) throw new Error(`${plan.id}: the breakdowns counted by the kernel differ from its outcomes'`);
      checked.push('kernel 2 threads (and the breakdowns of both)');
      const duckOut = await duck.outcomes(plan, law, n);
      if (firstDifference(out1, duckOut) >= 0) throw new Error(`${plan.id}: DuckDB differs at person ${firstDifference(out1, duckOut)}`);
      checked.push('DuckDB');
      if (pgb) {
        log(`${plan.id} @ ${n}: checking PostgreSQL`);
        const pgOut = await pgb.outcomes(plan, law, n);
        if (firstDifference(out1, pgOut) >= 0) throw new Error(`${plan.id}: PostgreSQL differs at person ${firstDifference(out1, pgOut)}`);
        checked.push('PostgreSQL');
      }
      let jre: JsonRulesAct | null = null;
      const sample = Math.min(n, JRE_SAMPLE);
      if (n === SIZES[0]) {
        jre = new JsonRulesAct(plan, law);
        const later = plan.executionEnd;
        for (let i = 0; i < Math.min(sample, 20_000); i++) {
          const o = outcomeAt(out1, i);
          // two-valued: a person with an undecided fact cannot be compared
          if (o.status === 'needs_review' && o.reason !== 'overlap') throw new Error(`${plan.id}: person ${i} needs review (${o.reason}); json-rules-engine is compared on registries without unknown values`);
          const expected = [JRE_STATUS[o.status], o.status === 'eligible' ? out1.measure[i]! : 0, o.status === 'not_covered' ? -1 : o.clause, o.status === 'excluded' ? o.exclusion : -1];
          const got = await jre.decide(reg.record(i), plan.entryIntoForce, later);
          if (JSON.stringify(expected) !== JSON.stringify(got)) throw new Error(`${plan.id}: json-rules-engine differs at person ${i}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
        }
        checked.push('json-rules-engine (status, measure, clause, exclusion; 20 000 persons)');
      }

      // timing: warm-up, then RUNS rounds alternating the engines
      const t = { k1: [] as number[], k2: [] as number[], duck: [] as number[], pg: [] as number[] };
      const k1 = () => kernelRun(kernel, reg, out1);
      const k2 = () => par.evaluateWithBreakdown(reg, undefined, out2);
      await time(k1);
      await time(k2);
      await time(duckRun);
      if (pgb) {
        log(`${plan.id} @ ${n}: PostgreSQL warm-up`);
        await time(pgRun);
      }
      for (let r = 0; r < RUNS; r++) {
        log(`${plan.id} @ ${n}: round ${r + 1}`);
        t.k1.push(await time(k1));
        t.k2.push(await time(k2));
        t.duck.push(await time(duckRun));
        if (pgb && r < PG_RUNS) t.pg.push(await time(pgRun));
      }
      let jrePerPerson: number | null = null;
      if (jre) {
        const persons = Array.from({ length: sample }, (_, i) => reg.record(i));
        const ms = await time(async () => {
          for (const p of persons) await jre!.decide(p, plan.entryIntoForce, plan.executionEnd);
        });
        jrePerPerson = ms / sample;
      } else {
        const prev = rows.find((x) => x.act === plan.id && x.jrePerPerson !== null);
        jrePerPerson = prev ? prev.jrePerPerson : null;
      }
      rows.push({
        size: n,
        act: plan.id,
        kernel1: median(t.k1),
        kernel2: median(t.k2),
        duckdb: median(t.duck),
        postgres: pgb ? median(t.pg) : null,
        jrePerPerson,
        jreMeasured: jre ? sample : 0,
        bytesPerPerson: reg.columnBytes(kernel.columns) / n,
        checked,
      });
      log(`${plan.id} @ ${n}: kernel ${median(t.k1).toFixed(1)} / ${median(t.k2).toFixed(1)} ms, DuckDB ${median(t.duck).toFixed(0)} ms${pgb ? `, PostgreSQL ${median(t.pg).toFixed(0)} ms` : ''}`);
      await par.close();
    }
    await duck.close();
    if (pgb) {
      await pgb.exec('DROP SCHEMA IF EXISTS amnestia_bench CASCADE');
      await pgb.close();
    }
  }

  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node.js ${process.version}, DuckDB ${duckVersion}, PostgreSQL ${pgVersion}, host ${hostname()}`;
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const pgNote = PG_RUNS < RUNS ? ` PostgreSQL: median of ${PG_RUNS} run${PG_RUNS === 1 ? '' : 's'} after a warm-up (one run takes minutes at the largest sizes).` : '';
  const lines = [
    `# Benchmark ${date}`,
    '',
    `Machine: ${machine}.`,
    '',
    `## Re-evaluation on the national default registry (${nat.size.toLocaleString('en')} persons, in-process, outcomes and breakdowns, median of ${NATIONAL_RUNS} after a warm-up)`,
    '',
    `The registry in memory, the act compiled once; each run evaluates every person and counts the standard breakdowns. Rounds take every act in turn, on 1 and then 2 threads (the calling thread and one worker thread). Load average of the machine (1 min) before and after: ${nat.load[0].toFixed(2)}, ${nat.load[1].toFixed(2)}.`,
    '',
    '| act | kernel, 1 thread (ms) | kernel, 2 threads (ms) | fastest run, 1 / 2 threads (ms) | chunks taken by the calling thread, 2 threads (median) |',
    '|---|---:|---:|---:|---:|',
    ...nat.rows.map((r) => `| ${r.act} | ${f(r.ms)} | ${f(r.ms2)} | ${f(r.min)} / ${f(r.min2)} | ${Math.round(r.callerShare * 100)} % |`),
    '',
    '## Full evaluation',
    '',
    `Medians of ${RUNS} runs after a warm-up, engines alternating within each run.${pgNote} Times in milliseconds for a full evaluation of an act: the outcome of every person and the standard breakdowns (persons and days by status × measure × clause). Outcomes were checked equal across engines before timing (see the last column).`,
    '',
    '| persons | act | kernel 1 thread | kernel 2 threads | DuckDB (SQL) | PostgreSQL (SQL) | json-rules-engine (per record × persons) | kernel-2 / DuckDB | JRE / kernel-2 per person | bytes/person read | checked equal |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const jre = r.jrePerPerson === null ? '—' : `${f(r.jrePerPerson * r.size)}${r.jreMeasured === r.size ? '' : ' (extrapolated)'}`;
      const pg = r.postgres === null ? 'not run' : `${f(r.postgres)}${PG_RUNS < RUNS ? ` (${PG_RUNS} run${PG_RUNS === 1 ? '' : 's'})` : ''}`;
      return `| ${r.size.toLocaleString('en')} | ${r.act} | ${f(r.kernel1)} | ${f(r.kernel2)} | ${f(r.duckdb)} | ${pg} | ${jre} | ${(r.kernel2 / r.duckdb).toFixed(3)} | ${r.jrePerPerson === null ? '—' : Math.round((r.jrePerPerson * r.size) / r.kernel2).toLocaleString('en')} | ${r.bytesPerPerson.toFixed(1)} | ${r.checked.join(', ')} |`;
    }),
    '',
    '## Loading',
    '',
    '| persons | generate (ms) | snapshot file (bytes) | snapshot load (ms, median of 3) | bytes/person, all columns | into DuckDB (ms) | into PostgreSQL (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...loads.map(
      (l) =>
        `| ${l.size.toLocaleString('en')} | ${l.generateMs === null ? 'cached' : f(l.generateMs)} | ${l.fileBytes.toLocaleString('en')} | ${f(l.snapshotMs)} | ${l.bytesPerPersonAll.toFixed(1)} | ${f(l.duckLoadMs)} | ${l.pgLoadMs === null ? 'not run' : f(l.pgLoadMs)} |`,
    ),
    '',
  ];
  mkdirSync(resolve(PROJECT_ROOT, 'bench/results'), { recursive: true });
  const resultFile = resolve(PROJECT_ROOT, `bench/results/${date}.md`);
  writeFileSync(resultFile, lines.join('\n'));
  log(`written ${resultFile}`);
  const docs = resolve(PROJECT_ROOT, 'docs/benchmarks.md');
  const head = existsSync(docs) ? readFileSync(docs, 'utf8').split('<!-- results -->')[0]! : '# Benchmarks\n\n';
  writeFileSync(docs, `${head}<!-- results -->\n\nLatest run (\`bench/results/${date}.md\`):\n\n${lines.slice(2).join('\n')}`);
  process.stdout.write(lines.join('\n'));
}

await main();
