/**
 * What every route shares: the language of an answer, the JSON shape of errors, and the conversion
 * of framework errors (bad JSON, a body too large, a failed schema) into located errors in kk, ru, en.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, locationsOf, type ErrorLocation } from '../app/errors.ts';
import { UserError } from '../domain/errors.ts';
import { DataFileError } from '../domain/located.ts';
import { API_MESSAGES, API_OBJECTS } from '../i18n/api.ts';
import { msg, renderMessage, renderParams } from '../i18n/message.ts';
import { issueMessage } from '../domain/issues.ts';
import { isLang, type Lang } from '../i18n/text.ts';
import type { PooledJson } from './json-bytes.ts';

export const langSchema = z.enum(['kk', 'ru', 'en']);

/** The language of the answer: `?lang=`, else the first of kk, ru, en in Accept-Language, else ru. */
export function langOf(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.['lang'];
  if (typeof q === 'string' && isLang(q)) return q;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase();
      if (isLang(tag)) return tag;
    }
  }
  return 'ru';
}

export const errorLocationSchema = z.object({
  file: z.string().optional(),
  path: z.string().optional(),
  line: z.number().int().nullable().optional(),
  column: z.number().int().nullable().optional(),
  row: z.number().int().nullable().optional(),
  field: z.string().nullable().optional(),
  message: z.string().optional().describe('What is wrong there, in the requested language'),
  key: z.string().optional().describe('The message key (src/i18n/errors/), stable for programs'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The values the message names (text in the requested language)'),
});

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      locations: z.array(errorLocationSchema),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('An error: a stable code, a message in the requested language, and where the problem lies');

export type ErrorBody = z.output<typeof errorBodySchema>;

export type RenderedLocation = z.output<typeof errorLocationSchema>;

/** A location of an error as an answer shows it: its message in `lang`, with its key and parameters. */
export function renderLocation({ message, ...at }: ErrorLocation, lang: Lang): RenderedLocation {
  return message ? { ...at, message: renderMessage(message, lang), key: message.key, params: renderParams(message.params, lang) } : at;
}

export function errorBody(e: AppError, lang: Lang): ErrorBody {
  const locations = e.locations.map((l) => renderLocation(l, lang));
  return { error: { code: e.code, message: e.messageIn(lang), locations, ...(Object.keys(e.details).length > 0 ? { details: e.details } : {}) } };
}

function jsonPath(part: string, path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_]\w*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return part === 'body' ? out : `${part}:${out}`;
}

/** Line and column of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return { line, column: offset - last };
}

function partOf(request: FastifyRequest, part: string): unknown {
  return part === 'query' ? request.query : part === 'params' ? request.params : part === 'headers' ? request.headers : request.body;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Turns every error a route or the framework throws into an AppError (unexpected ones are logged). */
export function toAppError(err: unknown, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DataFileError) return new AppError('bad_request', API_MESSAGES.data_file, { n: err.errors.length }, locationsOf(err.errors));
  // A message written for the command line (English): still the user's mistake, not a defect.
  if (err instanceof UserError) return new AppError('bad_request', { kk: err.message, ru: err.message, en: err.message });
  const fe = err as FastifyError & { validationContext?: string; body?: unknown };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const part = (fe.validationContext ?? 'body').replace('querystring', 'query');
    const locations: ErrorLocation[] = err.validation.map((v) => {
      const path = String(v.instancePath)
        .split('/')
        .filter((p: string) => p.length > 0)
        .map((p: string) => (/^\d+$/.test(p) ? Number(p) : p));
      // the zod issue again, as fastify-type-provider-zod split it (code, message, the rest in params)
      // (zod reports no input there: the value is read back from the request part for "expected …, found …")
      const found = 'input' in (v.params as object) ? {} : { input: valueAt(partOf(request, part), path) };
      const issue = { ...(v.params as object), ...found, code: v.keyword, message: v.message ?? '', path } as z.core.$ZodIssue;
      return { file: part, path: jsonPath(part, path), message: issueMessage(issue) };
    });
    return new AppError('validation', API_MESSAGES.validation, { n: locations.length }, locations);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('too_large', API_MESSAGES.too_large, { limit: String(request.routeOptions.bodyLimit ?? '') });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', API_MESSAGES.unsupported_media_type, { type: String(request.headers['content-type'] ?? '(none)'), expected: 'application/json' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', API_MESSAGES.invalid_json, { detail: API_OBJECTS.emptyBody }, [{ file: 'body', path: '$', message: msg('data.required') }]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', API_MESSAGES.invalid_json, { detail: fe.message }, [{ file: 'body', path: '$', message: msg('data.invalid', { detail: fe.message }) }]);
  }
  if (err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && /JSON/.test(fe.message))) {
    const m = /position (\d+)/.exec(fe.message);
    const raw = typeof fe.body === 'string' ? fe.body : null;
    const loc: ErrorLocation = { file: 'body', path: '$', message: msg('data.invalid', { detail: fe.message }) };
    if (m && raw !== null) Object.assign(loc, lineColumn(raw, Number(m[1])));
    else if (m) loc.column = Number(m[1]) + 1;
    return new AppError('invalid_json', API_MESSAGES.invalid_json, { detail: fe.message }, [loc]);
  }
  if (fe.statusCode === 429) return new AppError('rate_limited', API_MESSAGES.rate_limited, { after: fe.message.replace(/.*retry in /i, '') || '1 minute' });
  if (isResponseSerializationError(err)) request.log.error({ err: err.cause }, 'response does not fit its schema');
  else request.log.error({ err }, 'unexpected error');
  const ref = randomUUID().slice(0, 8);
  request.log.error({ ref }, 'error reference');
  return new AppError('internal', API_MESSAGES.internal, { ref });
}

/**
 * Sends JSON already written as UTF-8 bytes (json-bytes.ts); no serializer runs over it. A pooled
 * buffer goes back to its pool once the answer has been handed whole to the socket ('finish'); an
 * answer cut off ('close' before it) leaves its buffer to the garbage collector, as the socket may
 * still hold it.
 */
export function sendJsonBytes(reply: FastifyReply, json: Buffer | PooledJson): FastifyReply {
  if (Buffer.isBuffer(json)) return reply.type('application/json; charset=utf-8').send(json);
  reply.raw.once('finish', json.release);
  return reply.type('application/json; charset=utf-8').send(json.body);
}

export function sendError(reply: FastifyReply, e: AppError, lang: Lang): FastifyReply {
  return reply.code(e.status).type('application/json; charset=utf-8').send(errorBody(e, lang));
}

