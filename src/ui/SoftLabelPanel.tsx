/**
 * The soft labels the teacher hands down, for the inspected user at the current T: teacher,
 * KD student and student alone over the teacher's top-20 items, entropies, and where the held-out
 * item sits. The worker re-sends them when T moves, also while paused, so the bars flatten or
 * sharpen under the slider.
 */
import { memo, useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { runSelectors } from '../state/runSlice';
import { useStudio } from '../state/store';
import { ChartLegend } from './ChartLegend';
import { COLORS } from './colors';
import type { SoftLabels } from '../train/protocol';
import type { NumberFormat } from './i18n/format';
import { useFmt, useT, type TFunction } from './i18n/useT';
import { hasDataTitle, itemTitle, useItemNames, type ItemNames } from './itemTitle';
import { ItemName } from './ItemName';
import { seriesInOrder } from './modelSeries';
import { Panel } from './Panel';

/** The KD student's bar beside the teacher's: how closely it follows the soft labels is the point. */
const BAR_LEGEND = seriesInOrder(['teacher', 'kd', 'student']);

interface BarRow {
  pos: string;
  title: string;
  /** The title is the dataset's (data), not the studio's "Item {id}". */
  titled: boolean;
  teacher: number;
  kd: number;
  student: number;
  heldOut: boolean;
  seen: boolean;
}

export function SoftLabelPanel() {
  const t = useT();
  const f = useFmt();
  const labels = useStudio(runSelectors.softLabels);
  const names = useItemNames();
    const ids = { t: useId(), k: useId(), s: useId() };
  if (!labels) {
    return (
      <Panel title={t('soft.title')} className="area-soft" testId="panel-soft">
        <p className="empty">{t('soft.empty')}</p>
      </Panel>
    );
  }
  return (
    <Panel title={t('soft.title')} className="area-soft" testId="panel-soft" aside={<span className="tag">{t('soft.atT', { value: f.sig(labels.temperature, 2) })}</span>}>
      <div className="chart" role="img" aria-label={t('soft.chartLabel', { count: f.int(labels.items.length) })}>
        <SoftBars labels={labels} names={names} t={t} f={f} />
      </div>
      <ChartLegend entries={BAR_LEGEND.map((b) => ({ name: t(b.name), color: b.color, kind: 'bar' as const }))} />
      <dl className="facts entropies">
        <dt id={ids.t}>{t('soft.teacherEntropy')}</dt>
        <dd aria-labelledby={ids.t}>{f.dec(labels.teacherEntropy, 3)}</dd>
        <dt id={ids.k}>{t('soft.kdEntropy')}</dt>
        <dd aria-labelledby={ids.k}>{f.dec(labels.kdEntropy, 3)}</dd>
        <dt id={ids.s}>{t('soft.studentEntropy')}</dt>
        <dd aria-labelledby={ids.s}>{f.dec(labels.studentEntropy, 3)}</dd>
      </dl>
      <p className="held-out">
        <span className="mark">{t('soft.heldOut')}</span> <ItemName names={names} item={labels.heldOut} /> —{' '}
        {t('soft.heldOutRank', { rank: f.int(labels.heldOutRank + 1), p: f.sig(labels.heldOutTeacher, 2), pkd: f.sig(labels.heldOutKd, 2) })}
      </p>
      <p className="hint">{t('soft.explain')}</p>
      {labels.unseenOnly && <p className="hint">{t('soft.unseenNote')}</p>}
    </Panel>
  );
}

interface SoftBarsProps {
  labels: SoftLabels;
  names: ItemNames;
  t: TFunction;
  f: NumberFormat;
}

/** The recharts part, memoized on the labels. */
const SoftBars = memo(function SoftBars({ labels, names, t, f }: SoftBarsProps) {
  const data = useMemo<BarRow[]>(
    () =>
      Array.from(labels.items, (item, i) => ({
        pos: `${item === labels.heldOut ? '★' : ''}${i + 1}`,
        title: itemTitle(names, item, t),
        titled: hasDataTitle(names, item),
        teacher: labels.teacher[i],
        kd: labels.kd[i],
        student: labels.student[i],
        heldOut: item === labels.heldOut,
        seen: labels.seen[i] === 1,
      })),
    [labels, names, t],
  );
  const heldOutPos = data.find((d) => d.heldOut)?.pos;
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barCategoryGap="15%">
        <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="pos" interval={0} tick={{ fontSize: 12 }} />
        <YAxis width={48} tickFormatter={(v: number) => f.dec(v, 2)} />
        {heldOutPos && <ReferenceArea x1={heldOutPos} x2={heldOutPos} fill={COLORS.heldOut} fillOpacity={0.15} stroke={COLORS.heldOut} />}
        <Tooltip content={<SoftTooltip />} />
        {BAR_LEGEND.map((b) => (
          <Bar key={b.key} dataKey={b.key} name={t(b.name)} fill={b.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
});

/** Tooltip of one bar group: the item's title as text, and the three probabilities. */
function SoftTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: BarRow }[] }) {
  const t = useT();
  const f = useFmt();
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="tooltip">
      <strong translate={row.titled ? 'no' : undefined}>{row.title}</strong>
      {row.heldOut && <div className="mark">{t('soft.heldOut')}</div>}
      {row.seen && <div>{t('soft.seen')}</div>}
      <div>{t('model.teacher')}: {f.sig(row.teacher, 3)}</div>
      <div>{t('model.kd')}: {f.sig(row.kd, 3)}</div>
      <div>{t('model.student')}: {f.sig(row.student, 3)}</div>
    </div>
  );
}
