import { defaultStudentConfig, defaultTeacherConfig } from '../models/config';
import { describe, expect, it } from 'vitest';
import { datasetStats } from '../data/stats';
import { synthesize } from '../data/synth';
import type { LossRow } from '../train/engine';
import type { FromWorker, ToWorker, ValPoint } from '../train/protocol';
import { splitFor } from '../data/split';
import type { LoadedDataset } from './datasetSlice';
import { createStudioStore, type StudioStore } from './store';
import { fakeClients } from '../test/fakeTrainPort';
import { TrainBridge } from './trainBridge';

/** Timers run only when the test says so. */
function manualTimers() {
  const queue: { fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    setTimer: (fn: () => void) => {
      const id = next++;
      queue.push({ fn, id });
      return id;
    },
    clearTimer: (h: unknown) => {
      const i = queue.findIndex((q) => q.id === h);
      if (i >= 0) queue.splice(i, 1);
    },
    runAll: () => {
      while (queue.length) queue.shift()!.fn();
    },
    pending: () => queue.length,
  };
}

const metrics = (ndcg: number) => ({ users: 10, k: 10, hr: ndcg, ndcg, mrr: ndcg, recall: ndcg });
const val = (step: number): ValPoint => ({ step, epoch: 0, ms: 0, teacher: null, student: metrics(0.1), kd: metrics(0.1) });
const row = (step: number): LossRow => ({ step, epoch: 0, teacher: 7, student: 7, kdHard: 7, kdDistill: 1, kdTotal: 1 });

function builtinLike(source: 'builtin' | 'upload'): LoadedDataset {
  const dataset = { ...synthesize({ users: 30, items: 20, clusters: 3, perUser: 6, seed: 1, noise: 0.1 }), source };
  const split = splitFor(dataset, 1);
  return { dataset, stats: datasetStats(dataset), split, blocker: null, warnings: [], titleCount: null };
}

async function setup(source: 'builtin' | 'upload' = 'builtin') {
  const store: StudioStore = createStudioStore();
  const { clients, make } = fakeClients();
  const timers = manualTimers();
  const checkpoint = new ArrayBuffer(8);
  const bridge = new TrainBridge(store, {
    makeClient: make,
    fetchCheckpoint: async () => checkpoint,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  bridge.start();
  store.getState().datasetLoaded(builtinLike(source));
  await new Promise((r) => setTimeout(r, 0)); // the checkpoint fetch
  return { store, clients, timers, bridge, checkpoint };
}

describe('TrainBridge', () => {
  it('a new dataset starts a worker: init, load (with the checkpoint), select-user of the first evaluated user', async () => {
    const { store, clients, checkpoint } = await setup();
    expect(clients).toHaveLength(1);
    const c = clients[0];
    expect(c.types()).toEqual(['init', 'load', 'select-user']);
    const load = c.sent[1] as Extract<ToWorker, { type: 'load' }>;
    expect(load.checkpoint).toBe(checkpoint);
    expect(load.config.schedule).toBe('checkpoint');
    expect(load.split).toBe(store.getState().dataset.current?.split);
    const first = store.getState().dataset.current!.split.evalUsers[0];
    expect(c.sent[2]).toEqual({ type: 'select-user', user: first });
    expect(store.getState().ui.selectedUser).toBe(first);
  });

  it('an uploaded dataset has no checkpoint: the teacher trains first, and a notice says so', async () => {
    const { store, clients } = await setup('upload');
    const load = clients[0].sent[1] as Extract<ToWorker, { type: 'load' }>;
    expect(load.checkpoint).toBeNull();
    expect(load.config.schedule).toBe('teacher-first');
    expect(store.getState().ui.notices.map((n) => n.key)).toContain('notice.noCheckpoint');
  });

  it('sends live hyperparameters, throttled, with the latest values', async () => {
    const { store, clients, timers } = await setup();
    const c = clients[0];
    store.getState().setDistill({ temperature: 2 });
    store.getState().setDistill({ temperature: 3, alpha: 0.4 });
    expect(c.types().filter((t) => t === 'set-hyper')).toHaveLength(0);
    timers.runAll();
    const hyper = c.sent.filter((m) => m.type === 'set-hyper');
    expect(hyper).toHaveLength(1);
    expect(hyper[0]).toMatchObject({ hyper: { distill: { temperature: 3, alpha: 0.4 }, studentLr: defaultStudentConfig.lr, teacherLr: defaultTeacherConfig.lr } });
  });

  it('coalesces metric messages into one store update per flush', async () => {
    const { store, clients, timers } = await setup();
    const c = clients[0];
    const seen: number[] = [];
    store.subscribe((s, p) => s.run.rows !== p.run.rows && seen.push(s.run.rows.length));
    c.emit({ type: 'metrics', rows: [], val: [val(0)] });
    for (let i = 1; i <= 5; i++) c.emit({ type: 'metrics', rows: [row(4 * i)], val: [] });
    expect(store.getState().run.rows).toHaveLength(0);
    timers.runAll();
    expect(store.getState().run.rows.map((r) => r.step)).toEqual([4, 8, 12, 16, 20]);
    expect(store.getState().run.val).toHaveLength(1);
    expect(seen).toEqual([5]);
  });

  it('after a reset, drops rows of the old run until the new step-0 point arrives', async () => {
    const { store, clients, timers, bridge } = await setup();
    const c = clients[0];
    c.emit({ type: 'metrics', rows: [row(4)], val: [val(0)] });
    timers.runAll();
    bridge.reset();
    expect(c.types().at(-1)).toBe('reset');
    expect(store.getState().run.rows).toHaveLength(0);
    c.emit({ type: 'metrics', rows: [row(8)], val: [] }); // late rows of the run before
    c.emit({ type: 'metrics', rows: [], val: [val(0)] });
    c.emit({ type: 'metrics', rows: [row(4)], val: [] });
    timers.runAll();
    expect(store.getState().run.rows.map((r) => r.step)).toEqual([4]);
  });

  it('a reset after a size or split-seed change starts a fresh worker, and commands go to it', async () => {
    const { store, clients, bridge } = await setup();
    store.getState().setStudentSize({ dim: 4 });
    bridge.reset();
    await new Promise((r) => setTimeout(r, 0));
    expect(clients).toHaveLength(2);
    expect(clients[0].disposed).toBe(true);
    const load = clients[1].sent.find((m) => m.type === 'load') as Extract<ToWorker, { type: 'load' }>;
    expect(load.config.student.dim).toBe(4);
    bridge.play();
    expect(clients[1].types().at(-1)).toBe('start');
    expect(clients[0].types()).not.toContain('start');

    const before = store.getState().dataset.current!.split;
    store.getState().setSplitSeed(5);
    bridge.reset();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().dataset.current!.split).not.toBe(before);
    expect(store.getState().dataset.current!.split.seed).toBe(5);
    expect(clients).toHaveLength(3);
    const load3 = clients[2].sent.find((m) => m.type === 'load') as Extract<ToWorker, { type: 'load' }>;
    expect(load3.config.schedule).toBe('teacher-first'); // the shipped teacher fits split seed 1 only
  });

  it('ignores events of a worker that was replaced', async () => {
    const { store, clients, bridge, timers } = await setup();
    store.getState().setSeed(3);
    bridge.reset();
    await new Promise((r) => setTimeout(r, 0));
    clients[0].emit({ type: 'metrics', rows: [row(4)], val: [val(0)] });
    timers.runAll();
    expect(store.getState().run.rows).toHaveLength(0);
  });

  it('soft labels reach the store at most once per coalescing window, the latest one', async () => {
    const { store, clients, timers } = await setup();
    const labels = (temperature: number) => ({ temperature, user: 1 }) as unknown as Extract<FromWorker, { type: 'soft-labels' }>['labels'];
    let updates = 0;
    store.subscribe((s, p) => s.run.softLabels !== p.run.softLabels && updates++);
    for (const T of [0.5, 1, 2]) clients[0].emit({ type: 'soft-labels', labels: labels(T) });
    expect(store.getState().run.softLabels).toBeNull();
    timers.runAll();
    expect(updates).toBe(1);
    expect(store.getState().run.softLabels?.temperature).toBe(2);
  });

  it('worker errors become notices; progress lands in the run slice', async () => {
    const { store, clients } = await setup();
    const c = clients[0];
    c.emit({ type: 'error', message: 'no teacher checkpoint for this dataset: the teacher trains first', recoverable: true });
    c.emit({ type: 'error', message: 'boom', recoverable: false });
    const notices = store.getState().ui.notices;
    expect(notices.map((n) => [n.level, n.key])).toContainEqual(['warning', 'notice.workerWarning']);
    expect(notices.map((n) => [n.level, n.key])).toContainEqual(['error', 'notice.workerError']);
    c.emit({ type: 'error', message: 'the webgpu device was lost; training continues on wasm from step 12', recoverable: true, notice: { key: 'notice.deviceLost', from: 'webgpu', to: 'wasm', step: 12 } });
    expect(store.getState().ui.notices.at(-1)).toMatchObject({ level: 'warning', key: 'notice.deviceLost', vars: { from: 'webgpu', to: 'wasm', step: 12 } });
    c.emit({ type: 'progress', status: 'ready', phase: 'progress.students', fraction: 0, step: 0, epoch: 0, totalSteps: 100, numTensors: 50, gpuBytes: null });
    expect(store.getState().run).toMatchObject({ status: 'ready', totalSteps: 100, numTensors: 50 });
  });
});
