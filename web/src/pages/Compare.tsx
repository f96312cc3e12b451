/**
 * Two to four acts side by side on one registry: the figures and their differences, and for each pair
 * the transition matrix of measures, every cell opening the persons in it.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api, getJson } from '../api/client.ts';
import { actSummarySchema, reportSchema } from '../api/schemas.ts';
import { ChartCard } from '../components/Chart.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { formatCount, useLang } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

const KINDS = ['none', 'release', 'reduce', 'replace', 'other'] as const;

/** A figure of the comparison: its value under each act (money in tenge). */
type Row = { key: string; label: string; values: (number | null)[]; money?: boolean };
type ActSummary = z.output<typeof actSummarySchema>;
type Transition = NonNullable<z.output<typeof reportSchema>['comparison']>['transitions'][number];

export function ComparePage() {
  const { t, text, n, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const chosen = (params.get('acts') ?? '').split(',').filter((x) => x.length > 0).slice(0, 4);
  const acts = useAsync((s) => getJson('/api/acts', z.array(actSummarySchema), s), []);
  const report = useAsync(
    chosen.length >= 2 ? (s) => api('/api/evaluations/compare', reportSchema, { method: 'POST', body: { acts: chosen.map((act) => ({ act })), changes: 0 }, signal: s }).then((r) => r.data) : null,
    [chosen.join(',')],
  );
  const titleOf = (id: string) => {
    const a = acts.data?.find((x) => x.id === id);
    return a ? text(a.title) : id;
  };
  const cmp = report.data?.comparison ?? null;

  const rows: Row[] = cmp
    ? [
        { key: 'covered', label: t('fig.covered'), values: cmp.acts.map((a) => a.covered) },
        { key: 'released', label: t('fig.released'), values: cmp.acts.map((a) => a.released) },
        { key: 'reduced', label: t('fig.reduced'), values: cmp.acts.map((a) => a.reduced) },
        { key: 'replaced', label: t('fig.replaced'), values: cmp.acts.map((a) => a.replaced) },
        { key: 'excluded', label: t('fig.excluded'), values: cmp.acts.map((a) => a.excluded) },
        { key: 'needs_review', label: t('fig.needsReview'), values: cmp.acts.map((a) => a.needs_review) },
        { key: 'women', label: t('cmp.women'), values: cmp.acts.map((a) => a.women_covered) },
        { key: 'men', label: t('cmp.men'), values: cmp.acts.map((a) => a.men_covered) },
        { key: 'days', label: t('fig.daysRemitted'), values: cmp.acts.map((a) => a.days_remitted) },
        ...(report.data?.acts[0]?.money.variants ?? []).map((v, i) => ({ key: `saved${i}`, label: t('fig.savedFirstYear', { cost: n(v.inmate_cost.value) }), values: cmp.acts.map((a) => a.saved_first_year[i] ?? null), money: true })),
        { key: 'unpaid', label: t('cmp.unpaidReleased'), values: cmp.acts.map((a) => a.released_with_unpaid_claims) },
        { key: 'reoffending', label: t('cmp.reoffending1y'), values: cmp.acts.map((a) => a.reoffending_1y) },
        { key: 'beds', label: t('cmp.beds12'), values: cmp.acts.map((a) => a.beds_freed_month_12) },
      ]
    : [];
  const ids = cmp?.acts.map((a) => a.id) ?? [];

  return (
    <div>
      <PageTitle>{t('cmp.title')}</PageTitle>
      <ActChooser acts={acts.data ?? []} initial={chosen} onRun={(ids) => setParams({ acts: ids.join(',') })} />
      {report.loading && <Loading label={t('imp.running')} />}
      {report.error !== null && <ErrorView error={report.error} retry={report.reload} />}
      {cmp && (
        <>
          {report.data?.suppressed_cells !== undefined && report.data.suppressed_cells > 0 && <p className="note">{t('common.suppressedNote', { n: report.data.suppressed_below ?? '', cells: report.data.suppressed_cells })}</p>}
          <section aria-labelledby="h-figures">
            <h2 id="h-figures">{t('cmp.figures')}</h2>
            <FiguresTable ids={ids} rows={rows} titleOf={titleOf} />
            <p className="small muted">{ids.map((id, i) => `${String.fromCharCode(65 + i)} = ${id}`).join('; ')}</p>
            <ChartCard
              title={t('cmp.figures')}
              fileName={`compare-${ids.join('-')}`}
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatCount(v, lang) : '—') },
                legend: { top: 0 },
                grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: rows.slice(0, 6).map((r) => r.label), axisLabel: { interval: 0, width: 120, overflow: 'break', lineHeight: 15 } },
                yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(v, lang) } },
                series: ids.map((id, i) => ({ name: id, type: 'bar', data: rows.slice(0, 6).map((r) => r.values[i] ?? null) })),
              }}
              table={{ columns: [t('cmp.figure'), ...ids], rows: rows.map((r) => [r.label, ...r.values]) }}
            />
          </section>
          <section aria-labelledby="h-transitions">
            <h2 id="h-transitions">{t('cmp.transitions')}</h2>
            {cmp.transitions.map((tr) => (
              <TransitionCard key={`${tr.from}>${tr.to}`} transition={tr} titleOf={titleOf} />
            ))}
          </section>
        </>
      )}
    </div>
  );
}

/** The figures under each act, and each act's difference from the first (A). */
function FiguresTable({ ids, rows, titleOf }: { ids: string[]; rows: Row[]; titleOf: (id: string) => string }) {
  const { t, n, money } = useLang();
  return (
    <div className="table-scroll">
      <table className="data compare" data-testid="compare-figures">
        <thead>
          <tr>
            <th scope="col">{t('cmp.figure')}</th>
            {ids.map((id) => (
              <th key={id} scope="col">
                <Link to={`/acts/${id}`}>{titleOf(id)}</Link>
              </th>
            ))}
            {ids.slice(1).map((id, i) => (
              <th key={`d-${id}`} scope="col">
                {t('cmp.difference', { a: String.fromCharCode(65), b: String.fromCharCode(66 + i) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, i) => (
                <td key={i} className="num">
                  {r.money ? money(v) : n(v, 1)}
                </td>
              ))}
              {r.values.slice(1).map((v, i) => {
                const a0 = r.values[0];
                const d = v === null || a0 === null || a0 === undefined ? null : v - a0;
                return (
                  <td key={`d${i}`} className={`num ${d !== null && d > 0 ? 'up' : d !== null && d < 0 ? 'down' : ''}`}>
                    {d === null ? '—' : `${d > 0 ? '+' : d < 0 ? '−' : ''}${r.money ? money(Math.abs(d)) : n(Math.abs(d), 1)}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Persons by measure kind under one act and under another; a cell opens the persons in it. */
function TransitionCard({ transition: tr, titleOf }: { transition: Transition; titleOf: (id: string) => string }) {
  const { t, n } = useLang();
  const { can } = useSession();
  const kindLabel = (k: string) => ((KINDS as readonly string[]).includes(k) ? t(`kind.${k as 'none'}`) : k);
  return (
    <div className="card transition">
      <h3>
        {titleOf(tr.from)} → {titleOf(tr.to)}
      </h3>
      <p>{t('cmp.changed', { n: n(tr.changed) })}</p>
      <table className="data matrix" data-testid={`matrix-${tr.from}-${tr.to}`}>
        <caption>{t('cmp.matrixCaption', { from: tr.from, to: tr.to })}</caption>
        <thead>
          <tr>
            <th scope="col">
              {tr.from} ↓ / {tr.to} →
            </th>
            {tr.kinds.map((k) => (
              <th key={k} scope="col">
                {kindLabel(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tr.matrix.map((row, i) => (
            <tr key={i}>
              <th scope="row">{kindLabel(tr.kinds[i] ?? '')}</th>
              {row.map((v, j) => {
                const from = tr.kinds[i] ?? '';
                const to = tr.kinds[j] ?? '';
                const label = t('cmp.cellLabel', { n: v === null ? '<10' : n(v), from: kindLabel(from), to: kindLabel(to) });
                return (
                  <td key={j} className={`num ${i === j ? 'diag' : v ? 'off' : ''}`}>
                    {can('persons.read') && v !== null && v > 0 ? (
                      <Link to={`/persons?act=${tr.from}&kind=${from}&compare_act=${tr.to}&compare_kind=${to}`} aria-label={label} data-cell={`${from}-${to}`}>
                        {n(v)}
                      </Link>
                    ) : (
                      <span aria-label={label}>{v === null ? '<10' : n(v)}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two to four acts chosen to compare. */
function ActChooser({ acts, initial, onRun }: { acts: ActSummary[]; initial: string[]; onRun: (ids: string[]) => void }) {
  const { t, text } = useLang();
  const [pick, setPick] = useState<string[]>(initial);
  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        if (pick.length >= 2) onRun(pick);
      }}
    >
      <fieldset>
        <legend>{t('cmp.choose')}</legend>
        {acts.map((a) => (
          <label key={a.id} className="check">
            <input
              type="checkbox"
              name="act"
              value={a.id}
              checked={pick.includes(a.id)}
              disabled={!pick.includes(a.id) && pick.length >= 4}
              onChange={() => setPick((p) => (p.includes(a.id) ? p.filter((x) => x !== a.id) : [...p, a.id]))}
            />
            {text(a.title)} <span className="mono small">({a.id})</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={pick.length < 2}>
        {t('cmp.run')}
      </button>
    </form>
  );
}
