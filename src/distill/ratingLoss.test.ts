import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { maxAbsDiff, useCpu } from '../test/tfSetup';
import { ratingKdLoss } from './ratingLoss';
import { ratingKdLossSpec } from './ratingLossSpec';

beforeAll(useCpu);

const p = [3.1, 4.2, 2.0, 4.9, 3.3];
const y = [3, 5, 1, 0, 0];
const t = [3.4, 4.0, 2.5, 4.1, 2.2];
const labelled = [1, 1, 1, 0, 0];

describe('rating distillation loss', () => {
  it('spec: (1−α)·MSE over rated pairs + α·MSE to the teacher over all pairs', () => {
    const { loss } = ratingKdLossSpec(p, y, t, labelled, 0.3);
    const hard = ((3.1 - 3) ** 2 + (4.2 - 5) ** 2 + (2 - 1) ** 2) / 3;
    const soft = p.reduce((s, v, k) => s + (v - t[k]) ** 2, 0) / 5;
    expect(loss).toBeCloseTo(0.7 * hard + 0.3 * soft, 12);
    expect(ratingKdLossSpec([3], [4], [3.5], [1], 0.5).loss).toBeCloseTo(0.625, 12);
  });

  it('spec: its gradient matches finite differences', () => {
    const { grad } = ratingKdLossSpec(p, y, t, labelled, 0.3);
    for (let k = 0; k < p.length; k++) {
      const h = 1e-6;
      const up = p.map((v, j) => (j === k ? v + h : v));
      const dn = p.map((v, j) => (j === k ? v - h : v));
      const fd = (ratingKdLossSpec(up, y, t, labelled, 0.3).loss - ratingKdLossSpec(dn, y, t, labelled, 0.3).loss) / (2 * h);
      expect(grad[k]).toBeCloseTo(fd, 6);
    }
  });

  it('tf.js value and gradient equal the spec, for α in 0, 0.5, 1 and without a teacher', async () => {
    for (const alpha of [0, 0.5, 1]) {
      const out = tf.tidy(() => {
        const l = ratingKdLoss(tf.tensor1d(p), tf.tensor1d(y), tf.tensor1d(t), tf.tensor1d(labelled), 3, alpha, true);
        return [l.value!, l.grad] as const;
      });
      const spec = ratingKdLossSpec(p, y, t, labelled, alpha);
      expect((await out[0].data())[0]).toBeCloseTo(spec.loss, 5);
      expect(maxAbsDiff(await out[1].data(), spec.grad)).toBeLessThan(1e-6);
      tf.dispose([...out]);
    }
    const before = tf.memory().numTensors;
    const alone = tf.tidy(() => ratingKdLoss(tf.tensor1d(p.slice(0, 3)), tf.tensor1d(y.slice(0, 3)), null, tf.ones([3]) as tf.Tensor1D, 3, 0.9, true).value!);
    expect((await alone.data())[0]).toBeCloseTo(ratingKdLossSpec(p.slice(0, 3), y.slice(0, 3), t, [1, 1, 1], 0).loss, 5);
    alone.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
