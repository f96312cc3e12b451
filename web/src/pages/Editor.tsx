/**
 * The editor: the act's YAML beside sliders and fields for its numbers; every change is evaluated on
 * the current (national) registry through POST /api/what-if — the headline at once (a light debounce,
 * the older request cancelled), the charts a little later — and errors are marked at their line.
 * Saving sends If-Match; a 409 shows whose version is newer and lets the analyst choose.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { getJson } from '../api/client.ts';
import { actViewSchema, type ActView, type WhatIf } from '../api/schemas.ts';
import { ChartCard } from '../components/Chart.tsx';
import { Figures, type FigureItem } from '../components/Figures.tsx';
import { ForkForm } from '../components/Fork.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useActText, useCharts, useHeadline, useLint, useParsedText, useSave, type EditorCharts, type Headline, type Saving } from '../editor/hooks.ts';
import { withNumber, type ActNumber } from '../editor/numbers.ts';
import { YamlEditor, type EditorHandle, type Mark } from '../editor/YamlEditor.tsx';
import { useLang } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';

type Translate = ReturnType<typeof useLang>['t'];

function headlineItems(w: WhatIf, base: WhatIf | null, t: Translate): FigureItem[] {
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

/** The label of a number's slider: the parameter's label, or the clause and the fact it is compared with. */
function numberLabel(n: ActNumber, view: ActView, { t, text: pickText, cite }: Pick<ReturnType<typeof useLang>, 't' | 'text' | 'cite'>): string {
  const clause = view.clauses.find((c) => c.id === n.owner);
  const param = n.key.startsWith('parameters.') ? view.parameters.find((p) => p.name === n.name) : undefined;
  if (param) return `${param.label ? pickText(param.label) : param.name}`;
  const where = clause ? `${cite(clause.ref)}${clause.label ? ` (${pickText(clause.label)})` : ''}` : n.owner ?? '';
  return `${where}: ${n.name}${n.kind === 'term' ? ` (${t('ed.inMonths')})` : ''}`;
}

/** Whether the text is valid, its errors at their line and column, and the linter's warnings folded away. */
function CheckReport({ marks }: { marks: Mark[] }) {
  const { t } = useLang();
  const errors = marks.filter((m) => m.severity === 'error');
  const warnings = marks.filter((m) => m.severity === 'warning');
  return (
    <div className="check" aria-live="polite" data-testid="check">
      {errors.length === 0 ? (
        <p className="ok">{t('ed.valid')}</p>
      ) : (
        <>
          <p className="warn">{t('ed.invalid')}</p>
          <h3>{t('ed.errors')}</h3>
          <ul className="locations" data-testid="errors">
            {errors.map((m, i) => (
              <li key={i}>
                <span className="where">{m.column ? t('common.lineColumn', { line: m.line ?? '?', column: m.column }) : t('common.line', { line: m.line ?? '?' })}</span>: {m.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>
            {t('ed.warnings')} ({warnings.length})
          </summary>
          <ul className="locations">
            {warnings.map((m, i) => (
              <li key={i}>
                <span className="where">{t('common.line', { line: m.line ?? '?' })}</span>: {m.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The note, the save button and what came of saving: the new version, an error, or a conflict with its three ways out. */
function SaveBar({ id, saving, dirty }: { id: string; saving: Saving; dirty: boolean }) {
  const { t } = useLang();
  const { saved, state } = saving;
  return (
    <div className="save-bar">
      <label>
        {t('ed.note')}
        <input value={saving.note} onChange={(e) => saving.setNote(e.target.value)} maxLength={2000} />
      </label>
      <button type="button" className="primary" disabled={!dirty} onClick={() => void saving.save(saved.etag)}>
        {t('ed.save')}
      </button>
      {dirty && <span className="muted">{t('ed.unsaved')}</span>}
      <div aria-live="polite">
        {state?.kind === 'saved' && <p className="ok">{t('ed.saved', { n: state.version })}</p>}
        {state?.kind === 'error' && <ErrorView error={state.error} />}
      </div>
      {state?.kind === 'conflict' && (
        <div className="card warn" role="alert">
          <p>{t('ed.conflict', { n: state.version })}</p>
          <div className="actions">
            <button type="button" onClick={() => void saving.loadTheirs()}>
              {t('ed.loadTheirs')}
            </button>
            <button type="button" onClick={() => void saving.save(state.etag)}>
              {t('ed.saveOnTop')}
            </button>
            <Link to={`/acts/${id}/history?from=${saved.version}&to=${state.version}`}>{t('ed.diffTheirs')}</Link>
          </div>
        </div>
      )}
    </div>
  );
}

/** The headline figures with their change since the editor was opened, the registry and the time taken. */
function HeadlinePanel({ headline }: { headline: Headline }) {
  const { t } = useLang();
  const { figures, baseline, busy, requestError } = headline;
  const w = figures?.data ?? null;
  return (
    <>
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
    </>
  );
}

function ChartsPanel({ id, charts }: { id: string; charts: EditorCharts }) {
  const { t } = useLang();
  if (!charts.shown) return null;
  return (
    <>
      <h3>{t('ed.charts')}</h3>
      {charts.custody && <ChartCard title={t('imp.by.custody')} fileName={`${id}-custody`} {...charts.custody} />}
      {charts.gravity && <ChartCard title={t('imp.by.gravity')} fileName={`${id}-gravity`} {...charts.gravity} />}
      {charts.money && <ChartCard title={t('imp.moneyBy')} fileName={`${id}-money`} {...charts.money} />}
    </>
  );
}

function EditorBody({ view }: { view: ActView }) {
  const { t, lang, text: pickText, cite } = useLang();
  const { meta, can } = useSession();
  const id = view.summary.id;
  const frozen = view.summary.kind === 'law';
  const editor = useRef<EditorHandle | null>(null);
  const actText = useActText(view.source);
  const { text, revision, edit } = actText;
  const { numbers, syntax } = useParsedText(text, meta);
  const parses = syntax.length === 0;
  const headline = useHeadline(actText, parses);
  const charts = useCharts(actText, parses);
  const warnings = useLint(text, parses);
  const saving = useSave(view, text, editor);
  const { clear: clearSaveState } = saving;
  const marks = useMemo(() => (syntax.length > 0 ? syntax : [...headline.serverMarks, ...warnings]), [syntax, headline.serverMarks, warnings]);
  const change = useCallback(
    (next: string) => {
      edit(next);
      clearSaveState();
    },
    [edit, clearSaveState],
  );
  const setNumber = (n: ActNumber, v: number) => editor.current?.replace(withNumber(text, n, v));
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
          <CheckReport marks={marks} />
          {!frozen && can('acts.write') && <SaveBar id={id} saving={saving} dirty={text !== saving.saved.source} />}
        </section>
        <section className="editor-right" aria-labelledby="h-figures">
          <HeadlinePanel headline={headline} />
          <h3>{t('ed.parameters')}</h3>
          {numbers.length === 0 ? (
            <p className="muted">{t('ed.noParameters')}</p>
          ) : (
            <div className="numbers">
              {numbers.map((n) => (
                <NumberControl key={n.key} n={n} label={numberLabel(n, view, { t, text: pickText, cite })} onChange={(v) => setNumber(n, v)} />
              ))}
            </div>
          )}
          <ChartsPanel id={id} charts={charts} />
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
