/**
 * The one protocol between the studio (main thread) and the training worker: a discriminated
 * union each way, tied tag → payload so a `switch` narrows without casts. Plain numbers and typed
 * arrays only: no tensor crosses the boundary. Both sides import this file with `import type`
 * except for `assertNever` and the constants.
 */
import type { Split } from '../data/types';
import type { DistillConfig } from '../distill/config';
import type { SoftLabelView } from '../distill/softLabels';
import type { RankingMetrics } from '../eval/metrics';
import type { LossRow } from './engine';
import type { TrainConfig } from './config';
import type { TransferPhase, TransferResult } from './transferRun';

/** A tf.js backend the studio can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What the backend probe found, for the badge and its "why". */
export interface BackendReport {
  backend: BackendName;
  /** Message-table key of the reason, plus values to fill in. */
  reason: BackendReason;
  /** WebGPU adapter, when one was found. */
  adapter: { vendor: string; architecture: string; description: string; isFallback: boolean } | null;
  /** WebGL renderer string, when WebGL was looked at. */
  webglRenderer: string | null;
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
  | { type: 'transfer-run'; request: TransferRequest }
  | { type: 'transfer-cancel' };

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
  | { type: 'error'; message: string; recoverable: boolean }
  | ({ type: 'transfer-progress' } & TransferProgress)
  | { type: 'transfer-result'; result: TransferResult }
  | { type: 'transfer-done'; cancelled: boolean }
  | { type: 'transfer-error'; message: string };

/** Exhaustiveness check for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
