/**
 * The `amnestia` command line. See docs/cli.md.
 */
import { CLI_EVALUATE_TEXTS } from '../i18n/cli.ts';
import { backtestJson, computeBacktest, loadResults, renderBacktest } from '../reports/backtest.ts';
import { Command, Option } from 'commander';
import { isoDay, parseIsoDate } from '../domain/dates.ts';
import { isLang, render, type Lang } from '../i18n/text.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { loadLaw } from '../law/law.ts';
import { DEFAULT_PATHS, DEFAULT_SEED } from '../paths.ts';
import { loadFacilities } from '../registry/facilities.ts';
import { writeRegistryCsv } from '../registry/export.ts';
import { RegistryBuilder } from '../registry/registry.ts';
import { saveSnapshot } from '../registry/snapshot.ts';
import { generatePersons } from '../registry/synthetic/generate.ts';
import { loadProfile, scaleProfile } from '../registry/synthetic/profile.ts';
import { letterJson, loadLetterDefinition, renderLetterMarkdown, renderLetterText } from '../reports/letter.ts';
import { letterReport as computeLetterReport } from '../app/letter.ts';
import { openRegistry } from './registry-source.ts';
import { registerServerCommands } from './server.ts';
import { loadAct } from '../engine/act/plan.ts';
import { resolveActPath } from '../engine/act/act-tests.ts';
import { UserError } from '../domain/errors.ts';
import { runCheck } from './check.ts';
import { installProcessGuards, langOf, reportFailure } from './failure.ts';
import { argumentError, localizeCommanderError } from './arguments.ts';
import { msg } from '../i18n/message.ts';
import { evaluateCommand, explainCommand, testCommand, validateCommand } from './acts.ts';
import { dbLoadCommand, evaluateSqlCommand } from './sql.ts';
import { addDocumentsCommand } from './documents.ts';
import { admissionsArg, impactCommand, shareArg, type ImpactCommandOptions } from './impact.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';

const langOption = () =>
  new Option('--lang <lang>', 'language of the output: kk, ru or en').default('ru').argParser((v) => {
    if (!isLang(v)) throw argumentError(msg('cli.expected_lang'));
    return v;
  });
const dateArg = (v: string) => {
  if (parseIsoDate(v) === null) throw argumentError(msg('cli.expected_date'));
  return v;
};
const intArg = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > 2_147_483_647) throw argumentError(msg('cli.expected_whole_number', { max: 2_147_483_647 }));
  return Number(v);
};

function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
}

async function letterCommand(opts: { registry?: string; lang: Lang; format: string; asOf?: string; figures?: string; sheet?: string }): Promise<void> {
  const law = loadLaw();
  const def = loadLetterDefinition(opts.figures ?? DEFAULT_PATHS.letterFigures, law);
  const { registry, source } = await openRegistry(law, opts.registry, opts.lang, progress, opts.sheet);
  printLetter(def, law, registry, source, { ...opts, synthetic: opts.registry === undefined });
}

function printLetter(def: ReturnType<typeof loadLetterDefinition>, law: Law, registry: Registry, source: string, opts: { lang: Lang; format: string; asOf?: string; synthetic?: boolean }): void {
  const report = computeLetterReport(def, law, registry, source, opts.asOf ? isoDay(opts.asOf) : undefined, opts.synthetic ?? false);
  if (opts.format === 'json') process.stdout.write(`${JSON.stringify(letterJson(report, opts.lang), null, 2)}\n`);
  else if (opts.format === 'md') process.stdout.write(`${renderLetterMarkdown(report, opts.lang)}\n`);
  else process.stdout.write(`${renderLetterText(report, opts.lang)}\n`);
}

/** `amnestia letter`: the letter's figures recomputed. */
function addLetterCommand(program: Command): void {
  program
    .command('letter')
    .description("the ministry letter's figures F1–F18 recomputed from records, with an audit of the letter")
    .option('--registry <file>', 'registry file (CSV or XLSX); default: the synthetic national registry')
    .addOption(langOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .option('--as-of <date>', "evaluation date (default: the letter's date)", dateArg)
    .option('--figures <file>', 'figures definition file', undefined)
    .option('--sheet <name>', 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)')
    .action(letterCommand);
}

/** `amnestia backtest`: an act beside the results reported after it. */
function addBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .description("an act's outcome on a registry beside what was reported after it was applied, by custody and by measure, each gap over the tolerance with its account")
    .option('--results <file>', 'reported results file', DEFAULT_PATHS.results)
    .option('--registry <file>', 'registry file (CSV or XLSX); default: the synthetic national registry')
    .addOption(langOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { results: string; registry?: string; lang: Lang; format: 'text' | 'json' }) => {
      const law = loadLaw();
      const results = loadResults(opts.results);
      const { plan } = loadAct(resolveActPath(results.act, DEFAULT_PATHS.acts), law);
      const { registry, source } = await openRegistry(law, opts.registry, opts.lang, progress);
      const report = computeBacktest(results, plan, law, registry, source, opts.registry === undefined);
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(backtestJson(report, opts.lang), null, 2)}\n` : `${renderBacktest(report, opts.lang)}\n`);
    });
}

/** `amnestia check`: a registry file's data quality. */
function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description('data-quality report of a registry file (or verification of a snapshot); exits 1 when any row is rejected, 3 when the file cannot be read')
    .argument('<file>', 'registry file (CSV, XLSX or .amnreg snapshot)')
    .addOption(langOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'problems listed in text output', intArg, 50)
    .option('--sheet <name>', 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)')
    .action(async (file: string, opts: { lang: Lang; format: 'text' | 'json'; limit: number; sheet?: string }) => {
      const ok = await runCheck(file, opts, progress);
      if (!ok) process.exitCode = 1;
    });
}

/** `amnestia generate`: a synthetic registry. */
function addGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic registry drawn from a profile of target figures')
    .option('--profile <file>', 'profile file', DEFAULT_PATHS.profile)
    .option('--seed <n>', 'random seed', intArg, DEFAULT_SEED)
    .option('--persons <n>', "number of persons (default: the profile's own size)", intArg)
    .requiredOption('--out <file>', 'file to write: CSV, or a binary snapshot when it ends in .amnreg')
    .addOption(langOption())
    .action(async (opts: { profile: string; seed: number; persons?: number; out: string; lang: Lang }) => {
      const law = loadLaw();
      let profile = loadProfile(opts.profile);
      if (opts.persons !== undefined) profile = scaleProfile(profile, opts.persons);
      const facilities = loadFacilities(profile.facilitiesPath);
      const t0 = performance.now();
      if (opts.out.endsWith('.amnreg')) {
        const b = new RegistryBuilder(law.criminalCode);
        let k = 0;
        for (const r of generatePersons(profile, law.criminalCode, facilities, { seed: opts.seed })) {
          b.push(r);
          if (++k % 100_000 === 0) progress(render(MESSAGES['progress.rows'], opts.lang, { rows: k }));
        }
        saveSnapshot(b.finish(), opts.out, [opts.profile]);
        if (process.stderr.isTTY) process.stderr.write('\n');
        process.stdout.write(`${render(MESSAGES['generate.done'], opts.lang, { persons: k, file: opts.out, ms: Math.round(performance.now() - t0), seed: String(opts.seed) })}\n`);
        return;
      }
      const n = await writeRegistryCsv(
        opts.out,
        law.criminalCode,
        generatePersons(profile, law.criminalCode, facilities, { seed: opts.seed }),
        (k) => progress(render(MESSAGES['progress.rows'], opts.lang, { rows: k })),
        [opts.profile, profile.facilitiesPath],
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(`${render(MESSAGES['generate.done'], opts.lang, { persons: n, file: opts.out, ms: Math.round(performance.now() - t0), seed: String(opts.seed) })}\n`);
    });
}

/** `amnestia validate`: an act checked. */
function addValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check an act: schema, conditions, parameters, unreachable or overlapping clauses')
    .argument('<act>', 'act folder, act.yaml, or act id under acts/')
    .addOption(langOption())
    .option('--no-sample', 'skip the checks on the default synthetic registry')
    .option('--as-of <date>', 'check the act on the default registry as if it entered into force on this day (default: the act’s own)', dateArg)
    .action((act: string, opts: { lang: Lang; sample: boolean; asOf?: string }) => {
      if (!validateCommand(act, opts)) process.exitCode = 2;
    });
}

/** `amnestia evaluate`: the outcomes of a registry under an act. */
function addEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('one outcome per person of a registry under an act')
    .requiredOption('--act <act>', 'act folder, act.yaml, or act id under acts/')
    .option('--registry <file>', 'registry file (CSV or XLSX); default: the synthetic national registry')
    .option('--as-of <date>', 'the day the act enters into force (default: the act’s own)', dateArg)
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'table']).default('jsonl'))
    .option('--out <file>', 'write to a file instead of standard output')
    .addOption(new Option('--engine <engine>', 'kernel (in memory) or sql (PostgreSQL with --database / DATABASE_URL, else DuckDB)').choices(['kernel', 'sql']).default('kernel'))
    .option('--database <url>', 'PostgreSQL holding the registry (see `amnestia db load`); default DATABASE_URL')
    .option('--sheet <name>', 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)')
    .addOption(langOption())
    .action(async (opts: { act: string; registry?: string; asOf?: string; format: 'jsonl' | 'csv' | 'table'; out?: string; engine: 'kernel' | 'sql'; database?: string; lang: Lang; sheet?: string }) => {
      if (opts.engine === 'sql') {
        if (opts.format !== 'jsonl' || opts.out) throw new UserError(render(CLI_EVALUATE_TEXTS.sqlJsonl, opts.lang));
        await evaluateSqlCommand(opts);
      } else await evaluateCommand(opts);
    });
}

/** `amnestia db`: the registry in PostgreSQL. */
function addDbCommand(program: Command): void {
  program
    .command('db')
    .description('the registry in PostgreSQL')
    .command('load')
    .description('store a registry (file or the default) in PostgreSQL, replacing the stored one')
    .option('--registry <file>', 'registry file (CSV or XLSX); default: the synthetic national registry')
    .option('--database <url>', 'PostgreSQL URL; default DATABASE_URL')
    .option('--sheet <name>', 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)')
    .addOption(langOption())
    .action(dbLoadCommand);
}

/** `amnestia explain`: a person's outcome explained. */
function addExplainCommand(program: Command): void {
  program
    .command('explain')
    .description('why a person gets the outcome: every exclusion and clause with the person’s facts')
    .requiredOption('--act <act>', 'act folder, act.yaml, or act id under acts/')
    .requiredOption('--person <id>', 'person_id')
    .option('--registry <file>', 'registry file (CSV or XLSX); default: the synthetic national registry')
    .option('--as-of <date>', 'the day the act enters into force (default: the act’s own)', dateArg)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--sheet <name>', 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)')
    .addOption(langOption())
    .action(explainCommand);
}

/** `amnestia impact`: what acts do. */
function addImpactCommand(program: Command): void {
  program
    .command('impact')
    .description('what acts do: coverage, occupancy, money by custody, equality, victims, repeat-offending risk, 24-month projection; with --compare, acts side by side')
    .option('--act <act>', 'act folder, act.yaml, or act id under acts/', 'kz-2025-women-proposal')
    .option('--compare <acts...>', 'more acts to compare with the first', [])
    .option('--registry <file>', 'registry file (CSV, XLSX or .amnreg); default: the synthetic national registry')
    .addOption(langOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'md']).default('text'))
    .option('--grant-rate <share>', 'share of the covered that courts grant (default: the parameter amnesty.grant_rate)', shareArg)
    .option('--admissions <counts>', 'admissions a month, institution=N,probation=M (default: the steady state)', admissionsArg)
    .option('--horizon <months>', 'months projected (default 24)', (v) => {
      const m = intArg(v);
      if (m < 1 || m > 120) throw argumentError(msg('cli.expected_range', { min: 1, max: 120 }));
      return m;
    })
    .option('--runs <n>', 'Monte Carlo runs of the risk estimate', (v) => {
      const m = intArg(v);
      if (m < 100 || m > 100_000) throw argumentError(msg('cli.expected_range', { min: 100, max: 100_000 }));
      return m;
    })
    .option('--seed <n>', 'seed of the risk estimate', intArg)
    .option('--changes <n>', 'persons listed per comparison (the count is always complete)', intArg, 100)
    .option('--changes-csv <file>', 'write every person whose outcome changes between the first act and the others')
    .option('--facilities <file>', 'facilities file (codes, names, capacities)')
    .option('--config <file>', 'impact configuration (social categories, victims condition, parameters)')
    .option('--sheet <name>', 'the worksheet of an XLSX registry (default: the first visible worksheet with rows)')
    .option('--as-of <date>', 'evaluate every act as if it entered into force on this day (default: each act’s own); the execution periods keep their length', dateArg)
    .action(async (opts: ImpactCommandOptions) => {
      await impactCommand(opts, progress);
    });
}

/** `amnestia test`: the tests beside acts. */
function addTestCommand(program: Command): void {
  program
    .command('test')
    .description('run the tests beside acts (all acts under acts/ by default); exits 1 on a failure')
    .argument('[acts...]', 'act folders or ids')
    .addOption(langOption())
    .option('--verbose', 'list passing cases too', false)
    .action((acts: string[], opts: { lang: Lang; verbose: boolean }) => {
      if (!testCommand(acts, opts)) process.exitCode = 1;
    });
}

/** The program; `lang` is the language its refusals are written in (the command line's --lang, read before parsing). */
export function buildProgram(lang: Lang = 'ru'): Command {
  const program = new Command('amnestia')
    .description('Model, evaluate and apply amnesty acts over a registry of convicts (kk / ru / en)')
    .configureOutput({ outputError: (text, write) => write(localizeCommanderError(text, lang)) })
    .showHelpAfterError()
    .exitOverride();

  registerServerCommands(program);

  addLetterCommand(program);
  addBacktestCommand(program);
  addCheckCommand(program);
  addGenerateCommand(program);
  addValidateCommand(program);
  addEvaluateCommand(program);
  addDbCommand(program);
  addExplainCommand(program);
  addImpactCommand(program);
  addDocumentsCommand(program);
  addTestCommand(program);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram(langOf(argv)).parseAsync(argv);
  } catch (e) {
    // Exit codes (docs/cli.md): 1 rows rejected, 2 bad options, 3 unreadable file, 4 unwritable output, 70 unexpected.
    process.exitCode = reportFailure(e, argv);
  }
}

// Run when executed directly (npm start / npm run amnestia).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  installProcessGuards(process.argv);
  await main(process.argv);
}

