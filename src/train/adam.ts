/**
 * Adam written out (PyTorch's update and L2 weight decay), instead of tf.train.adam: the learning
 * rate changes live between steps, epsilon is the same on every backend, and the moments can be
 * read back and restored after a lost GPU device.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ADAM_EPSILON } from '../models/config';

const BETA1 = 0.9;
const BETA2 = 0.999;

/** Adam over a fixed set of named variables. */
export class Adam {
  private readonly m: Record<string, tf.Variable> = {};
  private readonly v: Record<string, tf.Variable> = {};
  /** Steps taken, for bias correction. */
  t = 0;
  /**
   * Per weight, where its decay pulls it instead of 0 (L2-SP in transfer learning: a fine-tuned
   * weight decays toward its pretrained value). Owned by the optimizer once set.
   */
  private readonly anchors: Record<string, tf.Tensor> = {};

  /**
   * @param params the variables to update, by name (the names backward() returns).
   * @param lr learning rate; may be changed between steps.
   * @param l2 weight decay added to each gradient (g + l2·w).
   */
  constructor(
    private readonly params: Record<string, tf.Variable>,
    public lr: number,
    public l2 = 0,
  ) {
    for (const [name, p] of Object.entries(params)) {
      // tidy frees the zeros the variables were copied from
      this.m[name] = tf.tidy(() => tf.variable(tf.zerosLike(p), false));
      this.v[name] = tf.tidy(() => tf.variable(tf.zerosLike(p), false));
    }
  }

  /** Applies one update from gradients by name; call inside the step's tf.tidy. */
  apply(grads: Record<string, tf.Tensor>): void {
    this.t += 1;
    const c1 = 1 - Math.pow(BETA1, this.t);
    const c2 = Math.sqrt(1 - Math.pow(BETA2, this.t));
    for (const [name, p] of Object.entries(this.params)) {
      let g = grads[name];
      if (!g) continue;
      if (this.l2 > 0) g = tf.add(g, tf.mul(this.anchors[name] ? tf.sub(p, this.anchors[name]) : p, this.l2));
      const m = tf.add(tf.mul(this.m[name], BETA1), tf.mul(g, 1 - BETA1));
      const v = tf.add(tf.mul(this.v[name], BETA2), tf.mul(tf.square(g), 1 - BETA2));
      this.m[name].assign(m);
      this.v[name].assign(v);
      // p -= lr/c1 · m / (sqrt(v)/c2 + eps)
      const denom = tf.add(tf.div(tf.sqrt(v), c2), ADAM_EPSILON);
      p.assign(tf.sub(p, tf.mul(tf.div(m, denom), this.lr / c1)));
    }
  }

  /** Decays weight `name` toward `values` instead of toward 0. */
  anchor(name: string, values: Float32Array): void {
    const p = this.params[name];
    if (!p) throw new Error(`adam: no weight named ${name}`);
    this.anchors[name]?.dispose();
    this.anchors[name] = tf.tensor(values, p.shape, 'float32');
  }

  /** Moments on the CPU, for recovery after a lost device. */
  async read(): Promise<{ t: number; m: Record<string, Float32Array>; v: Record<string, Float32Array> }> {
    const m: Record<string, Float32Array> = {};
    const v: Record<string, Float32Array> = {};
    for (const name of Object.keys(this.params)) {
      m[name] = (await this.m[name].data()) as Float32Array;
      v[name] = (await this.v[name].data()) as Float32Array;
    }
    return { t: this.t, m, v };
  }

  /** Restores moments read by `read()`. */
  write(state: { t: number; m: Record<string, Float32Array>; v: Record<string, Float32Array> }): void {
    this.t = state.t;
    for (const [name, p] of Object.entries(this.params)) {
      tf.tidy(() => {
        this.m[name].assign(tf.tensor(state.m[name], p.shape, 'float32'));
        this.v[name].assign(tf.tensor(state.v[name], p.shape, 'float32'));
      });
    }
  }

  dispose(): void {
    for (const x of [...Object.values(this.m), ...Object.values(this.v), ...Object.values(this.anchors)]) x.dispose();
  }
}
