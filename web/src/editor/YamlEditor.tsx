/**
 * The act's YAML in CodeMirror 6: highlighting, completion of fact names (and tags in has_tag(…)),
 * and the checker's errors and warnings marked at their line (pushed in from the server's answers).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { EditorState, Compartment, type Text } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Meta } from '../api/schemas.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { pick } from '../lib/format.ts';

export interface Mark {
  line: number | null | undefined;
  column: number | null | undefined;
  message: string;
  severity: 'error' | 'warning';
}

export interface EditorHandle {
  replace(text: string): void;
}

function completions(meta: Meta | null, lang: Lang) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const tag = ctx.matchBefore(/has_tag\(\w*/);
    if (tag && meta) {
      const start = tag.from + 'has_tag('.length;
      return { from: start, options: meta.tags.map((t) => ({ label: t, type: 'enum' })), validFor: /^\w*$/ };
    }
    const word = ctx.matchBefore(/[a-z_][a-z0-9_]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const options = (meta?.facts ?? []).map((f) => ({
      label: f.name,
      type: f.type === 'boolean' ? 'keyword' : 'variable',
      detail: f.type === 'enum' ? `${f.values.join(' | ')}` : f.unit ? `${f.type}, ${f.unit}` : f.type,
      info: pick(f.label, lang),
      apply: f.arg ? `${f.name}(` : f.name,
    }));
    return { from: word.from, options, validFor: /^[a-z0-9_]*$/ };
  };
}

/** Rewrites only the part of the document that differs from `text`, so the cursor and the scroll stay where they are. */
function replaceText(v: EditorView, text: string): void {
  const cur = v.state.doc.toString();
  if (cur === text) return;
  let a = 0;
  while (a < cur.length && a < text.length && cur[a] === text[a]) a++;
  let b = 0;
  while (b < cur.length - a && b < text.length - a && cur[cur.length - 1 - b] === text[text.length - 1 - b]) b++;
  v.dispatch({ changes: { from: a, to: cur.length - b, insert: text.slice(a, text.length - b) } });
}

/** The marks as CodeMirror's diagnostics: each from its column (or the line's start) to the line's end; a line beyond the text is its last. */
function diagnosticsOf(marks: Mark[], doc: Text): Diagnostic[] {
  return marks.map((m) => {
    const lineNo = Math.min(Math.max(1, m.line ?? 1), doc.lines);
    const line = doc.line(lineNo);
    const from = Math.min(line.to, line.from + Math.max(0, (m.column ?? 1) - 1));
    return { from, to: Math.max(from, line.to), severity: m.severity, message: m.message };
  });
}

interface YamlEditorProps {
  initial: string;
  onChange: (text: string) => void;
  marks: Mark[];
  meta: Meta | null;
  lang: Lang;
  handle: React.MutableRefObject<EditorHandle | null>;
  label: string;
  describedBy?: string;
}

/**
 * CodeMirror's view, made once per act in `host` (later texts arrive through the handle's replace),
 * with completion in a compartment of its own that follows the vocabulary and the language.
 */
function useEditorView(host: RefObject<HTMLDivElement | null>, { initial, onChange, meta, lang, handle, label, describedBy }: Omit<YamlEditorProps, 'marks'>): RefObject<EditorView | null> {
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const completion = useRef(new Compartment());

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initial,
        extensions: [
          basicSetup,
          yaml(),
          lintGutter(),
          completion.current.of(autocompletion({ override: [completions(meta, lang)] })),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    handle.current = { replace: (text: string) => replaceText(v, text) };
    return () => {
      v.destroy();
      view.current = null;
      handle.current = null;
    };
    // The editor is made once per act; later texts arrive through handle.replace.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: completion.current.reconfigure(autocompletion({ override: [completions(meta, lang)] })) });
  }, [meta, lang]);
  return view;
}

export function YamlEditor(props: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useEditorView(host, props);
  const { marks } = props;
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(setDiagnostics(v.state, diagnosticsOf(marks, v.state.doc)));
  }, [marks, view]);

  return <div ref={host} className="yaml-editor" data-testid="yaml-editor" />;
}
