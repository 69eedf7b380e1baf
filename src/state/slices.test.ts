import { describe, expect, it } from 'vitest';
import { synthesize } from '../data/synth';
import { datasetStats } from '../data/stats';
import type { LossRow } from '../train/engine';
import type { BackendReport, ValPoint } from '../train/protocol';
import { configSelectors } from './configSlice';
import type { LoadedDataset } from './datasetSlice';
import { splitFor } from '../data/split';
import { nextKdAhead } from './runSlice';
import { createStudioStore } from './store';

const metrics = (ndcg: number) => ({ users: 10, k: 10, hr: ndcg, ndcg, mrr: ndcg, recall: ndcg });
const val = (step: number, student: number, kd: number): ValPoint => ({ step, epoch: 0, ms: step * 10, teacher: metrics(0.2), student: metrics(student), kd: metrics(kd) });
const row = (step: number): LossRow => ({ step, epoch: 0, teacher: NaN, student: 7, kdHard: 7, kdDistill: 1, kdTotal: 1 });

function loaded(seed = 1): LoadedDataset {
  const dataset = synthesize({ users: 30, items: 20, clusters: 3, perUser: 6, seed, noise: 0.1 });
  const split = splitFor(dataset, 1);
  return { dataset, stats: datasetStats(dataset), split, blocker: null, warnings: [], titleCount: null };
}

describe('dataset slice', () => {
  it('loads, and a failed load keeps the dataset that was there', () => {
    const store = createStudioStore();
    const s = () => store.getState();
    s().datasetLoading('a.csv');
    expect(s().dataset).toMatchObject({ loading: 'a.csv', progress: 0, error: null, current: null });
    s().datasetProgress(0.5);
    expect(s().dataset.progress).toBe(0.5);
    const first = loaded();
    s().datasetLoaded(first);
    expect(s().dataset).toMatchObject({ loading: null, progress: null, error: null });
    expect(s().dataset.current).toBe(first);
    s().datasetLoading('broken.csv');
    s().datasetFailed('broken.csv: line 3: expected 4 fields, found 5');
    expect(s().dataset.error).toContain('line 3');
    expect(s().dataset.current).toBe(first);
    expect(s().dataset.loading).toBeNull();
    s().datasetLoading('next.csv');
    expect(s().dataset.error).toBeNull();
  });

  it('replaces the split of the current dataset', () => {
    const store = createStudioStore();
    const first = loaded();
    store.getState().datasetLoaded(first);
    const other = splitFor(first.dataset, 5);
    store.getState().datasetResplit(other, null);
    expect(store.getState().dataset.current?.split).toBe(other);
    expect(store.getState().dataset.current?.dataset).toBe(first.dataset);
  });
});

describe('config slice', () => {
  it('updates hyperparameters without asking for a reload', () => {
    const store = createStudioStore();
    const s = () => store.getState();
    s().markApplied();
    s().setDistill({ temperature: 3, alpha: 0.2 });
    s().setStudentLr(0.03);
    s().setTeacherLr(0.001);
    expect(s().config.train.distill).toMatchObject({ temperature: 3, alpha: 0.2, loss: 'soft' });
    expect(s().config.train.student.lr).toBe(0.03);
    expect(configSelectors.needsReload(s())).toBe(false);
  });

  it('asks for a reload after sizes, seeds, schedule, epochs or backend change, and not after markApplied', () => {
    const changes: ((st: ReturnType<ReturnType<typeof createStudioStore>['getState']>) => void)[] = [
      (st) => st.setTeacherSize({ dim: 32 }),
      (st) => st.setTeacherSize({ hidden: 32 }),
      (st) => st.setStudentSize({ dim: 4 }),
      (st) => st.setSeed(9),
      (st) => st.setSplitSeed(2),
      (st) => st.setSchedule('online'),
      (st) => st.setEpochs(1),
      (st) => st.setBackend('cpu'),
    ];
    for (const change of changes) {
      const store = createStudioStore();
      expect(configSelectors.needsReload(store.getState())).toBe(false); // nothing loaded yet
      store.getState().markApplied();
      change(store.getState());
      expect(configSelectors.needsReload(store.getState())).toBe(true);
      store.getState().markApplied();
      expect(configSelectors.needsReload(store.getState())).toBe(false);
    }
  });

  it('applies settings from the URL in one go', () => {
    const store = createStudioStore();
    const before = store.getState().config;
    store.getState().applySettings({ ...before, splitSeed: 3, backend: 'wasm' });
    expect(store.getState().config).toMatchObject({ splitSeed: 3, backend: 'wasm', applied: null });
  });
});

describe('run slice', () => {
  it('appends metric batches and tracks since when KD has been ahead', () => {
    const store = createStudioStore();
    const s = () => store.getState();
    s().runMetrics([row(4), row(8)], [val(0, 0.1, 0.1)]);
    expect(s().run.rows.map((r) => r.step)).toEqual([4, 8]);
    expect(s().run.kdAhead).toBeNull();
    s().runMetrics([row(12)], [val(40, 0.1, 0.12), val(80, 0.11, 0.13)]);
    expect(s().run.rows).toHaveLength(3);
    expect(s().run.val).toHaveLength(3);
    expect(s().run.kdAhead).toEqual({ step: 40, ms: 400 });
    const rowsRef = s().run.rows;
    s().runMetrics([], [val(120, 0.12, 0.11)]);
    expect(s().run.kdAhead).toBeNull();
    expect(s().run.rows).toBe(rowsRef); // no new array when no rows came: the loss chart does not re-render
  });

  it('nextKdAhead starts at the first point of the latest streak', () => {
    expect(nextKdAhead(null, [val(0, 0.1, 0.2), val(40, 0.1, 0.05), val(80, 0.1, 0.2), val(120, 0.1, 0.3)])).toEqual({ step: 80, ms: 800 });
    expect(nextKdAhead({ step: 5, ms: 1 }, [val(40, 0.1, 0.2)])).toEqual({ step: 5, ms: 1 });
  });

  it('clears series on reset but keeps the backend; a new worker clears everything', () => {
    const store = createStudioStore();
    const s = () => store.getState();
    const report: BackendReport = { backend: 'wasm', reason: { key: 'backend.reason.probeFastest' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [] };
    s().runReady(report);
    s().runProgress({ status: 'running', phase: 'progress.students', fraction: 0.5, step: 10, epoch: 1, totalSteps: 20, numTensors: 40, gpuBytes: null });
    s().runMetrics([row(4)], [val(0, 0.1, 0.2)]);
    s().runComparison({ teacher: {} as never, student: {} as never, kd: {} as never, overlapKd: 0.5, overlapStudent: 0.3 });
    s().runCleared();
    expect(s().run).toMatchObject({ rows: [], val: [], kdAhead: null, comparison: null, step: 0, backend: report, status: 'running' });
    s().runStarting();
    expect(s().run.backend).toBeNull();
    expect(s().run.status).toBe('empty');
    expect(s().run.phase).toBe('progress.starting');
  });
});

describe('ui slice', () => {
  it('selects users, switches language, and keeps notices unique, few and dismissable', () => {
    const store = createStudioStore();
    const s = () => store.getState();
    s().selectUser(7);
    expect(s().ui.selectedUser).toBe(7);
    s().setLanguage('zh');
    expect(s().ui.language).toBe('zh');
    s().pushNotice('warning', 'notice.badParamRange', { name: 'T', value: 'abc' });
    s().pushNotice('warning', 'notice.badParamRange', { name: 'T', value: 'abc' });
    expect(s().ui.notices).toHaveLength(1);
    for (let i = 0; i < 10; i++) s().pushNotice('error', 'notice.workerError', { message: `m${i}` });
    expect(s().ui.notices).toHaveLength(6);
    expect(s().ui.notices.at(-1)?.vars).toEqual({ message: 'm9' });
    const id = s().ui.notices[0].id;
    s().dismissNotice(id);
    expect(s().ui.notices.some((n) => n.id === id)).toBe(false);
  });
});
