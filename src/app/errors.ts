/**
 * Errors of the use cases: a stable code, a message in kk, ru and en, and where the problem lies
 * (a JSON path, a file's line and column, a registry row and column). The server turns them into
 * JSON answers with an HTTP status; the CLI prints them.
 */
import type { LocatedError } from '../domain/located.ts';
import type { Message } from '../i18n/message.ts';
import { render, renderAll, type Lang, type Text } from '../i18n/text.ts';

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  frozen: 409,
  precondition_required: 428,
  too_large: 413,
  unsupported_media_type: 415,
  invalid_act: 422,
  registry_rejected: 422,
  /** The act does not apply to the person: no submission is made (the reason says why). */
  not_applicable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorLocation {
  /** A file (an act, a registry file) or the request part: body, query, params, headers. */
  file?: string;
  /** JSON path inside the file or the request, e.g. `$.clauses[2].when`. */
  path?: string;
  line?: number | null;
  column?: number | null;
  /** A registry file's row (as a spreadsheet shows it) and column name. */
  row?: number | null;
  field?: string | null;
  /** What is wrong there: a message of the catalogues, rendered in the answer's language. */
  message?: Message;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    /** Values, or words in kk, ru and en (what was not found: `API_OBJECTS`). */
    readonly params: Record<string, string | number | Text> = {},
    readonly locations: ErrorLocation[] = [],
    /** Extra data for the answer (e.g. the current version on a conflict). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(render(text, 'en', paramsIn(params, 'en')));
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  messageIn(lang: Lang): string {
    return render(this.text, lang, paramsIn(this.params, lang));
  }
}

/** Words of `API_OBJECTS` (src/i18n/api.ts) with their values, in the three languages: a parameter of an AppError. */
export function named(text: Text, params: Record<string, string>): Text {
  return renderAll(text, () => params);
}

/** The parameters of a message in one language: words given in the three are taken in `lang`. */
function paramsIn(params: Record<string, string | number | Text>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v[lang] : v;
  return out;
}

export function locationsOf(errors: readonly LocatedError[]): ErrorLocation[] {
  return errors.map((e) => ({ file: e.file, path: e.path, line: e.line, column: e.column, message: e.message }));
}
