/** Test helper: a plausible finished-run report (built-in dataset, default settings). */
import type { RankingMetrics } from '../eval/metrics';
import { DEFAULT_SETTINGS, runSettingsOf } from '../state/defaults';
import { defaultRunName, REPORT_FORMAT, type RunReport } from '../state/runReport';
import type { ModelReport } from '../train/protocol';

const metrics = (ndcg: number): RankingMetrics => ({ users: 500, k: 10, hr: ndcg * 2, ndcg, mrr: ndcg * 0.9, recall: ndcg * 2 });
const model = (ndcg: number, params: number): ModelReport => ({ test: metrics(ndcg), val: metrics(ndcg + 0.01), params, bytesFp32: params * 4, bytesInt8: params + 100, inferMsPer1000: 3.5 });

/** A report; `over` replaces fields. */
export function sampleReport(over: Partial<RunReport> = {}): RunReport {
  return {
    format: REPORT_FORMAT,
    version: 1,
    id: 'r1',
    name: defaultRunName(DEFAULT_SETTINGS),
    createdAt: '2026-11-25T14:00:00.000Z',
    dataset: { name: 'goodbooks-2k', source: 'builtin', fingerprint: 'abcd1234', users: 2668, items: 2000, interactions: 201701 },
    backend: 'wasm',
    settings: runSettingsOf(DEFAULT_SETTINGS),
    rows: [
      { step: 4, epoch: 0, teacher: NaN, student: 7.6, kdHard: 7.5, kdDistill: 3.1, kdTotal: 3.1 },
      { step: 8, epoch: 0, teacher: NaN, student: 7.5, kdHard: 7.4, kdDistill: 3.0, kdTotal: 3.0 },
    ],
    val: [
      { step: 0, epoch: 0, ms: 0, teacher: metrics(0.14), student: metrics(0.01), kd: metrics(0.01) },
      { step: 40, epoch: 0, ms: 1234.5, teacher: null, student: metrics(0.05), kd: metrics(0.07) },
    ],
    comparison: { teacher: model(0.142, 453520), student: model(0.102, 39344), kd: model(0.123, 39344), overlapKd: 0.31, overlapStudent: 0.2 },
    imported: false,
    ...over,
  };
}

