import { describe, expect, it } from 'vitest';
import { softLabelView, topUnseen } from './softLabels';

describe('softLabelView', () => {
  const teacher = [3, 1, 2, 0];
  const kd = [1, 1, 1, 1];
  const student = [0, 0, 5, 0];
  it('orders items by the teacher and reports the held-out item', () => {
    const v = softLabelView({ teacher, kd, student }, 1, 3, 2, [0]);
    expect(Array.from(v.items)).toEqual([0, 2, 1]);
    expect(v.heldOutRank).toBe(1);
    expect(Array.from(v.seen)).toEqual([1, 0, 0]);
    expect(v.kdEntropy).toBeCloseTo(Math.log(4), 6); // uniform over 4
    const sum = teacher.reduce((s, z) => s + Math.exp(z), 0);
    expect(v.teacher[0]).toBeCloseTo(Math.exp(3) / sum, 6);
  });
  it('over unseen items only, seen items get probability 0 and the rest renormalise', () => {
    const v = softLabelView({ teacher, kd, student }, 1, 4, 2, [0], true);
    expect(Array.from(v.items)).toEqual([2, 1, 3, 0]);
    expect(v.teacher[3]).toBe(0);
    expect(v.heldOutRank).toBe(0);
    const sum = Math.exp(1) + Math.exp(2) + Math.exp(0);
    expect(v.teacher[0]).toBeCloseTo(Math.exp(2) / sum, 6);
    expect(v.kdEntropy).toBeCloseTo(Math.log(3), 6);
    expect(Number.isFinite(v.teacherEntropy)).toBe(true);
  });
  it('a higher temperature flattens the teacher: entropy rises with T', () => {
    const lo = softLabelView({ teacher, kd, student }, 0.5, 4, 2, []);
    const hi = softLabelView({ teacher, kd, student }, 5, 4, 2, []);
    expect(hi.teacherEntropy).toBeGreaterThan(lo.teacherEntropy);
    expect(hi.teacher[0]).toBeLessThan(lo.teacher[0]);
  });
});

describe('topUnseen', () => {
  it('skips excluded items and breaks ties by lower id', () => {
    expect(Array.from(topUnseen([5, 9, 9, 1, 7], 3, [1]))).toEqual([2, 4, 0]);
  });
});
