/**
 * The studio's handle on the training worker: typed send, one listener, and cancel-then-terminate
 * (squoosh's WorkerBridge). One worker per dataset load, so GPU memory resets with it.
 */
import type { FromWorker, ToWorker } from './protocol';

export class TrainClient {
  private worker: Worker | null;
  private listener: ((m: FromWorker) => void) | null = null;

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.listener?.(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      const detail = e.message || 'unknown error';
      const notice = e.message ? ({ key: 'notice.workerCrashed', detail: e.message } as const) : ({ key: 'notice.workerCrashedUnknown' } as const);
      this.listener?.({ type: 'error', message: `the training worker failed: ${detail}`, recoverable: false, notice });
    };
  }

  /** Sets the one listener for worker events. */
  onMessage(listener: (m: FromWorker) => void): void {
    this.listener = listener;
  }

  send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  /** Asks the loop to stop, then ends the worker (and its GPU memory). */
  dispose(): void {
    this.send({ type: 'pause' });
    this.worker?.terminate();
    this.worker = null;
    this.listener = null;
  }
}
