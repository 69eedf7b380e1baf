/**
 * A panel's own training worker for one job at a time (the rating run, the transfer run), beside
 * the main run's worker so that one's memory is untouched: started per job on the backend the
 * caller chose (sideWorkerBackend.ts), ended when the job ends, is cancelled or a new one starts,
 * so the job's tensors and GPU memory go with it. Messages of a worker already ended are dropped,
 * and a worker's fatal error ends it.
 */
import type { FromWorker, ToWorker } from '../train/protocol';
import type { BackendChoice } from './defaults';
import type { TrainPort } from './trainBridge';

export interface SideJob {
  /** The current worker's messages other than errors (the job's own events; the rest it ignores). */
  onMessage(m: FromWorker): void;
  /** The worker failed and cannot go on; it is ended after this. */
  onFatal(message: string): void;
}

export class SideWorker {
  private client: TrainPort | null = null;

  constructor(private readonly makeClient: () => TrainPort) {}

  /** Whether a job's worker is running. */
  get running(): boolean {
    return this.client !== null;
  }

  /** Ends the worker of a job still going, starts a fresh one on `backend` and sends it `first`. */
  start(backend: BackendChoice, job: SideJob, first: ToWorker): void {
    this.end();
    const client = this.makeClient();
    this.client = client;
    client.onMessage((m) => {
      if (this.client !== client) return;
      if (m.type !== 'error') job.onMessage(m);
      else if (!m.recoverable) {
        job.onFatal(m.message);
        this.end();
      }
    });
    client.send({ type: 'init', backend });
    client.send(first);
  }

  /** To the running job's worker; nothing when none runs. */
  send(m: ToWorker): void {
    this.client?.send(m);
  }

  /** Terminates the worker (cancel, or the job is over), and its memory with it. */
  end(): void {
    this.client?.dispose();
    this.client = null;
  }
}
