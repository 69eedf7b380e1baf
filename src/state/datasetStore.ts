/**
 * Uploaded datasets that survive a reload: the raw files (bytes and names) and the format choice
 * are kept in IndexedDB and parsed again through the usual path on the next visit, so a restored
 * dataset is exactly what a fresh upload would give. The dataset last in use comes back on start.
 */
import type { NamedBuffer } from './datasetLoader';
import type { FormatChoice } from './datasetSlice';
import type { StoredDatasetInfo } from './historySlice';
import { storageErrorMessage as message, type StudioDb } from './idb';
import type { StudioStore } from './store';

/** One kept upload, as stored. */
export interface StoredDataset extends StoredDatasetInfo {
  ratings: ArrayBuffer;
  titles: ArrayBuffer | null;
  format: FormatChoice;
}

/** meta key of the dataset in use: a StoredDataset id, or 'builtin' / 'synthetic'. */
const LAST_KEY = 'lastDataset';

/** The loader's part this module drives (datasetLoader.ts). */
export interface UploadLoader {
  loadStoredUpload(ratings: NamedBuffer, titles: NamedBuffer | null, format: FormatChoice): Promise<boolean>;
  loadBuiltin(): Promise<void>;
  loadSynthetic(): void;
}

const info = ({ id, name, titlesName, bytes, savedAt }: StoredDataset): StoredDatasetInfo => ({ id, name, titlesName, bytes, savedAt });

export class DatasetStore {
  /** Id being restored: its own re-parse must not write the same bytes again. */
  private restoring: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: StudioStore,
    /** Opens the database on first use (so importing the studio opens nothing). */
    private readonly db: () => Promise<StudioDb>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Lists the kept uploads and loads the dataset that was in use last time (the built-in one when
   * there is none, or when it cannot be read).
   */
  async start(loader: UploadLoader): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s, prev) => {
      const src = s.dataset.current?.dataset.source;
      if (s.dataset.current !== prev.dataset.current && (src === 'builtin' || src === 'synthetic')) void this.setLast(src);
    });
    let db: StudioDb;
    let last: string | undefined;
    try {
      db = await this.db();
      // listing reads every kept upload's bytes: it runs beside the load instead of before it
      void this.refresh().catch(() => undefined);
      last = (await db.get<{ value: string }>('meta', LAST_KEY))?.value;
    } catch {
      // runHistory reports an unusable database once
      return loader.loadBuiltin();
    }
    if (last === 'synthetic') return loader.loadSynthetic();
    if (last && last !== 'builtin' && (await this.use(last, loader))) return;
    return loader.loadBuiltin();
  }

  /** Loads a kept upload; false (with a notice) when it is gone or no longer parses. */
  async use(id: string, loader: UploadLoader): Promise<boolean> {
    let rec: StoredDataset | undefined;
    try {
      rec = await (await this.db()).get<StoredDataset>('datasets', id);
    } catch (e) {
      this.store.getState().pushNotice('warning', 'notice.datasetRestoreFailed', { name: id, message: message(e) });
      return false;
    }
    if (!rec) return false;
    this.restoring = id;
    try {
      const ok = await loader.loadStoredUpload(
        { bytes: rec.ratings, name: rec.name },
        rec.titles && rec.titlesName ? { bytes: rec.titles, name: rec.titlesName } : null,
        rec.format,
      );
      if (ok) await this.setLast(id);
      else this.store.getState().pushNotice('warning', 'notice.datasetRestoreFailed', { name: rec.name, message: this.store.getState().dataset.error ?? '' });
      return ok;
    } finally {
      this.restoring = null;
    }
  }

  /** An upload parsed: keep its files (replacing an earlier upload of the same names). */
  async record(ratings: NamedBuffer, titles: NamedBuffer | null, format: FormatChoice): Promise<void> {
    const id = `${ratings.name}|${titles?.name ?? ''}`;
    if (this.restoring === id) return;
    const rec: StoredDataset = {
      id,
      name: ratings.name,
      titlesName: titles?.name ?? null,
      bytes: ratings.bytes.byteLength + (titles?.bytes.byteLength ?? 0),
      savedAt: this.now().toISOString(),
      ratings: ratings.bytes,
      titles: titles?.bytes ?? null,
      format,
    };
    try {
      const db = await this.db();
      await db.put('datasets', id, rec);
      await db.put('meta', LAST_KEY, { value: id });
      await this.refresh();
    } catch (e) {
      this.store.getState().pushNotice('error', 'notice.storageFailed', { message: message(e) });
    }
  }

  async remove(id: string): Promise<void> {
    try {
      const db = await this.db();
      await db.delete('datasets', id);
      await this.refresh();
    } catch (e) {
      this.store.getState().pushNotice('error', 'notice.storageFailed', { message: message(e) });
    }
  }

  private async setLast(value: string): Promise<void> {
    try {
      await (await this.db()).put('meta', LAST_KEY, { value });
    } catch {
      // remembering the choice is a convenience; the dataset itself is loaded
    }
  }

  private async refresh(): Promise<void> {
    const all = await (await this.db()).getAll<StoredDataset>('datasets');
    this.store.getState().datasetsListed(all.map(info).sort((a, b) => b.savedAt.localeCompare(a.savedAt)));
  }
}
