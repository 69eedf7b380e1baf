/**
 * The dataset panel (issue 4's first screen): the loaded dataset's statistics with no click, a
 * file picker and drop zone, parse progress, and warnings and errors right next to it. A failed
 * upload shows its error while the dataset loaded before stays.
 */
import { datasetSelectors } from '../state/datasetSlice';
import { useStudio } from '../state/store';
import { DatasetCredits } from './DatasetCredits';
import { DatasetStatsView } from './DatasetStatsView';
import { DatasetUpload } from './DatasetUpload';
import { Trans } from './i18n/Trans';
import { useFmt, useT, useTData } from './i18n/useT';
import { Panel } from './Panel';

export function DatasetPanel() {
  const t = useT();
  const td = useTData();
  const name = useStudio(datasetSelectors.name);
  const nameText = useStudio((s) => s.dataset.current?.dataset.nameText ?? null);
  // a file's or dataset's name is data; the name data/ made up (synthetic demo) reads in the studio's language
  const tag = nameText ? <span className="tag">{td(nameText)}</span> : name && <span className="tag" translate="no">{name}</span>;
  return (
    <Panel title={t('dataset.title')} className="area-dataset" testId="panel-dataset" aside={tag}>
      <DatasetStatsView />
      <DatasetMessages />
      <DatasetUpload />
      <DatasetCredits />
    </Panel>
  );
}

/** Progress of a load, its error, the dataset's warnings and why it cannot train. */
function DatasetMessages() {
  const t = useT();
  const td = useTData();
  const f = useFmt();
  const loading = useStudio(datasetSelectors.loading);
  const progress = useStudio(datasetSelectors.progress);
  const error = useStudio(datasetSelectors.error);
  const warnings = useStudio(datasetSelectors.warnings);
  const blocker = useStudio(datasetSelectors.blocker);
  const titleCount = useStudio((s) => s.dataset.current?.titleCount ?? null);
  return (
    <div className="dataset-messages">
      {loading !== null && (
        <div className="parse-progress" role="status">
          <label>
            <Trans k="dataset.parsing" parts={{ name: <span translate="no">{loading}</span> }} />{' '}
            <progress max={1} value={progress ?? undefined} aria-label={t('dataset.parseProgress')} />{' '}
            {progress !== null && f.pct(progress, 0)}
          </label>
        </div>
      )}
      {error && (
        <div className="error" role="alert">
          <strong>{t('dataset.loadFailed')}</strong> {td(error)}
          <div className="hint">{t('dataset.keptPrevious')}</div>
        </div>
      )}
      {blocker && (
        <p className="error" role="alert">
          <strong>{t('dataset.cannotTrain')}</strong> {td(blocker)}
        </p>
      )}
      {titleCount !== null && <p className="hint">{t('dataset.titlesRead', { count: f.int(titleCount) })}</p>}
      {warnings.length > 0 && (
        <details className="warnings" open={warnings.length <= 3}>
          <summary>{t('dataset.warnings', { count: f.int(warnings.length) })}</summary>
          <ul role="status">
            {warnings.map((w, i) => (
              <li key={i}>{td(w)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
