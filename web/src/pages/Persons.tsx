/**
 * Persons with their outcome under an act: tens of thousands of rows in a virtualized list (pages
 * of rows fetched as they scroll into view), filtered and sorted on the server, exported as CSV or
 * XLSX (audited). A transition cell of the comparison opens here (kind + compare_act + compare_kind).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { z } from 'zod';
import { getJson, query } from '../api/client.ts';
import { actSummarySchema, actViewSchema, personListSchema, type PersonRow } from '../api/schemas.ts';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useSession, useVocabulary } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

const PAGE = 500;
const ROW_HEIGHT = 40;
const FILTERS = ['status', 'measure', 'clause', 'exclusion', 'reason', 'facility', 'region', 'almost', 'q', 'kind', 'compare_act', 'compare_kind'] as const;
const SORTS = ['row', 'person_id', 'last_name', 'sentence_end', 'days_remitted', 'facility', 'status'] as const;

export function PersonsPage() {
  const { t, text, n, cite } = useLang();
  const { meta } = useSession();
  const [params, setParams] = useSearchParams();
  const acts = useAsync((s) => getJson('/api/acts', z.array(actSummarySchema), s), []);
  const act = params.get('act') ?? acts.data?.find((a) => a.kind === 'law')?.id ?? acts.data?.[0]?.id ?? null;
  const view = useAsync(act ? (s) => getJson(`/api/acts/${act}`, actViewSchema, s) : null, [act]);
  const sort = params.get('sort') ?? 'row';
  const order = params.get('order') ?? 'asc';
  const filterValues = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const listQuery = { act, ...filterValues, sort, order };
  const key = JSON.stringify(listQuery);

  const pages = usePersonPages(act, listQuery, key);
  const { total, error } = pages;

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'act') for (const f of ['clause', 'exclusion', 'kind', 'compare_act', 'compare_kind']) next.delete(f);
    setParams(next, { replace: true });
  };
  const exportHref = (format: 'csv' | 'xlsx') => `/api/persons/export${query({ ...listQuery, format })}`;
  const { facilities, regions } = useScopedPlaces();
  const v = view.data;
  const kind = filterValues.kind;

  const select = (name: (typeof FILTERS)[number], label: string, options: { value: string; label: string }[]) => (
    <label>
      {label}
      <select value={filterValues[name]} onChange={(e) => setFilter(name, e.target.value)} name={name}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="persons-page">
      <PageTitle sub={total !== null ? t('per.total', { n: n(total) }) : undefined}>{t('per.title')}</PageTitle>
      {kind && filterValues.compare_act && <TransitionNote act={act ?? ''} kind={kind} compareAct={filterValues.compare_act} compareKind={filterValues.compare_kind} />}
      <form className="filters" role="search" aria-label={t('per.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('common.act')}
          <select value={act ?? ''} onChange={(e) => setFilter('act', e.target.value)} name="act">
            {(acts.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {text(a.title)}
              </option>
            ))}
          </select>
        </label>
        {select('status', t('per.status'), (meta?.statuses ?? []).map((s) => ({ value: s, label: t(`status.${s as 'eligible'}`) })))}
        {select('measure', t('per.measure'), (meta?.measures ?? []).map((m) => ({ value: m.code, label: text(m.label) })))}
        {select('clause', t('per.clause'), (v?.clauses ?? []).map((c) => ({ value: c.id, label: `${cite(c.ref)}${c.label ? ` — ${text(c.label)}` : ''}` })))}
        {select('exclusion', t('per.exclusion'), (v?.exclusions ?? []).map((c) => ({ value: c.id, label: `${cite(c.ref)} (${c.id})` })))}
        {select('reason', t('per.reason'), (meta?.reasons ?? []).map((r) => ({ value: r, label: t(`reason.${r as 'matched'}`) })))}
        {select('region', t('per.region'), regions.map((r) => ({ value: r.code, label: text(r.label) })))}
        {select('facility', t('per.facility'), facilities.filter((f) => !filterValues.region || f.region === filterValues.region).map((f) => ({ value: f.code, label: `${f.code} — ${text(f.label)}` })))}
        {select('almost', t('per.almost'), [{ value: 'any', label: t('almost.any') }, ...(meta?.almost ?? []).map((a) => ({ value: a, label: t(`almost.${a as 'later'}`) }))])}
        <label>
          {t('per.search')}
          <input type="search" defaultValue={filterValues.q} onKeyDown={(e) => e.key === 'Enter' && setFilter('q', (e.target as HTMLInputElement).value)} onBlur={(e) => setFilter('q', e.target.value)} name="q" />
        </label>
        <SortAndExport sort={sort} order={order} exportHref={exportHref} onChange={setFilter} onClear={() => setParams(act ? { act } : {}, { replace: true })} />
      </form>
      {error !== null && <ErrorView error={error} />}
      {total === null && error === null && <Loading />}
      {total !== null && <PersonTable total={total} act={act} pages={pages} />}
    </div>
  );
}

/**
 * The persons of the list in pages of PAGE rows, fetched as the virtualized list scrolls them into
 * view; a change of the query (`key`) starts again, and answers to an earlier query are dropped.
 */
function usePersonPages(act: string | null, listQuery: Record<string, string | null>, key: string) {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const pages = useRef(new Map<number, PersonRow[]>());
  const pending = useRef(new Set<number>());
  const [, setLoadedTick] = useState(0);
  const generation = useRef(0);

  const fetchPage = (page: number, gen: number) => {
    if (!act || pages.current.has(page) || pending.current.has(page)) return;
    pending.current.add(page);
    getJson(`/api/persons${query({ ...listQuery, limit: PAGE, offset: page * PAGE })}`, personListSchema)
      .then((r) => {
        if (gen !== generation.current) return;
        pages.current.set(page, r.rows);
        setTotal(r.total);
        setLoadedTick((x) => x + 1);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(e);
      })
      .finally(() => pending.current.delete(page));
  };

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(null);
    fetchPage(0, generation.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const needed = new Set(items.map((i) => Math.floor(i.index / PAGE)));
    for (const p of needed) fetchPage(p, generation.current);
  });
  const rowOf = (i: number): PersonRow | undefined => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE];
  return { total, error, scroller, virtualizer, items, rowOf };
}

/** The facilities and regions the user may choose among: an officer's or supervisor's own (the server limits the rows anyway). */
function useScopedPlaces() {
  const { meta, user } = useSession();
  const facilities = useMemo(() => {
    const all = meta?.facilities ?? [];
    if (user && user.facilities.length > 0) return all.filter((f) => user.facilities.includes(f.code));
    if (user && user.regions.length > 0) return all.filter((f) => user.regions.includes(f.region));
    return all;
  }, [meta, user]);
  const regions = useMemo(() => (meta?.regions ?? []).filter((r) => !user || user.regions.length === 0 || user.regions.includes(r.code)), [meta, user]);
  return { facilities, regions };
}

/** One person's cells: id (opening the person), name, sex, custody, facility, articles, end, status, clause, days. */
function PersonCells({ row: r, act }: { row: PersonRow; act: string | null }) {
  const { t, text, n, cite } = useLang();
  const vocab = useVocabulary();
  return (
    <>
      <span role="cell">
        <Link to={`/persons/${r.person_id}?act=${act}`}>{r.person_id}</Link>
      </span>
      <span role="cell">{[r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' ')}</span>
      <span role="cell">{r.sex ?? '—'}</span>
      <span role="cell">{r.custody ? text(vocab.custodies.get(r.custody)) || r.custody : '—'}</span>
      <span role="cell" className="mono">
        {r.facility ?? '—'}
      </span>
      <span role="cell" className="mono">
        {(r.articles ?? []).join(', ')}
      </span>
      <span role="cell">{r.sentence_end ?? '—'}</span>
      <span role="cell">
        <span className={`badge st-${r.status}`}>{t(`status.${r.status as 'eligible'}`)}</span>
      </span>
      <span role="cell">{r.clause !== null ? cite(r.clause) : r.excluded_by !== null ? cite(r.excluded_by) : r.almost ? `${t(`almost.${r.almost as 'later'}`)}: ${cite(r.almost_clause)}` : '—'}</span>
      <span role="cell" className="num">
        {n(r.days_remitted)}
      </span>
    </>
  );
}

/** Sort and order of the list, clearing the filters, and the export. */
function SortAndExport(props: { sort: string; order: string; exportHref: (format: 'csv' | 'xlsx') => string; onChange: (name: string, value: string) => void; onClear: () => void }) {
  const { sort, order, exportHref, onChange, onClear } = props;
  const { t } = useLang();
  return (
    <>
      <label>
        {t('per.sort')}
        <select value={sort} onChange={(e) => onChange('sort', e.target.value === 'row' ? '' : e.target.value)} name="sort">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`per.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('per.order')}
        <select value={order} onChange={(e) => onChange('order', e.target.value === 'asc' ? '' : e.target.value)} name="order">
          <option value="asc">{t('per.asc')}</option>
          <option value="desc">{t('per.desc')}</option>
        </select>
      </label>
      <div className="actions">
        <button type="button" onClick={onClear}>
          {t('per.clear')}
        </button>
        <a className="button" href={exportHref('csv')} download>
          {t('per.export')} CSV
        </a>
        <a className="button" href={exportHref('xlsx')} download>
          {t('per.export')} XLSX
        </a>
        <small className="muted">{t('per.exportNote')}</small>
      </div>
    </>
  );
}

/** The list of persons, virtualized: only the rows in view are in the page, each fetched with its page. */
function PersonTable({ total, act, pages }: { total: number; act: string | null; pages: ReturnType<typeof usePersonPages> }) {
  const { t, n } = useLang();
  const { scroller, virtualizer, items, rowOf } = pages;
  return (
    <div className="vtable" role="table" aria-label={t('per.listLabel', { n: n(total) })} aria-rowcount={total + 1}>
      <div className="vrow vhead" role="row" aria-rowindex={1}>
        {(['per.col.id', 'per.col.name', 'per.col.sex', 'per.col.custody', 'per.col.facility', 'per.col.articles', 'per.col.end', 'per.col.status', 'per.col.clause', 'per.col.days'] as const).map((c) => (
          <span key={c} role="columnheader">
            {t(c)}
          </span>
        ))}
      </div>
      <div className="vscroll" ref={scroller} tabIndex={0} data-testid="person-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = rowOf(item.index);
            return (
              <div key={item.key} className="vrow" role="row" aria-rowindex={item.index + 2} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                {r ? (
                  <PersonCells row={r} act={act} />
                ) : (
                  <span role="cell" className="muted">
                    …
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The transition cell of a comparison the list shows: persons of one measure kind under an act and another under a second. */
function TransitionNote({ act, kind, compareAct, compareKind }: { act: string; kind: string; compareAct: string; compareKind: string }) {
  const { t } = useLang();
  const kindLabel = (k: string) => (['none', 'release', 'reduce', 'replace', 'other'].includes(k) ? t(`kind.${k as 'none'}`) : k);
  return (
    <p className="card note" data-testid="transition">
      {t('per.transition', { a: act, ka: kindLabel(kind), b: compareAct, kb: kindLabel(compareKind) })}
    </p>
  );
}
