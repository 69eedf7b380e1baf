/**
 * The studio's IndexedDB (plain API, promises around requests): finished runs, uploaded files,
 * and a few remembered choices. Everything that uses it goes through `StudioDb`, so tests give a
 * Map-backed one and a browser without IndexedDB (some private modes) gets a clear refusal
 * instead of a crash.
 */

/** Object stores: runs (RunReport by id), datasets (StoredDataset by id), meta (small values by key). */
export type StoreName = 'runs' | 'datasets' | 'meta';

/** What the studio needs of a key–value database. Every method rejects with an Error on failure. */
export interface StudioDb {
  getAll<T>(store: StoreName): Promise<T[]>;
  get<T>(store: StoreName, key: string): Promise<T | undefined>;
  /** Writes `value` under `key` (replaces). A full disk rejects with a QuotaExceededError. */
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
}

const DB_NAME = 'distillation-studio';
const DB_VERSION = 1;
const STORES: readonly StoreName[] = ['runs', 'datasets', 'meta'];

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (and on first use creates) the studio's database; rejects where IndexedDB is missing or refused. */
export function openStudioDb(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<StudioDb> {
  if (!factory) return Promise.reject(new Error('this browser offers no IndexedDB here'));
  return new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      for (const s of STORES) if (!open.result.objectStoreNames.contains(s)) open.result.createObjectStore(s);
    };
    open.onblocked = () => reject(new Error('the studio’s database is held open by another tab'));
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
    open.onsuccess = () => resolve(wrap(open.result));
  });
}

function wrap(db: IDBDatabase): StudioDb {
  const tx = (store: StoreName, mode: IDBTransactionMode) => db.transaction(store, mode).objectStore(store);
  /** A write resolves when its transaction commits, so a quota failure at commit time is not missed. */
  const write = (store: StoreName, f: (s: IDBObjectStore) => IDBRequest): Promise<void> =>
    new Promise((resolve, reject) => {
      const t = db.transaction(store, 'readwrite');
      f(t.objectStore(store));
      t.oncomplete = () => resolve();
      t.onabort = t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'));
    });
  return {
    getAll: <T>(store: StoreName) => request(tx(store, 'readonly').getAll() as IDBRequest<T[]>),
    get: <T>(store: StoreName, key: string) => request(tx(store, 'readonly').get(key) as IDBRequest<T | undefined>),
    put: (store, key, value) => write(store, (s) => s.put(value, key)),
    delete: (store, key) => write(store, (s) => s.delete(key)),
  };
}

/** A StudioDb in memory (tests; and where IndexedDB is missing, nothing survives a reload). */
export function memoryDb(): StudioDb {
  const stores = new Map<StoreName, Map<string, unknown>>(STORES.map((s) => [s, new Map()]));
  const s = (name: StoreName) => stores.get(name)!;
  return {
    getAll: async <T>(name: StoreName) => [...s(name).values()] as T[],
    get: async <T>(name: StoreName, key: string) => s(name).get(key) as T | undefined,
    put: async (name, key, value) => void s(name).set(key, structuredClone(value)),
    delete: async (name, key) => void s(name).delete(key),
  };
}

/** A storage failure as words for a notice; a full disk says so. */
export function storageErrorMessage(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return `${e.name === 'QuotaExceededError' ? 'the browser’s storage is full: ' : ''}${e.message}`;
}
