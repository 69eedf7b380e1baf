import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { synthesizeRatings } from '../data/synthRatings';
import { defaultRatingRunConfig, type RatingRunConfig } from '../models/ratingConfig';
import { useCpu } from '../test/tfSetup';
import type { FromWorker, RatingEvent } from './protocol';
import { Session } from './runJob';

beforeAll(useCpu);

const ds = synthesizeRatings({ users: 60, items: 50, ratings: 1500, seed: 2, minPerUser: 10 });
const data = { nUsers: ds.nUsers, nItems: ds.nItems, users: ds.users, items: ds.items, ratings: ds.ratings };
const config: RatingRunConfig = {
  ...defaultRatingRunConfig,
  teacher: { ...defaultRatingRunConfig.teacher, hidden: 8, batchItems: 16 },
  student: { ...defaultRatingRunConfig.student, dim: 2 },
  batchSize: 128,
  teacherEpochs: 2,
  epochs: 2,
};

function harness() {
  const events: RatingEvent[] = [];
  const s = new Session({
    post: (m: FromWorker) => void (m.type === 'rating' && events.push(m.event)),
    chooseBackend: async () => ({ backend: 'cpu', reason: { key: 'backend.reason.onlyOne' }, adapter: null, webglRenderer: null, software: false, probes: [], failures: [] }),
    yieldToEvents: () => new Promise((r) => setTimeout(r, 0)),
  });
  return { s, events, result: () => events.find((e) => e.type === 'result') };
}

const until = async (cond: () => boolean, ms = 30_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('rating job through the worker protocol', () => {
  it('start → progress, a validation point per model and epoch, then test errors; no tensor left behind', async () => {
    const before = tf.memory().numTensors;
    const h = harness();
    await h.s.handle({ type: 'rating', command: { type: 'start', data, splitSeed: 1, config } });
    await until(() => h.result() !== undefined);
    const points = h.events.flatMap((e) => (e.type === 'epoch' ? [`${e.point.model}${e.point.epoch}`] : []));
    expect(points).toEqual(['teacher1', 'teacher2', 'student1', 'kd1', 'student2', 'kd2']);
    expect(h.events.some((e) => e.type === 'progress' && e.phase === 'teacher')).toBe(true);
    const r = h.result() as Extract<RatingEvent, { type: 'result' }>;
    for (const m of [r.teacher, r.student, r.kd]) expect(m.rmse).toBeGreaterThan(0);
    expect(r.kd.params).toBe(r.student.params);
    expect(r.stopped).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stop ends the run early and still reports (a set-distill on the way does no harm); a file without ratings gets an error event', async () => {
    const h = harness();
    await h.s.handle({ type: 'rating', command: { type: 'start', data, splitSeed: 1, config: { ...config, teacherEpochs: 50 } } });
    await h.s.handle({ type: 'rating', command: { type: 'set-distill', distill: { alpha: 0.9, unrated: 0 } } });
    await until(() => h.events.some((e) => e.type === 'epoch'));
    await h.s.handle({ type: 'rating', command: { type: 'stop' } });
    await until(() => h.result() !== undefined);
    expect((h.result() as Extract<RatingEvent, { type: 'result' }>).stopped).toBe(true);
    expect(h.events.filter((e) => e.type === 'epoch').length).toBeLessThan(50);

    const h2 = harness();
    await h2.s.handle({ type: 'rating', command: { type: 'start', data: { ...data, ratings: null }, splitSeed: 1, config } });
    await until(() => h2.events.some((e) => e.type === 'error'));
    expect(h2.events.find((e) => e.type === 'error')).toMatchObject({ message: expect.stringMatching(/no explicit ratings/) });
  });
});
