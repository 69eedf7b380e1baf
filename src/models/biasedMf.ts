/**
 * The rating student: biased matrix factorisation, r̂ = μ + b_u + b_i + p_u·q_i, with a
 * hand-written backward pass (embeddingGrad's scatterND for the gathered rows, as the ranking
 * models do: tf's gather gradient is missing on wasm) and L2 on the rows each batch touches.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../data/rng';
import { embeddingGrad } from './ops';
import type { BiasedMfConfig } from './ratingConfig';
import { makeVariables, type WeightHolder } from './recommender';
import type { WeightSpec } from './size';

/** Weight shapes of a biased MF model. */
export function biasedMfSpecs(nUsers: number, nItems: number, c: BiasedMfConfig): WeightSpec[] {
  return [
    { name: 'userEmb', shape: [nUsers, c.dim], perRowScale: true },
    { name: 'itemEmb', shape: [nItems, c.dim], perRowScale: true },
    { name: 'userBias', shape: [nUsers], perRowScale: false },
    { name: 'itemBias', shape: [nItems], perRowScale: false },
  ];
}

/** Initial values: embeddings ~ N(0, initStd²), biases 0; seeded, identical on every backend. */
export function biasedMfInit(nUsers: number, nItems: number, c: BiasedMfConfig, seed: number): Record<string, Float32Array> {
  const rng = new Rng(seed);
  const normal = (n: number) => Float32Array.from({ length: n }, () => rng.normal() * c.initStd);
  return { userEmb: normal(nUsers * c.dim), itemEmb: normal(nItems * c.dim), userBias: new Float32Array(nUsers), itemBias: new Float32Array(nItems) };
}

/** Checks settings by name. */
export function validateBiasedMfConfig(c: BiasedMfConfig): void {
  if (!Number.isInteger(c.dim) || c.dim < 1 || c.dim > 1024) throw new Error(`biased MF: dim must be an integer in 1..1024, got ${c.dim}`);
  if (!(c.l2 >= 0)) throw new Error(`biased MF: l2 must be ≥ 0, got ${c.l2}`);
  if (!(c.lr > 0)) throw new Error(`biased MF: lr must be > 0, got ${c.lr}`);
}

/** What backward needs from forward. */
export interface MfCache {
  p: tf.Tensor2D;
  q: tf.Tensor2D;
  bu: tf.Tensor1D;
  bi: tf.Tensor1D;
}

export class BiasedMf implements WeightHolder {
  readonly specs: WeightSpec[];
  readonly weights: Record<string, tf.Variable>;

  /** @param mean the global offset μ (the training ratings' mean), a constant */
  constructor(
    readonly nUsers: number,
    readonly nItems: number,
    readonly config: BiasedMfConfig,
    readonly mean: number,
    init: Record<string, Float32Array>,
  ) {
    validateBiasedMfConfig(config);
    this.specs = biasedMfSpecs(nUsers, nItems, config);
    this.weights = makeVariables('mf', this.specs, init);
  }

  /** Predictions [B] for int32 users / items [B] (unclipped), and the rows backward needs. */
  forward(users: tf.Tensor1D, items: tf.Tensor1D): { pred: tf.Tensor1D; cache: MfCache } {
    const w = this.weights;
    const p = tf.gather(w.userEmb, users) as tf.Tensor2D;
    const q = tf.gather(w.itemEmb, items) as tf.Tensor2D;
    const bu = tf.gather(w.userBias, users) as tf.Tensor1D;
    const bi = tf.gather(w.itemBias, items) as tf.Tensor1D;
    const pred = tf.add(tf.add(tf.sum(tf.mul(p, q), 1), tf.add(bu, bi)), this.mean) as tf.Tensor1D;
    return { pred, cache: { p, q, bu, bi } };
  }

  /**
   * Gradients of loss + (λ/B)·Σ_batch (|p_u|² + |q_i|² + b_u² + b_i²) given g = dloss/dpred [B].
   */
  backward(users: tf.Tensor1D, items: tf.Tensor1D, c: MfCache, g: tf.Tensor1D): Record<string, tf.Tensor> {
    const B = g.shape[0];
    const r = (2 * this.config.l2) / B;
    const g2 = tf.expandDims(g, 1);
    const dp = tf.add(tf.mul(g2, c.q), tf.mul(c.p, r)) as tf.Tensor2D;
    const dq = tf.add(tf.mul(g2, c.p), tf.mul(c.q, r)) as tf.Tensor2D;
    return {
      userEmb: embeddingGrad(users, dp, this.nUsers),
      itemEmb: embeddingGrad(items, dq, this.nItems),
      userBias: embeddingGrad(users, tf.add(g, tf.mul(c.bu, r)) as tf.Tensor1D, this.nUsers),
      itemBias: embeddingGrad(items, tf.add(g, tf.mul(c.bi, r)) as tf.Tensor1D, this.nItems),
    };
  }

  dispose(): void {
    for (const v of Object.values(this.weights)) v.dispose();
  }
}
