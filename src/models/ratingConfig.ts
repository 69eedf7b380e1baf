/**
 * Settings of the rating-prediction regressors, with their defaults (type and defaults together).
 * tf-free, so the studio page can show them. Defaults were chosen on validation RMSE (see the
 * rating task's note in the issue 8 report); L2 strengths are the search ranges the trainer tries.
 */

/** The student: biased matrix factorisation, r̂ = μ + b_u + b_i + p_u·q_i. */
export interface BiasedMfConfig {
  dim: number;
  /** L2 on the rows a batch touches: λ·(|p_u|² + |q_i|² + b_u² + b_i²) per rating. */
  l2: number;
  lr: number;
  initStd: number;
}

/**
 * The teacher: item-based AutoRec (Sedhain et al., 2015). Each item's vector of training ratings
 * over all users goes through a sigmoid hidden layer and is reconstructed; the loss counts only
 * observed ratings. r̂(u, i) = (W₂·σ(W₁ᵀ·r_i + b₁) + b₂)_u.
 */
export interface AutoRecConfig {
  hidden: number;
  /** λ of the paper's objective Σ observed (r − r̂)² + λ/2·(|W₁|² + |W₂|²). */
  l2: number;
  lr: number;
  /** Items per step. */
  batchItems: number;
  /**
   * Size of the biased MF the teacher blends with AutoRec (0: AutoRec alone). The blend weight is
   * chosen on the validation ratings: the two err differently (a learned neighbourhood vs one
   * low-rank taste vector), so their mix beats either — Hinton's KD distils an ensemble, too.
   */
  mfDim: number;
  /** L2 of the teacher's MF (per rating, as the student's). */
  mfL2: number;
}

export const defaultBiasedMfConfig: BiasedMfConfig = { dim: 8, l2: 0.1, lr: 5e-3, initStd: 0.1 };

export const defaultAutoRecConfig: AutoRecConfig = { hidden: 500, l2: 100, lr: 1e-3, batchItems: 64, mfDim: 32, mfL2: 0.1 };

/** How the KD student learns: (1−α)·MSE(y) + α·MSE(teacher), the second also on sampled unrated pairs. */
export interface RatingDistillConfig {
  alpha: number;
  /** Unrated (user, item) pairs sampled per rated pair, scored by the teacher only. */
  unrated: number;
}

export const defaultRatingDistillConfig: RatingDistillConfig = { alpha: 0.5, unrated: 1 };

/** Everything that shapes a rating run. */
export interface RatingRunConfig {
  teacher: AutoRecConfig;
  student: BiasedMfConfig;
  distill: RatingDistillConfig;
  seed: number;
  /** Rated pairs per student step. */
  batchSize: number;
  /** Most teacher epochs; the one kept is the best on validation. */
  teacherEpochs: number;
  /** Most student epochs (alone and with KD, in lockstep); each keeps its best on validation. */
  epochs: number;
}

export const defaultRatingRunConfig: RatingRunConfig = {
  teacher: defaultAutoRecConfig,
  student: defaultBiasedMfConfig,
  distill: defaultRatingDistillConfig,
  seed: 1,
  batchSize: 1024,
  teacherEpochs: 40,
  epochs: 40,
};
