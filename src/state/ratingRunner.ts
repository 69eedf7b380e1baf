/**
 * The rating panel's handle on a training worker of its own (one per run, so the main run's
 * worker and GPU memory are untouched and a stop can always terminate it): sends the ratings and
 * the settings, and turns the worker's rating events into slice actions.
 */
import type { FromWorker } from '../train/protocol';
import { sideWorkerBackend } from './sideWorkerBackend';
import type { TrainPort } from './trainBridge';
import type { StudioStore } from './store';

export class RatingRunner {
  private client: TrainPort | null = null;

  constructor(
    private readonly store: StudioStore,
    private readonly makeClient: () => TrainPort,
  ) {}

  /** Starts a run on the current dataset; returns false (and says why in the slice) when there is none with ratings. */
  start(): boolean {
    const s = this.store.getState();
    const ds = s.dataset.current?.dataset;
    this.end();
    if (!ds?.ratings) return false;
    s.ratingStarted();
    const client = this.makeClient();
    this.client = client;
    client.onMessage((m: FromWorker) => {
      if (this.client !== client) return;
      if (m.type === 'rating') {
        this.store.getState().ratingEvent(m.event);
        if (m.event.type === 'result' || m.event.type === 'error') this.end();
      } else if (m.type === 'error' && !m.recoverable) {
        this.store.getState().ratingEvent({ type: 'error', message: m.message });
        this.end();
      }
    });
    client.send({ type: 'init', backend: sideWorkerBackend(s.run.backend, s.config.backend) });
    const { nUsers, nItems, users, items, ratings } = ds;
    client.send({ type: 'rating', command: { type: 'start', data: { nUsers, nItems, users, items, ratings }, splitSeed: s.config.splitSeed, config: s.rating.config } });
    return true;
  }

  /** α and the unrated share reach the running KD student at its next step. */
  sendDistill(): void {
    this.client?.send({ type: 'rating', command: { type: 'set-distill', distill: this.store.getState().rating.config.distill } });
  }

  /** Asks the run to end after the current epoch; its best weights so far are tested. */
  stop(): void {
    this.client?.send({ type: 'rating', command: { type: 'stop' } });
  }

  private end(): void {
    this.client?.dispose();
    this.client = null;
  }
}
