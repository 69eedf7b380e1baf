/**
 * The rating-prediction task: α with its formula, the unrated-pair share, epochs, run / stop,
 * progress, validation RMSE per epoch of the three models, and the final test table. Enabled only
 * for datasets with explicit ratings; otherwise a sentence says why.
 */
import { useId, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SETTINGS } from '../settings/table';
import { configSelectors } from '../state/configSlice';
import { ratingSelectors, type RatingResult } from '../state/ratingSlice';
import { studioActions } from '../state/studio';
import { studioStore, useStudio } from '../state/store';
import type { RatingEpochPoint } from '../train/protocol';
import { AlphaSlider } from './AlphaSlider';
import { ChartLegend } from './ChartLegend';
import { COLORS } from './colors';
import type { NumberFormat } from './i18n/format';
import type { MessageKey } from './i18n/translate';
import { useFmt, useT, type TFunction } from './i18n/useT';
import { JobControls } from './JobControls';
import { MODEL_SERIES } from './modelSeries';
import { ModelTable, type ModelRow } from './ModelTable';
import { NumberField } from './NumberField';
import { Panel } from './Panel';

const UNRATED_CHOICES = [0, 1, 3];

export function RatingPanel() {
  const t = useT();
  const f = useFmt();
  const r = useStudio(ratingSelectors.rating);
  const config = useStudio(configSelectors.rating);
  const hasRatings = useStudio(ratingSelectors.hasRatings);
  const hasDataset = useStudio((s) => s.dataset.current !== null);
  const set = studioStore.getState();
  const uId = useId();
  const running = r.status === 'running';
  const setDistill = (p: { alpha?: number; unrated?: number }) => {
    set.setRatingConfig(p);
    if (running) studioActions.ratingSendDistill();
  };
  return (
    <Panel title={t('rating.title')} className="area-rating" testId="panel-rating">
      <p className="hint">{t('rating.intro')}</p>
      {!hasRatings ? (
        <p className="empty">{t(hasDataset ? 'rating.noRatings' : 'rating.noDataset')}</p>
      ) : (
        <>
          <AlphaSlider setting={SETTINGS.ratingAlpha} label={t('rating.alpha')} value={config.distill.alpha} onChange={(alpha) => setDistill({ alpha })}>
            <code className="formula" translate="no">{t('rating.formula')}</code>
          </AlphaSlider>
          <div className="field">
            <label htmlFor={uId}>{t('rating.unrated')}</label>
            <select id={uId} value={String(config.distill.unrated)} onChange={(e) => setDistill({ unrated: Number(e.target.value) })}>
              {UNRATED_CHOICES.map((v) => (
                <option key={v} value={String(v)}>
                  {f.int(v)}
                </option>
              ))}
            </select>
            <span className="hint">{t('rating.unratedHint')}</span>
          </div>
          <NumberField label={t('rating.teacherEpochs')} value={config.teacherEpochs} setting={SETTINGS.ratingTeacherEpochs} onCommit={(v) => set.setRatingConfig({ teacherEpochs: v })} />
          <NumberField label={t('rating.studentEpochs')} value={config.epochs} setting={SETTINGS.ratingEpochs} onCommit={(v) => set.setRatingConfig({ epochs: v })} />
          <JobControls
            run={{ label: t('rating.run'), onClick: () => studioActions.ratingStart(), disabled: running }}
            stop={{ label: t('rating.stop'), onClick: () => studioActions.ratingStop() }}
            running={running}
            progress={
              running
                ? {
                    label: t('rating.progress'),
                    value: r.fraction,
                    text: (
                      <>
                        {r.phase && t(`rating.phase.${r.phase}` as MessageKey)} {f.pct(r.fraction, 0)}
                      </>
                    ),
                  }
                : null
            }
            error={r.error ? t('rating.failed', { message: r.error }) : null}
          />
          <RatingChart points={r.points} t={t} f={f} />
          {r.result && <RatingTable result={r.result} t={t} f={f} />}
        </>
      )}
    </Panel>
  );
}

/** Validation RMSE per epoch, one line per model (each model counts its own epochs). */
function RatingChart({ points, t, f }: { points: readonly RatingEpochPoint[]; t: TFunction; f: NumberFormat }) {
  const data = useMemo(() => {
    const byEpoch = new Map<number, { epoch: number; teacher?: number; student?: number; kd?: number }>();
    for (const p of points) {
      const row = byEpoch.get(p.epoch) ?? { epoch: p.epoch };
      row[p.model] = p.valRmse;
      byEpoch.set(p.epoch, row);
    }
    return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
  }, [points]);
  return (
    <>
      <div className="chart" role="img" aria-label={t('rating.chartLabel', { count: f.int(points.length) })}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="epoch" type="number" domain={[1, 'auto']} allowDecimals={false} />
            <YAxis width={52} domain={['auto', 'auto']} tickFormatter={(v: number) => f.dec(v, 3)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? f.dec(v, 4) : String(v))} labelFormatter={(v) => t('rating.epoch', { epoch: f.int(Number(v)) })} />
            {MODEL_SERIES.map((m) => (
              <Line key={m.key} dataKey={m.key} name={t(m.name)} stroke={m.color} strokeWidth={2} dot isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend entries={MODEL_SERIES.map((m) => ({ name: t(m.name), color: m.color }))} />
      <p className="chart-caption">{t('rating.valRmse')}</p>
    </>
  );
}

const ROWS: readonly ModelRow<RatingResult['teacher']>[] = [
  { key: 'rating.rmse', value: (m, f) => f.dec(m.rmse, 4) },
  { key: 'rating.mae', value: (m, f) => f.dec(m.mae, 4) },
  { key: 'rating.params', value: (m, f) => f.int(m.params) },
  { key: 'rating.bestEpoch', value: (m, f) => f.int(m.bestEpoch) },
];

/** Test RMSE / MAE / parameters of the three models and a sentence with the outcome. */
function RatingTable({ result, t, f }: { result: RatingResult; t: TFunction; f: NumberFormat }) {
  const { teacher, student, kd } = result;
  const verdict =
    teacher.rmse < student.rmse
      ? t('rating.verdict', { smaller: f.sig(teacher.params / kd.params, 2), student: f.dec(student.rmse, 4), kd: f.dec(kd.rmse, 4), teacher: f.dec(teacher.rmse, 4) })
      : t('rating.verdictNoLead', { teacher: f.dec(teacher.rmse, 4), student: f.dec(student.rmse, 4) });
  return (
    <>
      <ModelTable caption="rating.table" rows={ROWS} models={result} />
      <p className="verdict">{verdict}</p>
      {result.stopped && <p className="hint">{t('rating.stopped')}</p>}
      <p className="hint">{t('rating.seconds', { seconds: f.sig(result.seconds, 3) })}</p>
    </>
  );
}
