/**
 * The editor: the act's YAML beside sliders and fields for its numbers; every change is evaluated on
 * the current (national) registry through POST /api/what-if — the headline at once (a light debounce,
 * the older request cancelled), the charts a little later — and errors are marked at their line.
 * Saving sends If-Match; a 409 shows whose version is newer and lets the analyst choose.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { parseDocument, type Document } from 'yaml';
import { api, ApiError, getJson } from '../api/client.ts';
import { actSummarySchema, actViewSchema, validationSchema, whatIfSchema, type ActView, type WhatIf } from '../api/schemas.ts';
import { ChartCard } from '../components/Chart.tsx';
import { Figures, type FigureItem } from '../components/Figures.tsx';
import { ForkForm } from '../components/Fork.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { findNumbers, withNumber, type ActNumber, type NumericFact } from '../editor/numbers.ts';
import { YamlEditor, type EditorHandle, type Mark } from '../editor/YamlEditor.tsx';
import { coverageChart, moneyChart } from '../lib/charts.ts';
import { useLang } from '../lib/format.ts';
import { useSession, useVocabulary } from '../lib/session.tsx';

const HEADLINE_DELAY_MS = 25;
const CHARTS_DELAY_MS = 350;
const VALIDATE_DELAY_MS = 700;

/** Errors of the YAML itself, found here at once (the server reports them without a line). */
function syntaxMarks(doc: Document.Parsed): Mark[] {
  return doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1, message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''), severity: 'error' as const }));
}

function headlineItems(w: WhatIf, base: WhatIf | null, t: ReturnType<typeof useLang>['t']): FigureItem[] {
  const h = w.headline;
  const b = base?.headline;
  const items: FigureItem[] = [
    { key: 'covered', label: t('fig.covered'), value: h.covered, before: b?.covered ?? null },
    { key: 'released', label: t('fig.released'), value: h.released, before: b?.released ?? null },
    { key: 'reduced', label: t('fig.reduced'), value: h.reduced, before: b?.reduced ?? null },
    { key: 'replaced', label: t('fig.replaced'), value: h.replaced, before: b?.replaced ?? null },
    { key: 'excluded', label: t('fig.excluded'), value: h.excluded, before: b?.excluded ?? null },
    { key: 'needs_review', label: t('fig.needsReview'), value: h.needs_review, before: b?.needs_review ?? null },
    { key: 'days_remitted', label: t('fig.daysRemitted'), value: h.days_remitted, before: b?.days_remitted ?? null },
    { key: 'beds_freed', label: t('fig.bedsFreed'), value: h.beds_freed, before: b?.beds_freed ?? null },
  ];
  h.saved_first_year.forEach((s, i) => items.push({ key: `saved_${i}`, label: t('fig.savedFirstYear', { cost: s.inmate_cost }), value: s.total, money: true, before: b?.saved_first_year[i]?.total ?? null }));
  items.push({ key: 'letter_method', label: t('fig.letterMethod'), value: h.letter_method_per_year, money: true, before: b?.letter_method_per_year ?? null });
  return items;
}

function NumberControl({ n, onChange, label }: { n: ActNumber; onChange: (v: number) => void; label: string }) {
  const id = `num-${n.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <div className="number-control">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} type="range" min={n.min} max={n.max} step={n.step} value={n.value} onChange={(e) => onChange(Number(e.target.value))} data-number={n.key} />
        <input
          type="number"
          aria-label={label}
          min={n.min}
          max={n.max}
          step={n.step}
          value={n.value}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v)) onChange(v);
          }}
          data-number-field={n.key}
        />
      </div>
    </div>
  );
}

function EditorBody({ view }: { view: ActView }) {
  const { t, lang, text: pickText } = useLang();
  const { meta, can } = useSession();
  const vocab = useVocabulary();
  const id = view.summary.id;
  const frozen = view.summary.kind === 'law';
  const [text, setText] = useState(view.source);
  const [saved, setSaved] = useState({ source: view.source, etag: view.summary.etag, version: view.summary.version });
  const [revision, setRevision] = useState(0);
  const [figures, setFigures] = useState<{ data: WhatIf; revision: number } | null>(null);
  const [baseline, setBaseline] = useState<WhatIf | null>(null);
  const [charts, setCharts] = useState<WhatIf | null>(null);
  const [serverMarks, setServerMarks] = useState<Mark[]>([]);
  const [warnings, setWarnings] = useState<Mark[]>([]);
  const [requestError, setRequestError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [saveState, setSaveState] = useState<{ kind: 'saved'; version: number } | { kind: 'conflict'; version: number; etag: string } | { kind: 'error'; error: unknown } | null>(null);
  const editor = useRef<EditorHandle | null>(null);
  const headlineAbort = useRef<AbortController | null>(null);
  const chartsAbort = useRef<AbortController | null>(null);
  const validateAbort = useRef<AbortController | null>(null);
  const revisionRef = useRef(0);

  const numericFacts = useMemo(
    () => new Map<string, NumericFact>((meta?.facts ?? []).filter((f) => f.type === 'number' || f.type === 'term').map((f) => [f.name, { name: f.name, unit: f.type === 'term' ? 'term' : f.unit }])),
    [meta],
  );
  // One parse of the text serves both the check of its syntax and the numbers under the sliders.
  const doc = useMemo(() => parseDocument(text), [text]);
  const numbers = useMemo(() => findNumbers(text, numericFacts, doc), [text, numericFacts, doc]);
  const syntax = useMemo(() => syntaxMarks(doc), [doc]);
  const marks = useMemo(() => (syntax.length > 0 ? syntax : [...serverMarks, ...warnings]), [syntax, serverMarks, warnings]);

  const evaluate = useCallback(async (source: string, rev: number, sections: boolean, signal: AbortSignal) => {
    const { data } = await api('/api/what-if', whatIfSchema, { method: 'POST', body: sections ? { source, sections: ['coverage', 'money'] } : { source }, signal });
    return { data, rev };
  }, []);

  // The headline: at once when no request is on its way, else after a short pause in typing; the
  // older request is cancelled either way.
  const inFlight = useRef(false);
  useEffect(() => {
    const rev = revision;
    if (syntax.length > 0) return;
    const timer = window.setTimeout(() => {
      headlineAbort.current?.abort();
      const c = new AbortController();
      headlineAbort.current = c;
      setBusy(true);
      inFlight.current = true;
      evaluate(text, rev, false, c.signal).then(
        ({ data }) => {
          if (c.signal.aborted || rev !== revisionRef.current) return;
          inFlight.current = false;
          setFigures({ data, revision: rev });
          setBaseline((b) => b ?? data);
          setServerMarks([]);
          setRequestError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (c.signal.aborted) return;
          inFlight.current = false;
          setBusy(false);
          if (e instanceof ApiError && e.status === 422) setServerMarks(e.locations.map((l) => ({ line: l.line, column: l.column, message: l.message ?? e.message, severity: 'error' })));
          else setRequestError(e);
        },
      );
    }, rev === 0 || !inFlight.current ? 0 : HEADLINE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, revision, syntax.length, evaluate]);

  // The charts: when typing pauses a little longer.
  useEffect(() => {
    if (syntax.length > 0) return;
    const rev = revision;
    const timer = window.setTimeout(() => {
      chartsAbort.current?.abort();
      const c = new AbortController();
      chartsAbort.current = c;
      evaluate(text, rev, true, c.signal).then(
        ({ data }) => {
          if (!c.signal.aborted) setCharts(data);
        },
        () => undefined,
      );
    }, CHARTS_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, revision, syntax.length, evaluate]);

  // The linter's warnings (unreachable or overlapping clauses on the registry).
  useEffect(() => {
    if (syntax.length > 0) return;
    const timer = window.setTimeout(() => {
      validateAbort.current?.abort();
      const c = new AbortController();
      validateAbort.current = c;
      api('/api/acts/validate', validationSchema, { method: 'POST', body: { source: text }, signal: c.signal }).then(
        ({ data }) => {
          if (c.signal.aborted) return;
          setWarnings([...data.errors.map((l) => ({ line: l.line, column: l.column, message: l.message ?? '', severity: 'error' as const })), ...data.warnings.map((l) => ({ line: l.line, column: l.column, message: l.message ?? '', severity: 'warning' as const }))]);
        },
        () => undefined,
      );
    }, VALIDATE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, syntax.length]);

  const change = useCallback((next: string) => {
    revisionRef.current += 1;
    setRevision(revisionRef.current);
    setText(next);
    setSaveState(null);
  }, []);

  const setNumber = (n: ActNumber, v: number) => {
    const next = withNumber(text, n, v);
    editor.current?.replace(next);
  };

  const save = async (etag: string) => {
    setSaveState(null);
    try {
      const { data } = await api(`/api/acts/${id}`, actSummarySchema, { method: 'PUT', body: { source: text, ...(note ? { note } : {}) }, headers: { 'if-match': etag } });
      setSaved({ source: text, etag: data.etag, version: data.version });
      setSaveState({ kind: 'saved', version: data.version });
      setNote('');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && typeof e.details['etag'] === 'string') setSaveState({ kind: 'conflict', version: Number(e.details['current_version'] ?? 0), etag: e.details['etag'] });
      else setSaveState({ kind: 'error', error: e });
    }
  };

  const loadTheirs = async () => {
    const v = await getJson(`/api/acts/${id}`, actViewSchema);
    setSaved({ source: v.source, etag: v.summary.etag, version: v.summary.version });
    editor.current?.replace(v.source);
    setSaveState(null);
  };

  const w = figures?.data ?? null;
  const dirty = text !== saved.source;
  const ownerLabel = (n: ActNumber) => {
    const clause = view.clauses.find((c) => c.id === n.owner);
    const param = n.key.startsWith('parameters.') ? view.parameters.find((p) => p.name === n.name) : undefined;
    if (param) return `${param.label ? pickText(param.label) : param.name}`;
    const where = clause ? `${clause.ref}${clause.label ? ` (${pickText(clause.label)})` : ''}` : n.owner ?? '';
    return `${where}: ${n.name}${n.kind === 'term' ? ` (${t('ed.inMonths')})` : ''}`;
  };

  const cov = charts?.sections.coverage;
  const money = charts?.sections.money;
  // Chart options change only with the charts' own answer (not with every keystroke).
  const custodyChart = useMemo(() => (cov ? coverageChart(cov.custody, t, lang, { names: vocab.custodies }) : null), [cov, t, lang, vocab]);
  const gravityChart = useMemo(() => (cov ? coverageChart(cov.gravity, t, lang, { names: vocab.gravities }) : null), [cov, t, lang, vocab]);
  const moneyBars = useMemo(() => (money ? moneyChart(money.variants, t, lang) : null), [money, t, lang]);
  return (
    <div className="editor-page" data-text-revision={revision}>
      <PageTitle sub={pickText(view.summary.title)}>{t('ed.title', { act: id })}</PageTitle>
      {frozen && (
        <div className="card warn">
          <p>{t('ed.lawReadOnly')}</p>
          {can('acts.write') && <ForkForm actId={id} />}
        </div>
      )}
      <div className="editor-grid">
        <section className="editor-left" aria-labelledby="h-yaml">
          <h2 id="h-yaml">{t('ed.yaml')}</h2>
          <p className="small muted" id="ed-hint">
            {t('ed.completion')}
          </p>
          <YamlEditor initial={view.source} onChange={change} marks={marks} meta={meta} lang={lang} handle={editor} label={t('ed.yaml')} describedBy="ed-hint" />
          <div className="check" aria-live="polite" data-testid="check">
            {marks.filter((m) => m.severity === 'error').length === 0 ? (
              <p className="ok">{t('ed.valid')}</p>
            ) : (
              <>
                <p className="warn">{t('ed.invalid')}</p>
                <h3>{t('ed.errors')}</h3>
                <ul className="locations" data-testid="errors">
                  {marks
                    .filter((m) => m.severity === 'error')
                    .map((m, i) => (
                      <li key={i}>
                        <span className="where">{m.column ? t('common.lineColumn', { line: m.line ?? '?', column: m.column }) : t('common.line', { line: m.line ?? '?' })}</span>: {m.message}
                      </li>
                    ))}
                </ul>
              </>
            )}
            {marks.some((m) => m.severity === 'warning') && (
              <details>
                <summary>
                  {t('ed.warnings')} ({marks.filter((m) => m.severity === 'warning').length})
                </summary>
                <ul className="locations">
                  {marks
                    .filter((m) => m.severity === 'warning')
                    .map((m, i) => (
                      <li key={i}>
                        <span className="where">{t('common.line', { line: m.line ?? '?' })}</span>: {m.message}
                      </li>
                    ))}
                </ul>
              </details>
            )}
          </div>
          {!frozen && can('acts.write') && (
            <div className="save-bar">
              <label>
                {t('ed.note')}
                <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
              </label>
              <button type="button" className="primary" disabled={!dirty} onClick={() => void save(saved.etag)}>
                {t('ed.save')}
              </button>
              {dirty && <span className="muted">{t('ed.unsaved')}</span>}
              <div aria-live="polite">
                {saveState?.kind === 'saved' && <p className="ok">{t('ed.saved', { n: saveState.version })}</p>}
                {saveState?.kind === 'error' && <ErrorView error={saveState.error} />}
              </div>
              {saveState?.kind === 'conflict' && (
                <div className="card warn" role="alert">
                  <p>{t('ed.conflict', { n: saveState.version })}</p>
                  <div className="actions">
                    <button type="button" onClick={() => void loadTheirs()}>
                      {t('ed.loadTheirs')}
                    </button>
                    <button type="button" onClick={() => void save(saveState.etag)}>
                      {t('ed.saveOnTop')}
                    </button>
                    <Link to={`/acts/${id}/history?from=${saved.version}&to=${saveState.version}`}>{t('ed.diffTheirs')}</Link>
                  </div>
                </div>
              )}
            </div>
          )}
        </section>
        <section className="editor-right" aria-labelledby="h-figures">
          <h2 id="h-figures">
            {t('ed.figures')} {busy && <span className="muted small">{t('ed.updating')}</span>}
          </h2>
          {requestError !== null && <ErrorView error={requestError} />}
          {w ? (
            <>
              <Figures items={headlineItems(w, baseline, t)} label={t('ed.figures')} busy={busy} revision={figures?.revision} />
              <p className="small muted">
                {w.registry.name}, {t('common.asOf')} {w.as_of} · {t('ed.evaluatedIn', { ms: Math.round((w.timings['compile_ms'] ?? 0) + (w.timings['evaluate_ms'] ?? 0) + (w.timings['figures_ms'] ?? 0)) })}
              </p>
            </>
          ) : (
            <Loading />
          )}
          <h3>{t('ed.parameters')}</h3>
          {numbers.length === 0 ? (
            <p className="muted">{t('ed.noParameters')}</p>
          ) : (
            <div className="numbers">
              {numbers.map((n) => (
                <NumberControl key={n.key} n={n} label={ownerLabel(n)} onChange={(v) => setNumber(n, v)} />
              ))}
            </div>
          )}
          {cov && (
            <>
              <h3>{t('ed.charts')}</h3>
              {custodyChart && <ChartCard title={t('imp.by.custody')} fileName={`${id}-custody`} {...custodyChart} />}
              {gravityChart && <ChartCard title={t('imp.by.gravity')} fileName={`${id}-gravity`} {...gravityChart} />}
              {moneyBars && <ChartCard title={t('imp.moneyBy')} fileName={`${id}-money`} {...moneyBars} />}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

export function EditorPage() {
  const { id = '' } = useParams();
  const [view, setView] = useState<ActView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const c = new AbortController();
    setView(null);
    getJson(`/api/acts/${id}`, actViewSchema, c.signal).then(setView, (e: unknown) => {
      if (!c.signal.aborted) setError(e);
    });
    return () => c.abort();
  }, [id]);
  if (error !== null) return <ErrorView error={error} />;
  if (!view) return <Loading />;
  return <EditorBody key={view.summary.id} view={view} />;
}
