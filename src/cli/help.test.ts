/** The command line's help in kk, ru and en (src/cli/help.ts, src/i18n/cli-help.ts). */
import { CommanderError, type Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLI_HELP } from '../i18n/cli-help.ts';
import { LANGS, type Lang } from '../i18n/text.ts';
import { langOf } from './failure.ts';
import { commandPath, groupHelpArgv, optionKey } from './help.ts';
import { buildProgram } from './main.ts';

/** The program and every command under it. */
function commands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(commands)];
}

const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

/**
 * Latin words a Kazakh or Russian help may hold: names typed as they are (commands, arguments,
 * choices), names of formats, programs and settings, and the keys of values (institution=N).
 */
function allowedLatin(program: Command): Set<string> {
  const names = commands(program).flatMap((c) => [c.name(), ...c.registeredArguments.flatMap((a) => [a.name(), ...(a.argChoices ?? [])]), ...c.options.flatMap((o) => o.argChoices ?? [])]);
  const fixed = ['kk', 'ru', 'en', 'help', 'amnreg', 'act', 'yaml', 'acts', 'person_id', 'amnesty', 'grant_rate', 'institution', 'probation', 'projection', 'horizon_months', 'npm', 'cookie', 'Secure', 'Word', 'PostgreSQL', 'DuckDB', 'PGlite', 'F'];
  return new Set([...names, ...fixed].flatMap((n) => n.split(/[^A-Za-z_]+/)));
}

/** The Latin words of a help that are not option names, placeholders, quoted values or allowed names. */
function strayLatin(help: string, allowed: Set<string>): string[] {
  const bare = help
    .replace(/(^|[\s(])--?[a-z][a-z-]*/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]|"[^"]*"|`[^`]*`|\\n/g, ' ');
  return (bare.match(/[A-Za-z_]+/g) ?? []).filter((w) => !allowed.has(w) && !/^[A-Z_]+$/.test(w));
}

describe('the help of the command line', () => {
  for (const lang of LANGS) {
    it(`${lang}: the program and every command have a description, and every argument and option`, () => {
      const program = buildProgram(lang);
      const all = commands(program);
      expect(all.length).toBeGreaterThan(15);
      for (const c of all) {
        expect(c.description().trim(), commandPath(c)).not.toBe('');
        for (const a of c.registeredArguments) expect(a.description.trim(), `${commandPath(c)} ${a.name()}`).not.toBe('');
        for (const o of c.options) expect(o.description.trim(), `${commandPath(c)} ${o.flags}`).not.toBe('');
        expect(c.helpInformation()).toContain(lang === 'en' ? 'display help for command' : lang === 'ru' ? 'показать справку по команде' : 'команданың анықтамасын көрсету');
      }
    });
  }

  it('the catalogue has an entry for every command and no entry that no command uses', () => {
    const program = buildProgram('en');
    const used = commands(program).map((c) => ({ path: commandPath(c), options: c.options.map(optionKey).sort(), args: c.registeredArguments.map((a) => a.name()).sort() }));
    expect(used.map((u) => u.path).sort()).toEqual(Object.keys(CLI_HELP).sort());
    for (const u of used) {
      const entry = CLI_HELP[u.path as keyof typeof CLI_HELP];
      expect(Object.keys('options' in entry ? entry.options : {}).sort(), u.path).toEqual(u.options);
      expect(Object.keys('arguments' in entry ? entry.arguments : {}).sort(), u.path).toEqual(u.args);
    }
  });

  it('kk and ru: no English words but the names typed as they are; ru has no Kazakh letters; en has no Cyrillic', () => {
    for (const lang of LANGS) {
      const program = buildProgram(lang);
      const allowed = allowedLatin(program);
      expect(strayLatin('Опции:\n  --out <file>  the output to write (default: "x.csv")', allowed)).toEqual(['the', 'output', 'to', 'write', 'default']);
      for (const c of commands(program)) {
        const help = c.helpInformation();
        const where = `${lang} ${commandPath(c)}`;
        if (lang === 'en') expect(help.replace(/"[^"]*"/g, ''), where).not.toMatch(/[\u0400-\u04ff]/);
        else expect(strayLatin(help, allowed), where).toEqual([]);
        if (lang === 'ru') expect(help, where).not.toMatch(KAZAKH_LETTERS);
        if (lang === 'kk') expect(help, where).toMatch(KAZAKH_LETTERS);
      }
    }
  });

  it('kk and ru texts differ wherever they hold words', () => {
    const faults: string[] = [];
    for (const [path, entry] of Object.entries(CLI_HELP)) {
      const texts = [['description', entry.description], ...Object.entries('options' in entry ? entry.options : {}), ...Object.entries('arguments' in entry ? entry.arguments : {})] as const;
      for (const [key, text] of texts) if (text.kk === text.ru) faults.push(`${path} ${key}`);
    }
    expect(faults).toEqual([]);
  });

  it('the headings, the usage and the default and choices words are in the language', () => {
    const help = (lang: Lang) => buildProgram(lang).commands.find((c) => c.name() === 'check')!.helpInformation().replace(/ *\n +/g, ' ');
    expect(help('ru')).toMatch(/^Использование: amnestia check \[опции\] <file>\n/);
    expect(help('ru')).toContain('Аргументы:');
    expect(help('ru')).toContain('(допустимые значения: "text", "json"; по умолчанию: "text")');
    expect(help('kk')).toMatch(/^Қолданылуы: amnestia check \[опциялар\] <file>\n/);
    expect(help('kk')).toContain('Опциялар:');
    expect(help('kk')).toContain('(мүмкін мәндер: "text", "json"; әдепкісі: "text")');
    expect(help('en')).toMatch(/^Usage: amnestia check \[options\] <file>\n/);
    expect(help('en')).toContain('(choices: "text", "json"; default: "text")');
  });
});

describe('the help and refusals as printed', () => {
  afterEach(() => vi.restoreAllMocks());

  async function run(args: string[]): Promise<{ out: string; err: string; code: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    const argv = ['node', 'amnestia', ...args];
    try {
      const lang = langOf(argv);
      const program = buildProgram(lang);
      await program.parseAsync(groupHelpArgv(program, argv, lang));
      return { out, err, code: '' };
    } catch (e) {
      if (!(e instanceof CommanderError)) throw e;
      return { out, err, code: e.code };
    }
  }

  it('--help in the language of --lang, given before or after it', async () => {
    expect((await run(['impact', '--help', '--lang', 'kk'])).out).toMatch(/^Қолданылуы: amnestia impact \[опциялар\]/);
    expect((await run(['--lang', 'ru', '--help'])).out).toMatch(/^Использование: amnestia \[опции\] \[команда\]/);
    expect((await run(['help', 'evaluate', '--lang', 'en'])).out).toMatch(/^Usage: amnestia evaluate \[options\]/);
    expect((await run(['generate', '--help'])).out).toMatch(/^Использование:/);
  });

  it('a command group given only --lang: its help in that language, as with --help', async () => {
    const program = await run(['--lang', 'kk']);
    expect(program.out).toMatch(/^Қолданылуы: amnestia \[опциялар\] \[команда\]/);
    expect(program.out).toBe((await run(['--help', '--lang', 'kk'])).out);
    expect((await run(['db', '--lang', 'kk'])).out).toMatch(/^Қолданылуы: amnestia db \[опциялар\] \[команда\]\n[^]*load/);
    expect((await run(['users', '--lang=en'])).out).toMatch(/^Usage: amnestia users \[options\] \[command\]/);
    expect((await run(['audit', '--lang', 'ru', '--lang', 'en'])).out).toMatch(/^Usage: amnestia audit/);
    const wrong = await run(['db', '--lang', 'xx']);
    expect(wrong.code).toBe('commander.invalidArgument');
    expect(wrong.err.split('\n')[0]).toBe('недопустимое значение «xx» опции --lang <lang>: ожидается kk, ru или en');
    const missing = await run(['--lang']);
    expect(missing.code).toBe('commander.optionMissingArgument');
    expect(missing.err.split('\n')[0]).toBe('не указано значение опции --lang <lang>');
    // A group given something else than --lang is left to the parser.
    expect((await run(['db', '--lang', 'kk', '--bogus'])).code).toBe('commander.unknownOption');
  });

  it('documents: the help in English, though a document is made in kk or ru only', async () => {
    const help = await run(['documents', '--help', '--lang', 'en']);
    expect(help.code).toBe('commander.helpDisplayed');
    expect(help.out).toMatch(/^Usage: amnestia documents \[options\] <kind>/);
    expect(help.out).not.toMatch(/[\u0400-\u04ff]/);
    const refused = await run(['documents', 'letter', '--act', 'x', '--out', 'y.docx', '--lang', 'en']);
    expect(refused.code).toBe('commander.invalidArgument');
    expect(refused.err.split('\n')[0]).toBe("option --lang <lang>: the value 'en' is invalid: expected kk or ru: documents are written in Kazakh or Russian");
    expect(refused.err).toContain('Usage: amnestia documents');
  });

  it('an unknown option: the refusal names it, and the usage follows, in the language', async () => {
    const expected = { kk: ['белгісіз опция --bogus', 'Қолданылуы:'], ru: ['неизвестная опция --bogus', 'Использование:'], en: ['unknown option --bogus', 'Usage:'] } as const;
    for (const lang of LANGS) {
      const r = await run(['check', 'x.csv', '--bogus', '--lang', lang]);
      expect(r.code).toBe('commander.unknownOption');
      const [first, , usage] = r.err.split('\n');
      expect(first).toBe(expected[lang][0]);
      expect(usage).toMatch(new RegExp(`^${expected[lang][1]} amnestia check`));
    }
  });

  it('each kind of refusal of the parser, in Kazakh, with no English word left', async () => {
    const allowed = allowedLatin(buildProgram('kk'));
    const cases: [string[], string][] = [
      [['check', 'a.csv', '--bogus'], 'commander.unknownOption'],
      [['bogus'], 'commander.unknownCommand'],
      [['validate'], 'commander.missingArgument'],
      [['check', 'a.csv', '--limit'], 'commander.optionMissingArgument'],
      [['generate'], 'commander.missingMandatoryOptionValue'],
      [['impact', '--format', 'pdf'], 'commander.invalidArgument'],
      [['documents', 'memo', '--act', 'x', '--out', 'y'], 'commander.invalidArgument'],
      [['check', 'a.csv', 'b.csv'], 'commander.excessArguments'],
    ];
    for (const [args, code] of cases) {
      const r = await run([...args.slice(0, 1), '--lang', 'kk', ...args.slice(1)]);
      const first = r.err.split('\n')[0]!;
      expect(r.code, args.join(' ')).toBe(code);
      expect(first, args.join(' ')).toMatch(KAZAKH_LETTERS);
      expect(strayLatin(first.replace(/'[^']*'|«[^»]*»/g, ' '), new Set([...allowed, 'bogus', 'memo', 'pdf', 'csv', 'a', 'b'])), first).toEqual([]);
    }
  });

  it('a missing required option and a value outside the choices, in the language', async () => {
    expect((await run(['generate', '--lang', 'kk'])).err.split('\n')[0]).toBe('--out <file> міндетті опциясы берілмеген');
    expect((await run(['evaluate', '--act', 'x', '--engine', 'gpu', '--lang', 'ru'])).err.split('\n')[0]).toBe('недопустимое значение «gpu» опции --engine <engine>: допустимые значения: kernel, sql');
  });
});
