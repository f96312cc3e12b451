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
import { describeCommands, groupHelpArgv, localizeHelp } from './help.ts';
import { msg } from '../i18n/message.ts';
import { evaluateCommand, explainCommand, testCommand, validateCommand } from './acts.ts';
import { dbLoadCommand, evaluateSqlCommand } from './sql.ts';
import { addDocumentsCommand } from './documents.ts';
import { admissionsArg, impactCommand, shareArg, type ImpactCommandOptions } from './impact.ts';
import type { Law } from '../law/law.ts';
import type { Registry } from '../registry/registry.ts';

const langOption = () =>
  new Option('--lang <lang>').default('ru').argParser((v) => {
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
    .option('--registry <file>')
    .addOption(langOption())
    .addOption(new Option('--format <format>').choices(['text', 'json', 'md']).default('text'))
    .addOption(new Option('--as-of <date>').argParser(dateArg))
    .option('--figures <file>')
    .option('--sheet <name>')
    .action(letterCommand);
}

/** `amnestia backtest`: an act beside the results reported after it. */
function addBacktestCommand(program: Command): void {
  program
    .command('backtest')
    .addOption(new Option('--results <file>').default(DEFAULT_PATHS.results))
    .option('--registry <file>')
    .addOption(langOption())
    .addOption(new Option('--format <format>').choices(['text', 'json']).default('text'))
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
    .argument('<file>')
    .addOption(langOption())
    .addOption(new Option('--format <format>').choices(['text', 'json']).default('text'))
    .addOption(new Option('--limit <n>').argParser(intArg).default(50))
    .option('--sheet <name>')
    .action(async (file: string, opts: { lang: Lang; format: 'text' | 'json'; limit: number; sheet?: string }) => {
      const ok = await runCheck(file, opts, progress);
      if (!ok) process.exitCode = 1;
    });
}

/** `amnestia generate`: a synthetic registry. */
function addGenerateCommand(program: Command): void {
  program
    .command('generate')
    .addOption(new Option('--profile <file>').default(DEFAULT_PATHS.profile))
    .addOption(new Option('--seed <n>').argParser(intArg).default(DEFAULT_SEED))
    .addOption(new Option('--persons <n>').argParser(intArg))
    .requiredOption('--out <file>')
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
    .argument('<act>')
    .addOption(langOption())
    .option('--no-sample')
    .addOption(new Option('--as-of <date>').argParser(dateArg))
    .action((act: string, opts: { lang: Lang; sample: boolean; asOf?: string }) => {
      if (!validateCommand(act, opts)) process.exitCode = 2;
    });
}

/** `amnestia evaluate`: the outcomes of a registry under an act. */
function addEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .requiredOption('--act <act>')
    .option('--registry <file>')
    .addOption(new Option('--as-of <date>').argParser(dateArg))
    .addOption(new Option('--format <format>').choices(['jsonl', 'csv', 'table']).default('jsonl'))
    .option('--out <file>')
    .addOption(new Option('--engine <engine>').choices(['kernel', 'sql']).default('kernel'))
    .option('--database <url>')
    .option('--sheet <name>')
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
    .command('load')
    .option('--registry <file>')
    .option('--database <url>')
    .option('--sheet <name>')
    .addOption(langOption())
    .action(dbLoadCommand);
}

/** `amnestia explain`: a person's outcome explained. */
function addExplainCommand(program: Command): void {
  program
    .command('explain')
    .requiredOption('--act <act>')
    .requiredOption('--person <id>')
    .option('--registry <file>')
    .addOption(new Option('--as-of <date>').argParser(dateArg))
    .addOption(new Option('--format <format>').choices(['text', 'json']).default('text'))
    .option('--sheet <name>')
    .addOption(langOption())
    .action(explainCommand);
}

/** `amnestia impact`: what acts do. */
function addImpactCommand(program: Command): void {
  program
    .command('impact')
    .addOption(new Option('--act <act>').default('kz-2025-women-proposal'))
    .addOption(new Option('--compare <acts...>').default([]))
    .option('--registry <file>')
    .addOption(langOption())
    .addOption(new Option('--format <format>').choices(['text', 'json', 'md']).default('text'))
    .addOption(new Option('--grant-rate <share>').argParser(shareArg))
    .addOption(new Option('--admissions <counts>').argParser(admissionsArg))
    .addOption(
      new Option('--horizon <months>').argParser((v) => {
        const m = intArg(v);
        if (m < 1 || m > 120) throw argumentError(msg('cli.expected_range', { min: 1, max: 120 }));
        return m;
      }),
    )
    .addOption(
      new Option('--runs <n>').argParser((v) => {
        const m = intArg(v);
        if (m < 100 || m > 100_000) throw argumentError(msg('cli.expected_range', { min: 100, max: 100_000 }));
        return m;
      }),
    )
    .addOption(new Option('--seed <n>').argParser(intArg))
    .addOption(new Option('--changes <n>').argParser(intArg).default(100))
    .option('--changes-csv <file>')
    .option('--facilities <file>')
    .option('--config <file>')
    .option('--sheet <name>')
    .addOption(new Option('--as-of <date>').argParser(dateArg))
    .action(async (opts: ImpactCommandOptions) => {
      await impactCommand(opts, progress);
    });
}

/** `amnestia test`: the tests beside acts. */
function addTestCommand(program: Command): void {
  program
    .command('test')
    .argument('[acts...]')
    .addOption(langOption())
    .addOption(new Option('--verbose').default(false))
    .action((acts: string[], opts: { lang: Lang; verbose: boolean }) => {
      if (!testCommand(acts, opts)) process.exitCode = 1;
    });
}

/**
 * The program; `lang` is the language of its help and its refusals (the command line's --lang, read
 * before parsing). The descriptions of its commands and options are those of src/i18n/cli-help.ts.
 */
export function buildProgram(lang: Lang = 'ru'): Command {
  const program = localizeHelp(new Command('amnestia'), lang)
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

  describeCommands(program, lang);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    const lang = langOf(argv);
    const program = buildProgram(lang);
    await program.parseAsync(groupHelpArgv(program, argv, lang));
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

