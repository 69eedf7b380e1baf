/**
 * The rating panel's handle on a training worker of its own (one per run, so the main run's
 * worker and GPU memory are untouched and a stop can always terminate it): sends the ratings and
 * the settings, and turns the worker's rating events into slice actions.
 */
import type { BackendChoice } from './defaults';
import type { BackendReport, FromWorker } from '../train/protocol';
import type { TrainPort } from './trainBridge';
import type { StudioStore } from './store';

/**
 * The rating worker's backend: the training worker's choice rather than 'auto' again (a second
 * probe cost ~10 s per Run here, more under load) — except a software GPU that won the ranking
 * probe: its AutoRec epoch took 30 s on goodbooks-2k against 3 s on wasm (headless Chromium,
 * SwiftShader WebGL), so that one gives way to wasm. A backend the user forced stays.
 */
export function ratingBackend(main: BackendReport | null, configured: BackendChoice): BackendChoice {
  if (!main) return configured;
  if (main.reason.key === 'backend.reason.override') return main.backend;
  const a = main.adapter;
  const software =
    (main.backend === 'webgl' && SOFTWARE.test(main.webglRenderer ?? '')) ||
    (main.backend === 'webgpu' && a !== null && (a.isFallback || SOFTWARE.test(`${a.architecture} ${a.description}`)));
  return software ? 'wasm' : main.backend;
}

/** Renderer and adapter names of CPU rasterisers (as src/train/backends.ts tells them apart). */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|basic render/i;

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
    client.send({ type: 'init', backend: ratingBackend(s.run.backend, s.config.backend) });
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
