/**
 * Dataset slice: what is loaded, its statistics and split, and the state of a load in progress.
 * A failed load sets `error` and leaves the dataset that was there before untouched (issue 4).
 */
import type { StateCreator } from 'zustand';
import type { DataText } from '../data/messages';
import type { Dataset, DatasetStats, RatingsFormat, Split } from '../data/types';
import type { StudioState } from './store';

/** The format selector's choices: detect, or force one layout. */
export type FormatChoice = 'auto' | RatingsFormat;

/** A loaded dataset with everything the panels show about it. */
export interface LoadedDataset {
  dataset: Dataset;
  stats: DatasetStats;
  split: Split;
  /** Why this dataset cannot train (checkTrainable's sentence), or null when it can. */
  blocker: DataText | null;
  /** Sentences from parsing: skipped lines, merged duplicates … */
  warnings: DataText[];
  /** Titles read from a titles file, or null when none was given. */
  titleCount: number | null;
}

export interface DatasetState {
  current: LoadedDataset | null;
  /** Name of the file (or dataset) being loaded, or null when idle. */
  loading: string | null;
  /** 0..1 while parsing, null when idle. */
  progress: number | null;
  /** The last load's refusal (names the file and line) as key + values, or an error's own text (a failed fetch), or null. */
  error: DataText | string | null;
  format: FormatChoice;
}

export interface DatasetSlice {
  dataset: DatasetState;
  /** A load started (clears the previous error, keeps the current dataset). */
  datasetLoading(name: string): void;
  datasetProgress(fraction: number): void;
  datasetLoaded(loaded: LoadedDataset): void;
  /** A load failed: the message is shown, the dataset loaded before stays. */
  datasetFailed(message: DataText | string): void;
  /** A new split of the current dataset (split seed changed). */
  datasetResplit(split: Split, blocker: DataText | null): void;
  setFormat(format: FormatChoice): void;
}

export const initialDatasetState: DatasetState = { current: null, loading: null, progress: null, error: null, format: 'auto' };

export const createDatasetSlice: StateCreator<StudioState, [], [], DatasetSlice> = (set) => {
  const patch = (p: Partial<DatasetState>) => set((s) => ({ dataset: { ...s.dataset, ...p } }));
  return {
    dataset: initialDatasetState,
    datasetLoading: (name) => patch({ loading: name, progress: 0, error: null }),
    datasetProgress: (fraction) => patch({ progress: fraction }),
    datasetLoaded: (loaded) => patch({ current: loaded, loading: null, progress: null, error: null }),
    datasetFailed: (message) => patch({ loading: null, progress: null, error: message }),
    datasetResplit: (split, blocker) =>
      set((s) => (s.dataset.current ? { dataset: { ...s.dataset, current: { ...s.dataset.current, split, blocker } } } : {})),
    setFormat: (format) => patch({ format }),
  };
};

/** Narrow reads of the dataset slice for panels. */
export const datasetSelectors = {
  current: (s: StudioState) => s.dataset.current,
  stats: (s: StudioState) => s.dataset.current?.stats ?? null,
  split: (s: StudioState) => s.dataset.current?.split ?? null,
  name: (s: StudioState) => s.dataset.current?.dataset.name ?? null,
  source: (s: StudioState) => s.dataset.current?.dataset.source ?? null,
  blocker: (s: StudioState) => s.dataset.current?.blocker ?? null,
  warnings: (s: StudioState) => s.dataset.current?.warnings ?? NO_WARNINGS,
  loading: (s: StudioState) => s.dataset.loading,
  progress: (s: StudioState) => s.dataset.progress,
  error: (s: StudioState) => s.dataset.error,
  format: (s: StudioState) => s.dataset.format,
  titles: (s: StudioState) => s.dataset.current?.dataset.titles ?? null,
  itemKeys: (s: StudioState) => s.dataset.current?.dataset.itemKeys ?? EMPTY,
  userKeys: (s: StudioState) => s.dataset.current?.dataset.userKeys ?? EMPTY,
};

/** One shared empty array, so selectors return a stable reference when there is nothing. */
const EMPTY: string[] = [];
const NO_WARNINGS: DataText[] = [];
