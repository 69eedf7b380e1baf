/**
 * The rating panel's handle on a training worker of its own (one per run, so the main run's
 * worker and GPU memory are untouched and a stop can always terminate it): sends the ratings and
 * the settings, and turns the worker's rating events into slice actions.
 */
import type { FromWorker } from '../train/protocol';
import { SideWorker } from './sideWorker';
import { sideWorkerBackend } from './sideWorkerBackend';
import type { TrainPort } from './trainBridge';
import type { StudioStore } from './store';

export class RatingRunner {
  private readonly worker: SideWorker;

  constructor(
    private readonly store: StudioStore,
    makeClient: () => TrainPort,
  ) {
    this.worker = new SideWorker(makeClient);
  }

  /** Starts a run on the current dataset; returns false (and says why in the slice) when there is none with ratings. */
  start(): boolean {
    const s = this.store.getState();
    const ds = s.dataset.current?.dataset;
    this.worker.end();
    if (!ds?.ratings) return false;
    s.ratingStarted();
    const { nUsers, nItems, users, items, ratings } = ds;
    this.worker.start(
      sideWorkerBackend(s.run.backend, s.config.backend),
      {
        onMessage: (m: FromWorker) => {
          if (m.type !== 'rating') return;
          this.store.getState().ratingEvent(m.event);
          if (m.event.type === 'result' || m.event.type === 'error') this.worker.end();
        },
        onFatal: (message) => this.store.getState().ratingEvent({ type: 'error', message }),
      },
      { type: 'rating', command: { type: 'start', data: { nUsers, nItems, users, items, ratings }, splitSeed: s.config.splitSeed, config: s.config.rating } },
    );
    return true;
  }

  /** α and the unrated share reach the running KD student at its next step. */
  sendDistill(): void {
    this.worker.send({ type: 'rating', command: { type: 'set-distill', distill: this.store.getState().config.rating.distill } });
  }

  /** Asks the run to end after the current epoch; its best weights so far are tested. */
  stop(): void {
    this.worker.send({ type: 'rating', command: { type: 'stop' } });
  }
}
