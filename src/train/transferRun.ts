/**
 * The transfer experiment, shared by the CLI and the studio's worker: pretrain an MF on the source
 * domain, then train on the (thinned) target in every mode side by side — from scratch, with the
 * pretrained user embeddings frozen, fine-tuned from them, and jointly on both domains — next to
 * the popularity baseline, plus cross-domain distillation (the best transferred model on validation
 * teaching a small target student, against that student alone). Every mode runs on the same engine
 * and gets its epochs chosen on the target validation item, so "scratch" is a fair baseline.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Split } from '../data/types';
import { defaultDistillConfig } from '../distill/config';
import type { RankingMetrics } from '../eval/metrics';
import type { StudentConfig, TeacherConfig } from '../models/config';
import { readWeights, type Recommender } from '../models/recommender';
import { jointSplit, sourceSplit, targetSplit, type Domains } from '../transfer/domains';
import { ItemSliceView, mfAsTeacher, sliceMfItems } from '../transfer/models';
import { popularityMetrics } from '../transfer/popularity';
import { defaultTrainConfig, type TrainConfig } from './config';
import { DistillEngine } from './engine';
import { EvalBuffers, evaluate } from './evaluate';
import { fitRole, type EpochInfo, type Role } from './fit';

/** Settings of one transfer run. Defaults: the PyTorch reference's MF (dim 32, Adam 1e-2), epochs chosen on validation. */
export interface TransferSettings {
  /** Share of each user's target training interactions kept, (0, 1]. */
  keep: number;
  seed: number;
  dim: number;
  lr: number;
  /** Weight decay values tried per mode; the best on validation is kept. */
  l2s: number[];
  /**
   * Weight decay values of the source pretraining; the best on the source validation item is kept
   * (smoother user embeddings can carry more across domains than the least-regularised ones).
   */
  pretrainL2s: number[];
  maxEpochs: number;
  /** Epochs without a better validation NDCG before a mode stops. */
  patience: number;
  batchSize: number;
  /** The small student of cross-domain distillation. */
  studentDim: number;
  studentLr: number;
}

export const defaultTransferSettings: TransferSettings = {
  keep: 0.2,
  seed: 1,
  dim: 32,
  lr: 1e-2,
  // epochs alone tuned, as the reference; TUNED_L2_GRID (protocol.ts) is the fair baseline's grid
  l2s: [0],
  pretrainL2s: [0],
  maxEpochs: 25,
  patience: 3,
  batchSize: 512,
  studentDim: defaultTrainConfig.student.dim,
  studentLr: defaultTrainConfig.student.lr,
};

export type TransferMode = 'scratch' | 'frozen' | 'finetune' | 'joint';
export const TRANSFER_MODES: readonly TransferMode[] = ['scratch', 'frozen', 'finetune', 'joint'];
/** What a run is doing, for progress: pretraining, one of the modes, or the two students of cross-domain KD. */
export type TransferPhase = 'pretrain' | TransferMode | 'crossStudent' | 'crossKd';

/** Test metrics of one mode, with what validation chose. */
export interface ModeResult {
  ndcg10: number;
  hr10: number;
  valNdcg10: number;
  bestEpoch: number;
  l2: number;
  trainSeconds: number;
}

export interface CrossKdResult extends ModeResult {
  /** Which transferred model taught (the best of frozen / fine-tune / joint on validation). */
  teacher: TransferMode;
  teacherNdcg10: number;
  /** The same small student trained on the target alone. */
  student: ModeResult;
}

export interface Pretrained {
  userEmb: Float32Array;
  bestEpoch: number;
  /** The weight decay the source validation chose. */
  l2: number;
  valNdcg10: number;
  trainSeconds: number;
}

export interface TransferResult {
  keep: number;
  seed: number;
  source: { items: number; interactions: number };
  target: { items: number; trainInteractions: number; testUsers: number };
  sharedUsers: number;
  pretrain: { bestEpoch: number; valNdcg10: number; l2: number };
  scratch: ModeResult;
  frozen: ModeResult;
  finetune: ModeResult;
  joint: ModeResult;
  popularity: { ndcg10: number; hr10: number; valNdcg10: number };
  crossKd: CrossKdResult;
}

export interface TransferHooks {
  onPhase?(phase: TransferPhase): void;
  onEpoch?(phase: TransferPhase, e: EpochInfo): void;
  /** Before each weight-decay value of a phase is trained (`index` of `count`), so progress can count the grid. */
  onCandidate?(phase: TransferPhase, index: number, count: number): void;
  /** Checked after every epoch, and after every step when afterStep is given; true ends the run with a TransferCancelled error. */
  cancelled?(): boolean;
  /**
   * Awaited after every training step: a worker yields to its messages here, so a cancel that
   * arrives mid-epoch is seen at the next step (without it the loop never lets a message in).
   */
  afterStep?(): Promise<void>;
}

export class TransferCancelled extends Error {
  constructor() {
    super('the transfer run was cancelled');
    this.name = 'TransferCancelled';
  }
}

// The engine always builds a teacher; modes that do not use it get the smallest one.
const UNUSED_TEACHER: TeacherConfig = { dim: 1, hidden: 1, dropout: 0, l2: 0, lr: 1e-3, initStd: 0.01 };

/** Rejects settings by name. */
export function validateTransferSettings(s: TransferSettings): void {
  if (!(s.keep > 0 && s.keep <= 1)) throw new Error(`keep must be in (0, 1], got ${s.keep}`);
  if (!Number.isInteger(s.maxEpochs) || s.maxEpochs < 1) throw new Error(`max epochs must be a positive integer, got ${s.maxEpochs}`);
  if (!Number.isInteger(s.patience) || s.patience < 1) throw new Error(`patience must be a positive integer, got ${s.patience}`);
  for (const [what, xs] of [['weight decay', s.l2s], ['pretraining weight decay', s.pretrainL2s]] as const) {
    if (!xs.length || xs.some((x) => !(x >= 0))) throw new Error(`${what} values must be ≥ 0, got ${xs.join(', ')}`);
  }
}

function engineFor(split: Split, s: TransferSettings, student: StudentConfig, teacher?: { config: TeacherConfig; weights: Record<string, Float32Array> }): DistillEngine {
  const config: TrainConfig = {
    ...defaultTrainConfig,
    seed: s.seed,
    batchSize: s.batchSize,
    schedule: teacher ? 'checkpoint' : 'online',
    teacher: teacher?.config ?? UNUSED_TEACHER,
    student,
    distill: { ...defaultDistillConfig },
  };
  return new DistillEngine(split, config, teacher?.weights);
}

interface Trained {
  result: ModeResult;
  /** The trained MF's weights (over the engine split's catalogue). */
  weights: Record<string, Float32Array>;
}

/**
 * Trains one role of a fresh engine per weight-decay value (prepared by `setup`), keeps the best
 * on validation, and scores it on the target test items.
 */
async function trainMode(
  phase: TransferPhase,
  split: Split,
  target: Split,
  s: TransferSettings,
  hooks: TransferHooks,
  opts: {
    role?: Role;
    student: (l2: number) => StudentConfig;
    teacher?: { config: TeacherConfig; weights: Record<string, Float32Array> };
    setup?: (e: DistillEngine) => void;
    /** Items of the engine's catalogue that are the target's (joint: after the source items). */
    targetStart?: number;
  },
): Promise<Trained> {
  hooks.onPhase?.(phase);
  const role = opts.role ?? 'student';
  const buf = new EvalBuffers(target.nItems);
  const onTarget = (m: Recommender): Recommender => (opts.targetStart !== undefined ? new ItemSliceView(m, opts.targetStart, target.nItems) : m);
  let best: Trained | null = null;
  for (const [index, l2] of s.l2s.entries()) {
    hooks.onCandidate?.(phase, index, s.l2s.length);
    const engine = engineFor(split, s, opts.student(l2), opts.teacher);
    try {
      opts.setup?.(engine);
      const fit = await fitRole(engine, role, {
        epochs: s.maxEpochs,
        valUsers: target.evalUsers,
        keepBest: true,
        patience: s.patience,
        validate: (m) => evaluate(onTarget(m), target, target.evalUsers, 'val', 10, buf),
        onEpoch: (e) => {
          hooks.onEpoch?.(phase, e);
          if (hooks.cancelled?.()) throw new TransferCancelled();
        },
        afterStep:
          hooks.afterStep &&
          (async () => {
            await hooks.afterStep!();
            if (hooks.cancelled?.()) throw new TransferCancelled();
          }),
      });
      if (best && fit.bestVal.ndcg <= best.result.valNdcg10) continue;
      const model = role === 'kd' ? engine.kd : engine.student;
      const test: RankingMetrics = await evaluate(onTarget(model), target, target.evalUsers, 'test', 10, buf);
      best = {
        result: { ndcg10: test.ndcg, hr10: test.hr, valNdcg10: fit.bestVal.ndcg, bestEpoch: fit.bestEpoch, l2, trainSeconds: fit.trainSeconds },
        weights: await readWeights(model),
      };
    } finally {
      engine.dispose();
    }
  }
  return best!;
}

/** Pretrains the MF on the source domain (epochs and weight decay chosen on a source validation item) and returns its user embeddings. */
export async function pretrainSource(d: Domains, s: TransferSettings, hooks: TransferHooks = {}): Promise<Pretrained> {
  validateTransferSettings(s);
  const split = sourceSplit(d, s.seed);
  const mf = (l2: number): StudentConfig => ({ ...defaultTrainConfig.student, dim: s.dim, lr: s.lr, l2 });
  const t = await trainMode('pretrain', split, split, { ...s, l2s: s.pretrainL2s }, hooks, { student: mf });
  return { userEmb: t.weights.userEmb, bestEpoch: t.result.bestEpoch, l2: t.result.l2, valNdcg10: t.result.valNdcg10, trainSeconds: t.result.trainSeconds };
}

/** Every mode on the target thinned to `s.keep`, from one pretrained source model. */
export async function runTransfer(d: Domains, pre: Pretrained, s: TransferSettings, hooks: TransferHooks = {}): Promise<TransferResult> {
  validateTransferSettings(s);
  const target = targetSplit(d, s.keep, s.seed);
  if (target.evalUsers.length === 0) throw new Error('no user has 3 or more target interactions, so none can be evaluated on the target');
  const mf = (l2: number): StudentConfig => ({ ...defaultTrainConfig.student, dim: s.dim, lr: s.lr, l2 });
  const withPretrained = (freeze: boolean) => (e: DistillEngine) => {
    const userEmb = e.student.weights.userEmb;
    tf.tidy(() => userEmb.assign(tf.tensor(pre.userEmb, userEmb.shape, 'float32')));
    if (freeze) e.student.frozen.add('userEmb');
    // L2-SP: weight decay keeps fine-tuned users near what the source taught them, not near 0
    else e.anchorStudent('userEmb', pre.userEmb);
  };
  const scratch = await trainMode('scratch', target, target, s, hooks, { student: mf });
  const frozen = await trainMode('frozen', target, target, s, hooks, { student: mf, setup: withPretrained(true) });
  const finetune = await trainMode('finetune', target, target, s, hooks, { student: mf, setup: withPretrained(false) });
  const nS = d.source.items.length;
  const joint = await trainMode('joint', jointSplit(d, target), target, s, hooks, { student: mf, targetStart: nS });
  const pop = { test: popularityMetrics(target, 'test'), val: popularityMetrics(target, 'val') };

  // the teacher: whichever transferred model validation likes best, as an MF over the target items
  const candidates: [TransferMode, Trained][] = [['frozen', frozen], ['finetune', finetune], ['joint', joint]];
  const [teacherMode, teacherRun] = candidates.reduce((a, b) => (b[1].result.valNdcg10 > a[1].result.valNdcg10 ? b : a));
  const teacherW = teacherMode === 'joint' ? sliceMfItems(teacherRun.weights, s.dim, nS, target.nItems) : teacherRun.weights;
  const teacher = mfAsTeacher(teacherW, s.dim, s.lr);
  const small = (l2: number): StudentConfig => ({ ...defaultTrainConfig.student, dim: s.studentDim, lr: s.studentLr, l2 });
  const alone = await trainMode('crossStudent', target, target, s, hooks, { student: small, teacher });
  const kd = await trainMode('crossKd', target, target, s, hooks, { role: 'kd', student: small, teacher });

  return {
    keep: s.keep,
    seed: s.seed,
    source: { items: nS, interactions: d.source.users.length },
    target: { items: target.nItems, trainInteractions: target.trainItems.length, testUsers: target.evalUsers.length },
    sharedUsers: d.sharedUsers,
    pretrain: { bestEpoch: pre.bestEpoch, valNdcg10: pre.valNdcg10, l2: pre.l2 },
    scratch: scratch.result,
    frozen: frozen.result,
    finetune: finetune.result,
    joint: joint.result,
    popularity: { ndcg10: pop.test.ndcg, hr10: pop.test.hr, valNdcg10: pop.val.ndcg },
    crossKd: { ...kd.result, teacher: teacherMode, teacherNdcg10: teacherRun.result.ndcg10, student: alone.result },
  };
}
