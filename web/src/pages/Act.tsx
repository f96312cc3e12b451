/**
 * The literate view of an act: each clause's reference and official text (kk or ru) beside its
 * condition in the words of `explain` (the condition, and the facts it reads by their names), its
 * measure and parameters; definitions and exclusions likewise; the act's doubts listed.
 */
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getJson, query } from '../api/client.ts';
import { actViewSchema, type ActView, type LawText } from '../api/schemas.ts';
import { ActBadges } from '../components/ActBadges.tsx';
import { ForkForm } from '../components/Fork.tsx';
import { Criteria, measureText, parameterValue, Verified } from '../components/Rules.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

type TextLang = 'kk' | 'ru';

function Official({ text: x, lang, also }: { text: LawText; lang: TextLang; also: 'en' | null }) {
  const { t } = useLang();
  const main = x[lang];
  return (
    <div className="official">
      <p lang={lang}>{main || t('lit.noText')}</p>
      {also === 'en' && x.en && (
        <p lang="en" className="translation">
          {x.en}
        </p>
      )}
    </div>
  );
}

export function ActPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const version = params.get('version');
  const { t, text, lang, cite } = useLang();
  const { can } = useSession();
  const [textLang, setTextLang] = useState<TextLang>(lang === 'kk' ? 'kk' : 'ru');
  const act = useAsync((s) => getJson(`/api/acts/${id}${query({ version })}`, actViewSchema, s), [id, version]);
  const a = act.data;
  const also = lang === 'en' ? 'en' : null;

  if (act.loading) return <Loading />;
  if (act.error !== null || !a) return <ErrorView error={act.error} retry={act.reload} />;
  const s = a.summary;

  return (
    <article className="literate">
      <PageTitle sub={<ActBadges act={s} />}>{text(s.title)}</PageTitle>
      <ActToolbar id={id} textLang={textLang} onTextLang={setTextLang} />
      <ActMeta act={a} />

      <Doubts unverified={a.unverified} />

      {a.parameters.length > 0 && <ParametersTable parameters={a.parameters} />}

      {a.definitions.length > 0 && <Definitions definitions={a.definitions} textLang={textLang} also={also} />}

      <section aria-labelledby="h-clauses">
        <h2 id="h-clauses">{t('lit.clauses')}</h2>
        {a.clauses.map((c) => (
          <div className="clause" key={c.id} id={`clause-${c.id}`} data-clause={c.id}>
            <div className="law-side">
              <h3>
                <span className="ref">{cite(c.ref)}</span> {c.label && <span className="label">{text(c.label)}</span>} <span className="mono small">({c.id})</span>
              </h3>
              <Official text={c.text} lang={textLang} also={also} />
            </div>
            <div className="rule-side">
              <h4>{t('lit.condition')}</h4>
              <p className="small muted">{t('lit.conditionIntro')}</p>
              <Criteria criteria={c.criteria} />
              <h4>{t('lit.measure')}</h4>
              <p className="measure">{measureText(c.measure, { t, text })}</p>
            </div>
          </div>
        ))}
      </section>

      <Exclusions exclusions={a.exclusions} textLang={textLang} also={also} />

      {can('acts.write') && (
        <section className="card" aria-labelledby="h-fork">
          <h2 id="h-fork">{t('acts.fork')}</h2>
          <ForkForm actId={id} version={s.version} />
        </section>
      )}
      {a.readme && (
        <details className="card">
          <summary>{t('lit.readme')}</summary>
          <pre className="readme">{a.readme}</pre>
        </details>
      )}
    </article>
  );
}

/** Edit, impact, history and persons of the act, as the role may; the language of the official text. */
function ActToolbar({ id, textLang, onTextLang }: { id: string; textLang: TextLang; onTextLang: (l: TextLang) => void }) {
  const { t } = useLang();
  const { can } = useSession();
  return (
    <div className="toolbar">
      {can('what_if') && (
        <Link className="button primary" to={`/acts/${id}/edit`}>
          {t('acts.edit')}
        </Link>
      )}
      {can('aggregates.read') && (
        <Link className="button" to={`/impact?act=${id}`}>
          {t('acts.impact')}
        </Link>
      )}
      <Link className="button" to={`/acts/${id}/history`}>
        {t('acts.history')}
      </Link>
      {can('persons.read') && (
        <Link className="button" to={`/persons?act=${id}`}>
          {t('acts.persons')}
        </Link>
      )}
      <div className="lang-switch" role="group" aria-label={t('lit.textLang')}>
        {(['kk', 'ru'] as const).map((l) => (
          <button key={l} type="button" aria-pressed={textLang === l} onClick={() => onTextLang(l)} lang={l}>
            {t(`lang.${l}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Where the act comes from, its version and days in force, how its clauses combine. */
function ActMeta({ act }: { act: ActView }) {
  const { t } = useLang();
  return (
    <dl className="meta">
      <dt>{t('lit.source')}</dt>
      <dd>
        {act.actSource.url ? <a href={act.actSource.url}>{act.actSource.text}</a> : act.actSource.text} —{' '}
        <Verified verified={act.actSource.verified} />
      </dd>
      <dt>{t('common.version', { n: act.summary.version })}</dt>
      <dd>
        <span className="mono">{act.summary.id}</span> · {t('acts.inForce', { from: act.summary.entryIntoForce, to: act.summary.executionEnd })}
      </dd>
      <dt>{t('lit.combine')}</dt>
      <dd>
        {t(`lit.combine.${act.combine.rule as 'first_match'}`)}
        {act.combine.overlapForbidden ? `; ${t('lit.overlapForbidden')}` : ''}. <span className="muted">{act.combine.text}</span>
      </dd>
    </dl>
  );
}

/** The inputs of the act not verified against their source. */
function Doubts({ unverified }: { unverified: ActView['unverified'] }) {
  const { t, text } = useLang();
  return (
    <section aria-labelledby="h-doubts" className={unverified.length > 0 ? 'card doubts' : 'card'}>
      <h2 id="h-doubts">{t('lit.doubts')}</h2>
      {unverified.length === 0 ? (
        <p>{t('lit.noDoubts')}</p>
      ) : (
        <ul>
          {unverified.map((u) => (
            <li key={u.key}>
              <strong className="mono">{u.key}</strong>: {text(u.label)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The act's parameters: each value and its source, verified or not. */
function ParametersTable({ parameters }: { parameters: ActView['parameters'] }) {
  const { t, text, n } = useLang();
  return (
    <section aria-labelledby="h-params">
      <h2 id="h-params">{t('lit.parameters')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('lit.param.name')}</th>
            <th scope="col">{t('lit.param.value')}</th>
            <th scope="col">{t('lit.source')}</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                {p.label ? text(p.label) : p.name}
                <div className="mono small">{p.name}</div>
              </th>
              <td className="num">{parameterValue({ text: p.text, number: p.value }, { n })}</td>
              <td>
                <Verified verified={p.verified} badge /> {p.source}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The act's definitions: each named condition beside its text. */
function Definitions({ definitions, textLang, also }: { definitions: ActView['definitions']; textLang: TextLang; also: 'en' | null }) {
  const { t, text, cite } = useLang();
  return (
    <section aria-labelledby="h-defs">
      <h2 id="h-defs">{t('lit.definitions')}</h2>
      {definitions.map((d) => (
        <div className="clause" key={d.name} id={`def-${d.name}`}>
          <div className="law-side">
            <h3>
              <span className="ref">{cite(d.ref)}</span> <span className="mono">{d.name}</span>
              {d.label && <span className="label"> — {text(d.label)}</span>}
            </h3>
            {(d.text.kk || d.text.ru) && <Official text={d.text} lang={textLang} also={also} />}
          </div>
          <div className="rule-side">
            <h4>{t('lit.condition')}</h4>
            <Criteria criteria={d.criteria} />
          </div>
        </div>
      ))}
    </section>
  );
}

/** The act's exclusions (and the Criminal Code's own): each condition beside its text. */
function Exclusions({ exclusions, textLang, also }: { exclusions: ActView['exclusions']; textLang: TextLang; also: 'en' | null }) {
  const { t, text, cite } = useLang();
  return (
    <section aria-labelledby="h-excl">
      <h2 id="h-excl">{t('lit.exclusions')}</h2>
      {exclusions.map((e) => (
        <div className="clause exclusion" key={e.id} id={`exclusion-${e.id}`}>
          <div className="law-side">
            <h3>
              <span className="ref">{cite(e.ref)}</span> {e.label && <span className="label">{text(e.label)}</span>} <span className="mono small">({e.id})</span>
            </h3>
            <Official text={e.text} lang={textLang} also={also} />
          </div>
          <div className="rule-side">
            <h4>{t('lit.condition')}</h4>
            <Criteria criteria={e.criteria} />
          </div>
        </div>
      ))}
    </section>
  );
}
