import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useCpu } from '../test/tfSetup';
import { tinySplit, tinyTrainConfig } from '../test/tinySplit';
import type { TrainConfig } from './config';
import { DistillEngine } from './engine';
import { evaluate } from './evaluate';
import { fitRole } from './fit';

beforeAll(useCpu);

const split = tinySplit(60, 30, 8, 3);
const config: TrainConfig = tinyTrainConfig;

describe('DistillEngine', () => {
  it('keeps tf.memory().numTensors identical across 100 steps and after dispose', async () => {
    const start = tf.memory().numTensors;
    const e = new DistillEngine(split, config);
    const afterBuild = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) await e.stepAndRead(i % 7 === 0);
    expect(tf.memory().numTensors).toBe(afterBuild);
    for (const loss of ['soft', 'mse', 'rank', 'hint'] as const) {
      e.distill = { ...e.distill, loss };
      await e.stepAndRead(true);
      await e.stepAndRead(false);
      expect(tf.memory().numTensors, loss).toBe(afterBuild);
    }
    e.distill = { ...e.distill, loss: 'soft', unseenOnly: true };
    await e.stepAndRead(true);
    expect(tf.memory().numTensors, 'unseenOnly').toBe(afterBuild);
    e.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reports finite losses for every role, NaN for roles that are off', async () => {
    const e = new DistillEngine(split, config);
    const row = (await e.stepAndRead(true))!;
    for (const k of ['teacher', 'student', 'kdHard', 'kdDistill', 'kdTotal'] as const) expect(Number.isFinite(row[k]), k).toBe(true);
    e.roles = { teacher: 'off', student: true, kd: false };
    const r2 = (await e.stepAndRead(true))!;
    expect(Number.isNaN(r2.teacher)).toBe(true);
    expect(Number.isNaN(r2.kdTotal)).toBe(true);
    expect(Number.isFinite(r2.student)).toBe(true);
    e.dispose();
  });

  it('gives each student its own learning rate, live: distill.lr moves the KD student only', async () => {
    const run = async (kdLr: number) => {
      const e = new DistillEngine(split, config);
      await e.stepAndRead(false);
      e.distill = { ...e.distill, lr: kdLr };
      const out: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = (await e.stepAndRead(true))!;
        out.push(r.student, r.kdTotal);
      }
      e.dispose();
      return out;
    };
    const a = await run(config.distill.lr);
    const b = await run(config.distill.lr * 10);
    for (let i = 0; i < a.length; i += 2) expect(b[i]).toBe(a[i]);
    expect(b[5]).not.toBe(a[5]);
  });

  it('is deterministic for a seed, and a different seed gives a different curve', async () => {
    const run = async (seed: number) => {
      const e = new DistillEngine(split, { ...config, seed });
      const out: number[] = [];
      for (let i = 0; i < 5; i++) out.push((await e.stepAndRead(true))!.kdTotal);
      e.dispose();
      return out;
    };
    expect(await run(4)).toEqual(await run(4));
    expect(await run(4)).not.toEqual(await run(5));
  });

  it('a temperature change takes effect at the next step', async () => {
    // Near-uniform logits make T²·KL almost independent of T (Hinton's high-T limit), so start from bigger ones.
    const e = new DistillEngine(split, { ...config, teacher: { ...config.teacher, initStd: 1 }, student: { ...config.student, initStd: 1 } });
    await e.stepAndRead(false);
    const a = (await e.stepAndRead(true))!;
    e.distill = { ...e.distill, temperature: 4 };
    const b = (await e.stepAndRead(true))!;
    expect(Math.abs(b.kdDistill - a.kdDistill)).toBeGreaterThan(1e-3);
    e.dispose();
  });

  it('training lowers the loss and beats the untrained model on validation', async () => {
    // enough users for validation NDCG to be more than noise; users prefer their cluster's items
    const big = tinySplit(400, 30, 8, 4);
    const e = new DistillEngine(big, { ...config, schedule: 'teacher-first', student: { ...config.student, lr: 0.02 } });
    const before = await evaluate(e.student, big, big.evalUsers, 'val');
    const r = await fitRole(e, 'student', { epochs: 8, valUsers: big.evalUsers, keepBest: true });
    expect(r.epochs[r.epochs.length - 1].loss).toBeLessThan(r.epochs[0].loss);
    expect(r.bestVal.ndcg).toBeGreaterThan(before.ndcg * 1.5);
    e.dispose();
  });
});
