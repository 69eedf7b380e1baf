/**
 * History slice: what is kept across reloads — finished runs (and imported reports), uploaded
 * datasets — which runs are overlaid on the comparison chart, and how much space it all takes.
 * runHistory.ts and datasetStore.ts write here after IndexedDB answered; panels only read.
 */
import type { StateCreator } from 'zustand';
import type { RunReport } from './runReport';
import type { StudioState } from './store';

/** An uploaded dataset kept for the next visit (its bytes stay in IndexedDB). */
export interface StoredDatasetInfo {
  id: string;
  /** The ratings file's name. */
  name: string;
  titlesName: string | null;
  /** Bytes of the ratings and titles files together. */
  bytes: number;
  /** ISO 8601. */
  savedAt: string;
}

export interface HistoryState {
  /** Newest first. */
  runs: RunReport[];
  /** Ids of the runs overlaid on the chart, in the order they were picked. */
  overlay: string[];
  datasets: StoredDatasetInfo[];
  /** navigator.storage.estimate(), when the browser gives one. */
  usage: { usage: number; quota: number } | null;
  /** False when IndexedDB cannot be used: runs and uploads then last until the page closes. */
  persistent: boolean;
}

export interface HistorySlice {
  history: HistoryState;
  historyLoaded(runs: RunReport[], datasets: StoredDatasetInfo[], persistent: boolean): void;
  runAdded(r: RunReport): void;
  runRenamed(id: string, name: string): void;
  runRemoved(id: string): void;
  toggleOverlay(id: string): void;
  datasetsListed(datasets: StoredDatasetInfo[]): void;
  usageMeasured(usage: HistoryState['usage']): void;
}

export const initialHistoryState: HistoryState = { runs: [], overlay: [], datasets: [], usage: null, persistent: true };

const newestFirst = (a: RunReport, b: RunReport) => b.createdAt.localeCompare(a.createdAt);

export const createHistorySlice: StateCreator<StudioState, [], [], HistorySlice> = (set) => {
  const patch = (f: (h: HistoryState) => Partial<HistoryState>) => set((s) => ({ history: { ...s.history, ...f(s.history) } }));
  return {
    history: initialHistoryState,
    historyLoaded: (runs, datasets, persistent) =>
      patch((h) => {
        const ids = new Set(runs.map((r) => r.id));
        // runs added while the database was being read stay
        const all = [...runs, ...h.runs.filter((r) => !ids.has(r.id))].sort(newestFirst);
        return { runs: all, datasets, persistent };
      }),
    runAdded: (r) => patch((h) => ({ runs: [r, ...h.runs.filter((x) => x.id !== r.id)].sort(newestFirst) })),
    runRenamed: (id, name) => patch((h) => ({ runs: h.runs.map((r) => (r.id === id ? { ...r, name } : r)) })),
    runRemoved: (id) => patch((h) => ({ runs: h.runs.filter((r) => r.id !== id), overlay: h.overlay.filter((x) => x !== id) })),
    toggleOverlay: (id) => patch((h) => ({ overlay: h.overlay.includes(id) ? h.overlay.filter((x) => x !== id) : [...h.overlay, id] })),
    datasetsListed: (datasets) => patch(() => ({ datasets })),
    usageMeasured: (usage) => patch(() => ({ usage })),
  };
};

/** Narrow reads of the history slice for panels. */
export const historySelectors = {
  runs: (s: StudioState) => s.history.runs,
  overlay: (s: StudioState) => s.history.overlay,
  datasets: (s: StudioState) => s.history.datasets,
  usage: (s: StudioState) => s.history.usage,
  persistent: (s: StudioState) => s.history.persistent,
};
