import { describe, expect, it } from 'vitest';
import { sliderToT, T_LOG_RANGE } from './tScale';

describe('temperature slider scale', () => {
  it('maps log positions to T with two significant digits, clamped to 0.1–20', () => {
    expect(sliderToT(0)).toBe(1);
    expect(sliderToT(Math.log10(0.5))).toBe(0.5);
    expect(sliderToT(Math.log10(4.04))).toBe(4);
    expect(sliderToT(T_LOG_RANGE.min)).toBe(0.1);
    expect(sliderToT(T_LOG_RANGE.max)).toBe(20);
    expect(sliderToT(5)).toBe(20);
    expect(sliderToT(-3)).toBe(0.1);
  });
});
