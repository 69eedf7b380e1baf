/**
 * The popularity baseline: every user gets the items most often in the (thinned) target training
 * data. It needs no training, and at very thin data it beats every model, which is why the studio
 * always shows it.
 */
import type { Split } from '../data/types';
import { rankingMetrics, rankOf, type RankingMetrics } from '../eval/metrics';

/**
 * Scores = training counts. Ties are broken by item id (a lower id ranks higher): most items tie at
 * small counts, and a popularity list shows them in some fixed order, not all at the bottom (which is
 * where the evaluation's tie rule would put a tied held-out item).
 */
export function popularityScores(split: Split): Float64Array {
  const n = split.nItems;
  const s = new Float64Array(n);
  for (const i of split.trainItems) s[i] += 1;
  for (let i = 0; i < n; i++) s[i] -= i / (n + 1);
  return s;
}

/** HR@k, NDCG@k … of the popularity ranking on the held-out item, candidates as the model evaluator's (unseen items). */
export function popularityMetrics(split: Split, heldOut: 'val' | 'test', k = 10): RankingMetrics {
  const scores = popularityScores(split);
  const held = heldOut === 'val' ? split.valItem : split.testItem;
  const other = heldOut === 'val' ? split.testItem : split.valItem;
  const ranks = Array.from(split.evalUsers, (u) => {
    const seen = Array.from(split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1]));
    if (other[u] >= 0) seen.push(other[u]);
    return rankOf(scores, held[u], seen);
  });
  return rankingMetrics(ranks, k);
}
