/**
 * Lesson slice: whether the guided lesson is open and at which step, and presenter mode (advanced
 * controls hidden for a projected screen). The URL carries both (lessonUrl.ts): `#lesson=3`,
 * `?presenter=1`. The steps themselves are UI data (src/ui/lesson/steps.ts); this is only a number.
 */
import type { StateCreator } from 'zustand';
import type { StudioState } from './store';

export interface LessonState {
  /** 1-based step shown, or null when the lesson is closed. */
  step: number | null;
  presenter: boolean;
}

export interface LessonSlice {
  lesson: LessonState;
  /** Opens the lesson at `step` (1-based), or moves it there. */
  lessonGoTo(step: number): void;
  lessonClose(): void;
  setPresenter(on: boolean): void;
}

export const createLessonSlice: StateCreator<StudioState, [], [], LessonSlice> = (set) => ({
  lesson: { step: null, presenter: false },
  lessonGoTo: (step) => set((s) => ({ lesson: { ...s.lesson, step } })),
  lessonClose: () => set((s) => ({ lesson: { ...s.lesson, step: null } })),
  setPresenter: (presenter) => set((s) => ({ lesson: { ...s.lesson, presenter } })),
});

export const lessonSelectors = {
  step: (s: StudioState) => s.lesson.step,
  presenter: (s: StudioState) => s.lesson.presenter,
};
