import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../data/rng';
import { splitDomains, targetSplit } from '../transfer/domains';
import { useCpu } from '../test/tfSetup';
import { defaultTrainConfig } from './config';
import { DistillEngine } from './engine';
import { fitRole } from './fit';
import { defaultTransferSettings, pretrainSource, runTransfer } from './transferRun';

beforeAll(useCpu);

/** 30 users in 3 taste clusters over 24 source and 18 target items. */
function tinyDomains() {
  const rng = new Rng(4);
  const users: number[] = [];
  const items: number[] = [];
  for (let u = 0; u < 30; u++) {
    const seen = new Set<number>();
    while (seen.size < 12) {
      const i = rng.next() < 0.8 ? (u % 3) + 3 * rng.int(14) : rng.int(42);
      seen.add(i);
    }
    for (const i of seen) {
      users.push(u);
      items.push(i);
    }
  }
  return splitDomains(Int32Array.from(users), Int32Array.from(items), 30, Int8Array.from({ length: 42 }, (_, i) => (i < 24 ? 0 : 1)));
}

describe('transfer run', () => {
  it('frozen user embeddings do not move while the item side trains', async () => {
    const d = tinyDomains();
    const split = targetSplit(d, 1, 1);
    const engine = new DistillEngine(split, { ...defaultTrainConfig, batchSize: 16, schedule: 'online', student: { ...defaultTrainConfig.student, dim: 4 } });
    engine.student.frozen.add('userEmb');
    const before = { u: engine.student.weights.userEmb.dataSync().slice(), i: engine.student.weights.itemEmbT.dataSync().slice() };
    await fitRole(engine, 'student', { epochs: 2, valUsers: split.evalUsers });
    expect(Array.from(engine.student.weights.userEmb.dataSync())).toEqual(Array.from(before.u));
    expect(Array.from(engine.student.weights.itemEmbT.dataSync())).not.toEqual(Array.from(before.i));
    engine.dispose();
  });

  it('gives every mode a result and leaves no tensor behind', async () => {
    const d = tinyDomains();
    const s = { ...defaultTransferSettings, dim: 4, studentDim: 2, batchSize: 32, maxEpochs: 2, patience: 1, keep: 0.5 };
    const start = tf.memory().numTensors;
    const pre = await pretrainSource(d, s);
    expect(pre.userEmb.length).toBe(30 * 4);
    const phases: string[] = [];
    const r = await runTransfer(d, pre, s, { onPhase: (p) => phases.push(p) });
    expect(phases).toEqual(['scratch', 'frozen', 'finetune', 'joint', 'crossStudent', 'crossKd']);
    for (const m of [r.scratch, r.frozen, r.finetune, r.joint, r.popularity, r.crossKd, r.crossKd.student]) {
      expect(m.ndcg10).toBeGreaterThanOrEqual(0);
      expect(m.hr10).toBeLessThanOrEqual(1);
    }
    expect(r.target.items).toBe(18);
    expect(r.target.testUsers).toBe(30);
    expect(r.frozen.bestEpoch).toBeGreaterThanOrEqual(1);
    expect(tf.memory().numTensors).toBe(start);
    // a second run leaves the count where it was: nothing accumulates across runs
    await runTransfer(d, pre, s);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('pretraining keeps the weight decay the source validation item prefers', async () => {
    const d = tinyDomains();
    const s = { ...defaultTransferSettings, dim: 4, batchSize: 32, maxEpochs: 3, patience: 3 };
    const start = tf.memory().numTensors;
    const grid = [0.5, 0, 0.05];
    const alone = [];
    for (const l2 of grid) alone.push(await pretrainSource(d, { ...s, pretrainL2s: [l2] }));
    const pre = await pretrainSource(d, { ...s, pretrainL2s: grid });
    const best = alone.reduce((a, b) => (b.valNdcg10 > a.valNdcg10 ? b : a));
    expect(new Set(alone.map((p) => p.valNdcg10)).size).toBeGreaterThan(1);
    expect(pre.l2).toBe(best.l2);
    expect(pre.valNdcg10).toBe(best.valNdcg10);
    expect(Array.from(pre.userEmb)).toEqual(Array.from(best.userEmb));
    expect(tf.memory().numTensors).toBe(start);
    await expect(pretrainSource(d, { ...s, pretrainL2s: [-1] })).rejects.toThrow(/pretraining weight decay/);
  });
});

describe('L2-SP anchor', () => {
  it('weight decay pulls toward the anchor, not toward 0', async () => {
    const { Adam } = await import('./adam');
    const a = tf.variable(tf.tensor1d([1, 2]));
    const b = tf.variable(tf.tensor1d([1, 2]));
    const adam = new Adam({ a, b }, 0.1, 0.5);
    adam.anchor('a', Float32Array.from([1, 2]));
    tf.tidy(() => adam.apply({ a: tf.zeros([2]), b: tf.zeros([2]) }));
    expect(Array.from(a.dataSync())).toEqual([1, 2]);
    expect(b.dataSync()[0]).toBeLessThan(1);
    adam.dispose();
    a.dispose();
    b.dispose();
  });
});
