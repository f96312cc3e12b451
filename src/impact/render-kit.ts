/**
 * What every section of the impact report uses to render itself as text (the command line) or
 * Markdown (documents), in kk, ru or en: the rendering context, numbers, headings, captions and the
 * references to the report's unverified inputs. The texts are in src/i18n/impact/.
 */
import { type Gravity } from '../domain/enums.ts';
import { CUSTODY_LABELS, GRAVITY_LABELS } from '../i18n/enums.ts';
import { KIND_LABELS } from '../i18n/impact/labels.ts';
import { REPORT_TEXTS } from '../i18n/impact/report.ts';
import { formatNumber, render, type Lang, type Text } from '../i18n/text.ts';
import type { TableFormat } from '../reports/table.ts';

export interface Ctx {
  lang: Lang;
  format: TableFormat;
  /** The report's unverified inputs, numbered in its order (`unverified_inputs`). */
  doubts?: { number: Map<string, number>; label: Map<string, Text> };
}

/** Paragraphs: each call appends its lines, then a blank line. */
export function paragraphs(out: string[]): (...lines: string[]) => void {
  return (...lines) => out.push(...lines, '');
}

/** "[1], [4]" for keys of the report's unverified inputs. */
export function doubtRefs(keys: readonly string[], ctx: Ctx): string {
  return keys
    .map((k) => ctx.doubts?.number.get(k) ?? 0)
    .sort((a, b) => a - b)
    .map((k) => `[${k || '?'}]`)
    .join(', ');
}

/** The line under a section's heading: the unverified inputs it rests on, or none. */
export function sectionDoubts(keys: readonly string[], ctx: Ctx): string {
  return keys.length === 0 ? t(REPORT_TEXTS.restsVerified, ctx) : t(REPORT_TEXTS.restsOn, ctx, { list: doubtRefs(keys, ctx) });
}

export const n = (v: number, ctx: Ctx, digits = 0) => formatNumber(v, ctx.lang, digits);
export const mln = (v: number, ctx: Ctx) => formatNumber(v / 1e6, ctx.lang, 1);
export const pct = (v: number | null, ctx: Ctx) => (v === null ? '—' : formatNumber(v * 100, ctx.lang, 1));
export const t = (x: Text, ctx: Ctx, params: Record<string, string | number> = {}) => render(x, ctx.lang, params);

export function heading(text: string, level: number, ctx: Ctx): string {
  if (ctx.format === 'md') return `${'#'.repeat(level)} ${text}`;
  return level <= 2 ? `${text}\n${'═'.repeat(Math.min(100, text.length))}` : `${text}\n${'─'.repeat(Math.min(100, text.length))}`;
}

/** A table under its caption: a line above it in text, a bold paragraph and a blank line in Markdown. */
export function captioned(caption: string, body: string, ctx: Ctx): string {
  return ctx.format === 'md' ? `**${caption}**\n\n${body}` : `${caption}\n${body}`;
}

/** "label n; label n" by decreasing count. */
export function countsLine(counts: Record<string, number>, labelOf: (k: string) => string, ctx: Ctx): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${labelOf(k)} ${n(v, ctx)}`)
    .join('; ');
}

export const gravityLabel = (g: string, ctx: Ctx) => (g in GRAVITY_LABELS ? GRAVITY_LABELS[g as Gravity][ctx.lang] : g);
export const kindLabel = (k: string, ctx: Ctx) => KIND_LABELS[k]?.[ctx.lang] ?? k;
export const custodyLabel = (k: string, ctx: Ctx) => (k === 'institution' || k === 'probation' ? CUSTODY_LABELS[k][ctx.lang] : k);
