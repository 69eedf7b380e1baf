/**
 * Error metrics of rating prediction: root mean squared error and mean absolute error over
 * held-out (user, item, rating) triples. Pure TS over typed arrays.
 */

/** RMSE and MAE of one model on one set of ratings. */
export interface RatingErrors {
  rmse: number;
  mae: number;
}

/**
 * @param predicted one prediction per held-out rating
 * @param actual the held-out ratings, same length
 * @returns NaN for both when there are no ratings
 * @example ratingErrors([3, 4], [4, 4]) // → { rmse: 0.7071…, mae: 0.5 }
 */
export function ratingErrors(predicted: ArrayLike<number>, actual: ArrayLike<number>): RatingErrors {
  if (predicted.length !== actual.length) throw new Error(`ratingErrors: ${predicted.length} predictions for ${actual.length} ratings`);
  const n = actual.length;
  if (n === 0) return { rmse: NaN, mae: NaN };
  let se = 0;
  let ae = 0;
  for (let k = 0; k < n; k++) {
    const d = predicted[k] - actual[k];
    se += d * d;
    ae += Math.abs(d);
  }
  return { rmse: Math.sqrt(se / n), mae: ae / n };
}
