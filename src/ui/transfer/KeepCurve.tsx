/**
 * The keep curve: every mode's NDCG@10 against the share of target data kept (log scale), where
 * training from scratch catches up with the transferred modes.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TransferResult } from '../../train/transferRun';
import { COLORS } from '../colors';
import type { NumberFormat } from '../i18n/format';
import type { TFunction } from '../i18n/useT';
import { MODES, modeOf } from './modes';

export const KeepCurve = memo(function KeepCurve({ results, t, f }: { results: TransferResult[]; t: TFunction; f: NumberFormat }) {
  const data = results.map((r) => Object.fromEntries([['keep', r.keep], ...MODES.map((m) => [m.key, modeOf(r, m.key).ndcg10])]));
  return (
    <>
      <h3>{t('transfer.curveTitle')}</h3>
      <div className="chart" role="img" aria-label={t('transfer.curveLabel')}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="keep" type="number" scale="log" domain={['auto', 'auto']} ticks={results.map((r) => r.keep)} tickFormatter={(v: number) => f.pct(v, 0)} />
            <YAxis width={60} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 3)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} labelFormatter={(v) => `${t('transfer.keepAxis')}: ${f.pct(Number(v), 0)}`} />
            <Legend />
            {MODES.map((m) => (
              <Line key={m.key} dataKey={m.key} name={t(m.name)} stroke={m.color} strokeWidth={m.key === 'kd' ? 3 : 2} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  );
});
