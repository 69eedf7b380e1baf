/**
 * Size (bytes, log axis) against test NDCG@10: for each model a pruning curve (solid), a low-rank
 * curve (dashed) and the fp32 → fp16 → int8 points (dotted), one colour per model.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CompressReport, ModelCompression } from '../compress/types';
import type { Int8View } from '../state/compressSlice';
import { ChartLegend } from './ChartLegend';
import { COLORS } from './colors';
import type { NumberFormat } from './i18n/format';
import { useFmt, useT, type TFunction } from './i18n/useT';
import { MODEL_SERIES } from './modelSeries';

interface Datum {
  bytes: number;
  ndcg: number;
  label: string;
}

const DASH = { prune: undefined, lowrank: '6 4', quant: '2 3' } as const;
const SHAPE = { prune: 'circle', lowrank: 'triangle', quant: 'diamond' } as const;

/** The three curves of one model, each point labelled for the tooltip. */
function curves(c: ModelCompression, int8View: Int8View, model: string, t: TFunction, f: NumberFormat): Record<keyof typeof DASH, Datum[]> {
  const d = (bytes: number, ndcg: number, method: string): Datum => ({ bytes, ndcg, label: t('compress.tooltip', { model, method, bytes: f.bytes(bytes), ndcg: f.dec(ndcg, 4) }) });
  const int8 = int8View === 'row' ? c.int8PerRow : c.int8;
  return {
    prune: c.prune.map((p) => d(p.bytes, p.ndcg10, t('compress.point.prune', { percent: f.pct(p.sparsity, 0) }))),
    lowrank: c.lowrank.map((p) => d(p.bytes, p.ndcg10, t('compress.point.lowrank', { rank: p.rank }))),
    quant: [
      d(c.fp32.bytes, c.fp32.ndcg10, t('compress.point.fp32')),
      d(c.fp16.bytes, c.fp16.ndcg10, t('compress.point.fp16')),
      d(int8.bytes, int8.ndcg10, t(int8View === 'row' ? 'compress.point.int8PerRow' : 'compress.point.int8')),
    ],
  };
}

/** 1-2-5 ticks per decade inside [lo, hi]: recharts' own log ticks leave whole decades bare. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) for (const m of [1, 2, 5]) out.push(m * 10 ** p);
  return out.filter((v) => v >= lo && v <= hi);
}

export const CompressChart = memo(function CompressChart({ report, int8View }: { report: CompressReport; int8View: Int8View }) {
  const t = useT();
  const f = useFmt();
  const series = useMemo(
    () =>
      MODEL_SERIES.flatMap((m) => {
        const c = report[m.key];
        if (!c) return [];
        const cv = curves(c, int8View, t(m.name), t, f);
        return (Object.keys(cv) as (keyof typeof DASH)[]).map((kind) => ({ id: `${m.key}-${kind}`, kind, color: m.color, data: cv[kind].sort((a, b) => a.bytes - b.bytes) }));
      }),
    [report, int8View, t, f],
  );
  const all = series.flatMap((s) => s.data);
  const lo = Math.min(...all.map((d) => d.bytes));
  const hi = Math.max(...all.map((d) => d.bytes));
  const exceeds = MODEL_SERIES.flatMap((m) => {
    const ranks = report[m.key]?.lowrank.filter((p) => p.exceedsDense).map((p) => p.rank) ?? [];
    return ranks.length ? [t('compress.exceedsItem', { model: t(m.name), ranks: ranks.join(', ') })] : [];
  });
  return (
    <>
      <div className="chart" role="img" aria-label={t('compress.chartLabel')}>
        <ResponsiveContainer width="100%" height={320}>
          <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="bytes" type="number" scale="log" domain={[lo / 1.3, hi * 1.3]} ticks={logTicks(lo / 1.3, hi * 1.3)} allowDataOverflow tickFormatter={(v: number) => f.bytes(v)} name={t('compress.table.bytes')} />
            <YAxis dataKey="ndcg" type="number" width={48} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 2)} name={t('compress.table.ndcg')} />
            <Tooltip content={({ active, payload }) => (active && payload?.[0] ? <div className="tooltip">{(payload[0].payload as Datum).label}</div> : null)} />
            {series.map((s) => (
              <Scatter
                key={s.id}
                data={s.data}
                fill={s.color}
                shape={SHAPE[s.kind]}
                line={{ stroke: s.color, strokeWidth: 2, strokeDasharray: DASH[s.kind] }}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend
        entries={[
          ...MODEL_SERIES.filter((m) => report[m.key]).map((m) => ({ name: t(m.name), color: m.color })),
          { name: t('compress.series.prune'), color: '#555' },
          { name: t('compress.series.lowrank'), color: '#555', dash: DASH.lowrank },
          { name: t('compress.series.quant'), color: '#555', dash: DASH.quant },
        ]}
      />
      <p className="chart-caption">
        {t('compress.caption', { users: f.int(report.users), seconds: f.dec(report.seconds, 0) })}
        {exceeds.length > 0 && ` ${t('compress.exceeds', { list: exceeds.join('; ') })}`}
      </p>
    </>
  );
});
