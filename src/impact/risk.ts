/**
 * Repeat offending among the persons an act releases: expected new convictions within 1 and 3
 * years, from base rates by gravity, prior convictions and age group (law/reoffending.yaml, each a
 * sourced figure or an explicit assumption), with an interval by Monte Carlo.
 *
 * The estimate is an aggregate only. Persons are grouped into cells (gravity × prior-convictions
 * step × age step); a cell's rate is base × multipliers, capped. Each Monte Carlo run draws one
 * factor for the error of the base rates (triangular on [1 − r, 1 + r]) and then, per cell, the
 * number who reoffend within a year (binomial) and, of the others, within three years (binomial
 * with the conditional rate), so that the 3-year count is never below the 1-year count.
 *
 * Non-null assertions (`!`) left here are reads of the registry's columns and of the cell tables
 * (typed arrays) at a person index below the registry's size or a cell index below the number of
 * cells, in the loops over every person and every simulated run.
 */
import { entryAt } from '../domain/lookup.ts';
import { GRAVITIES } from '../domain/enums.ts';
import { ymdOfDay } from '../domain/dates.ts';
import { RISK_TEXTS as K } from '../i18n/impact/risk.ts';
import type { Registry } from '../registry/registry.ts';
import { Random } from '../registry/synthetic/random.ts';
import type { ImpactConfig, ReoffendingRates } from './config.ts';
import { heading, n, paragraphs, pct, sectionDoubts, t, type Ctx } from './render-kit.ts';
import type { ActImpact, RiskSection } from './report.ts';
import { KIND, type ActRun } from './run.ts';

function step(steps: { at_least: number; value: number }[], x: number): number {
  let k = 0;
  steps.forEach((s, j) => {
    if (x >= s.at_least) k = j;
  });
  return k;
}

/** A binomial draw: inversion for small means, the normal approximation for large ones. */
export function binomial(rng: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const mean = n * p;
  if (mean < 30) {
    // Inversion (BINV): walk up the cumulative distribution from P(0) = (1 − p)^n.
    const q = 1 - p;
    const s = p / q;
    const a = (n + 1) * s;
    let r = Math.pow(q, n);
    let u = rng.float();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) return n;
      r *= a / x - s;
    }
    return x;
  }
  // Box–Muller; with n·p ≥ 30 and p ≤ 1/2 the normal approximation is close.
  const z = Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());
  const x = Math.round(mean + z * Math.sqrt(mean * (1 - p)));
  return x < 0 ? 0 : x > n ? n : x;
}

/** A draw from the triangular distribution on [lo, hi] with its mode at `mode`. */
function triangular(rng: Random, lo: number, mode: number, hi: number): number {
  const u = rng.float();
  const f = (mode - lo) / (hi - lo || 1);
  return u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
}

export interface RiskCells {
  /** Persons per cell: gravity × priors step × age step. */
  counts: Float64Array;
  p1: Float64Array;
  p3: Float64Array;
  released: number;
  unknownAge: number;
  unknownPriors: number;
  unknownGravity: number;
}

export function riskCells(run: ActRun, registry: Registry, rates: ReoffendingRates): RiskCells {
  const c = registry.columns;
  const priors = rates.multipliers.prior_convictions;
  const ages = rates.multipliers.age;
  // One extra step each for "unknown" (multiplier 1).
  const np = priors.length + 1;
  const na = ages.length + 1;
  const cells = GRAVITIES.length * np * na;
  const counts = new Float64Array(cells);
  const asOfYmd = ymdOfDay(run.day);
  let released = 0;
  let unknownAge = 0;
  let unknownPriors = 0;
  let unknownGravity = 0;
  for (let i = 0; i < run.kind.length; i++) {
    if (run.kind[i] !== KIND.release) continue;
    released++;
    const g = c.gravity[i]!;
    if (g < 0) {
      unknownGravity++;
      continue;
    }
    const pc = c.priorConvictions[i]!;
    const pk = pc < 0 ? priors.length : step(priors, pc);
    if (pc < 0) unknownPriors++;
    const b = c.birthYmd[i]!;
    const known = b > 0;
    const ak = known ? step(ages, Math.floor((asOfYmd - b) / 10000)) : ages.length;
    if (!known) unknownAge++;
    counts[(g * np + pk) * na + ak]!++;
  }
  const p1 = new Float64Array(cells);
  const p3 = new Float64Array(cells);
  GRAVITIES.forEach((g, gi) => {
    for (let pk = 0; pk < np; pk++)
      for (let ak = 0; ak < na; ak++) {
        const m = (priors[pk]?.value ?? 1) * (ages[ak]?.value ?? 1);
        const at = (gi * np + pk) * na + ak;
        p1[at] = Math.min(rates.max_rate, rates.base_rates[g].within_1y * m);
        p3[at] = Math.max(p1[at]!, Math.min(rates.max_rate, rates.base_rates[g].within_3y * m));
      }
  });
  return { counts, p1, p3, released, unknownAge, unknownPriors, unknownGravity };
}

/** Totals of `runs` simulations, 1-year and 3-year counts. */
export function simulate(cells: RiskCells, rates: ReoffendingRates, runs: number, seed: number): { y1: Float64Array; y3: Float64Array } {
  const rng = new Random(seed);
  const r = rates.uncertainty.relative;
  const y1 = new Float64Array(runs);
  const y3 = new Float64Array(runs);
  const live: number[] = [];
  for (let k = 0; k < cells.counts.length; k++) if (cells.counts[k]! > 0) live.push(k);
  for (let s = 0; s < runs; s++) {
    const f = r > 0 ? triangular(rng, 1 - r, 1, 1 + r) : 1;
    let t1 = 0;
    let t3 = 0;
    for (const k of live) {
      const n = cells.counts[k]!;
      const a = Math.min(rates.max_rate, cells.p1[k]! * f);
      const b = Math.max(a, Math.min(rates.max_rate, cells.p3[k]! * f));
      const k1 = binomial(rng, n, a);
      const k3 = k1 + (a < 1 ? binomial(rng, n - k1, (b - a) / (1 - a)) : 0);
      t1 += k1;
      t3 += k3;
    }
    y1[s] = t1;
    y3[s] = t3;
  }
  return { y1, y3 };
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return entryAt(sorted, pos, 'sorted draws');
}

export function risk(run: ActRun, registry: Registry, config: ImpactConfig, opts: { runs?: number; seed?: number } = {}): RiskSection {
  const rates = config.risk.rates;
  const runs = opts.runs ?? config.risk.runs;
  const seed = opts.seed ?? config.risk.seed;
  const cells = riskCells(run, registry, rates);
  const { y1, y3 } = simulate(cells, rates, runs, seed);
  const tail = (1 - config.risk.interval) / 2;
  const horizon = (years: number, p: Float64Array, sims: Float64Array) => {
    let expected = 0;
    for (let k = 0; k < cells.counts.length; k++) expected += cells.counts[k]! * p[k]!;
    const sorted = Float64Array.from(sims).sort();
    const counted = cells.released - cells.unknownGravity;
    return { years, expected: Math.round(expected * 10) / 10, low: quantile(sorted, tail), high: quantile(sorted, 1 - tail), rate: counted > 0 ? Math.round((expected / counted) * 10000) / 10000 : null };
  };
  return {
    released: cells.released,
    interval: config.risk.interval,
    runs,
    seed,
    horizons: [horizon(1, cells.p1, y1), horizon(3, cells.p3, y3)],
    unknown_age: cells.unknownAge,
    unknown_priors: cells.unknownPriors,
    unknown_gravity: cells.unknownGravity,
    source: rates.source,
    assumption: rates.assumption,
    note: K.note,
  };
}

/** The section as text or Markdown: expected convictions within each horizon, with their interval. */
export function renderRisk(a: ActImpact, ctx: Ctx): string[] {
  const out: string[] = [];
  const push = paragraphs(out);
  const r = a.risk;
  push(heading(t(K.risk, ctx), 3, ctx));
  push(sectionDoubts(a.unverified.risk, ctx));
  for (const h of r.horizons)
    out.push(t(K.riskLine, ctx, { released: n(r.released, ctx), years: h.years, expected: n(h.expected, ctx, 1), share: pct(h.rate, ctx), interval: Math.round(r.interval * 100), low: n(h.low, ctx), high: n(h.high, ctx), runs: n(r.runs, ctx) }));
  push('', r.note[ctx.lang]);
  return out;
}
