/**
 * Keeps a chart series small: recharts redraws every point on every update, so a long run is
 * thinned to at most `max` evenly spaced points. The first and the last point always stay, so the
 * line starts at step 0 and ends at the newest value.
 */

/** Charts draw at most this many points per series. */
export const MAX_CHART_POINTS = 400;

/**
 * @example downsample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4) // → [0, 3, 6, 9]
 */
export function downsample<T>(xs: readonly T[], max = MAX_CHART_POINTS): T[] {
  if (max < 2) throw new Error(`max must be at least 2, got ${max}`);
  if (xs.length <= max) return xs.slice();
  const out: T[] = [];
  const stride = (xs.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(xs[Math.round(k * stride)]);
  return out;
}

/** A loss or metric for recharts: NaN and infinities become null, which draws a gap. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}
