/**
 * The studio's default run settings, assembled from the tf-free config modules.
 *
 * Why not `defaultTrainConfig` from train/config.ts: that module also holds
 * `validateTrainConfig`, which imports the tf.js model builders, and state/ and ui/ must never
 * pull tf.js into the page bundle. `defaults.test.ts` checks the two stay equal.
 */
import { defaultDistillConfig } from '../distill/config';
import { defaultStudentConfig, defaultTeacherConfig } from '../models/config';
import type { TrainConfig } from '../train/config';
import { defaultRunPlan, type BackendName, type RunPlan } from '../train/protocol';

/** Equal to train/config.ts's `defaultTrainConfig` (checked by a test). */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  teacher: defaultTeacherConfig,
  student: defaultStudentConfig,
  distill: defaultDistillConfig,
  seed: 1,
  batchSize: 512,
  schedule: 'checkpoint',
  teacherEpochs: 10,
};

/** The run plan of a default run (3 student epochs, live validation on 500 users). */
export const DEFAULT_RUN_PLAN: RunPlan = defaultRunPlan;

/** Seed of the leave-one-out split; the shipped teacher checkpoint fits split seed 1 only. */
export const DEFAULT_SPLIT_SEED = 1;

/** Backend request sent with `init`: 'auto' lets the worker probe. */
export type BackendChoice = BackendName | 'auto';

/** Everything that shapes a run: what the URL carries. */
export interface StudioSettings {
  train: TrainConfig;
  plan: RunPlan;
  splitSeed: number;
  backend: BackendChoice;
}

/** The settings a fresh page starts with. */
export const DEFAULT_SETTINGS: StudioSettings = {
  train: DEFAULT_TRAIN_CONFIG,
  plan: DEFAULT_RUN_PLAN,
  splitSeed: DEFAULT_SPLIT_SEED,
  backend: 'auto',
};
