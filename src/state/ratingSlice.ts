/**
 * Rating-task slice: the run's state, its per-epoch validation errors and the final table. Fed
 * only by ratingRunner.ts (worker events → actions). The panel's settings are in the config slice.
 */
import type { StateCreator } from 'zustand';
import type { RatingEpochPoint, RatingEvent, RatingModelSummary } from '../train/protocol';
import type { StudioState } from './store';

/** Final rows of a rating run. */
export interface RatingResult {
  teacher: RatingModelSummary;
  student: RatingModelSummary;
  kd: RatingModelSummary;
  seconds: number;
  stopped: boolean;
}

export interface RatingState {
  status: 'idle' | 'running' | 'done' | 'error';
  phase: Extract<RatingEvent, { type: 'progress' }>['phase'] | null;
  fraction: number;
  points: RatingEpochPoint[];
  result: RatingResult | null;
  error: string | null;
}

export interface RatingSlice {
  rating: RatingState;
  ratingStarted(): void;
  ratingEvent(e: RatingEvent): void;
}

export const initialRatingState: RatingState = {
  status: 'idle',
  phase: null,
  fraction: 0,
  points: [],
  result: null,
  error: null,
};

export const createRatingSlice: StateCreator<StudioState, [], [], RatingSlice> = (set) => {
  const patch = (f: (r: RatingState) => Partial<RatingState>) => set((s) => ({ rating: { ...s.rating, ...f(s.rating) } }));
  return {
    rating: initialRatingState,
    ratingStarted: () => patch(() => ({ status: 'running', phase: 'split', fraction: 0, points: [], result: null, error: null })),
    ratingEvent: (e) =>
      patch((r) => {
        switch (e.type) {
          case 'progress':
            return { phase: e.phase, fraction: e.fraction };
          case 'epoch':
            return { points: [...r.points, e.point] };
          case 'result': {
            const { type: _, ...result } = e;
            return { status: 'done', phase: null, fraction: 1, result };
          }
          case 'error':
            return { status: 'error', phase: null, error: e.message };
        }
      }),
  };
};

/** Selectors of the rating slice. */
export const ratingSelectors = {
  rating: (s: StudioState) => s.rating,
  hasRatings: (s: StudioState) => s.dataset.current?.dataset.ratings != null,
};
