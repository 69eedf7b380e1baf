/**
 * Export of a trained model in tf.js layers format (model.json + one weights file), for anyone who
 * wants to use it outside the studio with tf.loadLayersModel. The studio's models are hand-written
 * (models/); here a tf.layers model with the same inference-mode forward pass is built around a
 * copy of the trained weights, saved through tf.io.withSaveHandler and disposed again.
 *
 *   student / kd: user id → Embedding(U, d) → Flatten → Dense(N) (kernel = itemEmbT, bias = itemBias)
 *   teacher: user id → Embedding → Flatten = u;  history [N] (1/n on each of the user's n train
 *            items) → Dense(d, no bias; kernel = histEmb) = h;  x = Dense(d)(relu(Dense(hidden)([u; h]))) + u + h;
 *            logits = Dense(N)(x). Dropout is the identity at inference, so it has no layer.
 *
 * The model's metadata carries the dataset's keys (dense id → the file's id) and one user's
 * scores from the studio's own forward pass, so a loader can check it reproduces them.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';
import { fillEvalRows } from '../data/batches';
import type { Split } from '../data/types';
import { readWeights, type Recommender } from '../models/recommender';
import type { DistillEngine } from './engine';
import type { ExportRequest, ModelExport } from './protocol';

/** What model.json's userDefinedMetadata holds. */
export interface ExportMetadata {
  studio: 'Distillation Studio';
  model: ExportRequest['model'];
  dataset: string;
  inputs: string;
  /** One user's logits from the studio's forward pass, and the history that went in (dense item ids). */
  probe: { user: number; history: number[]; logits: number[] };
  userKeys: string[];
  itemKeys: string[];
}

type Weights = Record<string, Float32Array>;
/** tfjs-layers is loaded on the first export only: the training worker starts without its ~400 kB. */
type Tfl = typeof import('@tensorflow/tfjs-layers');

/** Sets a layer's weights from CPU values; the layer keeps its own copies. */
function setLayerWeights(layer: { setWeights(w: tf.Tensor[]): void }, values: { data: Float32Array; shape: number[] }[]): void {
  const ts = values.map((v) => tf.tensor(v.data, v.shape, 'float32'));
  layer.setWeights(ts);
  tf.dispose(ts);
}

function userInput(tfl: Tfl): SymbolicTensor {
  return tfl.input({ shape: [1], dtype: 'int32', name: 'user' });
}

function studentLayers(tfl: Tfl, w: Weights, U: number, N: number, d: number): LayersModel {
  const user = userInput(tfl);
  const emb = tfl.layers.embedding({ inputDim: U, outputDim: d, name: 'user_embedding' });
  const out = tfl.layers.dense({ units: N, name: 'logits' });
  const s = tfl.layers.flatten({ name: 'user_vector' }).apply(emb.apply(user)) as SymbolicTensor;
  const model = tfl.model({ inputs: user, outputs: out.apply(s) as SymbolicTensor, name: 'student' });
  setLayerWeights(emb, [{ data: w.userEmb, shape: [U, d] }]);
  setLayerWeights(out, [
    { data: w.itemEmbT, shape: [d, N] },
    { data: w.itemBias, shape: [N] },
  ]);
  return model;
}

function teacherLayers(tfl: Tfl, w: Weights, U: number, N: number, d: number, hidden: number): LayersModel {
  const user = userInput(tfl);
  const history = tfl.input({ shape: [N], name: 'history' });
  const emb = tfl.layers.embedding({ inputDim: U, outputDim: d, name: 'user_embedding' });
  const hist = tfl.layers.dense({ units: d, useBias: false, name: 'history_mean' });
  const l1 = tfl.layers.dense({ units: hidden, activation: 'relu', name: 'mlp_hidden' });
  const l2 = tfl.layers.dense({ units: d, name: 'mlp_out' });
  const out = tfl.layers.dense({ units: N, name: 'logits' });
  const u = tfl.layers.flatten({ name: 'user_vector' }).apply(emb.apply(user)) as SymbolicTensor;
  const h = hist.apply(history) as SymbolicTensor;
  const z = tfl.layers.concatenate({ axis: -1, name: 'u_h' }).apply([u, h]) as SymbolicTensor;
  const m2 = l2.apply(l1.apply(z)) as SymbolicTensor;
  const x = tfl.layers.add({ name: 'residual' }).apply([m2, u, h]) as SymbolicTensor;
  const model = tfl.model({ inputs: [user, history], outputs: out.apply(x) as SymbolicTensor, name: 'teacher' });
  setLayerWeights(emb, [{ data: w.userEmb, shape: [U, d] }]);
  setLayerWeights(hist, [{ data: w.histEmb, shape: [N, d] }]);
  setLayerWeights(l1, [
    { data: w.W1, shape: [2 * d, hidden] },
    { data: w.b1, shape: [hidden] },
  ]);
  setLayerWeights(l2, [
    { data: w.W2, shape: [hidden, d] },
    { data: w.b2, shape: [d] },
  ]);
  setLayerWeights(out, [
    { data: w.itemEmbT, shape: [d, N] },
    { data: w.itemBias, shape: [N] },
  ]);
  return model;
}

/** The studio's own eval-mode logits for one user, with the history row it used. */
async function probeLogits(m: Recommender, split: Split, user: number): Promise<{ history: Float32Array; logits: Float32Array }> {
  const N = split.nItems;
  const history = new Float32Array(N);
  fillEvalRows(split, Int32Array.of(user), 'test', history, new Float32Array(N));
  const t = tf.tidy(() => {
    const input = { users: tf.tensor1d([user], 'int32'), history: tf.tensor2d(history, [1, N]), dropoutMask: null };
    return m.forward(input, false).logits;
  });
  const logits = (await t.data()) as Float32Array;
  t.dispose();
  return { history, logits };
}

/**
 * One trained model of the engine as tf.js layers artifacts.
 * @example const out = await exportModel(engine, split, { id: 1, model: 'kd', probeUser: 0, userKeys, itemKeys, datasetName: 'u.data' })
 */
export async function exportModel(engine: DistillEngine, split: Split, req: ExportRequest): Promise<ModelExport> {
  const m = req.model === 'teacher' ? engine.teacher : req.model === 'student' ? engine.student : engine.kd;
  const U = split.nUsers;
  const N = split.nItems;
  if (!(req.probeUser >= 0 && req.probeUser < U)) throw new Error(`export: probe user ${req.probeUser} is not in 0..${U - 1}`);
  const w = await readWeights(m);
  const probe = await probeLogits(m, split, req.probeUser);
  const tfl = await import('@tensorflow/tfjs-layers');
  const model = req.model === 'teacher' ? teacherLayers(tfl, w, U, N, m.dim, engine.teacher.config.hidden) : studentLayers(tfl, w, U, N, m.dim);
  try {
    const meta: ExportMetadata = {
      studio: 'Distillation Studio',
      model: req.model,
      dataset: req.datasetName,
      inputs:
        req.model === 'teacher'
          ? 'user: int32 [batch, 1] dense user id; history: float32 [batch, N], 1/n on each of the user’s n training items (dense item ids)'
          : 'user: int32 [batch, 1] dense user id',
      probe: { user: req.probeUser, history: [...probe.history.keys()].filter((i) => probe.history[i] > 0), logits: Array.from(probe.logits) },
      userKeys: req.userKeys,
      itemKeys: req.itemKeys,
    };
    model.setUserDefinedMetadata(meta);
    let artifacts: tf.io.ModelArtifacts | null = null;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
      }),
    );
    const a = artifacts as tf.io.ModelArtifacts | null;
    if (!a?.weightSpecs || !a.weightData) throw new Error('export: tf.js saved no weights');
    const weightsName = `${req.model}.weights.bin`;
    const json = {
      modelTopology: a.modelTopology,
      format: a.format,
      generatedBy: a.generatedBy,
      convertedBy: a.convertedBy ?? null,
      weightsManifest: [{ paths: [`./${weightsName}`], weights: a.weightSpecs }],
      userDefinedMetadata: a.userDefinedMetadata,
    };
    return { model: req.model, modelJson: JSON.stringify(json), weightsName, weights: tf.io.CompositeArrayBuffer.join(a.weightData) };
  } finally {
    model.dispose();
  }
}
