import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { maxAbsDiff, useCpu } from '../test/tfSetup';
import { tinySplit } from '../test/tinySplit';
import { defaultTrainConfig, type TrainConfig } from './config';
import { DistillEngine } from './engine';
import { exportModel, type ExportMetadata } from './exportJob';
import type { ExportableModel, FromWorker, ModelExport } from './protocol';
import { Session } from './runJob';

beforeAll(useCpu);

const split = tinySplit(50, 30, 8, 5);
const config: TrainConfig = {
  ...defaultTrainConfig,
  batchSize: 32,
  schedule: 'online',
  teacher: { ...defaultTrainConfig.teacher, dim: 8, hidden: 12 },
  student: { ...defaultTrainConfig.student, dim: 3 },
};

/** Loads an export the way a user would (model.json + weights), through tf.io.fromMemory. */
async function load(out: ModelExport): Promise<{ model: tfl.LayersModel; meta: ExportMetadata }> {
  const json = JSON.parse(out.modelJson) as tf.io.ModelJSON;
  const model = await tfl.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: out.weights, userDefinedMetadata: json.userDefinedMetadata }),
  );
  return { model, meta: model.getUserDefinedMetadata() as ExportMetadata };
}

describe('exportModel', () => {
  it('student, KD student and teacher load back with tf.loadLayersModel and give the engine’s scores; no tensor leaks', async () => {
    const e = new DistillEngine(split, config);
    for (let i = 0; i < 30; i++) await e.stepAndRead(false);
    const keys = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const before = tf.memory().numTensors;
    for (const which of ['student', 'kd', 'teacher'] as ExportableModel[]) {
      const user = 7;
      const out = await exportModel(e, split, { id: 1, model: which, probeUser: user, userKeys: keys(50, 'u'), itemKeys: keys(30, 'i'), datasetName: 'tiny' });
      expect(tf.memory().numTensors, which).toBe(before);
      expect(JSON.parse(out.modelJson).weightsManifest[0].paths).toEqual([`./${which}.weights.bin`]);
      const { model, meta } = await load(out);
      expect(meta.model).toBe(which);
      expect(meta.userKeys[user]).toBe('u7');
      const hs = split.histOffsets[user];
      const he = split.histOffsets[user + 1];
      expect(meta.probe.history).toEqual(Array.from(split.histItems.subarray(hs, he)));
      const history = new Float32Array(split.nItems);
      for (const i of meta.probe.history) history[i] = 1 / meta.probe.history.length;
      const u = tf.tensor2d([[user]], [1, 1], 'int32');
      const h = tf.tensor2d(history, [1, split.nItems]);
      const y = model.predict(which === 'teacher' ? [u, h] : u) as tf.Tensor;
      const got = (await y.data()) as Float32Array;
      tf.dispose([u, h, y]);
      // the studio's own forward pass, independent of the probe stored in the file
      const ref = tf.tidy(() => {
        const m = which === 'teacher' ? e.teacher : which === 'student' ? e.student : e.kd;
        return m.forward({ users: tf.tensor1d([user], 'int32'), history: tf.tensor2d(history, [1, split.nItems]), dropoutMask: null }, false).logits;
      });
      const want = (await ref.data()) as Float32Array;
      ref.dispose();
      expect(maxAbsDiff(got, want), which).toBeLessThan(1e-5);
      expect(maxAbsDiff(got, meta.probe.logits), which).toBeLessThan(1e-5);
      model.dispose();
      expect(tf.memory().numTensors, `${which} after dispose`).toBe(before);
    }
    e.dispose();
  });
});

describe('Session export-model', () => {
  it('answers with the artifacts, or with a sentence before a load; tensors stay flat across exports', async () => {
    const got: FromWorker[] = [];
    const s = new Session({
      post: (m) => got.push(m),
      chooseBackend: async () => ({ backend: 'cpu', reason: { key: 'backend.reason.onlyOne' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [] }),
      yieldToEvents: () => new Promise((r) => setTimeout(r, 0)),
    });
    const req = { type: 'export-model' as const, model: 'kd' as ExportableModel, probeUser: 2, userKeys: [] as string[], itemKeys: [] as string[], datasetName: 'tiny' };
    await s.handle({ ...req, id: 1 });
    expect(got.at(-1)).toEqual({ type: 'model-export', id: 1, result: { error: 'no trained model yet' } });
    await s.handle({ type: 'init', backend: 'auto' });
    await s.handle({ type: 'load', split, config, plan: { epochs: 1, valUsers: 20, evalEvery: 5, reportEvery: 1 }, checkpoint: null });
    await s.handle({ type: 'step' });
    const before = tf.memory().numTensors;
    for (let id = 2; id < 5; id++) {
      await s.handle({ ...req, id, model: id === 3 ? 'teacher' : 'kd' });
      const m = got.at(-1)!;
      expect(m.type === 'model-export' && m.id === id && 'modelJson' in m.result).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    }
    await s.handle({ ...req, id: 9, probeUser: 10_000 });
    expect(got.at(-1)).toMatchObject({ type: 'model-export', id: 9, result: { error: 'export: probe user 10000 is not in 0..49' } });
  });
});
