/**
 * The rating-distillation loss in tf.js: (1−α)·MSE(y) over the labelled pairs + α·MSE(teacher)
 * over all pairs, with its gradient written out (the models' backward passes take dL/dp).
 * ratingLossSpec.ts is the plain-TS specification it is tested against.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Gradient dL/dp [B], and the loss value as a scalar when asked for. */
export interface RatingLossOut {
  grad: tf.Tensor1D;
  value: tf.Scalar | null;
}

/**
 * @param p student predictions [B]
 * @param y true ratings [B] (any value where unlabelled)
 * @param t teacher predictions [B], or null when α = 0 (the student alone)
 * @param labelled [B] 1 / 0 mask of pairs with a true rating; `nLabelled` its sum (known on the CPU)
 */
export function ratingKdLoss(p: tf.Tensor1D, y: tf.Tensor1D, t: tf.Tensor1D | null, labelled: tf.Tensor1D, nLabelled: number, alpha: number, withValue: boolean): RatingLossOut {
  const B = p.shape[0];
  const a = t ? alpha : 0;
  const dh = tf.mul(tf.sub(p, y), labelled);
  let grad: tf.Tensor1D = nLabelled > 0 ? tf.mul(dh, (2 * (1 - a)) / nLabelled) : tf.zerosLike(p);
  let value: tf.Scalar | null = null;
  if (withValue) value = nLabelled > 0 ? tf.mul(tf.sum(tf.square(dh)), (1 - a) / nLabelled) : tf.scalar(0);
  if (t && a > 0) {
    const ds = tf.sub(p, t);
    grad = tf.add(grad, tf.mul(ds, (2 * a) / B));
    if (value) value = tf.add(value, tf.mul(tf.sum(tf.square(ds)), a / B));
  }
  return { grad, value };
}
