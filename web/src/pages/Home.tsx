/** The home page, fitted to the role: what is new, the current registry, acts, recent evaluations. */
import { Link } from 'react-router';
import { z } from 'zod';
import { getJson } from '../api/client.ts';
import { actSummarySchema, importSchema, registrySchema, runSchema } from '../api/schemas.ts';
import { ActBadges } from '../components/ActBadges.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { useLang } from '../lib/format.ts';
import { useSession, useVocabulary } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

export function HomePage() {
  const { t, text, when } = useLang();
  const { user, can } = useSession();
  const vocab = useVocabulary();
  const acts = useAsync((s) => getJson('/api/acts', z.array(actSummarySchema), s), []);
  const imports = useAsync(can('registries.write') ? (s) => getJson('/api/registries/imports?limit=5', z.array(importSchema), s) : null, [can('registries.write')]);
  if (!user) return null;
  const actTitle = (id: string) => {
    const a = acts.data?.find((x) => x.id === id);
    return a ? text(a.title) : id;
  };
  const news = [
    ...(acts.data ?? []).filter((a) => a.updatedBy).map((a) => ({ at: a.updatedAt, line: t('home.newDraft', { who: a.updatedBy ?? '', act: text(a.title), when: when(a.updatedAt) }), to: `/acts/${a.id}` })),
    ...(imports.data ?? []).map((i) => ({ at: i.started_at, line: t('home.newImport', { file: i.file_name, status: t(`reg.status.${i.status}`), when: when(i.started_at) }), to: `/registries/imports/${i.id}` })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 6);
  const scope = [...user.facilities.map((f) => text(vocab.facilities.get(f)) || f), ...user.regions.map((r) => text(vocab.regions.get(r)) || r), ...user.courts];

  return (
    <div className="home">
      <PageTitle sub={t(`home.roleIntro.${user.role}`)}>{t('home.welcome', { user: user.username })}</PageTitle>
      <div className="grid cols-3">
        <CurrentRegistry />
        {news.length > 0 && (
          <section className="card" aria-labelledby="h-new">
            <h2 id="h-new">{t('home.new')}</h2>
            <ul className="plain">
              {news.map((x, i) => (
                <li key={i}>
                  <Link to={x.to}>{x.line}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {(user.role === 'officer' || user.role === 'supervisor' || user.role === 'court') && (
          <section className="card" aria-labelledby="h-yours">
            <h2 id="h-yours">{t('home.yourPersons')}</h2>
            <p>{t('home.scope', { scope: scope.join(', ') || t('common.none') })}</p>
            <Link to="/persons" className="button">
              {t('nav.persons')} →
            </Link>
          </section>
        )}
        {user.role === 'analyst' && <StartHere />}
      </div>

      <section aria-labelledby="h-acts">
        <h2 id="h-acts">{t('home.acts')}</h2>
        {acts.loading && <Loading />}
        {acts.error !== null && <ErrorView error={acts.error} />}
        <ul className="act-list">
          {(acts.data ?? []).map((a) => (
            <li key={a.id} className="card">
              <Link to={`/acts/${a.id}`} className="act-title">
                {text(a.title)}
              </Link>
              <ActBadges act={a} />
            </li>
          ))}
        </ul>
      </section>

      {can('aggregates.read') && <RecentRuns actTitle={actTitle} />}
    </div>
  );
}

/** The registry evaluations read now. */
function CurrentRegistry() {
  const { t, n } = useLang();
  const { can } = useSession();
  const registry = useAsync((s) => getJson('/api/registries/current', registrySchema, s), []);
  return (
    <section className="card" aria-labelledby="h-current">
      <h2 id="h-current">{t('home.current')}</h2>
      {registry.loading && <Loading />}
      {registry.error !== null && <ErrorView error={registry.error} />}
      {registry.data && (
        <>
          <p className="big">{registry.data.name}</p>
          <p>
            {n(registry.data.persons)} {t('common.persons')} · {registry.data.source}
          </p>
          <p className="mono small" title={registry.data.id}>
            {registry.data.id.slice(0, 16)}…
          </p>
          {can('registries.read') && <Link to="/registries">{t('nav.registries')} →</Link>}
        </>
      )}
    </section>
  );
}

/** An analyst's first steps: an act read literately, edited, compared, and the letter. */
function StartHere() {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby="h-start">
      <h2 id="h-start">{t('home.startHere')}</h2>
      <ol>
        <li>
          <Link to="/acts/kz-2025-constitution-30">{t('home.step.literate')}</Link>
        </li>
        <li>
          <Link to="/acts">{t('home.step.edit')}</Link>
        </li>
        <li>
          <Link to="/compare?acts=kz-2025-women-proposal,kz-2025-sex-neutral">{t('home.step.compare')}</Link>
        </li>
        <li>
          <Link to="/letter">{t('home.step.letter')}</Link>
        </li>
      </ol>
    </section>
  );
}

/** The latest evaluations, each with its act, day and the persons it covers. */
function RecentRuns({ actTitle }: { actTitle: (id: string) => string }) {
  const { t, n, when } = useLang();
  const runs = useAsync((s) => getJson('/api/evaluations?limit=6', z.array(runSchema), s), []);
  return (
    <section aria-labelledby="h-runs">
      <h2 id="h-runs">{t('home.recent')}</h2>
      {runs.error !== null && <ErrorView error={runs.error} />}
      {runs.data && runs.data.length === 0 && <p>{t('home.noRuns')}</p>}
      <ul className="plain">
        {(runs.data ?? []).map((r) => (
          <li key={r.id}>
            <Link to={`/impact/${r.id}`}>
              {actTitle(r.act.id)} — {t('common.version', { n: r.act.version ?? '?' })}, {t('common.asOf')} {r.as_of}: {t('fig.covered')} {n(r.summary.by_status['eligible'] ?? null)}
            </Link>{' '}
            <span className="muted">({when(r.created_at)}{r.created_by ? `, ${r.created_by}` : ''})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
