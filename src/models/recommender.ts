/**
 * The next-item recommender interface both models implement: for a batch of (user, history),
 * logits over the whole item catalogue, and a hand-written backward pass.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightSpec } from './size';

/** Inputs for one batch; all tensors are owned by the caller (the step's tidy). */
export interface BatchInput {
  /** int32 [B] dense user ids. */
  users: tf.Tensor1D;
  /** [B, nItems]: 1/|H| on each history item (the target left out while training); null for models without history. */
  history: tf.Tensor2D | null;
  /** [B, hidden]: 0 or 1/(1−p) per unit in training mode; null in eval mode or for models without dropout. */
  dropoutMask: tf.Tensor2D | null;
  /**
   * [nItems, B]: `history` transposed, built on the CPU. Optional; with it the history table's
   * gradient is historyᵀ·dh with the fresh [B, N] matrix as the left operand, which wasm's matMul
   * does not repack (as the right operand it costs ~10 ms a step).
   */
  historyT?: tf.Tensor2D | null;
}

/** A forward pass: logits, the user vector they came from, and what backward needs. */
export interface Forward {
  logits: tf.Tensor2D;
  /** The vector dotted with the item table ([B, dim]): x for the teacher, the user embedding for MF. */
  userVec: tf.Tensor2D;
  cache: Record<string, tf.Tensor>;
}

/** A trainable next-item model. Weights are tf.Variables owned by the model. */
export interface Recommender {
  readonly kind: 'teacher' | 'student';
  readonly specs: WeightSpec[];
  readonly weights: Record<string, tf.Variable>;
  readonly usesHistory: boolean;
  /** Width of the dropout mask the model expects in training mode, 0 for none. */
  readonly dropoutWidth: number;
  readonly dim: number;
  readonly nUsers: number;
  readonly nItems: number;
  forward(input: BatchInput, training: boolean): Forward;
  /**
   * Gradients of the loss w.r.t. every weight, given dL/dlogits and optionally an extra
   * dL/duserVec (hint distillation). Plain loss gradient only; weight decay is the optimizer's job.
   */
  backward(input: BatchInput, fw: Forward, dLogits: tf.Tensor2D, dUserVec?: tf.Tensor2D): Record<string, tf.Tensor>;
  dispose(): void;
}

/** Creates the variables of a model from initial values, named `${prefix}/${spec.name}`. */
export function makeVariables(prefix: string, specs: WeightSpec[], init: Record<string, Float32Array>): Record<string, tf.Variable> {
  const out: Record<string, tf.Variable> = {};
  for (const s of specs) {
    const values = init[s.name];
    const n = s.shape.reduce((a, b) => a * b, 1);
    if (!values || values.length !== n) throw new Error(`${prefix}: initial values for ${s.name} must have ${n} numbers`);
    const name = `${prefix}/${s.name}#${nextId++}`;
    out[s.name] = tf.tidy(() => tf.variable(tf.tensor(values, s.shape, 'float32'), true, name));
  }
  return out;
}

// Variable names must be unique per tf engine; a counter lets a reset build a fresh model while the old one is disposed.
let nextId = 0;

/** A model whose weights are named tf.Variables described by specs (recommenders and the rating regressors). */
export interface WeightHolder {
  readonly specs: WeightSpec[];
  readonly weights: Record<string, tf.Variable>;
  readonly kind?: string;
}

/** Reads every weight back to the CPU (one awaited read per weight; never dataSync on webgpu). */
export async function readWeights(model: WeightHolder): Promise<Record<string, Float32Array>> {
  const out: Record<string, Float32Array> = {};
  for (const s of model.specs) out[s.name] = (await model.weights[s.name].data()) as Float32Array;
  return out;
}

/** Overwrites every weight from CPU values (checkpoint load, device-loss recovery). */
export function writeWeights(model: WeightHolder, values: Record<string, Float32Array>): void {
  for (const s of model.specs) {
    const v = values[s.name];
    const n = s.shape.reduce((a, b) => a * b, 1);
    if (!v || v.length !== n) throw new Error(`${model.kind ?? 'model'}: weight ${s.name} must have ${n} numbers, got ${v?.length ?? 0}`);
    tf.tidy(() => model.weights[s.name].assign(tf.tensor(v, s.shape, 'float32')));
  }
}
