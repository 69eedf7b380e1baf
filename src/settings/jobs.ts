/**
 * The checks a worker job runs on its request before any work, read off the table: the sweep's
 * grid and the transfer run's lists. The panels check the same rows before they send.
 */
import { problemOf } from './check';
import type { SweepRequest } from './defaults';
import { SETTINGS, type Setting } from './table';

/** True when `request` is not a grid the worker runs (empty or too long lists, values out of range). */
export function badGrid(r: SweepRequest): boolean {
  return problemOf(SETTINGS.sweepTemperatures, r.temperatures) !== null || problemOf(SETTINGS.sweepAlphas, r.alphas) !== null || problemOf(SETTINGS.sweepEpochs, r.epochs) !== null;
}

/** What a transfer request asks for that the table has rows for. */
export interface TransferAsk {
  keeps: readonly number[];
  l2s: readonly number[];
  pretrainL2s: readonly number[];
  maxEpochs: number;
}

/** Why the worker would not run `r` (an English sentence naming the field), or null when it is a request it runs. */
export function badTransferRequest(r: TransferAsk): string | null {
  const fields: [string, Setting, unknown][] = [
    ['keeps', SETTINGS.transferKeeps, r.keeps],
    ['weight decay values', SETTINGS.transferL2s, r.l2s],
    ['pretraining weight decay values', SETTINGS.transferPretrainL2s, r.pretrainL2s],
    ['most epochs', SETTINGS.transferEpochs, r.maxEpochs],
  ];
  for (const [name, row, v] of fields) {
    const p = problemOf(row, v);
    if (p) return `${name} ${p}`;
  }
  return null;
}
