import { describe, expect, it } from 'vitest';
import {
  ExampleStream,
  fillEvalRows,
  fillHistoryBlock,
  fillLeaveOneOutWeights,
  fillOtherHistoryMask,
  fillTrainHistory,
  fillTrainHistoryT,
  sampleEvalUsers,
} from './batches.ts';
import type { Split } from './types.ts';

// 3 users, 5 items. User 0 trains on items 0, 2, 3 (val 1, test 4); user 1 on item 4 only
// (not evaluated); user 2 on items 1, 3 (val 0, test 2).
const SPLIT: Split = {
  nUsers: 3,
  nItems: 5,
  trainUsers: Int32Array.from([0, 0, 0, 1, 2, 2]),
  trainItems: Int32Array.from([0, 2, 3, 4, 1, 3]),
  histOffsets: Int32Array.from([0, 3, 4, 6]),
  histItems: Int32Array.from([0, 2, 3, 4, 1, 3]),
  valItem: Int32Array.from([1, -1, 0]),
  testItem: Int32Array.from([4, -1, 2]),
  evalUsers: Int32Array.from([0, 2]),
  order: 'random',
  seed: 1,
};

const rows = (a: Float32Array, n: number): number[][] => Array.from({ length: a.length / n }, (_, r) => [...a.subarray(r * n, r * n + n)]);

describe('training rows', () => {
  it('leaves the target out of its own history and weighs the rest 1/(n−1)', () => {
    const out = new Float32Array(3 * 5).fill(9);
    fillTrainHistory(SPLIT, Int32Array.from([0, 1, 2]), Int32Array.from([2, 4, 1]), out);
    expect(rows(out, 5)).toEqual([
      [0.5, 0, 0, 0.5, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0],
    ]);
    const w = new Float32Array(3);
    fillLeaveOneOutWeights(SPLIT, Int32Array.from([0, 1, 2]), w);
    expect([...w]).toEqual([0.5, 0, 1]);
  });

  it('builds the transposed history rows', () => {
    const users = Int32Array.from([0, 1, 2]);
    const targets = Int32Array.from([2, 4, 1]);
    const h = new Float32Array(15);
    const ht = new Float32Array(15).fill(3);
    fillTrainHistory(SPLIT, users, targets, h);
    fillTrainHistoryT(SPLIT, users, targets, ht);
    for (let b = 0; b < 3; b++) for (let i = 0; i < 5; i++) expect(ht[i * 3 + b]).toBe(h[b * 5 + i]);
  });

  it('masks exactly the items a leave-one-out history row holds', () => {
    const users = Int32Array.from([0, 1, 2]);
    const targets = Int32Array.from([2, 4, 1]);
    const mask = new Float32Array(15).fill(7);
    fillOtherHistoryMask(SPLIT, users, targets, -1e9, mask);
    const hist = new Float32Array(15);
    fillTrainHistory(SPLIT, users, targets, hist);
    expect([...mask]).toEqual([...hist].map((h) => (h > 0 ? -1e9 : 0)));
  });

  it('streams every example once per epoch, in full batches, the same for the same seed', () => {
    const a = new ExampleStream(SPLIT, 4, 3);
    const b = new ExampleStream(SPLIT, 4, 3);
    const seen: string[] = [];
    const u = new Int32Array(4);
    const t = new Int32Array(4);
    const u2 = new Int32Array(4);
    const t2 = new Int32Array(4);
    for (let k = 0; k < 3; k++) {
      a.next(u, t);
      b.next(u2, t2);
      expect([...u2]).toEqual([...u]);
      expect([...t2]).toEqual([...t]);
      for (let i = 0; i < 4; i++) seen.push(`${u[i]}:${t[i]}`);
    }
    expect(a.epoch).toBe(2);
    // the first 6 examples are one whole pass
    expect(seen.slice(0, 6).sort()).toEqual(['0:0', '0:2', '0:3', '1:4', '2:1', '2:3']);
    expect(() => new ExampleStream(SPLIT, 0, 1)).toThrow(/positive integer/);
  });
});

describe('evaluation rows', () => {
  it('excludes the train items and the other held-out item, never the ranked one', () => {
    const h = new Float32Array(10);
    const x = new Float32Array(10);
    fillEvalRows(SPLIT, Int32Array.from([0, 2]), 'val', h, x);
    expect(rows(x, 5)).toEqual([
      [1, 0, 1, 1, 1],
      [0, 1, 1, 1, 0],
    ]);
    expect(rows(h, 5)[1]).toEqual([0, 0.5, 0, 0.5, 0]);
    fillEvalRows(SPLIT, Int32Array.from([0, -1]), 'test', h, x);
    expect(rows(x, 5)).toEqual([
      [1, 1, 1, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('builds 0/1 history blocks and samples evaluated users only', () => {
    const out = new Float32Array(10);
    fillHistoryBlock(SPLIT, 1, 2, out);
    expect(rows(out, 5)).toEqual([
      [0, 0, 0, 0, 1],
      [0, 1, 0, 1, 0],
    ]);
    expect([...sampleEvalUsers(SPLIT, 10, 1)]).toEqual([0, 2]);
    const one = sampleEvalUsers(SPLIT, 1, 1);
    expect(one.length).toBe(1);
    expect([0, 2]).toContain(one[0]);
  });
});
