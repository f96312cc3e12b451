/** The library of laws and drafts, with status and the "rests on N unverified inputs" badge. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { getJson } from '../api/client.ts';
import { actSummarySchema } from '../api/schemas.ts';
import { ActBadges } from '../components/ActBadges.tsx';
import { ForkForm } from '../components/Fork.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

export function ActsPage() {
  const { t, text, when } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const acts = useAsync((s) => getJson('/api/acts', z.array(actSummarySchema), s), []);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= 4 ? s : [...s, id]));

  return (
    <div>
      <PageTitle>{t('acts.title')}</PageTitle>
      {acts.loading && <Loading />}
      {acts.error !== null && <ErrorView error={acts.error} retry={acts.reload} />}
      {can('aggregates.read') && (
        <div className="toolbar">
          <button type="button" className="primary" disabled={selected.length < 2} onClick={() => navigate(`/compare?acts=${selected.join(',')}`)}>
            {t('acts.compareSelected')} ({selected.length})
          </button>
        </div>
      )}
      <ul className="act-list">
        {(acts.data ?? []).map((a) => (
          <li key={a.id} className="card act-card" data-act={a.id}>
            <div className="act-head">
              {can('aggregates.read') && <input type="checkbox" checked={selected.includes(a.id)} onChange={() => toggle(a.id)} aria-label={t('acts.select', { act: text(a.title) })} />}
              <h2>
                <Link to={`/acts/${a.id}`}>{text(a.title)}</Link>
              </h2>
            </div>
            <ActBadges act={a} />
            <p className="muted">
              <span className="mono">{a.id}</span> · {t('acts.inForce', { from: a.entryIntoForce, to: a.executionEnd })} · {t('acts.clauses', { n: a.clauses, e: a.exclusions })}
            </p>
            <p className="muted">
              {t('acts.updated', { n: a.version, when: when(a.updatedAt), by: a.updatedBy ? `, ${a.updatedBy}` : '' })}
              {a.forkedFrom && ` · ${t('acts.forkedFrom', { from: a.forkedFrom })}`}
            </p>
            <div className="actions">
              <Link to={`/acts/${a.id}`}>{t('acts.read')}</Link>
              {can('what_if') && <Link to={`/acts/${a.id}/edit`}>{t('acts.edit')}</Link>}
              {can('aggregates.read') && <Link to={`/impact?act=${a.id}`}>{t('acts.impact')}</Link>}
              <Link to={`/acts/${a.id}/history`}>{t('acts.history')}</Link>
              {can('persons.read') && <Link to={`/persons?act=${a.id}`}>{t('acts.persons')}</Link>}
            </div>
            {can('acts.write') && (
              <details>
                <summary>{t('acts.fork')}</summary>
                <ForkForm actId={a.id} />
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
