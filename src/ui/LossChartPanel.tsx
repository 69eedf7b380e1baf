/**
 * Training losses over steps: teacher, student alone, and the KD student's hard part, distill
 * part and total (α·distill + (1−α)·hard). Re-renders only when new loss rows arrive (≤ 5×/s).
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { runSelectors } from '../state/runSlice';
import { useStudio } from '../state/store';
import type { LossRow } from '../train/engine';
import { ChartLegend } from './ChartLegend';
import { COLORS } from './colors';
import { downsample, finiteOrNull } from './downsample';
import type { MessageKey } from './i18n/translate';
import type { NumberFormat } from './i18n/format';
import { useFmt, useT, type TFunction } from './i18n/useT';
import { Panel } from './Panel';

type Series = 'teacher' | 'student' | 'kdHard' | 'kdDistill' | 'kdTotal';

const SERIES: readonly { key: Series; name: MessageKey; color: string; dash?: string }[] = [
  { key: 'teacher', name: 'series.teacherLoss', color: COLORS.teacher },
  { key: 'student', name: 'series.studentLoss', color: COLORS.student },
  { key: 'kdHard', name: 'series.kdHard', color: COLORS.kdHard, dash: '6 3' },
  { key: 'kdDistill', name: 'series.kdDistill', color: COLORS.kdDistill, dash: '2 3' },
  { key: 'kdTotal', name: 'series.kdTotal', color: COLORS.kd },
];

export function LossChartPanel() {
  const t = useT();
  const f = useFmt();
  const rows = useStudio(runSelectors.rows);
  const last = rows.at(-1);
  return (
    <Panel title={t('loss.title')} className="area-loss" testId="panel-loss">
      <div className="chart" role="img" aria-label={t('loss.chartLabel', { count: f.int(rows.length) })}>
        <LossLines rows={rows} t={t} f={f} />
      </div>
      <ChartLegend entries={SERIES.map((s) => ({ name: t(s.name), color: s.color, dash: s.dash }))} />
      <p className="chart-caption">
        <span>{t('loss.points', { count: f.int(rows.length) })}</span>
        {last && (
          <span className="latest">
            {t('chart.latestAt', { step: f.int(last.step) })}{' '}
            {SERIES.map((s) => (
              <span key={s.key} className="latest-value">
                {t(s.name)}: <span data-series={s.key}>{f.sig(last[s.key], 4)}</span>
              </span>
            ))}
          </span>
        )}
      </p>
    </Panel>
  );
}

/** The recharts part, memoized on its rows: a language or layout change elsewhere does not redraw it. */
const LossLines = memo(function LossLines({ rows, t, f }: { rows: readonly LossRow[]; t: TFunction; f: NumberFormat }) {
  const data = useMemo(
    () =>
      downsample(rows).map((r) => ({
        step: r.step,
        teacher: finiteOrNull(r.teacher),
        student: finiteOrNull(r.student),
        kdHard: finiteOrNull(r.kdHard),
        kdDistill: finiteOrNull(r.kdDistill),
        kdTotal: finiteOrNull(r.kdTotal),
      })),
    [rows],
  );
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={[0, 'auto']} allowDecimals={false} tickFormatter={(v: number) => f.compact(v)} />
        <YAxis width={48} domain={['auto', 'auto']} tickFormatter={(v: number) => f.sig(v, 2)} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? f.sig(v, 4) : String(v))} labelFormatter={(v) => t('chart.step', { step: f.int(Number(v)) })} />
        {SERIES.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={t(s.name)}
            stroke={s.color}
            strokeWidth={s.key === 'kdTotal' ? 3 : 2}
            strokeDasharray={s.dash}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
});
