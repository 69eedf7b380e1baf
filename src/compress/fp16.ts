/**
 * IEEE 754 binary16 by hand (Node 20 and older browsers have no Float16Array): 1 sign, 5 exponent,
 * 10 mantissa bits, round to nearest with ties to even, overflow to ±Infinity, subnormals kept,
 * NaN stays NaN. Stored: 2 bytes per value.
 */
import type { WeightSpec } from '../models/size';
import type { Compressed, WeightMap } from './types';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The binary16 bit pattern nearest to `x` (as float32 first), ties to even.
 * @example toHalfBits(1) === 0x3c00; toHalfBits(65520) === 0x7c00 // rounds to +Infinity
 */
export function toHalfBits(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 | (mant >>> 13) : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    // subnormal half: value = h · 2^-24, so h = (1.mant) · 2^(e-1) in units of 2^-24
    if (e < -10) return sign;
    const m = mant | 0x800000;
    const shift = 14 - e;
    let h = m >>> shift;
    const rem = m & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1) === 1)) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  // a carry out of the mantissa bumps the exponent, which is the right rounding (up to Infinity)
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1) === 1)) h++;
  return sign | h;
}

/** The number a binary16 bit pattern stands for. */
export function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** x rounded to binary16 and back. */
export const roundHalf = (x: number): number => fromHalfBits(toHalfBits(x));

/** A whole model in float16: decoded weights, 2 bytes per value. */
export function fp16Model(specs: readonly WeightSpec[], weights: WeightMap): Compressed {
  const decoded: WeightMap = {};
  let bytes = 0;
  for (const s of specs) {
    const v = weights[s.name];
    const out = new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = roundHalf(v[i]);
    decoded[s.name] = out;
    bytes += 2 * v.length;
  }
  return { decoded, bytes };
}
