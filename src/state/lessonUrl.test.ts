import { describe, expect, it } from 'vitest';
import { hashForStep, lessonStepFromHash, presenterFromSearch, startLessonUrl, type HashTarget } from './lessonUrl';
import { createStudioStore } from './store';

function fakeHash(search: string, hash: string) {
  const listeners: (() => void)[] = [];
  let current = hash;
  const t: HashTarget & { set(h: string): void; writes: string[] } = {
    get hash() {
      return current;
    },
    search,
    writes: [],
    replaceHash(h) {
      current = h;
      t.writes.push(h);
    },
    onHashChange(l) {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    set(h) {
      current = h;
      for (const l of listeners) l();
    },
  };
  return t;
}

describe('lesson in the URL', () => {
  it('reads #lesson=N and presenter=1', () => {
    expect(lessonStepFromHash('#lesson=3')).toBe(3);
    expect(lessonStepFromHash('lesson=12')).toBe(12);
    expect(lessonStepFromHash('#lesson=0')).toBeNull();
    expect(lessonStepFromHash('#lesson=x')).toBeNull();
    expect(lessonStepFromHash('#top')).toBeNull();
    expect(presenterFromSearch('?T=1&presenter=1')).toBe(true);
    expect(presenterFromSearch('?presenter')).toBe(true);
    expect(presenterFromSearch('?presenter=0')).toBe(false);
    expect(presenterFromSearch('?T=1')).toBe(false);
    expect(hashForStep(null)).toBe('');
    expect(hashForStep(4)).toBe('#lesson=4');
  });

  it('opens the step the hash names, follows hash changes, and writes the step back', () => {
    const store = createStudioStore();
    const target = fakeHash('?presenter=1', '#lesson=3');
    const stop = startLessonUrl(store, target);
    expect(store.getState().lesson).toEqual({ step: 3, presenter: true });
    store.getState().lessonGoTo(4);
    expect(target.hash).toBe('#lesson=4');
    target.set('#lesson=6');
    expect(store.getState().lesson.step).toBe(6);
    store.getState().lessonClose();
    expect(target.hash).toBe('');
    stop();
    store.getState().lessonGoTo(2);
    expect(target.hash).toBe('');
  });

  it('leaves a foreign anchor alone while the lesson stays closed', () => {
    const store = createStudioStore();
    const target = fakeHash('', '#credits');
    startLessonUrl(store, target);
    expect(store.getState().lesson.step).toBeNull();
    store.getState().setPresenter(true);
    expect(target.writes).toEqual([]);
  });
});
