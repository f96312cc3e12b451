/**
 * zod's issues as messages of the catalogues (src/i18n/errors/data.ts): each issue code — a wrong
 * type, a missing field, an unknown key, a number or a list too small or too big, a value outside
 * an enumeration, a text of the wrong form — becomes a message with the expected and the found
 * values as parameters. A schema of ours names its own message by giving a catalogue key as the
 * issue's message (`.regex(re, 'act.clause_id')`, `ctx.addIssue({ code: 'custom', message: key,
 * params })`): see `issueKey`.
 */
import type { z } from 'zod';
import { isMessageKey, listOf, msg, type Message, type MessageKey, type MessageParam } from '../i18n/message.ts';

type Issue = z.core.$ZodIssue;

/** A catalogue key used as a zod issue's message (the compiler checks the key). */
export function issueKey(key: MessageKey): string {
  return key;
}

/** A custom issue that carries a message of the catalogues (for `ctx.addIssue`). */
export function customIssue(m: Message, path?: PropertyKey[]): { code: 'custom'; message: string; params: Record<string, unknown>; path?: PropertyKey[] } {
  return { code: 'custom', message: m.key, params: { ...m.params }, ...(path ? { path } : {}) };
}

/** How a found value is shown in a message: text quoted, a number as it is, a list or a map by its kind. */
export function shown(value: unknown): MessageParam {
  if (value === undefined) return msg('data.type.null');
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeName(Array.isArray(value) ? 'array' : typeof value);
}

function typeName(t: string): MessageParam {
  switch (t) {
    case 'string':
      return msg('data.type.string');
    case 'number':
      return msg('data.type.number');
    case 'int':
      return msg('data.type.int');
    case 'boolean':
      return msg('data.type.boolean');
    case 'object':
    case 'record':
      return msg('data.type.object');
    case 'array':
    case 'tuple':
      return msg('data.type.array');
    case 'null':
    case 'undefined':
      return msg('data.type.null');
    case 'date':
      return msg('data.type.date');
    default:
      return t;
  }
}

/** The kind of a found value, for "expected …, found …". */
function kindOf(value: unknown): MessageParam {
  if (value === null || value === undefined) return msg('data.type.null');
  if (Array.isArray(value)) return msg('data.type.array');
  if (typeof value === 'object') return msg('data.type.object');
  return shown(value);
}

/** Several expected types as "a or b or c". */
function either(types: readonly MessageParam[]): MessageParam {
  return types.reduce((a, b) => msg('data.either', { first: a, second: b }));
}

/** Where an issue lies (below the issue's own path when a union's meant branch failed deeper) and its message. */
export function locateIssue(issue: Issue): { path: PropertyKey[]; message: Message } {
  if (issue.code === 'invalid_union' && issue.discriminator === undefined && !isMessageKey(issue.message)) {
    const meant = meantBranch(issue);
    if (meant) {
      const inner = locateIssue(meant);
      return { path: [...issue.path, ...inner.path], message: inner.message };
    }
  }
  return { path: issue.path, message: issueMessage(issue) };
}

function meantBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue | undefined {
  const typeOnly = ([only, ...more]: readonly Issue[]) => only !== undefined && more.length === 0 && only.code === 'invalid_type' && only.path.length === 0;
  return issue.errors.find((branch) => branch.length > 0 && !typeOnly(branch))?.[0];
}

/** The message of one zod issue. */
export function issueMessage(issue: Issue): Message {
  if (isMessageKey(issue.message)) return ownMessage(issue.message, issue);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return msg('data.required');
      return msg('data.invalid_type', { expected: typeName(issue.expected), received: kindOf(issue.input) });
    case 'unrecognized_keys':
      return msg('data.unknown_keys', { keys: listOf(issue.keys) });
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      if (issue.format === 'regex') return msg('data.pattern', { received: shown(issue.input), pattern: issue.pattern ?? '' });
      return msg('data.format', { received: shown(issue.input), format: issue.format });
    case 'not_multiple_of':
      return msg('data.multiple_of', { divisor: issue.divisor, received: shown(issue.input) });
    case 'invalid_value':
      return msg(issue.values.length === 1 ? 'data.exactly' : 'data.one_of', { values: listOf(issue.values.map((v) => String(v))), received: shown(issue.input) });
    case 'invalid_union':
      return unionMessage(issue);
    case 'invalid_key':
      return msg('data.bad_key', { key: shown(issue.input), message: issue.issues[0] ? issueMessage(issue.issues[0]) : msg('data.no_form') });
    case 'invalid_element':
      return msg('data.bad_element', { message: issue.issues[0] ? issueMessage(issue.issues[0]) : msg('data.no_form') });
    case 'custom':
      return msg('data.invalid', { detail: issue.message });
  }
}

/** A message our schema named: its parameters from the issue's params, and the found value. */
function ownMessage(key: MessageKey, issue: Issue): Message {
  const params: Record<string, MessageParam> = {};
  if (issue.code === 'custom' && issue.params) for (const [k, v] of Object.entries(issue.params)) if (typeof v === 'string' || typeof v === 'number' || (typeof v === 'object' && v !== null)) params[k] = v as MessageParam;
  if (!('received' in params) && 'input' in issue) params['received'] = shown(issue.input);
  return { key, params };
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): Message {
  const minimum = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return minimum <= 1 ? msg('data.empty_text') : msg('data.min_length', { minimum });
    case 'array':
    case 'set':
      return minimum <= 1 ? msg('data.empty_list') : msg('data.min_items', { minimum });
    default:
      return msg(issue.inclusive === false ? 'data.above_number' : 'data.min_number', { minimum, received: shown(issue.input) });
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): Message {
  const maximum = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return msg('data.max_length', { maximum });
    case 'array':
    case 'set':
      return msg('data.max_items', { maximum });
    default:
      return msg(issue.inclusive === false ? 'data.below_number' : 'data.max_number', { maximum, received: shown(issue.input) });
  }
}

/**
 * A value that fits no branch of a union: a discriminated union names its field; otherwise the
 * branch that failed on something other than the value's type is the one the author meant, and
 * when every branch refused the type, the types it may have are listed.
 */
function unionMessage(issue: Extract<Issue, { code: 'invalid_union' }>): Message {
  if (issue.discriminator !== undefined) {
    const input = issue.input;
    const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[issue.discriminator] : undefined;
    return value === undefined ? msg('data.required') : msg('data.unknown_kind', { field: issue.discriminator, received: shown(value) });
  }
  const meant = meantBranch(issue);
  if (meant) return issueMessage(meant);
  const expected = issue.errors.flatMap((branch) => (branch[0]?.code === 'invalid_type' ? [branch[0].expected] : []));
  if (expected.length > 0 && issue.input !== undefined) return msg('data.invalid_type', { expected: either([...new Set(expected)].map(typeName)), received: kindOf(issue.input) });
  return issue.input === undefined ? msg('data.required') : msg('data.no_form');
}
