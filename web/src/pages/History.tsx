/** The versions of an act, and two of them compared clause by clause. */
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson, query } from '../api/client.ts';
import type { z } from 'zod';
import { diffSchema, versionsSchema } from '../api/schemas.ts';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

export function HistoryPage() {
  const { id = '' } = useParams();
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const versions = useAsync((s) => getJson(`/api/acts/${id}/versions`, versionsSchema, s), [id]);
  const list = versions.data ?? [];
  const newest = list[0]?.version ?? 1;
  const from = Number(params.get('from') ?? Math.max(1, newest - 1));
  const to = Number(params.get('to') ?? newest);
  const diff = useAsync(list.length > 0 ? (s) => getJson(`/api/acts/${id}/diff${query({ from, to })}`, diffSchema, s) : null, [id, from, to, list.length]);
  const choose = (key: 'from' | 'to', v: string) => {
    const next = new URLSearchParams(params);
    next.set('from', String(from));
    next.set('to', String(to));
    next.set(key, v);
    setParams(next, { replace: true });
  };
  const changed = (diff.data?.parts ?? []).filter((p) => p.change !== 'same');

  return (
    <div>
      <PageTitle sub={<Link to={`/acts/${id}`}>{id}</Link>}>{t('acts.history')}</PageTitle>
      {versions.loading && <Loading />}
      {versions.error !== null && <ErrorView error={versions.error} />}
      <VersionsTable id={id} versions={list} />
      {list.length > 1 && (
        <section aria-labelledby="h-diff">
          <h2 id="h-diff">
            {t('common.version', { n: from })} → {t('common.version', { n: to })}
          </h2>
          <div className="filters">
            <label>
              {t('hist.from')}
              <select value={from} onChange={(e) => choose('from', e.target.value)}>
                {list.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('hist.to')}
              <select value={to} onChange={(e) => choose('to', e.target.value)}>
                {list.map((v) => (
                  <option key={v.version} value={v.version}>
                    {v.version}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {diff.error !== null && <ErrorView error={diff.error} />}
          {diff.data && changed.length === 0 && <p>{t('hist.same')}</p>}
          {changed.map((p) => (
            <ChangedPart key={`${p.kind}:${p.id}`} part={p} />
          ))}
        </section>
      )}
    </div>
  );
}

type Versions = z.output<typeof versionsSchema>;
type DiffPart = z.output<typeof diffSchema>['parts'][number];

/** The versions of the act: when and by whom each was saved, its note and hash. */
function VersionsTable({ id, versions }: { id: string; versions: Versions }) {
  const { t, when } = useLang();
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('reg.created')}</th>
          <th scope="col">{t('ed.note')}</th>
          <th scope="col">{t('hist.hash')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">
              <Link to={`/acts/${id}?version=${v.version}`}>{v.version}</Link>
            </th>
            <td>
              {when(v.created_at)}
              {v.author ? `, ${v.author}` : ''}
            </td>
            <td>{v.note ?? ''}</td>
            <td className="mono small">{v.hash.slice(0, 12)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A clause, exclusion or definition that changed between the two versions: each field before and after. */
function ChangedPart({ part: p }: { part: DiffPart }) {
  const { t, cite } = useLang();
  return (
    <div className={`card diff diff-${p.change}`}>
      <h3>
        <span className="badge">{t(`hist.change.${p.change}`)}</span> {t(`hist.kind.${p.kind}`)} <span className="mono">{p.id}</span> {cite(p.ref)}
      </h3>
      <table className="data compact">
        <tbody>
          {p.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row" className="mono">
                {f.field}
              </th>
              <td className="before">
                <del>{f.before ?? '—'}</del>
              </td>
              <td className="after">
                <ins>{f.after ?? '—'}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
