/**
 * A small seeded Split for engine tests, built directly (no parsing): users prefer items of their
 * own cluster, so a model can learn something in a few steps.
 */
import { Rng } from '../data/rng';
import type { Split } from '../data/types';
import { defaultTrainConfig, type TrainConfig } from '../train/config';

export function tinySplit(nUsers = 40, nItems = 30, perUser = 8, seed = 1): Split {
  const rng = new Rng(seed);
  const trainUsers: number[] = [];
  const trainItems: number[] = [];
  const histOffsets = new Int32Array(nUsers + 1);
  const histItems: number[] = [];
  const valItem = new Int32Array(nUsers);
  const testItem = new Int32Array(nUsers);
  const clusters = 3;
  for (let u = 0; u < nUsers; u++) {
    const c = u % clusters;
    const set = new Set<number>();
    while (set.size < perUser) {
      const inCluster = rng.next() < 0.8;
      const i = inCluster ? (c + clusters * rng.int(Math.ceil(nItems / clusters))) % nItems : rng.int(nItems);
      set.add(i);
    }
    const items = rng.shuffle([...set]);
    testItem[u] = items.pop()!;
    valItem[u] = items.pop()!;
    items.sort((a, b) => a - b);
    for (const i of items) {
      trainUsers.push(u);
      trainItems.push(i);
      histItems.push(i);
    }
    histOffsets[u + 1] = histItems.length;
  }
  return {
    nUsers,
    nItems,
    trainUsers: Int32Array.from(trainUsers),
    trainItems: Int32Array.from(trainItems),
    histOffsets,
    histItems: Int32Array.from(histItems),
    valItem,
    testItem,
    evalUsers: Int32Array.from({ length: nUsers }, (_, i) => i),
    order: 'random',
    seed,
  };
}

/** A run config small enough for the tiny split: small teacher, 2-dim student, batches of 32, all trained online. */
export const tinyTrainConfig: TrainConfig = {
  ...defaultTrainConfig,
  batchSize: 32,
  schedule: 'online',
  teacher: { ...defaultTrainConfig.teacher, dim: 8, hidden: 8 },
  student: { ...defaultTrainConfig.student, dim: 2 },
};
