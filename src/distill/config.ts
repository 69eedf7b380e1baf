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
  /** Temperature T of the soft labels (soft loss; also what the soft-label view shows). 0.1..50. */
  temperature: number;
  /** Weight of the distillation term: total = α·distill + (1−α)·hard. 0..1. */
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

export const TEMPERATURE_RANGE = { min: 0.1, max: 50 } as const;

/** The losses with distributions an unseen-only mask can shape: soft labels and ranking distillation. */
export function lossHasDistribution(loss: DistillLoss): boolean {
  return loss === 'soft' || loss === 'rank';
}

/** Whether these settings distill over unseen items (the switch is moot for MSE and hint). */
export function distillsOverUnseen(c: DistillConfig): boolean {
  return c.unseenOnly && lossHasDistribution(c.loss);
}

/** Rejects settings by name; used by the CLI, the URL codec and the engine. */
export function validateDistillConfig(c: DistillConfig): void {
  if (!DISTILL_LOSSES.includes(c.loss)) throw new Error(`distill: loss must be one of ${DISTILL_LOSSES.join(', ')}, got ${String(c.loss)}`);
  if (!(c.temperature >= TEMPERATURE_RANGE.min && c.temperature <= TEMPERATURE_RANGE.max)) {
    throw new Error(`distill: temperature must be in ${TEMPERATURE_RANGE.min}..${TEMPERATURE_RANGE.max}, got ${c.temperature}`);
  }
  if (!(c.alpha >= 0 && c.alpha <= 1)) throw new Error(`distill: alpha must be in 0..1, got ${c.alpha}`);
  if (!Number.isInteger(c.rankK) || c.rankK < 1) throw new Error(`distill: rankK must be a positive integer, got ${c.rankK}`);
  if (!(c.lr > 0 && c.lr <= 1)) throw new Error(`distill: lr must be in (0, 1], got ${c.lr}`);
  if (!(c.rankDecay > 0)) throw new Error(`distill: rankDecay must be > 0, got ${c.rankDecay}`);
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
