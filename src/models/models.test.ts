import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { maxAbsDiff, useCpu } from '../test/tfSetup';
import { hardLoss } from '../distill/losses';
import { defaultStudentConfig, defaultTeacherConfig } from './config';
import { oneHotF } from './ops';
import { sizeOf, studentWeightSpecs, teacherWeightSpecs } from './size';
import { StudentModel } from './student';
import { TeacherModel } from './teacher';

beforeAll(useCpu);

describe('sizes', () => {
  it('match the reference parameter counts on goodbooks-2k (453,520 and 39,344)', () => {
    expect(sizeOf(teacherWeightSpecs(2668, 2000, defaultTeacherConfig)).params).toBe(453_520);
    const s = sizeOf(studentWeightSpecs(2668, 2000, defaultStudentConfig));
    expect(s.params).toBe(39_344);
    expect(s.bytesFp32).toBe(4 * 39_344);
    // int8: one byte a value + one fp32 scale per user row, per item column, and for the bias
    expect(s.bytesInt8).toBe(39_344 + 4 * (2668 + 2000 + 1));
  });

  it('the built models hold exactly the counted parameters', () => {
    const t = new TeacherModel(30, 20, { ...defaultTeacherConfig, dim: 4, hidden: 6 });
    const n = Object.values(t.weights).reduce((a, v) => a + v.size, 0);
    expect(n).toBe(sizeOf(t.specs).params);
    t.dispose();
  });

  it('builders reject bad settings by name', () => {
    expect(() => new TeacherModel(10, 10, { ...defaultTeacherConfig, dim: 0 })).toThrow(/teacher: dim must be/);
    expect(() => new TeacherModel(10, 10, { ...defaultTeacherConfig, dropout: 1 })).toThrow(/teacher: dropout must be/);
    expect(() => new StudentModel(10, 1, defaultStudentConfig)).toThrow(/student: nItems must be/);
    expect(() => new StudentModel(10, 10, { ...defaultStudentConfig, lr: -1 })).toThrow(/student: lr must be/);
  });
});

const U = 5;
const N = 7;
const B = 4;
const users = [0, 3, 3, 4];
const targets = [1, 6, 2, 0];
// history rows: the user's other items, 1/(n−1) each (target left out)
const hist = [
  [0, 0, 0.5, 0, 0.5, 0, 0],
  [1 / 3, 1 / 3, 0, 0, 0, 1 / 3, 0],
  [0, 0.5, 0, 0.5, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0],
];

describe('hand-written backward passes equal tf autodiff', () => {
  it('teacher (with dropout mask and the residual)', () => {
    const cfg = { ...defaultTeacherConfig, dim: 3, hidden: 5, dropout: 0.5 };
    const t = new TeacherModel(U, N, cfg, 7);
    tf.tidy(() => {
      const mask = tf.tensor2d([2, 0, 2, 2, 0, 0, 2, 2, 0, 2, 2, 2, 0, 2, 0, 0, 0, 2, 2, 2], [B, 5]);
      const input = { users: tf.tensor1d(users, 'int32'), history: tf.tensor2d(hist), dropoutMask: mask };
      const onehot = oneHotF(tf.tensor1d(targets, 'int32'), N);
      const fw = t.forward(input, true);
      const got = t.backward(input, fw, hardLoss(fw.logits, onehot, false).grad);
      const names = t.specs.map((s) => s.name);
      const f = (...w: tf.Tensor[]) => {
        const W = Object.fromEntries(names.map((n, i) => [n, w[i]]));
        const u = tf.gather(W.userEmb, input.users);
        const h = tf.matMul(input.history, W.histEmb);
        const r = tf.mul(tf.relu(tf.add(tf.matMul(tf.concat([u, h], 1), W.W1), W.b1)), mask);
        const x = tf.add(tf.add(tf.add(tf.matMul(r, W.W2), W.b2), u), h);
        const z = tf.add(tf.matMul(x, W.itemEmbT), W.itemBias);
        return tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(z), onehot), 1)));
      };
      const want = tf.grads(f)(names.map((n) => t.weights[n]));
      names.forEach((n, i) => expect(maxAbsDiff(got[n].dataSync(), want[i].dataSync()), n).toBeLessThan(1e-6));
      // the same gradients with a CPU-built historyᵀ
      const withT = t.backward({ ...input, historyT: tf.transpose(input.history) as tf.Tensor2D }, fw, hardLoss(fw.logits, onehot, false).grad);
      names.forEach((n) => expect(maxAbsDiff(withT[n].dataSync(), got[n].dataSync()), `${n} with historyT`).toBeLessThan(1e-6));
    });
    t.dispose();
  });

  it('student MF, with an extra user-vector gradient (hint)', () => {
    const s = new StudentModel(U, N, { ...defaultStudentConfig, dim: 2 }, 3);
    tf.tidy(() => {
      const input = { users: tf.tensor1d(users, 'int32'), history: null, dropoutMask: null };
      const onehot = oneHotF(tf.tensor1d(targets, 'int32'), N);
      const extra = tf.tensor2d([0.1, -0.2, 0.3, 0, 0, 0.5, -0.1, 0.2], [B, 2]);
      const fw = s.forward(input);
      const got = s.backward(input, fw, hardLoss(fw.logits, onehot, false).grad, extra);
      const f = (ue: tf.Tensor, ie: tf.Tensor, ib: tf.Tensor) => {
        const u = tf.gather(ue, input.users);
        const z = tf.add(tf.matMul(u, ie), ib);
        // the extra term's gradient w.r.t. u is `extra`
        return tf.add(tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(z), onehot), 1))), tf.sum(tf.mul(u, extra)));
      };
      const want = tf.grads(f)([s.weights.userEmb, s.weights.itemEmbT, s.weights.itemBias]);
      expect(maxAbsDiff(got.userEmb.dataSync(), want[0].dataSync())).toBeLessThan(1e-6);
      expect(maxAbsDiff(got.itemEmbT.dataSync(), want[1].dataSync())).toBeLessThan(1e-6);
      expect(maxAbsDiff(got.itemBias.dataSync(), want[2].dataSync())).toBeLessThan(1e-6);
    });
    s.dispose();
  });

  it('the same seed gives identical initial weights', () => {
    const a = new StudentModel(U, N, defaultStudentConfig, 11);
    const b = new StudentModel(U, N, defaultStudentConfig, 11);
    expect(maxAbsDiff(a.weights.userEmb.dataSync(), b.weights.userEmb.dataSync())).toBe(0);
    a.dispose();
    b.dispose();
  });
});

describe('frozen teacher', () => {
  it.each([true, false])('forwardFrozen (cached history sums, host copies %s) gives the logits of the dense eval forward', (host) => {
    const t = new TeacherModel(U, N, { ...defaultTeacherConfig, dim: 3, hidden: 5 }, 4);
    // per-user train items; the rows in `hist` above are these with the target left out
    const items = [[1, 2, 4], [], [], [0, 1, 2, 3, 5, 6], [0]];
    t.freeze((start, count, out) => {
      for (let r = 0; r < count; r++) for (const i of items[start + r]) out[r * N + i] = 1;
    }, host);
    const targets = [1, 6, 2, 0];
    tf.tidy(() => {
      const inv = Float32Array.from(users, (x) => (items[x].length > 1 ? 1 / (items[x].length - 1) : 0));
      const rows = users.map((x, b) => Array.from({ length: N }, (_, i) => (items[x].includes(i) && i !== targets[b] && items[x].length > 1 ? 1 / (items[x].length - 1) : 0)));
      const dense = t.forward({ users: tf.tensor1d(users, 'int32'), history: tf.tensor2d(rows), dropoutMask: null }, false).logits;
      const fast = t.forwardFrozen(Int32Array.from(users), Int32Array.from(targets), inv).logits;
      expect(maxAbsDiff(dense.dataSync(), fast.dataSync())).toBeLessThan(1e-5);
    });
    const before = tf.memory().numTensors;
    t.unfreeze();
    expect(tf.memory().numTensors).toBe(before - 1);
    t.dispose();
  });
});
