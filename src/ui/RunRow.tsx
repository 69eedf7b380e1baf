/**
 * One saved run in the runs table: overlay tick, name (renamed in place), the knobs people compare
 * runs by, the three models' test NDCG@10, the date, and its downloads and delete.
 */
import { useState } from 'react';
import { encodeReport, reportCsv, reportFileStem, type RunReport } from '../state/runReport';
import { studioActions } from '../state/studio';
import { download } from './download';
import { runLabel, runLossLabel } from './runLabel';
import type { NumberFormat } from './i18n/format';
import type { TFunction } from './i18n/useT';

export interface RunRowProps {
  run: RunReport;
  overlaid: boolean;
  /** The run's line colour on the overlay chart, when overlaid. */
  color: string | null;
  date: Intl.DateTimeFormat;
  t: TFunction;
  f: NumberFormat;
}

export function RunRow({ run, overlaid, color, date, t, f }: RunRowProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const d = run.settings.train.distill;
  const c = run.comparison;
  const stem = reportFileStem(run);
  const label = runLabel(run, t);
  const save = () => {
    if (editing !== null) void studioActions.renameRun(run.id, editing);
    setEditing(null);
  };
  return (
    <tr>
      <td>
        <input type="checkbox" checked={overlaid} onChange={() => studioActions.toggleOverlay(run.id)} aria-label={t('runs.overlayRun', { name: label })} />
        {color && <span className="run-swatch" style={{ background: color }} aria-hidden="true" />}
      </td>
      <th scope="row">
        {editing === null ? (
          <>
            {label}
            {run.imported && <span className="tag">{t('runs.imported')}</span>}
          </>
        ) : (
          <form
            className="rename"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <input value={editing} onChange={(e) => setEditing(e.target.value)} aria-label={t('runs.renameRun', { name: label })} autoFocus maxLength={200} />
            <button type="submit">{t('runs.save')}</button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('runs.cancel')}
            </button>
          </form>
        )}
      </th>
      <td>{f.sig(d.temperature, 3)}</td>
      <td>{f.sig(d.alpha, 3)}</td>
      {/* an imported report may name a loss this studio does not know: shown as written */}
      <td>{runLossLabel(run, t)}</td>
      <td>{f.dec(c.teacher.test.ndcg, 4)}</td>
      <td>{f.dec(c.student.test.ndcg, 4)}</td>
      <td>{f.dec(c.kd.test.ndcg, 4)}</td>
      <td>{date.format(new Date(run.createdAt))}</td>
      <td className="run-actions">
        <button type="button" onClick={() => setEditing(run.name)} disabled={editing !== null}>
          {t('runs.rename')}
        </button>
        <button type="button" aria-label={t('runs.exportJsonRun', { name: label })} onClick={() => download(`${stem}.json`, encodeReport(run), 'application/json')}>
          {t('runs.exportJson')}
        </button>
        <button type="button" aria-label={t('runs.exportCsvRun', { name: label })} onClick={() => download(`${stem}.csv`, reportCsv(run), 'text/csv')}>
          {t('runs.exportCsv')}
        </button>
        <button type="button" aria-label={t('runs.deleteRun', { name: label })} onClick={() => void studioActions.deleteRun(run.id)}>
          {t('runs.delete')}
        </button>
      </td>
    </tr>
  );
}
