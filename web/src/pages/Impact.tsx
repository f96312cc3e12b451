/**
 * Impact of an act: the headline figures first, each opening its section with charts — coverage by
 * custody, gravity, social category, sex, region and facility; money by custody and measure beside
 * the letter's method; the 24-month projection; equality; victims; repeat-offending risk.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { EChartsCoreOption } from 'echarts/core';
import { api, getJson, query } from '../api/client.ts';
import { actSummarySchema, reportSchema, runSchema, type ActImpact, type Report, type Run } from '../api/schemas.ts';
import { ChartCard } from '../components/Chart.tsx';
import { Figures, type FigureItem } from '../components/Figures.tsx';
import { ErrorView, Loading, PageTitle } from '../components/Status.tsx';
import { coverageChart, moneyChart, type MoneyVariantLike } from '../lib/charts.ts';
import type { Table } from '../lib/download.ts';
import { formatCount, formatMoneyShort, useLang } from '../lib/format.ts';
import { useSession, useVocabulary } from '../lib/session.tsx';
import { useAsync } from '../lib/useAsync.ts';

function ChooseAct() {
  const { t, text } = useLang();
  const navigate = useNavigate();
  const acts = useAsync((s) => getJson('/api/acts', z.array(actSummarySchema), s), []);
  const [act, setAct] = useState('');
  return (
    <div>
      <PageTitle>{t('nav.impact')}</PageTitle>
      {acts.error !== null && <ErrorView error={acts.error} />}
      <form
        className="card form row"
        onSubmit={(e) => {
          e.preventDefault();
          if (act) navigate(`/impact?act=${act}`);
        }}
      >
        <label>
          {t('common.chooseAct')}
          <select value={act} onChange={(e) => setAct(e.target.value)} required>
            <option value="" />
            {(acts.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {text(a.title)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('imp.run')}
        </button>
      </form>
    </div>
  );
}

/** /impact?act=ID: run the evaluation (analyst) or find the latest stored one, then show it. */
function RunFor({ act, version }: { act: string; version: string | null }) {
  const { t } = useLang();
  const { can } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [none, setNone] = useState(false);
  useEffect(() => {
    const c = new AbortController();
    const go = async () => {
      if (can('evaluations.run')) {
        const { data } = await api('/api/evaluations', runSchema, { method: 'POST', body: { act, ...(version ? { version: Number(version) } : {}) }, signal: c.signal });
        navigate(`/impact/${data.id}`, { replace: true });
      } else {
        const runs = await getJson(`/api/evaluations${query({ act, limit: 1 })}`, z.array(runSchema), c.signal);
        if (runs[0]) navigate(`/impact/${runs[0].id}`, { replace: true });
        else setNone(true);
      }
    };
    go().catch((e: unknown) => {
      if (!c.signal.aborted) setError(e);
    });
    return () => c.abort();
  }, [act, version, can, navigate]);
  return (
    <div>
      <PageTitle>{t('nav.impact')}</PageTitle>
      {error !== null ? <ErrorView error={error} /> : none ? <p>{t('imp.noRun')}</p> : <Loading label={t('imp.running')} />}
    </div>
  );
}

function projectionChart(a: ActImpact, t: ReturnType<typeof useLang>['t'], lang: ReturnType<typeof useLang>['lang']): { option: EChartsCoreOption; table: Table } {
  const months = a.projection.months;
  const x = months.map((m) => m.end.slice(0, 7));
  const series = [
    { name: t('imp.proj.baselineInst'), data: months.map((m) => m.baseline.institution), lineStyle: { type: 'dashed' } },
    { name: t('imp.proj.actInst'), data: months.map((m) => m.act.institution) },
    { name: t('imp.proj.baselineProb'), data: months.map((m) => m.baseline.probation), lineStyle: { type: 'dashed' } },
    { name: t('imp.proj.actProb'), data: months.map((m) => m.act.probation) },
  ];
  return {
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatCount(v, lang) : '—') },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: x },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatCount(v, lang) } },
      series: series.map((s) => ({ ...s, type: 'line', showSymbol: false })),
    },
    table: { columns: [t('imp.proj.month'), ...series.map((s) => s.name), t('fig.bedsFreed')], rows: months.map((m, i) => [x[i] ?? '', ...series.map((s) => s.data[i] ?? null), m.beds_freed]) },
  };
}

/** Coverage rates of women and men by gravity within one social group (the table holds every group). */
function disparityChart(a: ActImpact, group: string, t: ReturnType<typeof useLang>['t'], lang: ReturnType<typeof useLang>['lang'], gravities: Map<string, { kk: string; ru: string; en: string }>, groupName: (g: string) => string): { option: EChartsCoreOption; table: Table; height: number } {
  const all = a.equality.disparity;
  const rows = all.filter((r) => r.group === group);
  const gname = (g: string) => gravities.get(g)?.[lang] ?? g;
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatCount(v, lang, 1)} %` : '—') },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: rows.map((r) => gname(r.gravity)), inverse: true },
      series: [
        { name: t('imp.eq.women'), type: 'bar', data: rows.map((r) => pct(r.women.rate)) },
        { name: t('imp.eq.men'), type: 'bar', data: rows.map((r) => pct(r.men.rate)) },
      ],
    },
    table: {
      columns: [t('series.gravity'), t('series.group'), `${t('imp.eq.women')}: ${t('series.persons')}`, `${t('imp.eq.women')}: ${t('fig.covered')}`, `${t('imp.eq.women')} %`, `${t('imp.eq.men')}: ${t('series.persons')}`, `${t('imp.eq.men')}: ${t('fig.covered')}`, `${t('imp.eq.men')} %`, 'Δ p.p.'],
      rows: all.map((r) => [gname(r.gravity), groupName(r.group), r.women.persons, r.women.covered, pct(r.women.rate), r.men.persons, r.men.covered, pct(r.men.rate), r.difference_points]),
    },
    height: 260,
  };
}

function recordBars(title: string, record: Record<string, { persons: number | null; unpaid: number | null }>, t: ReturnType<typeof useLang>['t'], lang: ReturnType<typeof useLang>['lang'], labelOf: (k: string) => string): { option: EChartsCoreOption; table: Table } {
  const keys = Object.keys(record);
  return {
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: keys.map(labelOf) },
      yAxis: [
        { type: 'value', name: t('series.persons'), axisLabel: { formatter: (v: number) => formatCount(v, lang) } },
        { type: 'value', name: '₸', axisLabel: { formatter: (v: number) => formatMoneyShort(v, lang) } },
      ],
      series: [
        { name: t('series.persons'), type: 'bar', data: keys.map((k) => record[k]?.persons ?? null) },
        { name: t('series.amount'), type: 'bar', yAxisIndex: 1, data: keys.map((k) => record[k]?.unpaid ?? null) },
      ],
    },
    table: { columns: [title, t('series.persons'), t('series.amount')], rows: keys.map((k) => [labelOf(k), record[k]?.persons ?? null, record[k]?.unpaid ?? null]) },
  };
}

function Section({ id, title, open, onToggle, children }: { id: string; title: string; open: boolean; onToggle: (open: boolean) => void; children: React.ReactNode }) {
  return (
    <details id={id} className="section" open={open} onToggle={(e) => onToggle((e.target as HTMLDetailsElement).open)}>
      <summary>
        <h2>{title}</h2>
      </summary>
      {open && children}
    </details>
  );
}

function ImpactView({ run, report }: { run: Run; report: Report }) {
  const { t, lang, text, n } = useLang();
  const { can } = useSession();
  const a = report.acts[0];
  const [open, setOpen] = useState<Record<string, boolean>>({ coverage: true });
  const toggle = (key: string, v: boolean) => setOpen((o) => ({ ...o, [key]: v }));
  const reveal = (key: string) => {
    setOpen((o) => ({ ...o, [key]: true }));
    window.setTimeout(() => document.getElementById(`sec-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };
  const chartButton = (key: string) => (
    <button type="button" className="link small" onClick={() => reveal(key)} aria-controls={`sec-${key}`} aria-expanded={open[key] ?? false}>
      {t('fig.showChart')}
    </button>
  );
  const items = headlineFigures(a, t, n, chartButton);
  const actId = a.act.id;
  const base = `${actId}-${run.id.slice(0, 8)}`;

  return (
    <div className="impact">
      <PageTitle sub={<>{text(a.act.title)}</>}>{t('imp.title', { act: actId })}</PageTitle>
      <p className="small muted provenance">
        {t('imp.provenance', { run: run.id.slice(0, 12), act: `${run.act.id}@${run.act.version ?? '?'} (${run.act.hash.slice(0, 8)})`, law: run.law.hash.slice(0, 8), registry: `${report.registry.source}`, asOf: run.as_of, engine: run.engine_version })}
      </p>
      {report.suppressed_cells !== undefined && report.suppressed_cells > 0 && <p className="note">{t('common.suppressedNote', { n: report.suppressed_below ?? '', cells: report.suppressed_cells })}</p>}
      <div className="toolbar">
        <Link to={`/acts/${actId}`}>{t('acts.read')}</Link>
        {can('persons.read') && <Link to={`/persons?act=${actId}&status=eligible`}>{t('fig.openPersons')}</Link>}
      </div>
      <section aria-labelledby="h-headline">
        <h2 id="h-headline">{t('imp.headline')}</h2>
        <Figures items={items} label={t('imp.headline')} />
      </section>

      <Section id="sec-coverage" title={t('imp.coverage')} open={open['coverage'] ?? false} onToggle={(v) => toggle('coverage', v)}>
        <CoverageCharts coverage={a.coverage} base={base} />
      </Section>

      <Section id="sec-money" title={t('imp.money')} open={open['money'] ?? false} onToggle={(v) => toggle('money', v)}>
        <MoneyDetails impact={a} base={base} />
      </Section>

      <Section id="sec-projection" title={t('imp.projection')} open={open['projection'] ?? false} onToggle={(v) => toggle('projection', v)}>
        <ChartCard title={t('imp.projection')} fileName={`${base}-projection`} height={360} {...projectionChart(a, t, lang)} />
      </Section>

      <Section id="sec-equality" title={t('imp.equality')} open={open['equality'] ?? false} onToggle={(v) => toggle('equality', v)}>
        <EqualityDetails impact={a} base={base} />
      </Section>

      <Section id="sec-victims" title={t('imp.victims')} open={open['victims'] ?? false} onToggle={(v) => toggle('victims', v)}>
        <VictimsDetails impact={a} base={base} />
      </Section>

      <Section id="sec-risk" title={t('imp.risk')} open={open['risk'] ?? false} onToggle={(v) => toggle('risk', v)}>
        <RiskDetails impact={a} />
      </Section>

      <Section id="sec-params" title={t('imp.parameters')} open={open['params'] ?? false} onToggle={(v) => toggle('params', v)}>
        <ParametersList parameters={report.parameters} />
      </Section>
    </div>
  );
}

export function ImpactPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const act = params.get('act');
  const run = useAsync(id ? (s) => getJson(`/api/evaluations/${id}`, runSchema, s) : null, [id]);
  const report = useAsync(id ? (s) => getJson(`/api/evaluations/${id}/impact`, reportSchema, s) : null, [id]);
  if (!id) return act ? <RunFor act={act} version={params.get('version')} /> : <ChooseAct />;
  if (run.error !== null || report.error !== null) return <ErrorView error={run.error ?? report.error} />;
  if (!run.data || !report.data) return <Loading />;
  return <ImpactView run={run.data} report={report.data} />;
}

/** What the act saves, by the cost variants, beside the letter's method; each cost with its source. */
function MoneyDetails({ impact: a, base }: { impact: ActImpact; base: string }) {
  const { t, lang, text, n } = useLang();
  return (
    <>
      <ChartCard title={t('imp.moneyBy')} fileName={`${base}-money`} {...moneyChart(a.money.variants as MoneyVariantLike[], t, lang)} />
      <p className="card">{t('imp.letterMethodNote', { days: n(a.money.days_per_year), v: n(a.money.letter_method.per_year), why: text(a.money.difference) })}</p>
      <ul className="small">
        {a.money.variants.map((v, i) => (
          <li key={i}>
            {text(v.inmate_cost.label)}: {n(v.inmate_cost.value)} ₸ — {v.inmate_cost.source}
            {v.inmate_cost.assumption && <span className="badge doubt">{t('imp.assumption')}</span>}; {text(v.probation_cost.label)}: {n(v.probation_cost.value)} ₸
            {v.probation_cost.assumption && <span className="badge doubt">{t('imp.assumption')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The verdict on equality, the sex-neutral counterfactual, the clauses that depend on sex and the disparity of a chosen group. */
function EqualityDetails({ impact: a, base }: { impact: ActImpact; base: string }) {
  const { t, lang, text, n, cite } = useLang();
  const vocab = useVocabulary();
  const [group, setGroup] = useState('any_category');
  const categoryNames = new Map(a.coverage.social_category.map((r) => [r.key, r.label]));
  // every group of the disparity table is a row of the coverage by category, named by the server as the report names it
  const groupName = (g: string) => text(categoryNames.get(g) ?? null) || g;
  return (
    <>
      <p className="card verdict">{text(a.equality.verdict)}</p>
      <p>{t('imp.eq.counterfactual', { persons: n(a.equality.counterfactual.added.persons), women: n(a.equality.counterfactual.added.women), men: n(a.equality.counterfactual.added.men) })}</p>
      {a.equality.depends_on_sex.clauses.length > 0 && <p>{t('imp.eq.dependsOnSex', { list: a.equality.depends_on_sex.clauses.map((c) => cite(c.ref)).join(', ') })}</p>}
      <label className="inline">
        {t('series.group')}{' '}
        <select value={group} onChange={(e) => setGroup(e.target.value)}>
          {[...new Set(a.equality.disparity.map((r) => r.group))].map((g) => (
            <option key={g} value={g}>
              {groupName(g)}
            </option>
          ))}
        </select>
      </label>
      <ChartCard title={`${t('imp.eq.disparity')}: ${groupName(group)}`} fileName={`${base}-equality`} {...disparityChart(a, group, t, lang, vocab.gravities, groupName)} />
    </>
  );
}

/** The covered who owe victims an unpaid claim, and what the victims' condition would change. */
function VictimsDetails({ impact: a, base }: { impact: ActImpact; base: string }) {
  const { t, lang, text, n, money } = useLang();
  const vc = a.victims;
  return (
    <>
      <p>{t('imp.victims.text', { n: n(vc.covered_with_unpaid_claims), sum: money(vc.unpaid_total), unknown: n(vc.covered_claim_unknown) })}</p>
      <p>
        {t('imp.victims.condition', {
          label: text(vc.with_condition.label),
          before: n(vc.with_condition.released_before),
          after: n(vc.with_condition.released_after),
          ub: n(vc.with_condition.released_with_unpaid_claims_before),
          ua: n(vc.with_condition.released_with_unpaid_claims_after),
        })}
      </p>
      <ChartCard title={t('imp.victims.byMeasure')} fileName={`${base}-victims`} {...recordBars(t('per.measure'), vc.by_measure, t, lang, (k) => (['release', 'reduce', 'replace', 'other', 'none'].includes(k) ? t(`kind.${k as 'release'}`) : k))} />
    </>
  );
}

/** Repeat offending of those released, by horizon, with its interval and source. */
function RiskDetails({ impact: a }: { impact: ActImpact }) {
  const { t, text, n } = useLang();
  return (
    <>
      <p>{text(a.risk.note)}</p>
      <table className="data compact">
        <tbody>
          {a.risk.horizons.map((r) => (
            <tr key={r.years}>
              <th scope="row">{t('fig.reoffending', { years: r.years })}</th>
              <td className="num">{n(r.expected, 1)}</td>
              <td>{t('fig.interval', { p: Math.round((a.risk.interval ?? 0) * 100), low: n(r.low), high: n(r.high) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        {a.risk.source} {a.risk.assumption && <span className="badge doubt">{t('imp.assumption')}</span>}
      </p>
    </>
  );
}

/** The dated law parameters the report read, each with its value, source and whether it is an assumption. */
function ParametersList({ parameters }: { parameters: Report['parameters'] }) {
  const { t, text, n } = useLang();
  return (
    <ul className="small">
      {parameters.map((p) => (
        <li key={p.name}>
          <span className="mono">{p.name}</span> = {n(p.value, 4)} {p.unit} ({p.from}) — {text(p.label)}. {p.source} {p.assumption && <span className="badge doubt">{t('imp.assumption')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Who the act covers and how, by custody, gravity, social category, sex, region and facility. */
function CoverageCharts({ coverage, base }: { coverage: ActImpact['coverage']; base: string }) {
  const { t, lang } = useLang();
  const vocab = useVocabulary();
  return (
    <div className="grid cols-2">
      <ChartCard title={t('imp.by.custody')} fileName={`${base}-custody`} {...coverageChart(coverage.custody, t, lang, { names: vocab.custodies })} />
      <ChartCard title={t('imp.by.gravity')} fileName={`${base}-gravity`} {...coverageChart(coverage.gravity, t, lang, { names: vocab.gravities })} />
      <ChartCard title={t('imp.by.social_category')} fileName={`${base}-category`} {...coverageChart(coverage.social_category, t, lang)} />
      <ChartCard title={t('imp.by.sex')} fileName={`${base}-sex`} {...coverageChart(coverage.sex, t, lang, { names: vocab.sexes })} />
      <ChartCard title={t('imp.by.region')} fileName={`${base}-region`} {...coverageChart(coverage.region, t, lang, { names: vocab.regions })} />
      <ChartCard title={t('imp.by.facility')} fileName={`${base}-facility`} {...coverageChart(coverage.facility, t, lang, { names: vocab.facilities, top: 25 })} />
    </div>
  );
}

/** The headline figures of the act: outcomes, money, beds and repeat offending, each opening its section's chart. */
function headlineFigures(a: ActImpact, t: ReturnType<typeof useLang>['t'], n: ReturnType<typeof useLang>['n'], chartButton: (key: string) => ReactNode): FigureItem[] {
  const h = a.outcomes;
  const cov = a.coverage;
  const risk1 = a.risk.horizons[0];
  const kinds = (key: 'released' | 'reduced' | 'replaced') => cov.custody.reduce<number | null>((s, r) => (s === null || r[key] === null ? null : s + (r[key] ?? 0)), 0);
  const bedsAt12 = a.projection.months[11]?.beds_freed ?? null;
  return [
    { key: 'covered', label: t('fig.covered'), value: h.by_status['eligible'] ?? null, sub: chartButton('coverage') },
    { key: 'released', label: t('fig.released'), value: kinds('released'), sub: chartButton('coverage') },
    { key: 'reduced', label: t('fig.reduced'), value: kinds('reduced'), sub: chartButton('coverage') },
    { key: 'replaced', label: t('fig.replaced'), value: kinds('replaced'), sub: chartButton('coverage') },
    { key: 'excluded', label: t('fig.excluded'), value: h.by_status['excluded'] ?? null, sub: chartButton('coverage') },
    { key: 'needs_review', label: t('fig.needsReview'), value: h.by_status['needs_review'] ?? null, sub: chartButton('coverage') },
    { key: 'days_remitted', label: t('fig.daysRemitted'), value: h.days_remitted, sub: chartButton('coverage') },
    ...a.money.variants.map((v, i) => ({ key: `saved_${i}`, label: t('fig.savedFirstYear', { cost: n(v.inmate_cost.value) }), value: v.total.first_year, money: true, sub: chartButton('money') })),
    { key: 'letter', label: t('fig.letterMethod'), value: a.money.letter_method.per_year, money: true, sub: chartButton('money') },
    { key: 'beds', label: `${t('fig.bedsFreed')} (12)`, value: bedsAt12, sub: chartButton('projection') },
    ...(risk1
      ? [{ key: 'risk', label: t('fig.reoffending', { years: risk1.years }), value: risk1.expected, sub: <>{t('fig.interval', { p: Math.round((a.risk.interval ?? 0) * 100), low: n(risk1.low), high: n(risk1.high) })} {chartButton('risk')}</> }]
      : []),
  ];
}
