/**
 * Benchmark of impact analysis (npm run bench:impact): the whole report of each shipped act on
 * the national default registry (61 899 persons), and on a registry of BENCH_IMPACT_SIZE persons
 * (default 1 000 000) to show how it scales; medians of BENCH_RUNS (default 7) after a warm-up,
 * with the time of each section. Results: bench/results/impact-<date>.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { resolve } from 'node:path';
import { loadLaw } from '../src/law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED, PROJECT_ROOT } from '../src/paths.ts';
import { loadFacilities } from '../src/registry/facilities.ts';
import { RegistryBuilder, type Registry } from '../src/registry/registry.ts';
import { generatePersons, generateRegistry } from '../src/registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../src/registry/synthetic/profile.ts';
import { loadAct } from '../src/engine/act/plan.ts';
import { loadImpactConfig } from '../src/impact/config.ts';
import { computeImpact } from '../src/impact/impact.ts';
import { coverage } from '../src/impact/coverage.ts';
import { equality } from '../src/impact/equality.ts';
import { daysSaved, money } from '../src/impact/money.ts';
import { projection } from '../src/impact/projection.ts';
import { risk } from '../src/impact/risk.ts';
import { runAct, socialCategories } from '../src/impact/run.ts';
import { victims } from '../src/impact/victims.ts';
import { parameterUsed } from '../src/impact/parameters-used.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BIG = Number(process.env.BENCH_IMPACT_SIZE ?? 1_000_000);
const ACTS = ['kz-2025-women-proposal', 'kz-2025-sex-neutral', 'kz-2025-constitution-30'];
const law = loadLaw();
const config = loadImpactConfig(DEFAULT_PATHS.impact, law);
const facilities = loadFacilities(DEFAULT_PATHS.facilities);
const plans = ACTS.map((a) => loadAct(resolve(DEFAULT_PATHS.acts, a, 'act.yaml'), law).plan);

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

const SECTIONS = ['evaluate', 'categories', 'coverage', 'money', 'equality', 'victims', 'risk', 'projection'] as const;

/** One report, section by section (the same work computeImpact does), in milliseconds. */
function sections(registry: Registry, k: number): Record<(typeof SECTIONS)[number], number> {
  const plan = plans[k]!;
  const [run, evaluate] = time(() => runAct(plan, registry, law));
  const [cats, categories] = time(() => socialCategories(config, registry, law, run.day));
  const [, cov] = time(() => coverage(run, registry, facilities, cats, config));
  const [m, mon] = time(() => money(run, registry, law, config, daysSaved(run, registry, config.money.first_month_days)));
  const [, eq] = time(() => equality(run, registry, law, cats));
  const [, vic] = time(() => victims(run, registry, law, config));
  const [, rsk] = time(() => risk(run, registry, config));
  const [, proj] = time(() =>
    projection(run, registry, { horizonMonths: 24, grantRate: parameterUsed(law, config.projection.grant_rate, run.day), admissions: null, costs: m.variants.map((v) => [v.inmate_cost.value, v.probation_cost.value]) }),
  );
  return { evaluate, categories, coverage: cov, money: mon, equality: eq, victims: vic, risk: rsk, projection: proj };
}

function measure(registry: Registry, label: string): string[] {
  const rows: string[] = [];
  for (let k = 0; k < plans.length; k++) {
    // Warm-up: compiles the kernels and lets V8 optimise the loops.
    computeImpact({ plans: [plans[k]!], registry, registrySource: label, law, facilities, config });
    const whole: number[] = [];
    const parts: Record<string, number[]> = Object.fromEntries(SECTIONS.map((s) => [s, []]));
    for (let r = 0; r < RUNS; r++) {
      whole.push(time(() => computeImpact({ plans: [plans[k]!], registry, registrySource: label, law, facilities, config }))[1]);
      const s = sections(registry, k);
      for (const name of SECTIONS) parts[name]!.push(s[name]);
    }
    log(`${label} ${ACTS[k]}: ${fmt(median(whole))} ms`);
    rows.push(`| ${label} | ${ACTS[k]} | ${fmt(median(whole))} | ${SECTIONS.map((s) => fmt(median(parts[s]!))).join(' | ')} |`);
  }
  return rows;
}

const national = generateRegistry(loadProfile(DEFAULT_PATHS.profile), law.criminalCode, facilities, { seed: DEFAULT_SEED });
log(`national registry: ${national.size} persons`);
const rows = measure(national, `${national.size.toLocaleString('en')}`);
if (BIG > 0) {
  log(`generating ${BIG} persons`);
  const profile = scaleProfile(loadProfile(DEFAULT_PATHS.profile), BIG);
  const b = new RegistryBuilder(law.criminalCode, BIG);
  for (const r of generatePersons(profile, law.criminalCode, facilities, { seed: DEFAULT_SEED })) b.push(r);
  rows.push(...measure(b.finish(), BIG.toLocaleString('en')));
}

const date = new Date().toISOString().slice(0, 10);
const cpu = cpus();
const text = [
  `# Impact benchmark ${date}`,
  '',
  `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node.js ${process.version}.`,
  '',
  `The whole impact report of one act (\`computeImpact\`: evaluation, coverage and occupancy, money, equality with the sex-neutral counterfactual evaluated, victims with the conditioned act evaluated, risk with ${config.risk.runs} Monte Carlo runs, 24-month projection), in milliseconds, median of ${RUNS} runs after a warm-up; then each section timed alone in the same runs. Kernels of the counterfactual acts are compiled anew in every run, as they would be after an edit of the act.`,
  '',
  `| persons | act | whole report | ${SECTIONS.join(' | ')} |`,
  `|---:|---|---:|${SECTIONS.map(() => '---:').join('|')}|`,
  ...rows,
  '',
].join('\n');
mkdirSync(resolve(PROJECT_ROOT, 'bench/results'), { recursive: true });
const out = resolve(PROJECT_ROOT, `bench/results/impact-${date}.md`);
writeFileSync(out, text);
process.stdout.write(`${text}\nwritten to ${out}\n`);
