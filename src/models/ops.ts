/**
 * Small tf helpers shared by the models' hand-written backward passes. Hand-written gradients
 * (instead of tf autodiff) are what make a step fast on wasm, where a transposed matMul falls back
 * to a scalar loop and tf.gather's gradient kernel is missing (shared/notes/browser-and-backends.md).
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * The logit that takes an item out of a softmax or a ranking: below any real score, and far
 * enough from float32's limits that adding it, or dividing by T = 0.1, does not overflow.
 */
export const EXCLUDED_LOGIT = -1e9;

/** Whether matMul must never see a transpose flag: wasm's flagged matMul is ~10× slower. */
function explicitTranspose(): boolean {
  return tf.getBackend() === 'wasm';
}

/**
 * a·b with optional transposes, choosing the fast form per backend.
 * @example mm(x, w, true) is xᵀ·w; shapes [B,d]ᵀ·[B,h] → [d,h].
 */
export function mm(a: tf.Tensor2D, b: tf.Tensor2D, transposeA = false, transposeB = false): tf.Tensor2D {
  if (explicitTranspose()) {
    const at = transposeA ? tf.transpose(a) : a;
    const bt = transposeB ? tf.transpose(b) : b;
    return tf.matMul(at, bt);
  }
  return tf.matMul(a, b, transposeA, transposeB);
}

/**
 * Column sums of g [B,N] → [N], as ones(1,B)·g: a matMul beats tf.sum(axis 0) on wasm (~5 ms saved
 * per 512×2000 step).
 */
export function sumRows(g: tf.Tensor2D): tf.Tensor1D {
  const ones = tf.ones([1, g.shape[0]]) as tf.Tensor2D;
  return tf.reshape(tf.matMul(ones, g), [g.shape[1]]);
}

/**
 * Gradient of gather(table, ids) w.r.t. the table: scatterND sums duplicate ids on every backend.
 * A table of rows [rows, d] takes dy [B, d]; a vector (a bias per id) [rows] takes dy [B].
 */
export function embeddingGrad(ids: tf.Tensor1D, dy: tf.Tensor2D, rows: number): tf.Tensor2D;
export function embeddingGrad(ids: tf.Tensor1D, dy: tf.Tensor1D, rows: number): tf.Tensor1D;
export function embeddingGrad(ids: tf.Tensor1D, dy: tf.Tensor1D | tf.Tensor2D, rows: number): tf.Tensor {
  return tf.scatterND(tf.expandDims(ids, 1), dy, dy.rank === 2 ? [rows, dy.shape[1]!] : [rows]);
}

/** One-hot rows as float32; tf.oneHot(…, 'float32') returns int bit patterns on wasm. */
export function oneHotF(ids: tf.Tensor1D, n: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(ids, n), 'float32') as tf.Tensor2D;
}
