/**
 * The parity run's shapes, shared by the Node test and the browser page: 2,000 items, batch 64,
 * dims that are multiples of 4 — the shapes that take webgpu's split-K matMul path in the
 * backward pass (shared/notes/webgpu-training.md). 6 steps: enough for that bug to push the
 * losses more than 1e-3 off.
 */
import { tinySplit } from '../src/test/tinySplit';
import { defaultTrainConfig, type TrainConfig } from '../src/train/config';
import type { Split } from '../src/data/types';

export const PARITY_STEPS = 6;
export const PARITY_TOLERANCE = 1e-3;

export const parityConfig: TrainConfig = {
  ...defaultTrainConfig,
  batchSize: 64,
  schedule: 'online',
  teacher: { ...defaultTrainConfig.teacher, dim: 32, hidden: 32 },
  student: { ...defaultTrainConfig.student, dim: 8 },
};

export function paritySplit(): Split {
  return tinySplit(120, 2000, 12, 9);
}
