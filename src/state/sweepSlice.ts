/**
 * Sweep slice: the T × α grid the worker is measuring or has measured (validation NDCG@10 per
 * cell, the student-alone baseline, progress). Only worker events (through the bridge) write it.
 */
import type { StateCreator } from 'zustand';
import type { SweepEvent, SweepRefusal, SweepRequest } from '../train/protocol';
import type { StudioState } from './store';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SweepState {
  status: SweepStatus;
  request: SweepRequest | null;
  /** Cell being trained (0 = the baseline) and its fraction done. */
  cell: number;
  cells: number;
  fraction: number;
  /** Validation NDCG@10 of the student alone, once measured. */
  baseline: number | null;
  /** NDCG@10 per [temperature][α], null until measured. */
  grid: (number | null)[][];
  seconds: number | null;
  /** Tensors alive in the worker when the sweep ended (flat when nothing leaked). */
  numTensors: number | null;
  /** The worker's last refusal, until the next start. */
  refusal: SweepRefusal | 'blocksRun' | null;
  error: string | null;
}

export interface SweepSlice {
  sweep: SweepState;
  /** Applies one worker event. */
  sweepEvent(e: SweepEvent): void;
  /** The worker went away (a new load): a sweep in flight ends as cancelled. */
  sweepWorkerGone(): void;
}

export const initialSweepState: SweepState = {
  status: 'idle',
  request: null,
  cell: 0,
  cells: 0,
  fraction: 0,
  baseline: null,
  grid: [],
  seconds: null,
  numTensors: null,
  refusal: null,
  error: null,
};

/** The state after event `e`. */
export function nextSweepState(s: SweepState, e: SweepEvent): SweepState {
  switch (e.kind) {
    case 'refused':
      return { ...s, refusal: e.reason };
    case 'blocksRun':
      return { ...s, refusal: 'blocksRun' };
    case 'started':
      return {
        ...initialSweepState,
        status: 'running',
        request: e.request,
        cells: e.cells,
        grid: e.request.temperatures.map(() => e.request.alphas.map(() => null)),
      };
    case 'progress':
      return { ...s, cell: e.cell, fraction: e.fraction };
    case 'baseline':
      return { ...s, baseline: e.ndcg };
    case 'cell':
      return { ...s, grid: s.grid.map((row, i) => (i === e.ti ? row.map((v, j) => (j === e.ai ? e.ndcg : v)) : row)) };
    case 'done':
      return { ...s, status: 'done', cell: s.cells, fraction: 1, seconds: e.seconds, numTensors: e.numTensors };
    case 'cancelled':
      return { ...s, status: 'cancelled', numTensors: e.numTensors };
    case 'failed':
      return { ...s, status: 'failed', error: e.message };
  }
}

export const createSweepSlice: StateCreator<StudioState, [], [], SweepSlice> = (set) => ({
  sweep: initialSweepState,
  sweepEvent: (e) => set((s) => ({ sweep: nextSweepState(s.sweep, e) })),
  sweepWorkerGone: () => set((s) => (s.sweep.status === 'running' ? { sweep: { ...s.sweep, status: 'cancelled', numTensors: null } } : {})),
});

/** The best measured cell, or null before any. */
export function bestCell(grid: readonly (readonly (number | null)[])[]): { ti: number; ai: number; ndcg: number } | null {
  let best: { ti: number; ai: number; ndcg: number } | null = null;
  grid.forEach((row, ti) =>
    row.forEach((v, ai) => {
      if (v !== null && (!best || v > best.ndcg)) best = { ti, ai, ndcg: v };
    }),
  );
  return best;
}

export const sweepSelectors = {
  sweep: (s: StudioState) => s.sweep,
  running: (s: StudioState) => s.sweep.status === 'running',
};
