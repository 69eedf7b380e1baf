/**
 * Run slice: what the training worker reports, and nothing else writes here. Metric series only
 * grow (appended in coalesced batches by the bridge) until a load or reset starts a new run.
 */
import type { StateCreator } from 'zustand';
import type { LossRow } from '../train/engine';
import type { BackendReport, FromWorker, Progress, Recommendations, SoftLabels, ValPoint } from '../train/protocol';
import type { StudioState } from './store';

/** The end-of-run report: teacher / student alone / KD student side by side. */
export type Comparison = Omit<Extract<FromWorker, { type: 'comparison' }>, 'type'>;
/** One progress message, as the worker sent it. */
export type { Progress };

/** Since when the KD student's validation NDCG@10 has been above the student alone's. */
export interface KdAhead {
  step: number;
  /** ms after play was first pressed. */
  ms: number;
}

export interface RunState extends Progress {
  /** The backend report of the current worker, or null while it starts. */
  backend: BackendReport | null;
  rows: LossRow[];
  val: ValPoint[];
  /** Start of the current streak of KD ahead of the student alone, or null. */
  kdAhead: KdAhead | null;
  softLabels: SoftLabels | null;
  recs: Recommendations | null;
  comparison: Comparison | null;
}

export interface RunSlice {
  run: RunState;
  /** A new worker is starting: everything from the previous one goes. */
  runStarting(): void;
  /** No worker (no dataset, or one that cannot train). */
  runIdle(): void;
  /** A load or reset was sent: series and results of the previous run go, the backend stays. */
  runCleared(): void;
  runReady(report: BackendReport): void;
  runProgress(p: Progress): void;
  /** Appends a coalesced batch of loss rows and validation points. */
  runMetrics(rows: readonly LossRow[], val: readonly ValPoint[]): void;
  runSoftLabels(labels: SoftLabels): void;
  runRecs(recs: Recommendations): void;
  runComparison(c: Comparison): void;
}

export const initialRunState: RunState = {
  status: 'empty',
  phase: 'progress.idle',
  fraction: null,
  step: 0,
  epoch: 0,
  totalSteps: 0,
  numTensors: 0,
  gpuBytes: null,
  backend: null,
  rows: [],
  val: [],
  kdAhead: null,
  softLabels: null,
  recs: null,
  comparison: null,
};

/** The KD-ahead streak after new validation points: starts at the first point of a streak, ends when KD falls back. */
export function nextKdAhead(prev: KdAhead | null, val: readonly ValPoint[]): KdAhead | null {
  let ahead = prev;
  for (const v of val) {
    if (v.kd.ndcg > v.student.ndcg) ahead ??= { step: v.step, ms: v.ms };
    else ahead = null;
  }
  return ahead;
}

export const createRunSlice: StateCreator<StudioState, [], [], RunSlice> = (set) => {
  const patch = (f: (r: RunState) => Partial<RunState>) => set((s) => ({ run: { ...s.run, ...f(s.run) } }));
  return {
    run: initialRunState,
    runStarting: () => patch(() => ({ ...initialRunState, phase: 'progress.starting' })),
    runIdle: () => patch(() => initialRunState),
    runCleared: () =>
      patch(() => ({ rows: [], val: [], kdAhead: null, comparison: null, softLabels: null, recs: null, step: 0, epoch: 0, fraction: null })),
    runReady: (backend) => patch(() => ({ backend })),
    runProgress: (p) => patch(() => ({ ...p })),
    runMetrics: (rows, val) =>
      patch((r) => ({
        rows: rows.length ? [...r.rows, ...rows] : r.rows,
        val: val.length ? [...r.val, ...val] : r.val,
        kdAhead: val.length ? nextKdAhead(r.kdAhead, val) : r.kdAhead,
      })),
    runSoftLabels: (softLabels) => patch(() => ({ softLabels })),
    runRecs: (recs) => patch(() => ({ recs })),
    runComparison: (comparison) => patch(() => ({ comparison })),
  };
};

/** Narrow reads of the run slice for panels. */
export const runSelectors = {
  status: (s: StudioState) => s.run.status,
  phase: (s: StudioState) => s.run.phase,
  fraction: (s: StudioState) => s.run.fraction,
  step: (s: StudioState) => s.run.step,
  epoch: (s: StudioState) => s.run.epoch,
  totalSteps: (s: StudioState) => s.run.totalSteps,
  numTensors: (s: StudioState) => s.run.numTensors,
  gpuBytes: (s: StudioState) => s.run.gpuBytes,
  backend: (s: StudioState) => s.run.backend,
  rows: (s: StudioState) => s.run.rows,
  val: (s: StudioState) => s.run.val,
  kdAhead: (s: StudioState) => s.run.kdAhead,
  softLabels: (s: StudioState) => s.run.softLabels,
  recs: (s: StudioState) => s.run.recs,
  comparison: (s: StudioState) => s.run.comparison,
  /** Whether play makes sense now. */
  canPlay: (s: StudioState) => s.run.status === 'ready' || s.run.status === 'paused',
  isRunning: (s: StudioState) => s.run.status === 'running' || s.run.status === 'finishing',
};
