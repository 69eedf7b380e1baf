/**
 * Post-training symmetric int8 quantisation: q = round(w / s) clamped to ±127, s = max|w| / 127,
 * one fp32 scale per tensor or per embedding row. Stored: one byte per value plus 4 bytes per scale.
 */
import type { WeightSpec } from '../models/size';
import { entityView, sizeOfSpec } from './shape';
import type { Compressed, WeightMap } from './types';

/** 'row': one scale per embedding row (users, items), one per tensor elsewhere; 'tensor': one per tensor. */
export type Int8Mode = 'row' | 'tensor';

/** An int8 tensor: codes, its scales, and the values it decodes to. */
export interface Int8Tensor {
  q: Int8Array;
  /** fp32 scales, one per group (row or tensor). */
  scales: Float32Array;
  /** Scale group of each value. */
  groupOf: (i: number) => number;
  decoded: Float32Array;
}

/** Scale of a group with largest magnitude `maxAbs`, as stored (fp32). 0 for an all-zero group. */
export const int8Scale = (maxAbs: number): number => Math.fround(maxAbs / 127);

/**
 * Quantises one tensor.
 * @param perRow one scale per entity row (see entityView) instead of one for the tensor
 * @example quantizeInt8(new Float32Array([0.5, -1]), { name: 'b', shape: [2], perRowScale: false }, false).q // → Int8Array [64, -127]
 */
export function quantizeInt8(values: Float32Array, spec: WeightSpec, perRow: boolean): Int8Tensor {
  const n = sizeOfSpec(spec);
  if (values.length !== n) throw new Error(`int8: ${spec.name} has ${values.length} values, its shape needs ${n}`);
  const v = entityView(spec);
  const groups = perRow ? v.rows : 1;
  const groupIdx = new Int32Array(n);
  const maxAbs = new Float64Array(groups);
  for (let r = 0; r < v.rows; r++) {
    const g = perRow ? r : 0;
    for (let c = 0; c < v.cols; c++) {
      const i = v.at(r, c);
      groupIdx[i] = g;
      const a = Math.abs(values[i]);
      if (a > maxAbs[g]) maxAbs[g] = a;
    }
  }
  const scales = new Float32Array(groups);
  for (let g = 0; g < groups; g++) scales[g] = int8Scale(maxAbs[g]);
  const q = new Int8Array(n);
  const decoded = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const s = scales[groupIdx[i]];
    const code = s > 0 ? Math.max(-127, Math.min(127, Math.round(values[i] / s))) : 0;
    q[i] = code;
    decoded[i] = code * s;
  }
  return { q, scales, groupOf: (i) => groupIdx[i], decoded };
}

/** A whole model in int8: decoded weights and bytes = values + 4 · scales. */
export function int8Model(specs: readonly WeightSpec[], weights: WeightMap, mode: Int8Mode): Compressed {
  const decoded: WeightMap = {};
  let bytes = 0;
  for (const s of specs) {
    const t = quantizeInt8(weights[s.name], s, mode === 'row' && s.perRowScale);
    decoded[s.name] = t.decoded;
    bytes += t.q.length + 4 * t.scales.length;
  }
  return { decoded, bytes };
}
