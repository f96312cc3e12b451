/** Headline figures as tiles; each may carry the value it had before and a control under it. */
import type { ReactNode } from 'react';
import { useLang } from '../lib/format.ts';

export interface FigureItem {
  key: string;
  label: string;
  value: number | null;
  /** Shown as money (shortened, exact in the title). */
  money?: boolean;
  before?: number | null;
  sub?: ReactNode;
}

export function Figures({ items, label, busy, revision }: { items: FigureItem[]; label: string; busy?: boolean; revision?: number | undefined }) {
  const { n, money } = useLang();
  return (
    <dl className="figures" aria-label={label} aria-busy={busy ?? false} data-revision={revision}>
      {items.map((f) => {
        const delta = f.before !== undefined && f.before !== null && f.value !== null ? f.value - f.before : null;
        return (
          <div key={f.key} className="figure" data-figure={f.key}>
            <dt>{f.label}</dt>
            <dd>
              <span className="value" title={f.value === null ? undefined : n(f.value)} data-value={f.value ?? ''}>
                {f.money ? money(f.value) : n(f.value)}
              </span>
              {delta !== null && delta !== 0 && (
                <span className={delta > 0 ? 'delta up' : 'delta down'}>
                  {delta > 0 ? '+' : '−'}
                  {f.money ? money(Math.abs(delta)) : n(Math.abs(delta))}
                </span>
              )}
              {f.sub && <div className="sub">{f.sub}</div>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
