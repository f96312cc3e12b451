/**
 * Whether each person has an article of a set among the articles of the conviction, as a column:
 * computed once per registry and set, and kept, so that a kernel evaluated again on the same
 * registry (the editor's re-evaluation, every run of an act) reads one byte a person instead of
 * looping over the person's articles. The values are those of KERNEL_HELPERS.hasArticle
 * (src/engine/kernel.ts); a person whose articles are unknown has an empty list (0), and the
 * caller tests `articlesKnown` first.
 */
import type { RegistryColumns } from '../registry/registry.ts';

type Articles = Pick<RegistryColumns, 'articleOffsets' | 'articleValues'>;

/** Columns kept per registry (a byte a person each). */
const KEPT = 16;

const kept = new WeakMap<Uint32Array, { values: Uint16Array; bySet: Map<string, Uint8Array> }>();

/** Persons [0, size): 1 where one of the person's articles is in `set` (1 at a part's index), else 0. */
export function hasArticleColumn(c: Articles, size: number, set: Uint8Array): Uint8Array {
  let entry = kept.get(c.articleOffsets);
  if (!entry || entry.values !== c.articleValues) kept.set(c.articleOffsets, (entry = { values: c.articleValues, bySet: new Map() }));
  const bySet = entry.bySet;
  const parts: number[] = [];
  for (let k = 0; k < set.length; k++) if (set[k] === 1) parts.push(k);
  const key = parts.join(',');
  const found = bySet.get(key);
  if (found && found.length === size) return found;
  const off = c.articleOffsets;
  const values = c.articleValues;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    for (let k = off[i]!, end = off[i + 1]!; k < end; k++)
      if (set[values[k]!] === 1) {
        out[i] = 1;
        break;
      }
  }
  if (bySet.size >= KEPT) bySet.delete(bySet.keys().next().value as string);
  bySet.set(key, out);
  return out;
}
