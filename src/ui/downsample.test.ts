import { describe, expect, it } from 'vitest';
import { downsample, finiteOrNull, MAX_CHART_POINTS } from './downsample';

describe('downsample', () => {
  it('keeps short series whole (as a copy)', () => {
    const xs = [1, 2, 3];
    const out = downsample(xs);
    expect(out).toEqual(xs);
    expect(out).not.toBe(xs);
  });

  it('thins long series to at most max points, keeping the first and the last', () => {
    const xs = Array.from({ length: 5000 }, (_, i) => i);
    const out = downsample(xs);
    expect(out).toHaveLength(MAX_CHART_POINTS);
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(4999);
    expect([...out].sort((a, b) => a - b)).toEqual(out);
    expect(downsample(Array.from({ length: 10 }, (_, i) => i), 4)).toEqual([0, 3, 6, 9]);
  });

  it('turns NaN and infinities into gaps', () => {
    expect([NaN, Infinity, null, undefined, 1.5].map(finiteOrNull)).toEqual([null, null, null, null, 1.5]);
  });
});
