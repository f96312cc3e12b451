/** `amnestia check <file>`: the data-quality report of a registry file, or the verification of a snapshot. */
import { loadLaw } from '../law/law.ts';
import { importRegistryFile, type ImportResult, type RowIssue } from '../registry/import.ts';
import { render, type Lang } from '../i18n/text.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { renderMessage } from '../i18n/message.ts';

/** Writes text to standard output in blocks (standard output is synchronous for files and pipes on Linux). */
class Out {
  private buf: string[] = [];
  private size = 0;
  put(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    process.stdout.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
}

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

export async function runCheck(
  file: string,
  opts: { lang: Lang; format: 'text' | 'json'; limit: number; sheet?: string },
  progress: (line: string) => void,
): Promise<boolean> {
  const law = loadLaw();
  const m = (k: keyof typeof MESSAGES, p: Record<string, string | number> = {}) => render(MESSAGES[k], opts.lang, p);
  const out = new Out();
  const first: RowIssue[] = [];
  let streamed = 0;
  // JSON: every issue is written as it is found (a file may have millions); text: the first --limit are kept.
  if (opts.format === 'json') out.put(`{\n  "file": ${JSON.stringify(file)},\n  "issues": [`);
  const onIssue =
    opts.format === 'json'
      ? (i: RowIssue) => out.put(`${streamed++ === 0 ? '' : ','}\n    ${indent(JSON.stringify(i, null, 2), '    ')}`)
      : (i: RowIssue) => {
          if (first.length < opts.limit) first.push(i);
          streamed++;
        };
  const result: ImportResult = await importRegistryFile(law.criminalCode, file, {
    onProgress: (rows) => progress(m('progress.rows', { rows })),
    onIssue,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const warnings = result.warnings + result.fileIssues.filter((i) => i.severity === 'warning').length;
  const ok = result.rejected === 0 && !result.fileIssues.some((i) => i.severity === 'error');
  const byRule = Object.entries(result.byRule).sort((a, b) => b[1].count - a[1].count);
  if (opts.format === 'json') {
    out.put(streamed > 0 ? '\n  ],\n' : '],\n');
    const rest = { ok, rows: result.rows, accepted: result.accepted, rejected: result.rejected, warnings, byRule: Object.fromEntries(byRule), fileIssues: result.fileIssues, source: result.source };
    out.put(`  ${indent(JSON.stringify(rest, null, 2).slice(1, -1).trim(), '')}\n}\n`);
    out.flush();
    return ok;
  }
  const lines = [m('check.heading', { file })];
  const src = result.source;
  if (src.format === 'amnreg')
    lines.push(m('check.snapshot', { persons: src.snapshot.persons, version: src.snapshot.version, checksum: src.snapshot.checksum.slice(0, 16), law: src.snapshot.lawHash }));
  else {
    if (src.format === 'csv') lines.push(m('check.csv_source', { encoding: src.encoding.toUpperCase(), delimiter: m(`check.delimiter.${src.delimiter === '\t' ? 'tab' : src.delimiter === ';' ? 'semicolon' : 'comma'}`), lines: src.lines }));
    else lines.push(m('check.xlsx_source', { sheet: src.sheet ?? '—', sheets: src.sheets.length }));
    lines.push(m('check.counts', { rows: result.rows, accepted: result.accepted, rejected: result.rejected, warnings }));
  }
  for (const i of result.fileIssues) lines.push(m('check.file_issue', { severity: m(`check.severity.${i.severity}`), file, message: renderMessage(i.message, opts.lang), rule: i.rule }));
  if (byRule.length > 0) {
    lines.push('', m('check.by_rule'));
    for (const [rule, e] of byRule) lines.push(`  ${rule.padEnd(34)} ${String(e.count).padStart(8)}  ${m(`check.severity.${e.severity}`)}`);
    lines.push('');
  }
  for (const i of first)
    lines.push(
      m('check.issue', {
        severity: m(`check.severity.${i.severity}`),
        file,
        row: i.cell ? `${i.row} (${m('check.cell', { cell: i.cell })})` : i.row,
        column: i.column ?? '—',
        value: i.value,
        message: renderMessage(i.message, opts.lang),
        rule: i.rule,
      }),
    );
  if (streamed > opts.limit) lines.push(m('check.more', { n: streamed - opts.limit }));
  out.put(`${lines.join('\n')}\n`);
  out.flush();
  return ok;
}
