/**
 * Messages as data: a key of the error catalogues (src/i18n/errors/) and its parameters, carried
 * from where a problem is found (the act compiler, a data file's schema, a registry row) to the
 * edge that knows the reader's language (the CLI's --lang, the request's language), and rendered
 * there. A parameter may itself be a message (a type's name, a wrapped detail).
 */
import { ACT_ERRORS } from './errors/act.ts';
import { AUDIT_ERRORS } from './errors/audit.ts';
import { CLI_ERRORS } from './errors/cli.ts';
import { CONDITION_ERRORS } from './errors/condition.ts';
import { DATA_ERRORS } from './errors/data.ts';
import { FILE_ERRORS } from './errors/file.ts';
import { LAW_DATA_ERRORS } from './errors/law-data.ts';
import { REGISTRY_ERRORS } from './errors/registry.ts';
import { z } from 'zod';
import { render, type Lang, type Text } from './text.ts';

/** Every message a located error can carry, by key. */
export const ERROR_CATALOGUE = { ...DATA_ERRORS, ...CONDITION_ERRORS, ...ACT_ERRORS, ...LAW_DATA_ERRORS, ...CLI_ERRORS, ...REGISTRY_ERRORS, ...FILE_ERRORS, ...AUDIT_ERRORS } as const satisfies Record<string, Text>;
export type MessageKey = keyof typeof ERROR_CATALOGUE;

/** A parameter: a value (a name, a number), a message, or a text of a data file in kk, ru and en. */
export type MessageParam = string | number | Message | Text;
export interface Message {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/** The `{name}` placeholders of a text, as a union of their names (a `{ … }` with spaces is not one). */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? Name<Innermost<P>> | Placeholders<R> : never;
/** `{{name}}` and `{#{name}}` write a placeholder inside literal braces: the name is the innermost part. */
type Innermost<P extends string> = P extends `${string}{${infer Q}` ? Innermost<Q> : P;
type Name<P extends string> = P extends `${string} ${string}` | '' ? never : P;
type ParamsOf<K extends MessageKey> = Placeholders<(typeof ERROR_CATALOGUE)[K]['en']>;

/** A message of the catalogue: the compiler requires exactly the placeholders its text names. */
export function msg<K extends MessageKey>(key: K, ...params: [ParamsOf<K>] extends [never] ? [] : [Record<ParamsOf<K>, MessageParam>]): Message {
  return { key, params: params[0] ?? {} };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ERROR_CATALOGUE, key);
}

/** A message in one language; parameters that are messages are rendered in it too. */
export function renderMessage(m: Message, lang: Lang): string {
  const text: Text | undefined = isMessageKey(m.key) ? ERROR_CATALOGUE[m.key] : undefined;
  if (!text) return m.key;
  return render(text, lang, renderParams(m.params, lang));
}

/** The parameters of a message as text in one language (for JSON answers). */
export function renderParams(params: Readonly<Record<string, MessageParam>>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params)) out[name] = typeof v !== 'object' ? v : 'key' in v ? renderMessage(v, lang) : v[lang];
  return out;
}

/** A message in the three languages. */
export function messageText(m: Message): Text {
  return { kk: renderMessage(m, 'kk'), ru: renderMessage(m, 'ru'), en: renderMessage(m, 'en') };
}

/** Words of a list joined for a message: `a, b, c` (the list is data: names, codes, values). */
export function listOf(values: readonly (string | number)[]): string {
  return values.length === 0 ? '—' : values.join(', ');
}

/** A parameter as it is stored (JSON): a value, a message, or a text in kk, ru and en. */
const storedParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.strictObject({ key: z.string().refine(isMessageKey), params: z.record(z.string(), storedParamSchema) }).transform((m): Message => ({ key: m.key as MessageKey, params: m.params })),
    z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() }),
  ]),
);

/**
 * A message read back from where it was stored (the store's import issues): null when it was
 * stored before messages had keys, or its key has left the catalogue — the reader then shows the
 * text stored beside it.
 */
export function storedMessage(key: string | null | undefined, params: unknown): Message | null {
  if (key === null || key === undefined || !isMessageKey(key)) return null;
  const p = z.record(z.string(), storedParamSchema).safeParse(params ?? {});
  return p.success ? { key, params: p.data } : null;
}
