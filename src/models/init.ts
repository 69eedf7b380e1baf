/**
 * Initial weights drawn from the one seeded Rng on the CPU, so every backend (and Node) starts from
 * bit-identical weights: the precondition for the cpu-parity test and for a room seeing one curve.
 */
import { Rng } from '../data/rng';
import type { WeightSpec } from './size';

/**
 * Values per weight: embedding tables ~ N(0, embStd²); dense layers ~ U(±1/√fan_in) (PyTorch's
 * Linear default); biases 0.
 */
export function initialWeights(specs: WeightSpec[], seed: number, embStd: number): Record<string, Float32Array> {
  const rng = new Rng(seed);
  const out: Record<string, Float32Array> = {};
  for (const s of specs) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(n);
    if (s.shape.length === 1) {
      // biases start at zero
    } else if (s.perRowScale) {
      for (let i = 0; i < n; i++) v[i] = rng.normal() * embStd;
    } else {
      const bound = 1 / Math.sqrt(s.shape[0]);
      for (let i = 0; i < n; i++) v[i] = (rng.next() * 2 - 1) * bound;
    }
    out[s.name] = v;
  }
  return out;
}
