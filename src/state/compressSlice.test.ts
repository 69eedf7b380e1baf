import { describe, expect, it } from 'vitest';
import type { CompressReport, ModelCompression } from '../compress/types';
import { datasetStats } from '../data/stats';
import { splitFor } from '../data/split';
import { synthesize } from '../data/synth';
import type { FromWorker, ToWorker } from '../train/protocol';
import { createStudioStore } from './store';
import { TrainBridge } from './trainBridge';

const point = { bytes: 100, ndcg10: 0.1, valNdcg10: 0.1 };
const model: ModelCompression = { fp32: point, fp16: point, int8: point, int8PerRow: point, prune: [], lowrank: [] };
const report: CompressReport = { kd: model, student: model, teacher: null, users: 20, seconds: 1 };

describe('compression through the bridge', () => {
  it('sends the sweep settings, shows progress and the report, and a reset clears it', async () => {
    const store = createStudioStore();
    const sent: ToWorker[] = [];
    let emit: (m: FromWorker) => void = () => {};
    const bridge = new TrainBridge(store, {
      makeClient: () => ({ send: (m) => void sent.push(m), onMessage: (l) => void (emit = l), dispose: () => {} }),
      fetchCheckpoint: async () => null,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    bridge.start();
    const dataset = synthesize({ users: 30, items: 20, clusters: 3, perUser: 6, seed: 1, noise: 0.1 });
    store.getState().datasetLoaded({ dataset, stats: datasetStats(dataset), split: splitFor(dataset, 1), blocker: null, warnings: [], titleCount: null });
    await new Promise((r) => setTimeout(r, 0));
    const s = () => store.getState().compress;

    store.getState().setCompressConfig({ users: 200, teacher: false });
    bridge.compress();
    expect(sent.at(-1)).toEqual({ type: 'compress', config: { ...store.getState().config.compress, users: 200, teacher: false } });
    expect(s().status).toBe('running');
    emit({ type: 'compress-progress', done: 3, total: 10 });
    expect(s()).toMatchObject({ done: 3, total: 10 });
    emit({ type: 'compress-done', report });
    expect(s()).toMatchObject({ status: 'done', report });

    bridge.reset();
    expect(s()).toMatchObject({ status: 'idle', report: null });

    bridge.compress();
    emit({ type: 'compress-failed', message: 'no models' });
    expect(s()).toMatchObject({ status: 'failed', error: 'no models' });
    bridge.dispose();
  });
});
