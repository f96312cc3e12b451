/**
 * The parts of an act's rules as a reader of the language reads them, for the literate view and the
 * history's diff alike: a condition's criteria (in the condition language, with the facts they read
 * by their names), a clause's measure, a parameter's value, whether an input is verified.
 */
import type { Criterion, MeasureView } from '../api/schemas.ts';
import { useLang } from '../lib/format.ts';

/** The criteria of a condition; those in `marked` (by their condition) are highlighted. */
export function Criteria({ criteria, marked }: { criteria: Criterion[]; marked?: ReadonlySet<string> | undefined }) {
  const { t, text } = useLang();
  return (
    <ol className="criteria" aria-label={t('lit.condition')}>
      {criteria.map((c, i) => (
        <li key={i} className={marked?.has(c.condition) ? 'marked' : undefined}>
          <code>{c.condition}</code>
          {c.facts.length > 0 && (
            <span className="facts">
              {' — '}
              {c.facts.map((f, k) => (
                <span key={k} className="fact" title={f.name}>
                  {text(f.label)}
                  {f.arg !== null ? ` (${f.arg})` : ''}
                  {k < c.facts.length - 1 ? '; ' : ''}
                </span>
              ))}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

type Lang = ReturnType<typeof useLang>;

/** A measure in words: its name, then its fraction, months or the milder punishment. */
export function measureText(m: MeasureView, { t, text }: Pick<Lang, 't' | 'text'>): string {
  const parts = [text(m.label)];
  if (m.fraction !== undefined) parts.push(t('lit.fraction', { v: m.fraction_text ?? m.fraction }));
  if (m.months !== undefined) parts.push(t('lit.months', { v: m.months }));
  if (m.with !== undefined) parts.push(t('lit.with', { v: m.with_label ? text(m.with_label) : m.with }));
  return parts.join(', ');
}

/**
 * A parameter's value: a decimal as the language writes it (0,75 in kk and ru), with as many digits
 * as written; a fraction (1/3) or a term (1y6m) as written.
 */
export function parameterValue(v: { text: string; number: number | null }, { n }: Pick<Lang, 'n'>): string {
  const decimal = /^-?\d+(?:\.(\d+))?$/.exec(v.text.trim());
  return v.number !== null && decimal ? n(v.number, decimal[1]?.length ?? 0) : v.text;
}

/** Verified against the law's text, or not. */
export function Verified({ verified, badge = false }: { verified: boolean; badge?: boolean }) {
  const { t } = useLang();
  const tone = verified ? 'ok' : badge ? 'doubt' : 'warn';
  return <span className={badge ? `badge ${tone}` : tone}>{verified ? t('lit.verified') : t('lit.notVerified')}</span>;
}
