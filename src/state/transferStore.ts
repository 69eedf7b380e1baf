/**
 * The transfer panel's state: the files its rules read, where a run stands and the results per
 * keep. A store of its own (the panel runs its own worker), fed only by the transfer bridge. The
 * panel's settings are in the studio's config slice (they travel in a link).
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataText } from '../data/messages';
import type { Dataset } from '../data/types';
import type { TransferProgress } from '../train/protocol';
import type { TransferResult } from '../train/transferRun';

export type TransferStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A file the rules read: the id list (rule `ids`) or the target ratings file (rule `file`). */
export type RuleFileKind = 'ids' | 'file';

/** A rule file being read, or why it could not be (the parser's sentence, naming file and line). */
export type RuleFileState = { status: 'loading'; name: string; fraction: number | null } | { status: 'failed'; name: string; error: DataText | string };

export interface TransferState {
  /** The source item ids of rule `ids`, as read from the list file. */
  idList: { name: string; ids: ReadonlySet<string> } | null;
  /** The target domain of rule `file`: the second ratings file, parsed as an upload is. */
  targetFile: { name: string; dataset: Dataset } | null;
  /** Per rule file: being read, or refused (the last good file stays in use). */
  ruleFiles: Partial<Record<RuleFileKind, RuleFileState>>;
  status: TransferStatus;
  progress: TransferProgress | null;
  /** One result per keep, in the order they finished. */
  results: TransferResult[];
  /** The keeps of the run, for the results view. */
  keeps: number[];
  error: string | null;
  ruleFileLoading(which: RuleFileKind, name: string, fraction: number | null): void;
  ruleFileFailed(which: RuleFileKind, name: string, error: DataText | string): void;
  idListLoaded(name: string, ids: ReadonlySet<string>): void;
  targetFileLoaded(name: string, dataset: Dataset): void;
  started(keeps: number[]): void;
  progressed(p: TransferProgress): void;
  resulted(r: TransferResult): void;
  finished(cancelled: boolean): void;
  failed(message: string): void;
}

/** The keep curve's shares. */
export const CURVE_KEEPS = [0.05, 0.2, 0.5, 1];

export function createTransferStore(): StoreApi<TransferState> {
  return createStore<TransferState>()((set) => ({
    status: 'idle',
    progress: null,
    results: [],
    keeps: [],
    error: null,
    idList: null,
    targetFile: null,
    ruleFiles: {},
    ruleFileLoading: (which, name, fraction) => set((s) => ({ ruleFiles: { ...s.ruleFiles, [which]: { status: 'loading', name, fraction } } })),
    ruleFileFailed: (which, name, error) => set((s) => ({ ruleFiles: { ...s.ruleFiles, [which]: { status: 'failed', name, error } } })),
    idListLoaded: (name, ids) => set((s) => ({ idList: { name, ids }, ruleFiles: { ...s.ruleFiles, ids: undefined } })),
    targetFileLoaded: (name, dataset) => set((s) => ({ targetFile: { name, dataset }, ruleFiles: { ...s.ruleFiles, file: undefined } })),
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
