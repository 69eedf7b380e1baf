/**
 * What this browser keeps for the studio: the space the site uses (navigator.storage.estimate)
 * and each kept run and uploaded dataset with its size, each deletable; a kept dataset can be
 * loaded again.
 */
import { useEffect, useMemo } from 'react';
import { historySelectors } from '../state/historySlice';
import { encodeReport, type RunReport } from '../state/runReport';
import { useStudio } from '../state/store';
import { studioActions } from '../state/studio';
import { useFmt, useT } from './i18n/useT';
import { Panel } from './Panel';
import { runLabel } from './runLabel';

interface Item {
  id: string;
  name: string;
  kind: 'run' | 'dataset';
  bytes: number;
}

/** A run's size as stored (its report's JSON text, a close measure of the structured clone), once per report. */
const runBytes = new WeakMap<RunReport, number>();
function storedBytes(r: RunReport): number {
  let n = runBytes.get(r);
  if (n === undefined) runBytes.set(r, (n = encodeReport(r).length));
  return n;
}

export function StoragePanel() {
  const t = useT();
  const f = useFmt();
  const runs = useStudio(historySelectors.runs);
  const datasets = useStudio(historySelectors.datasets);
  const usage = useStudio(historySelectors.usage);
  const items = useMemo<Item[]>(
    () => [
      ...datasets.map((d) => ({ id: d.id, name: d.titlesName ? `${d.name} + ${d.titlesName}` : d.name, kind: 'dataset' as const, bytes: d.bytes })),
      ...runs.map((r) => ({ id: r.id, name: runLabel(r, t), kind: 'run' as const, bytes: storedBytes(r) })),
    ],
    [runs, datasets, t],
  );
  // measure again whenever what is kept changes
  useEffect(() => void studioActions.measureStorage(), [runs, datasets]);
  const remove = (it: Item) => void (it.kind === 'run' ? studioActions.deleteRun(it.id) : studioActions.deleteStoredDataset(it.id));
  return (
    <Panel title={t('storage.title')} className="area-storage" testId="panel-storage">
      <p>{usage ? t('storage.used', { used: f.bytes(usage.usage), quota: f.bytes(usage.quota) }) : t('storage.unknown')}</p>
      {items.length === 0 ? (
        <p className="empty">{t('storage.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="storage">
            <caption className="visually-hidden">{t('storage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('storage.item')}</th>
                <th scope="col">{t('storage.kind')}</th>
                <th scope="col">{t('storage.size')}</th>
                <th scope="col">{t('runs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((it) => (
                <tr key={`${it.kind}:${it.id}`}>
                  <th scope="row" translate={it.kind === 'dataset' ? 'no' : undefined}>{it.name}</th>
                  <td>{t(it.kind === 'run' ? 'storage.kindRun' : 'storage.kindDataset')}</td>
                  <td>{f.bytes(it.bytes)}</td>
                  <td className="run-actions">
                    {it.kind === 'dataset' && (
                      <button type="button" aria-label={t('storage.loadItem', { name: it.name })} onClick={() => void studioActions.useStoredDataset(it.id)}>
                        {t('storage.load')}
                      </button>
                    )}
                    <button type="button" aria-label={t('storage.deleteItem', { name: it.name })} onClick={() => remove(it)}>
                      {t('storage.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" onClick={() => void studioActions.measureStorage()}>
        {t('storage.refresh')}
      </button>
    </Panel>
  );
}
