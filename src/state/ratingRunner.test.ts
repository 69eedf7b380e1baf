import { describe, expect, it } from 'vitest';
import { splitFor } from '../data/split';
import { datasetStats } from '../data/stats';
import { synthesize } from '../data/synth';
import type { BackendReport, FromWorker, ToWorker } from '../train/protocol';
import { RatingRunner } from './ratingRunner';
import { createStudioStore } from './store';
import type { TrainPort } from './trainBridge';

class FakeClient implements TrainPort {
  sent: ToWorker[] = [];
  send(msg: ToWorker) {
    this.sent.push(msg);
  }
  onMessage(_: (m: FromWorker) => void) {}
  dispose() {}
}

function setup() {
  const store = createStudioStore();
  const dataset = { ...synthesize({ users: 30, items: 20, clusters: 3, perUser: 6, seed: 1, noise: 0.1 }), source: 'upload' as const };
  store.getState().datasetLoaded({ dataset, stats: datasetStats(dataset), split: splitFor(dataset, 1), blocker: null, warnings: [], titleCount: null });
  const clients: FakeClient[] = [];
  const runner = new RatingRunner(store, () => {
    const c = new FakeClient();
    clients.push(c);
    return c;
  });
  return { store, clients, runner };
}

const report = (backend: BackendReport['backend']): BackendReport => ({ backend, reason: { key: 'backend.reason.probeFastest' }, adapter: null, webglRenderer: null, probes: [], failures: [] });

describe('RatingRunner', () => {
  it("starts its worker on the backend the training worker chose, without probing again", () => {
    const { store, clients, runner } = setup();
    store.getState().runReady(report('wasm'));
    expect(runner.start()).toBe(true);
    expect(clients[0].sent[0]).toEqual({ type: 'init', backend: 'wasm' });
    expect(clients[0].sent[1]).toMatchObject({ type: 'rating', command: { type: 'start' } });
  });

  it('asks for the configured choice while the training worker has not reported yet', () => {
    const { clients, runner } = setup();
    expect(runner.start()).toBe(true);
    expect(clients[0].sent[0]).toEqual({ type: 'init', backend: 'auto' });
  });
});
