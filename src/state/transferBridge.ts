/**
 * Between the transfer panel and a training worker of its own: builds the domains from the loaded
 * dataset and the panel's rule (transferDomains.ts), sends one transfer-run, and turns the
 * worker's transfer-* events into store actions. A worker per run (sideWorker.ts), ended when the
 * run ends or is cancelled, so its memory goes with it.
 */
import type { Dataset } from '../data/types';
import type { FromWorker, TransferRequest } from '../train/protocol';
import { TUNED_L2_GRID, type TransferPanelSettings } from '../settings/defaults';
import type { StoreApi } from 'zustand/vanilla';
import type { BackendChoice } from './defaults';
import { SideWorker } from './sideWorker';
import type { TrainPort } from './trainBridge';
import { planDomains, type PanelRule } from './transferDomains';
import { CURVE_KEEPS, type TransferState } from './transferStore';

/** The rule the panel's settings and files describe. */
export function panelRule(s: { settings: Pick<TransferPanelSettings, 'rule' | 'cut'> } & Pick<TransferState, 'idList' | 'targetFile'>): PanelRule {
  switch (s.settings.rule) {
    case 'cut':
      return { kind: 'cut', cut: s.settings.cut };
    case 'ids':
      return { kind: 'ids', ids: s.idList?.ids ?? null };
    case 'file':
      return { kind: 'file', target: s.targetFile?.dataset ?? null };
  }
}

/** The weight decay values a run tries: the grid when the panel's box is ticked, else none (epochs alone are tuned, as the reference). */
export function l2Choice(tuneL2: boolean): Pick<TransferRequest, 'l2s' | 'pretrainL2s'> {
  return tuneL2 ? { l2s: [...TUNED_L2_GRID.l2s], pretrainL2s: [...TUNED_L2_GRID.pretrainL2s] } : { l2s: [0], pretrainL2s: [0] };
}

export class TransferBridge {
  private readonly worker: SideWorker;

  constructor(
    private readonly store: StoreApi<TransferState>,
    makeClient: () => TrainPort,
  ) {
    this.worker = new SideWorker(makeClient);
  }

  /** Starts a run on the dataset with the panel's settings; a run already going is ended first. */
  run(ds: Dataset, backend: BackendChoice, settings: TransferPanelSettings): void {
    this.worker.end();
    const s = this.store.getState();
    const { keep, curve, maxEpochs, seed, tuneL2 } = settings;
    const plan = planDomains(ds, panelRule({ settings, idList: s.idList, targetFile: s.targetFile }));
    // the panel disables Run when the rule cannot apply, and says why
    if ('why' in plan) return;
    const keeps = curve ? [...new Set([keep, ...CURVE_KEEPS])] : [keep];
    const request: TransferRequest = { nUsers: plan.nUsers, users: plan.users, items: plan.items, domainOf: plan.domainOf, keeps, seed, maxEpochs, ...l2Choice(tuneL2) };
    s.started(keeps);
    this.worker.start(backend, { onMessage: (m) => this.onMessage(m), onFatal: (message) => this.store.getState().failed(message) }, { type: 'transfer-run', request });
  }

  /** Cancels the run: the worker is ended at once, and its memory with it (a transfer-cancel message would stop it at the next step but keep the worker). */
  cancel(): void {
    if (!this.worker.running) return;
    this.worker.end();
    this.store.getState().finished(true);
  }

  private onMessage(m: FromWorker): void {
    const s = this.store.getState();
    switch (m.type) {
      case 'transfer-progress': {
        const { type: _, ...p } = m;
        s.progressed(p);
        return;
      }
      case 'transfer-result':
        s.resulted(m.result);
        return;
      case 'transfer-done':
        s.finished(m.cancelled);
        this.worker.end();
        return;
      case 'transfer-error':
        s.failed(m.message);
        this.worker.end();
        return;
      default:
        // the training loop's own events do not concern this panel
        return;
    }
  }
}
