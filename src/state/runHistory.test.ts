import { describe, expect, it } from 'vitest';
import { datasetStats } from '../data/stats';
import { splitFor } from '../data/split';
import { synthesize } from '../data/synth';
import type { NamedBuffer } from './datasetLoader';
import type { FormatChoice } from './datasetSlice';
import { DatasetStore, type UploadLoader } from './datasetStore';
import { memoryDb, type StudioDb } from './idb';
import { encodeReport } from './runReport';
import { sampleReport } from '../test/sampleReport';
import { RunHistory } from './runHistory';
import { createStudioStore, type StudioStore } from './store';

const flush = () => new Promise((r) => setTimeout(r, 0));

function loaded(store: StudioStore) {
  const dataset = { ...synthesize({ users: 30, items: 20, clusters: 3, perUser: 6, seed: 1, noise: 0.1 }), source: 'upload' as const };
  const split = splitFor(dataset, 1);
  store.getState().datasetLoaded({ dataset, stats: datasetStats(dataset), split, blocker: null, warnings: [], titleCount: null });
}

function finishRun(store: StudioStore) {
  const r = sampleReport();
  store.getState().runMetrics(r.rows, r.val);
  store.getState().runComparison(r.comparison);
}

describe('RunHistory', () => {
  it('saves a finished run, lists it after a "reload", renames, deletes', async () => {
    const db = memoryDb();
    let t = Date.parse('2026-11-25T10:00:00Z');
    const deps = { db: async () => db, now: () => new Date((t += 1000)) };
    const store = createStudioStore();
    const h = new RunHistory(store, deps);
    await h.start();
    loaded(store);
    store.getState().setDistill({ temperature: 2, alpha: 0.5 });
    finishRun(store);
    await flush();
    const [saved] = store.getState().history.runs;
    expect(saved.name).toBe('soft T=2 α=0.5');
    expect(saved.dataset.name).toMatch(/^synthetic/);
    expect(saved.dataset.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(saved.val).toHaveLength(2);
    expect(saved.settings.train.distill.temperature).toBe(2);

    // a second run, then a fresh store reads both back (newest first)
    store.getState().runCleared();
    store.getState().setDistill({ temperature: 4 });
    finishRun(store);
    await flush();
    const store2 = createStudioStore();
    await new RunHistory(store2, deps).start();
    expect(store2.getState().history.runs.map((r) => r.name)).toEqual(['soft T=4 α=0.5', 'soft T=2 α=0.5']);
    expect(Number.isNaN(store2.getState().history.runs[0].rows[0].teacher)).toBe(true);

    const h2 = new RunHistory(store2, deps);
    const id = store2.getState().history.runs[1].id;
    store2.getState().toggleOverlay(id);
    await h2.rename(id, '  T two  ');
    await h2.remove(store2.getState().history.runs[0].id);
    const store3 = createStudioStore();
    await new RunHistory(store3, deps).start();
    expect(store3.getState().history.runs.map((r) => r.name)).toEqual(['T two']);
    expect(store2.getState().history.overlay).toEqual([id]);
  });

  it('imports a report file; a bad one gets a notice naming the field', async () => {
    const store = createStudioStore();
    const h = new RunHistory(store, { db: async () => memoryDb(), now: () => new Date() });
    await h.start();
    expect(await h.importText('good.json', encodeReport(sampleReport({ name: 'from a colleague' })))).toBe(true);
    expect(store.getState().history.runs[0]).toMatchObject({ name: 'from a colleague', imported: true });
    const bad = JSON.parse(encodeReport(sampleReport()));
    bad.comparison.kd.test.ndcg = 'x';
    expect(await h.importText('bad.json', JSON.stringify(bad))).toBe(false);
    expect(await h.importText('photo.png', '\u0089PNG')).toBe(false);
    const keys = store.getState().ui.notices.map((n) => [n.key, n.vars]);
    expect(keys).toContainEqual(['notice.importField', { file: 'bad.json', path: 'comparison.kd.test.ndcg', expected: 'number' }]);
    expect(keys).toContainEqual(['notice.importNotJson', { file: 'photo.png' }]);
  });

  it('without a database: a notice, and runs still list for this visit', async () => {
    const store = createStudioStore();
    await new RunHistory(store, { db: () => Promise.reject(new Error('no IndexedDB')), now: () => new Date() }).start();
    expect(store.getState().history.persistent).toBe(false);
    expect(store.getState().ui.notices[0].key).toBe('notice.storageUnavailable');
    loaded(store);
    finishRun(store);
    await flush();
    expect(store.getState().history.runs).toHaveLength(1);
  });

  it('a full disk gives a notice, not a crash', async () => {
    const store = createStudioStore();
    const full: StudioDb = { ...memoryDb(), put: () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) };
    await new RunHistory(store, { db: async () => full, now: () => new Date() }).start();
    loaded(store);
    finishRun(store);
    await flush();
    expect(store.getState().history.runs).toHaveLength(1);
    expect(store.getState().ui.notices.at(-1)).toMatchObject({ key: 'notice.storageFailed', vars: { message: 'the browser’s storage is full: quota' } });
  });
});

class FakeLoader implements UploadLoader {
  calls: string[] = [];
  constructor(private readonly ok = true) {}
  async loadStoredUpload(r: NamedBuffer, t: NamedBuffer | null, f: FormatChoice) {
    this.calls.push(`upload ${r.name} ${new TextDecoder().decode(r.bytes)} ${t?.name ?? '-'} ${f}`);
    return this.ok;
  }
  async loadBuiltin() {
    this.calls.push('builtin');
  }
  loadSynthetic() {
    this.calls.push('synthetic');
  }
}

describe('DatasetStore', () => {
  it('keeps an upload and restores it on the next start; the built-in one when nothing was kept', async () => {
    const db = memoryDb();
    const store = createStudioStore();
    const kept = new DatasetStore(store, async () => db);
    const first = new FakeLoader();
    await kept.start(first);
    expect(first.calls).toEqual(['builtin']);
    await kept.record({ name: 'u.data', bytes: new TextEncoder().encode('1\t2\t3\t4\n').buffer }, null, 'udata');
    expect(store.getState().history.datasets).toMatchObject([{ id: 'u.data|', name: 'u.data', bytes: 8 }]);

    const store2 = createStudioStore();
    const again = new FakeLoader();
    await new DatasetStore(store2, async () => db).start(again);
    expect(again.calls).toEqual(['upload u.data 1\t2\t3\t4\n - udata']);
    expect(store2.getState().history.datasets).toHaveLength(1);

    await new DatasetStore(store2, async () => db).remove('u.data|');
    const third = new FakeLoader();
    await new DatasetStore(createStudioStore(), async () => db).start(third);
    expect(third.calls).toEqual(['builtin']);
  });

  it('a kept upload that no longer parses falls back to the built-in dataset with a notice', async () => {
    const db = memoryDb();
    const store = createStudioStore();
    await new DatasetStore(store, async () => db).record({ name: 'x.csv', bytes: new ArrayBuffer(3) }, null, 'auto');
    const loader = new FakeLoader(false);
    await new DatasetStore(store, async () => db).start(loader);
    expect(loader.calls).toEqual(['upload x.csv \0\0\0 - auto', 'builtin']);
    expect(store.getState().ui.notices.at(-1)?.key).toBe('notice.datasetRestoreFailed');
  });

  it('without a database the built-in dataset loads', async () => {
    const loader = new FakeLoader();
    await new DatasetStore(createStudioStore(), () => Promise.reject(new Error('no'))).start(loader);
    expect(loader.calls).toEqual(['builtin']);
  });
});
