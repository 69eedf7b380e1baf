/**
 * Low-rank compression of embedding tables by truncated SVD: a table W (m×n) is stored as two
 * factors A = U_r·Σ_r (m×r) and B = V_r (n×r), W ≈ A·Bᵀ, fp32: 4·r·(m + n) bytes instead of 4·m·n.
 * That only saves bytes when r < m·n/(m + n) (≈ n, the embedding size, for a tall table), so the
 * full rank costs more than the table: the result says so instead of hiding it. Other tensors
 * (dense layers, biases) stay fp32.
 */
import type { WeightSpec } from '../models/size';
import { sizeOfSpec } from './shape';
import { svd } from './svd';
import type { Compressed, WeightMap } from './types';

/** A matrix's SVD, computed once, from which every rank is cut. */
export class TableSvd {
  private readonly d: ReturnType<typeof svd>;
  private readonly tall: boolean;
  /**
   * @param values row-major a×b
   */
  constructor(values: ArrayLike<number>, readonly a: number, readonly b: number) {
    this.tall = a >= b;
    const m = this.tall ? a : b;
    const n = this.tall ? b : a;
    // the SVD wants rows ≥ columns: decompose Wᵀ for a wide table (same singular values)
    const mat = new Float64Array(m * n);
    for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) mat[this.tall ? i * n + j : j * n + i] = values[i * b + j];
    this.d = svd(mat, m, n);
  }

  /** Singular values, descending. */
  get singularValues(): Float64Array {
    return this.d.S;
  }

  /** The rank-r approximation (rank exactly min(r, rank W)) and the number of values in its two factors. */
  truncate(rank: number): { approx: Float32Array; rank: number; factorValues: number } {
    if (!Number.isInteger(rank) || rank < 1) throw new Error(`low-rank: rank must be a whole number ≥ 1, got ${rank}`);
    const { m, n, U, S, V } = this.d;
    const r = Math.min(rank, n);
    const approx = new Float32Array(this.a * this.b);
    const us = new Float64Array(r);
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < r; k++) us[k] = U[i * n + k] * S[k];
      for (let j = 0; j < n; j++) {
        let x = 0;
        for (let k = 0; k < r; k++) x += us[k] * V[j * n + k];
        approx[this.tall ? i * this.b + j : j * this.b + i] = x;
      }
    }
    return { approx, rank: r, factorValues: r * (m + n) };
  }
}

/** Whether a tensor is factorised (the embedding tables). */
export const isFactorised = (s: WeightSpec): boolean => s.perRowScale && s.shape.length === 2;

/**
 * Low-rank versions of a whole model: every embedding table at rank ≤ r, other tensors as they are.
 * The SVDs are computed once (on first use) and shared by every rank of the sweep.
 * @returns rank → decoded weights, bytes, and whether the factors cost more than the dense tables
 */
export function lowRankSweep(specs: readonly WeightSpec[], weights: WeightMap): (rank: number) => Compressed & { exceedsDense: boolean } {
  const svds = new Map<string, TableSvd>();
  return (rank) => {
    const decoded: WeightMap = {};
    let bytes = 0;
    let tableFactors = 0;
    let tableDense = 0;
    for (const s of specs) {
      if (!isFactorised(s)) {
        decoded[s.name] = Float32Array.from(weights[s.name]);
        bytes += 4 * sizeOfSpec(s);
        continue;
      }
      let t = svds.get(s.name);
      if (!t) svds.set(s.name, (t = new TableSvd(weights[s.name], s.shape[0], s.shape[1])));
      const cut = t.truncate(rank);
      decoded[s.name] = cut.approx;
      bytes += 4 * cut.factorValues;
      tableFactors += 4 * cut.factorValues;
      tableDense += 4 * sizeOfSpec(s);
    }
    return { decoded, bytes, exceedsDense: tableFactors > tableDense };
  };
}

/** The full rank of a model's tables (the largest useful rank): the embedding size. */
export function fullRank(specs: readonly WeightSpec[]): number {
  return Math.max(1, ...specs.filter(isFactorised).map((s) => Math.min(s.shape[0], s.shape[1])));
}
