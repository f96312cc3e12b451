/** `amnestia impact`: what acts do to a registry — coverage, money, equality, victims, risk, projection, comparison. */
import { entryAt } from '../domain/lookup.ts';
import { argumentError } from './arguments.ts';
import { msg } from '../i18n/message.ts';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../domain/errors.ts';
import { isoDay } from '../domain/dates.ts';
import { render, type Lang } from '../i18n/text.ts';
import { loadLaw, type Law } from '../law/law.ts';
import { DEFAULT_PATHS } from '../paths.ts';
import { loadAct } from '../engine/act/plan.ts';
import { resolveActPath } from '../engine/act/act-tests.ts';
import { loadFacilities } from '../registry/facilities.ts';
import type { Registry } from '../registry/registry.ts';
import { loadImpactConfig } from '../impact/config.ts';
import { allChanges } from '../impact/compare.ts';
import type { ImpactOptions } from '../impact/impact.ts';
import { impactReport } from '../app/evaluations.ts';
import { renderComparison, renderImpact } from '../impact/render.ts';
import type { ImpactReport } from '../impact/report.ts';
import { openRegistry } from './registry-source.ts';
import { AtomicFile } from '../output/atomic.ts';
import { spreadsheetCell } from '../output/spreadsheet.ts';
import { CLI_IMPACT_TEXTS as T } from '../i18n/cli.ts';

/** The three shipped acts, compared by `npm start`. */
export const SHIPPED_ACTS = ['kz-2025-women-proposal', 'kz-2025-sex-neutral', 'kz-2025-constitution-30'] as const;

/** Parses `institution=440,probation=1200`. */
export function admissionsArg(v: string): { institution: number; probation: number } {
  const out: Record<string, number> = {};
  for (const part of v.split(',')) {
    const m = /^\s*(institution|probation)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    const kind = m?.[1];
    if (kind === undefined) throw argumentError(msg('cli.expected_admissions', { part }));
    out[kind] = Number(m?.[2]);
  }
  if (out['institution'] === undefined || out['probation'] === undefined) throw argumentError(msg('cli.admissions_both'));
  return { institution: out['institution'], probation: out['probation'] };
}

export function shareArg(v: string): number {
  const x = Number(v);
  if (!/^\d*\.?\d+$/.test(v) || !(x >= 0 && x <= 1)) throw argumentError(msg('cli.expected_share'));
  return x;
}

export interface ImpactCommandOptions {
  act: string;
  compare: string[];
  registry?: string;
  lang: Lang;
  format: 'text' | 'json' | 'md';
  grantRate?: number;
  admissions?: { institution: number; probation: number };
  horizon?: number;
  runs?: number;
  seed?: number;
  changes: number;
  changesCsv?: string;
  facilities?: string;
  config?: string;
  sheet?: string;
  /** ISO date: every act evaluated as if it entered into force on it. */
  asOf?: string;
  /** The registry is the synthetic population (its figures then rest on it as an unverified input). */
  registrySynthetic?: boolean;
}

export function impactOf(law: Law, registry: Registry, source: string, acts: string[], opts: Omit<ImpactCommandOptions, 'act' | 'compare' | 'registry' | 'lang' | 'format'>) {
  const plans = acts.map((a) => loadAct(resolveActPath(a, DEFAULT_PATHS.acts), law).plan);
  const config = loadImpactConfig(opts.config ?? DEFAULT_PATHS.impact, law);
  const facilities = loadFacilities(opts.facilities ?? DEFAULT_PATHS.facilities);
  const options: ImpactOptions = { changesLimit: opts.changes };
  if (opts.asOf !== undefined) options.asOfDay = isoDay(opts.asOf);
  if (opts.grantRate !== undefined) options.grantRate = opts.grantRate;
  if (opts.admissions !== undefined) options.admissions = opts.admissions;
  if (opts.horizon !== undefined) options.horizonMonths = opts.horizon;
  if (opts.runs !== undefined) options.riskRuns = opts.runs;
  if (opts.seed !== undefined) options.riskSeed = opts.seed;
  return impactReport({ plans, registry, registrySource: source, law, facilities, config, options, registrySynthetic: opts.registrySynthetic ?? false });
}

export async function impactCommand(opts: ImpactCommandOptions, progress: (line: string) => void): Promise<void> {
  const law = loadLaw();
  const acts = [opts.act, ...opts.compare];
  if (opts.changesCsv && acts.length < 2) throw new UserError(render(T.changesNeedTwo, opts.lang));
  const inputs = [opts.registry, opts.facilities, opts.config, ...acts.map((a) => resolveActPath(a, DEFAULT_PATHS.acts))];
  // Refused before the work when the output names an input; written whole or not at all.
  const out = opts.changesCsv ? AtomicFile.open(opts.changesCsv, inputs) : null;
  let k = 0;
  try {
    const { registry, source } = await openRegistry(law, opts.registry, opts.lang, progress, opts.sheet);
    const { report, runs } = impactOf(law, registry, source, acts, { ...opts, registrySynthetic: opts.registry === undefined });
    if (out) {
      out.write(stringify([['person_id', 'act_from', 'status_from', 'measure_from', 'clause_from', 'excluded_by_from', 'days_from', 'act_to', 'status_to', 'measure_to', 'clause_to', 'excluded_by_to', 'days_to']]));
      const base = entryAt(runs, 0, 'evaluations of the acts');
      for (const b of runs.slice(1))
        for (const c of allChanges(base, b, registry)) {
          k++;
          out.write(
            stringify([
              [c.person_id, base.plan.id, c.from.status, c.from.measure, c.from.clause, c.from.excluded_by, c.from.days_remitted, b.plan.id, c.to.status, c.to.measure, c.to.clause, c.to.excluded_by, c.to.days_remitted].map((v) =>
                spreadsheetCell(v),
              ),
            ]),
          );
        }
      out.commit();
    }
    writeReport(report, opts.lang, opts.format);
  } catch (e) {
    out?.abort();
    throw e;
  }
  if (opts.changesCsv) {
    process.stderr.write(`${render(T.changesWritten, opts.lang, { n: k, file: opts.changesCsv })}\n`);
  }
}

function writeReport(report: ImpactReport, lang: Lang, format: 'text' | 'json' | 'md'): void {
  // The report was checked against its contract (docs/impact.md) when it was made (impactReport).
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${renderImpact(report, lang, format)}\n`);
}

/** For `npm start`: the three shipped acts compared on a registry already open. */
export function comparisonOfShippedActs(law: Law, registry: Registry, source: string, lang: Lang): string {
  const { report } = impactOf(law, registry, source, [...SHIPPED_ACTS], { changes: 5 });
  return `${renderComparison(report, { lang, format: 'text' }, 5)}\n${render(T.details, lang)}\n`;
}
