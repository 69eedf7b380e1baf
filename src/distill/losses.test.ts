import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { maxAbsDiff, useCpu } from '../test/tfSetup';
import { Rng } from '../data/rng';
import { hardLoss, hintLoss, kdLoss, mseLoss, rankLoss, softLoss } from './losses';
import { hardRow, hintRow, mseRow, rankRow, softRow } from './spec';
import { defaultDistillConfig, rankWeights } from './config';
import { oneHotF } from '../models/ops';

beforeAll(useCpu);

const B = 3;
const N = 6;
function logits(seed: number, scale = 3): number[][] {
  const r = new Rng(seed);
  return Array.from({ length: B }, () => Array.from({ length: N }, () => r.normal() * scale));
}
const targets = [0, 4, 5];
const onehot = () => oneHotF(tf.tensor1d(targets, 'int32'), N);

/** Mean of spec rows; gradients divided by B like the tf versions. */
function expectMatches(got: { grad: tf.Tensor2D; value: tf.Scalar | null }, rows: { value: number; grad: Float64Array }[], tol = 1e-5) {
  const v = rows.reduce((s, r) => s + r.value, 0) / B;
  expect(got.value!.dataSync()[0]).toBeCloseTo(v, 4);
  const g = rows.flatMap((r) => Array.from(r.grad).map((x) => x / B));
  expect(maxAbsDiff(got.grad.dataSync(), g)).toBeLessThan(tol);
}

describe('tf losses match the plain-TS spec', () => {
  const zs = logits(1);
  const zt = logits(2);
  it('hard', () => {
    tf.tidy(() => expectMatches(hardLoss(tf.tensor2d(zs), onehot(), true), zs.map((z, b) => hardRow(z, targets[b]))));
  });
  for (const T of [0.1, 0.5, 1, 2, 50]) {
    it(`soft at T=${T}`, () => {
      tf.tidy(() => expectMatches(softLoss(tf.tensor2d(zs), tf.tensor2d(zt), T, true), zs.map((z, b) => softRow(z, zt[b], T)), 1e-4));
    });
  }
  it('soft stays finite at T=0.1 and T=50 with logits ±80', () => {
    tf.tidy(() => {
      const big = zs.map((r) => r.map((x) => x * 30));
      for (const T of [0.1, 50]) {
        const l = softLoss(tf.tensor2d(big), tf.tensor2d(zt.map((r) => r.map((x) => -x * 30))), T, true);
        expect(Number.isFinite(l.value!.dataSync()[0])).toBe(true);
        expect(Array.from(l.grad.dataSync()).every(Number.isFinite)).toBe(true);
      }
    });
  });
  it('mse', () => {
    tf.tidy(() => {
      const got = mseLoss(tf.tensor2d(zs), tf.tensor2d(zt), true);
      const rows = zs.map((z, b) => mseRow(z, zt[b]));
      // per-row means averaged = mean over B·N; the row gradient 2d/N becomes 2d/(B·N)
      expectMatches(got, rows);
    });
  });
  it('rank', () => {
    tf.tidy(() => expectMatches(rankLoss(tf.tensor2d(zs), tf.tensor2d(zt), 3, 2, true), zs.map((z, b) => rankRow(z, zt[b], rankWeights(3, 2)))));
  });
  it('hint', () => {
    tf.tidy(() => {
      const r = new Rng(3);
      const s = Array.from({ length: B }, () => [r.normal(), r.normal()]);
      const t = Array.from({ length: B }, () => [r.normal(), r.normal(), r.normal()]);
      const P = Array.from({ length: 6 }, () => r.normal());
      const bb = [0.1, -0.2, 0.3];
      const got = hintLoss(tf.tensor2d(s), tf.tensor2d(P, [2, 3]), tf.tensor1d(bb), tf.tensor2d(t), true);
      const rows = s.map((sv, i) => hintRow(sv, P, bb, t[i]));
      expect(got.value!.dataSync()[0]).toBeCloseTo(rows.reduce((a, x) => a + x.value, 0) / B, 5);
      expect(maxAbsDiff(got.dUserVec.dataSync(), rows.flatMap((x) => Array.from(x.dS).map((v) => v / B)))).toBeLessThan(1e-5);
      const dP = new Float64Array(6);
      rows.forEach((x) => x.dP.forEach((v, i) => (dP[i] += v / B)));
      expect(maxAbsDiff(got.P.dataSync(), dP)).toBeLessThan(1e-5);
    });
  });
});

describe('kdLoss mixes α·distill + (1−α)·hard', () => {
  it('reports [hard, distill, total] and mixes gradients', () => {
    tf.tidy(() => {
      const zs = tf.tensor2d(logits(4));
      const zt = tf.tensor2d(logits(5));
      const cfg = { ...defaultDistillConfig, loss: 'soft' as const, temperature: 2, alpha: 0.3 };
      const k = kdLoss({ zs, zt, onehot: onehot() }, cfg, true);
      const h = hardLoss(zs, onehot(), true);
      const s = softLoss(zs, zt, 2, true);
      const [hv, sv, tv] = Array.from(k.parts!.dataSync());
      expect(hv).toBeCloseTo(h.value!.dataSync()[0], 5);
      expect(sv).toBeCloseTo(s.value!.dataSync()[0], 5);
      expect(tv).toBeCloseTo(0.3 * sv + 0.7 * hv, 5);
      const want = tf.add(tf.mul(s.grad, 0.3), tf.mul(h.grad, 0.7));
      expect(maxAbsDiff(k.grad.dataSync(), want.dataSync())).toBeLessThan(1e-6);
    });
  });
  it('α = 1 ignores the true item, α = 0 is plain cross-entropy', () => {
    tf.tidy(() => {
      const zs = tf.tensor2d(logits(6));
      const zt = tf.tensor2d(logits(7));
      const only = kdLoss({ zs, zt, onehot: onehot() }, { ...defaultDistillConfig, alpha: 1 }, false);
      expect(maxAbsDiff(only.grad.dataSync(), softLoss(zs, zt, defaultDistillConfig.temperature, false).grad.dataSync())).toBeLessThan(1e-7);
      const none = kdLoss({ zs, zt, onehot: onehot() }, { ...defaultDistillConfig, alpha: 0 }, false);
      expect(maxAbsDiff(none.grad.dataSync(), hardLoss(zs, onehot(), false).grad.dataSync())).toBeLessThan(1e-7);
    });
  });
  it('hint needs both user vectors', () => {
    tf.tidy(() => {
      const zs = tf.tensor2d(logits(6));
      expect(() => kdLoss({ zs, zt: zs, onehot: onehot() }, { ...defaultDistillConfig, loss: 'hint' }, false)).toThrow(/hint loss needs/);
    });
  });
});

describe('unseenOnly: masked items leave the soft distributions', () => {
  it('the soft loss over the unmasked items equals the spec on those items, and masked items get no gradient', () => {
    tf.tidy(() => {
      const zs = logits(8);
      const zt = logits(9);
      // mask item 1 and 3 of every row
      const maskRow = [0, -1e9, 0, -1e9, 0, 0];
      const mask = tf.tensor2d(Array.from({ length: B }, () => maskRow));
      const cfg = { ...defaultDistillConfig, temperature: 0.5, alpha: 1, unseenOnly: true };
      const k = kdLoss({ zs: tf.tensor2d(zs), zt: tf.tensor2d(zt), onehot: onehot(), distillMask: mask }, cfg, true);
      const keep = [0, 2, 4, 5];
      const rows = zs.map((z, b) => softRow(keep.map((i) => z[i]), keep.map((i) => zt[b][i]), 0.5));
      expect(k.parts!.dataSync()[1]).toBeCloseTo(rows.reduce((s, r) => s + r.value, 0) / B, 4);
      const g = k.grad.arraySync();
      for (let b = 0; b < B; b++) {
        expect(g[b][1]).toBe(0);
        expect(g[b][3]).toBe(0);
        keep.forEach((i, j) => expect(g[b][i]).toBeCloseTo(rows[b].grad[j] / B, 5));
      }
    });
  });
});
