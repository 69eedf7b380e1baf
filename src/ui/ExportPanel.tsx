/**
 * Downloads of the current run: a trained model in tf.js format (model.json + weights, ready for
 * tf.loadLayersModel) and the live charts as PNG. Run reports (JSON, CSV) are in the runs panel.
 */
import { useState } from 'react';
import { runSelectors } from '../state/runSlice';
import { useStudio } from '../state/store';
import { studioActions } from '../state/studio';
import type { ExportableModel } from '../train/protocol';
import { download, downloadChartPng, exportFailed } from './download';
import type { MessageKey } from './i18n/translate';
import { useT } from './i18n/useT';
import { seriesInOrder } from './modelSeries';
import { Panel } from './Panel';

/** The KD student first: it is the model worth shipping. */
const MODELS = seriesInOrder(['kd', 'student', 'teacher']);

const CHARTS: readonly { area: string; file: string; key: MessageKey }[] = [
  { area: '.area-loss', file: 'training-loss.png', key: 'export.lossPng' },
  { area: '.area-val', file: 'validation-ndcg.png', key: 'export.valPng' },
];

export function ExportPanel() {
  const t = useT();
  const status = useStudio(runSelectors.status);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trained = status === 'ready' || status === 'paused' || status === 'done';
  const exportModel = async (model: ExportableModel, name: string) => {
    setBusy(true);
    setNote(t('export.working', { model: name }));
    try {
      const out = await studioActions.exportModel(model);
      const file = `${model}-model.json`;
      download(file, out.modelJson, 'application/json');
      download(out.weightsName, out.weights);
      setNote(t('export.done', { file }));
    } catch (e) {
      setNote(null);
      exportFailed(e);
    } finally {
      setBusy(false);
    }
  };
  const exportChart = async (area: string, file: string) => {
    if (!(await downloadChartPng(document.querySelector(area), file, 'h2'))) setNote(t('export.chartMissing'));
  };
  return (
    <Panel title={t('export.title')} className="area-export" testId="panel-export">
      {!trained && <p className="empty">{t('export.none')}</p>}
      <h3>{t('export.model')}</h3>
      <div className="buttons">
        {MODELS.map((m) => (
          <button key={m.key} type="button" disabled={!trained || busy} onClick={() => void exportModel(m.key, t(m.name))}>
            {t(m.name)}
          </button>
        ))}
      </div>
      <p className="hint" role="status">
        {note}
      </p>
      <h3>{t('export.charts')}</h3>
      <div className="buttons">
        {CHARTS.map((c) => (
          <button key={c.file} type="button" onClick={() => void exportChart(c.area, c.file)}>
            {t(c.key)}
          </button>
        ))}
      </div>
    </Panel>
  );
}
