import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { splitRatings } from '../data/ratingSplit';
import { synthesizeRatings } from '../data/synthRatings';
import { BiasedMf, biasedMfInit } from '../models/biasedMf';
import { ItemAutoRec, autoRecInit } from '../models/itemAutoRec';
import { defaultRatingRunConfig, type RatingRunConfig } from '../models/ratingConfig';
import { maxAbsDiff, useCpu } from '../test/tfSetup';
import { RatingEngine } from './ratingEngine';
import { fitRatingStudents, fitRatingTeacher, ratingReport } from './ratingFit';

beforeAll(useCpu);

const split = splitRatings(synthesizeRatings({ users: 80, items: 60, ratings: 2400, seed: 5, minPerUser: 10 }), { seed: 1 });
const config: RatingRunConfig = {
  ...defaultRatingRunConfig,
  teacher: { ...defaultRatingRunConfig.teacher, hidden: 16, batchItems: 16, lr: 1e-2, l2: 1 },
  student: { ...defaultRatingRunConfig.student, dim: 4, lr: 2e-2 },
  batchSize: 256,
};

describe('rating models', () => {
  it('biased MF backward equals autodiff of mean squared error + the per-batch L2', () => {
    const c = { ...config.student, l2: 0.3 };
    const m = new BiasedMf(10, 7, c, 3.5, biasedMfInit(10, 7, c, 1));
    const users = tf.tensor1d([0, 3, 3, 9], 'int32');
    const items = tf.tensor1d([1, 1, 6, 2], 'int32');
    const y = tf.tensor1d([4, 2, 5, 3]);
    const lossOf = () => {
      const { pred, cache } = m.forward(users, items);
      const reg = tf.add(tf.add(tf.sum(tf.square(cache.p)), tf.sum(tf.square(cache.q))), tf.add(tf.sum(tf.square(cache.bu)), tf.sum(tf.square(cache.bi))));
      return tf.add(tf.mean(tf.square(tf.sub(pred, y))), tf.mul(reg, 0.3 / 4)) as tf.Scalar;
    };
    const auto = tf.variableGrads(lossOf, Object.values(m.weights)).grads;
    const mine = tf.tidy(() => {
      const { pred, cache } = m.forward(users, items);
      return m.backward(users, items, cache, tf.mul(tf.sub(pred, y), 2 / 4) as tf.Tensor1D);
    });
    for (const [name, v] of Object.entries(m.weights)) expect(maxAbsDiff(mine[name].dataSync(), auto[v.name].dataSync()), name).toBeLessThan(1e-5);
    tf.dispose([users, items, y, ...Object.values(auto), ...Object.values(mine)]);
    m.dispose();
  });

  it('AutoRec backward equals autodiff of its masked objective', () => {
    const c = { ...config.teacher, hidden: 5, l2: 2 };
    const m = new ItemAutoRec(6, c, autoRecInit(6, c, 3, 2));
    const x = tf.tensor2d([[4, 0, 3, 0, 0, 5], [0, 2, 0, 0, 1, 0], [5, 5, 0, 4, 0, 0]]);
    const mask = tf.cast(tf.greater(x, 0), 'float32') as tf.Tensor2D;
    const nObs = 8;
    const nTrain = 40;
    const lossOf = () => {
      const { out } = m.forward(x);
      const se = tf.div(tf.sum(tf.mul(tf.square(tf.sub(out, x)), mask)), nObs);
      const reg = tf.mul(tf.add(tf.sum(tf.square(m.weights.W1)), tf.sum(tf.square(m.weights.W2))), 2 / (2 * nTrain));
      return tf.add(se, reg) as tf.Scalar;
    };
    const auto = tf.variableGrads(lossOf, Object.values(m.weights)).grads;
    const mine = tf.tidy(() => m.backward(x, mask, nObs, nTrain, m.forward(x)).grads);
    for (const [name, v] of Object.entries(m.weights)) expect(maxAbsDiff(mine[name].dataSync(), auto[v.name].dataSync()), name).toBeLessThan(1e-5);
    tf.dispose([x, mask, ...Object.values(auto), ...Object.values(mine)]);
    m.dispose();
  });
});

describe('RatingEngine', () => {
  it('keeps tf.memory().numTensors flat across epochs, restarts and runs, and back to the start after dispose', async () => {
    const start = tf.memory().numTensors;
    const run = async () => {
      const e = new RatingEngine(split, config);
      const built = tf.memory().numTensors;
      await e.teacherEpoch();
      await e.freezeTeacher();
      await e.studentsEpoch({ student: true, kd: true });
      expect(tf.memory().numTensors).toBe(built);
      await e.studentsEpoch({ student: true, kd: true });
      e.restartStudent('kd', { ...config.student, l2: 0.1 });
      e.distill = { alpha: 0.9, unrated: 3 };
      await e.studentsEpoch({ student: false, kd: true });
      await e.predict('kd', split.test);
      await ratingReport(e, split.test);
      expect(tf.memory().numTensors).toBe(built);
      e.dispose();
      expect(tf.memory().numTensors).toBe(start);
    };
    await run();
    await run();
  });

  it('learns: every model beats predicting the mean; epochs are chosen on validation; deterministic for a seed', async () => {
    const once = async () => {
      const e = new RatingEngine(split, config);
      const t = await fitRatingTeacher(e, { epochs: 8 });
      const s = await fitRatingStudents(e, { student: true, kd: true }, { epochs: 8 });
      const rep = await ratingReport(e, split.test);
      e.dispose();
      return { t, s, rep };
    };
    const a = await once();
    let se = 0;
    for (const r of split.test.ratings) se += (r - split.mean) ** 2;
    const meanRmse = Math.sqrt(se / split.test.ratings.length);
    for (const m of ['teacher', 'student', 'kd'] as const) expect(a.rep[m].rmse, m).toBeLessThan(meanRmse);
    // the blend weight is chosen on validation over a grid holding w = 0 and w = 1: never worse than either part
    const parts = a.t.teacherMf!;
    expect(a.t.bestVal.rmse).toBeLessThanOrEqual(parts.autoRecValRmse + 1e-9);
    expect(a.t.bestVal.rmse).toBeLessThanOrEqual(parts.valRmse + 1e-6);
    expect(parts.blend).toBeGreaterThanOrEqual(0);
    expect(parts.blend).toBeLessThanOrEqual(1);
    const bestVal = Math.min(...a.s.student!.epochs.map((e) => e.val.rmse));
    expect(a.s.student!.bestVal.rmse).toBe(bestVal);
    expect(a.t.epochs.length).toBe(8);
    const b = await once();
    expect(b.rep).toEqual(a.rep);
  });
});
