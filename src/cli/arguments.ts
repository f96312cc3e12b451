/**
 * The command-line parser's refusals in the language of --lang: commander (14.0.3) writes them in
 * English in a few fixed forms, which are read here and said again with the messages of
 * src/i18n/errors/cli.ts; the checks of option values give messages of the catalogue
 * (`argumentError`), carried through commander's own error as their JSON.
 */
import { InvalidArgumentError } from 'commander';
import { isMessageKey, msg, renderMessage, type Message, type MessageParam } from '../i18n/message.ts';
import type { Lang } from '../i18n/text.ts';
import { present } from '../domain/lookup.ts';

/** A capture group of a match: every group of the patterns below takes part in every match. */
function group(m: RegExpExecArray, index: number): string {
  return present(m[index], `group ${index} of ${m.toString()} did not take part in the match`);
}

/** An option value refused with a message of the catalogue. */
export function argumentError(m: Message): InvalidArgumentError {
  return new InvalidArgumentError(JSON.stringify(m));
}

/** The reason commander appends after "… is invalid.": ours (a message as JSON), or its own list of choices. */
function reason(text: string): MessageParam {
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  if (choices) return msg('cli.choices', { choices: group(choices, 1) });
  try {
    const m = JSON.parse(text) as unknown;
    if (typeof m === 'object' && m !== null && 'key' in m && typeof m.key === 'string' && isMessageKey(m.key) && 'params' in m) return m as Message;
  } catch {
    // not one of ours: commander's or a library's own words
  }
  return text;
}

/** A suggestion commander appends: `\n(Did you mean --x?)` or `\n(Did you mean one of a, b?)`. */
function split(rest: string): { close: string | null } {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/s.exec(rest);
  return { close: m ? group(m, 1) : null };
}

/** One of commander's messages as a message of the catalogue, or null for a form not known. */
export function commanderMessage(text: string): Message | null {
  const t = text.replace(/^error: /, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^option '(.+?)' argument '(.*)' is invalid\. (.*)$/s.exec(t))) return msg('cli.invalid_option_value', { option: group(m, 1), value: group(m, 2), reason: reason(group(m, 3)) });
  if ((m = /^command-argument value '(.*)' is invalid for argument '(.+?)'\. (.*)$/s.exec(t))) return msg('cli.invalid_argument_value', { argument: group(m, 2), value: group(m, 1), reason: reason(group(m, 3)) });
  if ((m = /^missing required argument '(.+)'$/.exec(t))) return msg('cli.missing_argument', { argument: group(m, 1) });
  if ((m = /^option '(.+)' argument missing$/.exec(t))) return msg('cli.option_missing_value', { option: group(m, 1) });
  if ((m = /^required option '(.+)' not specified$/.exec(t))) return msg('cli.missing_option', { option: group(m, 1) });
  if ((m = /^unknown option '([^']+)'(.*)$/s.exec(t))) {
    const { close } = split(group(m, 2));
    return close ? msg('cli.unknown_option_close', { option: group(m, 1), close }) : msg('cli.unknown_option', { option: group(m, 1) });
  }
  if ((m = /^unknown command '([^']+)'(.*)$/s.exec(t))) {
    const { close } = split(group(m, 2));
    return close ? msg('cli.unknown_command_close', { command: group(m, 1), close }) : msg('cli.unknown_command', { command: group(m, 1) });
  }
  if ((m = /^too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(t))) return msg('cli.too_many_arguments', { expected: Number(m[1]), received: Number(m[2]) });
  if ((m = /^(.+) cannot be used with (.+)$/.exec(t))) return msg('cli.conflicting_options', { option: group(m, 1), other: group(m, 2) });
  return null;
}

/** commander's error output, said in `lang` (a form not known is left as commander wrote it). */
export function localizeCommanderError(text: string, lang: Lang): string {
  const m = commanderMessage(text);
  return m ? `${renderMessage(m, lang)}\n` : text;
}
