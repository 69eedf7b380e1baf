/**
 * The sweep for one model as a list of variants (fp32, fp16, int8 per row and per tensor, every
 * pruning sparsity, every rank), each built on demand so only one decoded copy is alive at a time,
 * and the collector that puts scored variants back into a ModelCompression.
 */
import type { WeightSpec } from '../models/size';
import type { CompressConfig } from './config';
import { fp16Model } from './fp16';
import { int8Model } from './int8';
import { fullRank, lowRankSweep } from './lowrank';
import { pruneSweep } from './prune';
import { sizeOfSpec } from './shape';
import type { Compressed, ModelCompression, PrunePoint, RankPoint, ScoredPoint, SparseFormat, WeightMap } from './types';

/** Which compression a variant is. */
export type VariantKey =
  | { method: 'fp32' | 'fp16' | 'int8' | 'int8PerRow' }
  | { method: 'prune'; sparsity: number }
  | { method: 'lowrank'; rank: number };

/** What building a variant gives: the Compressed weights plus what its sweep point reports. */
export type Built = Compressed & { formats?: Record<string, SparseFormat>; exceedsDense?: boolean };

export interface Variant {
  key: VariantKey;
  build(): Built;
}

/** The ranks a model with full rank `full` is swept over: the configured ones below it, then full. */
export function ranksFor(config: CompressConfig, full: number): number[] {
  return [...new Set([...config.ranks.filter((r) => r < full), full])].sort((a, b) => a - b);
}

/** Every variant of one model, in the order they are scored. */
export function variantsFor(specs: readonly WeightSpec[], weights: WeightMap, config: CompressConfig): Variant[] {
  for (const s of specs) {
    if (weights[s.name]?.length !== sizeOfSpec(s)) throw new Error(`compress: weight ${s.name} must have ${sizeOfSpec(s)} values`);
  }
  const lowRank = lowRankSweep(specs, weights);
  const prune = pruneSweep(specs, weights);
  const fp32Bytes = 4 * specs.reduce((a, s) => a + sizeOfSpec(s), 0);
  return [
    { key: { method: 'fp32' }, build: () => ({ decoded: weights, bytes: fp32Bytes }) },
    { key: { method: 'fp16' }, build: () => fp16Model(specs, weights) },
    { key: { method: 'int8' }, build: () => int8Model(specs, weights, 'tensor') },
    { key: { method: 'int8PerRow' }, build: () => int8Model(specs, weights, 'row') },
    ...[...new Set(config.sparsities)].sort((a, b) => a - b).map((sparsity): Variant => ({ key: { method: 'prune', sparsity }, build: () => prune(sparsity) })),
    ...ranksFor(config, fullRank(specs)).map((rank): Variant => ({ key: { method: 'lowrank', rank }, build: () => lowRank(rank) })),
  ];
}

/** Collects scored variants of one model into its report (every fixed method must be present). */
export function collect(scored: readonly { key: VariantKey; built: Built; score: Omit<ScoredPoint, 'bytes'> }[]): ModelCompression {
  const fixed: Partial<Record<'fp32' | 'fp16' | 'int8' | 'int8PerRow', ScoredPoint>> = {};
  const prune: PrunePoint[] = [];
  const lowrank: RankPoint[] = [];
  for (const { key, built, score } of scored) {
    const point: ScoredPoint = { bytes: built.bytes, ndcg10: score.ndcg10, valNdcg10: score.valNdcg10 };
    if (key.method === 'prune') prune.push({ ...point, sparsity: key.sparsity, formats: built.formats ?? {} });
    else if (key.method === 'lowrank') lowrank.push({ ...point, rank: key.rank, exceedsDense: built.exceedsDense ?? false });
    else fixed[key.method] = point;
  }
  const { fp32, fp16, int8, int8PerRow } = fixed;
  if (!fp32 || !fp16 || !int8 || !int8PerRow) throw new Error('compress: a fixed method was not scored');
  return { fp32, fp16, int8, int8PerRow, prune, lowrank };
}
