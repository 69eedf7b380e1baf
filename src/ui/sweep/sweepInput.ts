/**
 * The sweep panel's text fields → a grid request, with the reason when they do not make one.
 * Pure, so the rules are tested without a page.
 */
import { problemOf } from '../../settings/check';
import type { SweepRequest } from '../../settings/defaults';
import { SETTINGS } from '../../settings/table';

/** Why the fields do not make a grid (a message-table key), or the grid. */
export type ParsedSweep = { request: SweepRequest } | { problem: 'sweep.bad.temperatures' | 'sweep.bad.alphas' | 'sweep.bad.epochs' };

/** "0.25, 0.5 1;2" → [0.25, 0.5, 1, 2]; null when a piece is not a number, or nothing is given. */
export function numberList(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (!parts.length) return null;
  const xs = parts.map((p) => (/^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(p) ? Number(p) : NaN));
  return xs.every(Number.isFinite) ? [...new Set(xs)] : null;
}

export function parseSweep(temperatures: string, alphas: string, epochs: string): ParsedSweep {
  const ts = numberList(temperatures);
  if (!ts || problemOf(SETTINGS.sweepTemperatures, ts)) return { problem: 'sweep.bad.temperatures' };
  const as = numberList(alphas);
  if (!as || problemOf(SETTINGS.sweepAlphas, as)) return { problem: 'sweep.bad.alphas' };
  const e = Number(epochs.trim());
  if (!/^\d+$/.test(epochs.trim()) || problemOf(SETTINGS.sweepEpochs, e)) return { problem: 'sweep.bad.epochs' };
  return { request: { temperatures: ts, alphas: as, epochs: e } };
}
