/** Variables of the rating regressors: creation, read-back and restore (best epoch on validation). */
import * as tf from '@tensorflow/tfjs-core';
import type { WeightSpec } from './size';

/** A model whose weights are named tf.Variables described by specs. */
export interface RatingWeights {
  readonly specs: WeightSpec[];
  readonly weights: Record<string, tf.Variable>;
}

let nextId = 0;

/** Variables from initial values, named `${prefix}/${spec.name}#n` (names must be unique per engine). */
export function makeRatingVariables(prefix: string, specs: WeightSpec[], init: Record<string, Float32Array>): Record<string, tf.Variable> {
  const out: Record<string, tf.Variable> = {};
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const v = init[s.name];
    if (!v || v.length !== n) throw new Error(`${prefix}: initial values for ${s.name} must have ${n} numbers`);
    out[s.name] = tf.tidy(() => tf.variable(tf.tensor(v, s.shape, 'float32'), true, `${prefix}/${s.name}#${nextId++}`));
  }
  return out;
}

/** Every weight on the CPU (awaited reads; never dataSync on webgpu). */
export async function readRatingWeights(m: RatingWeights): Promise<Record<string, Float32Array>> {
  const out: Record<string, Float32Array> = {};
  for (const s of m.specs) out[s.name] = (await m.weights[s.name].data()) as Float32Array;
  return out;
}

/** Overwrites every weight from CPU values. */
export function writeRatingWeights(m: RatingWeights, values: Record<string, Float32Array>): void {
  for (const s of m.specs) tf.tidy(() => m.weights[s.name].assign(tf.tensor(values[s.name], s.shape, 'float32')));
}

/** Parameter count of a model's specs. */
export function paramCount(specs: WeightSpec[]): number {
  return specs.reduce((a, s) => a + s.shape.reduce((x, y) => x * y, 1), 0);
}
