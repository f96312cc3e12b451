/**
 * Registries: upload a CSV or XLSX (progress of the upload, then of the import), the stored
 * snapshots with the current one, and the data-quality report of an upload with every rejected row.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api, getJson, query, upload } from '../api/client.ts';
import { importSchema, issuesSchema, registryListSchema, registrySchema, type ImportInfo, type ImportIssue } from '../api/schemas.ts';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

function UploadForm() {
  const { t, n } = useLang();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [info, setInfo] = useState<ImportInfo | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    setError(null);
    setInfo(null);
    setSent(0);
    try {
      let current = await upload(`/api/registries${query({ file_name: file.name })}`, file, importSchema, (f) => setSent(f));
      setSent(1);
      setInfo(current);
      while (current.status === 'running') {
        await new Promise((r) => setTimeout(r, 400));
        current = await getJson(`/api/registries/imports/${current.id}`, importSchema);
        setInfo(current);
      }
      navigate(`/registries/imports/${current.id}`);
    } catch (err) {
      setError(err);
      setSent(null);
    }
  };

  const phase = info?.progress?.phase;
  const fraction = sent === null ? null : sent < 1 ? sent : info?.progress?.fraction ?? (info?.status === 'running' ? null : 1);
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="h-upload">
      <h2 id="h-upload">{t('reg.upload')}</h2>
      <p className="note">{t('reg.uploadHint')}</p>
      <div className="row">
        <label>
          {t('reg.file')}
          <input ref={input} type="file" name="registry" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </label>
        <button type="submit" className="primary" disabled={sent !== null && sent < 1}>
          {t('reg.send')}
        </button>
      </div>
      {sent !== null && (
        <div className="progress-block" aria-live="polite">
          <progress max={1} value={fraction ?? undefined} aria-label={t('reg.progress')} />
          <span>
            {sent < 1
              ? t('reg.sending', { p: Math.round(sent * 100) })
              : phase === 'reading'
                ? t('reg.phase.reading', { rows: n(info?.progress?.rows ?? 0) })
                : phase
                  ? t(`reg.phase.${phase}`)
                  : t('reg.phase.done')}
          </span>
        </div>
      )}
      {error !== null && <ErrorView error={error} />}
    </form>
  );
}

export function RegistriesPage() {
  const { t } = useLang();
  const { can } = useSession();
  const list = useAsync((s) => getJson('/api/registries', registryListSchema, s), []);
  const imports = useAsync(can('registries.write') ? (s) => getJson('/api/registries/imports?limit=20', z.array(importSchema), s) : null, [can('registries.write')]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const makeCurrent = async (id: string) => {
    setError(null);
    try {
      const { data } = await api('/api/registries/current', registrySchema, { method: 'PUT', body: { id } });
      setMessage(t('reg.nowCurrent', { name: data.name }));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div>
      <PageTitle>{t('reg.title')}</PageTitle>
      {can('registries.write') && <UploadForm />}
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
      {error !== null && <ErrorView error={error} />}
      <section aria-labelledby="h-list">
        <h2 id="h-list">{t('reg.list')}</h2>
        {list.loading && <Loading />}
        {list.error !== null && <ErrorView error={list.error} retry={list.reload} />}
        {list.data && <RegistryTable registries={list.data.registries} onMakeCurrent={(id) => void makeCurrent(id)} />}
      </section>
      {imports.data && imports.data.length > 0 && (
        <section aria-labelledby="h-imports">
          <h2 id="h-imports">{t('reg.imports')}</h2>
          <ImportList imports={imports.data} />
        </section>
      )}
    </div>
  );
}

const PAGE = 200;

export function ImportPage() {
  const { id = '' } = useParams();
  const { t, n, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const severity = params.get('severity') ?? '';
  const rule = params.get('rule') ?? '';
  const column = params.get('column') ?? '';
  const fromRow = params.get('from_row') ?? '';
  const info = useAsync((s) => getJson(`/api/registries/imports/${id}`, importSchema, s), [id]);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [total, setTotal] = useState(0);
  const [issuesError, setIssuesError] = useState<unknown>(null);
  const [loadingIssues, setLoadingIssues] = useState(false);

  const load = async (offset: number, signal?: AbortSignal) => {
    setLoadingIssues(true);
    try {
      const r = await getJson(`/api/registries/imports/${id}/issues${query({ severity, rule, column, from_row: fromRow, limit: PAGE, offset })}`, issuesSchema, signal);
      setTotal(r.total);
      setIssues((prev) => (offset === 0 ? r.issues : [...prev, ...r.issues]));
      setIssuesError(null);
    } catch (e) {
      if (!signal?.aborted) setIssuesError(e);
    } finally {
      setLoadingIssues(false);
    }
  };
  useEffect(() => {
    const c = new AbortController();
    void load(0, c.signal);
    return () => c.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, severity, rule, column, fromRow, lang]);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const i = info.data;
  const rules = [...new Set((i?.issues_by_rule ?? []).map((r) => r.rule))];
  const columns = [...new Set((i?.issues_by_rule ?? []).map((r) => r.column).filter((c): c is string => c !== null))];

  return (
    <div>
      <PageTitle sub={i ? `${i.file_name} — ${t(`reg.status.${i.status}`)}` : undefined}>{t('reg.report')}</PageTitle>
      {info.loading && <Loading />}
      {info.error !== null && <ErrorView error={info.error} />}
      {i && <ImportSummary info={i} onRule={(r) => setFilter('rule', r)} />}
      <section aria-labelledby="h-issues">
        <h2 id="h-issues">{t('reg.issues')}</h2>
        <IssueFilters severity={severity} rule={rule} column={column} fromRow={fromRow} rules={rules} columns={columns} onChange={setFilter} />
        {issuesError !== null && <ErrorView error={issuesError} />}
        <p role="status" aria-live="polite">
          {t('reg.shown', { shown: n(issues.length), total: n(total) })}
        </p>
        <IssuesTable issues={issues} />
        {issues.length < total && (
          <button type="button" disabled={loadingIssues} onClick={() => void load(issues.length)}>
            {t('reg.more')}
          </button>
        )}
      </section>
    </div>
  );
}

type Registries = z.output<typeof registryListSchema>['registries'];

/** The stored registries, the current one marked; another made current by a writer. */
function RegistryTable({ registries, onMakeCurrent }: { registries: Registries; onMakeCurrent: (id: string) => void }) {
  const { t, n, when } = useLang();
  const { can } = useSession();
  return (
    <div className="table-scroll">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('reg.name')}</th>
            <th scope="col">{t('reg.persons')}</th>
            <th scope="col">{t('reg.source')}</th>
            <th scope="col">{t('reg.created')}</th>
            <th scope="col">
              <span className="sr-only">{t('reg.current')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {registries.map((r) => (
            <tr key={r.id} aria-current={r.current ? 'true' : undefined}>
              <th scope="row">
                {r.name}
                <div className="mono small">{r.id.slice(0, 16)}…</div>
              </th>
              <td className="num">{n(r.persons)}</td>
              <td>{r.source}</td>
              <td>{when(r.created_at)}</td>
              <td>
                {r.current ? (
                  <span className="badge ok">{t('reg.current')}</span>
                ) : can('registries.write') ? (
                  <button type="button" onClick={() => onMakeCurrent(r.id)}>
                    {t('reg.makeCurrent')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The latest imports, each with its status and counts. */
function ImportList({ imports }: { imports: ImportInfo[] }) {
  const { t, n, when } = useLang();
  return (
    <ul className="plain">
      {imports.map((i) => (
        <li key={i.id}>
          <Link to={`/registries/imports/${i.id}`}>{i.file_name}</Link> — <span className={`badge imp-${i.status}`}>{t(`reg.status.${i.status}`)}</span> {i.rows !== null && t('reg.counts', { rows: n(i.rows), accepted: n(i.accepted), rejected: n(i.rejected) })}{' '}
          <span className="muted">({when(i.started_at)})</span>
        </li>
      ))}
    </ul>
  );
}

/** An import's counts, its verdict, the problems of the file as a whole, and the issues by rule (a rule chosen filters the list). */
function ImportSummary({ info: i, onRule }: { info: ImportInfo; onRule: (rule: string) => void }) {
  const { t, n } = useLang();
  return (
    <>
      <section className="card" aria-labelledby="h-counts">
        <h2 id="h-counts" className="sr-only">
          {t('reg.report')}
        </h2>
        <p className="big" data-testid="import-counts">
          {t('reg.counts', { rows: n(i.rows), accepted: n(i.accepted), rejected: n(i.rejected) })}
        </p>
        <p className={i.status === 'accepted' ? 'ok' : 'warn'}>{i.status === 'accepted' ? t('reg.acceptedNote') : i.status === 'rejected' ? t('reg.rejectedNote') : (i.error ?? '')}</p>
        {i.status === 'accepted' && <Link to="/registries">{t('reg.makeCurrent')} →</Link>}
        {i.file_issues.length > 0 && (
          <>
            <h3>{t('reg.fileIssues')}</h3>
            <ul>
              {i.file_issues.map((f, k) => (
                <li key={k}>{f.message}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      {i.issues_by_rule.length > 0 && (
        <section aria-labelledby="h-rules">
          <h2 id="h-rules">{t('reg.byRule')}</h2>
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t('reg.col.rule')}</th>
                <th scope="col">{t('reg.col.column')}</th>
                <th scope="col">{t('reg.col.severity')}</th>
                <th scope="col">{t('reg.col.count')}</th>
              </tr>
            </thead>
            <tbody>
              {i.issues_by_rule.map((r) => (
                <tr key={`${r.rule}|${r.column}|${r.severity}`}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => onRule(r.rule)}>
                      {r.rule}
                    </button>
                  </th>
                  <td>{r.column ?? '—'}</td>
                  <td>{t(`reg.severity.${r.severity}`)}</td>
                  <td className="num">{n(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

/** The filters of the issue list: severity, rule, column, from a row. */
function IssueFilters(props: { severity: string; rule: string; column: string; fromRow: string; rules: string[]; columns: string[]; onChange: (key: string, value: string) => void }) {
  const { severity, rule, column, fromRow, rules, columns, onChange } = props;
  const { t } = useLang();
  return (
    <div className="filters" role="search">
      <label>
        {t('reg.filter.severity')}
        <select name="severity" value={severity} onChange={(e) => onChange('severity', e.target.value)}>
          <option value="">{t('common.all')}</option>
          <option value="error">{t('reg.severity.error')}</option>
          <option value="warning">{t('reg.severity.warning')}</option>
        </select>
      </label>
      <label>
        {t('reg.filter.rule')}
        <select name="rule" value={rule} onChange={(e) => onChange('rule', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reg.filter.column')}
        <select name="column" value={column} onChange={(e) => onChange('column', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reg.filter.fromRow')}
        <input type="number" min={1} value={fromRow} onChange={(e) => onChange('from_row', e.target.value)} inputMode="numeric" />
      </label>
    </div>
  );
}

/** The issues shown: row, column, value, rule, severity and message. */
function IssuesTable({ issues }: { issues: ImportIssue[] }) {
  const { t } = useLang();
  return (
    <div className="table-scroll tall">
      <table className="data compact" data-testid="issues">
        <thead>
          <tr>
            <th scope="col">{t('reg.col.row')}</th>
            <th scope="col">{t('reg.col.column')}</th>
            <th scope="col">{t('reg.col.value')}</th>
            <th scope="col">{t('reg.col.rule')}</th>
            <th scope="col">{t('reg.col.severity')}</th>
            <th scope="col">{t('reg.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((x, k) => (
            <tr key={k} className={x.severity}>
              <th scope="row" className="num">
                {x.row ?? '—'}
              </th>
              <td className="mono">{x.column ?? '—'}</td>
              <td className="mono">{x.value}</td>
              <td className="mono">{x.rule}</td>
              <td>{t(`reg.severity.${x.severity}`)}</td>
              <td title={x.rule_text}>{x.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
