/** Loading, errors (with their locations) and the refusal of a role, as the server said them. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useLang } from '../lib/format.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useLang();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

export function LocationText({ loc }: { loc: { file?: string | undefined; path?: string | undefined; line?: number | null | undefined; column?: number | null | undefined; row?: number | null | undefined; field?: string | null | undefined } }) {
  const { t } = useLang();
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.row !== null && loc.row !== undefined) parts.push(t('common.row', { row: loc.row }));
  if (loc.field) parts.push(loc.field);
  if (loc.line !== null && loc.line !== undefined) parts.push(loc.column ? t('common.lineColumn', { line: loc.line, column: loc.column }) : t('common.line', { line: loc.line }));
  if (loc.path && loc.path !== '$') parts.push(loc.path);
  return <>{parts.join(', ')}</>;
}

export function ErrorView({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useLang();
  if (error instanceof ApiError && error.status === 403) {
    return (
      <section className="refused" role="alert" aria-labelledby="refused-title">
        <h2 id="refused-title">{t('common.forbidden')}</h2>
        <p>{t('common.forbiddenText')}</p>
        <blockquote>{error.message}</blockquote>
      </section>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      <strong>{t('common.error')}: </strong>
      {message}
      {error instanceof ApiError && error.locations.length > 0 && (
        <ul className="locations">
          {error.locations.map((l, i) => (
            <li key={i}>
              <span className="where">
                <LocationText loc={l} />
              </span>
              {l.message ? `: ${l.message}` : ''}
            </li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <header className="page-title">
      <h1 tabIndex={-1} id="page-title">
        {children}
      </h1>
      {sub && <p className="sub">{sub}</p>}
    </header>
  );
}
