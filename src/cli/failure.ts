/**
 * How a command ends when something fails: a located message and an exit code, never a stack
 * trace (docs/cli.md, "Exit codes"). An error nobody foresaw prints one line and the file where its
 * details (the stack) were written.
 */
import { firstLine } from '../domain/lookup.ts';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { DataFileError, formatLocated } from '../domain/located.ts';
import { EXIT, formatLocation, OutputError, UnreadableFileError, UserError, type ExitCode } from '../domain/errors.ts';
import { isLang, render, type Lang } from '../i18n/text.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { renderMessage } from '../i18n/message.ts';
import { abortOpenWrites } from '../output/atomic.ts';
import { AppError } from '../app/errors.ts';

/**
 * The --lang of a command line, read before the command line is parsed (for messages about it):
 * the last one given, as the parser takes it.
 */
export function langOf(argv: readonly string[]): Lang {
  let lang: Lang = 'ru';
  for (const [i, a] of argv.entries()) {
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (v !== undefined && isLang(v)) lang = v;
  }
  return lang;
}

/** Writes the details of an unexpected error to a file; returns its path (or null when even that fails). */
function writeDetails(e: unknown, argv: readonly string[]): string | null {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(process.env['AMNESTIA_ERROR_DIR'] ?? tmpdir(), `amnestia-error-${stamp}-${process.pid}.log`);
  const text = [
    `time: ${new Date().toISOString()}`,
    `command: ${argv.slice(2).map((a) => JSON.stringify(a)).join(' ')}`,
    `node: ${process.version}`,
    '',
    e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e),
    '',
  ].join('\n');
  try {
    writeFileSync(file, text, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}

/** Prints what went wrong and returns the exit code. */
export function reportFailure(e: unknown, argv: readonly string[]): ExitCode {
  const lang = langOf(argv);
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (e instanceof DataFileError) {
    process.stderr.write(`${e.errors.map((x) => formatLocated(x, lang)).join('\n')}\n`);
    return EXIT.usage;
  }
  if (e instanceof UnreadableFileError) {
    process.stderr.write(`${render(MESSAGES['error.unreadable'], lang)}: ${formatLocation(e.file, e.at, lang)}: ${renderMessage(e.detail, lang)} [${e.rule}]\n`);
    return e.exitCode;
  }
  if (e instanceof OutputError) {
    process.stderr.write(`${render(MESSAGES['error.unwritable'], lang)}: ${e.file}: ${renderMessage(e.detail, lang)} [${e.rule}]\n`);
    return e.exitCode;
  }
  if (e instanceof UserError) {
    process.stderr.write(`${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof AppError) {
    // A use case's refusal (src/app): its message in the language asked for, and where.
    const at = (l: AppError['locations'][number]) => [l.file, l.path, l.line ? `${l.line}:${l.column ?? 1}` : null, l.row ? render(MESSAGES['error.row'], lang, { row: String(l.row) }) : null, l.message ? renderMessage(l.message, lang) : null].filter(Boolean).join(' ');
    process.stderr.write(`${[e.messageIn(lang), ...e.locations.map((l) => `  ${at(l)}`)].join('\n')}\n`);
    return e.code === 'registry_rejected' ? EXIT.rejected : e.code === 'unavailable' ? EXIT.unreadable : EXIT.usage;
  }
  const file = writeDetails(e, argv);
  const message = firstLine(e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 300);
  process.stderr.write(`${file ? render(MESSAGES['error.internal'], lang, { message, file }) : render(MESSAGES['error.internal_no_file'], lang, { message })}\n`);
  return EXIT.internal;
}

/**
 * For a command line run as a program: a closed pipe (`| head`) ends it quietly; an error thrown
 * outside the command's promise is still reported without a stack (and the temporary files of
 * unfinished writes are removed; their targets are untouched). Interrupts keep Node's default —
 * the process ends at once, even inside a long computation — and the target of an unfinished
 * write is untouched all the same (only its temporary file may remain).
 */
export function installProcessGuards(argv: readonly string[]): void {
  const pipeClosed = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  };
  process.stdout.on('error', pipeClosed);
  process.stderr.on('error', () => undefined);
  const fail = (e: unknown) => {
    abortOpenWrites();
    process.exitCode = reportFailure(e, argv);
    process.exit();
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
