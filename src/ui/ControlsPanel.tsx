/**
 * Play / pause / step / reset, the progress of the run, and the settings that apply on reset
 * (seed, split seed, schedule, epochs). Reads only run status and progress: a loss point does
 * not re-render it.
 */
import type { RunStatus } from '../train/protocol';
import { configSelectors } from '../state/configSlice';
import { runSelectors } from '../state/runSlice';
import { sweepSelectors } from '../state/sweepSlice';
import { useStudio } from '../state/store';
import { studioActions } from '../state/studio';
import { BackendBadge } from './BackendBadge';
import type { MessageKey } from './i18n/translate';
import { tLoose, useFmt, useT } from './i18n/useT';
import { RunSettings } from './RunSettings';

const STATUS_KEY: Record<RunStatus, MessageKey> = {
  empty: 'status.empty',
  warming: 'status.warming',
  ready: 'status.ready',
  running: 'status.running',
  paused: 'status.paused',
  finishing: 'status.finishing',
  done: 'status.done',
};

export function ControlsPanel() {
  const t = useT();
  const status = useStudio(runSelectors.status);
  const trainable = useStudio((s) => s.dataset.current !== null && s.dataset.current.blocker === null);
  const needsReload = useStudio(configSelectors.needsReload);
  const idle = status === 'ready' || status === 'paused';
  const running = status === 'running' || status === 'finishing';
  const sweeping = useStudio(sweepSelectors.running);
  const canPlay = trainable && idle && !needsReload && !sweeping;
  return (
    <section className="controls" aria-label={t('controls.title')} data-testid="panel-controls">
      <div className="buttons" role="group" aria-label={t('controls.buttons')}>
        <button type="button" className="primary" onClick={studioActions.play} disabled={!canPlay} title={needsReload ? t('controls.playNeedsReset') : sweeping ? t('sweep.refused.blocksRun') : undefined}>
          <span aria-hidden="true">▶ </span>
          {t('controls.play')}
        </button>
        <button type="button" onClick={studioActions.pause} disabled={!running}>
          <span aria-hidden="true">❚❚ </span>
          {t('controls.pause')}
        </button>
        <button type="button" onClick={studioActions.step} disabled={!canPlay}>
          <span aria-hidden="true">⇥ </span>
          {t('controls.step')}
        </button>
        <button type="button" onClick={studioActions.reset} disabled={!trainable || running} className={needsReload ? 'attention' : undefined}>
          <span aria-hidden="true">↺ </span>
          {t('controls.reset')}
        </button>
      </div>
      <div className="run-status">
        <span className={`status status-${status}`}>{t(STATUS_KEY[status])}</span>
        <RunProgress />
      </div>
      <BackendBadge />
      <RunSettings />
    </section>
  );
}

/** Progress bar, phase, step / epoch and the tensor count (flat across steps when nothing leaks). */
function RunProgress() {
  const t = useT();
  const f = useFmt();
  const phase = useStudio(runSelectors.phase);
  const status = useStudio(runSelectors.status);
  const fraction = useStudio(runSelectors.fraction);
  const step = useStudio(runSelectors.step);
  const totalSteps = useStudio(runSelectors.totalSteps);
  const epoch = useStudio(runSelectors.epoch);
  const epochs = useStudio(configSelectors.epochs);
  const numTensors = useStudio(runSelectors.numTensors);
  const gpuBytes = useStudio(runSelectors.gpuBytes);
  return (
    <div className="progress">
      <progress aria-label={t('controls.progress')} max={1} value={fraction ?? undefined} />
      {/* at step 0 the badge says "Ready"; the worker's phase would name the next phase as if it ran */}
      {status !== 'ready' && <span className="phase">{tLoose(t, phase)}</span>}
      <span>{t('controls.stepOf', { step: f.int(step), total: f.int(totalSteps) })}</span>
      <span>{t('controls.epochOf', { epoch: f.dec(epoch, 2), total: f.int(epochs) })}</span>
      <span title={t('controls.tensorsHint')}>{t('controls.tensors', { count: f.int(numTensors) })}</span>
      {gpuBytes !== null && <span>{t('controls.gpuBytes', { bytes: f.bytes(gpuBytes) })}</span>}
    </div>
  );
}
