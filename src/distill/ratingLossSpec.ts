/**
 * The rating-distillation loss written out in plain TS: the specification the tf.js version
 * (ratingLoss.ts) is tested against. Pure, no tf.
 *
 * Over a batch of B pairs, of which those with `labelled[k] = 1` carry a true rating y:
 *   L = (1−α)·Σ_labelled (p−y)² / n_labelled + α·Σ_all (p−t)² / B
 * so unlabelled pairs (sampled unrated ones) are taught by the teacher t only.
 */

/** Loss value and dL/dp per pair. */
export interface RatingLossValue {
  loss: number;
  grad: Float64Array;
}

/**
 * @param p student predictions [B]; y true ratings [B] (ignored where unlabelled); t teacher predictions [B]
 * @param labelled 1 where y is a real rating, 0 for a sampled unrated pair
 * @param alpha weight of the teacher term, 0..1
 * @example ratingKdLossSpec([3], [4], [3.5], [1], 0.5).loss // → 0.5·1 + 0.5·0.25 = 0.625
 */
export function ratingKdLossSpec(p: ArrayLike<number>, y: ArrayLike<number>, t: ArrayLike<number>, labelled: ArrayLike<number>, alpha: number): RatingLossValue {
  const B = p.length;
  let nl = 0;
  for (let k = 0; k < B; k++) nl += labelled[k];
  const grad = new Float64Array(B);
  let hard = 0;
  let soft = 0;
  for (let k = 0; k < B; k++) {
    const dh = labelled[k] ? p[k] - y[k] : 0;
    const ds = p[k] - t[k];
    hard += dh * dh;
    soft += ds * ds;
    grad[k] = (nl > 0 ? ((1 - alpha) * 2 * dh) / nl : 0) + (alpha * 2 * ds) / B;
  }
  return { loss: (nl > 0 ? ((1 - alpha) * hard) / nl : 0) + (alpha * soft) / B, grad };
}
