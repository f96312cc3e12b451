/**
 * A chart drawn by ECharts, with its data beside it: download the picture as PNG and the numbers as
 * CSV or XLSX, or read them as a table (which is also what a screen reader is offered).
 */
import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { fileSafe, saveCsv, saveDataUrl, saveXlsx, type Table } from '../lib/download.ts';
import { useLang } from '../lib/format.ts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, DataZoomComponent, CanvasRenderer]);

export const PALETTE = ['#1f4e79', '#2e8b57', '#d08c1f', '#8e44ad', '#c0392b', '#7f8c8d', '#16a085', '#34495e'];

export function EChart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, aria: { enabled: true }, animation: false, ...option }, { notMerge: true });
  }, [option]);
  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} data-chart={label} />;
}

export interface ChartCardProps {
  title: string;
  option: EChartsCoreOption;
  table: Table;
  height?: number;
  /** Part of the names of the files saved. */
  fileName?: string;
  note?: string;
}

export function ChartCard({ title, option, table, height = 320, fileName, note }: ChartCardProps) {
  const { t } = useLang();
  const [showTable, setShowTable] = useState(false);
  const holder = useRef<HTMLDivElement>(null);
  const base = fileSafe(fileName ?? title);
  const png = () => {
    const el = holder.current?.querySelector<HTMLDivElement>('.echart');
    const instance = el ? echarts.getInstanceByDom(el) : undefined;
    if (instance) saveDataUrl(instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), `${base}.png`);
  };
  return (
    <figure className="chart-card" ref={holder}>
      <figcaption>
        <h4>{title}</h4>
        <div className="chart-actions" role="group" aria-label={t('common.download')}>
          <button type="button" onClick={png} aria-label={t('chart.downloadPng', { title })}>
            {t('chart.png')}
          </button>
          <button type="button" onClick={() => saveCsv(table, `${base}.csv`)} aria-label={t('chart.downloadCsv', { title })}>
            {t('chart.csv')}
          </button>
          <button type="button" onClick={() => void saveXlsx(table, title, `${base}.xlsx`)} aria-label={t('chart.downloadXlsx', { title })}>
            {t('chart.xlsx')}
          </button>
          <button type="button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)} aria-label={t('chart.showTable')}>
            {t('chart.table')}
          </button>
        </div>
      </figcaption>
      {note && <p className="note">{note}</p>}
      <EChart option={option} height={height} label={title} />
      {showTable && <DataTable table={table} caption={title} />}
    </figure>
  );
}

export function DataTable({ table, caption }: { table: Table; caption: string }) {
  const { n } = useLang();
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c ?? '—'}</th> : <td key={j} className={typeof c === 'number' ? 'num' : undefined}>{typeof c === 'number' ? n(c, 2) : (c ?? '—')}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
