/**
 * The studio's transfer experiment inside the worker: runs transferRun for each requested keep
 * (one source pretraining shared by all), streams progress and one result per keep. Plain
 * numbers only cross to the page. Runs beside the training loop and yields to the host's events
 * after every training step (as sweepJob does), so a transfer-cancel that arrives mid-epoch is
 * seen at the next step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { splitDomains } from '../transfer/domains';
import { badTransferRequest, type FromWorker, type TransferRequest } from './protocol';
import { defaultTransferSettings, pretrainSource, runTransfer, TransferCancelled, type TransferPhase, type TransferSettings } from './transferRun';

// Rough share of a keep's work per phase and weight-decay value (joint trains on the source too), for a progress bar that moves evenly.
const WEIGHT: Record<TransferPhase, number> = { pretrain: 3, scratch: 0.5, frozen: 0.5, finetune: 0.5, joint: 3.5, crossStudent: 0.5, crossKd: 0.5 };
const PER_KEEP = WEIGHT.scratch + WEIGHT.frozen + WEIGHT.finetune + WEIGHT.joint + WEIGHT.crossStudent + WEIGHT.crossKd;

export class TransferJob {
  private running = false;
  private cancelRequested = false;

  constructor(private readonly host: { post(m: FromWorker): void; yieldToEvents(): Promise<void> }) {}

  private post(m: FromWorker): void {
    this.host.post(m);
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  async run(req: TransferRequest): Promise<void> {
    if (this.running) {
      this.post({ type: 'transfer-error', message: 'a transfer run is already going' });
      return;
    }
    const bad = badTransferRequest(req);
    if (bad) {
      this.post({ type: 'transfer-error', message: bad });
      return;
    }
    this.running = true;
    this.cancelRequested = false;
    try {
      const d = splitDomains(req.users, req.items, req.nUsers, req.domainOf);
      if (d.source.users.length === 0 || d.target.users.length === 0) throw new Error('one of the two domains has no interactions');
      const s: TransferSettings = { ...defaultTransferSettings, seed: req.seed, maxEpochs: req.maxEpochs, keep: req.keeps[0], l2s: [...req.l2s], pretrainL2s: [...req.pretrainL2s] };
      // each weight decay value is one more training of the phase
      const runsOf = (p: TransferPhase) => (p === 'pretrain' ? s.pretrainL2s.length : s.l2s.length);
      const total = WEIGHT.pretrain * s.pretrainL2s.length + PER_KEEP * s.l2s.length * req.keeps.length;
      // weights of the phases finished so far; a phase is finished when the next one starts
      let done = 0;
      let current: TransferPhase | null = null;
      let candidate = 0;
      let l2: number | null = null;
      let keep: number | null = null;
      const hooks = {
        onPhase: (p: TransferPhase) => {
          if (current) done += WEIGHT[current] * runsOf(current);
          current = p;
          candidate = 0;
          l2 = null;
        },
        onCandidate: (p: TransferPhase, index: number, count: number) => {
          candidate = index;
          l2 = count > 1 ? (p === 'pretrain' ? s.pretrainL2s : s.l2s)[index] : null;
        },
        onEpoch: (p: TransferPhase, e: { epoch: number }) => {
          const within = candidate + Math.min(1, e.epoch / s.maxEpochs);
          this.post({ type: 'transfer-progress', keep, phase: p, epoch: e.epoch, fraction: Math.min(1, (done + WEIGHT[p] * within) / total), numTensors: tf.memory().numTensors, l2 });
        },
        cancelled: () => this.cancelRequested,
        afterStep: () => this.host.yieldToEvents(),
      };
      this.post({ type: 'transfer-progress', keep, phase: 'pretrain', epoch: 0, fraction: 0, numTensors: tf.memory().numTensors, l2: null });
      const pre = await pretrainSource(d, s, hooks);
      for (const k of req.keeps) {
        keep = k;
        const result = await runTransfer(d, pre, { ...s, keep: k }, hooks);
        this.post({ type: 'transfer-result', result });
      }
      this.post({ type: 'transfer-done', cancelled: false });
    } catch (e) {
      if (e instanceof TransferCancelled) this.post({ type: 'transfer-done', cancelled: true });
      else this.post({ type: 'transfer-error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.running = false;
    }
  }
}
