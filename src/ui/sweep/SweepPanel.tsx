/**
 * The T × α sweep: the KD student trained once per cell against the frozen teacher, in the
 * training worker, scored by validation NDCG@10 and drawn as a heatmap beside the student-alone
 * baseline. It waits for the main run (a sweep would steal its worker), and the main run waits
 * for it.
 */
import { useEffect, useId, useState } from 'react';
import { runSelectors } from '../../state/runSlice';
import { SETTINGS } from '../../settings/table';
import { configSelectors } from '../../state/configSlice';
import { studioStore, useStudio } from '../../state/store';
import { studioActions } from '../../state/studio';
import { sweepSelectors } from '../../state/sweepSlice';
import type { MessageKey } from '../i18n/translate';
import { useFmt, useT } from '../i18n/useT';
import { JobControls } from '../JobControls';
import { Panel } from '../Panel';
import { SweepHeatmap } from './SweepHeatmap';
import { parseSweep } from './sweepInput';
import type { SweepRequest } from '../../settings/defaults';

const REFUSALS: Record<NonNullable<ReturnType<typeof sweepSelectors.sweep>['refusal']>, MessageKey> = {
  training: 'sweep.refused.training',
  noRun: 'sweep.refused.noRun',
  noTeacher: 'sweep.refused.noTeacher',
  busy: 'sweep.refused.busy',
  badGrid: 'sweep.refused.badGrid',
  blocksRun: 'sweep.refused.blocksRun',
};

export function SweepPanel() {
  const t = useT();
  const f = useFmt();
  const sweep = useStudio(sweepSelectors.sweep);
  const training = useStudio(runSelectors.isRunning);
  // the fields are free text; a grid they make is the setting (and goes into the link)
  const grid = useStudio(configSelectors.sweep);
  const [text, setText] = useState(() => textOf(grid));
  const ids = { t: useId(), a: useId(), e: useId() };
  const parsed = parseSweep(text.temps, text.alphas, text.epochs);
  const edit = (patch: Partial<SweepText>) => {
    const next = { ...text, ...patch };
    setText(next);
    const p = parseSweep(next.temps, next.alphas, next.epochs);
    if ('request' in p && !sameGrid(p.request, grid)) studioStore.getState().setSweepRequest(p.request);
  };
  useEffect(() => {
    // a grid set from elsewhere (a lesson step) replaces the text; the text's own grid leaves it as typed
    setText((cur) => {
      const p = parseSweep(cur.temps, cur.alphas, cur.epochs);
      return 'request' in p && sameGrid(p.request, grid) ? cur : textOf(grid);
    });
  }, [grid]);
  const running = sweep.status === 'running';
  const start = () => {
    if ('request' in parsed) studioActions.sweep({ kind: 'start', request: parsed.request });
  };
  const req = sweep.request;
  const cellName = (cell: number): string => {
    if (!req || cell === 0) return t('model.student');
    const i = cell - 1;
    const T = req.temperatures[Math.floor(i / req.alphas.length)];
    const a = req.alphas[i % req.alphas.length];
    return t('sweep.cellName', { t: f.sig(T ?? NaN, 3), alpha: f.sig(a ?? NaN, 3) });
  };
  const overall = sweep.cells ? Math.min(1, (Math.min(sweep.cell, sweep.cells) + (running ? sweep.fraction : 0)) / sweep.cells) : 0;
  return (
    <Panel title={t('sweep.title')} className="area-sweep" testId="panel-sweep">
      <p className="hint">{t('sweep.explain')}</p>
      <div className="sweep-fields">
        <div className="field">
          <label htmlFor={ids.t}>{t('sweep.temperatures')}</label>
          <input id={ids.t} type="text" inputMode="decimal" value={text.temps} disabled={running} onChange={(e) => edit({ temps: e.target.value })} aria-invalid={'problem' in parsed && parsed.problem === 'sweep.bad.temperatures'} />
        </div>
        <div className="field">
          <label htmlFor={ids.a}>{t('sweep.alphas')}</label>
          <input id={ids.a} type="text" inputMode="decimal" value={text.alphas} disabled={running} onChange={(e) => edit({ alphas: e.target.value })} aria-invalid={'problem' in parsed && parsed.problem === 'sweep.bad.alphas'} />
        </div>
        <div className="field">
          <label htmlFor={ids.e}>{t('sweep.epochs')}</label>
          <input id={ids.e} type="number" min={SETTINGS.sweepEpochs.min} max={SETTINGS.sweepEpochs.max} value={text.epochs} disabled={running} onChange={(e) => edit({ epochs: e.target.value })} aria-invalid={'problem' in parsed && parsed.problem === 'sweep.bad.epochs'} />
        </div>
      </div>
      {'problem' in parsed && (
        <p className="hint attention" role="alert">
          {t(parsed.problem)}
        </p>
      )}
      <JobControls
        run={{ label: t('sweep.run'), onClick: start, disabled: !('request' in parsed) || training, primary: true }}
        stop={{ label: t('sweep.cancel'), onClick: () => studioActions.sweep({ kind: 'cancel' }), instead: true }}
        running={running}
        progress={
          running || sweep.status === 'done'
            ? {
                label: t('sweep.progress'),
                value: overall,
                text: running
                  ? t('sweep.cellOf', { cell: f.int(sweep.cell + 1), cells: f.int(sweep.cells), name: cellName(sweep.cell), percent: f.int(sweep.fraction * 100) })
                  : t('sweep.done', { cells: f.int(sweep.cells - 1), seconds: f.int(sweep.seconds ?? NaN), tensors: f.int(sweep.numTensors ?? NaN) }),
              }
            : null
        }
        error={sweep.status === 'failed' ? t('sweep.failed', { message: sweep.error ?? '' }) : null}
      >
        {'request' in parsed && !running && (
          <span className="hint">{t('sweep.size', { cells: f.int(parsed.request.temperatures.length * parsed.request.alphas.length), epochs: f.int(parsed.request.epochs) })}</span>
        )}
      </JobControls>
      {training && !running && <p className="hint attention">{t('sweep.refused.training')}</p>}
      {sweep.refusal && !running && !(training && sweep.refusal === 'training') && (
        <p className="hint attention" role="status">
          {t(REFUSALS[sweep.refusal])}
        </p>
      )}
      {sweep.status === 'cancelled' && <p className="hint">{t('sweep.cancelled', { tensors: f.int(sweep.numTensors ?? NaN) })}</p>}
      {req && <SweepHeatmap request={req} grid={sweep.grid} baseline={sweep.baseline} />}
    </Panel>
  );
}

/** What the three fields hold. */
interface SweepText {
  temps: string;
  alphas: string;
  epochs: string;
}

const textOf = (g: SweepRequest): SweepText => ({ temps: g.temperatures.join(', '), alphas: g.alphas.join(', '), epochs: String(g.epochs) });

function sameGrid(a: SweepRequest, b: SweepRequest): boolean {
  const same = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.temperatures, b.temperatures) && same(a.alphas, b.alphas) && a.epochs === b.epochs;
}
