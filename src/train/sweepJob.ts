/**
 * The studio's sweep, inside the training worker: runs sweep.ts's loop against the frozen teacher
 * of the loaded run, one cell after another, reporting progress per cell and yielding to messages
 * after every step so a cancel lands at once. It never touches the main run's engine: each cell
 * builds, trains and disposes its own, so the main run's curves and weights stay as they were.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Split } from '../data/types';
import { readWeights, type Recommender } from '../models/recommender';
import type { TrainConfig } from './config';
import { badGrid, type HyperParams, type FromWorker, type RunStatus, type SweepCommand, type SweepRefusal, type SweepRequest } from './protocol';
import { runSweep, sweepCells } from './sweep';

/** What the job needs from the session at the moment a sweep starts. */
export interface SweepContext {
  status: RunStatus;
  loaded: { split: Split; config: TrainConfig; teacherWeights: Record<string, Float32Array> | null } | null;
  /** The main run's engine: its teacher, once frozen (trained first), can serve when there is no checkpoint. */
  engine: { roles: { teacher: 'train' | 'frozen' | 'off' }; teacher: Recommender } | null;
  hyper: HyperParams | null;
}

/** Thrown from a step hook to stop the sweep; never leaves this module. */
class Cancelled extends Error {}

export class SweepJob {
  private running = false;
  private cancelRequested = false;

  constructor(private readonly host: { post(m: FromWorker): void; yieldToEvents(): Promise<void> }) {}

  /** True while a sweep holds the worker (the main run's play and step wait). */
  get busy(): boolean {
    return this.running;
  }

  /** Handles one sweep command. A start returns once the sweep is under way, not when it ends. */
  async handle(command: SweepCommand, ctx: SweepContext): Promise<void> {
    if (command.kind === 'cancel') {
      if (this.running) this.cancelRequested = true;
      return;
    }
    const start = await this.prepare(command.request, ctx);
    if (typeof start === 'string') {
      this.post({ kind: 'refused', reason: start });
      return;
    }
    void this.run(command.request, start);
  }

  /** Tells the studio that the main run cannot play or step now. */
  refuseRun(): void {
    this.post({ kind: 'blocksRun' });
  }

  private post(event: Extract<FromWorker, { type: 'sweep' }>['event']): void {
    this.host.post({ type: 'sweep', event });
  }

  private async prepare(request: SweepRequest, ctx: SweepContext): Promise<SweepRefusal | { split: Split; base: TrainConfig; teacher: Record<string, Float32Array> }> {
    if (this.running) return 'busy';
    if (badGrid(request)) return 'badGrid';
    if (ctx.status === 'running' || ctx.status === 'finishing' || ctx.status === 'warming') return 'training';
    if (!ctx.loaded || !ctx.engine) return 'noRun';
    const teacher = ctx.loaded.teacherWeights ?? (ctx.engine.roles.teacher === 'frozen' ? await readWeights(ctx.engine.teacher) : null);
    if (!teacher) return 'noTeacher';
    const c = ctx.loaded.config;
    const h = ctx.hyper;
    // the live knobs (loss, learning rates) as the main run has them now; T and α come from the grid
    const base: TrainConfig = h ? { ...c, distill: { ...h.distill }, student: { ...c.student, lr: h.studentLr } } : c;
    return { split: ctx.loaded.split, base, teacher };
  }

  private async run(request: SweepRequest, p: { split: Split; base: TrainConfig; teacher: Record<string, Float32Array> }): Promise<void> {
    this.running = true;
    this.cancelRequested = false;
    this.post({ kind: 'started', request, cells: sweepCells(request) });
    try {
      const r = await runSweep(p.split, p.base, p.teacher, request, {
        valUsers: p.split.evalUsers,
        onCellStart: (cell) => this.post({ kind: 'progress', cell, fraction: 0 }),
        afterStep: async (cell, done, total) => {
          // ~20 progress messages per cell, not one per step
          if (done % Math.max(1, Math.floor(total / 20)) === 0) this.post({ kind: 'progress', cell, fraction: done / total });
          await this.host.yieldToEvents();
          if (this.cancelRequested) throw new Cancelled();
        },
        onBaseline: (b) => this.post({ kind: 'baseline', ndcg: b.bestVal.ndcg }),
        onCell: (ti, ai, c) => this.post({ kind: 'cell', ti, ai, ndcg: c.bestVal.ndcg }),
      });
      this.post({ kind: 'done', seconds: r.seconds, numTensors: tf.memory().numTensors });
    } catch (e) {
      if (e instanceof Cancelled) this.post({ kind: 'cancelled', numTensors: tf.memory().numTensors });
      else this.post({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.running = false;
      this.cancelRequested = false;
    }
  }
}
