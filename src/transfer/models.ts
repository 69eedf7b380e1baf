/**
 * Model plumbing between domains: a view that scores only one domain's items of a joint model,
 * the item columns of an MF cut out for one domain, and an MF written as a teacher so the
 * distillation engine can use a transferred MF as the teacher of a small target student.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TeacherConfig } from '../models/config';
import type { BatchInput, Forward, Recommender } from '../models/recommender';

/** A joint model seen through the items start..start+count−1 only (evaluation; it owns nothing). */
export class ItemSliceView implements Recommender {
  readonly kind: Recommender['kind'];
  readonly specs: Recommender['specs'];
  readonly weights: Recommender['weights'];
  readonly usesHistory: boolean;
  readonly dropoutWidth: number;
  readonly dim: number;
  readonly nUsers: number;

  constructor(
    private readonly inner: Recommender,
    private readonly start: number,
    readonly nItems: number,
  ) {
    if (inner.usesHistory) throw new Error('ItemSliceView: models with a history input read the joint catalogue; only MF can be sliced');
    this.kind = inner.kind;
    this.specs = inner.specs;
    this.weights = inner.weights;
    this.usesHistory = false;
    this.dropoutWidth = 0;
    this.dim = inner.dim;
    this.nUsers = inner.nUsers;
  }

  forward(input: BatchInput, training: boolean): Forward {
    const fw = this.inner.forward(input, training);
    return { ...fw, logits: tf.slice(fw.logits, [0, this.start], [-1, this.nItems]) };
  }

  backward(): Record<string, tf.Tensor> {
    throw new Error('ItemSliceView is for evaluation only');
  }

  dispose(): void {}
}

/** MF weights (userEmb [U,d], itemEmbT [d,N], itemBias [N]) restricted to items start..start+count−1. */
export function sliceMfItems(w: Record<string, Float32Array>, dim: number, start: number, count: number): Record<string, Float32Array> {
  const nAll = w.itemBias.length;
  const itemEmbT = new Float32Array(dim * count);
  for (let d = 0; d < dim; d++) itemEmbT.set(w.itemEmbT.subarray(d * nAll + start, d * nAll + start + count), d * count);
  return { userEmb: w.userEmb, itemEmbT, itemBias: w.itemBias.slice(start, start + count) };
}

/**
 * An MF as teacher weights: the teacher computes x = MLP([u; h]) + u + h; with the MLP's weights
 * and the history table at zero, x = u exactly, and its logits are the MF's. So a transferred MF
 * can hand its soft labels down through the engine's ordinary (frozen-teacher) distillation path.
 */
export function mfAsTeacher(w: Record<string, Float32Array>, dim: number, lr: number): { config: TeacherConfig; weights: Record<string, Float32Array> } {
  const nItems = w.itemBias.length;
  const hidden = 1;
  return {
    config: { dim, hidden, dropout: 0, l2: 0, lr, initStd: 0 },
    weights: {
      userEmb: w.userEmb,
      histEmb: new Float32Array(nItems * dim),
      W1: new Float32Array(2 * dim * hidden),
      b1: new Float32Array(hidden),
      W2: new Float32Array(hidden * dim),
      b2: new Float32Array(dim),
      itemEmbT: w.itemEmbT,
      itemBias: w.itemBias,
    },
  };
}
