/**
 * Checking UTF-8 bytes without decoding them, to say where a file stops being UTF-8.
 *
 * Non-null assertions (`!`) here are byte reads from a typed array at indices below its length
 * (each loop's bound), in a loop over every byte of a file.
 */

/** Index of the first byte that does not begin a valid UTF-8 sequence, or -1; a sequence cut by the end counts as valid when `partialEnd`. */
export function firstInvalidUtf8(b: Uint8Array, partialEnd: boolean): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      min = 0x10000;
    } else return i;
    if (i + len > n) {
      for (let k = i + 1; k < n; k++) if ((b[k]! & 0xc0) !== 0x80) return i;
      return partialEnd ? -1 : i;
    }
    let cp = c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const d = b[i + k]!;
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

