/**
 * The studio's one store: slices (dataset, config, run, ui, compress, sweep, lesson, history), one per file, combined here.
 * Middleware would go here and only here; none is needed yet. `createStudioStore` makes a fresh
 * store for tests; the page uses `studioStore` through the `useStudio` hook.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCompressSlice, type CompressSlice } from './compressSlice';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createRatingSlice, type RatingSlice } from './ratingSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSweepSlice, type SweepSlice } from './sweepSlice';
import { createLessonSlice, type LessonSlice } from './lessonSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** Everything the store holds: the slices' state objects and their actions. */
export type StudioState = DatasetSlice & ConfigSlice & RunSlice & UiSlice & CompressSlice & SweepSlice & LessonSlice & HistorySlice & RatingSlice;

/** A vanilla store of the studio's state. */
export type StudioStore = StoreApi<StudioState>;

/** A fresh store with every slice at its initial state. */
export function createStudioStore(): StudioStore {
  return createStore<StudioState>()((...a) => ({
    ...createDatasetSlice(...a),
    ...createConfigSlice(...a),
    ...createRunSlice(...a),
    ...createUiSlice(...a),
    ...createCompressSlice(...a),
    ...createSweepSlice(...a),
    ...createLessonSlice(...a),
    ...createHistorySlice(...a),
    ...createRatingSlice(...a),
  }));
}

/** The page's store. */
export const studioStore: StudioStore = createStudioStore();

/**
 * Reads a narrow part of the page's store and re-renders only when that part changes.
 * Wrap selectors that build objects or arrays in `useShallow`.
 * @example const rows = useStudio(runSelectors.rows);
 */
export function useStudio<T>(selector: (s: StudioState) => T): T {
  return useStore(studioStore, selector);
}
