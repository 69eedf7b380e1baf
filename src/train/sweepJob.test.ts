import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWeights } from '../models/recommender';
import { useCpu } from '../test/tfSetup';
import { tinySplit, tinyTrainConfig } from '../test/tinySplit';
import type { TrainConfig } from './config';
import { DistillEngine } from './engine';
import type { FromWorker, SweepEvent } from './protocol';
import { Session } from './runJob';
import { SweepJob, type SweepContext } from './sweepJob';

beforeAll(useCpu);

const split = tinySplit(60, 30, 8, 3);
const config: TrainConfig = tinyTrainConfig;

function harness() {
  const events: SweepEvent[] = [];
  const post = (m: FromWorker) => {
    if (m.type === 'sweep') events.push(m.event);
  };
  const yieldToEvents = () => new Promise<void>((r) => setTimeout(r, 0));
  return { events, post, yieldToEvents, of: <K extends SweepEvent['kind']>(k: K) => events.filter((e): e is Extract<SweepEvent, { kind: K }> => e.kind === k) };
}

const until = async (cond: () => boolean, ms = 60_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

async function contextWithTeacher(): Promise<SweepContext & { dispose(): void }> {
  const main = new DistillEngine(split, config);
  const teacherWeights = await readWeights(main.teacher);
  return {
    status: 'paused',
    loaded: { split, config, teacherWeights },
    engine: main,
    hyper: null,
    dispose: () => main.dispose(),
  };
}

describe('SweepJob (the studio’s sweep in the worker)', () => {
  it('measures the baseline and every cell, reports progress per cell, and leaves no tensor behind', async () => {
    const h = harness();
    const job = new SweepJob(h);
    const ctx = await contextWithTeacher();
    const before = tf.memory().numTensors;
    for (let round = 0; round < 2; round++) {
      h.events.length = 0;
      await job.handle({ kind: 'start', request: { temperatures: [0.5, 2], alphas: [0.5, 1], epochs: 1 } }, ctx);
      expect(job.busy).toBe(true);
      await until(() => h.of('done').length > 0);
      expect(h.of('started')[0].cells).toBe(5);
      expect(h.of('baseline')).toHaveLength(1);
      const cells = h.of('cell');
      expect(cells.map((c) => [c.ti, c.ai])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
      for (const c of cells) expect(c.ndcg).toBeGreaterThanOrEqual(0);
      // every cell, the baseline included, reports its own progress
      expect(new Set(h.of('progress').map((p) => p.cell))).toEqual(new Set([0, 1, 2, 3, 4]));
      expect(h.of('done')[0].numTensors).toBe(before);
      expect(job.busy).toBe(false);
    }
    expect(tf.memory().numTensors).toBe(before);
    ctx.dispose();
  }, 120_000);

  it('cancels between two steps, disposing the cell it was in', async () => {
    const h = harness();
    const job = new SweepJob(h);
    const ctx = await contextWithTeacher();
    const before = tf.memory().numTensors;
    await job.handle({ kind: 'start', request: { temperatures: [0.5, 1, 2], alphas: [0.5, 0.9, 1], epochs: 3 } }, ctx);
    await until(() => h.of('progress').some((p) => p.cell === 1));
    await job.handle({ kind: 'cancel' }, ctx);
    await until(() => h.of('cancelled').length > 0);
    expect(h.of('done')).toHaveLength(0);
    expect(h.of('cell').length).toBeLessThan(9);
    expect(h.of('cancelled')[0].numTensors).toBe(before);
    expect(job.busy).toBe(false);
    ctx.dispose();
  }, 120_000);

  it('refuses while the main run trains, without a teacher, on a bad grid, and while busy', async () => {
    const h = harness();
    const job = new SweepJob(h);
    const ctx = await contextWithTeacher();
    const ok = { temperatures: [1], alphas: [1], epochs: 1 };
    await job.handle({ kind: 'start', request: ok }, { ...ctx, status: 'running' });
    await job.handle({ kind: 'start', request: ok }, { ...ctx, loaded: { ...ctx.loaded!, teacherWeights: null } }); // teacher still training
    await job.handle({ kind: 'start', request: { ...ok, alphas: [1.5] } }, ctx);
    await job.handle({ kind: 'start', request: ok }, { ...ctx, loaded: null, engine: null });
    expect(h.of('refused').map((r) => r.reason)).toEqual(['training', 'noTeacher', 'badGrid', 'noRun']);
    await job.handle({ kind: 'start', request: ok }, ctx);
    await job.handle({ kind: 'start', request: ok }, ctx);
    expect(h.of('refused').at(-1)!.reason).toBe('busy');
    await until(() => h.of('done').length > 0);
    ctx.dispose();
  }, 120_000);

  it('through the session: play waits while a sweep runs; a run without a teacher is refused', async () => {
    const h = harness();
    const got: FromWorker[] = [];
    const s = new Session({
      post: (m) => {
        got.push(m);
        h.post(m);
      },
      chooseBackend: async () => ({ backend: 'cpu', reason: { key: 'backend.reason.onlyOne' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [] }),
      yieldToEvents: h.yieldToEvents,
    });
    await s.handle({ type: 'init', backend: 'auto' });
    await s.handle({ type: 'load', split, config, plan: { epochs: 1, valUsers: 20, evalEvery: 5, reportEvery: 1 }, checkpoint: null });
    // online schedule: the teacher trains with the students, so there is no frozen teacher to sweep with
    await s.handle({ type: 'sweep', command: { kind: 'start', request: { temperatures: [1], alphas: [1], epochs: 1 } } });
    expect(h.of('refused').map((r) => r.reason)).toEqual(['noTeacher']);

    await s.handle({ type: 'load', split, config: { ...config, schedule: 'teacher-first', teacherEpochs: 0 }, plan: { epochs: 1, valUsers: 20, evalEvery: 5, reportEvery: 1 }, checkpoint: null });
    await s.handle({ type: 'step' }); // 0 teacher epochs: the first step freezes the teacher
    await s.handle({ type: 'sweep', command: { kind: 'start', request: { temperatures: [1], alphas: [1], epochs: 1 } } });
    expect(h.of('started')).toHaveLength(1);
    const steps = got.filter((m) => m.type === 'progress').length;
    await s.handle({ type: 'start' });
    expect(h.of('blocksRun')).toHaveLength(1);
    await until(() => h.of('done').length > 0);
    const last = got.filter((m): m is Extract<FromWorker, { type: 'progress' }> => m.type === 'progress').at(-1)!;
    expect(last.status).toBe('paused'); // the main run never started
    expect(got.filter((m) => m.type === 'progress').length).toBe(steps);
  }, 120_000);
});
