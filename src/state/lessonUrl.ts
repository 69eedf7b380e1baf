/**
 * The lesson in the address: `#lesson=N` opens step N (a shared link, or typed while the page is
 * open), and `?presenter=1` turns presenter mode on. The hash follows the step the lesson shows,
 * so reloading keeps the place; it is written with replaceState (no history entry per click).
 */
import type { StudioStore } from './store';

/** The step a hash asks for (`#lesson=3` → 3), or null when it names none. */
export function lessonStepFromHash(hash: string): number | null {
  const m = /^#?lesson=(\d{1,3})$/.exec(hash.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 ? n : null;
}

/** Whether a query string turns presenter mode on (`presenter=1`, `presenter=true` or a bare `presenter`). */
export function presenterFromSearch(search: string): boolean {
  const v = new URLSearchParams(search).get('presenter');
  return v !== null && ['1', 'true', 'yes', 'on', ''].includes(v.toLowerCase());
}

/** The hash for a lesson step (empty when closed). */
export const hashForStep = (step: number | null): string => (step === null ? '' : `#lesson=${step}`);

/** Where the hash lives (the window, or a test double). */
export interface HashTarget {
  readonly hash: string;
  readonly search: string;
  replaceHash(hash: string): void;
  onHashChange(listener: () => void): () => void;
}

export const browserHash: HashTarget = {
  get hash() {
    return window.location.hash;
  },
  get search() {
    return window.location.search;
  },
  replaceHash(hash) {
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    window.history.replaceState(window.history.state, '', url);
  },
  onHashChange(listener) {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  },
};

/** Reads the lesson and presenter mode from the address, then keeps the hash equal to the step shown. */
export function startLessonUrl(store: StudioStore, target: HashTarget = browserHash): () => void {
  const s = store.getState();
  s.setPresenter(presenterFromSearch(target.search));
  const fromHash = () => {
    const step = lessonStepFromHash(target.hash);
    if (step !== null && step !== store.getState().lesson.step) store.getState().lessonGoTo(step);
  };
  fromHash();
  const stopListening = target.onHashChange(fromHash);
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.lesson.step === prev.lesson.step) return;
    const want = hashForStep(next.lesson.step);
    const have = target.hash;
    // a hash that is not the lesson's (an anchor) is left alone while the lesson is closed
    if (want !== have && (want !== '' || lessonStepFromHash(have) !== null)) target.replaceHash(want);
  });
  return () => {
    stopListening();
    unsubscribe();
  };
}
