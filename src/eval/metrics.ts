/**
 * Ranking metrics for next-item recommendation evaluated by full ranking.
 *
 * Import constraint: pure TS over plain and typed arrays. No tf.js, DOM, React or `node:`
 * imports, so the same code runs in Vitest's `node` env, a worker and the page.
 *
 * Conventions shared by every function here:
 * - A **rank** is the number of candidate items that score higher than or the same as the
 *   held-out item (0 = top of the list). Candidates exclude the items the user saw in training.
 *   Ties push the held-out item down (the pessimistic convention): a model that cannot tell items
 *   apart — all-zero scores for a user it knows nothing about — must not rank every held-out item
 *   first. The tf scorer counts the same way, which {@link rankOf} pins down for its tests.
 * - K is a positive integer cutoff; a rank r is "in the top K" when r < K.
 * - Empty inputs give zeros, never NaN, so a panel can render them before the first eval.
 */

/** Summary of one evaluation pass with one held-out item per user. */
export interface RankingMetrics {
  /** Number of users evaluated (length of the ranks array). */
  users: number;
  /** Cutoff K used by hr, ndcg and recall. */
  k: number;
  /** HR@K: fraction of users whose held-out item has rank < K, in [0, 1]. */
  hr: number;
  /** NDCG@K: mean of 1/log2(rank + 2) for rank < K, else 0, in [0, 1]. */
  ndcg: number;
  /** MRR over the full ranking (no cutoff): mean of 1/(rank + 1), in (0, 1]. */
  mrr: number;
  /** Recall@K; equal to hr when each user has exactly one held-out item. */
  recall: number;
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`k must be a positive integer, got ${k}`);
  }
}

function checkRank(r: number, where: string): void {
  if (!(r >= 0) || !Number.isFinite(r)) {
    throw new Error(`rank must be a finite number >= 0, got ${r} at ${where}`);
  }
}

/** Discount of a 0-based list position: 1 / log2(position + 2). */
function discount(position: number): number {
  return 1 / Math.log2(position + 2);
}

/**
 * HR@K, NDCG@K, MRR and Recall@K with one held-out item per user.
 *
 * @param ranks one rank per user (0 = top), e.g. the `Int32Array` from the tf scorer.
 *   Example: `[0, 1, 9, 10, 50]` at K=10 gives hr 3/5, ndcg (1 + 1/log2 3 + 1/log2 11)/5,
 *   mrr (1 + 1/2 + 1/10 + 1/11 + 1/51)/5.
 * @param k cutoff, a positive integer (default 10).
 * @returns means over users; all zeros with `users: 0` for empty input.
 * @throws Error if k is not a positive integer or a rank is negative, NaN or infinite.
 */
export function rankingMetrics(ranks: ArrayLike<number>, k = 10): RankingMetrics {
  checkK(k);
  const n = ranks.length;
  if (n === 0) return { users: 0, k, hr: 0, ndcg: 0, mrr: 0, recall: 0 };
  let hits = 0;
  let dcg = 0;
  let rr = 0;
  for (let i = 0; i < n; i++) {
    const r = ranks[i];
    checkRank(r, `user ${i}`);
    if (r < k) {
      hits++;
      dcg += discount(r);
    }
    rr += 1 / (r + 1);
  }
  const hr = hits / n;
  return { users: n, k, hr, ndcg: dcg / n, mrr: rr / n, recall: hr };
}

/**
 * Turns per-item ranks (each held-out item ranked among candidates that exclude the user's
 * other held-out items) into 0-based positions in the joint list: after sorting ascending,
 * the i-th item has i other held-out items at or above it, so its position is rank + i.
 * This keeps NDCG ≤ 1 and makes Recall@K the share of held-out items in the real top-K list.
 */
function jointPositions(ranks: ArrayLike<number>, user: number): number[] {
  const sorted = Array.from(ranks);
  sorted.forEach((r, j) => checkRank(r, `user ${user}, item ${j}`));
  sorted.sort((a, b) => a - b);
  return sorted.map((r, i) => r + i);
}

/**
 * Recall@K with several held-out items per user: mean over users of
 * (#held-out items in the top K) / (#held-out items). Users with no held-out items are skipped.
 *
 * Each rank counts higher-or-tied candidates excluding the user's other held-out items (the
 * caller builds that candidate set). Held-out items are then placed in one joint list (sorted
 * rank r_i becomes position r_i + i), so at most K items count as hits.
 *
 * @param ranksPerUser one array of ranks per user. Example: `[[0, 0, 5]]` at K=2 → positions
 *   0, 1, 7 → recall 2/3.
 * @param k cutoff, a positive integer.
 * @returns recall in [0, 1]; 0 if no user has held-out items.
 */
export function recallAtK(ranksPerUser: ArrayLike<number>[], k: number): number {
  checkK(k);
  let sum = 0;
  let users = 0;
  ranksPerUser.forEach((ranks, u) => {
    if (ranks.length === 0) return;
    const pos = jointPositions(ranks, u);
    let hits = 0;
    for (const p of pos) if (p < k) hits++;
    sum += hits / pos.length;
    users++;
  });
  return users === 0 ? 0 : sum / users;
}

/**
 * NDCG@K with several held-out items per user (binary relevance): DCG = Σ 1/log2(pos + 2)
 * over held-out items at joint position pos < K, divided by the ideal DCG = Σ_{i < min(n, K)}
 * 1/log2(i + 2) for n held-out items. Ranks follow the same convention as {@link recallAtK}.
 * Users with no held-out items are skipped.
 *
 * @param ranksPerUser one array of ranks per user. Example: `[[0, 2]]` at K=10 → positions
 *   0, 3 → (1 + 1/log2 5) / (1 + 1/log2 3).
 * @param k cutoff, a positive integer.
 * @returns NDCG in [0, 1]; 0 if no user has held-out items.
 */
export function ndcgAtKMulti(ranksPerUser: ArrayLike<number>[], k: number): number {
  checkK(k);
  let sum = 0;
  let users = 0;
  ranksPerUser.forEach((ranks, u) => {
    if (ranks.length === 0) return;
    const pos = jointPositions(ranks, u);
    let dcg = 0;
    for (const p of pos) if (p < k) dcg += discount(p);
    let idcg = 0;
    const ideal = Math.min(pos.length, k);
    for (let i = 0; i < ideal; i++) idcg += discount(i);
    sum += dcg / idcg;
    users++;
  });
  return users === 0 ? 0 : sum / users;
}

/**
 * Catalog coverage of the recommendations: distinct item ids over all users' top-K lists,
 * divided by the catalog size.
 *
 * @param topK flat row-major `users·k` item ids; negative ids are padding (a user with fewer
 *   than K candidates) and are ignored. Example: `[0, 1, 1, 2]`, k=2, nItems=10 → 3/10.
 * @param k list length per user, a positive integer.
 * @param nItems catalog size, a positive integer.
 * @returns coverage in [0, 1].
 * @throws Error if the length is not a multiple of k, or an id is ≥ nItems or not an integer.
 */
export function itemCoverage(topK: Int32Array, k: number, nItems: number): number {
  checkK(k);
  if (!Number.isInteger(nItems) || nItems < 1) {
    throw new Error(`nItems must be a positive integer, got ${nItems}`);
  }
  if (topK.length % k !== 0) {
    throw new Error(`topK length ${topK.length} is not a multiple of k=${k}`);
  }
  const seen = new Uint8Array(nItems);
  let distinct = 0;
  for (let i = 0; i < topK.length; i++) {
    const id = topK[i];
    if (id < 0) continue;
    if (id >= nItems) throw new Error(`item id ${id} at index ${i} is out of range [0, ${nItems})`);
    if (seen[id] === 0) {
      seen[id] = 1;
      distinct++;
    }
  }
  return distinct / nItems;
}

/**
 * Reference rank of one item (pure, slow; for checking the tf scorer in tests): the number of
 * items other than `target`, and not in `exclude`, whose score is greater than or equal to
 * `scores[target]`. The target counts even if `exclude` lists it. NaN scores never count.
 *
 * @param scores one score per item, length nItems. Example: `[0.5, 0.9, 0.5, 0.7]`.
 * @param target item id of the held-out item. Example: target 0 → items 1 and 3 are higher
 *   and item 2 ties → 3; with `exclude` `[1]` → 2.
 * @param exclude item ids the user saw in training; duplicates and out-of-range ids are ignored.
 * @returns rank, an integer in [0, nItems − 1].
 * @throws Error if target is not an integer in [0, nItems).
 */
export function rankOf(scores: ArrayLike<number>, target: number, exclude: ArrayLike<number>): number {
  const n = scores.length;
  if (!Number.isInteger(target) || target < 0 || target >= n) {
    throw new Error(`target ${target} is out of range [0, ${n})`);
  }
  const excluded = new Uint8Array(n);
  for (let j = 0; j < exclude.length; j++) {
    const id = exclude[j];
    if (Number.isInteger(id) && id >= 0 && id < n) excluded[id] = 1;
  }
  const s = scores[target];
  let rank = 0;
  for (let i = 0; i < n; i++) {
    if (i !== target && excluded[i] === 0 && scores[i] >= s) rank++;
  }
  return rank;
}

/**
 * Mean and sample standard deviation (n − 1 denominator), for averaging a metric over seeds.
 *
 * @param xs values, e.g. NDCG@10 of three seeds `[0.2, 0.3, 0.4]` → mean 0.3, std 0.1.
 * @returns `{ mean, std }`; std is 0 for fewer than two values, and both are 0 for none.
 */
export function meanStd(xs: number[]): { mean: number; std: number } {
  const n = xs.length;
  if (n === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n < 2) return { mean, std: 0 };
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}
