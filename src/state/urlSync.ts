/**
 * Keeps the address bar equal to the settings (the run's and every panel's) (history.replaceState), so copying it
 * reproduces the setup. Throttled: Chromium refuses more than ~100 history updates per 10 s, and
 * a slider drag changes T many times a second.
 */
import { DEFAULT_SETTINGS, type Settings } from '../settings/defaults';
import { encodeSettings } from '../settings/url';
import { allSettingsOf } from './configSlice';
import type { StudioStore } from './store';

/** The settings' top-level groups: a change replaces one of these objects (or values). */
const GROUPS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Where the query lives (the window, or a test double). */
export interface UrlTarget {
  readonly search: string;
  replace(search: string): void;
}

/** Browser URL target: location.search and history.replaceState, keeping path and hash. */
export const browserUrl: UrlTarget = {
  get search() {
    return window.location.search;
  },
  replace(search) {
    const url = `${window.location.pathname}?${search}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  },
};

/** URL updates wait this long after a change, so a drag writes once at the end (and every 250 ms meanwhile). */
const URL_THROTTLE_MS = 250;

/**
 * Writes the settings to the URL now and after every change; returns a function that stops it.
 * Parameters the studio does not know are kept as they are.
 */
export function startUrlSync(store: StudioStore, target: UrlTarget = browserUrl): () => void {
  const write = () => {
    const next = encodeSettings(allSettingsOf(store.getState().config), target.search);
    if (`?${next}` !== target.search) target.replace(next);
  };
  write();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = store.subscribe((s, prev) => {
    if (GROUPS.every((g) => s.config[g] === prev.config[g])) return;
    timer ??= setTimeout(() => {
      timer = null;
      write();
    }, URL_THROTTLE_MS);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
