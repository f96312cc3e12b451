/**
 * One person: the record's facts, the outcome, and the explanation of it in kk, ru or en — each
 * clause's and exclusion's text with the facts that decided it; the unknown facts that send the
 * person to review. A role that may not see persons gets the server's refusal.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson, query } from '../api/client.ts';
import type { z } from 'zod';
import { personSchema, type RuleTrace } from '../api/schemas.ts';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { LANGS, type Lang } from '../i18n/catalogue.ts';
import { pick, useLang } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { useVocabulary } from '../lib/session.tsx';

const MARK = ['✗', '?', '✓'] as const;

function Rule({ rule, lang }: { rule: RuleTrace; lang: Lang }) {
  const { t, cite } = useLang();
  const vocab = useVocabulary();
  const enumLabel = (fact: string, v: string): string => {
    const map = fact === 'gravity' ? vocab.gravities : fact === 'custody' ? vocab.custodies : null;
    const label = map?.get(v);
    return label ? `${pick(label, lang)} (${v})` : v;
  };
  const truth = (v: number) => t(`person.truth.${Math.max(0, Math.min(2, v)) as 0 | 1 | 2}`);
  const value = (v: string | number | boolean | null) => (v === null ? t('common.unknown') : typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v));
  return (
    <li className={`rule truth-${rule.truth}`} data-rule={rule.id}>
      <h4>
        <span className="mark" aria-label={truth(rule.truth)}>
          {MARK[rule.truth] ?? '?'}
        </span>{' '}
        <span className="ref">{cite(rule.ref)}</span> <span className="mono small">({rule.id})</span>
      </h4>
      <p lang={lang === 'en' && !rule.text.en ? 'ru' : lang} className="official">
        {pick(rule.text, lang)}
      </p>
      <ol className="criteria">
        {rule.criteria.map((c, i) => (
          <li key={i} className={`truth-${c.truth}`}>
            <span className="mark" aria-label={truth(c.truth)}>
              {MARK[c.truth] ?? '?'}
            </span>{' '}
            <code>{c.condition}</code>
            {c.facts.length > 0 && (
              <ul className="facts">
                {c.facts.map((f, k) => (
                  <li key={k}>
                    {pick(f.label, lang)}
                    {f.arg !== null ? ` (${f.arg})` : ''} = <strong className={f.value === null ? 'warn' : undefined}>{typeof f.value === 'string' ? enumLabel(f.fact, f.value) : value(f.value)}</strong>
                    {f.convictions.length > 0 && <span className="muted"> — {t('person.convictions', { list: f.convictions.join(', ') })}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </li>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang: uiLang, text } = useLang();
  const vocab = useVocabulary();
  const [lang, setLang] = useState<Lang>(uiLang);
  const act = params.get('act');
  const person = useAsync((s) => getJson(`/api/persons/${encodeURIComponent(id)}${query({ act, version: params.get('version'), lang })}`, personSchema, s), [id, act, lang]);
  if (person.loading && !person.data) return <Loading />;
  if (person.error !== null) {
    return (
      <div>
        <PageTitle>{t('person.title', { id })}</PageTitle>
        <ErrorView error={person.error} />
      </div>
    );
  }
  const p = person.data;
  if (!p) return null;
  const trace = p.explanation.trace;
  const name = [p.record['last_name'], p.record['first_name'], p.record['middle_name']].filter(Boolean).join(' ');

  return (
    <article className="person">
      <PageTitle sub={name}>{t('person.title', { id })}</PageTitle>
      <p className="small muted">
        <Link to={`/acts/${p.act.id}`}>{text(p.act.title)}</Link> · {p.registry.name} · {t('common.asOf')} {p.as_of}
      </p>
      <div className="grid cols-2">
        <OutcomeCard person={p} />
        <section className="card" aria-labelledby="h-articles">
          <h2 id="h-articles">{t('person.articles')}</h2>
          <ul className="plain">
            {p.articles.map((a) => (
              <li key={a.id}>
                <span className="mono">{a.id}</span> {pick(a.title, uiLang)} {a.gravity && <span className="badge">{text(vocab.gravities.get(a.gravity)) || a.gravity}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-labelledby="h-expl" className="explanation">
        <div className="row spread">
          <h2 id="h-expl">{t('person.explanation')}</h2>
          <div className="lang-switch" role="group" aria-label={t('person.explanationLang')}>
            {LANGS.map((l) => (
              <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l} data-explain-lang={l}>
                {t(`lang.${l}`)}
              </button>
            ))}
          </div>
        </div>
        <div lang={p.explanation.lang} data-testid="explanation" aria-busy={person.loading}>
          {trace.serving && (
            <>
              <h3>{t('lit.clauses')}</h3>
              <ol className="rules">
                {trace.clauses.map((r) => (
                  <Rule key={r.id} rule={r} lang={p.explanation.lang} />
                ))}
              </ol>
              <h3>{t('lit.exclusions')}</h3>
              <ol className="rules">
                {trace.exclusions.map((r) => (
                  <Rule key={r.id} rule={r} lang={p.explanation.lang} />
                ))}
              </ol>
            </>
          )}
          <details>
            <summary>{t('person.plainText')}</summary>
            <pre className="explain-text">{p.explanation.text}</pre>
          </details>
        </div>
      </section>
      <RecordTable record={p.record} />
    </article>
  );
}

type Person = z.output<typeof personSchema>;

/** The person's outcome: status and measure, the clause or exclusion, the days remitted, the reason, the unknown facts. */
function OutcomeCard({ person: p }: { person: Person }) {
  const { t, n, text, cite } = useLang();
  const vocab = useVocabulary();
  const o = p.outcome;
  return (
    <section className="card" aria-labelledby="h-outcome">
      <h2 id="h-outcome">{t('person.outcome')}</h2>
      <p className="big">
        <span className={`badge st-${o.status}`} data-testid="status">
          {t(`status.${o.status as 'eligible'}`)}
        </span>{' '}
        {o.measure && <span>{text(vocab.measures.get(o.measure)) || o.measure}</span>}
      </p>
      {o.clause && o.status !== 'not_covered' && <p>{t('person.clauseApplied', { ref: cite(o.clause) })}</p>}
      {o.excluded_by && <p>{t('person.excludedBy', { ref: cite(o.excluded_by) })}</p>}
      {o.days_remitted !== null && <p>{t('person.days', { days: n(o.days_remitted), end: o.new_end_date ?? '—' })}</p>}
      <p className="small">
        {t('per.reason')}: {t(`reason.${o.reason as 'matched'}`)}
      </p>
      {p.unknown_facts.length > 0 && <p className="warn">{t('person.unknownFacts', { list: p.unknown_facts.join(', ') })}</p>}
    </section>
  );
}

/** The person's record as the registry holds it, column by column. */
function RecordTable({ record }: { record: Person['record'] }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="h-record">
      <h2 id="h-record">{t('person.record')}</h2>
      <table className="data compact record">
        <tbody>
          {Object.entries(record).map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="mono">
                {k}
              </th>
              <td>{v ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
