/**
 * Compression of the trained models: the method knobs with their formulas, a button that asks
 * the worker for the sweep (training pauses), its progress, and the result as a size-vs-NDCG@10
 * chart (teacher, student alone and KD student on one chart) and a table of fp32 / fp16 / int8.
 */
import { useId } from 'react';
import { defaultCompressConfig } from '../compress/config';
import { compressSelectors, type Int8View } from '../state/compressSlice';
import { runSelectors } from '../state/runSlice';
import { studioActions } from '../state/studio';
import { studioStore, useStudio } from '../state/store';
import { CompressChart } from './CompressChart';
import { CompressTable } from './CompressTable';
import { useFmt, useT } from './i18n/useT';
import { JobControls } from './JobControls';
import { Panel } from './Panel';

const MAX_SPARSITY = [0.5, 0.8, 0.9, 0.95];
const USERS = [200, 500, 1000, 0];
const INT8: readonly { view: Int8View; name: 'compress.int8.tensor' | 'compress.int8.row'; formula: 'compress.int8.tensor.formula' | 'compress.int8.row.formula' }[] = [
  { view: 'tensor', name: 'compress.int8.tensor', formula: 'compress.int8.tensor.formula' },
  { view: 'row', name: 'compress.int8.row', formula: 'compress.int8.row.formula' },
];

export function CompressPanel() {
  const t = useT();
  const f = useFmt();
  const config = useStudio(compressSelectors.config);
  const int8View = useStudio(compressSelectors.int8View);
  const status = useStudio(compressSelectors.status);
  const done = useStudio(compressSelectors.done);
  const total = useStudio(compressSelectors.total);
  const report = useStudio(compressSelectors.report);
  const error = useStudio(compressSelectors.error);
  const runStatus = useStudio(runSelectors.status);
  const set = studioStore.getState();
  const pruneId = useId();
  const usersId = useId();
  const maxSparsity = Math.max(...config.sparsities);
  const canRun = status !== 'running' && ['ready', 'paused', 'running', 'done'].includes(runStatus);
  return (
    <Panel title={t('compress.title')} className="area-compress compress" testId="panel-compress">
      <p className="hint">{t('compress.intro')}</p>
      <div className="compress-knobs">
        <fieldset className="losses">
          <legend>{t('compress.int8')}</legend>
          {INT8.map((o) => (
            <label key={o.view} className="loss-option">
              <input type="radio" name="int8-view" value={o.view} checked={int8View === o.view} onChange={() => set.setInt8View(o.view)} />
              <span className="loss-name">{t(o.name)}</span>
              <code className="formula" translate="no">{t(o.formula)}</code>
            </label>
          ))}
          <code className="formula" translate="no">{t('compress.fp16.formula')}</code>
        </fieldset>
        <div>
          <div className="field">
            <label htmlFor={pruneId}>{t('compress.prune')}</label>
            <select
              id={pruneId}
              value={String(maxSparsity)}
              onChange={(e) => set.setCompressConfig({ sparsities: defaultCompressConfig.sparsities.filter((s) => s <= Number(e.target.value)) })}
            >
              {MAX_SPARSITY.map((s) => (
                <option key={s} value={String(s)}>
                  {f.pct(s, 0)}
                </option>
              ))}
            </select>
          </div>
          <code className="formula" translate="no">{t('compress.prune.formula')}</code>
          <p>
            <code className="formula" translate="no">{t('compress.lowrank.formula')}</code>
          </p>
          <div className="field">
            <label htmlFor={usersId}>{t('compress.users')}</label>
            <select id={usersId} value={String(config.users)} onChange={(e) => set.setCompressConfig({ users: Number(e.target.value) })}>
              {USERS.map((u) => (
                <option key={u} value={String(u)}>
                  {u ? f.int(u) : t('compress.usersAll')}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="checkbox" checked={config.teacher} onChange={(e) => set.setCompressConfig({ teacher: e.target.checked })} />
            {t('compress.teacher')}
          </label>
        </div>
      </div>
      <JobControls
        run={{ label: t('compress.run'), onClick: () => studioActions.compress(), disabled: !canRun }}
        running={status === 'running'}
        progress={
          status === 'running'
            ? { label: t('compress.progress'), value: total ? done / total : undefined, text: total ? t('compress.running', { done: f.int(done), total: f.int(total) }) : t('compress.reading') }
            : null
        }
        error={status === 'failed' && error ? t('compress.failed', { message: error }) : null}
      />
      {report ? (
        <>
          <CompressChart report={report} int8View={int8View} />
          <CompressTable report={report} />
        </>
      ) : (
        status !== 'running' && <p className="empty">{t('compress.empty')}</p>
      )}
    </Panel>
  );
}
