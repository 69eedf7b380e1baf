import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useCpu } from '../test/tfSetup';
import { tinySplit } from '../test/tinySplit';
import { sizeOf } from '../models/size';
import { defaultTrainConfig, type TrainConfig } from './config';
import { compressModels } from './compressJob';
import { DistillEngine } from './engine';
import { evaluate } from './evaluate';
import type { FromWorker } from './protocol';
import { Session } from './runJob';

beforeAll(useCpu);

const split = tinySplit(60, 30, 8, 3);
const config: TrainConfig = {
  ...defaultTrainConfig,
  batchSize: 32,
  schedule: 'online',
  teacher: { ...defaultTrainConfig.teacher, dim: 8, hidden: 8 },
  student: { ...defaultTrainConfig.student, dim: 4 },
};
const cc = { sparsities: [0, 0.5, 0.9], ranks: [1, 2], teacher: true, users: 0 };

describe('compression sweep on real models', () => {
  it('scores models rebuilt from the decoded weights, counts bytes, and leaks no tensor', async () => {
    const e = new DistillEngine(split, config);
    e.roles = { teacher: 'train', student: true, kd: true };
    for (let i = 0; i < 10; i++) await e.stepAndRead(false);
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const r = await compressModels({ teacher: e.teacher, student: e.student, kd: e.kd }, split, cc, 1, (p) => void seen.push(p.done));
    expect(tf.memory().numTensors).toBe(before);
    // 4 fixed points + 3 sparsities + ranks 1, 2 and full, per model
    expect(seen.length).toBe(3 * 10);
    expect(r.users).toBe(split.evalUsers.length);
    for (const [m, c] of [[e.kd, r.kd], [e.student, r.student], [e.teacher, r.teacher!]] as const) {
      const size = sizeOf(m.specs);
      expect(c.fp32.bytes).toBe(size.bytesFp32);
      expect(c.fp16.bytes).toBe(2 * size.params);
      expect(c.int8PerRow.bytes).toBe(size.bytesInt8);
      expect(c.int8.bytes).toBe(size.params + 4 * m.specs.length);
      // the fp32 "compression" is the model itself: same score as evaluating it directly
      expect(c.fp32.ndcg10).toBeCloseTo((await evaluate(m, split, split.evalUsers, 'test')).ndcg, 6);
      expect(c.prune.map((p) => p.sparsity)).toEqual([0, 0.5, 0.9]);
      expect(c.prune[0].bytes).toBe(size.bytesFp32);
      expect(c.prune[2].bytes).toBeLessThan(c.prune[1].bytes);
      expect(c.lowrank.map((p) => p.rank)).toEqual([1, 2, m.dim]);
      expect(c.lowrank.at(-1)!.ndcg10).toBeCloseTo(c.fp32.ndcg10, 3);
    }
    // 90% pruning visibly changes the KD student's scores (the compressed model is what is scored)
    expect(r.kd.prune[2].valNdcg10).not.toBe(r.kd.fp32.valNdcg10);
    e.dispose();
  });

  it('the worker session answers compress with progress and a report, pausing training first', async () => {
    const got: FromWorker[] = [];
    const s = new Session({
      post: (m) => got.push(m),
      chooseBackend: async () => ({ backend: 'cpu', reason: { key: 'backend.reason.onlyOne' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [] }),
      yieldToEvents: () => new Promise((res) => setTimeout(res, 0)),
    });
    await s.handle({ type: 'compress', config: cc });
    expect(got.at(-1)).toMatchObject({ type: 'compress-failed' });
    await s.handle({ type: 'init', backend: 'auto' });
    await s.handle({ type: 'load', split, config, plan: { epochs: 1, valUsers: 30, evalEvery: 5, reportEvery: 1 }, checkpoint: null });
    await s.handle({ type: 'start' });
    await s.handle({ type: 'compress', config: { ...cc, users: 20 } });
    const done = got.filter((m): m is Extract<FromWorker, { type: 'compress-done' }> => m.type === 'compress-done');
    expect(done.length).toBe(1);
    expect(done[0].report.users).toBe(20);
    expect(got.some((m) => m.type === 'compress-progress' && m.done === m.total && m.total > 0)).toBe(true);
    const last = got.filter((m) => m.type === 'progress').at(-1);
    expect(last).toMatchObject({ status: 'paused' });
  });
});
