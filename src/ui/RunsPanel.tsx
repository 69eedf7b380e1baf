/**
 * The runs history: every finished (or imported) run kept in this browser, newest first; tick
 * several to overlay their validation curves; rename, download or delete one; import a report.
 */
import { useMemo } from 'react';
import { historySelectors } from '../state/historySlice';
import { useStudio } from '../state/store';
import { studioActions } from '../state/studio';
import { uiSelectors } from '../state/uiSlice';
import { FileField } from './FileField';
import { useFmt, useT } from './i18n/useT';
import { Panel } from './Panel';
import { RunRow } from './RunRow';
import { RUN_COLORS, RunsOverlayChart } from './RunsOverlayChart';

export function RunsPanel() {
  const t = useT();
  const f = useFmt();
  const lang = useStudio(uiSelectors.language);
  const runs = useStudio(historySelectors.runs);
  const overlay = useStudio(historySelectors.overlay);
  const persistent = useStudio(historySelectors.persistent);
  const date = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }), [lang]);
  const overlaid = useMemo(() => overlay.flatMap((id) => runs.filter((r) => r.id === id)), [overlay, runs]);
  const colorOf = (id: string) => {
    const i = overlaid.findIndex((r) => r.id === id);
    return i < 0 ? null : RUN_COLORS[i % RUN_COLORS.length];
  };
  return (
    <Panel title={t('runs.title')} className="area-runs" testId="panel-runs">
      {!persistent && <p className="hint">{t('runs.notKept')}</p>}
      {runs.length === 0 ? (
        <p className="empty">{t('runs.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="runs">
            <caption className="visually-hidden">{t('runs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('runs.overlay')}</th>
                <th scope="col">{t('runs.name')}</th>
                <th scope="col">{t('runs.T')}</th>
                <th scope="col">{t('runs.alpha')}</th>
                <th scope="col">{t('runs.loss')}</th>
                <th scope="col" className="c-teacher">{t('runs.ndcgTeacher')}</th>
                <th scope="col" className="c-student">{t('runs.ndcgStudent')}</th>
                <th scope="col" className="c-kd">{t('runs.ndcgKd')}</th>
                <th scope="col">{t('runs.date')}</th>
                <th scope="col">{t('runs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <RunRow key={r.id} run={r} overlaid={overlay.includes(r.id)} color={colorOf(r.id)} date={date} t={t} f={f} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RunsOverlayChart runs={overlaid} />
      <FileField
        label={t('runs.import')}
        accept=".json,application/json"
        onFile={(file) => {
          if (file) void studioActions.importReport(file);
        }}
      />
    </Panel>
  );
}
