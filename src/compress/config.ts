/**
 * Settings of a compression sweep with their defaults (type and defaults together, as in
 * squoosh's meta.ts). tf-free: the studio's panel imports it. Which values each field accepts is
 * in settings/table.ts (the worker checks a request against it).
 */

export interface CompressConfig {
  /** Pruning sparsities, fractions in [0, 1). */
  sparsities: number[];
  /** Low-rank ranks; each model also gets its full rank, and ranks above it are dropped. */
  ranks: number[];
  /** Also compress and score the teacher (the slow part of the sweep). */
  teacher: boolean;
  /** Users scored per point; 0 = every evaluated user. */
  users: number;
}

export const defaultCompressConfig: CompressConfig = {
  sparsities: [0, 0.25, 0.5, 0.7, 0.8, 0.9, 0.95],
  ranks: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48],
  teacher: true,
  users: 0,
};
