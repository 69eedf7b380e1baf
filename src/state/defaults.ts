/** The studio's default run settings: the engine's defaults plus what only the studio has (split seed, backend). */
import { defaultTrainConfig, type TrainConfig } from '../train/config';
import { defaultRunPlan, type BackendName, type RunPlan } from '../train/protocol';

/** The engine's defaults (train/config.ts is tf-free). */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = defaultTrainConfig;

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
