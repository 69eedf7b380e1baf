/**
 * Every setting's value type and default, as one object: the run (what a Reset applies), and the
 * settings of the compression, rating, transfer and sweep panels. The defaults of each model,
 * loss and job stay beside their types in their own rooms (squoosh's meta.ts pattern, with the
 * measurement that chose them); this file only adds what is the studio's own (split seed,
 * backend, the panels' shorter runs) and composes the rest. Plain TS, no tf, no React: the page,
 * the worker and Node all import it. table.ts says which values a setting accepts.
 */
import { defaultCompressConfig, type CompressConfig } from '../compress/config';
import { defaultRatingRunConfig, type RatingRunConfig } from '../models/ratingConfig';
import { defaultTrainConfig, type TrainConfig } from '../train/config';

/** A tf.js backend the studio can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Backend request sent with `init`: 'auto' lets the worker probe. */
export type BackendChoice = BackendName | 'auto';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

/** Run length and live-evaluation cadence. */
export interface RunPlan {
  /** Student epochs in one run (the teacher's own epochs come from TrainConfig.teacherEpochs). */
  epochs: number;
  /** Users in the fixed validation sample evaluated live. */
  valUsers: number;
  /** Steps between live validation points. */
  evalEvery: number;
  /** Steps between loss read-backs. */
  reportEvery: number;
}

export const defaultRunPlan: RunPlan = { epochs: 3, valUsers: 500, evalEvery: 40, reportEvery: 4 };

/** Seed of the leave-one-out split; the shipped teacher checkpoint fits split seed 1 only. */
export const DEFAULT_SPLIT_SEED = 1;

/** Everything that shapes a run of the main worker (what a saved run records). */
export interface StudioSettings {
  train: TrainConfig;
  plan: RunPlan;
  splitSeed: number;
  backend: BackendChoice;
}

/** A T × α grid for the sweep: the KD student trained once per cell, the student alone once. */
export interface SweepRequest {
  temperatures: number[];
  alphas: number[];
  /** Student epochs per cell (and for the student-alone baseline). */
  epochs: number;
}

/** The grid the sweep panel offers first: 4 × 3, 2 epochs per cell (a few minutes on wasm). */
export const DEFAULT_SWEEP: SweepRequest = { temperatures: [0.25, 0.5, 1, 2], alphas: [0.5, 0.9, 1], epochs: 2 };

/** How the transfer panel puts items in the two domains: a year cut, a list of source item ids, or a second file as the target. */
export type TransferRuleKind = 'cut' | 'ids' | 'file';
export const TRANSFER_RULES: readonly TransferRuleKind[] = ['cut', 'ids', 'file'];

/** The transfer panel's settings (the files a rule reads are not settings: they stay in the panel's state). */
export interface TransferPanelSettings {
  rule: TransferRuleKind;
  /** Year cut: books before it are the source, from it on the target. */
  cut: number;
  /** Share of each user's target training data kept, 0..1 (the panel shows it as a percentage). */
  keep: number;
  /** Also run the keep curve (5, 20, 50, 100 %). */
  curve: boolean;
  maxEpochs: number;
  seed: number;
  /**
   * Also choose every mode's weight decay on validation (TUNED_L2_GRID), not only its epochs: a
   * fairer scratch baseline, about 4× the training.
   */
  tuneL2: boolean;
}

export const defaultTransferPanelSettings: TransferPanelSettings = { rule: 'cut', cut: 2000, keep: 0.2, curve: false, maxEpochs: 25, seed: 1, tuneL2: false };

/**
 * The weight-decay grid that makes "scratch" a fair baseline (docs/transfer.md, "With weight decay
 * tuned too"): every mode, scratch included, picks its decay on validation from `l2s`. Tuned on
 * epochs alone, scratch at keep 20 % is 0.039 and transfer looks 1.86× better; with this grid
 * scratch rises to 0.062 and the gain shrinks to 1.20×. `pretrainL2s` is a single value, 3e-5: the
 * value the source validation chose on every seed (1, 2, 3) when offered 0, 3e-5 and 1e-4, so the
 * studio gets that pretraining without waiting for three of them. The CLI's usage text names the
 * same grid as its example.
 */
export const TUNED_L2_GRID: Readonly<{ l2s: readonly number[]; pretrainL2s: readonly number[] }> = { l2s: [0, 1e-4, 3e-4, 1e-3], pretrainL2s: [3e-5] };

/** Every setting the table covers: the run's, and each panel's. This is what a link carries. */
export interface Settings extends StudioSettings {
  compress: CompressConfig;
  rating: RatingRunConfig;
  transfer: TransferPanelSettings;
  sweep: SweepRequest;
}

/** The settings a fresh page starts with. */
export const DEFAULT_SETTINGS: Settings = {
  train: defaultTrainConfig,
  plan: defaultRunPlan,
  splitSeed: DEFAULT_SPLIT_SEED,
  backend: 'auto',
  // the studio scores a 500-user validation sample by default, so a sweep takes a minute, not ten
  compress: { ...defaultCompressConfig, users: 500 },
  // fewer epochs than the CLI's, so a run ends in minutes on a laptop
  rating: { ...defaultRatingRunConfig, teacherEpochs: 10, epochs: 10 },
  transfer: defaultTransferPanelSettings,
  sweep: DEFAULT_SWEEP,
};

/** The run part of the settings (drops the panels' and any bookkeeping). */
export function runSettingsOf(s: StudioSettings): StudioSettings {
  return { train: s.train, plan: s.plan, splitSeed: s.splitSeed, backend: s.backend };
}
