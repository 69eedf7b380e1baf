/**
 * Transfer learning across domains: the domain rule (a year cut, a list of source item ids, or a
 * second ratings file as the target) with the domains' sizes before a run, how much target data is
 * kept, a run in the worker with progress, then every mode's NDCG@10 and HR@10 side by side
 * (popularity always there) and, when asked, the keep curve that shows where training from
 * scratch catches up. File names and anything read from the files are rendered as text only.
 */
import { useMemo } from 'react';
import { SETTINGS } from '../../settings/table';
import { TUNED_L2_GRID } from '../../settings/defaults';
import { configSelectors } from '../../state/configSlice';
import { studioStore, useStudio } from '../../state/store';
import { panelRule } from '../../state/transferBridge';
import { planDomains } from '../../state/transferDomains';
import { transferActions } from '../../state/transferStudio';
import { useTransfer } from '../../state/transferStore';
import type { MessageKey } from '../i18n/translate';
import { useFmt, useT } from '../i18n/useT';
import { JobControls } from '../JobControls';
import { NumberField } from '../NumberField';
import { Panel } from '../Panel';
import { DomainCounts } from './DomainCounts';
import { KeepCurve } from './KeepCurve';
import { RulePicker } from './RulePicker';
import { TransferResults } from './TransferResults';

export function TransferPanel() {
  const t = useT();
  const f = useFmt();
  const ds = useStudio((s) => s.dataset.current?.dataset ?? null);
  const settings = useStudio(configSelectors.transfer);
  const status = useTransfer((s) => s.status);
  const progress = useTransfer((s) => s.progress);
  const results = useTransfer((s) => s.results);
  const error = useTransfer((s) => s.error);
  const idList = useTransfer((s) => s.idList);
  const targetFile = useTransfer((s) => s.targetFile);
  const set = studioStore.getState().setTransferSettings;
  // only the rule's own fields re-plan the domains (a full split of every interaction): not keep %, epochs, seed …
  const { rule, cut } = settings;
  const plan = useMemo(() => (ds ? planDomains(ds, panelRule({ settings: { rule, cut }, idList, targetFile })) : null), [ds, rule, cut, idList, targetFile]);
  const counts = plan && ('why' in plan ? plan : plan.counts);
  const runnable = counts !== null && !('why' in counts) && status !== 'running';
  const main = results.find((r) => Math.abs(r.keep - settings.keep) < 1e-9) ?? results[0];
  const curve = useMemo(() => [...results].sort((a, b) => a.keep - b.keep), [results]);

  return (
    <Panel title={t('transfer.title')} className="area-transfer" testId="panel-transfer">
      <p className="hint">{t('transfer.intro')}</p>
      <RulePicker />
      <div className="transfer-knobs">
        {settings.rule === 'cut' && <NumberField label={t('transfer.cut')} value={settings.cut} setting={SETTINGS.transferCut} onCommit={(cut) => set({ cut })} />}
        <NumberField label={t('transfer.keep')} value={settings.keep} setting={SETTINGS.transferKeep} scale={100} onCommit={(keep) => set({ keep })} />
        <NumberField label={t('transfer.maxEpochs')} value={settings.maxEpochs} setting={SETTINGS.transferEpochs} onCommit={(maxEpochs) => set({ maxEpochs })} />
        <NumberField label={t('transfer.seed')} value={settings.seed} setting={SETTINGS.transferSeed} onCommit={(seed) => set({ seed })} />
      </div>
      <code className="formula" translate="no">{t('transfer.keep.formula')}</code>
      <label className="check">
        <input type="checkbox" checked={settings.curve} onChange={(e) => set({ curve: e.target.checked })} />
        {t('transfer.curve')}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.tuneL2} onChange={(e) => set({ tuneL2: e.target.checked })} />
        {t('transfer.tuneL2')}
      </label>
      <p className="hint">{t('transfer.tuneL2.hint', { values: TUNED_L2_GRID.l2s.map((x) => f.sig(x)).join(' / ') })}</p>
      <DomainCounts counts={counts} />
      <JobControls
        run={{ label: t('transfer.run'), onClick: () => transferActions.run(), disabled: !runnable }}
        stop={{ label: t('transfer.cancel'), onClick: () => transferActions.cancel() }}
        running={status === 'running'}
        progress={
          status === 'running'
            ? {
                label: t('transfer.progress'),
                value: progress?.fraction ?? undefined,
                text: progress ? (
                  <>
                    {t(`transfer.phase.${progress.phase}` as MessageKey, { epoch: f.int(progress.epoch), keep: progress.keep === null ? '' : f.pct(progress.keep, 0) })}
                    {progress.l2 !== null && <> {t('transfer.phase.l2', { l2: f.sig(progress.l2) })}</>}{' '}
                    <span className="hint">{t('transfer.tensors', { count: f.int(progress.numTensors) })}</span>
                  </>
                ) : (
                  t('transfer.phase.pretrain', { epoch: f.int(0) })
                ),
              }
            : null
        }
        error={status === 'error' && error ? t('transfer.failed', { message: error }) : null}
      />
      {status === 'cancelled' && <p className="hint">{t('transfer.cancelled')}</p>}
      {!main ? (
        status !== 'running' && <p className="empty">{t('transfer.empty')}</p>
      ) : (
        <TransferResults r={main} t={t} f={f} />
      )}
      {curve.length > 1 && <KeepCurve results={curve} t={t} f={f} />}
    </Panel>
  );
}
