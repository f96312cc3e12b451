/** The command line's refusals in the language of --lang (src/cli/arguments.ts). */
import { CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commanderMessage } from './arguments.ts';
import { langOf } from './failure.ts';
import { buildProgram } from './main.ts';

async function refusal(args: string[]): Promise<string> {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const argv = ['node', 'amnestia', ...args];
  await expect(buildProgram(langOf(argv)).parseAsync(argv)).rejects.toThrow(CommanderError);
  return text.split('\n')[0]!;
}

afterEach(() => vi.restoreAllMocks());

describe('refusals of the command line', () => {
  it('a wrong option value, in kk, ru and en, with the option and the value', async () => {
    expect(await refusal(['validate', 'x', '--as-of', '2025-02-30', '--lang', 'kk'])).toBe('--as-of <date> опциясының «2025-02-30» мәні жарамсыз: ЖЖЖЖ-АА-КК түріндегі күн күтіледі');
    expect(await refusal(['validate', 'x', '--as-of', '2025-02-30', '--lang', 'ru'])).toBe('недопустимое значение «2025-02-30» опции --as-of <date>: ожидается дата ГГГГ-ММ-ДД');
    expect(await refusal(['validate', 'x', '--as-of', '2025-02-30', '--lang', 'en'])).toBe("option --as-of <date>: the value '2025-02-30' is invalid: expected a date YYYY-MM-DD");
  });

  it('a value outside its choices, an unknown option, a missing argument', async () => {
    expect(await refusal(['impact', '--format', 'pdf', '--lang', 'ru'])).toBe('недопустимое значение «pdf» опции --format <format>: допустимые значения: text, json, md');
    expect(await refusal(['validate', 'x', '--bogus', '--lang', 'kk'])).toBe('белгісіз опция --bogus');
    expect(await refusal(['validate', '--lang', 'en'])).toBe('missing required argument act');
    expect(await refusal(['valiate', '--lang', 'ru'])).toBe('неизвестная команда valiate (может быть, validate?)');
  });

  it('a form of commander’s not known is left as it is', () => {
    expect(commanderMessage('error: something new')).toBeNull();
  });
});
