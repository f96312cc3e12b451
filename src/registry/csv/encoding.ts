/**
 * What a registry text file is, from its first bytes: refused when it is not text (binary,
 * compressed, a workbook under a .csv name), else its encoding: UTF-8 (with or without a
 * byte-order mark), UTF-16 (little or big endian, with or without a mark) or Windows-1251 (the
 * Cyrillic code page of Russian Excel). Windows-1251 is accepted only when every byte above 0x7F
 * is a Russian or Kazakh letter or a common sign of that code page, so that a file in another code
 * page (KOI8-R, CP866, KZ-1048) is refused with the place of the first doubtful byte instead of
 * being read with garbled Cyrillic. See docs/data-contract.md, "Encodings".
 */
import iconv from 'iconv-lite';
import { UnreadableFileError } from '../../domain/errors.ts';
import { msg, type Message } from '../../i18n/message.ts';
import { present } from '../../domain/lookup.ts';
import { firstInvalidUtf8 } from '../../domain/utf8.ts';

export { firstInvalidUtf8 };

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Bytes read before deciding what the file is. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Bytes above 0x7F that Windows-1251 text in Russian or Kazakh may hold: the letters А–я
 * (0xC0–0xFF), Ё ё (0xA8, 0xB8), І і (0xB2, 0xB3), and the signs « » № – — … “ ” ‘ ’ „ and the
 * no-break space. Every other byte makes the code page doubtful.
 */
const CP1251_PLAUSIBLE = new Uint8Array(256);
for (let b = 0xc0; b <= 0xff; b++) CP1251_PLAUSIBLE[b] = 1;
for (const b of [0xa8, 0xb8, 0xb2, 0xb3, 0xab, 0xbb, 0xb9, 0x96, 0x97, 0x85, 0x93, 0x94, 0x91, 0x92, 0x84, 0xa0]) CP1251_PLAUSIBLE[b] = 1;

/** Where a byte lies: its 1-based line (counting LF bytes before it) and column in bytes. */
export function bytePosition(bytes: Uint8Array, index: number, lineBefore = 1): { line: number; column: number } {
  let line = lineBefore;
  let lineStart = 0;
  for (let i = 0; i < index; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: index - lineStart + 1 };
}

// The loops over a chunk's bytes below index within the chunk's length (`b[i]!`, `bytes[i]!`): the
// assertions stay there, as a check on every byte of a file of gigabytes would cost more than it says.

/** Index of the first byte above 0x7F that is not plausible Windows-1251 Russian or Kazakh text, or -1. */
export function firstImplausibleCp1251(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x80 && !CP1251_PLAUSIBLE[c]) return i;
  }
  return -1;
}

/**
 * Windows-1251 Cyrillic that reads as words with a small letter followed by a capital ("еРМЕКОВА")
 * is another code page (KOI8-R swaps the cases): index of the first such word, or -1.
 */
function firstCaseSwappedWord(text: string): number {
  const m = /[а-яё][А-ЯЁ]{2,}/u.exec(text);
  return m ? m.index : -1;
}

export interface Sniffed {
  encoding: Encoding;
  /** Bytes of a byte-order mark to skip. */
  bom: number;
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** A byte in hexadecimal, as a message shows it (`C0`). */
const hex = (b: number | undefined) => (b ?? 0).toString(16).toUpperCase().padStart(2, '0');

/**
 * Decides what a text file is from its first bytes (`eof`: the sample is the whole file).
 * Throws UnreadableFileError, located, for anything that is not text in a known encoding.
 */
export function sniffText(file: string, sample: Uint8Array, eof: boolean): Sniffed {
  const refuse = (rule: string, detail: Message, byte?: number) => {
    const at = byte === undefined ? {} : { ...bytePosition(sample, byte), byte };
    throw new UnreadableFileError(file, rule, detail, at);
  };
  if (startsWith(sample, [0x1f, 0x8b])) refuse('file.compressed', msg('file.gzip'));
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04]) || startsWith(sample, [0x50, 0x4b, 0x05, 0x06]))
    refuse('file.not_text', msg('file.zip_not_csv'));
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0])) refuse('file.not_text', msg('file.ole_not_csv'));
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46])) refuse('file.not_text', msg('file.pdf_not_csv'));
  if (startsWith(sample, [0x42, 0x5a, 0x68]) || startsWith(sample, [0xfd, 0x37, 0x7a, 0x58, 0x5a]) || startsWith(sample, [0x28, 0xb5, 0x2f, 0xfd]))
    refuse('file.compressed', msg('file.compressed'));
  if (startsWith(sample, [0x41, 0x4d, 0x4e, 0x52, 0x45, 0x47])) refuse('file.not_text', msg('file.snapshot_not_csv'));
  if (startsWith(sample, [0xff, 0xfe, 0x00, 0x00]) || startsWith(sample, [0x00, 0x00, 0xfe, 0xff]))
    refuse('encoding.unsupported', msg('file.utf32'));
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return checkUtf8(file, sample, 3, eof);
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 2 };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 2 };

  // UTF-16 without a mark: text in the Latin or Cyrillic ranges has a zero (or 0x04) byte in every other position.
  const pairs = Math.floor(sample.length / 2);
  if (pairs >= 2) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
    if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  }
  // A stray NUL or control byte in a cell rejects that row (text.control_character); many of them mean a binary file.
  let nuls = 0;
  let controls = 0;
  for (const c of sample) {
    if (c === 0) nuls++;
    else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  const nul = sample.indexOf(0);
  if (nul >= 0 && (nuls > 2 + sample.length / 1000 || nul < 4)) refuse('file.binary', msg('file.nul_bytes', { n: nuls, size: sample.length }), nul);
  if (controls > 8 + sample.length / 100) refuse('file.binary', msg('file.control_bytes', { n: controls, size: sample.length }));
  return checkUtf8(file, sample, 0, eof);
}

function checkUtf8(file: string, sample: Uint8Array, bom: number, eof: boolean): Sniffed {
  const body = sample.subarray(bom);
  const bad = firstInvalidUtf8(body, !eof);
  if (bad < 0) return { encoding: 'utf-8', bom };
  const at = bad + bom;
  if (bom === 0) {
    // Windows-1251 is one byte a character: a character's index in the decoded text is its byte offset.
    const doubtful = firstImplausibleCp1251(sample);
    const swapped = firstCaseSwappedWord(iconv.decode(Buffer.from(sample), 'windows-1251'));
    if (doubtful < 0 && swapped < 0) return { encoding: 'windows-1251', bom: 0 };
    if (swapped >= 0 && (doubtful < 0 || swapped < doubtful))
      throw new UnreadableFileError(file, 'encoding.unknown', msg('file.case_swapped'), {
        ...bytePosition(sample, swapped),
        byte: swapped,
      });
    throw new UnreadableFileError(
      file,
      'encoding.unknown',
      msg('file.unknown_byte', { byte: hex(sample[doubtful]) }),
      { ...bytePosition(sample, doubtful), byte: doubtful },
    );
  }
  throw new UnreadableFileError(file, 'encoding.invalid', msg('file.bom_not_utf8'), { ...bytePosition(sample, at), byte: at });
}

/**
 * Turns the bytes of a file into text chunk by chunk in the sniffed encoding; bytes that cannot
 * be decoded (UTF-8 turning invalid later in the file, a doubtful Windows-1251 byte) end the
 * reading with a located error.
 */
export class ChunkDecoder {
  private utf8: InstanceType<typeof TextDecoder> | null;
  private iconvDecoder: ReturnType<typeof iconv.getDecoder> | null;
  /** The encoding read (UTF-8 text that was plain ASCII so far may turn out to be Windows-1251). */
  encoding: Encoding;
  /** In UTF-8: a byte above 0x7F has been read (then a later invalid byte means mixed encodings). */
  private sawNonAscii = false;
  /** Line (LF bytes seen + 1) and bytes seen before the current chunk, for locating errors. */
  private line = 1;
  private offset = 0;
  private skip: number;

  constructor(
    private readonly file: string,
    private readonly sniffed: Sniffed,
  ) {
    this.skip = sniffed.bom;
    this.encoding = sniffed.encoding;
    this.utf8 = sniffed.encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
    this.iconvDecoder = sniffed.encoding === 'utf-8' ? null : iconv.getDecoder(sniffed.encoding, { stripBOM: false });
  }

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.skip > 0) {
      const n = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(n);
      this.skip -= n;
      this.offset += n;
    }
    let text = '';
    if (this.utf8) {
      try {
        text = this.utf8.decode(bytes, { stream: true });
        if (!this.sawNonAscii) for (let i = 0; i < bytes.length && !this.sawNonAscii; i++) if (bytes[i]! >= 0x80) this.sawNonAscii = true;
      } catch {
        const bad = Math.max(0, firstInvalidUtf8(bytes, true));
        let asciiBefore = !this.sawNonAscii && this.sniffed.bom === 0;
        for (let i = 0; i < bad && asciiBefore; i++) if (bytes[i]! >= 0x80) asciiBefore = false;
        if (asciiBefore && firstImplausibleCp1251(bytes) < 0) {
          // Plain ASCII so far reads the same in Windows-1251: the file is Windows-1251 from its start.
          this.utf8 = null;
          this.encoding = 'windows-1251';
          this.iconvDecoder = iconv.getDecoder('windows-1251');
          return this.decode(bytes);
        }
        const pos = bytePosition(bytes, bad, this.line);
        throw new UnreadableFileError(
          this.file,
          'encoding.invalid',
          firstImplausibleCp1251(bytes.subarray(bad, bad + 1)) < 0 ? msg('file.mixed_cp1251') : msg('file.mixed'),
          { line: pos.line, byte: this.offset + bad },
        );
      }
    } else {
      if (this.sniffed.encoding === 'windows-1251') {
        const doubtful = firstImplausibleCp1251(bytes);
        if (doubtful >= 0) {
          const pos = bytePosition(bytes, doubtful, this.line);
          throw new UnreadableFileError(
            this.file,
            'encoding.unknown',
            msg('file.doubtful_byte', { byte: hex(bytes[doubtful]) }),
            { line: pos.line, byte: this.offset + doubtful },
          );
        }
      }
      text = present(this.iconvDecoder, 'a decoder for a file not in UTF-8').write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (this.encoding === 'windows-1251') {
        const swapped = firstCaseSwappedWord(text);
        if (swapped >= 0) {
          const line = this.line + (text.slice(0, swapped).match(/\n/g)?.length ?? 0);
          throw new UnreadableFileError(this.file, 'encoding.unknown', msg('file.case_swapped'), {
            line,
            byte: this.offset + swapped,
          });
        }
      }
      if (text.includes('\uFFFD')) {
        const k = text.indexOf('\uFFFD');
        const line = this.line + (text.slice(0, k).match(/\n/g)?.length ?? 0);
        throw new UnreadableFileError(this.file, 'encoding.invalid', msg('file.not_text_in', { encoding: this.sniffed.encoding.toUpperCase() }), { line });
      }
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
    this.offset += bytes.length;
    return text;
  }

  end(): string {
    if (this.utf8) {
      try {
        return this.utf8.decode();
      } catch {
        throw new UnreadableFileError(this.file, 'encoding.invalid', msg('file.cut_utf8'), { byte: this.offset });
      }
    }
    const rest = present(this.iconvDecoder, 'a decoder for a file not in UTF-8').end() ?? '';
    if (rest.includes('\uFFFD')) throw new UnreadableFileError(this.file, 'encoding.invalid', msg('file.cut'), { byte: this.offset });
    return rest;
  }
}
