import { describe, expect, it } from 'vitest';
import { ratingErrors } from './ratingMetrics.ts';

describe('ratingErrors', () => {
  it('computes RMSE and MAE', () => {
    const e = ratingErrors([3, 4, 5, 1], [4, 4, 3, 1]);
    expect(e.rmse).toBeCloseTo(Math.sqrt((1 + 0 + 4 + 0) / 4), 12);
    expect(e.mae).toBeCloseTo(3 / 4, 12);
  });
  it('is 0 for perfect predictions, NaN for none, and refuses mismatched lengths', () => {
    expect(ratingErrors(Float32Array.from([2.5, 3]), [2.5, 3])).toEqual({ rmse: 0, mae: 0 });
    expect(ratingErrors([], [])).toEqual({ rmse: NaN, mae: NaN });
    expect(() => ratingErrors([1], [1, 2])).toThrow(/1 predictions for 2 ratings/);
  });
});
