/**
 * The page's wiring: one store, one dataset loader (parse worker), one train bridge (training
 * worker), and the commands panels call. Workers start lazily, so importing this has no effect
 * until `startStudio()` runs (main.tsx).
 */
import { TrainClient } from '../train/client';
import { BUILTIN_TEACHER_CHECKPOINT } from '../train/checkpoint';
import { DatasetLoader, workerParser } from './datasetLoader';
import type { FormatChoice } from './datasetSlice';
import { studioStore } from './store';
import { TrainBridge } from './trainBridge';
import { pickLanguage, readStoredLanguage, startLanguageSync, LANG_PARAM, type LanguageStorage } from './languageChoice';
import { decodeSettings } from './urlConfig';
import { browserUrl, startUrlSync } from './urlSync';

/** Reads a file under the site root (BASE_URL), rejecting on an HTTP error. */
async function fetchBytes(path: string): Promise<ArrayBuffer> {
  const r = await fetch(import.meta.env.BASE_URL + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${r.statusText}`);
  return r.arrayBuffer();
}

/** The shipped teacher, or null (a missing file, or a server that answers unknown paths with index.html). */
async function fetchCheckpoint(): Promise<ArrayBuffer | null> {
  try {
    const r = await fetch(import.meta.env.BASE_URL + BUILTIN_TEACHER_CHECKPOINT);
    if (!r.ok || (r.headers.get('content-type') ?? '').includes('text/html')) return null;
    return await r.arrayBuffer();
  } catch {
    return null;
  }
}

const loader = new DatasetLoader(studioStore, {
  parse: workerParser(() => new Worker(new URL('../data/parseWorker.ts', import.meta.url), { type: 'module', name: 'parser' })),
  fetchBytes,
});

const bridge = new TrainBridge(studioStore, {
  makeClient: () => new TrainClient(),
  fetchCheckpoint,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

/** Commands for panels: each goes to the loader or the training worker. */
export const studioActions = {
  play: () => bridge.play(),
  pause: () => bridge.pause(),
  step: () => bridge.step(),
  reset: () => bridge.reset(),
  loadBuiltin: () => loader.loadBuiltin(),
  loadSynthetic: () => loader.loadSynthetic(),
  uploadRatings: (file: File) => loader.setRatingsFile(file),
  uploadTitles: (file: File | null) => loader.setTitlesFile(file),
  dropFiles: (files: readonly File[]) => loader.dropFiles(files),
  setFormat: (format: FormatChoice) => studioStore.getState().setFormat(format),
};

/** The browser's localStorage, or null where reading it throws (blocked storage). */
function browserStorage(): LanguageStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Starts the studio: language and settings from the URL (a notice per bad parameter), the URL
 * kept in sync, the bridge following the store, and the built-in dataset loading with no click.
 *
 * @param languages the message tables' language codes, the first being the fallback
 */
export function startStudio(search: string, languages: readonly string[]): void {
  const { settings, problems } = decodeSettings(search);
  const s = studioStore.getState();
  const storage = browserStorage();
  const lang = pickLanguage(search, readStoredLanguage(storage), navigator.languages ?? [navigator.language], languages);
  s.setLanguage(lang.language);
  if (lang.badParam !== null) {
    s.pushNotice('warning', 'notice.badParamOneOf', { name: LANG_PARAM, value: lang.badParam, values: languages.join(', '), fallback: lang.language });
  }
  s.applySettings(settings);
  for (const p of problems) {
    const vars = { name: p.param, value: p.value, fallback: p.fallback };
    if (p.rule.kind === 'oneOf') s.pushNotice('warning', 'notice.badParamOneOf', { ...vars, values: p.rule.values.join(', ') });
    else s.pushNotice('warning', p.rule.integer ? 'notice.badParamInt' : 'notice.badParamRange', { ...vars, min: p.rule.min, max: p.rule.max });
  }
  startUrlSync(studioStore);
  startLanguageSync(studioStore, browserUrl, storage);
  bridge.start();
  void loader.loadBuiltin();
}
