/**
 * Magnitude pruning: in every weight matrix (2-D tensors: embedding tables and dense layers) the
 * round(sparsity · n) entries of smallest |w| become exactly 0; biases (1-D) stay dense. Storage
 * is counted honestly per tensor as the cheapest of four formats, surviving values in fp32:
 *   dense  4n
 *   bitmap ⌈n/8⌉ (one bit per entry) + 4·nnz
 *   coo    nnz · (4 + w), flat index in the narrowest of uint8/uint16/uint32 that addresses n entries
 *   csr    nnz · (4 + w_col) + 4·(rows + 1), column index in the narrowest width for the row length
 * so a sparse size is never reported above the dense one (dense is one of the choices).
 */
import type { WeightSpec } from '../models/size';
import { sizeOfSpec } from './shape';
import type { Compressed, SparseFormat, WeightMap } from './types';

/** Bytes of the narrowest unsigned integer that holds indices 0..count−1. */
export const indexBytes = (count: number): number => (count <= 256 ? 1 : count <= 65536 ? 2 : 4);

/** Bytes of one tensor in each format, and the cheapest. */
export function sparseBytes(shape: readonly number[], nnz: number): { format: SparseFormat; bytes: number; all: Record<SparseFormat, number> } {
  const n = shape.reduce((a, b) => a * b, 1);
  const rows = shape.length === 2 ? shape[0] : 1;
  const cols = shape.length === 2 ? shape[1] : n;
  const all: Record<SparseFormat, number> = {
    dense: 4 * n,
    bitmap: Math.ceil(n / 8) + 4 * nnz,
    coo: nnz * (4 + indexBytes(n)),
    csr: nnz * (4 + indexBytes(cols)) + 4 * (rows + 1),
  };
  let format: SparseFormat = 'dense';
  for (const f of ['bitmap', 'coo', 'csr'] as const) if (all[f] < all[format]) format = f;
  return { format, bytes: all[format], all };
}

/**
 * Positions of a tensor from smallest to largest |w|, ties by position: the whole ranking pruning
 * needs, so a sweep sorts each tensor once and every sparsity cuts a prefix of it.
 */
export function magnitudeOrder(values: Float32Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) order[i] = i;
  return order.sort((a, b) => Math.abs(values[a]) - Math.abs(values[b]) || a - b);
}

/**
 * Zeros exactly round(sparsity · n) entries of smallest magnitude (ties broken by position, so the
 * count is exact whatever the values). `order` is magnitudeOrder(values), computed when not given
 * and only when something is cut.
 */
export function pruneTensor(values: Float32Array, sparsity: number, order?: () => Uint32Array): Float32Array {
  if (!(sparsity >= 0 && sparsity < 1)) throw new Error(`prune: sparsity must be in [0, 1), got ${sparsity}`);
  const k = Math.round(sparsity * values.length);
  const out = Float32Array.from(values);
  if (k === 0) return out;
  const o = order ? order() : magnitudeOrder(values);
  for (let j = 0; j < k; j++) out[o[j]] = 0;
  return out;
}

/** Whether a tensor is pruned (matrices) or kept dense (biases). */
export const isPruned = (s: WeightSpec): boolean => s.shape.length === 2;

/**
 * The pruning sweep of one model: a function from sparsity to the pruned model (decoded weights
 * with zeros in place, bytes, and the format per tensor). Each matrix is sorted by magnitude once,
 * on the first sparsity that cuts it, and the order is reused by every later one (the orders, 4
 * bytes per matrix entry, live as long as the returned function).
 */
export function pruneSweep(specs: readonly WeightSpec[], weights: WeightMap): (sparsity: number) => Compressed & { formats: Record<string, SparseFormat> } {
  const orders = new Map<string, Uint32Array>();
  const orderOf = (name: string) => () => {
    let o = orders.get(name);
    if (!o) orders.set(name, (o = magnitudeOrder(weights[name])));
    return o;
  };
  return (sparsity) => {
    const decoded: WeightMap = {};
    const formats: Record<string, SparseFormat> = {};
    let bytes = 0;
    for (const s of specs) {
      if (!isPruned(s)) {
        decoded[s.name] = Float32Array.from(weights[s.name]);
        formats[s.name] = 'dense';
        bytes += 4 * sizeOfSpec(s);
        continue;
      }
      const p = pruneTensor(weights[s.name], sparsity, orderOf(s.name));
      let nnz = 0;
      for (let i = 0; i < p.length; i++) if (p[i] !== 0) nnz++;
      const c = sparseBytes(s.shape, nnz);
      decoded[s.name] = p;
      formats[s.name] = c.format;
      bytes += c.bytes;
    }
    return { decoded, bytes, formats };
  };
}

/** A whole model pruned to one `sparsity` (see pruneSweep). */
export function pruneModel(specs: readonly WeightSpec[], weights: WeightMap, sparsity: number): Compressed & { formats: Record<string, SparseFormat> } {
  return pruneSweep(specs, weights)(sparsity);
}
