/**
 * The temperature slider's log scale: a person moves through 0.1–1 as easily as through 2–20,
 * which is where the behaviour changes. Positions are log10(T).
 */
import { SETTINGS } from '../settings/table';

const T = SETTINGS.temperature;

/** Slider bounds, as log10(T). */
export const T_LOG_RANGE = { min: Math.log10(T.min), max: Math.log10(T.max) } as const;

/**
 * A slider position → T, rounded to two significant digits (short URLs and labels) and kept in range.
 * @example sliderToT(0) // → 1; sliderToT(Math.log10(4.04)) // → 4
 */
export function sliderToT(position: number): number {
  const t = Number((10 ** position).toPrecision(2));
  return Math.min(T.max, Math.max(T.min, t));
}
