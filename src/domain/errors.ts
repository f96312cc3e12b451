/**
 * Errors caused by the user's input, printed without a stack trace, each with the exit code the
 * command line ends with (docs/cli.md, "Exit codes"):
 *
 * | code | meaning |
 * |---|---|
 * | 0 | done |
 * | 1 | rows rejected: a registry file was read and some of its rows (or its header) failed the contract |
 * | 2 | bad options: the command line, or an act or data file it names, is wrong (located) |
 * | 3 | a file could not be read at all: missing, not the format its name says, corrupt, undecodable, a snapshot that fails its checks |
 * | 4 | an output could not be written: unwritable folder, full disk, output equal to an input |
 * | 70 | an unexpected error: one line on standard error and the file where the details were written |
 */
import { msg, renderMessage, type Message } from '../i18n/message.ts';
import type { Lang } from '../i18n/text.ts';

export const EXIT = { ok: 0, rejected: 1, usage: 2, unreadable: 3, unwritable: 4, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error caused by the user's input (a wrong option, a missing file, a rejected registry). */
export class UserError extends Error {
  override name = 'UserError';
  /** The exit code of the command line. */
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Where in a file a problem lies; every field that is known. */
export interface FileLocation {
  /** Physical line of a text file (1-based). */
  line?: number;
  /** Column (1-based, in characters) on that line. */
  column?: number;
  /** Byte offset from the start of the file. */
  byte?: number;
  /** Worksheet of a workbook. */
  sheet?: string;
  /** Cell address in a worksheet, e.g. `C7`. */
  cell?: string;
}

/** `file:line:column`, `file, sheet "S", cell C7` or `file, byte 1234`, as a message (its words in the reader's language). */
export function locationMessage(file: string, at: FileLocation = {}): string | Message {
  let s: string | Message = at.line !== undefined ? `${file}:${at.line}${at.column !== undefined ? `:${at.column}` : ''}` : file;
  if (at.sheet !== undefined) s = msg('file.location_sheet', { at: s, sheet: at.sheet });
  if (at.cell !== undefined) s = msg('file.location_cell', { at: s, cell: at.cell });
  if (at.line === undefined && at.cell === undefined && at.byte !== undefined) s = msg('file.location_byte', { at: s, byte: String(at.byte) });
  return s;
}

/** A location in `lang`: see `locationMessage`. */
export function formatLocation(file: string, at: FileLocation, lang: Lang): string {
  const m = locationMessage(file, at);
  return typeof m === 'string' ? m : renderMessage(m, lang);
}

/**
 * A file that cannot be read at all: missing, a directory, binary or compressed, in an encoding
 * that cannot be decoded, a corrupt workbook, a snapshot that fails a check. Nothing of it is used.
 */
export class UnreadableFileError extends UserError {
  override name = 'UnreadableFileError';
  constructor(
    readonly file: string,
    /** A stable rule code, e.g. `file.binary`, `encoding.invalid`, `xlsx.corrupt`, `snapshot.checksum`. */
    readonly rule: string,
    /** The detail: a message of src/i18n/errors/file.ts, rendered in the reader's language at the edge (the error's own `message` is English, for logs). */
    readonly detail: Message,
    readonly at: FileLocation = {},
  ) {
    super(`${formatLocation(file, at, 'en')}: ${renderMessage(detail, 'en')} [${rule}]`, EXIT.unreadable);
  }
}

/** An output that cannot be written (the old file, if there is one, is left as it was). */
export class OutputError extends UserError {
  override name = 'OutputError';
  constructor(
    readonly file: string,
    readonly rule: string,
    /** The detail: a message of src/i18n/errors/file.ts (its own `message` is English, for logs). */
    readonly detail: Message,
  ) {
    super(`${file}: ${renderMessage(detail, 'en')} [${rule}]`, EXIT.unwritable);
  }
}

/** A registry whose rows (or header) were rejected, refused by a command that needs every person. */
export class RejectedRowsError extends UserError {
  override name = 'RejectedRowsError';
  constructor(message: string) {
    super(message, EXIT.rejected);
  }
}
