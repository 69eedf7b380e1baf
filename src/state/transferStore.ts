/**
 * The transfer panel's state: its settings, where a run stands and the results per keep. A store
 * of its own (the panel runs its own worker), fed only by the transfer bridge.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TransferProgress } from '../train/protocol';
import type { TransferResult } from '../train/transferRun';

export type TransferStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface TransferSettingsState {
  /** Year cut: books before it are the source, from it on the target. */
  cut: number;
  /** Share of each user's target training data kept, as a percentage. */
  keepPercent: number;
  /** Also run the keep curve (5, 20, 50, 100 %). */
  curve: boolean;
  maxEpochs: number;
  seed: number;
}

export interface TransferState {
  settings: TransferSettingsState;
  status: TransferStatus;
  progress: TransferProgress | null;
  /** One result per keep, in the order they finished. */
  results: TransferResult[];
  /** The keeps of the run, for the results view. */
  keeps: number[];
  error: string | null;
  setSettings(p: Partial<TransferSettingsState>): void;
  started(keeps: number[]): void;
  progressed(p: TransferProgress): void;
  resulted(r: TransferResult): void;
  finished(cancelled: boolean): void;
  failed(message: string): void;
}

/** The keep curve's shares. */
export const CURVE_KEEPS = [0.05, 0.2, 0.5, 1];

export const defaultTransferSettingsState: TransferSettingsState = { cut: 2000, keepPercent: 20, curve: false, maxEpochs: 25, seed: 1 };

export function createTransferStore(): StoreApi<TransferState> {
  return createStore<TransferState>()((set) => ({
    settings: defaultTransferSettingsState,
    status: 'idle',
    progress: null,
    results: [],
    keeps: [],
    error: null,
    setSettings: (p) => set((s) => ({ settings: { ...s.settings, ...p } })),
    started: (keeps) => set({ status: 'running', progress: null, results: [], keeps, error: null }),
    progressed: (p) => set({ progress: p }),
    resulted: (r) => set((s) => ({ results: [...s.results, r] })),
    finished: (cancelled) => set({ status: cancelled ? 'cancelled' : 'done', progress: null }),
    failed: (message) => set({ status: 'error', error: message, progress: null }),
  }));
}

export const transferStore = createTransferStore();

export function useTransfer<T>(selector: (s: TransferState) => T): T {
  return useStore(transferStore, selector);
}
