import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useCpu } from '../test/tfSetup';
import { tinySplit } from '../test/tinySplit';
import { defaultTrainConfig, type TrainConfig } from './config';
import type { FromWorker, RunPlan } from './protocol';
import { Session } from './runJob';

beforeAll(useCpu);

const split = tinySplit(80, 30, 8, 5);
const config: TrainConfig = {
  ...defaultTrainConfig,
  batchSize: 32,
  schedule: 'online',
  teacher: { ...defaultTrainConfig.teacher, dim: 8, hidden: 8 },
  student: { ...defaultTrainConfig.student, dim: 2 },
};
const plan: RunPlan = { epochs: 2, valUsers: 40, evalEvery: 5, reportEvery: 1 };

function harness() {
  const got: FromWorker[] = [];
  const s = new Session({
    post: (m) => got.push(m),
    chooseBackend: async () => ({ backend: 'cpu', reason: { key: 'backend.reason.onlyOne' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [] }),
    yieldToEvents: () => new Promise((r) => setTimeout(r, 0)),
  });
  const of = <T extends FromWorker['type']>(t: T) => got.filter((m): m is Extract<FromWorker, { type: T }> => m.type === t);
  const lastProgress = () => of('progress').at(-1)!;
  return { s, got, of, lastProgress };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('Session (the worker without the worker)', () => {
  it('load → start streams metrics; pause stops them; step advances exactly one; reset returns to step 0', async () => {
    const h = harness();
    await h.s.handle({ type: 'init', backend: 'auto' });
    expect(h.of('ready')[0].report.backend).toBe('cpu');
    await h.s.handle({ type: 'load', split, config, plan, checkpoint: null });
    const startTensors = h.lastProgress().numTensors;
    expect(h.lastProgress().status).toBe('ready');
    expect(h.lastProgress().step).toBe(0);
    await h.s.handle({ type: 'select-user', user: 3 });
    expect(h.of('soft-labels').at(-1)!.labels.user).toBe(3);
    expect(h.of('recommendations').at(-1)!.recs.teacher.length).toBe(10);

    await h.s.handle({ type: 'start' });
    await until(() => h.of('metrics').some((m) => m.rows.length > 0));
    await h.s.handle({ type: 'pause' });
    await new Promise((r) => setTimeout(r, 50));
    const count = h.got.length;
    const step = h.lastProgress().step;
    await new Promise((r) => setTimeout(r, 100));
    expect(h.got.length).toBe(count); // paused: nothing more arrives

    await h.s.handle({ type: 'step' });
    expect(h.lastProgress().step).toBe(step + 1);

    await h.s.handle({ type: 'reset' });
    expect(h.lastProgress().step).toBe(0);
    expect(h.lastProgress().numTensors).toBe(startTensors);
  });

  it('a new temperature changes the next soft-loss values and re-draws the soft labels while paused', async () => {
    const h = harness();
    await h.s.handle({ type: 'init', backend: 'auto' });
    await h.s.handle({ type: 'load', split, config: { ...config, teacher: { ...config.teacher, initStd: 1 }, student: { ...config.student, initStd: 1 } }, plan, checkpoint: null });
    await h.s.handle({ type: 'select-user', user: 1 });
    const before = h.of('soft-labels').at(-1)!.labels;
    await h.s.handle({ type: 'step' });
    const a = h.of('metrics').flatMap((m) => m.rows).at(-1)!;
    await h.s.handle({ type: 'set-hyper', hyper: { distill: { ...config.distill, temperature: 4 }, studentLr: 0.01, teacherLr: 0.003 } });
    const after = h.of('soft-labels').at(-1)!.labels;
    expect(after.temperature).toBe(4);
    expect(after.teacherEntropy).toBeGreaterThan(before.teacherEntropy);
    await h.s.handle({ type: 'step' });
    const b = h.of('metrics').flatMap((m) => m.rows).at(-1)!;
    expect(Math.abs(b.kdDistill - a.kdDistill)).toBeGreaterThan(1e-3);
  });

  it('a run ends with a comparison of the three models and no leaked tensors', async () => {
    const h = harness();
    const t0 = tf.memory().numTensors;
    await h.s.handle({ type: 'init', backend: 'auto' });
    await h.s.handle({ type: 'load', split, config, plan: { ...plan, epochs: 1 }, checkpoint: null });
    await h.s.handle({ type: 'start' });
    await until(() => h.of('comparison').length > 0);
    const c = h.of('comparison')[0];
    expect(c.teacher.params).toBeGreaterThan(c.student.params);
    expect(c.kd.params).toBe(c.student.params);
    expect(c.student.test.users).toBe(split.evalUsers.length);
    await until(() => h.lastProgress().status === 'done');
    await h.s.handle({ type: 'reset' });
    await h.s.handle({ type: 'reset' });
    const tensorsAfterResets = h.lastProgress().numTensors;
    expect(tensorsAfterResets).toBeGreaterThan(t0);
    await h.s.handle({ type: 'reset' });
    expect(h.lastProgress().numTensors).toBe(tensorsAfterResets);
  });
});
