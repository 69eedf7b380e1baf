/** Every mode's NDCG@10 and HR@10 on the target test items, as bars side by side. */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TransferResult } from '../../train/transferRun';
import { COLORS } from '../colors';
import type { NumberFormat } from '../i18n/format';
import type { TFunction } from '../i18n/useT';
import { MODES, modeOf } from './modes';

export const ModeBars = memo(function ModeBars({ r, t, f }: { r: TransferResult; t: TFunction; f: NumberFormat }) {
  const data = MODES.map((m) => ({ mode: t(m.name), ndcg: modeOf(r, m.key).ndcg10, hr: modeOf(r, m.key).hr10 }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="mode" interval={0} tick={{ fontSize: 11 }} />
        <YAxis width={60} domain={[0, 'auto']} tickFormatter={(v: number) => f.dec(v, 3)} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} />
        <Legend />
        <Bar dataKey="ndcg" name={t('transfer.ndcg')} fill={COLORS.teacher} isAnimationActive={false} />
        <Bar dataKey="hr" name={t('transfer.hr')} fill={COLORS.kd} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});
