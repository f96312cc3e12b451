/**
 * Lookups whose miss would be bad data, not a slip the compiler could see: a code read from a column
 * or a stored run, a part of the law named by a registry, a row the store has just written, a file a
 * document template must hold. A miss throws an error that says what was missing, where a bare
 * `undefined` would fail later and elsewhere.
 */

/** The entry at `index` (of an array or a typed array): a code of `what` outside the table is bad data. */
export function entryAt<T>(table: ArrayLike<T>, index: number, what: string): T {
  const entry = table[index];
  if (entry === undefined) throw new Error(`${what}: no entry at ${index} (the table has ${table.length})`);
  return entry;
}

/** `value`, which must be there; `missing` says what is missing, and why it should not be. */
export function present<T>(value: T | null | undefined, missing: string): T {
  if (value === undefined || value === null) throw new Error(missing);
  return value;
}

/** The first line of a message (a quoted source or a stack may follow it). */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return end < 0 ? message : message.slice(0, end);
}
