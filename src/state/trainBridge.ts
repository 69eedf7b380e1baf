/**
 * The bridge between the store and the training worker. It owns the TrainClient: commands
 * (play, pause, step, reset) and store changes (a new dataset or split, a hyperparameter, the
 * selected user) become protocol messages; worker events become slice actions and land nowhere
 * else. Metric rows are coalesced so charts re-render at most ~5×/s, and soft labels at most 10×/s,
 * whatever the worker sends.
 * One worker per load (squoosh's WorkerBridge): disposing it frees its GPU memory.
 */
import { BUILTIN_SPLIT_SEED } from '../train/checkpoint';
import type { TrainConfig } from '../train/config';
import type { LossRow } from '../train/engine';
import {
  assertNever,
  type ExportableModel,
  type FromWorker,
  type HyperParams,
  type ModelExport,
  type SoftLabels,
  type SweepCommand,
  type ToWorker,
  type ValPoint,
} from '../train/protocol';
import { liveChanged } from '../settings/reset';
import { configSelectors } from './configSlice';
import { checkTrainable, splitFor } from '../data/split';
import type { StudioState, StudioStore } from './store';

/** What the bridge needs of a training worker client (train/client.ts's TrainClient, or a fake). */
export interface TrainPort {
  send(msg: ToWorker): void;
  onMessage(listener: (m: FromWorker) => void): void;
  dispose(): void;
}

/** What the bridge needs from its surroundings. */
export interface BridgeDeps {
  makeClient(): TrainPort;
  /** The built-in dataset's teacher checkpoint, or null when it cannot be had. */
  fetchCheckpoint(): Promise<ArrayBuffer | null>;
  /** setTimeout/clearTimeout, injectable for tests. */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Minimum time between two metric batches reaching the store (≤ 5 chart renders per second). */
export const METRICS_FLUSH_MS = 200;
/** Slider drags send at most one set-hyper per this many ms (the last value always goes). */
const HYPER_THROTTLE_MS = 50;
/** Soft labels reach the store at most this often: while T is dragged the worker answers every set-hyper. */
const SOFT_LABELS_MS = 100;

const hyperOf = (s: StudioState): HyperParams => ({
  distill: s.config.train.distill,
  studentLr: s.config.train.student.lr,
  teacherLr: s.config.train.teacher.lr,
});

export class TrainBridge {
  private client: TrainPort | null = null;
  /** Bumped on every load, so events of a disposed worker are dropped. */
  private generation = 0;
  private rowsBuf: LossRow[] = [];
  private valBuf: ValPoint[] = [];
  private flushTimer: unknown = null;
  private lastFlush = -Infinity;
  private hyperTimer: unknown = null;
  private softTimer: unknown = null;
  private pendingSoft: SoftLabels | null = null;
  /** After a load or reset: drop metrics until the new run's step-0 validation point arrives. */
  private awaitingFresh = false;
  private sentUser = -1;
  /** Bumped whenever the series are cleared, so a validation batch queued before a reset is dropped. */
  private seriesEpoch = 0;
  private unsubscribe: (() => void) | null = null;
  private exportId = 0;
  private exports = new Map<number, { resolve(m: ModelExport): void; reject(e: Error): void }>();

  constructor(
    private readonly store: StudioStore,
    private readonly deps: BridgeDeps,
  ) {}

  /** Starts following the store: a new dataset or split loads a worker; knobs and the selected user are sent. */
  start(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.dataset.current !== prev.dataset.current) void this.load(s.dataset.current?.dataset !== prev.dataset.current?.dataset);
      if (s.config.train !== prev.config.train && liveChanged(s.config, prev.config)) this.scheduleHyper();
      const u = s.ui.selectedUser;
      if (u !== prev.ui.selectedUser && u !== null && u !== this.sentUser && this.client) {
        this.sentUser = u;
        this.client.send({ type: 'select-user', user: u });
      }
    });
  }

  /** Stops following the store and ends the worker. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.endClient();
  }

  play(): void {
    this.client?.send({ type: 'start' });
  }

  pause(): void {
    this.client?.send({ type: 'pause' });
  }

  step(): void {
    this.client?.send({ type: 'step' });
  }

  /** Asks the worker to compress and score the current models (it pauses training first). */
  compress(): void {
    if (!this.client) return;
    const s = this.store.getState();
    s.compressStarted();
    this.client.send({ type: 'compress', config: s.config.compress });
  }

  /**
   * Back to step 0. Settings that shape the models (sizes, seeds, schedule, epochs, backend)
   * take effect here: then a new split and/or a new worker, otherwise the worker resets in place.
   */
  reset(): void {
    const s = this.store.getState();
    const cur = s.dataset.current;
    if (!cur) return;
    if (cur.split.seed !== s.config.splitSeed) {
      const split = splitFor(cur.dataset, s.config.splitSeed);
      s.datasetResplit(split, checkTrainable(cur.dataset, split)); // the subscription loads a worker
      return;
    }
    if (configSelectors.needsReload(s) || !this.client) {
      void this.load(false);
      return;
    }
    this.clearSeries();
    this.client.send({ type: 'reset' });
  }

  /**
   * A fresh worker for the current dataset and settings: init (backend), load (split, config,
   * plan, checkpoint), select-user.
   * @param newDataset true when the dataset itself changed (the inspected user goes back to the first evaluated one)
   */
  async load(newDataset: boolean): Promise<void> {
    this.endClient();
    const gen = ++this.generation;
    const s = this.store.getState();
    const cur = s.dataset.current;
    if (!cur || cur.blocker) {
      s.runIdle();
      return;
    }
    s.runStarting();
    s.markApplied();
    const client = this.deps.makeClient();
    this.client = client;
    client.onMessage((m) => {
      if (gen === this.generation) this.handle(m);
    });
    client.send({ type: 'init', backend: s.config.backend });
    const { config, wantCheckpoint } = this.effectiveConfig(s);
    const checkpoint = wantCheckpoint ? await this.deps.fetchCheckpoint() : null;
    if (gen !== this.generation) return; // a newer load started while the checkpoint was fetched
    this.clearSeries();
    client.send({ type: 'load', split: cur.split, config, plan: s.config.plan, checkpoint });
    const prevUser = this.store.getState().ui.selectedUser;
    const keep = !newDataset && prevUser !== null && prevUser < cur.split.nUsers;
    const user = keep ? prevUser : (cur.split.evalUsers[0] ?? 0);
    this.sentUser = user;
    this.store.getState().selectUser(user);
    client.send({ type: 'select-user', user });
  }

  /**
   * The config the worker gets. Only the built-in dataset at split seed 1 has a shipped teacher;
   * elsewhere 'checkpoint' means "train the teacher first", and a notice says so.
   */
  private effectiveConfig(s: StudioState): { config: TrainConfig; wantCheckpoint: boolean } {
    const train = s.config.train;
    const cur = s.dataset.current!;
    if (train.schedule !== 'checkpoint') return { config: train, wantCheckpoint: false };
    if (cur.dataset.source !== 'builtin') {
      s.pushNotice('info', 'notice.noCheckpoint', { dataset: cur.dataset.nameText ?? cur.dataset.name });
      return { config: { ...train, schedule: 'teacher-first' }, wantCheckpoint: false };
    }
    if (s.config.splitSeed !== BUILTIN_SPLIT_SEED) {
      s.pushNotice('info', 'notice.checkpointSplitSeed', { seed: s.config.splitSeed, fitted: BUILTIN_SPLIT_SEED });
      return { config: { ...train, schedule: 'teacher-first' }, wantCheckpoint: false };
    }
    return { config: train, wantCheckpoint: true };
  }

  /** Sends a sweep command to the worker of the current run; without one the sweep panel says so. */
  sweep(command: SweepCommand): void {
    if (this.client) this.client.send({ type: 'sweep', command });
    else this.store.getState().sweepEvent({ kind: 'refused', reason: 'noRun' });
  }

  /**
   * One trained model of the current worker in tf.js format; rejects (with the worker's sentence)
   * when there is no worker or no trained model.
   */
  exportModel(model: ExportableModel): Promise<ModelExport> {
    const s = this.store.getState();
    const cur = s.dataset.current;
    if (!this.client || !cur) return Promise.reject(new Error('no trained model yet'));
    const id = ++this.exportId;
    const probeUser = s.ui.selectedUser ?? cur.split.evalUsers[0] ?? 0;
    const { userKeys, itemKeys, name } = cur.dataset;
    this.client.send({ type: 'export-model', id, model, probeUser, userKeys, itemKeys, datasetName: name });
    return new Promise((resolve, reject) => this.exports.set(id, { resolve, reject }));
  }

  private endClient(): void {
    this.store.getState().sweepWorkerGone();
    for (const p of this.exports.values()) p.reject(new Error('the training worker was restarted'));
    this.exports.clear();
    this.seriesEpoch++;
    this.client?.dispose();
    this.client = null;
    this.rowsBuf = [];
    this.valBuf = [];
    if (this.flushTimer !== null) this.deps.clearTimer(this.flushTimer);
    this.flushTimer = null;
    if (this.softTimer !== null) this.deps.clearTimer(this.softTimer);
    this.softTimer = null;
    this.pendingSoft = null;
  }

  private clearSeries(): void {
    this.seriesEpoch++;
    this.awaitingFresh = true;
    this.rowsBuf = [];
    this.valBuf = [];
    this.store.getState().runCleared();
    this.store.getState().compressCleared();
  }

  private scheduleHyper(): void {
    if (this.hyperTimer !== null) return;
    this.hyperTimer = this.deps.setTimer(() => {
      this.hyperTimer = null;
      this.client?.send({ type: 'set-hyper', hyper: hyperOf(this.store.getState()) });
    }, HYPER_THROTTLE_MS);
  }

  /** Worker event → slice action. The only place worker messages land. */
  private handle(m: FromWorker): void {
    const s = this.store.getState();
    switch (m.type) {
      case 'ready':
        s.runReady(m.report);
        return;
      case 'progress': {
        const { type: _, ...p } = m;
        // a finished or paused run shows its last points at once, not up to 200 ms later
        if (p.status !== 'running') this.flushMetrics();
        s.runProgress(p);
        return;
      }
      case 'metrics':
        if (this.awaitingFresh) {
          if (!m.val.some((v) => v.step === 0)) return; // rows of the run before the reset
          this.awaitingFresh = false;
        }
        this.rowsBuf.push(...m.rows);
        this.valBuf.push(...m.val);
        this.scheduleFlush();
        return;
      case 'soft-labels':
        this.pendingSoft = m.labels;
        this.softTimer ??= this.deps.setTimer(() => {
          this.softTimer = null;
          const labels = this.pendingSoft;
          this.pendingSoft = null;
          if (labels) this.store.getState().runSoftLabels(labels);
        }, SOFT_LABELS_MS);
        return;
      case 'recommendations':
        s.runRecs(m.recs);
        return;
      case 'comparison': {
        const { type: _, ...c } = m;
        this.flushMetrics();
        s.runComparison(c);
        return;
      }
      case 'sweep':
        s.sweepEvent(m.event);
        return;
      case 'model-export': {
        const p = this.exports.get(m.id);
        this.exports.delete(m.id);
        if ('error' in m.result) p?.reject(new Error(m.result.error));
        else p?.resolve(m.result);
        return;
      }
      case 'rating':
        return; // the rating panel runs its own worker (ratingRunner.ts)
      case 'error': {
        const level = m.recoverable ? 'warning' : 'error';
        if (m.notice) {
          const { key, ...vars } = m.notice;
          s.pushNotice(level, key, vars);
        } else s.pushNotice(level, m.recoverable ? 'notice.workerWarning' : 'notice.workerError', { message: m.message });
        return;
      }
      case 'compress-progress':
        s.compressProgress(m.done, m.total);
        return;
      case 'compress-done':
        s.compressDone(m.report);
        return;
      case 'compress-failed':
        s.compressFailed(m.message);
        return;
      case 'transfer-progress':
      case 'transfer-result':
      case 'transfer-done':
      case 'transfer-error':
        // the transfer panel runs its own worker (state/transferBridge.ts)
        return;
      default:
        assertNever(m);
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    const wait = Math.max(0, METRICS_FLUSH_MS - (performance.now() - this.lastFlush));
    this.flushTimer = this.deps.setTimer(() => {
      this.flushTimer = null;
      this.flushMetrics(true);
    }, wait);
  }

  /**
   * Moves buffered metrics into the store. On the timer (`spread`), loss rows and validation
   * points land in two separate tasks: the loss and the validation charts then re-render in
   * different tasks, and neither task grows into a long one.
   */
  private flushMetrics(spread = false): void {
    if (!this.rowsBuf.length && !this.valBuf.length) return;
    const rows = this.rowsBuf;
    const val = this.valBuf;
    this.rowsBuf = [];
    this.valBuf = [];
    this.lastFlush = performance.now();
    const epoch = this.seriesEpoch;
    if (spread && rows.length && val.length) {
      this.store.getState().runMetrics(rows, []);
      this.deps.setTimer(() => {
        if (epoch === this.seriesEpoch) this.store.getState().runMetrics([], val);
      }, 0);
      return;
    }
    this.store.getState().runMetrics(rows, val);
  }
}
