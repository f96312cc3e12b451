/** Tables for the command line (aligned plain text) and for documents (Markdown). */
export type Align = 'l' | 'r';
export type TableFormat = 'text' | 'md';

/** Display width: combining marks take no column. */
function width(s: string): number {
  return s.replace(/\p{M}/gu, '').length;
}

export function table(headers: string[], rows: string[][], align: Align[], format: TableFormat): string {
  if (format === 'md') {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    const line = (cells: string[]) => `| ${cells.map(esc).join(' | ')} |`;
    return [line(headers), `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map(line)].join('\n');
  }
  const widths = headers.map((h, k) => Math.max(width(h), ...rows.map((r) => width(r[k] ?? ''))));
  const pad = (s: string, w: number, a: Align | undefined) => {
    const fill = ' '.repeat(Math.max(0, w - width(s)));
    return a === 'r' ? fill + s : s + fill;
  };
  const line = (cells: string[]) => widths.map((w, k) => pad(cells[k] ?? '', w, align[k])).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
