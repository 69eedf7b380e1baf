/**
 * A MovieLens-shaped ratings file with structure in its stars, for the rating task when no real
 * MovieLens file may be shipped (its license forbids redistribution). Defaults give MovieLens
 * 100K's shape: 943 users, 1,682 items, 100,000 ratings, every user with ≥ 20.
 *
 * How the stars arise (each part a known property of real rating data):
 * - a global mean, user biases (some users rate high) and item biases (some items are better);
 * - taste as K latent factors whose scales fall off (σ_k ∝ k^−½): a few broad dimensions
 *   (genres, mainstream vs niche) and a long tail of finer ones;
 * - Gaussian noise, then rounding to whole stars clipped to 1..5;
 * - who rates what is not random: users are heavy-tailed in activity, items in popularity, and a
 *   user more often rates items they like (missing not at random), as people pick what to watch.
 * Deterministic for a seed. Pure TS.
 */
import { DataError } from './errors.ts';
import { Rng } from './rng.ts';
import type { Dataset } from './types.ts';

/** Parameters of {@link synthesizeRatings}. */
export interface RatingSynthOptions {
  users: number;
  items: number;
  ratings: number;
  seed: number;
  /** Latent taste factors (default 20). */
  factors?: number;
  /** Std of the rating noise before rounding (default 0.8). */
  noise?: number;
  /** Fewest ratings per user (default 20, capped by items and by ratings / users). */
  minPerUser?: number;
}

/** MovieLens 100K's shape. */
export const ML100K_SHAPE = { users: 943, items: 1682, ratings: 100_000 } as const;

/**
 * Draws a dataset with integer ratings 1..5, timestamps increasing per user, rows grouped by user.
 *
 * @throws DataError for sizes that cannot hold the asked number of distinct (user, item) pairs
 * @example synthesizeRatings({ ...ML100K_SHAPE, seed: 1 }).users.length // → 100000
 */
export function synthesizeRatings(opts: RatingSynthOptions): Dataset {
  const { users: U, items: I, ratings: N, seed } = opts;
  const K = opts.factors ?? 20;
  const noise = opts.noise ?? 0.8;
  if (!Number.isInteger(U) || U < 1 || !Number.isInteger(I) || I < 2) throw new DataError(`users must be ≥ 1 and items ≥ 2 (whole numbers), not ${U} and ${I}.`);
  if (!Number.isInteger(N) || N < U || N > U * I * 0.5) throw new DataError(`ratings must be a whole number from users (${U}) to half of users × items (${Math.floor(U * I * 0.5)}), not ${N}.`);
  const minPer = Math.min(opts.minPerUser ?? 20, I, Math.floor(N / U));
  const rng = new Rng(seed);

  // per-user counts: lognormal activity, at least minPer, summing to N
  const act = Float64Array.from({ length: U }, () => Math.exp(1.1 * rng.normal()));
  let actSum = 0;
  for (const a of act) actSum += a;
  const count = Int32Array.from(act, (a) => Math.min(Math.floor(I / 2), minPer + Math.floor(((N - minPer * U) * a) / actSum)));
  let total = count.reduce((s, c) => s + c, 0);
  for (let u = 0; total < N; u = (u + 1) % U) {
    if (count[u] < I / 2) {
      count[u]++;
      total++;
    }
  }

  // item popularity (lognormal), biases, factors
  // chosen so the stars come out like MovieLens 100K's: mean ≈ 3.5, std ≈ 1.1, 4 the commonest
  const mu = 3.2;
  const pop = Float64Array.from({ length: I }, () => Math.exp(1.3 * rng.normal()));
  const itemBias = Float64Array.from(pop, (p) => 0.3 * rng.normal() + 0.1 * Math.log(p));
  const userBias = Float64Array.from({ length: U }, () => 0.35 * rng.normal());
  const scale = Float64Array.from({ length: K }, (_, k) => 0.3 / Math.sqrt(k + 1));
  const P = Float64Array.from({ length: U * K }, (_, x) => rng.normal() * scale[x % K]);
  const Q = Float64Array.from({ length: I * K }, () => rng.normal());

  const us = new Int32Array(N);
  const is = new Int32Array(N);
  const rs = new Float32Array(N);
  const ts = new Float64Array(N);
  // every item rated at least once (as in MovieLens): each is first handed to a random user
  const firstOwner = Int32Array.from({ length: I }, () => rng.int(U));
  const owned: number[][] = Array.from({ length: U }, () => []);
  for (let i = 0; i < I; i++) owned[firstOwner[i]].push(i);
  const weight = new Float64Array(I);
  const taste = new Float64Array(I);
  const taken = new Uint8Array(I);
  let row = 0;
  for (let u = 0; u < U; u++) {
    // who rates what: popularity × exp(1.0 · how much the user would like it), sampled without replacement
    let wsum = 0;
    for (let i = 0; i < I; i++) {
      let d = 0;
      for (let k = 0; k < K; k++) d += P[u * K + k] * Q[i * K + k];
      taste[i] = itemBias[i] + d;
      weight[i] = pop[i] * Math.exp(taste[i]);
      wsum += weight[i];
    }
    taken.fill(0);
    for (let c = 0; c < count[u]; c++) {
      let item = c < owned[u].length ? owned[u][c] : -1;
      for (let tries = 0; tries < 64 && item < 0; tries++) {
        let x = rng.next() * wsum;
        let i = 0;
        while (i < I - 1 && x >= weight[i]) x -= weight[i++];
        if (!taken[i]) item = i;
      }
      if (item < 0) {
        item = rng.int(I);
        while (taken[item]) item = (item + 1) % I;
      }
      taken[item] = 1;
      wsum -= weight[item];
      weight[item] = 0;
      const r = Math.round(mu + userBias[u] + taste[item] + noise * rng.normal());
      us[row] = u;
      is[row] = item;
      rs[row] = Math.min(5, Math.max(1, r));
      ts[row] = 874_724_710 + u * 20_000 + c * 60;
      row++;
    }
  }
  return {
    name: `synthetic ratings ${U}×${I}, ${N}`,
    source: 'synthetic',
    nUsers: U,
    nItems: I,
    userKeys: Array.from({ length: U }, (_, u) => String(u + 1)),
    itemKeys: Array.from({ length: I }, (_, i) => String(i + 1)),
    users: us,
    items: is,
    ratings: rs,
    timestamps: ts,
    titles: null,
    years: null,
    warnings: [],
  };
}

/**
 * A dataset as u.data text: `user\titem\trating\ttimestamp` lines, 1-based keys as written.
 * @example toUData(synthesizeRatings({ users: 2, items: 40, ratings: 40, seed: 1 })).split('\n')[0] // → '1\t…'
 */
export function toUData(ds: Dataset): string {
  const lines = new Array<string>(ds.users.length);
  for (let r = 0; r < ds.users.length; r++) {
    lines[r] = `${ds.userKeys[ds.users[r]]}\t${ds.itemKeys[ds.items[r]]}\t${ds.ratings ? ds.ratings[r] : 1}\t${ds.timestamps ? ds.timestamps[r] : 0}`;
  }
  return lines.join('\n') + '\n';
}
