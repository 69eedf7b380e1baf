/**
 * Between the transfer panel and a training worker of its own: builds the domains from the loaded
 * dataset and the rule, sends one transfer-run, and turns the worker's transfer-* events into
 * store actions. A worker per run, ended when the run ends or is cancelled, so its memory goes with it.
 */
import type { Dataset } from '../data/types';
import { splitDomains } from '../transfer/domains';
import { applyRule, yearColumn } from '../transfer/rule';
import type { FromWorker, TransferRequest } from '../train/protocol';
import type { StoreApi } from 'zustand/vanilla';
import type { BackendChoice } from './defaults';
import type { TrainPort } from './trainBridge';
import { CURVE_KEEPS, type TransferState } from './transferStore';

/** Source and target sizes under a year cut, or the reason there are none (no years, an empty domain). */
export function domainCounts(ds: Dataset, cut: number): { source: [number, number]; target: [number, number]; shared: number } | { why: 'noYears' | 'emptyDomain' } {
  if (!ds.years) return { why: 'noYears' };
  try {
    const d = splitDomains(ds.users, ds.items, ds.nUsers, applyRule({ kind: 'cut', cut }, ds.itemKeys, yearColumn(ds.itemKeys, ds.years)));
    return { source: [d.source.items.length, d.source.users.length], target: [d.target.items.length, d.target.users.length], shared: d.sharedUsers };
  } catch {
    return { why: 'emptyDomain' };
  }
}

export class TransferBridge {
  private client: TrainPort | null = null;

  constructor(
    private readonly store: StoreApi<TransferState>,
    private readonly makeClient: () => TrainPort,
  ) {}

  /** Starts a run on the dataset with the store's settings; a run already going is ended first. */
  run(ds: Dataset, backend: BackendChoice): void {
    this.stop();
    const s = this.store.getState();
    const { cut, keepPercent, curve, maxEpochs, seed } = s.settings;
    if (!ds.years) {
      s.failed('this dataset has no publication years, so it cannot be split by year');
      return;
    }
    let domainOf: Int8Array;
    try {
      domainOf = applyRule({ kind: 'cut', cut }, ds.itemKeys, yearColumn(ds.itemKeys, ds.years));
    } catch (e) {
      s.failed(e instanceof Error ? e.message : String(e));
      return;
    }
    const keep = keepPercent / 100;
    const keeps = curve ? [...new Set([keep, ...CURVE_KEEPS])] : [keep];
    const request: TransferRequest = { nUsers: ds.nUsers, users: ds.users, items: ds.items, domainOf, keeps, seed, maxEpochs };
    const client = this.makeClient();
    this.client = client;
    client.onMessage((m) => this.onMessage(client, m));
    s.started(keeps);
    client.send({ type: 'init', backend });
    client.send({ type: 'transfer-run', request });
  }

  /** Cancels the run: the worker is ended at once (a cancel message would wait for the epoch to end). */
  cancel(): void {
    if (!this.client) return;
    this.stop();
    this.store.getState().finished(true);
  }

  private stop(): void {
    this.client?.dispose();
    this.client = null;
  }

  private onMessage(client: TrainPort, m: FromWorker): void {
    if (client !== this.client) return;
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
        this.stop();
        return;
      case 'transfer-error':
        s.failed(m.message);
        this.stop();
        return;
      case 'error':
        if (!m.recoverable) {
          s.failed(m.message);
          this.stop();
        }
        return;
      default:
        // the training loop's own events do not concern this panel
        return;
    }
  }
}
