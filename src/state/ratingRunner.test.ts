import { describe, expect, it } from 'vitest';
import { splitFor } from '../data/split';
import { datasetStats } from '../data/stats';
import { synthesize } from '../data/synth';
import { fakeClients } from '../test/fakeTrainPort';
import type { BackendReport } from '../train/protocol';
import { RatingRunner } from './ratingRunner';
import { sideWorkerBackend } from './sideWorkerBackend';
import { createStudioStore } from './store';

function setup() {
  const store = createStudioStore();
  const dataset = { ...synthesize({ users: 30, items: 20, clusters: 3, perUser: 6, seed: 1, noise: 0.1 }), source: 'upload' as const };
  store.getState().datasetLoaded({ dataset, stats: datasetStats(dataset), split: splitFor(dataset, 1), blocker: null, warnings: [], titleCount: null });
  const { clients, make } = fakeClients();
  const runner = new RatingRunner(store, make);
  return { store, clients, runner };
}

const report = (backend: BackendReport['backend'], more: Partial<BackendReport> = {}): BackendReport => ({ backend, reason: { key: 'backend.reason.probeFastest' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [], ...more });
const swiftShaderGl = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

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

  it('a software GPU that won the ranking probe gives way to wasm; a hardware GPU or a forced backend stays', () => {
    expect(sideWorkerBackend(report('webgl', { webglRenderer: swiftShaderGl, software: true }), 'auto')).toBe('wasm');
    expect(sideWorkerBackend(report('webgpu', { adapter: { vendor: 'google', architecture: 'swiftshader', description: '', isFallback: false }, software: true }), 'auto')).toBe('wasm');
    expect(sideWorkerBackend(report('webgpu', { adapter: { vendor: 'x', architecture: '', description: '', isFallback: true }, software: true }), 'auto')).toBe('wasm');
    expect(sideWorkerBackend(report('webgl', { reason: { key: 'backend.reason.hardwareGpu' }, webglRenderer: 'ANGLE (NVIDIA, GeForce RTX 3060)' }), 'auto')).toBe('webgl');
    expect(sideWorkerBackend(report('webgpu', { reason: { key: 'backend.reason.hardwareGpu' }, adapter: { vendor: 'apple', architecture: 'metal-3', description: '', isFallback: false } }), 'auto')).toBe('webgpu');
    expect(sideWorkerBackend(report('webgl', { reason: { key: 'backend.reason.override' }, webglRenderer: swiftShaderGl, software: true }), 'webgl')).toBe('webgl');
    expect(sideWorkerBackend(report('cpu'), 'auto')).toBe('cpu');
    expect(sideWorkerBackend(null, 'wasm')).toBe('wasm');
  });
});
