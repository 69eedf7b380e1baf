/**
 * Loading datasets into the store: the built-in one, uploaded files and the synthetic demo.
 * Every file goes through the parse worker (data/parseWorker.ts), so parsing never blocks the
 * page; the split is computed here on the main thread because the studio keeps it (inspector)
 * and sends it to the training worker. A newer load supersedes an older one still parsing.
 */
import { BUILTIN_DATASET } from '../data/builtin';
import { DataError, isDataError } from '../data/errors';
import { isGzip } from '../data/gzip';
import type { ParseDone, ParseRequestOptions, ParseWorkerResponse } from '../data/parseProtocol';
import { checkTrainable, splitFor } from '../data/split';
import { datasetStats } from '../data/stats';
import { synthesize } from '../data/synth';
import type { Dataset, DatasetStats, Split } from '../data/types';
import type { FormatChoice } from './datasetSlice';
import type { StudioStore } from './store';

/** Bytes and name of one file to parse. */
export interface NamedBuffer {
  bytes: ArrayBuffer;
  name: string;
}

/** Parses files off the main thread; rejects with the parser's sentence (naming file and line). */
export type ParseFn = (
  ratings: NamedBuffer,
  titles: NamedBuffer | null,
  options: ParseRequestOptions,
  onProgress: (fraction: number) => void,
) => Promise<ParseDone>;

/** What the loader needs from its surroundings (the browser, or a test). */
export interface LoaderDeps {
  parse: ParseFn;
  /** Reads a path under the site root, e.g. `data/goodbooks-2k/books.csv`; rejects on HTTP errors. */
  fetchBytes(path: string): Promise<ArrayBuffer>;
  /** Uploaded files that parsed into a dataset (datasetStore.ts keeps them for the next visit). */
  onUploadParsed?(ratings: NamedBuffer, titles: NamedBuffer | null, format: FormatChoice): void;
}

/** The synthetic demo: small enough to train in seconds, with clusters a teacher can find. */
export const SYNTHETIC_DEMO = { users: 600, items: 400, clusters: 8, perUser: 30, seed: 1, noise: 0.15 } as const;

export class DatasetLoader {
  private latest = 0;
  private ratingsFile: File | null = null;
  private titlesFile: File | null = null;

  constructor(
    private readonly store: StudioStore,
    private readonly deps: LoaderDeps,
  ) {}

  /** Loads goodbooks-2k (ratings + titles) through the parse worker. */
  async loadBuiltin(): Promise<void> {
    const id = this.begin(BUILTIN_DATASET.name);
    let ratings: ArrayBuffer;
    let titles: ArrayBuffer;
    try {
      [ratings, titles] = await Promise.all([this.deps.fetchBytes(BUILTIN_DATASET.ratingsPath), this.deps.fetchBytes(BUILTIN_DATASET.titlesPath)]);
    } catch (e) {
      if (id !== this.latest) return;
      const message = e instanceof Error ? e.message : String(e);
      this.store.getState().datasetFailed(message);
      this.store.getState().pushNotice('error', 'notice.builtinFetchFailed', { message });
      return;
    }
    // A server may gunzip .gz on the fly (Content-Encoding): only gzip bytes get the .gz name.
    const ratingsName = isGzip(new Uint8Array(ratings, 0, Math.min(2, ratings.byteLength))) ? 'ratings.csv.gz' : 'ratings.csv';
    await this.run(id, { bytes: ratings, name: ratingsName }, { bytes: titles, name: 'books.csv' }, { format: 'csv', name: BUILTIN_DATASET.name, splitSeed: this.store.getState().config.splitSeed }, 'builtin');
  }

  /** A ratings file was picked or dropped: parse it (with the titles file, if one was picked). */
  async setRatingsFile(file: File): Promise<void> {
    this.ratingsFile = file;
    await this.parseUploads();
  }

  /** A titles file was picked: re-read the uploaded ratings with it, if there are any. */
  async setTitlesFile(file: File | null): Promise<void> {
    this.titlesFile = file;
    if (this.ratingsFile) await this.parseUploads();
  }

  /** Files dropped together: one whose name says titles (u.item, movies, books, titles) is the titles file. */
  async dropFiles(files: readonly File[]): Promise<void> {
    const isTitles = (f: File) => /(u\.item|movies|books|titles|items)/i.test(f.name);
    const titles = files.length > 1 ? files.find(isTitles) : undefined;
    const ratings = files.find((f) => f !== titles);
    if (!ratings) return;
    if (titles) this.titlesFile = titles;
    await this.setRatingsFile(ratings);
  }

  /**
   * Files kept from an earlier visit, parsed as if uploaded again (a later titles upload re-reads
   * them like any upload). Resolves true when they loaded.
   */
  async loadStoredUpload(ratings: NamedBuffer, titles: NamedBuffer | null, format: FormatChoice): Promise<boolean> {
    this.ratingsFile = new File([ratings.bytes], ratings.name);
    this.titlesFile = titles ? new File([titles.bytes], titles.name) : null;
    this.store.getState().setFormat(format);
    return this.parseUploads();
  }

  /** The synthetic demo dataset (clusters with known structure), generated on the spot. */
  loadSynthetic(): void {
    const id = this.begin('synthetic');
    const ds = synthesize({ ...SYNTHETIC_DEMO });
    // drop the cluster columns: the studio needs only the Dataset
    const { userCluster: _u, itemCluster: _i, ...dataset } = ds;
    this.finish(id, dataset, null);
  }

  private async parseUploads(): Promise<boolean> {
    const ratings = this.ratingsFile;
    if (!ratings) return false;
    const titles = this.titlesFile;
    const id = this.begin(ratings.name);
    const format = this.store.getState().dataset.format;
    let r: NamedBuffer;
    let t: NamedBuffer | null;
    try {
      r = { bytes: await ratings.arrayBuffer(), name: ratings.name };
      t = titles ? { bytes: await titles.arrayBuffer(), name: titles.name } : null;
    } catch (e) {
      if (id === this.latest) this.store.getState().datasetFailed(`${ratings.name}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    const ok = await this.run(id, r, t, { format, splitSeed: this.store.getState().config.splitSeed }, 'upload');
    if (ok) this.deps.onUploadParsed?.(r, t, format);
    return ok;
  }

  private begin(name: string): number {
    this.store.getState().datasetLoading(name);
    return ++this.latest;
  }

  /** Parses and, unless a newer load superseded it, shows the dataset; true when it did. */
  private async run(id: number, ratings: NamedBuffer, titles: NamedBuffer | null, options: ParseRequestOptions, source: Dataset['source']): Promise<boolean> {
    try {
      const done = await this.deps.parse(ratings, titles, options, (f) => {
        if (id === this.latest) this.store.getState().datasetProgress(f);
      });
      this.finish(id, { ...done.dataset, source }, done.titleCount, done);
      if (source === 'builtin') this.checkBuiltin(done);
      return id === this.latest;
    } catch (e) {
      if (id === this.latest) this.store.getState().datasetFailed(isDataError(e) ? e.text : e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  /** `made`: statistics and split the parse worker already computed (for the split seed it was given). */
  private finish(id: number, dataset: Dataset, titleCount: number | null, made?: { stats: DatasetStats; split?: Split }): void {
    if (id !== this.latest) return;
    const seed = this.store.getState().config.splitSeed;
    const split = made?.split && made.split.seed === seed ? made.split : splitFor(dataset, seed);
    this.store.getState().datasetLoaded({
      dataset,
      stats: made?.stats ?? datasetStats(dataset),
      split,
      blocker: checkTrainable(dataset, split),
      warnings: dataset.warnings,
      titleCount,
    });
  }

  /** The built-in data must give the documented counts; a different answer means a damaged file. */
  private checkBuiltin(done: ParseDone): void {
    const e = BUILTIN_DATASET.expected;
    const s = done.stats;
    if (s.users !== e.users || s.items !== e.items || s.interactions !== e.interactions) {
      this.store.getState().pushNotice('warning', 'notice.builtinMismatch', { users: s.users, items: s.items, interactions: s.interactions });
    }
  }
}

/** A ParseFn over one dedicated module worker (data/parseWorker.ts), created on first use. */
export function workerParser(makeWorker: () => Worker): ParseFn {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(d: ParseDone): void; reject(e: Error): void; progress(f: number): void }>();
  return (ratings, titles, options, onProgress) => {
    if (!worker) {
      worker = makeWorker();
      worker.onmessage = (e: MessageEvent<ParseWorkerResponse>) => {
        const m = e.data;
        const p = pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') return p.progress(m.fraction);
        pending.delete(m.id);
        if (m.type === 'done') p.resolve(m);
        // a refusal keeps its sentence as key + values; a parser bug is only its message
        else p.reject(m.text !== undefined ? new DataError(m.text, m.line ?? null) : new Error(m.message));
      };
      worker.onerror = (e) => {
        e.preventDefault();
        for (const p of pending.values()) p.reject(new Error(e.message || 'the parse worker failed'));
        pending.clear();
        worker?.terminate();
        worker = null;
      };
    }
    const id = nextId++;
    const w = worker;
    return new Promise<ParseDone>((resolve, reject) => {
      pending.set(id, { resolve, reject, progress: onProgress });
      // copies, not transfers: the loader keeps the files' bytes for a later re-parse
      w.postMessage({ type: 'parse', id, ratings: ratings.bytes, ratingsName: ratings.name, titles: titles?.bytes, titlesName: titles?.name, options });
    });
  };
}
