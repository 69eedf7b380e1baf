import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readWeights } from '../models/recommender';
import { TeacherModel } from '../models/teacher';
import { useCpu } from '../test/tfSetup';
import { tinySplit, tinyTrainConfig } from '../test/tinySplit';
import { DistillEngine, frozenTeacher } from './engine';
import { fitRole } from './fit';
import { runSweep } from './sweep';

beforeAll(useCpu);
afterEach(() => vi.restoreAllMocks());

const split = tinySplit(60, 30, 8, 3);

async function trainedTeacher(): Promise<Record<string, Float32Array>> {
  const main = new DistillEngine(split, tinyTrainConfig);
  const w = await readWeights(main.teacher);
  main.dispose();
  return w;
}

describe('runSweep', () => {
  it('builds and freezes the teacher once per sweep; the tensor count is the same at every cell and back where it was after', async () => {
    const weights = await trainedTeacher();
    const built = vi.spyOn(TeacherModel.prototype, 'freeze');
    const before = tf.memory().numTensors;
    const atCell: number[] = [];
    const r = await runSweep(split, tinyTrainConfig, weights, { temperatures: [0.5, 2], alphas: [0.5, 1], epochs: 1 }, {
      valUsers: split.evalUsers,
      onCellStart: () => atCell.push(tf.memory().numTensors),
    });
    expect(built).toHaveBeenCalledTimes(1);
    expect(atCell).toHaveLength(5);
    expect(new Set(atCell).size).toBe(1); // flat: no cell leaves a tensor for the next
    expect(tf.memory().numTensors).toBe(before);
    expect(r.grid.flat()).toHaveLength(4);
  }, 120_000);

  it('a cell on the shared teacher measures what a cell with its own teacher measures', async () => {
    const weights = await trainedTeacher();
    const config = { ...tinyTrainConfig, distill: { ...tinyTrainConfig.distill, temperature: 2, alpha: 0.9 } };
    const own = new DistillEngine(split, config, weights);
    const a = await fitRole(own, 'kd', { epochs: 2, valUsers: split.evalUsers });
    own.dispose();
    const shared = frozenTeacher(split, config, weights);
    const borrowing = new DistillEngine(split, config, shared);
    const b = await fitRole(borrowing, 'kd', { epochs: 2, valUsers: split.evalUsers });
    borrowing.dispose();
    // the engine leaves a shared teacher alone: still frozen, still usable, and it cannot train
    expect(shared.frozen).toBe(true);
    const again = new DistillEngine(split, config, shared);
    expect(() => again.step(false)).not.toThrow();
    again.roles = { teacher: 'train', student: false, kd: false };
    expect(() => again.step(false)).toThrow('a shared teacher stays frozen');
    again.dispose();
    shared.dispose();
    expect(b.epochs.map((e) => [e.loss, e.val.ndcg])).toEqual(a.epochs.map((e) => [e.loss, e.val.ndcg]));
  }, 120_000);
});
