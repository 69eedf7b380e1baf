/**
 * Every loss as a tf function on logits that returns dL/dlogits (and the value only when asked,
 * since the value needs a log-softmax that a plain step can skip). Gradients are written by hand on
 * top of tf.softmax: wasm's Exp is slow, its Softmax is not (shared/notes/browser-and-backends.md).
 * Reference maths: spec.ts. Values are batch means; gradients include the 1/B.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mm, sumRows } from '../models/ops';
import { lossHasDistribution, rankWeights, type DistillConfig } from './config';

/** A loss's gradient w.r.t. the student's logits, and its batch-mean value when it was asked for. */
export interface LossGrad {
  grad: tf.Tensor2D;
  value: tf.Scalar | null;
}

const rows = (z: tf.Tensor2D): number => z.shape[0];

/** Cross-entropy with the true next item. `onehot` is [B,N] float. */
export function hardLoss(z: tf.Tensor2D, onehot: tf.Tensor2D, wantValue: boolean): LossGrad {
  const p = tf.softmax(z);
  const grad = tf.div(tf.sub(p, onehot), rows(z)) as tf.Tensor2D;
  const value = wantValue ? tf.neg(tf.div(tf.sum(tf.mul(tf.logSoftmax(z), onehot)), rows(z))) as tf.Scalar : null;
  return { grad, value };
}

/**
 * Hinton's soft loss T²·KL(softmax(zt/T) ‖ softmax(zs/T)); dL/dzs = T·(softmax(zs/T) − softmax(zt/T)).
 * Stable from T=0.1 to 50: softmax and logSoftmax subtract the row max.
 */
export function softLoss(zs: tf.Tensor2D, zt: tf.Tensor2D, T: number, wantValue: boolean): LossGrad {
  const zsT = tf.div(zs, T) as tf.Tensor2D;
  const ztT = tf.div(zt, T) as tf.Tensor2D;
  const qs = tf.softmax(zsT);
  const qt = tf.softmax(ztT);
  const grad = tf.mul(tf.sub(qs, qt), T / rows(zs)) as tf.Tensor2D;
  let value: tf.Scalar | null = null;
  if (wantValue) {
    const kl = tf.sum(tf.mul(qt, tf.sub(tf.logSoftmax(ztT), tf.logSoftmax(zsT))));
    value = tf.mul(kl, (T * T) / rows(zs)) as tf.Scalar;
  }
  return { grad, value };
}

/** Logit matching: mean((zs − zt)²) over all B·N entries. */
export function mseLoss(zs: tf.Tensor2D, zt: tf.Tensor2D, wantValue: boolean): LossGrad {
  const d = tf.sub(zs, zt);
  const grad = tf.mul(d, 2 / d.size) as tf.Tensor2D;
  const value = wantValue ? (tf.mean(tf.square(d)) as tf.Scalar) : null;
  return { grad, value };
}

/**
 * Ranking distillation: the teacher's top-K items as position-weighted extra positives,
 * −Σ_k w_k log softmax(zs)[top_k(zt)], i.e. cross-entropy against a sparse target distribution.
 */
export function rankLoss(zs: tf.Tensor2D, zt: tf.Tensor2D, k: number, decay: number, wantValue: boolean): LossGrad {
  const [B, N] = zs.shape;
  const kk = Math.min(k, N);
  const { indices } = tf.topk(zt, kk, true);
  const rowIds = tf.tile(tf.expandDims(tf.range(0, B, 1, 'int32'), 1), [1, kk]);
  const coords = tf.reshape(tf.stack([rowIds, indices], 2), [B * kk, 2]);
  const w = tf.tile(tf.tensor1d(rankWeights(kk, decay)), [B]);
  const target = tf.scatterND(coords, w, [B, N]) as tf.Tensor2D;
  const p = tf.softmax(zs);
  const grad = tf.div(tf.sub(p, target), B) as tf.Tensor2D;
  const value = wantValue ? (tf.neg(tf.div(tf.sum(tf.mul(tf.logSoftmax(zs), target)), B)) as tf.Scalar) : null;
  return { grad, value };
}

/** Hint distillation's gradients: w.r.t. the student's user vector and the projector. */
export interface HintGrad {
  dUserVec: tf.Tensor2D;
  P: tf.Tensor2D;
  b: tf.Tensor1D;
  value: tf.Scalar | null;
}

/**
 * Hint / feature distillation: mean((s·P + b − t)²) over B·dT, where s is the student's user vector
 * [B,dS], P [dS,dT] and b [dT] the trainable projector, t the teacher's user vector [B,dT].
 */
export function hintLoss(s: tf.Tensor2D, P: tf.Tensor2D, b: tf.Tensor1D, t: tf.Tensor2D, wantValue: boolean): HintGrad {
  const d = tf.sub(tf.add(tf.matMul(s, P), b), t) as tf.Tensor2D;
  const g = tf.mul(d, 2 / d.size) as tf.Tensor2D;
  return {
    dUserVec: mm(g, P, false, true),
    P: mm(s, g, true),
    b: sumRows(g),
    value: wantValue ? (tf.mean(tf.square(d)) as tf.Scalar) : null,
  };
}

/** What the KD student's step needs from the losses. */
export interface KdGrad {
  grad: tf.Tensor2D;
  /** Extra gradient on the student's user vector (hint only). */
  dUserVec: tf.Tensor2D | null;
  /** Projector gradients (hint only). */
  projector: { P: tf.Tensor2D; b: tf.Tensor1D } | null;
  /** Values, when asked: [hard, distill, total]. */
  parts: tf.Tensor1D | null;
}

/** Student-side inputs of the KD loss. */
export interface KdInputs {
  zs: tf.Tensor2D;
  zt: tf.Tensor2D;
  onehot: tf.Tensor2D;
  /** Student and teacher user vectors and the projector, for the hint loss. */
  studentVec?: tf.Tensor2D;
  teacherVec?: tf.Tensor2D;
  projector?: { P: tf.Tensor2D; b: tf.Tensor1D };
  /** [B,N]: a large negative number on items left out of the soft / ranking distributions, 0 elsewhere. */
  distillMask?: tf.Tensor2D;
}

/** total = α·distill + (1−α)·hard, for whichever distillation term the config names. */
export function kdLoss(x: KdInputs, c: DistillConfig, wantValue: boolean): KdGrad {
  const a = c.alpha;
  // at α = 1 a plain step needs nothing of the hard term: skip its softmax over the catalogue
  const hard = a < 1 || wantValue ? hardLoss(x.zs, x.onehot, wantValue) : null;
  let grad = hard && a < 1 ? (tf.mul(hard.grad, 1 - a) as tf.Tensor2D) : null;
  let distillValue: tf.Scalar | null = null;
  let dUserVec: tf.Tensor2D | null = null;
  let projector: KdGrad['projector'] = null;
  const addGrad = (g: tf.Tensor2D) => {
    const scaled = tf.mul(g, a) as tf.Tensor2D;
    grad = grad ? (tf.add(grad, scaled) as tf.Tensor2D) : scaled;
  };
  if (c.loss === 'hint') {
    if (!x.studentVec || !x.teacherVec || !x.projector) throw new Error('kdLoss: the hint loss needs both user vectors and the projector');
    const h = hintLoss(x.studentVec, x.projector.P, x.projector.b, x.teacherVec, wantValue);
    dUserVec = tf.mul(h.dUserVec, a) as tf.Tensor2D;
    projector = { P: tf.mul(h.P, a) as tf.Tensor2D, b: tf.mul(h.b, a) as tf.Tensor1D };
    distillValue = h.value;
  } else {
    // an additive mask leaves MSE's differences unchanged, so it only shapes the two distributions
    const m = x.distillMask && lossHasDistribution(c.loss) ? x.distillMask : null;
    const zs = m ? (tf.add(x.zs, m) as tf.Tensor2D) : x.zs;
    const zt = m ? (tf.add(x.zt, m) as tf.Tensor2D) : x.zt;
    const d =
      c.loss === 'soft' ? softLoss(zs, zt, c.temperature, wantValue)
      : c.loss === 'mse' ? mseLoss(zs, zt, wantValue)
      : rankLoss(zs, zt, c.rankK, c.rankDecay, wantValue);
    if (a > 0) addGrad(d.grad);
    distillValue = d.value;
  }
  const finalGrad = grad ?? (tf.zerosLike(x.zs) as tf.Tensor2D);
  let parts: tf.Tensor1D | null = null;
  if (wantValue && hard?.value && distillValue) {
    const total = tf.add(tf.mul(distillValue, a), tf.mul(hard.value, 1 - a));
    parts = tf.stack([hard.value, distillValue, total]) as tf.Tensor1D;
  }
  return { grad: finalGrad, dUserVec, projector, parts };
}
