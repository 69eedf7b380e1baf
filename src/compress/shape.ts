/** How the compressors read a weight spec: element count and its 2-D (rows × cols) entity view. */
import type { WeightSpec } from '../models/size';

/** Number of values in a tensor. */
export const sizeOfSpec = (s: WeightSpec): number => s.shape.reduce((a, b) => a * b, 1);

/**
 * The tensor as a matrix whose rows are its "entities": users / items for embedding tables
 * (itemEmbT is stored transposed, [dim, nItems], so its entities are columns: the same
 * convention models/size.ts counts int8 scales with), input rows for dense layers.
 * `at(r, c)` is the flat index. 1-D tensors are one row.
 */
export function entityView(s: WeightSpec): { rows: number; cols: number; at(r: number, c: number): number } {
  if (s.shape.length === 1) return { rows: 1, cols: s.shape[0], at: (_r, c) => c };
  const [a, b] = s.shape;
  if (s.name === 'itemEmbT') return { rows: b, cols: a, at: (r, c) => c * b + r };
  return { rows: a, cols: b, at: (r, c) => r * b + c };
}
