/**
 * Epoch-based training of one role of the engine, with validation after every epoch and the
 * best-on-validation weights kept: the number of epochs is chosen on the validation item, never on
 * the test item. Used by the CLI and the benchmark; the studio steps the engine itself.
 */
import type { RankingMetrics } from '../eval/metrics';
import { readWeights, writeWeights, type Recommender } from '../models/recommender';
import type { DistillEngine, LossRow, Roles } from './engine';
import { EvalBuffers, evaluate } from './evaluate';

/** Which model a phase trains. */
export type Role = 'teacher' | 'student' | 'kd';

export interface EpochInfo {
  role: Role;
  epoch: number;
  loss: number;
  val: RankingMetrics;
  seconds: number;
}

export interface FitResult {
  role: Role;
  bestEpoch: number;
  /** bestEpoch / bestVal: the epoch whose weights the model ends with (the best one with keepBest, else the last). */
  bestVal: RankingMetrics;
  epochs: EpochInfo[];
  /** Training time, validation excluded. */
  trainSeconds: number;
  /** Training examples per second over the phase. */
  examplesPerSecond: number;
}

const rolesFor: Record<Role, Roles> = {
  teacher: { teacher: 'train', student: false, kd: false },
  student: { teacher: 'off', student: true, kd: false },
  kd: { teacher: 'frozen', student: false, kd: true },
};

/** The model a role trains. */
export function modelOf(engine: DistillEngine, role: Role): Recommender {
  return role === 'teacher' ? engine.teacher : role === 'student' ? engine.student : engine.kd;
}

function lossOf(role: Role, r: LossRow): number {
  return role === 'teacher' ? r.teacher : role === 'student' ? r.student : r.kdTotal;
}

/**
 * Trains one role for `epochs` epochs; after each, NDCG@10 on the validation item of `valUsers`.
 * With `keepBest`, the weights of the best epoch are restored at the end.
 * Loss is read back every `reportEvery` steps only (read-backs stall GPUs).
 */
export async function fitRole(
  engine: DistillEngine,
  role: Role,
  opts: {
    epochs: number;
    valUsers: Int32Array;
    keepBest?: boolean;
    reportEvery?: number;
    onEpoch?: (e: EpochInfo) => void;
    /** After every step (steps done, steps in the fit): a worker yields to its messages here, and may throw to stop. */
    afterStep?: (done: number, total: number) => Promise<void>;
    /** Validation other than the engine split's own (transfer: a joint model scored on the target items only). */
    validate?: (model: Recommender) => Promise<RankingMetrics>;
    /** Stop after this many epochs without a better validation NDCG (saves the epochs keepBest would throw away). */
    patience?: number;
  },
): Promise<FitResult> {
  const model = modelOf(engine, role);
  engine.roles = { ...rolesFor[role] };
  const buf = new EvalBuffers(engine.split.nItems);
  const spe = engine.stepsPerEpoch;
  const reportEvery = opts.reportEvery ?? 50;
  const epochs: EpochInfo[] = [];
  let best: { epoch: number; val: RankingMetrics; weights: Record<string, Float32Array> | null } | null = null;
  let trainMs = 0;
  let steps = 0;
  for (let e = 1; e <= opts.epochs; e++) {
    const t0 = performance.now();
    let lossSum = 0;
    let lossN = 0;
    for (let s = 0; s < spe; s++) {
      const row = await engine.stepAndRead((s + 1) % reportEvery === 0 || s === spe - 1);
      if (row) {
        lossSum += lossOf(role, row);
        lossN += 1;
      }
      if (opts.afterStep) await opts.afterStep(steps + s + 1, spe * opts.epochs);
    }
    steps += spe;
    const seconds = (performance.now() - t0) / 1000;
    trainMs += seconds * 1000;
    const val = opts.validate ? await opts.validate(model) : await evaluate(model, engine.split, opts.valUsers, 'val', 10, buf);
    const info: EpochInfo = { role, epoch: e, loss: lossN ? lossSum / lossN : NaN, val, seconds };
    epochs.push(info);
    opts.onEpoch?.(info);
    if (!best || val.ndcg > best.val.ndcg) best = { epoch: e, val, weights: opts.keepBest ? await readWeights(model) : null };
    if (opts.patience !== undefined && e - best.epoch >= opts.patience) break;
  }
  if (opts.keepBest && best?.weights) writeWeights(model, best.weights);
  // report the epoch whose weights the model ends with
  const kept = opts.keepBest ? best : { epoch: epochs.length, val: epochs[epochs.length - 1]?.val };
  return {
    role,
    bestEpoch: kept?.epoch ?? 0,
    bestVal: kept?.val ?? epochs[epochs.length - 1]?.val,
    epochs,
    trainSeconds: trainMs / 1000,
    examplesPerSecond: trainMs > 0 ? (steps * engine.config.batchSize) / (trainMs / 1000) : 0,
  };
}
