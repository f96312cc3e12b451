/** `amnestia check <file>`: the data-quality report of a registry file. */
import { loadLaw } from '../law/law.ts';
import { importRegistryFile } from '../registry/import.ts';
import { render, type Lang } from '../i18n/text.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { ruleText } from '../i18n/rules.ts';

export async function runCheck(file: string, opts: { lang: Lang; format: 'text' | 'json'; limit: number }, progress: (line: string) => void): Promise<boolean> {
  const law = loadLaw();
  const m = (k: keyof typeof MESSAGES, p: Record<string, string | number> = {}) => render(MESSAGES[k], opts.lang, p);
  const result = await importRegistryFile(law.criminalCode, file, { onProgress: (rows) => progress(m('progress.rows', { rows })) });
  if (process.stderr.isTTY) process.stderr.write('\r');
  const warnings = result.issues.filter((i) => i.severity === 'warning').length + result.fileIssues.filter((i) => i.severity === 'warning').length;
  const ok = result.rejected === 0 && !result.fileIssues.some((i) => i.severity === 'error');
  const byRule = new Map<string, { severity: string; count: number }>();
  for (const i of result.issues) {
    const e = byRule.get(i.rule) ?? { severity: i.severity, count: 0 };
    e.count++;
    byRule.set(i.rule, e);
  }
  if (opts.format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        {
          file,
          ok,
          rows: result.rows,
          accepted: result.accepted,
          rejected: result.rejected,
          warnings,
          byRule: Object.fromEntries(byRule),
          fileIssues: result.fileIssues,
          issues: result.issues,
        },
        null,
        2,
      )}\n`,
    );
    return ok;
  }
  const lines = [m('check.heading', { file }), m('check.counts', { rows: result.rows, accepted: result.accepted, rejected: result.rejected, warnings })];
  for (const i of result.fileIssues) lines.push(m('check.file_issue', { severity: m(`check.severity.${i.severity}`), file, message: ruleText(i.rule, i.message, opts.lang), rule: i.rule }));
  if (byRule.size > 0) {
    lines.push('', m('check.by_rule'));
    for (const [rule, e] of [...byRule].sort((a, b) => b[1].count - a[1].count)) lines.push(`  ${rule.padEnd(34)} ${String(e.count).padStart(8)}  ${m(`check.severity.${e.severity as 'error' | 'warning'}`)}`);
    lines.push('');
  }
  for (const i of result.issues.slice(0, opts.limit))
    lines.push(m('check.issue', { severity: m(`check.severity.${i.severity}`), file, row: i.row, column: i.column ?? '—', value: i.value, message: ruleText(i.rule, i.message, opts.lang), rule: i.rule }));
  if (result.issues.length > opts.limit) lines.push(m('check.more', { n: result.issues.length - opts.limit }));
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok;
}
