/** Statistics of the loaded dataset, a per-user histogram, and a preview of its titles (as text). */
import { useId, useMemo } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { datasetSelectors } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import { COLORS } from './colors';
import { useFmt, useT } from './i18n/useT';
import { ItemName } from './ItemName';
import { useItemNames } from './itemTitle';

/** Titles shown in the preview. */
const PREVIEW = 3;

export function DatasetStatsView() {
  const t = useT();
  const f = useFmt();
  const stats = useStudio(datasetSelectors.stats);
  const id = useId();
  const names = useItemNames();
  const hist = useMemo(() => {
    if (!stats) return [];
    const { edges, counts } = stats.perUserHistogram;
    return counts.map((count, i) => ({ bin: edges[i + 1] - edges[i] > 1 ? `${edges[i]}–${edges[i + 1] - 1}` : String(edges[i]), count }));
  }, [stats]);
  // the first titled items (dense indices)
  const preview = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; names.titles && i < names.titles.length && out.length < PREVIEW; i++) if (names.titles[i] !== null) out.push(i);
    return out;
  }, [names]);
  if (!stats) return <p className="empty">{t('dataset.none')}</p>;
  const facts: [string, string][] = [
    [t('dataset.users'), f.int(stats.users)],
    [t('dataset.items'), f.int(stats.items)],
    [t('dataset.interactions'), f.int(stats.interactions)],
    [t('dataset.density'), f.pct(stats.density, 2)],
    [t('dataset.perUser'), t('dataset.minMedMax', { min: f.int(stats.minPerUser), median: f.int(stats.medianPerUser), max: f.int(stats.maxPerUser) })],
  ];
  const columns = [stats.hasRatings ? t('dataset.hasRatings') : null, stats.hasTimestamps ? t('dataset.hasTimestamps') : t('dataset.noTimestamps')];
  return (
    <div className="dataset-stats">
      <dl className="facts big">
        {facts.map(([k, v], i) => (
          <div key={k} className="fact">
            <dt id={`${id}-${i}`}>{k}</dt>
            <dd aria-labelledby={`${id}-${i}`}>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {t('dataset.columns')}: {columns.filter(Boolean).join(' · ')}
      </p>
      <div className="chart small" role="img" aria-label={t('dataset.histogramLabel')}>
        <ResponsiveContainer width="100%" height={120}>
          <BarChart data={hist} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <XAxis dataKey="bin" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis width={40} tick={{ fontSize: 11 }} tickFormatter={(v: number) => f.compact(v)} />
            <Tooltip formatter={(v) => [typeof v === 'number' ? f.int(v) : String(v), t('dataset.histogramUsers')]} labelFormatter={(l) => t('dataset.histogramBin', { bin: String(l) })} />
            <Bar dataKey="count" fill={COLORS.teacher} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        <p className="hint">{t('dataset.histogramLabel')}</p>
      </div>
      {preview.length > 0 && (
        <div className="titles-preview">
          <span>{t('dataset.titlesPreview')}</span>
          <ul>
            {preview.map((i) => (
              <li key={i}>
                <ItemName names={names} item={i} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
