/**
 * A synthetic dataset with known structure, for tests and instant demos: users and items in
 * latent clusters, users mostly interact with items of their own cluster, and inside a cluster
 * popularity falls off like 1/rank (Zipf). A model that learns should find the clusters; a
 * teacher should beat a tiny student on it.
 */
import { DataError } from './errors.ts';
import { dataText, english, type DataText } from './messages.ts';
import { Rng } from './rng.ts';
import type { Dataset } from './types.ts';

/** Parameters of {@link synthesize}. */
export interface SynthOptions {
  users: number;
  items: number;
  /** Latent clusters (1 ≤ clusters ≤ items). */
  clusters: number;
  /** Interactions per user (capped at `items`). */
  perUser: number;
  seed: number;
  /** Share of interactions drawn uniformly from all items instead of the user's cluster, 0..1. */
  noise: number;
}

/** A synthetic dataset plus the clusters it was drawn from. */
export interface SyntheticDataset extends Dataset {
  /** Per user / per item: its cluster, 0-based. */
  userCluster: Int32Array;
  itemCluster: Int32Array;
}

/**
 * Draws a dataset. Item i belongs to cluster ⌊i·clusters/items⌋ (contiguous blocks), user u to
 * cluster u mod clusters. Each user gets exactly min(perUser, items) distinct items, rows grouped
 * by user in draw order with increasing timestamps (seconds). Ratings: 4–5 inside the user's
 * cluster, 1–3 outside. Keys are "1".."n"; titles read "Cluster 2 · item 17" (1-based).
 *
 * @example synthesize({ users: 50, items: 40, clusters: 4, perUser: 10, seed: 1, noise: 0.1 }).users.length // → 500
 */
export function synthesize(opts: SynthOptions): SyntheticDataset {
  const { users, items, clusters, seed, noise } = opts;
  checkOptions(opts);
  const per = Math.min(opts.perUser, items);
  const rng = new Rng(seed);
  const itemCluster = new Int32Array(items);
  const clusterStart = new Int32Array(clusters + 1);
  for (let i = 0; i < items; i++) itemCluster[i] = Math.floor((i * clusters) / items);
  for (let i = 0; i < items; i++) clusterStart[itemCluster[i] + 1]++;
  for (let c = 0; c < clusters; c++) clusterStart[c + 1] += clusterStart[c];
  // Zipf CDF over ranks; cluster sizes differ by at most one, so one table per size suffices.
  const cdfCache = new Map<number, Float64Array>();
  const cdf = (size: number): Float64Array => {
    let t = cdfCache.get(size);
    if (!t) {
      t = new Float64Array(size);
      let s = 0;
      for (let k = 0; k < size; k++) t[k] = s += 1 / (k + 1);
      for (let k = 0; k < size; k++) t[k] /= s;
      cdfCache.set(size, t);
    }
    return t;
  };

  const n = users * per;
  const us = new Int32Array(n);
  const is = new Int32Array(n);
  const ratings = new Float32Array(n);
  const timestamps = new Float64Array(n);
  const userCluster = new Int32Array(users);
  const stamp = new Int32Array(items);
  let row = 0;
  for (let u = 0; u < users; u++) {
    const c = u % clusters;
    userCluster[u] = c;
    const a = clusterStart[c];
    const table = cdf(clusterStart[c + 1] - a);
    for (let k = 0; k < per; k++) {
      let item = -1;
      for (let tries = 0; tries < 32 && item < 0; tries++) {
        const cand = rng.next() < noise ? rng.int(items) : a + lowerBound(table, rng.next());
        if (stamp[cand] !== u + 1) item = cand;
      }
      if (item < 0) {
        // The cluster is (nearly) used up for this user: take the next unused item anywhere.
        item = rng.int(items);
        while (stamp[item] === u + 1) item = (item + 1) % items;
      }
      stamp[item] = u + 1;
      us[row] = u;
      is[row] = item;
      ratings[row] = itemCluster[item] === c ? 4 + rng.int(2) : 1 + rng.int(3);
      timestamps[row] = 1_600_000_000 + k * 3600 + u;
      row++;
    }
  }
  const titleTexts: DataText[] = [];
  for (let i = 0; i < items; i++) {
    titleTexts.push(dataText('data.synthTitle', { cluster: itemCluster[i] + 1, item: i - clusterStart[itemCluster[i]] + 1 }));
  }
  const titles = titleTexts.map(english);
  const nameText = dataText('data.synthName', { users, items, clusters });
  return {
    name: english(nameText),
    nameText,
    source: 'synthetic',
    nUsers: users,
    nItems: items,
    userKeys: Array.from({ length: users }, (_, u) => String(u + 1)),
    itemKeys: Array.from({ length: items }, (_, i) => String(i + 1)),
    users: us,
    items: is,
    ratings,
    timestamps,
    titles,
    titleTexts,
    years: null,
    warnings: [],
    userCluster,
    itemCluster,
  };
}

function lowerBound(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkOptions(o: SynthOptions): void {
  const whole = (v: number, min: number): boolean => Number.isInteger(v) && v >= min;
  if (!whole(o.users, 1)) throw new DataError(`users must be a whole number ≥ 1, not ${o.users}.`);
  if (!whole(o.items, 1)) throw new DataError(`items must be a whole number ≥ 1, not ${o.items}.`);
  if (!whole(o.clusters, 1) || o.clusters > o.items) {
    throw new DataError(`clusters must be a whole number from 1 to items (${o.items}), not ${o.clusters}.`);
  }
  if (!whole(o.perUser, 1)) throw new DataError(`perUser must be a whole number ≥ 1, not ${o.perUser}.`);
  if (!(o.noise >= 0 && o.noise <= 1)) throw new DataError(`noise must be between 0 and 1, not ${o.noise}.`);
}
