/**
 * What every compressor returns: the decoded weights (what a model is rebuilt from and scored
 * with: dequantise on load) and the exact bytes the compressed form takes. Plain data, no tf, so
 * the studio's panels can import these types.
 */

/** Weights by name, each a row-major Float32Array (the models' `init` shape). */
export type WeightMap = Record<string, Float32Array>;

/** A compressed model: decoded weights plus its exact storage cost. */
export interface Compressed {
  decoded: WeightMap;
  /** Bytes of the stored form, every scale, index and factor included. */
  bytes: number;
}

/** One model's score under one compression: size and NDCG@10 on the test and validation items. */
export interface ScoredPoint {
  bytes: number;
  ndcg10: number;
  valNdcg10: number;
}

/** A pruning sweep point: the sparsity asked for (and reached exactly in every pruned tensor). */
export interface PrunePoint extends ScoredPoint {
  sparsity: number;
  /** Storage format counted per tensor (the cheapest of dense / bitmap / coo / csr). */
  formats: Record<string, SparseFormat>;
}

/** A low-rank sweep point. */
export interface RankPoint extends ScoredPoint {
  rank: number;
  /** True when the two factors take more bytes than the dense tables they replace (said, not hidden). */
  exceedsDense: boolean;
}

/** Every compression of one model. `int8` has one scale per tensor, `int8PerRow` one per embedding row. */
export interface ModelCompression {
  fp32: ScoredPoint;
  fp16: ScoredPoint;
  int8: ScoredPoint;
  int8PerRow: ScoredPoint;
  prune: PrunePoint[];
  lowrank: RankPoint[];
}

/** The whole sweep: KD student, student alone and (optionally) teacher. */
export interface CompressReport {
  kd: ModelCompression;
  student: ModelCompression;
  teacher: ModelCompression | null;
  /** Users whose test and validation items were scored. */
  users: number;
  seconds: number;
}

/** How a sparse tensor is stored. */
export type SparseFormat = 'dense' | 'bitmap' | 'coo' | 'csr';
