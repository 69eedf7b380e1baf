/**
 * Settings of a compression sweep with their defaults (type and defaults together, as in
 * squoosh's meta.ts). tf-free: the studio's panel imports it.
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

/** Rejects settings by name (a bad value from a message or a flag gives a sentence, not a crash). */
export function validateCompressConfig(c: CompressConfig): void {
  for (const s of c.sparsities) if (!(s >= 0 && s < 1)) throw new Error(`compress: every sparsity must be in [0, 1), got ${s}`);
  for (const r of c.ranks) if (!Number.isInteger(r) || r < 1) throw new Error(`compress: every rank must be a whole number ≥ 1, got ${r}`);
  if (!Number.isInteger(c.users) || c.users < 0) throw new Error(`compress: users must be a whole number ≥ 0, got ${c.users}`);
}
