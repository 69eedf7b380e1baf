/**
 * The one protocol between the studio (main thread) and the training worker: a discriminated
 * union each way, tied tag → payload so a `switch` narrows without casts. Plain numbers and typed
 * arrays only: no tensor crosses the boundary. Both sides import this file with `import type`
 * except for `assertNever` and the constants.
 */
import type { CompressConfig } from '../compress/config';
import type { CompressReport } from '../compress/types';
import type { Split } from '../data/types';
import type { DistillConfig } from '../distill/config';
import type { SoftLabelView } from '../distill/softLabels';
import type { RankingMetrics } from '../eval/metrics';
import type { LossRow } from './engine';
import type { RatingsSource } from '../data/ratingSplit';
import type { RatingDistillConfig, RatingRunConfig } from '../models/ratingConfig';
import type { TrainConfig } from './config';
import type { BackendName, RunPlan, SweepRequest } from '../settings/defaults';
import type { TransferPhase, TransferResult } from './transferRun';

// Settings and their limits live in the settings table (src/settings); re-exported for older imports.
export { BACKENDS, DEFAULT_SWEEP, defaultRunPlan, TUNED_L2_GRID, type BackendName, type RunPlan, type SweepRequest } from '../settings/defaults';
export { badGrid, badTransferRequest } from '../settings/jobs';

/** What the backend probe found, for the badge and its "why". */
export interface BackendReport {
  backend: BackendName;
  /** Message-table key of the reason, plus values to fill in. */
  reason: BackendReason;
  /** WebGPU adapter, when one was found. */
  adapter: { vendor: string; architecture: string; description: string; isFallback: boolean } | null;
  /** WebGL renderer string, when WebGL was looked at. */
  webglRenderer: string | null;
  /** True when the backend chosen runs on a CPU rasteriser posing as a GPU (SwiftShader, llvmpipe…). */
  software: boolean;
  /** Probe timings (ms per probe step) of the backends that were probed. */
  probes: { backend: BackendName; ms: number }[];
  /** Backends that failed to start, with the error text. */
  failures: { backend: BackendName; error: string }[];
}

export type BackendReason =
  | { key: 'backend.reason.override' }
  | { key: 'backend.reason.hardwareGpu' }
  | { key: 'backend.reason.probeFastest' }
  | { key: 'backend.reason.onlyOne' }
  | { key: 'backend.reason.deviceLost'; from: BackendName };

/** Validation NDCG@10 (and friends) of the three models at one step, on the fixed user sample. */
export interface ValPoint {
  step: number;
  epoch: number;
  /** Milliseconds since play was first pressed in this run. */
  ms: number;
  teacher: RankingMetrics | null;
  student: RankingMetrics;
  kd: RankingMetrics;
}

/** One model's row in the side-by-side comparison. */
export interface ModelReport {
  test: RankingMetrics;
  val: RankingMetrics;
  params: number;
  bytesFp32: number;
  bytesInt8: number;
  inferMsPer1000: number;
}

/** Live hyperparameters: each takes effect at the next step. */
export interface HyperParams {
  distill: DistillConfig;
  studentLr: number;
  teacherLr: number;
}


/** Messages from the studio to the worker. */
export type ToWorker =
  | { type: 'init'; backend: BackendName | 'auto' }
  | {
      type: 'load';
      /** The split the studio computed (it keeps one too, for the inspector). */
      split: Split;
      config: TrainConfig;
      plan: RunPlan;
      /** A teacher checkpoint (checkpoint.ts format) for this split, when the schedule uses one. */
      checkpoint: ArrayBuffer | null;
    }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'set-hyper'; hyper: HyperParams }
  | { type: 'select-user'; user: number }
  | { type: 'debug-lose-device' }
  | ({ type: 'export-model' } & ExportRequest)
  /** Compress and score the current models (pauses training first); answered by compress-* events. */
  | { type: 'compress'; config: CompressConfig }
  | { type: 'sweep'; command: SweepCommand }
  | { type: 'rating'; command: RatingCommand }
  | { type: 'transfer-run'; request: TransferRequest }
  | { type: 'transfer-cancel' };

/** The rating task's commands (train/ratingJob.ts handles them). */
export type RatingCommand =
  | { type: 'start'; data: RatingsSource; splitSeed: number; config: RatingRunConfig }
  /** Takes effect at the next KD step. */
  | { type: 'set-distill'; distill: RatingDistillConfig }
  /** Ends the run after the current epoch (the best weights so far are kept and tested). */
  | { type: 'stop' };

/** One model's validation errors after one of its epochs. */
export interface RatingEpochPoint {
  model: 'teacher' | 'student' | 'kd';
  epoch: number;
  valRmse: number;
  valMae: number;
}

/** One model's final row: test errors of its best epoch on validation, and its size. */
export interface RatingModelSummary {
  rmse: number;
  mae: number;
  params: number;
  bestEpoch: number;
  valRmse: number;
}

/** The rating task's events. */
export type RatingEvent =
  | { type: 'progress'; phase: 'split' | 'teacher' | 'students' | 'testing'; fraction: number }
  | { type: 'epoch'; point: RatingEpochPoint }
  | { type: 'result'; teacher: RatingModelSummary; student: RatingModelSummary; kd: RatingModelSummary; seconds: number; stopped: boolean }
  | { type: 'error'; message: string };

/** A transfer experiment for the worker: the interactions, each item's domain, and the shares of target data to try. */
export interface TransferRequest {
  nUsers: number;
  users: Int32Array;
  items: Int32Array;
  /** Per dense item: 0 source, 1 target, −1 neither (transfer/domains.ts). */
  domainOf: Int8Array;
  /** Shares of each user's target training data kept, one full run each (several: the keep curve). */
  keeps: number[];
  seed: number;
  /** Most epochs per mode (each mode stops earlier when validation stops improving). */
  maxEpochs: number;
  /** Weight decay values every mode tries, the best on the target validation item kept (`[0]`: epochs alone are tuned). */
  l2s: number[];
  /** Weight decay values of the source pretraining, the best on the source validation item kept. */
  pretrainL2s: number[];
}


/** Where a transfer run stands. */
export interface TransferProgress {
  /** The keep being run, or null while pretraining on the source. */
  keep: number | null;
  phase: TransferPhase;
  epoch: number;
  /** 0..1 over the whole request (an estimate: modes stop early). */
  fraction: number;
  numTensors: number;
  /** The weight decay being tried, when the phase tries several (null when it tries one). */
  l2: number | null;
}

/** Run state as the worker sees it. */
export type RunStatus = 'empty' | 'warming' | 'ready' | 'running' | 'paused' | 'finishing' | 'done';

/** Soft labels of one user at the current T (the teacher's top-N items, entropies, held-out item). */
export type SoftLabels = SoftLabelView & { user: number };

/** Top-10 lists of one user from each model (unseen items only). */
export interface Recommendations {
  user: number;
  teacher: Int32Array;
  student: Int32Array;
  kd: Int32Array;
}

/** Where a run stands: the payload of a `progress` message. */
export interface Progress {
  status: RunStatus;
  /** Message-table key of what is happening (warm-up, loading the teacher, testing …). */
  phase: string;
  /** 0..1 within the phase, or null when unknown. */
  fraction: number | null;
  step: number;
  epoch: number;
  totalSteps: number;
  numTensors: number;
  gpuBytes: number | null;
}

/** Messages from the worker to the studio. */
export type FromWorker =
  | { type: 'ready'; report: BackendReport }
  | ({ type: 'progress' } & Progress)
  | { type: 'metrics'; rows: LossRow[]; val: ValPoint[] }
  | { type: 'soft-labels'; labels: SoftLabels }
  | { type: 'recommendations'; recs: Recommendations }
  | { type: 'comparison'; teacher: ModelReport; student: ModelReport; kd: ModelReport; overlapKd: number; overlapStudent: number }
  | { type: 'error'; message: string; recoverable: boolean; notice?: WorkerNotice }
  /** The compression sweep: points scored so far (total 0 while the weights are read). */
  | { type: 'compress-progress'; done: number; total: number }
  | { type: 'compress-done'; report: CompressReport }
  | { type: 'compress-failed'; message: string }
  | { type: 'sweep'; event: SweepEvent }
  | { type: 'model-export'; id: number; result: ModelExport | { error: string } }
  | { type: 'rating'; event: RatingEvent }
  | ({ type: 'transfer-progress' } & TransferProgress)
  | { type: 'transfer-result'; result: TransferResult }
  | { type: 'transfer-done'; cancelled: boolean }
  | { type: 'transfer-error'; message: string };


export type SweepCommand = { kind: 'start'; request: SweepRequest } | { kind: 'cancel' };

/** Why the worker would not start a sweep (message-table keys `sweep.refused.<reason>`). */
export type SweepRefusal = 'training' | 'noRun' | 'noTeacher' | 'busy' | 'badGrid';

/**
 * What a sweep reports. Cell 0 is the student-alone baseline, cells 1..n the grid in T-major order
 * (cell 1 + i·alphas.length + j is temperatures[i], alphas[j]).
 */
export type SweepEvent =
  | { kind: 'refused'; reason: SweepRefusal }
  /** The main run's play or step was refused because a sweep holds the worker. */
  | { kind: 'blocksRun' }
  | { kind: 'started'; request: SweepRequest; cells: number }
  | { kind: 'progress'; cell: number; fraction: number }
  | { kind: 'baseline'; ndcg: number }
  | { kind: 'cell'; ti: number; ai: number; ndcg: number }
  | { kind: 'done'; seconds: number; numTensors: number }
  | { kind: 'cancelled'; numTensors: number }
  | { kind: 'failed'; message: string };

/** Which trained model to export. */
export type ExportableModel = 'teacher' | 'student' | 'kd';

/** Ask for one trained model in tf.js layers format (exportJob.ts). */
export interface ExportRequest {
  /** Pairs the answer with the request. */
  id: number;
  model: ExportableModel;
  /** The user whose scores go into the model's metadata as a check a loader can repeat. */
  probeUser: number;
  /** Written into the model's metadata so dense ids can be mapped back to the file's keys. */
  userKeys: string[];
  itemKeys: string[];
  datasetName: string;
}

/** A trained model as tf.io.browserDownloads writes it: model.json text and one weights file. */
export interface ModelExport {
  model: ExportableModel;
  /** model.json; its weightsManifest points at `weightsName`. */
  modelJson: string;
  weightsName: string;
  weights: ArrayBuffer;
}

/**
 * What an error or warning from the worker means, as a message-table key plus values, so the
 * studio words it in its language; `message` keeps the English sentence for logs and tests.
 */
export type WorkerNotice =
  | { key: 'notice.noDeviceToLose' }
  | { key: 'notice.workerNoCheckpoint' }
  | { key: 'notice.checkpointUnreadable'; detail: string }
  | { key: 'notice.checkpointOtherSplit'; fitted: string; current: string }
  | { key: 'notice.checkpointOtherDim' | 'notice.checkpointOtherHidden'; fitted: number; wanted: number }
  | { key: 'notice.deviceLost'; from: BackendName; to: BackendName; step: number }
  | { key: 'notice.workerCrashed'; detail: string }
  | { key: 'notice.workerCrashedUnknown' };

/** Exhaustiveness check for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
