/**
 * The benchmark (npm run bench), every figure from one run:
 *
 * 1. re-evaluation of each shipped act on the national default registry, in-process, 1 and 2 threads;
 * 2. for each registry size (BENCH_SIZES, default 100000,1000000,10000000) and each shipped act:
 *    - the kernel on 1 and 2 threads;
 *    - the fair baseline: the act written by hand in DuckDB SQL over a flattened person table
 *      (bench/handwritten.ts; the table's build timed apart);
 *    - the floor: a trivial pass reading the columns the act reads (and one also writing the
 *      outcome columns), 1 and 2 threads (bench/floor.ts);
 *    - the emitted SQL (src/engine/sql/emit.ts) in DuckDB (up to BENCH_EMITTED_MAX, default every
 *      size) and PostgreSQL (up to BENCH_PG_MAX,
 *      default 1000000 persons), and json-rules-engine per record: independent implementations,
 *      checked equal, timed for what they are;
 *    every engine's outcomes are checked equal to the kernel's on every field before any time;
 * 3. the same on registries "as real ones are" (BENCH_REAL_SIZES, default 1000000; make-snapshot.ts);
 * 4. the peak memory of a kernel evaluation of the largest registry, in a process of its own
 *    (kernel-rss.ts), and of this process;
 * 5. the 1-thread figures of the kernel and the floor (on the national registry and on each size)
 *    again in processes of their own run from a bundle on plain Node (one-thread.ts): once with no
 *    ArrayBuffer ever detached, once with one detached — this process has detached some (tsx), and
 *    V8 then checks every typed-array access, which slows the floor far more than the kernel.
 *    The figures of issue 14 are read from the clean processes; the others are printed beside them;
 * 6. kernel ÷ floor on the same persons in the order of their outcomes under each act
 *    (BENCH_ORDERED_SIZE, default 1000000; one-thread.ts `ordered`): what the processor's wrong
 *    guesses of a person's path cost in a registry's own order.
 *
 * Medians of BENCH_RUNS (default 5) rounds after a warm-up, engines alternating within a round; the
 * emitted SQL above 1 000 000 persons BENCH_SQL_RUNS_LARGE rounds (default 2; a run takes seconds).
 * PostgreSQL through DATABASE_URL (default the local server, database test). Results:
 * bench/results/<date>.md and docs/benchmarks.md.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { RegistryBuilder, type Registry } from '../src/registry/registry.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile } from '../src/registry/synthetic/profile.ts';
import { loadSnapshot } from '../src/registry/snapshot.ts';
import { findActs } from '../src/engine/act/act-tests.ts';
import { compileActKernel, type CompiledAct } from '../src/engine/act/kernel.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { breakdown, breakdownRows, BREAKDOWN_SQL, type Breakdown } from '../src/engine/act/breakdown.ts';
import { measureAt, newOutcomes, outcomeAt, type Outcomes, outcomesEqual } from '../src/engine/act/outcome.ts';
import { ParallelEvaluator } from '../src/engine/act/parallel.ts';
import { DuckDbBackend, PostgresBackend } from '../src/engine/sql/backend.ts';
import { outcomesSql } from '../src/engine/sql/emit.ts';
import { JRE_STATUS, JsonRulesAct } from './json-rules-engine.ts';
import { FLAT_TABLE_SQL, handWrittenSql, MACROS, readOutcomes } from './handwritten.ts';
import { floorColumns, floorFunction, floorSource, TwoThreadFloor } from './floor.ts';
import { peakRss } from './peak-rss.ts';
import type { OneThreadResult } from './one-thread.ts';
import { buildSync } from 'esbuild';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000,10000000').split(',').map(Number);
const REAL_SIZES = (process.env.BENCH_REAL_SIZES ?? '1000000').split(',').filter((x) => x !== '').map(Number);
const PG_MAX = Number(process.env.BENCH_PG_MAX ?? 1_000_000);
/** DuckDB (the hand-written and the emitted SQL) runs up to this many persons (all sizes by default). */
const DUCKDB_MAX = Number(process.env.BENCH_DUCKDB_MAX ?? Infinity);
/** The emitted SQL in DuckDB runs up to this many persons (all sizes by default). */
const EMITTED_MAX = Number(process.env.BENCH_EMITTED_MAX ?? Infinity);
const JRE_SAMPLE = Number(process.env.BENCH_JRE_SAMPLE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PG_RUNS = Math.min(RUNS, Number(process.env.BENCH_PG_RUNS ?? RUNS));
const SQL_RUNS_LARGE = Math.min(RUNS, Number(process.env.BENCH_SQL_RUNS_LARGE ?? 2));
const NATIONAL_RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 101);
/** The default registry timed again in the order of its persons' outcomes (0: none). */
const ORDERED_SIZE = Number(process.env.BENCH_ORDERED_SIZE ?? 1_000_000);
/** Its rounds: at least 15, so that another process holding a core for a few seconds does not make a median (the process takes half a minute). */
const ORDERED_RUNS = Math.max(RUNS, 15);
/** DuckDB's memory limit (its default is 80 % of the machine's memory); it spills to bench/out/duckdb-tmp past it. */
const DUCKDB_MEMORY = process.env.BENCH_DUCKDB_MEMORY ?? '6GB';
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
const GiB = 2 ** 30;

/** Runs a bench script in a process of its own and reads the JSON it prints. */
function child<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'bench', script), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout) as T;
}

/**
 * bench/one-thread.ts bundled for plain Node (it must not run under tsx: one-thread.ts says why),
 * into dist/ — one directory below the project's root, where the bundle's paths resolve as the
 * sources' do (src/paths.ts). Built once per run.
 */
let oneThreadFile: string | null = null;
function oneThreadBundle(): string {
  if (oneThreadFile) return oneThreadFile;
  const outfile = resolve(PROJECT_ROOT, 'dist', 'bench-one-thread.mjs');
  buildSync({
    entryPoints: [resolve(PROJECT_ROOT, 'bench', 'one-thread.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // CommonJS packages inside an ES module bundle
    banner: { js: "import { createRequire as amnestiaRequire } from 'node:module'; const require = amnestiaRequire(import.meta.url);" },
  });
  return (oneThreadFile = outfile);
}

/** The 1-thread figures from a process of its own (bench/one-thread.ts), and whether V8 kept its detaching protector (no buffer detached but the one `detached` asks for). */
function oneThread(source: string, rounds: number, mode: 'clean' | 'detached' | 'ordered', acts: string[]): OneThreadResult & { intact: boolean } {
  const args = ['--trace-protector-invalidation', oneThreadBundle(), source, String(rounds), ...(mode === 'clean' ? [] : [mode]), ...acts];
  const r = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`one-thread.ts failed (${r.status ?? r.signal})`);
  const lines = r.stdout.split('\n');
  const invalidated = lines.filter((l) => l.includes('Invalidating protector cell ArrayBufferDetaching')).length;
  const json = lines.find((l) => l.startsWith('{'));
  if (!json) throw new Error('one-thread.ts printed no result');
  return { ...(JSON.parse(json) as OneThreadResult), intact: invalidated === 0 };
}

type Kind = 'default' | 'real';

/** Fields the shipped acts read whose unknown value a two-valued engine cannot carry (json-rules-engine is compared on persons with all of them known). */
const JRE_UNCOMPARABLE = ['sex', 'birthYmd', 'custody', 'articles', 'offenceDay', 'sentenceStartDay', 'sentenceEndDay', 'priorConvictions', 'recidivism', 'behaviour', 'maliciousViolator', 'pregnant', 'childrenBirthYmd', 'disabledChild', 'parentalRightsDeprived', 'disabilityGroup', 'veteran', 'pensioner', 'singleParent', 'civilClaimAmount', 'civilClaimPaid', 'damageCaused', 'damageCompensated'] as const;

/** The snapshot of a registry of n persons, generated in a process of its own when missing (or `fresh`). */
function registryFile(n: number, kind: Kind, fresh = false): { file: string; generateMs: number | null; generateRss: number | null } {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `registry-${kind}-${n}.amnreg`);
  if (existsSync(file) && !fresh) return { file, generateMs: null, generateRss: null };
  log(`generating ${kind} ${n}`);
  const g = child<{ generateMs: number; maxRssBytes: number }>('make-snapshot.ts', [String(n), file, kind]);
  return { file, generateMs: g.generateMs, generateRss: g.maxRssBytes };
}

/** Loads a registry's snapshot (shared memory), generating it again when the kept one is stale. */
function loadRegistry(n: number, kind: Kind): { file: string; reg: Registry; snapshotMs: number; generateMs: number | null; generateRss: number | null } {
  let made = registryFile(n, kind);
  for (;;) {
    try {
      const t0 = performance.now();
      const reg = loadSnapshot(made.file, law.criminalCode, { shared: true });
      return { ...made, reg, snapshotMs: performance.now() - t0 };
    } catch (e) {
      if (made.generateMs !== null) throw e;
      log(`${made.file} is stale (${(e as Error).message}); generating again`);
      made = registryFile(n, kind, true);
    }
  }
}

function firstDifference(a: Outcomes, b: Outcomes): number {
  for (let i = 0; i < a.size; i++) if (!outcomesEqual(outcomeAt(a, i), outcomeAt(b, i))) return i;
  return -1;
}

function sameBreakdown(a: Breakdown, b: Breakdown): boolean {
  return JSON.stringify(breakdownRows(a)) === JSON.stringify(breakdownRows(b));
}

/** A full evaluation on one thread: outcomes into `out`, breakdowns counted in the same pass (into `tally`, emptied first, when given). */
function kernelRun(kernel: CompiledAct, registry: Registry, out: Outcomes, tally = kernel.newTally()): Breakdown {
  tally.reset();
  kernel.run(registry, undefined, undefined, out, tally);
  return tally.toBreakdown();
}

interface Row {
  size: number;
  kind: Kind;
  act: string;
  kernel1: number;
  /** The first evaluation on the registry, 1 thread: the kernel not yet optimized by V8, and the children counted (src/engine/children-counts.ts). */
  kernelFirst: number;
  kernel2: number;
  hand: number | null;
  floorRead1: number;
  floorRead2: number;
  floorWrite1: number;
  floorWrite2: number;
  floorBytes: number;
  duckdb: number | null;
  duckRuns: number;
  postgres: number | null;
  jrePerPerson: number | null;
  jreMeasured: number;
  jreSkipped: number;
  bytesPerPerson: number;
  statuses: string;
  statusCounts: number[];
  checked: string[];
  /** The kernel and the floor, 1 thread, in a process of its own: no buffer ever detached, and one detached (bench/one-thread.ts). */
  own: OwnFigures | null;
}

interface Load {
  size: number;
  kind: Kind;
  snapshotMs: number;
  fileBytes: number;
  generateMs: number | null;
  generateRss: number | null;
  bytesPerPersonAll: number;
  duckLoadMs: number | null;
  flatMs: number | null;
  pgLoadMs: number | null;
  load: [number, number];
}

/** One act's 1-thread figures from processes of their own (bench/one-thread.ts): with no buffer detached (`clean`), and with one. */
interface OwnFigures {
  clean: OneThreadResult['acts'][number];
  detached: OneThreadResult['acts'][number];
}

/** The 1-thread figures of every act in processes of their own, checked to count the persons by status as `statuses` does. */
/** Throws unless every count of persons by status a process of its own printed for `act` (by what it ran) equals this process's. */
function checkStatuses(source: string, act: string, expected: number[], found: Record<string, number[]>): void {
  const differ = Object.entries(found).filter(([, got]) => got.join() !== expected.join());
  if (differ.length > 0) throw new Error(`${act} @ ${source}: the persons by status in a process of its own (${differ.map(([what, got]) => `${what}: ${got.join(' / ')}`).join('; ')}) differ from this process's (${expected.join(' / ')})`);
}

function ownFigures(source: string, rounds: number, acts: string[], statuses: (act: string) => number[]): { byAct: Map<string, OwnFigures>; intact: boolean; load: [number, number] } {
  const clean = oneThread(source, rounds, 'clean', acts);
  const detached = oneThread(source, rounds, 'detached', acts);
  const byAct = new Map<string, OwnFigures>();
  for (const c of clean.acts) {
    const d = detached.acts.find((x) => x.act === c.act);
    if (!d) throw new Error(`one-thread.ts did not evaluate ${c.act} with a buffer detached`);
    checkStatuses(source, c.act, statuses(c.act), { clean: c.statuses, detached: d.statuses });
    byAct.set(c.act, { clean: c, detached: d });
  }
  return { byAct, intact: clean.intact, load: [clean.load[0], detached.load[1]] };
}

/** One act's kernel and floor on 1 thread in a process of its own, the persons in the registry's order and in the order of their outcomes. */
interface OrderedRow {
  act: string;
  registryOrder: OneThreadResult['acts'][number];
  outcomeOrder: OneThreadResult['acts'][number];
}

/** Kernel and floor of every act in one clean process, in both orders (bench/one-thread.ts `ordered`), the persons by status checked as ownFigures does. */
function orderedFigures(source: string, rounds: number, acts: string[], statuses: (act: string) => number[]): { rows: OrderedRow[]; intact: boolean; load: [number, number] } {
  const r = oneThread(source, rounds, 'ordered', acts);
  const rows = r.acts
    .filter((a) => !a.act.endsWith(' ordered'))
    .map((a) => {
      const o = r.acts.find((x) => x.act === `${a.act} ordered`);
      if (!o) throw new Error(`one-thread.ts did not evaluate ${a.act} in the order of its outcomes`);
      checkStatuses(source, a.act, statuses(a.act), { "the registry's order": a.statuses, 'the order of the outcomes': o.statuses });
      return { act: a.act, registryOrder: a, outcomeOrder: o };
    });
  return { rows, intact: r.intact, load: r.load };
}

interface NationalRow {
  act: string;
  ms: number;
  ms2: number;
  min: number;
  min2: number;
  /** Median CPU time of the process during a 1-thread run (no other thread of the process works then). */
  cpu: number;
  /** Median share of the chunks that the calling thread evaluated in the 2-thread runs. */
  callerShare: number;
  /** Persons by status. */
  statuses: number[];
}

/** The process's CPU time so far, ms (every thread's; user and system). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Re-evaluation on the national default registry, in-process: the registry stays in memory, each
 * act is compiled once, each run evaluates every person and counts the breakdowns. Measured first,
 * while the process is fresh (the heap left by ten million persons would weigh on it), in rounds
 * that take every act in turn, so that a moment when another process holds a core weighs on every
 * act alike. The 1-thread rounds come first, in a block of their own, before the 2-thread
 * evaluators are created: a 1-thread figure is taken with no other thread of the process working
 * (docs/benchmarks.md, Method). Each 1-thread run is timed synchronously, by the wall clock and by
 * the process's CPU time. The 2-thread evaluators are then created, checked equal to the 1-thread
 * kernel on every outcome and breakdown, and timed in rounds of their own.
 */
async function national(acts: string[]): Promise<{ size: number; rows: NationalRow[]; load: [number, number] }> {
  const profile = loadProfile(DEFAULT_PATHS.profile);
  const b = new RegistryBuilder(law.criminalCode);
  for (const r of generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 2025 })) b.push(r);
  const registry = b.finish(true);
  const runs = acts.map((f) => {
    const { plan } = loadAct(f, law);
    const kernel = compileActKernel(plan, law);
    return { f, plan, kernel, tally: kernel.newTally(), out1: kernel.newOutcomes(registry), ts: [] as number[], cs: [] as number[], ts2: [] as number[], shares: [] as number[] };
  });
  for (let w = 0; w < 30; w++) for (const r of runs) kernelRun(r.kernel, registry, r.out1, r.tally);
  log(`national ${registry.size}: ${NATIONAL_RUNS} rounds, 1 thread`);
  const loadBefore = loadavg()[0]!;
  for (let k = 0; k < NATIONAL_RUNS; k++)
    for (const r of runs) {
      const c = cpuMs();
      const s = performance.now();
      kernelRun(r.kernel, registry, r.out1, r.tally);
      r.ts.push(performance.now() - s);
      r.cs.push(cpuMs() - c);
    }
  const pars = await Promise.all(runs.map((r) => ParallelEvaluator.create(r.f, 2, law)));
  const out2 = runs.map((r) => r.kernel.newOutcomes(registry, true));
  for (const [j, r] of runs.entries()) {
    log(`${r.plan.id} @ national ${registry.size}: checking`);
    const one = kernelRun(r.kernel, registry, r.out1, r.tally);
    const two = pars[j]!.evaluateWithBreakdown(registry, undefined, out2[j]);
    if (firstDifference(r.out1, two.outcomes) >= 0 || !sameBreakdown(one, two.breakdown) || !sameBreakdown(one, breakdown(r.out1)))
      throw new Error(`${r.plan.id}: the national re-evaluation differs between 1 and 2 threads`);
  }
  for (let w = 0; w < 30; w++) for (const [j] of runs.entries()) pars[j]!.evaluateWithBreakdown(registry, undefined, out2[j]);
  log(`national ${registry.size}: ${NATIONAL_RUNS} rounds, 2 threads`);
  for (let k = 0; k < NATIONAL_RUNS; k++)
    for (const [j, r] of runs.entries()) {
      const par = pars[j]!;
      const s = performance.now();
      par.evaluateWithBreakdown(registry, undefined, out2[j]);
      r.ts2.push(performance.now() - s);
      r.shares.push(par.share.byCallingThread / par.share.chunks);
    }
  const loadAfter = loadavg()[0]!;
  for (const par of pars) await par.close();
  const rows = runs.map((r) => {
    const statuses = [0, 0, 0, 0];
    for (let i = 0; i < registry.size; i++) statuses[r.out1.status[i]!]!++;
    return { act: r.plan.id, ms: median(r.ts), ms2: median(r.ts2), min: Math.min(...r.ts), min2: Math.min(...r.ts2), cpu: median(r.cs), callerShare: median(r.shares), statuses };
  });
  return { size: registry.size, rows, load: [loadBefore, loadAfter] };
}

async function main(): Promise<void> {
  const started = performance.now();
  const acts = findActs(DEFAULT_PATHS.acts).map((f) => join(f, 'act.yaml'));
  const nat = await national(acts);
  // the same on 1 thread in processes of their own, while this one waits (its workers closed)
  log(`national: 1 thread in processes of their own`);
  const natOwn = ownFigures('national', NATIONAL_RUNS, acts, (act) => nat.rows.find((r) => r.act === act)!.statuses);
  const natOwnRows = nat.rows.map((r) => ({ act: r.act, ...natOwn.byAct.get(r.act)! }));
  const rows: Row[] = [];
  const loads: Load[] = [];
  const ownRuns: { size: number; kind: Kind; intact: boolean; load: [number, number] }[] = [];
  let pgVersion = 'not reached';
  const duckVersion = await (async () => {
    const d = await DuckDbBackend.open();
    const r = await d.connection.runAndReadAll('SELECT version()');
    await d.close();
    return String(r.getColumns()[0]![0]);
  })();
  const floorRead = await TwoThreadFloor.start();
  const floorWrite = await TwoThreadFloor.start();
  const orderedRun = SIZES.includes(ORDERED_SIZE) ? ORDERED_SIZE : null;
  let ordered: ReturnType<typeof orderedFigures> | null = null;
  const sets: { n: number; kind: Kind }[] = [...SIZES.map((n) => ({ n, kind: 'default' as const })), ...REAL_SIZES.map((n) => ({ n, kind: 'real' as const }))];

  for (const { n, kind } of sets) {
    const loadBefore = loadavg()[0]!;
    log(`${kind} ${n}: registry`);
    const { file, reg, snapshotMs, generateMs, generateRss } = loadRegistry(n, kind);

    if (n <= DUCKDB_MAX) log(`${kind} ${n}: loading DuckDB`);
    const duck = n <= DUCKDB_MAX ? await DuckDbBackend.open(':memory:', cpus().length) : null;
    let duckLoadMs: number | null = null;
    let flatMs: number | null = null;
    if (duck) {
      await duck.exec(`SET memory_limit = '${DUCKDB_MEMORY.replace(/[^\w.]/g, '')}'`);
      await duck.exec(`SET temp_directory = '${join(OUT, 'duckdb-tmp').replace(/'/g, "''")}'`);
      duckLoadMs = await time(() => duck.loadRegistry(reg, law));
      flatMs = await time(() => duck.exec(FLAT_TABLE_SQL));
      for (const m of MACROS) await duck.exec(m);
    }
    let pgb: PostgresBackend | null = null;
    let pgLoadMs: number | null = null;
    if (kind === 'default' && n <= PG_MAX) {
      try {
        pgb = await PostgresBackend.open(DATABASE_URL);
        pgVersion = String(await pgb.client.query('SHOW server_version').then((r) => (r.rows[0] as { server_version: string }).server_version));
        await pgb.exec('CREATE SCHEMA IF NOT EXISTS amnestia_bench');
        await pgb.exec('SET search_path TO amnestia_bench');
        log(`${kind} ${n}: loading PostgreSQL`);
        const p = pgb;
        pgLoadMs = await time(() => p.loadRegistry(reg, law));
      } catch (e) {
        log(`PostgreSQL not used: ${(e as Error).message}`);
        pgb = null;
      }
    }

    for (const actFile of acts) {
      const { plan } = loadAct(actFile, law);
      const kernel = compileActKernel(plan, law);
      const par = await ParallelEvaluator.create(actFile, 2, law);
      // as the product makes them (in the registry's WebAssembly image, written in place)
      const out1 = kernel.newOutcomes(reg);
      const out2 = kernel.newOutcomes(reg, true);
      const emitted = outcomesSql(plan, law);
      const emittedDuck = outcomesSql(plan, law, undefined, false);
      const hand = handWrittenSql(plan, law);
      const duckEmitted = async () => {
        if (!duck) return;
        await duck.exec(`CREATE OR REPLACE TABLE outcomes AS ${emittedDuck}`);
        await duck.exec(BREAKDOWN_SQL);
      };
      const duckHand = async () => {
        if (!duck) return;
        await duck.exec(`CREATE OR REPLACE TABLE outcomes AS ${hand}`);
        await duck.exec(BREAKDOWN_SQL);
      };
      const pgRun = async () => {
        await pgb!.exec('DROP TABLE IF EXISTS outcomes');
        await pgb!.exec(`CREATE UNLOGGED TABLE outcomes AS ${emitted}`);
        await pgb!.exec(BREAKDOWN_SQL);
      };

      // correctness first: every engine's outcomes equal the single-thread kernel's, on every field
      log(`${plan.id} @ ${kind} ${n}: checking outcomes`);
      const firstStart = performance.now();
      const one = kernelRun(kernel, reg, out1);
      const kernelFirst = performance.now() - firstStart;
      const two = par.evaluateWithBreakdown(reg, undefined, out2);
      const checked: string[] = [];
      const emittedRun = duck !== null && n <= EMITTED_MAX;
      if (firstDifference(out1, out2) >= 0) throw new Error(`${plan.id}: 2 threads differ from 1 thread at person ${firstDifference(out1, out2)}`);
      if (!sameBreakdown(one, breakdown(out1)) || !sameBreakdown(one, two.breakdown)) throw new Error(`${plan.id}: the breakdowns counted by the kernel differ from its outcomes'`);
      checked.push('kernel 2 threads (and the breakdowns of both)');
      const statusCounts = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) statusCounts[out1.status[i]!]!++;
      let notServing = 0;
      for (let i = 0; i < n; i++) if (out1.reason[i] === 6) notServing++;
      if (duck) {
        const handOut = await readOutcomes(duck.connection, hand, n, plan);
        if (firstDifference(out1, handOut) >= 0) throw new Error(`${plan.id}: the hand-written DuckDB SQL differs at person ${firstDifference(out1, handOut)}`);
        checked.push('hand-written DuckDB SQL');
      }
      if (emittedRun && duck) {
        const duckOut = await duck.outcomes(plan, law, n);
        if (firstDifference(out1, duckOut) >= 0) throw new Error(`${plan.id}: DuckDB differs at person ${firstDifference(out1, duckOut)}`);
        checked.push('emitted SQL in DuckDB');
      }
      if (pgb) {
        log(`${plan.id} @ ${n}: checking PostgreSQL`);
        const pgOut = await pgb.outcomes(plan, law, n);
        if (firstDifference(out1, pgOut) >= 0) throw new Error(`${plan.id}: PostgreSQL differs at person ${firstDifference(out1, pgOut)}`);
        checked.push('emitted SQL in PostgreSQL');
      }
      let jre: JsonRulesAct | null = null;
      let jreSkipped = 0;
      const sample = Math.min(n, JRE_SAMPLE);
      if (kind === 'default' && n === SIZES[0]) {
        jre = new JsonRulesAct(plan, law);
        const later = plan.executionEnd;
        let compared = 0;
        for (let i = 0; i < Math.min(sample, 20_000); i++) {
          const o = outcomeAt(out1, i);
          // two-valued: a person with an unknown cell the acts read cannot be compared
          const record = reg.record(i);
          if ((o.status === 'needs_review' && o.reason !== 'overlap') || JRE_UNCOMPARABLE.some((k) => record[k] === null)) {
            jreSkipped++;
            continue;
          }
          const expected = [JRE_STATUS[o.status], o.status === 'eligible' ? measureAt(out1, i) : 0, o.status === 'not_covered' ? -1 : o.clause, o.status === 'excluded' ? o.exclusion : -1];
          const got = await jre.decide(record, plan.entryIntoForce, later);
          if (JSON.stringify(expected) !== JSON.stringify(got)) {
            throw new Error(`${plan.id}: json-rules-engine differs at person ${i}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
          }
          compared++;
        }
        checked.push(`json-rules-engine (status, measure, clause, exclusion; ${compared.toLocaleString('en')} persons with the cells the acts read known)`);
      }

      // the floor: the columns this act's kernel reads, in shared memory for the worker
      const inputs = kernel.inputs(reg);
      const fc = floorColumns(reg, inputs.columns, inputs.counted);
      const readSrc = floorSource(fc.ints.length, fc.floats.length, false);
      const writeSrc = floorSource(fc.ints.length, fc.floats.length, true);
      const fRead = floorFunction(readSrc);
      const fWrite = floorFunction(writeSrc);
      const floorOut = newOutcomes(n, true);
      await floorRead.prepare(fc.ints, fc.floats, null, readSrc);
      await floorWrite.prepare(fc.ints, fc.floats, floorOut, writeSrc);

      // timing: a warm-up, then RUNS rounds alternating the engines
      const t = { k1: [] as number[], k2: [] as number[], hand: [] as number[], fr1: [] as number[], fr2: [] as number[], fw1: [] as number[], fw2: [] as number[], duck: [] as number[], pg: [] as number[] };
      const k1 = () => kernelRun(kernel, reg, out1);
      const k2 = () => par.evaluateWithBreakdown(reg, undefined, out2);
      const fr1 = () => fRead(fc.ints, fc.floats, null, 0, n);
      const fw1 = () => fWrite(fc.ints, fc.floats, floorOut, 0, n);
      const fr2 = () => floorRead.run(fRead, fc.ints, fc.floats, null, n);
      const fw2 = () => floorWrite.run(fWrite, fc.ints, fc.floats, floorOut, n);
      for (let w = 0; w < (n <= 100_000 ? 20 : 3); w++) for (const f of [k1, k2, fr1, fr2, fw1, fw2]) await time(f);
      // the kernel's first runs on a registry time the shapes of its clauses (kernel-wasm.ts measuredBound)
      for (let w = 0; w < 20 && kernel.bound(reg).shape === null; w++) await time(k1);
      if (duck) await time(duckHand);
      if (emittedRun) await time(duckEmitted);
      if (pgb) {
        log(`${plan.id} @ ${n}: PostgreSQL warm-up`);
        await time(pgRun);
      }
      const sqlRuns = n > 1_000_000 ? SQL_RUNS_LARGE : RUNS;
      for (let r = 0; r < RUNS; r++) {
        log(`${plan.id} @ ${kind} ${n}: round ${r + 1}`);
        t.k1.push(await time(k1));
        t.k2.push(await time(k2));
        t.fr1.push(await time(fr1));
        t.fr2.push(await time(fr2));
        t.fw1.push(await time(fw1));
        t.fw2.push(await time(fw2));
        if (duck) t.hand.push(await time(duckHand));
        if (emittedRun && r < sqlRuns) t.duck.push(await time(duckEmitted));
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
      const row: Row = {
        size: n,
        kind,
        act: plan.id,
        kernel1: median(t.k1),
        kernelFirst,
        kernel2: median(t.k2),
        hand: duck ? median(t.hand) : null,
        floorRead1: median(t.fr1),
        floorRead2: median(t.fr2),
        floorWrite1: median(t.fw1),
        floorWrite2: median(t.fw2),
        floorBytes: fc.bytesPerPerson,
        duckdb: emittedRun ? median(t.duck) : null,
        duckRuns: t.duck.length,
        postgres: pgb ? median(t.pg) : null,
        jrePerPerson,
        jreMeasured: jre ? sample : 0,
        jreSkipped,
        bytesPerPerson: reg.columnBytes(kernel.columns) / n,
        statuses: `${statusCounts.map((c) => c.toLocaleString('en')).join(' / ')}; not serving ${notServing.toLocaleString('en')}`,
        statusCounts,
        own: null,
        checked,
      };
      rows.push(row);
      log(`${plan.id} @ ${kind} ${n}: kernel ${row.kernel1.toFixed(1)} / ${row.kernel2.toFixed(1)} ms, floor (r+w) ${row.floorWrite1.toFixed(1)} / ${row.floorWrite2.toFixed(1)} ms, hand-written DuckDB ${row.hand === null ? 'not run' : `${row.hand.toFixed(0)} ms`}, emitted DuckDB ${row.duckdb === null ? 'not run' : `${row.duckdb.toFixed(0)} ms`}${pgb ? `, PostgreSQL ${median(t.pg).toFixed(0)} ms` : ''}`);
      await par.close();
    }
    await duck?.close();
    if (pgb) {
      await pgb.exec('DROP SCHEMA IF EXISTS amnestia_bench CASCADE');
      await pgb.close();
    }
    // the kernel and the floor on 1 thread in processes of their own, while this one waits
    log(`${kind} ${n}: 1 thread in processes of their own`);
    const here = rows.filter((r) => r.size === n && r.kind === kind);
    const own = ownFigures(file, RUNS, acts, (act) => here.find((r) => r.act === act)!.statusCounts);
    for (const r of here) r.own = own.byAct.get(r.act) ?? null;
    ownRuns.push({ size: n, kind, intact: own.intact, load: own.load });
    // kernel ÷ floor with the processor guessing every person's path right, while the process is as it was for the figures above
    if (kind === 'default' && n === orderedRun) {
      log(`${kind} ${n}: 1 thread, the persons in the order of their outcomes`);
      ordered = orderedFigures(file, ORDERED_RUNS, acts, (act) => here.find((r) => r.act === act)!.statusCounts);
    }
    loads.push({ size: n, kind, snapshotMs, fileBytes: statSync(file).size, generateMs, generateRss, bytesPerPersonAll: reg.columnBytes() / n, duckLoadMs, flatMs, pgLoadMs, load: [loadBefore, loadavg()[0]!] });
  }
  await floorRead.close();
  await floorWrite.close();


  // the memory of a kernel evaluation of the largest registry, alone in its process
  const largest = Math.max(...SIZES);
  log(`kernel memory at ${largest}`);
  const rss = child<{ persons: number; columnBytes: number; rssAfterLoad: number; maxRssBytes: number }>('kernel-rss.ts', [registryFile(largest, 'default').file, ...acts]);
  const benchRss = peakRss();
  const totalMin = (performance.now() - started) / 60_000;

  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / GiB).toFixed(1)} GiB, ${platform()} ${release()}, Node.js ${process.version}, DuckDB ${duckVersion}, PostgreSQL ${pgVersion}, host ${hostname()}`;
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const r2 = (x: number) => x.toFixed(2);
  const big = rows.filter((r) => r.size === largest && r.kind === 'default');
  const ownRatio = (o: OwnFigures['clean']) => r2(o.kernel / o.floorWrite);
  const jsRatio = (o: OwnFigures['clean']) => r2(o.kernelJs / o.floorWrite);
  const bigOwn = ownRuns.find((o) => o.size === largest && o.kind === 'default');
  const natIntact = natOwn.intact ? 'no buffer ever detached' : 'a buffer detached by the process itself';
  const figures = [
    `- ${largest.toLocaleString('en')} persons, 2 threads, hand-written DuckDB SQL ÷ kernel: ${big.map((r) => `${r.act} ${r.hand === null ? 'not run' : r2(r.hand / r.kernel2)}`).join(', ')} (to reach: ≥ 4).`,
    `- ${largest.toLocaleString('en')} persons, 1 thread, kernel ÷ floor (reading the act's columns and writing the outcome columns), in a process of its own with ${bigOwn?.intact ? 'no buffer ever detached' : 'a buffer detached by the process itself'}: ${big.map((r) => `${r.act} ${r.own ? ownRatio(r.own.clean) : 'not run'}`).join(', ')} (to reach: ≤ 1.6; the kernel run as WebAssembly, as the product runs it — ${big.map((r) => r.own?.clean.engine ?? 'not run').join(' / ')}; the same kernel as JavaScript: ${big.map((r) => (r.own ? jsRatio(r.own.clean) : 'not run')).join(' / ')}); in a process that has detached a buffer (as under tsx, or with PGlite): ${big.map((r) => (r.own ? ownRatio(r.own.detached) : 'not run')).join(' / ')} (as JavaScript: ${big.map((r) => (r.own ? jsRatio(r.own.detached) : 'not run')).join(' / ')}); in this benchmark's process, beside DuckDB: ${big.map((r) => r2(r.kernel1 / r.floorWrite1)).join(' / ')}.`,
    `- National re-evaluation, 1 thread, median, in a process of its own with ${natIntact}: ${natOwnRows.map((r) => `${r.act} ${f(r.clean.kernel)} ms`).join(', ')} (to reach: < 3 ms; median CPU time ${natOwnRows.map((r) => f(r.clean.kernelCpu)).join(' / ')} ms; as JavaScript ${natOwnRows.map((r) => f(r.clean.kernelJs)).join(' / ')} ms); with a buffer detached: ${natOwnRows.map((r) => f(r.detached.kernel)).join(' / ')} ms; in this benchmark's process: ${nat.rows.map((r) => f(r.ms)).join(' / ')} ms.`,
    ...(ordered
      ? [
          `- Where kernel ÷ floor's excess goes: at ${orderedRun!.toLocaleString('en')} persons, 1 thread, in a process of its own, kernel ÷ floor ${ordered.rows.map((r) => `${r.act} ${ownRatio(r.registryOrder)}`).join(', ')} in the registry's order, and ${ordered.rows.map((r) => ownRatio(r.outcomeOrder)).join(' / ')} on the same persons in the order of their outcomes, where the processor guesses every person's path right (*The processor's guesses*).`,
        ]
      : []),
    `- Peak resident memory of a ${largest.toLocaleString('en')}-person kernel evaluation (every act, 1 and 2 threads, in a process of its own): ${(rss.maxRssBytes / GiB).toFixed(2)} GiB (to reach: < 4 GB).`,
  ];
  const lines = [
    `# Benchmark ${date}`,
    '',
    `Machine: ${machine}. The whole run took ${totalMin.toFixed(0)} minutes; other processes shared the 2 cores (load averages below).`,
    '',
    `Settings: BENCH_SIZES ${SIZES.join(',')}, BENCH_REAL_SIZES ${REAL_SIZES.join(',') || 'none'}, BENCH_RUNS ${RUNS}, BENCH_SQL_RUNS_LARGE ${SQL_RUNS_LARGE}, BENCH_DUCKDB_MAX ${DUCKDB_MAX}, BENCH_EMITTED_MAX ${EMITTED_MAX}, BENCH_PG_MAX ${PG_MAX}, BENCH_JRE_SAMPLE ${JRE_SAMPLE}, BENCH_NATIONAL_RUNS ${NATIONAL_RUNS}, BENCH_ORDERED_SIZE ${ORDERED_SIZE}, BENCH_DUCKDB_MEMORY ${DUCKDB_MEMORY}.`,
    '',
    '## The figures of issue 14',
    '',
    ...figures,
    '',
    '## The fair comparison: the kernel against hand-written DuckDB SQL',
    '',
    `Each act written by hand in DuckDB SQL (bench/handwritten.ts) over a flattened table of one row per person, built once per registry from the loaded tables (the aggregates of the convictions, the age at the offence, the unpaid claim pre-joined; articles and children as lists; its build time is in *Loading*). DuckDB on all ${cpus().length} threads. Outcomes checked equal to the kernel's on every field before timing. Medians of ${RUNS} rounds after a warm-up; times in ms for the outcome of every person and the standard breakdowns. *First* is the kernel's first evaluation on the registry (1 thread, before the warm-up): V8 has not yet optimized it, and the children under an age are counted then, once per registry and day (src/engine/children-counts.ts).`,
    '',
    '| registry | persons | act | kernel 1 thread (first) | kernel 2 threads | hand-written DuckDB SQL | hand-written ÷ kernel 2 threads | statuses (not covered / eligible / excluded / needs review) |',
    '|---|---:|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.kind} | ${r.size.toLocaleString('en')} | ${r.act} | ${f(r.kernel1)} (${f(r.kernelFirst)}) | ${f(r.kernel2)} | ${r.hand === null ? 'not run' : f(r.hand)} | ${r.hand === null ? '—' : r2(r.hand / r.kernel2)} | ${r.statuses} |`),
    '',
    '## The floor',
    '',
    "A trivial loop over the same persons reading exactly the per-person columns the act's kernel reads (lists through their offsets only; the children and articles the kernel reads as counted columns, those columns), XOR-ing them — and the same loop also writing every outcome column the kernel writes. The kernel's time over the floor's is the price of its decisions. Here in this benchmark's process, between the DuckDB runs, where every typed-array access is checked (a buffer was detached); the next section times both in a process of their own.",
    '',
    '| registry | persons | act | bytes read / person | floor read, 1 / 2 threads | floor read + write, 1 / 2 threads | kernel ÷ floor (read + write), 1 thread | 2 threads |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.kind} | ${r.size.toLocaleString('en')} | ${r.act} | ${r.floorBytes} | ${f(r.floorRead1)} / ${f(r.floorRead2)} | ${f(r.floorWrite1)} / ${f(r.floorWrite2)} | ${r2(r.kernel1 / r.floorWrite1)} | ${r2(r.kernel2 / r.floorWrite2)} |`),
    '',
    '## The kernel and the floor in a process of their own',
    '',
    `The kernel and the floor on 1 thread, each registry in a process that does nothing else (bench/one-thread.ts, run from a bundle on plain Node), medians of ${RUNS} rounds after a warm-up, each round taking the kernel (as WebAssembly, as the product runs it), the same kernel as JavaScript, the floor reading and the floor reading and writing in turn, order reversed every other round. Why a process of its own: once a process has detached an ArrayBuffer — tsx's module loader does as it loads packages, PGlite's WebAssembly memory does as it grows, so this benchmark's process and the server's on PGlite have — V8 checks at every typed-array access that the buffer is still attached. The checks weigh on a tight loop like the floor's far more than on the kernel's, so in such a process the floor is slower than it need be and kernel ÷ floor looks better than it is. *Clean*: a process in which no buffer was ever detached (V8's trace of its detaching protector read to check it: ${ownRuns.every((o) => o.intact) && natOwn.intact ? 'none was, in every process' : 'one was, where the last column says so'}). *Detached*: the same after detaching one buffer first. Persons by status checked equal to this process's evaluation.`,
    '',
    '| registry | persons | act | kernel, clean / detached (ms) | kernel as JavaScript, clean / detached | floor read, clean / detached | floor read + write, clean / detached | kernel ÷ floor (read + write), clean | detached | as JavaScript ÷ floor, clean / detached | load average before / after | no buffer detached in the clean process |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows
      .filter((r) => r.own)
      .map((r) => {
        const o = r.own!;
        const run = ownRuns.find((x) => x.size === r.size && x.kind === r.kind)!;
        return `| ${r.kind} | ${r.size.toLocaleString('en')} | ${r.act} | ${f(o.clean.kernel)} / ${f(o.detached.kernel)} | ${f(o.clean.kernelJs)} / ${f(o.detached.kernelJs)} | ${f(o.clean.floorRead)} / ${f(o.detached.floorRead)} | ${f(o.clean.floorWrite)} / ${f(o.detached.floorWrite)} | ${ownRatio(o.clean)} | ${ownRatio(o.detached)} | ${jsRatio(o.clean)} / ${jsRatio(o.detached)} | ${run.load[0].toFixed(2)} / ${run.load[1].toFixed(2)} | ${run.intact ? 'yes' : 'no'} |`;
      }),
    '',
    ...(ordered
      ? [
          "## The processor's guesses",
          '',
          `The kernel decides person by person, and the path a person takes through it (not serving; which clause; excluded, granted or undecided; "almost eligible") depends on the person's facts. The processor guesses each branch before it knows; in a registry's own order the persons' paths follow no pattern, and each wrong guess costs it some twenty cycles. Here the kernel and the floor on 1 thread, in one process of their own (bench/one-thread.ts \`ordered\`, ${ordered.intact ? 'no buffer ever detached' : 'a buffer detached by the process itself'}), on the default registry of ${orderedRun!.toLocaleString('en')} persons as it is and on the same persons in the order of their outcomes under the act (status, clause, exclusion, reason, "almost eligible"; a registry of its own for each act), where the guesses come right; medians of ${ORDERED_RUNS} rounds, load average before / after ${ordered.load[0].toFixed(2)} / ${ordered.load[1].toFixed(2)}. No registry is in such an order (it depends on the act): the difference is what the wrong guesses cost, not a way to run.`,
          '',
          "| act | kernel, registry's order (ms) | floor read + write (ms) | kernel ÷ floor | kernel, outcome order (ms) | floor read + write (ms) | kernel ÷ floor | the kernel's time the wrong guesses take |",
          '|---|---:|---:|---:|---:|---:|---:|---:|',
          ...ordered.rows.map(
            (r) =>
              `| ${r.act} | ${f(r.registryOrder.kernel)} | ${f(r.registryOrder.floorWrite)} | ${ownRatio(r.registryOrder)} | ${f(r.outcomeOrder.kernel)} | ${f(r.outcomeOrder.floorWrite)} | ${ownRatio(r.outcomeOrder)} | ${Math.round((1 - r.outcomeOrder.kernel / r.registryOrder.kernel) * 100)} % |`,
          ),
          '',
        ]
      : []),
    '## Independent implementations: the emitted SQL and json-rules-engine',
    '',
    `The SQL the engine emits from an act (src/engine/sql/emit.ts) is a third implementation of the semantics, kept to check the kernel and to run acts inside a database; it is generic (every criterion's truth code, counts of false and unknown criteria, and the decision as materialized layers), not a speed competitor. json-rules-engine decides one record at a time (persons with an undecided fact skipped: it is two-valued). Emitted SQL: medians of ${RUNS} rounds up to 1 000 000 persons, ${SQL_RUNS_LARGE} above; PostgreSQL ${PG_RUNS} rounds, up to ${PG_MAX.toLocaleString('en')} persons.`,
    '',
    '| registry | persons | act | emitted SQL, DuckDB | emitted SQL, PostgreSQL | json-rules-engine (per record × persons) | bytes/person the kernel reads | checked equal to the kernel |',
    '|---|---:|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const jre = r.jrePerPerson === null ? '—' : `${f(r.jrePerPerson * r.size)}${r.jreMeasured === r.size ? '' : ' (extrapolated)'}`;
      return `| ${r.kind} | ${r.size.toLocaleString('en')} | ${r.act} | ${r.duckdb === null ? 'not run' : `${f(r.duckdb)}${r.duckRuns < RUNS ? ` (${r.duckRuns} runs)` : ''}`} | ${r.postgres === null ? 'not run' : f(r.postgres)} | ${jre} | ${r.bytesPerPerson.toFixed(1)} | ${r.checked.join(', ')} |`;
    }),
    '',
    `## Re-evaluation on the national default registry (${nat.size.toLocaleString('en')} persons, in-process, outcomes and breakdowns, median of ${NATIONAL_RUNS} after a warm-up)`,
    '',
    `The registry in memory, the act compiled once; each run evaluates every person and counts the standard breakdowns. Rounds take every act in turn: first the 1-thread rounds, in a block of their own before the 2-thread evaluators' worker threads exist (no worker thread of the process exists while they are timed; V8's own background threads — compilation, garbage collection — may run, and count in the CPU time), then the 2-thread rounds. The CPU time is the process's during a 1-thread run: with no worker thread, time the run spent descheduled (another process, or the host taking the virtual processor) is in the wall clock and not in it. Load average (1 min) before and after: ${nat.load[0].toFixed(2)}, ${nat.load[1].toFixed(2)}.`,
    '',
    '| act | kernel, 1 thread (ms) | 1 thread, CPU time (ms) | kernel, 2 threads (ms) | fastest run, 1 / 2 threads (ms) | chunks taken by the calling thread, 2 threads (median) |',
    '|---|---:|---:|---:|---:|---:|',
    ...nat.rows.map((r) => `| ${r.act} | ${f(r.ms)} | ${f(r.cpu)} | ${f(r.ms2)} | ${f(r.min)} / ${f(r.min2)} | ${Math.round(r.callerShare * 100)} % |`),
    '',
    `In a process of its own (bench/one-thread.ts, as in *The kernel and the floor in a process of their own*), 1 thread, ${NATIONAL_RUNS} rounds after 30 of warm-up, ${natIntact} in the clean process; load average before / after ${natOwn.load[0].toFixed(2)} / ${natOwn.load[1].toFixed(2)}:`,
    '',
    '| act | kernel, clean (ms) | CPU time, clean (ms) | fastest run, clean (ms) | as JavaScript, clean (ms) | floor read + write, clean (ms) | kernel ÷ floor, clean | kernel, detached (ms) | kernel ÷ floor, detached | as JavaScript, detached (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...natOwnRows.map((r) => `| ${r.act} | ${f(r.clean.kernel)} | ${f(r.clean.kernelCpu)} | ${f(r.clean.kernelMin)} | ${f(r.clean.kernelJs)} | ${f(r.clean.floorWrite)} | ${ownRatio(r.clean)} | ${f(r.detached.kernel)} | ${ownRatio(r.detached)} | ${f(r.detached.kernelJs)} |`),
    '',
    '## Memory',
    '',
    `- A kernel evaluation of ${rss.persons.toLocaleString('en')} persons in a process of its own (the snapshot loaded into shared memory, every act on 1 thread and on 2 threads, outcome columns for both): peak resident set ${(rss.maxRssBytes / GiB).toFixed(2)} GiB; ${(rss.rssAfterLoad / GiB).toFixed(2)} GiB once the registry was loaded; the registry's columns are ${(rss.columnBytes / GiB).toFixed(2)} GiB.`,
    `- This benchmark's process (the registries one at a time, DuckDB in-process with the loaded tables, the flattened table and the outcomes — its memory limited to ${DUCKDB_MEMORY}, BENCH_DUCKDB_MEMORY — the kernel's and the floor's outcome columns, the outcomes read back for the checks): peak resident set ${(benchRss / GiB).toFixed(2)} GiB. Registries are generated in processes of their own (peak in *Loading*).`,
    '',
    '## Loading',
    '',
    '| registry | persons | generate (ms; peak memory of the generating process) | snapshot file (bytes) | snapshot load (ms) | bytes/person, all columns | into DuckDB (ms) | flattened table (ms) | into PostgreSQL (ms) | load average before / after |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...loads.map(
      (l) =>
        `| ${l.kind} | ${l.size.toLocaleString('en')} | ${l.generateMs === null ? 'cached' : `${f(l.generateMs)}; ${(l.generateRss! / GiB).toFixed(2)} GiB`} | ${l.fileBytes.toLocaleString('en')} | ${f(l.snapshotMs)} | ${l.bytesPerPersonAll.toFixed(1)} | ${l.duckLoadMs === null ? 'not run' : f(l.duckLoadMs)} | ${l.flatMs === null ? 'not run' : f(l.flatMs)} | ${l.pgLoadMs === null ? 'not run' : f(l.pgLoadMs)} | ${l.load[0].toFixed(2)} / ${l.load[1].toFixed(2)} |`,
    ),
    '',
    'Registries: `default` is the default profile scaled to the size (unknown cells in the profile\'s shares; persons whose term ends between the registry\'s day and an act\'s entry into force are no longer serving on it). `real` adds, as real registries hold them, persons whose term begins after the day (not yet serving), and more unknown birth dates, children and convictions (bench/make-snapshot.ts).',
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
