/**
 * Compression slice: what the worker reported about the last sweep (progress, the report, or why
 * it failed), and which int8 point the chart shows. The sweep's settings are in the config slice
 * (they travel in a link). A new run or reset clears the report: it described models that are gone.
 */
import type { StateCreator } from 'zustand';
import type { CompressReport } from '../compress/types';
import type { StudioState } from './store';

/** How the int8 point on the chart is quantised (the table shows both). */
export type Int8View = 'row' | 'tensor';

export interface CompressState {
  int8View: Int8View;
  status: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report: CompressReport | null;
  error: string | null;
}

export interface CompressSlice {
  compress: CompressState;
  setInt8View(view: Int8View): void;
  compressStarted(): void;
  compressProgress(done: number, total: number): void;
  compressDone(report: CompressReport): void;
  compressFailed(message: string): void;
  /** The models changed (new run, reset): the old report goes. */
  compressCleared(): void;
}

export const initialCompressState: CompressState = {
  int8View: 'row',
  status: 'idle',
  done: 0,
  total: 0,
  report: null,
  error: null,
};

export const createCompressSlice: StateCreator<StudioState, [], [], CompressSlice> = (set) => {
  const patch = (f: (c: CompressState) => Partial<CompressState>) => set((s) => ({ compress: { ...s.compress, ...f(s.compress) } }));
  return {
    compress: initialCompressState,
    setInt8View: (int8View) => patch(() => ({ int8View })),
    compressStarted: () => patch(() => ({ status: 'running', done: 0, total: 0, error: null })),
    compressProgress: (done, total) => patch((c) => (c.status === 'running' ? { done, total } : {})),
    compressDone: (report) => patch(() => ({ status: 'done', report, error: null })),
    compressFailed: (error) => patch(() => ({ status: 'failed', error })),
    compressCleared: () => patch(() => ({ status: 'idle', done: 0, total: 0, report: null, error: null })),
  };
};

/** Narrow reads of the compression slice for the panel. */
export const compressSelectors = {
  config: (s: StudioState) => s.config.compress,
  int8View: (s: StudioState) => s.compress.int8View,
  status: (s: StudioState) => s.compress.status,
  done: (s: StudioState) => s.compress.done,
  total: (s: StudioState) => s.compress.total,
  report: (s: StudioState) => s.compress.report,
  error: (s: StudioState) => s.compress.error,
};
