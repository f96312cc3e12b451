/**
 * The one door to the server: JSON over fetch with the session cookie, the CSRF token on every
 * state-changing request, the language of messages in Accept-Language, and the server's error shape
 * (`{error: {code, message, locations}}`) turned into an ApiError. Every answer the app reads is
 * checked with its zod schema (./schemas.ts).
 */
import type { z } from 'zod';
import { errorBodySchema, type ErrorLocation } from './schemas.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly locations: ErrorLocation[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let language = 'ru';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called when a request finds the session gone (401 on anything but the sign-in). */
export function onSessionLost(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function errorOf(res: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // not JSON: a proxy or the network said something
  }
  const e = errorBodySchema.safeParse(parsed);
  if (e.success) return new ApiError(res.status, e.data.error.code, e.data.error.message, e.data.error.locations, e.data.error.details ?? {});
  return new ApiError(res.status, 'http_' + res.status, `${res.status} ${res.statusText}`);
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, ...options.headers };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body }), ...(options.signal ? { signal: options.signal } : {}) });
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && path !== '/api/session' && onUnauthenticated) onUnauthenticated();
    throw err;
  }
  return res;
}

/** A JSON request whose answer is checked by `schema`. */
export async function api<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<{ data: z.output<S>; response: Response }> {
  const res = await send(path, options);
  const json: unknown = res.status === 204 ? null : await res.json();
  const checked = schema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ApiError(res.status, 'unexpected_answer', `${path}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected answer'}`);
  }
  return { data: checked.data, response: res };
}

export async function getJson<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  return (await api(path, schema, signal ? { signal } : {})).data;
}

/** A query string from the defined values of an object (lists joined by commas). */
export function query(params: Record<string, string | number | boolean | readonly string[] | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length > 0) q.set(k, v.join(','));
    } else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Uploads a file with XMLHttpRequest, whose upload events report progress (fetch has none);
 * resolves with the server's JSON answer, rejects with an ApiError.
 */
export function upload<S extends z.ZodType>(path: string, file: Blob, schema: S, onProgress: (fraction: number) => void): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', file.type && file.type !== 'application/vnd.ms-excel' ? file.type : 'application/octet-stream');
    xhr.setRequestHeader('accept-language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const checked = schema.safeParse(json);
        if (checked.success) resolve(checked.data);
        else reject(new ApiError(xhr.status, 'unexpected_answer', `${path}: unexpected answer`));
        return;
      }
      const e = errorBodySchema.safeParse(json);
      reject(e.success ? new ApiError(xhr.status, e.data.error.code, e.data.error.message, e.data.error.locations) : new ApiError(xhr.status, `http_${xhr.status}`, xhr.statusText));
    };
    xhr.send(file);
  });
}
