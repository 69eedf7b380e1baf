/**
 * Validation NDCG@10 over steps for the teacher, the student alone and the KD student, on the
 * worker's fixed sample of validation users, with a marker from the step where the KD student
 * went (and stayed) ahead of the student alone: the moment the lesson becomes visible.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { runSelectors } from '../state/runSlice';
import { useStudio } from '../state/store';
import { ChartLegend } from './ChartLegend';
import { COLORS } from './colors';
import { downsample } from './downsample';
import { MODEL_SERIES } from './modelSeries';
import type { ValPoint } from '../train/protocol';
import type { NumberFormat } from './i18n/format';
import { useFmt, useT, type TFunction } from './i18n/useT';
import { Panel } from './Panel';

export function ValChartPanel() {
  const t = useT();
  const f = useFmt();
  const val = useStudio(runSelectors.val);
  const ahead = useStudio(runSelectors.kdAhead);
    const last = val.at(-1);
  const series = MODEL_SERIES.map((s) => ({ key: s.key, name: t(s.name), color: s.color, value: last?.[s.key]?.ndcg }));
  return (
    <Panel title={t('val.title')} className="area-val" testId="panel-val">
      <div className="chart" role="img" aria-label={t('val.chartLabel', { count: f.int(val.length) })}>
        <ValLines val={val} aheadStep={ahead?.step ?? null} t={t} f={f} />
      </div>
      <ChartLegend entries={series.map((s) => ({ name: s.name, color: s.color }))} />
      <p className="chart-caption">
        <span>{t('val.points', { count: f.int(val.length) })}</span>
        {last && (
          <span className="latest">
            {t('chart.latestAt', { step: f.int(last.step) })}{' '}
            {series.map((s) => (
              <span key={s.key} className="latest-value">
                {s.name}: {s.value === undefined ? '—' : f.dec(s.value, 4)}
              </span>
            ))}
          </span>
        )}
      </p>
      <p className={ahead ? 'verdict good' : 'verdict'} role="status">
        {ahead ? t('val.kdAhead', { step: f.int(ahead.step), seconds: f.dec(ahead.ms / 1000, 1) }) : t('val.kdNotAhead')}
      </p>
    </Panel>
  );
}

/** The recharts part, memoized on its points and marker. */
const ValLines = memo(function ValLines({ val, aheadStep, t, f }: { val: readonly ValPoint[]; aheadStep: number | null; t: TFunction; f: NumberFormat }) {
  const data = useMemo(() => downsample(val).map((v) => ({ step: v.step, teacher: v.teacher?.ndcg ?? null, student: v.student.ndcg, kd: v.kd.ndcg })), [val]);
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={[0, 'auto']} allowDecimals={false} tickFormatter={(v: number) => f.compact(v)} />
        <YAxis width={48} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 2)} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} labelFormatter={(v) => t('chart.step', { step: f.int(Number(v)) })} />
        {aheadStep !== null && (
          <ReferenceLine x={aheadStep} stroke={COLORS.kd} strokeDasharray="4 4" label={{ value: t('val.aheadMarker'), position: 'insideTopLeft', fill: COLORS.kd }} />
        )}
        {MODEL_SERIES.map((s) => (
          <Line key={s.key} dataKey={s.key} name={t(s.name)} stroke={s.color} strokeWidth={s.key === 'kd' ? 3 : 2} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
});
