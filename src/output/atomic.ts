/**
 * Every file the tools write is written whole or not at all: into a temporary file in the same
 * folder, flushed to disk, then renamed over the target, so that a kill or a full disk mid-write
 * leaves the old file (where there is one) as it was. An output that is one of the command's inputs is refused
 * before anything is written. See docs/cli.md, "Output files".
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from '../domain/errors.ts';
import { msg } from '../i18n/message.ts';

/** What an operating-system error means for an output, in words a user can act on. */
export function outputError(file: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const folder = dirname(resolve(file));
  switch (code) {
    case 'ENOENT':
      return new OutputError(file, 'output.folder_missing', msg('file.output_no_folder', { folder }));
    case 'ENOTDIR':
      return new OutputError(file, 'output.folder_missing', msg('file.output_not_folder', { folder }));
    case 'EACCES':
    case 'EPERM':
      return new OutputError(file, 'output.permission', msg('file.output_permission', { folder }));
    case 'EROFS':
      return new OutputError(file, 'output.read_only', msg('file.output_read_only', { folder }));
    case 'ENOSPC':
      return new OutputError(file, 'output.disk_full', msg('file.output_disk_full'));
    case 'EDQUOT':
      return new OutputError(file, 'output.disk_full', msg('file.output_quota'));
    case 'EISDIR':
      return new OutputError(file, 'output.is_folder', msg('file.output_is_folder'));
    case 'ENAMETOOLONG':
      return new OutputError(file, 'output.name_too_long', msg('file.output_name_too_long'));
    case 'EFBIG':
      return new OutputError(file, 'output.too_large', msg('file.output_too_large'));
    default:
      return new OutputError(file, 'output.failed', msg('file.output_failed', { detail: code ?? (e instanceof Error ? e.message : String(e)) }));
  }
}

/** True when two paths name the same file (the same path, or links to one file). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Refuses an output path that names one of the inputs (which writing would destroy). */
export function refuseInputAsOutput(output: string, inputs: readonly (string | undefined)[]): void {
  for (const input of inputs) {
    if (input !== undefined && sameFile(output, input)) throw new OutputError(output, 'output.is_input', msg('file.output_is_input', { input }));
  }
}

const open = new Set<AtomicFile>();

/** Removes the temporary files of writes still open (on an interrupt; the targets are untouched). */
export function abortOpenWrites(): void {
  for (const f of [...open]) f.abort();
}

export class AtomicFile {
  private fd: number | null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  bytes = 0;

  private constructor(
    readonly target: string,
    readonly tempPath: string,
    fd: number,
  ) {
    this.fd = fd;
    open.add(this);
  }

  /** Opens a temporary file beside `target`; `inputs` are refused as the target. */
  static open(target: string, inputs: readonly (string | undefined)[] = []): AtomicFile {
    refuseInputAsOutput(target, inputs);
    try {
      if (statSync(target).isDirectory()) throw new OutputError(target, 'output.is_folder', msg('file.output_is_folder'));
    } catch (e) {
      if (e instanceof OutputError) throw e;
    }
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      return new AtomicFile(target, temp, openSync(temp, 'wx', 0o666));
    } catch (e) {
      throw outputError(target, e);
    }
  }

  /** Adds text or bytes (buffered, written in blocks). */
  write(chunk: string | Uint8Array): void {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending.push(b);
    this.pendingBytes += b.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd === null) throw new OutputError(this.target, 'output.failed', msg('file.output_closed'));
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    try {
      let off = 0;
      while (off < data.length) off += writeSync(this.fd, data, off, data.length - off);
      this.bytes += data.length;
    } catch (e) {
      this.abort();
      throw outputError(this.target, e);
    }
  }

  /** Flushes to disk and renames the temporary file over the target. */
  commit(): void {
    this.flush();
    try {
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.tempPath, this.target);
      open.delete(this);
    } catch (e) {
      this.abort();
      throw outputError(this.target, e);
    }
    try {
      // The rename itself survives a power cut only once the folder is flushed too.
      const dfd = openSync(dirname(this.target), 'r');
      try {
        fsyncSync(dfd);
      } finally {
        closeSync(dfd);
      }
    } catch {
      // Some file systems cannot flush a folder; the rename has still happened.
    }
  }

  /** Closes and removes the temporary file; the target is untouched. */
  abort(): void {
    open.delete(this);
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    try {
      unlinkSync(this.tempPath);
    } catch {
      // already gone
    }
  }
}

/** Writes a whole file atomically. */
export function writeFileAtomic(target: string, data: string | Uint8Array, inputs: readonly (string | undefined)[] = []): void {
  const f = AtomicFile.open(target, inputs);
  try {
    f.write(data);
  } catch (e) {
    f.abort();
    throw e;
  }
  f.commit();
}

/** Runs `fill` with an atomic file; commits when it succeeds, removes the temporary file when it fails. */
export async function withAtomicFile<T>(target: string, inputs: readonly (string | undefined)[], fill: (f: AtomicFile) => Promise<T> | T): Promise<T> {
  const f = AtomicFile.open(target, inputs);
  try {
    const r = await fill(f);
    f.commit();
    return r;
  } catch (e) {
    f.abort();
    throw e;
  }
}
