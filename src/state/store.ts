/**
 * The studio’s one store: five slices (dataset, config, run, ui, history), one per file, combined here.
 * Middleware would go here and only here; none is needed yet. `createStudioStore` makes a fresh
 * store for tests; the page uses `studioStore` through the `useStudio` hook.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCompressSlice, type CompressSlice } from './compressSlice';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** Everything the store holds: state objects `dataset`, `config`, `run`, `ui`, `history` and their actions. */
export type StudioState = DatasetSlice & ConfigSlice & RunSlice & UiSlice & CompressSlice & HistorySlice;

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
    ...createHistorySlice(...a),
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
