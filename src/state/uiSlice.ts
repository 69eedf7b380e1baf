/**
 * UI slice: the inspected user, the language, and the notices area. Notices are keys plus
 * values (see notices.ts), worded by the panel in the current language.
 */
import type { StateCreator } from 'zustand';
import type { Notice, NoticeKey, NoticeLevel, NoticeVars } from './notices';
import type { StudioState } from './store';

/** At most this many notices stay on screen; the oldest go first. */
const MAX_NOTICES = 6;

export interface UiState {
  /** Dense index of the user the soft-label panel and the inspector show, or null. */
  selectedUser: number | null;
  /** Language code of the message table in use (e.g. 'en'). */
  language: string;
  notices: Notice[];
  nextNoticeId: number;
}

export interface UiSlice {
  ui: UiState;
  selectUser(user: number | null): void;
  setLanguage(language: string): void;
  /** Adds a notice unless the same one (key and values) is already shown. */
  pushNotice(level: NoticeLevel, key: NoticeKey, vars?: NoticeVars): void;
  dismissNotice(id: number): void;
}

export const initialUiState: UiState = { selectedUser: null, language: 'en', notices: [], nextNoticeId: 1 };

const sameVars = (a: NoticeVars, b: NoticeVars): boolean => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

export const createUiSlice: StateCreator<StudioState, [], [], UiSlice> = (set) => {
  const patch = (f: (u: UiState) => Partial<UiState>) => set((s) => ({ ui: { ...s.ui, ...f(s.ui) } }));
  return {
    ui: initialUiState,
    selectUser: (selectedUser) => patch(() => ({ selectedUser })),
    setLanguage: (language) => patch(() => ({ language })),
    pushNotice: (level, key, vars = {}) =>
      patch((u) => {
        if (u.notices.some((n) => n.key === key && sameVars(n.vars, vars))) return {};
        const notice: Notice = { id: u.nextNoticeId, level, key, vars };
        return { notices: [...u.notices, notice].slice(-MAX_NOTICES), nextNoticeId: u.nextNoticeId + 1 };
      }),
    dismissNotice: (id) => patch((u) => ({ notices: u.notices.filter((n) => n.id !== id) })),
  };
};

/** Narrow reads of the ui slice for panels. */
export const uiSelectors = {
  selectedUser: (s: StudioState) => s.ui.selectedUser,
  language: (s: StudioState) => s.ui.language,
  notices: (s: StudioState) => s.ui.notices,
};
