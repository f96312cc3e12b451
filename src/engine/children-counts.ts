/**
 * The number of each person's children under an age on a day, as a column: computed once per
 * registry, day and age, and kept, so that a kernel evaluated again on the same registry and day
 * (the editor's re-evaluation) reads one value a person instead of looping over the person's
 * children. The counts are those of KERNEL_HELPERS.childrenUnder (src/engine/kernel.ts): children
 * born on or before the day and after the same calendar day `years` earlier.
 */
import type { RegistryColumns } from '../registry/registry.ts';

type Children = Pick<RegistryColumns, 'childOffsets' | 'childBirthYmd'>;

/** Columns kept per registry (each a byte a person, or four where a person has over 255 children). */
const KEPT = 8;

const kept = new WeakMap<Uint32Array, { births: Int32Array; byKey: Map<string, Uint8Array | Int32Array> }>();

/** Persons [0, size)'s children under `years` on `asOfYmd` (YYYYMMDD); the list of a person whose children are unknown is empty. */
export function childrenUnderColumn(c: Children, size: number, asOfYmd: number, years: number): Uint8Array | Int32Array {
  let entry = kept.get(c.childOffsets);
  if (!entry || entry.births !== c.childBirthYmd) kept.set(c.childOffsets, (entry = { births: c.childBirthYmd, byKey: new Map() }));
  const byKey = entry.byKey;
  const key = `${asOfYmd}:${years}`;
  const found = byKey.get(key);
  if (found && found.length === size) return found;
  const off = c.childOffsets;
  const births = c.childBirthYmd;
  let most = 0;
  for (let i = 0; i < size; i++) if (off[i + 1]! - off[i]! > most) most = off[i + 1]! - off[i]!;
  const out = most <= 255 ? new Uint8Array(size) : new Int32Array(size);
  const after = asOfYmd - years * 10000;
  for (let i = 0; i < size; i++) {
    let n = 0;
    for (let k = off[i]!, end = off[i + 1]!; k < end; k++) {
      const b = births[k]!;
      if (b <= asOfYmd && b > after) n++;
    }
    out[i] = n;
  }
  if (byKey.size >= KEPT) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, out);
  return out;
}
