/**
 * The page's wiring: one store, one dataset loader (parse worker), one train bridge (training
 * worker), and the commands panels call. Workers start lazily, so importing this has no effect
 * until `startStudio()` runs (main.tsx).
 */
import { TrainClient } from '../train/client';
import type { SweepCommand } from '../train/protocol';
import { BUILTIN_TEACHER_CHECKPOINT } from '../train/checkpoint';
import type { ExportableModel, ModelExport } from '../train/protocol';
import { DatasetLoader, workerParser } from './datasetLoader';
import type { FormatChoice } from './datasetSlice';
import { DatasetStore } from './datasetStore';
import { openStudioDb, type StudioDb } from './idb';
import { RunHistory } from './runHistory';
import { studioStore } from './store';
import { RatingRunner } from './ratingRunner';
import { TrainBridge } from './trainBridge';
import { pickLanguage, readStoredLanguage, startLanguageSync, LANG_PARAM, type LanguageStorage } from './languageChoice';
import { decodeSettings } from '../settings/url';
import { browserUrl, startUrlSync } from './urlSync';
import { startLessonUrl } from './lessonUrl';

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

let dbOpen: Promise<StudioDb> | null = null;
const db = () => (dbOpen ??= openStudioDb());
const kept = new DatasetStore(studioStore, db);
const runHistory = new RunHistory(studioStore, { db, now: () => new Date() });

const loader = new DatasetLoader(studioStore, {
  parse: workerParser(() => new Worker(new URL('../data/parseWorker.ts', import.meta.url), { type: 'module', name: 'parser' })),
  fetchBytes,
  onUploadParsed: (r, t, format) => void kept.record(r, t, format),
});

/** How much the site stores, when the browser says (navigator.storage.estimate). */
async function measureStorage(): Promise<void> {
  try {
    const e = await navigator.storage?.estimate?.();
    studioStore.getState().usageMeasured(e && e.usage !== undefined && e.quota !== undefined ? { usage: e.usage, quota: e.quota } : null);
  } catch {
    studioStore.getState().usageMeasured(null);
  }
}

const bridge = new TrainBridge(studioStore, {
  makeClient: () => new TrainClient(),
  fetchCheckpoint,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

const rating = new RatingRunner(studioStore, () => new TrainClient());

/** Commands for panels: each goes to the loader or the training worker. */
export const studioActions = {
  play: () => bridge.play(),
  pause: () => bridge.pause(),
  step: () => bridge.step(),
  reset: () => bridge.reset(),
  compress: () => bridge.compress(),
  loadBuiltin: () => loader.loadBuiltin(),
  loadSynthetic: () => loader.loadSynthetic(),
  uploadRatings: (file: File) => loader.setRatingsFile(file),
  uploadTitles: (file: File | null) => loader.setTitlesFile(file),
  dropFiles: (files: readonly File[]) => loader.dropFiles(files),
  setFormat: (format: FormatChoice) => studioStore.getState().setFormat(format),
  sweep: (command: SweepCommand) => bridge.sweep(command),
  renameRun: (id: string, name: string) => runHistory.rename(id, name),
  deleteRun: (id: string) => runHistory.remove(id),
  importReport: async (file: File) => runHistory.importText(file.name, await file.text()),
  toggleOverlay: (id: string) => studioStore.getState().toggleOverlay(id),
  /** One trained model of the current run in tf.js format (rejects with a sentence when there is none). */
  exportModel: (model: ExportableModel): Promise<ModelExport> => bridge.exportModel(model),
  useStoredDataset: (id: string) => kept.use(id, loader),
  deleteStoredDataset: (id: string) => kept.remove(id),
  measureStorage,
  ratingStart: () => rating.start(),
  ratingStop: () => rating.stop(),
  ratingSendDistill: () => rating.sendDistill(),
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
 * kept in sync, the bridge following the store, the kept runs listed, and the dataset in use last
 * time (the built-in one on a first visit) loading with no click.
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
    const r = p.setting;
    if (r.kind === 'choice') s.pushNotice('warning', 'notice.badParamOneOf', { ...vars, values: r.values.join(', ') });
    else if (r.kind === 'boolean') s.pushNotice('warning', 'notice.badParamOneOf', { ...vars, values: r.words.join(', ') });
    else if (r.kind === 'list') s.pushNotice('warning', 'notice.badParamList', { ...vars, min: r.min, max: r.max, count: r.maxLength });
    else s.pushNotice('warning', r.integer ? 'notice.badParamInt' : 'notice.badParamRange', { ...vars, min: r.min, max: r.max });
  }
  startUrlSync(studioStore);
  startLessonUrl(studioStore);
  startLanguageSync(studioStore, browserUrl, storage);
  bridge.start();
  void runHistory.start();
  // the dataset in use last time (a kept upload), else the built-in one
  void kept.start(loader);
}
