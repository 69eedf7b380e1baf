import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useCpu } from '../test/tfSetup';
import { tinySplit } from '../test/tinySplit';
import { rankOf } from '../eval/metrics';
import { topKFromScores } from '../eval/overlap';
import { StudentModel } from '../models/student';
import { TeacherModel } from '../models/teacher';
import { defaultStudentConfig, defaultTeacherConfig } from '../models/config';
import { recommend, scoreUsers } from './evaluate';

beforeAll(useCpu);

describe('full-ranking scorer', () => {
  const split = tinySplit(300, 40, 9, 2);
  it('ranks equal the plain-TS reference (train items and the other held-out item excluded)', async () => {
    const m = new StudentModel(split.nUsers, split.nItems, { ...defaultStudentConfig, dim: 4 }, 5);
    const users = split.evalUsers;
    for (const heldOut of ['val', 'test'] as const) {
      const got = await scoreUsers(m, split, users, heldOut, 5);
      const scores = tf.tidy(() => tf.add(tf.matMul(m.weights.userEmb, m.weights.itemEmbT), m.weights.itemBias)).dataSync() as Float32Array;
      const exclude = (u: number) => {
        const ex = Array.from(split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1]));
        ex.push(heldOut === 'test' ? split.valItem[u] : split.testItem[u]);
        return ex;
      };
      for (let i = 0; i < users.length; i++) {
        const u = users[i];
        const row = scores.subarray(u * split.nItems, (u + 1) * split.nItems);
        const target = heldOut === 'val' ? split.valItem[u] : split.testItem[u];
        expect(got.ranks[i]).toBe(rankOf(row, target, exclude(u)));
      }
      const want = topKFromScores(scores, split.nItems, 5, exclude);
      // same top-5 sets (tf.topk may order exact ties differently)
      for (let i = 0; i < users.length; i++) {
        const a = [...got.topK!.subarray(i * 5, i * 5 + 5)].sort();
        const b = [...want.subarray(users[i] * 5, users[i] * 5 + 5)].sort();
        expect(a).toEqual(b);
      }
    }
    m.dispose();
  });

  it('counts ties against the held-out item: a model scoring every item the same ranks it last', async () => {
    const m = new StudentModel(split.nUsers, split.nItems, { ...defaultStudentConfig, dim: 4 }, 5);
    for (const w of Object.values(m.weights)) (w as tf.Variable).assign(tf.zerosLike(w));
    const got = await scoreUsers(m, split, split.evalUsers, 'test');
    split.evalUsers.forEach((u, i) => {
      const seen = new Set([...split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1]), split.valItem[u]]);
      seen.delete(split.testItem[u]);
      expect(got.ranks[i]).toBe(split.nItems - 1 - seen.size);
    });
    m.dispose();
  });

  it('scores the teacher with the full history and leaks no tensors', async () => {
    const t = new TeacherModel(split.nUsers, split.nItems, { ...defaultTeacherConfig, dim: 4, hidden: 4 }, 3);
    const before = tf.memory().numTensors;
    const r = await scoreUsers(t, split, split.evalUsers, 'test', 10);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.ranks.length).toBe(split.evalUsers.length);
    for (const x of r.ranks) expect(x).toBeGreaterThanOrEqual(0);
    t.dispose();
  });

  it('recommend() serves the same top-k as the scorer, leaking no tensors', async () => {
    const t = new TeacherModel(split.nUsers, split.nItems, { ...defaultTeacherConfig, dim: 4, hidden: 4 }, 3);
    const users = split.evalUsers;
    const before = tf.memory().numTensors;
    const top = await recommend(t, split, users, 5);
    expect(tf.memory().numTensors).toBe(before);
    const ref = await scoreUsers(t, split, users, 'test', 5);
    for (let i = 0; i < users.length; i++) expect([...top.subarray(i * 5, i * 5 + 5)].sort()).toEqual([...ref.topK!.subarray(i * 5, i * 5 + 5)].sort());
    t.dispose();
  });
});
