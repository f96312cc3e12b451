/**
 * The command line's help in the language of --lang: the descriptions of commands, arguments and
 * options come from src/i18n/cli-help.ts (the code that defines a command gives none), and
 * commander's (14.0.3) own words — the headings, "[options]", "default", "choices", the help option
 * and command — are replaced through its help hooks. Its refusals are said again in
 * src/cli/arguments.ts.
 */
import { relative, sep } from 'node:path';
import type { Argument, Command, HelpConfiguration, Option } from 'commander';
import { PROJECT_ROOT } from '../paths.ts';
import { msg, renderMessage } from '../i18n/message.ts';
import { CLI_HELP, CLI_HELP_WORDS as W, type CliCommandPath } from '../i18n/cli-help.ts';
import { isLang, render, type Lang, type Text } from '../i18n/text.ts';

/** A command's place in the catalogue: its name and its parents' below the program (`db load`), or the program's own name. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length === 0 ? cmd.name() : names.join(' ');
}

function isCommandPath(path: string): path is CliCommandPath {
  return Object.hasOwn(CLI_HELP, path);
}

/** The catalogue's entry of a command; a command defined in code without one is a defect. */
function entryOf(cmd: Command): (typeof CLI_HELP)[CliCommandPath] {
  const path = commandPath(cmd);
  if (!isCommandPath(path)) throw new Error(`src/i18n/cli-help.ts has no entry for the command "${path}"`);
  return CLI_HELP[path];
}

/** An option's key in its command's entry: its long name without the dashes (`as-of`, `no-sample`). */
export function optionKey(option: Option): string {
  return (option.long ?? option.name()).replace(/^--/, '');
}

function textOf(texts: Readonly<Record<string, Text>> | undefined, key: string, what: string): Text {
  const text = texts && Object.hasOwn(texts, key) ? texts[key] : undefined;
  if (!text) throw new Error(`src/i18n/cli-help.ts has no text for ${what}`);
  return text;
}

/**
 * Sets the description of the command, its arguments and options, and of every command under it,
 * from the catalogue, in `lang`.
 */
export function describeCommands(cmd: Command, lang: Lang): void {
  const entry = entryOf(cmd);
  const path = commandPath(cmd);
  cmd.description(entry.description[lang]);
  const args: Readonly<Record<string, Text>> | undefined = 'arguments' in entry ? entry.arguments : undefined;
  const options: Readonly<Record<string, Text>> | undefined = 'options' in entry ? entry.options : undefined;
  for (const a of cmd.registeredArguments) a.description = textOf(args, a.name(), `the argument ${a.name()} of "${path}"`)[lang];
  for (const o of cmd.options) o.description = textOf(options, optionKey(o), `the option ${o.flags} of "${path}"`)[lang];
  for (const sub of cmd.commands) describeCommands(sub, lang);
}

/** The words in parentheses after a description: the choices and the default, in `lang`. */
function extras(lang: Lang, item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string }, showDefault: boolean, more: string[] = []): string[] {
  const out: string[] = [];
  if (item.argChoices) out.push(render(W.choices, lang, { values: item.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
  const value: unknown = item.defaultValue;
  // A flag's `false` and an empty list say nothing to a reader: left out.
  const silent = value === undefined || typeof value === 'boolean' || (Array.isArray(value) && value.length === 0);
  // A file of the checkout is named from the project's folder, as docs/cli.md names it.
  const shown = typeof value === 'string' && value.startsWith(`${PROJECT_ROOT}${sep}`) ? relative(PROJECT_ROOT, value) : value;
  if (showDefault && !silent) out.push(render(W.default, lang, { value: item.defaultValueDescription || JSON.stringify(shown) }));
  return [...out, ...more];
}

function withExtras(description: string, parts: string[]): string {
  if (parts.length === 0) return description;
  const inParens = `(${parts.join('; ')})`;
  return description ? `${description} ${inParens}` : inParens;
}

/** The help's words in `lang`: a configuration for commander's `configureHelp`. */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const titles = new Map<string, string>([
    ['Usage:', W.usage[lang]],
    ['Arguments:', W.arguments[lang]],
    ['Options:', W.options[lang]],
    ['Global Options:', W.globalOptions[lang]],
    ['Commands:', W.commands[lang]],
  ]);
  const terms = (s: string) => s.replace(/\[options\]/g, W.optionsTerm[lang]).replace(/\[command\]/g, W.commandTerm[lang]);
  return {
    styleTitle: (title: string) => titles.get(title) ?? title,
    styleUsage: terms,
    styleSubcommandTerm: terms,
    optionDescription: (option: Option) => {
      const more: string[] = [];
      if (option.presetArg !== undefined && option.optional) more.push(render(W.preset, lang, { value: JSON.stringify(option.presetArg) }));
      if (option.envVar !== undefined) more.push(render(W.env, lang, { name: option.envVar }));
      return withExtras(option.description, extras(lang, option, option.required || option.optional, more));
    },
    argumentDescription: (argument: Argument) => withExtras(argument.description, extras(lang, argument, true)),
  };
}

/**
 * The program's help in `lang`: the help option and command described, the help's words replaced.
 * Called on the program before its commands are added (they inherit these settings when created).
 */
export function localizeHelp(program: Command, lang: Lang): Command {
  return program.helpOption('-h, --help', W.help[lang]).helpCommand('help [command]', W.help[lang]).configureHelp(helpConfiguration(lang));
}

/**
 * The command line to parse: a command group (the program itself, `db`, `users`, `audit`) given no
 * command and nothing but `--lang` shows its help in that language, as with `--help`. The groups
 * have no `--lang` option of their own (each command has its own), so the parser would otherwise
 * refuse it as unknown. A `--lang` that is not kk, ru or en is refused as the commands refuse it.
 */
export function groupHelpArgv(program: Command, argv: readonly string[], lang: Lang): string[] {
  const args = argv.slice(2);
  let cmd = program;
  let at = 0;
  for (let sub = findCommand(cmd, args[at]); sub; sub = findCommand(cmd, args[at])) {
    cmd = sub;
    at++;
  }
  const rest = args.slice(at);
  if (cmd.commands.length === 0 || rest.length === 0) return [...argv];
  const values: string[] = [];
  for (let i = 0; i < rest.length; ) {
    const arg = rest[i];
    if (arg === '--lang' && i + 1 === rest.length) cmd.error(renderMessage(msg('cli.option_missing_value', { option: '--lang <lang>' }), lang), { code: 'commander.optionMissingArgument' });
    const value = arg?.startsWith('--lang=') ? arg.slice('--lang='.length) : arg === '--lang' ? rest[i + 1] : undefined;
    if (value === undefined) return [...argv];
    values.push(value);
    i += arg === '--lang' ? 2 : 1;
  }
  const wrong = values.find((v) => !isLang(v));
  if (wrong !== undefined) {
    const refusal = msg('cli.invalid_option_value', { option: '--lang <lang>', value: wrong, reason: msg('cli.expected_lang') });
    cmd.error(renderMessage(refusal, lang), { code: 'commander.invalidArgument' });
  }
  return [...argv, '--help'];
}

function findCommand(cmd: Command, name: string | undefined): Command | undefined {
  return name === undefined ? undefined : cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
}
