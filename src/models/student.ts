/**
 * The student: plain matrix factorisation, logits = user embedding · item embeddings + item bias.
 * Same interface as the teacher; it ignores the history rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defaultStudentConfig, type StudentConfig } from './config';
import { initialWeights } from './init';
import { embeddingGrad, mm, sumRows } from './ops';
import { makeVariables, type BatchInput, type Forward, type Recommender } from './recommender';
import { studentWeightSpecs, validateCatalog, type WeightSpec } from './size';

/** Checks settings by name. */
export function validateStudentConfig(nUsers: number, nItems: number, c: StudentConfig): void {
  validateCatalog('student', nUsers, nItems);
  if (!Number.isInteger(c.dim) || c.dim < 1 || c.dim > 1024) throw new Error(`student: dim must be an integer in 1..1024, got ${c.dim}`);
  if (!(c.l2 >= 0)) throw new Error(`student: l2 must be ≥ 0, got ${c.l2}`);
  if (!(c.lr > 0)) throw new Error(`student: lr must be > 0, got ${c.lr}`);
}

/** The small recommender. */
export class StudentModel implements Recommender {
  readonly kind = 'student' as const;
  readonly usesHistory = false;
  readonly dropoutWidth = 0;
  readonly specs: WeightSpec[];
  readonly weights: Record<string, tf.Variable>;
  readonly dim: number;
  /**
   * Weights that do not train (transfer learning: pretrained user embeddings kept as they are).
   * backward() returns no gradient for them, and the optimizer leaves a weight without one alone.
   */
  readonly frozen = new Set<'userEmb' | 'itemEmbT' | 'itemBias'>();

  /** @example new StudentModel(2668, 2000, defaultStudentConfig, 1) // 39,344 parameters */
  constructor(
    readonly nUsers: number,
    readonly nItems: number,
    readonly config: StudentConfig = defaultStudentConfig,
    seed = 2,
    init?: Record<string, Float32Array>,
  ) {
    validateStudentConfig(nUsers, nItems, config);
    this.specs = studentWeightSpecs(nUsers, nItems, config);
    this.dim = config.dim;
    this.weights = makeVariables('student', this.specs, init ?? initialWeights(this.specs, seed, config.initStd));
  }

  forward(input: BatchInput): Forward {
    const w = this.weights;
    const s = tf.gather(w.userEmb, input.users) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(s, w.itemEmbT as tf.Tensor2D), w.itemBias) as tf.Tensor2D;
    return { logits, userVec: s, cache: {} };
  }

  backward(input: BatchInput, fw: Forward, g: tf.Tensor2D, dUserVec?: tf.Tensor2D): Record<string, tf.Tensor> {
    const w = this.weights;
    const out: Record<string, tf.Tensor> = {};
    if (!this.frozen.has('itemEmbT')) out.itemEmbT = mm(fw.userVec, g, true);
    if (!this.frozen.has('itemBias')) out.itemBias = sumRows(g);
    if (!this.frozen.has('userEmb')) {
      let ds = mm(g, w.itemEmbT as tf.Tensor2D, false, true);
      if (dUserVec) ds = tf.add(ds, dUserVec);
      out.userEmb = embeddingGrad(input.users, ds, this.nUsers);
    }
    return out;
  }

  dispose(): void {
    for (const v of Object.values(this.weights)) v.dispose();
  }
}
