/**
 * The editor page's state, one hook per concern: the text and its revisions, what the text parses
 * to, the live headline on the registry, the charts, the linter's warnings, and saving with
 * If-Match. The requests of the headline, the charts and the linter each cancel their own older one.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { parseDocument, type Document } from 'yaml';
import { api, ApiError, getJson } from '../api/client.ts';
import { actSummarySchema, actViewSchema, validationSchema, whatIfSchema, type ActView, type Meta, type WhatIf } from '../api/schemas.ts';
import { coverageChart, moneyChart } from '../lib/charts.ts';
import { useLang } from '../lib/format.ts';
import { useVocabulary } from '../lib/session.tsx';
import { findNumbers, type ActNumber, type NumericFact } from './numbers.ts';
import type { EditorHandle, Mark } from './YamlEditor.tsx';

const HEADLINE_DELAY_MS = 25;
const CHARTS_DELAY_MS = 350;
const VALIDATE_DELAY_MS = 700;

/** The text as the analyst edits it, and its revision: one more with every change. */
export interface ActText {
  text: string;
  revision: number;
  /** The newest revision, raised at the change itself (before the page renders again), so an answer to an older text is known as such. */
  latest: { readonly current: number };
  edit(next: string): void;
}

export function useActText(initial: string): ActText {
  const [text, setText] = useState(initial);
  const [revision, setRevision] = useState(0);
  const latest = useRef(0);
  const edit = useCallback((next: string) => {
    latest.current += 1;
    setRevision(latest.current);
    setText(next);
  }, []);
  return { text, revision, latest, edit };
}

/** Errors of the YAML itself, found here at once (the server reports them without a line). */
function syntaxMarks(doc: Document.Parsed): Mark[] {
  return doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? 1, column: e.linePos?.[0]?.col ?? 1, message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''), severity: 'error' as const }));
}

/** One parse of the text serves both the check of its syntax and the numbers under the sliders. */
export function useParsedText(text: string, meta: Meta | null): { numbers: ActNumber[]; syntax: Mark[] } {
  const numericFacts = useMemo(
    () => new Map<string, NumericFact>((meta?.facts ?? []).filter((f) => f.type === 'number' || f.type === 'term').map((f) => [f.name, { name: f.name, unit: f.type === 'term' ? 'term' : f.unit }])),
    [meta],
  );
  const doc = useMemo(() => parseDocument(text), [text]);
  const numbers = useMemo(() => findNumbers(text, numericFacts, doc), [text, numericFacts, doc]);
  const syntax = useMemo(() => syntaxMarks(doc), [doc]);
  return { numbers, syntax };
}

/** POST /api/what-if: the headline alone, or with the coverage and money sections for the charts. */
async function whatIf(source: string, sections: boolean, signal: AbortSignal): Promise<WhatIf> {
  const { data } = await api('/api/what-if', whatIfSchema, { method: 'POST', body: sections ? { source, sections: ['coverage', 'money'] } : { source }, signal });
  return data;
}

/** Aborts the request before, and gives the controller of the next one. */
function nextRequest(current: { current: AbortController | null }): AbortController {
  current.current?.abort();
  const c = new AbortController();
  current.current = c;
  return c;
}

export interface Headline {
  /** The figures of the newest text that was evaluated, and its revision. */
  figures: { data: WhatIf; revision: number } | null;
  /** The figures of the text as opened, which each figure is compared with. */
  baseline: WhatIf | null;
  /** The act's errors, with their line, from the server's 422. */
  serverMarks: Mark[];
  requestError: unknown;
  busy: boolean;
}

/**
 * The headline: at once when no request is on its way, else after a short pause in typing; the
 * older request is cancelled either way, and an answer to an older revision is dropped. A text
 * whose YAML does not parse is not sent.
 */
export function useHeadline({ text, revision, latest }: ActText, parses: boolean): Headline {
  const [figures, setFigures] = useState<Headline['figures']>(null);
  const [baseline, setBaseline] = useState<WhatIf | null>(null);
  const [serverMarks, setServerMarks] = useState<Mark[]>([]);
  const [requestError, setRequestError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const request = useRef<AbortController | null>(null);
  const inFlight = useRef(false);
  useEffect(() => {
    const rev = revision;
    if (!parses) return;
    const timer = window.setTimeout(() => {
      const c = nextRequest(request);
      setBusy(true);
      inFlight.current = true;
      whatIf(text, false, c.signal).then(
        (data) => {
          if (c.signal.aborted || rev !== latest.current) return;
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
  }, [text, revision, parses, latest]);
  return { figures, baseline, serverMarks, requestError, busy };
}

type ChartOptions = ReturnType<typeof coverageChart>;

export interface EditorCharts {
  /** Whether an answer with the sections has come. */
  shown: boolean;
  custody: ChartOptions | null;
  gravity: ChartOptions | null;
  money: ReturnType<typeof moneyChart> | null;
}

/** The charts (coverage by custody and gravity, money): evaluated when typing pauses a little longer than for the headline. */
export function useCharts({ text, revision }: ActText, parses: boolean): EditorCharts {
  const { t, lang } = useLang();
  const vocab = useVocabulary();
  const [answer, setAnswer] = useState<WhatIf | null>(null);
  const request = useRef<AbortController | null>(null);
  useEffect(() => {
    if (!parses) return;
    const timer = window.setTimeout(() => {
      const c = nextRequest(request);
      whatIf(text, true, c.signal).then(
        (data) => {
          if (!c.signal.aborted) setAnswer(data);
        },
        () => undefined,
      );
    }, CHARTS_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, revision, parses]);
  const cov = answer?.sections.coverage;
  const money = answer?.sections.money;
  // Chart options change only with the charts' own answer (not with every keystroke).
  const custody = useMemo(() => (cov ? coverageChart(cov.custody, t, lang, { names: vocab.custodies }) : null), [cov, t, lang, vocab]);
  const gravity = useMemo(() => (cov ? coverageChart(cov.gravity, t, lang, { names: vocab.gravities }) : null), [cov, t, lang, vocab]);
  const moneyBars = useMemo(() => (money ? moneyChart(money.variants, t, lang) : null), [money, t, lang]);
  return { shown: cov !== undefined, custody, gravity, money: moneyBars };
}

/** The linter's errors and warnings (unreachable or overlapping clauses on the registry), when typing pauses. */
export function useLint(text: string, parses: boolean): Mark[] {
  const [marks, setMarks] = useState<Mark[]>([]);
  const request = useRef<AbortController | null>(null);
  useEffect(() => {
    if (!parses) return;
    const timer = window.setTimeout(() => {
      const c = nextRequest(request);
      api('/api/acts/validate', validationSchema, { method: 'POST', body: { source: text }, signal: c.signal }).then(
        ({ data }) => {
          if (c.signal.aborted) return;
          setMarks([...data.errors.map((l) => ({ line: l.line, column: l.column, message: l.message ?? '', severity: 'error' as const })), ...data.warnings.map((l) => ({ line: l.line, column: l.column, message: l.message ?? '', severity: 'warning' as const }))]);
        },
        () => undefined,
      );
    }, VALIDATE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, parses]);
  return marks;
}

export type SaveState = { kind: 'saved'; version: number } | { kind: 'conflict'; version: number; etag: string } | { kind: 'error'; error: unknown } | null;

export interface Saving {
  /** The version last saved or loaded, with its ETag. */
  saved: { source: string; etag: string; version: number };
  state: SaveState;
  note: string;
  setNote(note: string): void;
  /** PUT with If-Match: the ETag read, or after a conflict the newer version's. */
  save(etag: string): Promise<void>;
  /** After a conflict: the newer version replaces the text (the analyst's changes are dropped). */
  loadTheirs(): Promise<void>;
  /** Forgets the outcome of the last save (the text changed since). */
  clear(): void;
}

export function useSave(view: ActView, text: string, editor: RefObject<EditorHandle | null>): Saving {
  const id = view.summary.id;
  const [saved, setSaved] = useState({ source: view.source, etag: view.summary.etag, version: view.summary.version });
  const [state, setState] = useState<SaveState>(null);
  const [note, setNote] = useState('');
  const save = async (etag: string) => {
    setState(null);
    try {
      const { data } = await api(`/api/acts/${id}`, actSummarySchema, { method: 'PUT', body: { source: text, ...(note ? { note } : {}) }, headers: { 'if-match': etag } });
      setSaved({ source: text, etag: data.etag, version: data.version });
      setState({ kind: 'saved', version: data.version });
      setNote('');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && typeof e.details['etag'] === 'string') setState({ kind: 'conflict', version: Number(e.details['current_version'] ?? 0), etag: e.details['etag'] });
      else setState({ kind: 'error', error: e });
    }
  };
  const loadTheirs = async () => {
    const v = await getJson(`/api/acts/${id}`, actViewSchema);
    setSaved({ source: v.source, etag: v.summary.etag, version: v.summary.version });
    editor.current?.replace(v.source);
    setState(null);
  };
  const clear = useCallback(() => setState(null), []);
  return { saved, state, note, setNote, save, loadTheirs, clear };
}
