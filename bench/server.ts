/**
 * The server's benchmark (npm run bench:server): the real `amnestia serve` in a child process on the
 * national registry, driven over loopback from this process by an open-loop load (requests sent at
 * evenly spaced moments, latency counted from the moment each was due), on PGlite and on the
 * PostgreSQL server side by side. Measures:
 *
 * - what-if (headline figures) at 40 requests a second from 20 clients for 30 s, every request a
 *   distinct draft (a reduction fraction changed: a new act text, compiled and evaluated afresh;
 *   and, separately, a condition's age changed: a new kernel too), with median, p99 and errors;
 *   then the saturation point: the rate at which p99 passes 250 ms;
 * - one person with the explanation (distinct persons) at 50 requests a second, and a facility's list of
 *   about 2 000 persons at 10 a second (latency at a given load), and how many of each the server answers
 *   a second to 10 clients that do not pause (throughput);
 * - the import of a 1 000 000-row CSV through the API: time and the server's peak memory (VmHWM).
 *
 * Results go to bench/results/server-<date>.md with the machine. Loopback only, bounded in count and
 * time. BENCH_SERVER_QUICK=1 runs short phases (a smoke run, not for the record); BENCH_IMPORT_ROWS
 * sets the import size (default 1000000); BENCH_STORES=pglite,postgres chooses the stores;
 * BENCH_SERVER_ONLY=lists measures the person lists alone, BENCH_SERVER_ONLY=persons a person with
 * the explanation alone (their phases at full length, the figures logged, no results file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, PROJECT_ROOT } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { writeRegistryCsv } from '../src/registry/export.ts';
import { generatePersons } from '../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../src/registry/synthetic/profile.ts';

const QUICK = process.env['BENCH_SERVER_QUICK'] === '1';
const IMPORT_ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? (QUICK ? 20_000 : 1_000_000));
const STORES = (process.env['BENCH_STORES'] ?? 'pglite,postgres').split(',');
const ONLY = process.env['BENCH_SERVER_ONLY'];
const ONLY_LISTS = ONLY === 'lists';
const ONLY_PERSONS = ONLY === 'persons';
/** Length of a list phase at a given rate, and of a throughput phase, s. */
const LIST_SECONDS = QUICK && !ONLY_LISTS ? 3 : 15;
const LIST_MAX_SECONDS = QUICK && !ONLY_LISTS ? 3 : 10;
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const WHAT_IF_SECONDS = QUICK ? 5 : 30;
const STEP_SECONDS = QUICK ? 3 : 10;
const ACT = 'kz-2025-women-proposal';
/** Offered load for the person and list latencies: a busy office's rate, well under the server's throughput (reported apart). */
const PERSON_RATE = 50;
const LIST_RATE = 10;

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  dataDir: string;
  /** Peak resident memory of the server process so far, bytes (VmHWM). */
  peakRss(): number;
  stop(): Promise<void>;
}

function vm(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src/cli/main.ts'), 'serve', '--data-dir', dataDir, '--port', String(port), '--lang', 'en'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let k = 0; k < 3000; k++) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${out}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    base,
    dataDir,
    peakRss: () => vm(child.pid!, 'VmHWM'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(s: Server, role: string): Promise<Session> {
  const line = readFileSync(join(s.dataDir, 'initial-passwords.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${role}\t`))!;
  const res = await fetch(`${s.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: role, password: line.split('\t')[2] }) });
  if (!res.ok) throw new Error(`sign-in ${role}: ${res.status}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrf_token: string }).csrf_token };
}

interface Load {
  requests: number;
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
}

const percentile = (sorted: number[], q: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!);

interface Shot {
  path: string;
  init: RequestInit;
}

/**
 * An open-loop load: `rate` requests a second for `seconds`, sent at evenly spaced moments (not in
 * bursts), at most `clients` of them in flight at once. The latency of a request counts from the
 * moment it was due, so a server that falls behind is not excused by the requests it delayed
 * (no coordinated omission). A request that does not answer within 10 s, or answers other than
 * 2xx, is an error.
 */
async function openLoop(s: Server, shot: (k: number) => Shot, rate: number, seconds: number, clients: number): Promise<Load> {
  const n = Math.max(1, Math.round(rate * seconds));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  let freed: (() => void) | null = null;
  const running: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const due = t0 + k * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= clients) await new Promise<void>((r) => (freed = r));
    inFlight++;
    const { path, init } = shot(k);
    running.push(
      fetch(`${s.base}${path}`, { ...init, signal: AbortSignal.timeout(10_000) })
        .then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
          else latencies.push(performance.now() - due);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          inFlight--;
          const f = freed;
          freed = null;
          f?.();
        }),
    );
  }
  await Promise.all(running);
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: n, rate: latencies.length / elapsed, p50: percentile(latencies, 0.5), p90: percentile(latencies, 0.9), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? NaN, errors };
}

/** A what-if request whose draft differs each time: a fraction, or (`structural`) a condition's age. */
function whatIfShot(source: string, session: Session, structural: boolean): (k: number) => Shot {
  return (k) => {
    const text = structural
      ? source.replace(/age >= (\d+)/, (_m, a: string) => `age >= ${Number(a) - 10 + (k % 20)}`).replace('value: 0.5', `value: 0.${String(100000 + k).slice(1)}`)
      : source.replace('value: 0.5', `value: 0.${String(100000 + k).slice(1)}`);
    return { path: '/api/what-if', init: { method: 'POST', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf }, body: JSON.stringify({ source: text }) } };
  };
}

let drafts = 0;

async function whatIfAt(s: Server, session: Session, source: string, rate: number, seconds: number, structural: boolean): Promise<Load> {
  // Every request of the run is a draft never seen before (k continues across phases).
  const base = drafts;
  drafts += Math.round(rate * seconds) + 1;
  const shot = whatIfShot(source, session, structural);
  return openLoop(s, (k) => shot(base + k), rate, seconds, 20);
}

async function saturation(s: Server, session: Session, source: string): Promise<{ steps: { rate: number; load: Load }[]; saturatedAt: number | null }> {
  const steps: { rate: number; load: Load }[] = [];
  for (const rate of [40, 60, 80, 100, 120, 150, 180, 220, 260, 300]) {
    const load = await whatIfAt(s, session, source, rate, STEP_SECONDS, false);
    steps.push({ rate, load });
    log(`  saturation ${rate}/s: achieved ${load.rate.toFixed(1)}/s, p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, errors ${load.errors}`);
    if (load.p99 > 250 || load.rate < rate * 0.9) return { steps, saturatedAt: rate };
  }
  return { steps, saturatedAt: null };
}

/**
 * GET requests over `paths` in turn: at `rate` requests a second, evenly spaced, from up to 10 clients
 * (latency at a given load); or, when `rate` is null, from 10 clients that send the next request as
 * soon as the last is answered (throughput; latencies then include the queue, so they are not
 * reported as the endpoint's latency).
 */
async function getLoad(s: Server, session: Session, paths: string[], seconds: number, rate: number | null): Promise<Load> {
  const init: RequestInit = { headers: { cookie: session.cookie } };
  if (rate !== null) return openLoop(s, (k) => ({ path: paths[k % paths.length]!, init }), rate, seconds, 10);
  let k = 0;
  let done = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < end) {
        const res = await fetch(`${s.base}${paths[k++ % paths.length]!}`, { ...init, signal: AbortSignal.timeout(10_000) }).catch(() => null);
        if (res) await res.arrayBuffer();
        if (res?.ok) done++;
        else errors++;
      }
    }),
  );
  return { requests: done + errors, rate: done / ((performance.now() - t0) / 1000), p50: NaN, p90: NaN, p99: NaN, max: NaN, errors };
}

async function importFile(s: Server, session: Session, file: string): Promise<{ ms: number; status: string; accepted: number; peakRss: number }> {
  const t0 = performance.now();
  const res = await fetch(`${s.base}/api/registries?file_name=big.csv&wait=true`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: readFileSync(file),
  });
  const body = (await res.json()) as { status: string; accepted: number };
  return { ms: performance.now() - t0, status: body.status, accepted: body.accepted, peakRss: s.peakRss() };
}

interface StoreResult {
  store: string;
  startMs: number;
  startRss: number;
  whatIf: Load;
  whatIfStructural: Load;
  saturation: Awaited<ReturnType<typeof saturation>>;
  person: Load;
  personMax: Load;
  facilityList: Load & { rows: number; facility: string };
  /** The issue's size: 2 000 rows, the first of the two largest facilities' persons. */
  list2000: Load & { facilities: string };
  listMax: Load;
  import: Awaited<ReturnType<typeof importFile>>;
}

/** The persons and facilities the person and list phases ask for, from the whole list of the act. */
async function listTargets(s: Server, analyst: Session) {
  const list = (await (await fetch(`${s.base}/api/persons?act=${ACT}&limit=100000`, { headers: { cookie: analyst.cookie } })).json()) as { rows: { person_id: string; facility: string }[] };
  const byFacility = new Map<string, number>();
  for (const r of list.rows) byFacility.set(r.facility, (byFacility.get(r.facility) ?? 0) + 1);
  const [facility, rows] = [...byFacility].sort((a, b) => Math.abs(a[1] - 2000) - Math.abs(b[1] - 2000))[0]!;
  const ids = list.rows.filter((_, i) => i % 61 === 0).map((r) => r.person_id);
  const personPaths = ids.map((id) => `/api/persons/${id}?act=${ACT}&lang=kk`);
  const largest = [...byFacility].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([f]) => f).join(',');
  return { facility, rows, personPaths, largest };
}

/** A person with the explanation at PERSON_RATE, and the persons answered a second. */
async function personLoads(s: Server, analyst: Session, store: string, personPaths: string[]) {
  // warm-up: the first persons compile the code that explains them
  await getLoad(s, analyst, personPaths.slice(0, 50), 2, null);
  const person = await getLoad(s, analyst, personPaths, QUICK ? 3 : 15, PERSON_RATE);
  log(`${store}: a person with the explanation at ${PERSON_RATE}/s: p50 ${person.p50.toFixed(1)} ms, p99 ${person.p99.toFixed(1)} ms`);
  const personMax = await getLoad(s, analyst, personPaths, QUICK ? 3 : 10, null);
  log(`${store}: persons answered a second by 10 clients: ${personMax.rate.toFixed(0)}`);
  return { person, personMax };
}

/** A facility's list and the issue's 2 000 rows at LIST_RATE, and the lists answered a second. */
async function listLoads(s: Server, analyst: Session, store: string, t: Awaited<ReturnType<typeof listTargets>>) {
  const listPaths = [`/api/persons?act=${ACT}&facility=${t.facility}&limit=5000`];
  // warm-up: the first lists compile the code that writes them
  await getLoad(s, analyst, listPaths, 2, null);
  const facilityList = { ...(await getLoad(s, analyst, listPaths, LIST_SECONDS, LIST_RATE)), rows: t.rows, facility: t.facility };
  log(`${store}: ${t.facility}'s list (${t.rows} rows) at ${LIST_RATE}/s: p50 ${facilityList.p50.toFixed(1)} ms, p99 ${facilityList.p99.toFixed(1)} ms`);
  const list2000 = { ...(await getLoad(s, analyst, [`/api/persons?act=${ACT}&facility=${t.largest}&limit=2000`], LIST_SECONDS, LIST_RATE)), facilities: t.largest };
  log(`${store}: 2 000 rows of ${t.largest} at ${LIST_RATE}/s: p50 ${list2000.p50.toFixed(1)} ms, p99 ${list2000.p99.toFixed(1)} ms`);
  const listMax = await getLoad(s, analyst, listPaths, LIST_MAX_SECONDS, null);
  log(`${store}: lists answered a second by 10 clients: ${listMax.rate.toFixed(0)}`);
  return { facilityList, list2000, listMax };
}

async function benchStore(store: string, csv: string): Promise<StoreResult | null> {
  const dataDir = mkdtempSync(join(tmpdir(), `amnestia-bench-${store}-`));
  let schema: string | null = null;
  let url: string | undefined;
  if (store === 'postgres') {
    schema = `amnestia_bench_${Date.now()}`;
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
    const u = new URL(DATABASE_URL);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
  }
  try {
    const t0 = performance.now();
    const s = await startServer(dataDir, url);
    const startMs = performance.now() - t0;
    const startRss = vm(s.child.pid!, 'VmRSS');
    log(`${store}: started in ${(startMs / 1000).toFixed(1)} s`);
    try {
      const analyst = await signIn(s, 'analyst');
      if (ONLY_LISTS) {
        await listLoads(s, analyst, store, await listTargets(s, analyst));
        return null;
      }
      if (ONLY_PERSONS) {
        await personLoads(s, analyst, store, (await listTargets(s, analyst)).personPaths);
        return null;
      }
      const source = ((await (await fetch(`${s.base}/api/acts/${ACT}`, { headers: { cookie: analyst.cookie } })).json()) as { source: string }).source;
      // warm-up: the first requests compile the server's code paths
      await whatIfAt(s, analyst, source, 20, 3, false);
      const whatIf = await whatIfAt(s, analyst, source, 40, WHAT_IF_SECONDS, false);
      log(`${store}: what-if 40/s: p50 ${whatIf.p50.toFixed(1)} ms, p99 ${whatIf.p99.toFixed(1)} ms, errors ${whatIf.errors}`);
      const whatIfStructural = await whatIfAt(s, analyst, source, 40, WHAT_IF_SECONDS, true);
      log(`${store}: what-if 40/s, new kernels: p50 ${whatIfStructural.p50.toFixed(1)} ms, p99 ${whatIfStructural.p99.toFixed(1)} ms, errors ${whatIfStructural.errors}`);
      const sat = await saturation(s, analyst, source);

      const targets = await listTargets(s, analyst);
      const { person, personMax } = await personLoads(s, analyst, store, targets.personPaths);
      const { facilityList, list2000, listMax } = await listLoads(s, analyst, store, targets);

      const imported = await importFile(s, analyst, csv);
      log(`${store}: import of ${IMPORT_ROWS} rows: ${(imported.ms / 1000).toFixed(1)} s, ${imported.status}, peak RSS ${(imported.peakRss / 2 ** 30).toFixed(2)} GiB`);
      return { store, startMs, startRss, whatIf, whatIfStructural, saturation: sat, person, personMax, facilityList, list2000, listMax, import: imported };
    } finally {
      await s.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (schema) {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    }
  }
}

function report(results: StoreResult[], machine: string, csvBytes: number): string {
  const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);
  const col = (f: (r: StoreResult) => string) => results.map(f).join(' | ');
  const head = `| figure | ${results.map((r) => r.store).join(' | ')} | target |\n|---|${results.map(() => '---:').join('|')}|---|`;
  const lines = [
    `# Server benchmark, ${new Date().toISOString().slice(0, 10)}${QUICK ? ' (quick run, not for the record)' : ''}`,
    '',
    machine,
    '',
    `The real server (\`amnestia serve\`) in a child process on the national synthetic registry (61 899 persons), driven over loopback by an open-loop load from this process: requests sent at evenly spaced moments (not in bursts), at most 20 in flight for what-if and 10 for the other endpoints, each latency counted from the moment the request was due, so that a server falling behind is not excused by the requests it delayed. Every what-if request is a distinct draft of \`${ACT}\`: a reduction fraction changed (the act is parsed, checked and evaluated afresh; the kernel's code is shared by acts of the same structure), or also a condition's age changed (a new kernel each time).`,
    '',
    head,
    `| what-if at 40/s for ${WHAT_IF_SECONDS} s: median | ${col((r) => `${ms(r.whatIf.p50)} ms`)} | < 15 ms |`,
    `| what-if at 40/s: p99 | ${col((r) => `${ms(r.whatIf.p99)} ms`)} | < 60 ms |`,
    `| what-if at 40/s: errors | ${col((r) => String(r.whatIf.errors))} | 0 |`,
    `| what-if, a new kernel each request: median / p99 | ${col((r) => `${ms(r.whatIfStructural.p50)} / ${ms(r.whatIfStructural.p99)} ms`)} | — |`,
    `| saturation (rate at which p99 passes 250 ms) | ${col((r) => (r.saturation.saturatedAt === null ? '> 300/s' : `${r.saturation.saturatedAt}/s`))} | — |`,
    `| a person with the explanation, ${PERSON_RATE}/s from 10 clients: median / p99 | ${col((r) => `${ms(r.person.p50)} / ${ms(r.person.p99)} ms`)} | p99 < 20 ms |`,
    `| persons with the explanation answered a second (10 clients, no pause) | ${col((r) => `${r.personMax.rate.toFixed(0)}/s`)} | — |`,
    `| a facility's list, ${LIST_RATE}/s from 10 clients: median / p99 | ${col((r) => `${ms(r.facilityList.p50)} / ${ms(r.facilityList.p99)} ms (${r.facilityList.facility}, ${r.facilityList.rows} rows)`)} | p99 < 50 ms |`,
    `| a list of 2 000 rows (the first of the two largest facilities' persons), ${LIST_RATE}/s: median / p99 | ${col((r) => `${ms(r.list2000.p50)} / ${ms(r.list2000.p99)} ms (${r.list2000.facilities})`)} | p99 < 50 ms |`,
    `| facility lists answered a second (10 clients, no pause) | ${col((r) => `${r.listMax.rate.toFixed(0)}/s`)} | — |`,
    `| import of ${IMPORT_ROWS.toLocaleString('en')} rows (${(csvBytes / 2 ** 20).toFixed(0)} MiB CSV) through the API | ${col((r) => `${(r.import.ms / 1000).toFixed(1)} s, ${r.import.status}`)} | — |`,
    `| server's peak memory (VmHWM) after the import | ${col((r) => `${(r.import.peakRss / 2 ** 30).toFixed(2)} GiB`)} | — |`,
    `| first start (empty store → national registry stored, users, acts) | ${col((r) => `${(r.startMs / 1000).toFixed(1)} s`)} | — |`,
    '',
    '## Saturation steps (what-if, distinct drafts)',
    '',
    ...results.flatMap((r) => [
      `### ${r.store}`,
      '',
      '| asked | achieved | median | p99 | errors |',
      '|---:|---:|---:|---:|---:|',
      ...r.saturation.steps.map((s) => `| ${s.rate}/s | ${s.load.rate.toFixed(1)}/s | ${ms(s.load.p50)} ms | ${ms(s.load.p99)} ms | ${s.load.errors} |`),
      '',
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const cpu = cpus();
  const machine = `Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}; load average at start ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}.`;
  log(machine);
  if (ONLY_LISTS || ONLY_PERSONS) {
    for (const store of STORES) await benchStore(store, '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'amnestia-bench-csv-'));
  const csv = join(dir, 'big.csv');
  const law = loadLaw();
  const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), IMPORT_ROWS);
  await writeRegistryCsv(csv, law.criminalCode, generatePersons(profile, law.criminalCode, loadFacilities(profile.facilitiesPath), { seed: 99 }));
  const csvBytes = statSync(csv).size;
  log(`import file: ${IMPORT_ROWS} rows, ${(csvBytes / 2 ** 20).toFixed(0)} MiB`);
  const results: StoreResult[] = [];
  try {
    for (const store of STORES) {
      const result = await benchStore(store, csv);
      if (result !== null) results.push(result);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = report(results, machine, csvBytes);
  process.stdout.write(text);
  if (!QUICK) {
    mkdirSync(join(PROJECT_ROOT, 'bench/results'), { recursive: true });
    const file = join(PROJECT_ROOT, `bench/results/server-${new Date().toISOString().slice(0, 10)}.md`);
    writeFileSync(`${file}.tmp`, text);
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.tmp`, file);
    log(`written ${file}`);
  }
}

await main();
