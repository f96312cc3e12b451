/** The letter's figures F1–F18 recomputed from a registry, beside the letter's values, with its audit. */
import { useSearchParams } from 'react-router';
import { getJson, query } from '../api/client.ts';
import { letterSchema, registryListSchema, type LetterFigure } from '../api/schemas.ts';
import type { z } from 'zod';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { useVocabulary } from '../lib/session.tsx';

export function LetterPage() {
  const { t, n, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const registry = params.get('registry') ?? '';
  const registries = useAsync((s) => getJson('/api/registries', registryListSchema, s), []);
  const letter = useAsync((s) => getJson(`/api/letter${query({ registry, lang })}`, letterSchema, s), [registry, lang]);
  const l = letter.data;
  return (
    <div>
      <PageTitle sub={l ? `${l.source} · ${t('common.asOf')} ${l.asOf}` : undefined}>{t('letter.title')}</PageTitle>
      <div className="filters">
        <label>
          {t('common.registry')}
          <select value={registry} onChange={(e) => setParams(e.target.value ? { registry: e.target.value } : {}, { replace: true })}>
            <option value="">{registries.data?.registries.find((r) => r.current)?.name ?? '—'}</option>
            {(registries.data?.registries ?? [])
              .filter((r) => !r.current)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.id.slice(0, 8)})
                </option>
              ))}
          </select>
        </label>
      </div>
      {letter.loading && <Loading />}
      {letter.error !== null && <ErrorView error={letter.error} retry={letter.reload} />}
      {l && (
        <>
          <p>{t('letter.summary', { matching: n(l.summary.matching), inconsistent: l.summary.inconsistentInLetter.join(', ') || '—', differing: l.summary.differing.join(', ') || '—' })}</p>
          {l.suppressed_cells !== undefined && l.suppressed_cells > 0 && <p className="note">{t('common.suppressedNote', { n: l.suppressed_below ?? '', cells: l.suppressed_cells })}</p>}
          <div className="table-scroll">
            <table className="data letter">
              <caption>
                {l.title} — {l.registry.source}, {n(l.registry.persons)} {t('common.persons')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('letter.figure')}</th>
                  <th scope="col">{t('letter.letter')}</th>
                  <th scope="col">{t('letter.computed')}</th>
                  <th scope="col">{t('letter.status')}</th>
                  <th scope="col">{t('letter.split')}</th>
                </tr>
              </thead>
              <tbody>
                {l.figures.map((f) => (
                  <FigureRows key={f.id} figure={f} depth={0} />
                ))}
              </tbody>
            </table>
          </div>
          <LetterAudit audits={l.audits} />
        </>
      )}
    </div>
  );
}

/** A figure of the letter beside the value computed, its status and its split by custody; then its parts, indented. */
function FigureRows({ figure: f, depth }: { figure: LetterFigure; depth: number }) {
  const { t, n, text } = useLang();
  const vocab = useVocabulary();
  const statusText = (s: string) => (['match', 'differs', 'letter_inconsistent', 'computed'].includes(s) ? t(`letter.status.${s as 'match'}`) : s);
  return (
    <>
      <tr className={`st-${f.status}`}>
        <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.2}rem` }}>
          <span className="mono">{f.id}</span> {f.label}
          {f.note && <div className="small muted">{f.note}</div>}
        </th>
        <td className="num">{n(f.letter)}</td>
        <td className="num">{n(f.computed)}</td>
        <td>
          <span className={`badge st-${f.status}`}>{statusText(f.status)}</span>
        </td>
        <td className="small">{f.split ? Object.entries(f.split).map(([k, v]) => `${text(vocab.custodies.get(k)) || k}: ${n(v.letter)} / ${n(v.computed)}`).join('; ') : ''}</td>
      </tr>
      {f.parts.map((p) => (
        <FigureRows key={p.id} figure={p} depth={depth + 1} />
      ))}
    </>
  );
}

type Letter = z.output<typeof letterSchema>;

/** The audit of the letter: each check, whether it holds, and its details. */
function LetterAudit({ audits }: { audits: Letter['audits'] }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="h-audit">
      <h2 id="h-audit">{t('letter.audit')}</h2>
      <ul className="audit">
        {audits.map((a) => (
          <li key={a.id} className={a.holds ? 'holds' : 'fails'}>
            <span className={`badge ${a.holds ? 'ok' : 'doubt'}`}>{a.holds ? t('letter.holds') : t('letter.fails')}</span> <span className="mono">{a.id}</span> {a.message}
            {a.details.length > 0 && (
              <ul>
                {a.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
