/**
 * Validation NDCG@10 of several saved runs on one chart (e.g. T = 1, 2, 4, 8): one line per run,
 * one model's curve at a time, so the lines differ only in the setting that differs between runs.
 */
import { memo, useMemo, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunReport } from '../state/runReport';
import { ChartLegend } from './ChartLegend';
import { COLORS } from './colors';
import { downloadChartPng } from './download';
import { downsample } from './downsample';
import { useFmt, useT } from './i18n/useT';
import { seriesInOrder, type ModelKey } from './modelSeries';
import { runLabel } from './runLabel';

/** Line colours for overlaid runs: apart from each other, in the order runs are picked. */
export const RUN_COLORS = ['#3558d4', '#e07b28', '#138a4b', '#c81e5b', '#8b5cf6', '#0e9fb5', '#6b7280', '#a16207'] as const;

/** The KD student's curve first: comparing runs is mostly comparing their KD students. */
const CURVES = seriesInOrder(['kd', 'student', 'teacher']);

export const RunsOverlayChart = memo(function RunsOverlayChart({ runs }: { runs: readonly RunReport[] }) {
  const t = useT();
  const f = useFmt();
  const [curve, setCurve] = useState<ModelKey>('kd');
  const box = useRef<HTMLElement>(null);
  const lines = useMemo(
    () =>
      runs.map((r, i) => ({
        id: r.id,
        name: runLabel(r, t),
        color: RUN_COLORS[i % RUN_COLORS.length],
        data: downsample(r.val).flatMap((v) => {
          const m = v[curve];
          return m ? [{ step: v.step, ndcg: m.ndcg }] : [];
        }),
      })),
    [runs, curve, t],
  );
  const savePng = () => void downloadChartPng(box.current, 'runs-overlay.png', 'figcaption strong');
  if (!runs.length) return <p className="empty">{t('runs.chartEmpty')}</p>;
  return (
    <figure className="runs-overlay" ref={box}>
      <figcaption className="runs-overlay-head">
        <strong>{t('runs.chartTitle')}</strong>
        <label>
          {t('runs.curve')}{' '}
          <select value={curve} onChange={(e) => setCurve(e.target.value as ModelKey)}>
            {CURVES.map((c) => (
              <option key={c.key} value={c.key}>
                {t(c.name)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={savePng}>
          {t('runs.png')}
        </button>
      </figcaption>
      <div className="chart" role="img" aria-label={t('runs.chartLabel', { count: f.int(runs.length) })} data-testid="runs-overlay-chart">
        <ResponsiveContainer width="100%" height={280}>
          <LineChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="step" type="number" domain={[0, 'auto']} allowDecimals={false} tickFormatter={(v: number) => f.compact(v)} />
            <YAxis width={48} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 2)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} labelFormatter={(v) => t('chart.step', { step: f.int(Number(v)) })} />
            {lines.map((l) => (
              <Line key={l.id} data={l.data} dataKey="ndcg" name={l.name} stroke={l.color} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend entries={lines.map((l) => ({ name: l.name, color: l.color }))} />
    </figure>
  );
});
