import { describe, expect, it } from 'vitest';
import { defaultStudentConfig } from '../models/config';
import { initialWeights } from '../models/init';
import { studentWeightSpecs } from '../models/size';
import { fp16Model, fromHalfBits, roundHalf, toHalfBits } from './fp16';

describe('float16', () => {
  it('encodes exact values and the edges of the format', () => {
    expect(toHalfBits(0)).toBe(0x0000);
    expect(toHalfBits(-0)).toBe(0x8000);
    expect(Object.is(fromHalfBits(0x8000), -0)).toBe(true);
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(65504)).toBe(0x7bff); // largest finite
    expect(toHalfBits(2 ** -14)).toBe(0x0400); // smallest normal
    expect(toHalfBits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toHalfBits(Infinity)).toBe(0x7c00);
    expect(toHalfBits(-Infinity)).toBe(0xfc00);
    expect(Number.isNaN(fromHalfBits(toHalfBits(NaN)))).toBe(true);
    expect(fromHalfBits(0x7bff)).toBe(65504);
    expect(fromHalfBits(0x0001)).toBe(2 ** -24);
    expect(fromHalfBits(0x03ff)).toBe(1023 * 2 ** -24); // largest subnormal
  });

  it('rounds to nearest, ties to even', () => {
    const ulp1 = 2 ** -10; // spacing just above 1
    expect(roundHalf(1 + ulp1 / 2)).toBe(1); // tie → even (1)
    expect(roundHalf(1 + (3 * ulp1) / 2)).toBe(1 + 2 * ulp1); // tie → even (mantissa 2)
    expect(roundHalf(1 + ulp1 / 2 + 2 ** -20)).toBe(1 + ulp1); // above the tie → up
    expect(roundHalf(65519)).toBe(65504); // below the halfway point to 65536 → largest finite
    expect(roundHalf(65520)).toBe(Infinity); // the tie rounds to even, which is Infinity
    expect(roundHalf(2 ** -25)).toBe(0); // half the smallest subnormal: tie → 0
    expect(roundHalf(3 * 2 ** -25)).toBe(2 * 2 ** -24); // 1.5 subnormal units: tie → even (2)
    expect(roundHalf(2 ** -25 + 2 ** -35)).toBe(2 ** -24);
    expect(roundHalf(-(2 ** -26))).toBe(-0);
    expect(roundHalf(2 ** -14 - 2 ** -25)).toBe(2 ** -14); // subnormal rounds up into the normals
  });

  it('round-trips every finite half exactly, and is within half an ulp on random floats', () => {
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) if ((h & 0x7c00) !== 0x7c00 && toHalfBits(fromHalfBits(h)) !== h) wrong.push(h);
    expect(wrong).toEqual([]);
    for (let k = 0; k < 2000; k++) {
      const x = (Math.sin(k * 12.9898) * 43758.5453) % 1000;
      const r = roundHalf(x);
      const e = Math.floor(Math.log2(Math.abs(x)));
      const ulp = 2 ** (Math.max(e, -14) - 10);
      expect(Math.abs(r - x)).toBeLessThanOrEqual(ulp / 2);
    }
  });

  it('a model costs 2 bytes per value', () => {
    const specs = studentWeightSpecs(30, 20, defaultStudentConfig);
    const c = fp16Model(specs, initialWeights(specs, 1, 0.1));
    expect(c.bytes).toBe(2 * (30 * 8 + 8 * 20 + 20));
  });
});
