/**
 * Distillation settings and their defaults. The defaults come from validation NDCG@10 on the
 * built-in dataset (engine issue note): a sharp teacher (T 0.25, α 1) helps the tiny student, the
 * textbook T=2, α=0.5 does not; soft labels over unseen items with the KD student's own rate 1e-2
 * took the mean over three splits from 0.1134 (all items, 5e-3, T 0.5) to 0.1207, and T 0.25
 * (sharper than 0.5, softer than 0.15) to 0.1276.
 */

/** Which term carries the teacher's knowledge. */
export type DistillLoss = 'soft' | 'mse' | 'rank' | 'hint';

export const DISTILL_LOSSES: readonly DistillLoss[] = ['soft', 'mse', 'rank', 'hint'];

export interface DistillConfig {
  loss: DistillLoss;
  /** Temperature T of the soft labels (soft loss; also what the soft-label view shows); its range is in settings/table.ts. */
  temperature: number;
  /** Weight of the distillation term: total = α·distill + (1−α)·hard, in 0..1. */
  alpha: number;
  /** Ranking distillation: how many of the teacher's top items count as extra positives. */
  rankK: number;
  /** Ranking distillation: position weight w_k ∝ exp(−k/rankDecay), k = 0..K−1. */
  rankDecay: number;
  /**
   * Soft and ranking losses over the items that are still candidates only: the user's other
   * history items are masked out of both distributions, so the student spends its few dimensions
   * on how the teacher orders unseen items — the order that test-time ranking asks for.
   */
  unseenOnly: boolean;
  /**
   * Learning rate of the student that learns with KD. It has its own, chosen on validation like the
   * student alone's: following the teacher's sharp soft labels tolerates a faster rate than
   * following one hard label, and a shared rate would handicap one of the two.
   */
  lr: number;
}

export const defaultDistillConfig: DistillConfig = {
  loss: 'soft',
  temperature: 0.25,
  alpha: 1,
  rankK: 10,
  rankDecay: 5,
  unseenOnly: true,
  lr: 1e-2,
};

/** The losses with distributions an unseen-only mask can shape: soft labels and ranking distillation. */
export function lossHasDistribution(loss: DistillLoss): boolean {
  return loss === 'soft' || loss === 'rank';
}

/** Whether these settings distill over unseen items (the switch is moot for MSE and hint). */
export function distillsOverUnseen(c: DistillConfig): boolean {
  return c.unseenOnly && lossHasDistribution(c.loss);
}


/** Position weights of ranking distillation, normalised to sum to 1. */
export function rankWeights(k: number, decay: number): Float32Array {
  const w = new Float32Array(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    w[i] = Math.exp(-i / decay);
    s += w[i];
  }
  for (let i = 0; i < k; i++) w[i] /= s;
  return w;
}
