/** The versions of an act, and two of them compared clause by clause. */
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson, query } from '../api/client.ts';
import type { z } from 'zod';
import { diffSchema, versionsSchema, type FieldDiff } from '../api/schemas.ts';
import { Criteria, measureText, parameterValue, Verified } from '../components/Rules.tsx';
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

/** A clause, exclusion, definition, parameter or the act's head that changed: each field before and after. */
function ChangedPart({ part: p }: { part: DiffPart }) {
  const { t, text, cite } = useLang();
  const label = p.label ? text(p.label) : '';
  // A part's name often begins with its reference ("Ст. 2 п. 3: …"): the reference is then not said twice.
  const ref = p.ref && !label.toLowerCase().startsWith(cite(p.ref).toLowerCase()) ? cite(p.ref) : '';
  return (
    <div className={`card diff diff-${p.change}`} data-part={`${p.kind}:${p.id}`}>
      <h3>
        <span className="badge">{t(`hist.change.${p.change}`)}</span> {t(`hist.kind.${p.kind}`)} {ref && <span className="ref">{ref}</span>} {label && <span className="label">{label}</span>}{' '}
        {p.ref || p.label ? <span className="mono small">({p.id})</span> : <span className="mono">{p.id}</span>}
      </h3>
      <table className="data compact">
        <tbody>
          {p.fields.map((f) => (
            <tr key={f.field} data-field={f.field}>
              <th scope="row">{t(`hist.field.${f.field}`)}</th>
              <td className="before">
                <del>
                  <FieldValue diff={f} side="before" />
                </del>
              </td>
              <td className="after">
                <ins>
                  <FieldValue diff={f} side="after" />
                </ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One side of a changed field as the literate view shows it (components/Rules.tsx): a condition's
 * criteria (those not on the other side marked), a measure in words, a reference cited, a value in
 * the language's numbers, verified or not, a status and a rule of combination by their names.
 */
function FieldValue({ diff: f, side }: { diff: FieldDiff; side: 'before' | 'after' }) {
  const { t, text, cite, n } = useLang();
  const none = <>—</>;
  switch (f.field) {
    case 'condition': {
      const v = f[side];
      const other = side === 'before' ? f.after : f.before;
      if (v === null) return none;
      const there = new Set((other ?? []).map((c) => c.condition));
      return <Criteria criteria={v} marked={other === null ? undefined : new Set(v.map((c) => c.condition).filter((c) => !there.has(c)))} />;
    }
    case 'measure': {
      const v = f[side];
      return v === null ? none : <span className="measure">{measureText(v, { t, text })}</span>;
    }
    case 'value': {
      const v = f[side];
      return v === null ? none : <>{parameterValue(v, { n })}</>;
    }
    case 'verified':
    case 'source_verified': {
      const v = f[side];
      return v === null ? none : <Verified verified={v} />;
    }
    case 'status': {
      const v = f[side];
      return v === null ? none : <>{t(`acts.status.${v}`)}</>;
    }
    case 'combine': {
      const v = f[side];
      return v === null ? none : <>{`${t(`lit.combine.${v.rule}`)}${v.overlapForbidden ? `; ${t('lit.overlapForbidden')}` : ''}`}</>;
    }
    case 'ref': {
      const v = f[side];
      return v === null ? none : <>{cite(v)}</>;
    }
    default: {
      const v = f[side];
      return v === null || v === '' ? none : <>{v}</>;
    }
  }
}
