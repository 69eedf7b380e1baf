/**
 * Held-out ratings for the rating-prediction task: per user, a seeded random 10% of their ratings
 * for test and 10% for validation, the rest for training. Random rather than by time because the
 * built-in dataset has no timestamps and because rating prediction asks "how much would this user
 * like this item", not "what comes next"; per user (stratified) so every user keeps most of their
 * ratings in train and no user is cold at test time. Pure TS, no tf.
 */
import { DataError } from './errors.ts';
import { Rng } from './rng.ts';
import { rowsByKey } from './rowsByKey.ts';
import type { Dataset } from './types.ts';

/** (user, item, rating) triples, columnar. */
export interface RatingTriples {
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array;
}

/** What the split reads of a dataset (the worker receives only these). */
export type RatingsSource = Pick<Dataset, 'nUsers' | 'nItems' | 'users' | 'items' | 'ratings'>;

/** A dataset's explicit ratings split three ways. */
export interface RatingSplit {
  nUsers: number;
  nItems: number;
  train: RatingTriples;
  val: RatingTriples;
  test: RatingTriples;
  /** Mean of the training ratings (the models' global offset). */
  mean: number;
  /** Smallest and largest rating in the file: predictions are clipped to them. */
  min: number;
  max: number;
  seed: number;
}

/** Options of {@link splitRatings}. */
export interface RatingSplitOptions {
  seed: number;
  /** Share of each user's ratings held out for test / validation (default 0.1 each). */
  testFraction?: number;
  valFraction?: number;
}

/**
 * A sentence saying why this dataset cannot be used for rating prediction, or null when it can.
 * @example ratingBlocker(implicitDataset) // → 'This dataset has no explicit ratings …'
 */
export function ratingBlocker(ds: RatingsSource): string | null {
  if (!ds.ratings) {
    return 'This dataset has no explicit ratings (no rating column), so there is nothing to predict: load a file with a rating per line.';
  }
  let min = Infinity;
  let max = -Infinity;
  for (const r of ds.ratings) {
    if (r < min) min = r;
    if (r > max) max = r;
  }
  if (!(max > min)) return `Every rating in this dataset is ${min}: with one value there is nothing to predict.`;
  if (ds.users.length < 30) return `The dataset has ${ds.users.length} ratings; rating prediction needs at least 30.`;
  return null;
}

/**
 * Splits a dataset's ratings. Each user's ratings are shuffled (seeded); the first
 * round(n·testFraction) go to test and the next round(n·valFraction) to validation, but a user
 * always keeps at least one rating in train, and users with fewer than 3 ratings keep all in train.
 *
 * @throws DataError when the dataset has no ratings (see {@link ratingBlocker}) or a fraction is out of range
 * @example splitRatings(ds, { seed: 1 }).test.ratings.length // ≈ 10% of ds.ratings.length
 */
export function splitRatings(ds: RatingsSource, opts: RatingSplitOptions): RatingSplit {
  const why = ratingBlocker(ds);
  if (why) throw new DataError(why);
  const testF = opts.testFraction ?? 0.1;
  const valF = opts.valFraction ?? 0.1;
  if (!(testF > 0 && valF > 0 && testF + valF < 1)) {
    throw new DataError(`test and validation fractions must be > 0 and sum to less than 1, not ${testF} and ${valF}.`);
  }
  const ratings = ds.ratings!;
  const n = ds.users.length;
  const { start, rows } = rowsByKey(ds.users, ds.nUsers);

  const rng = new Rng(opts.seed);
  // 0 train, 1 validation, 2 test
  const part = new Uint8Array(n);
  for (let u = 0; u < ds.nUsers; u++) {
    const a = start[u];
    const m = start[u + 1] - a;
    if (m < 3) continue;
    const mine = rng.shuffle(rows.slice(a, a + m));
    let nTest = Math.max(1, Math.round(m * testF));
    let nVal = Math.max(1, Math.round(m * valF));
    while (nTest + nVal > m - 1) {
      if (nVal >= nTest) nVal--;
      else nTest--;
    }
    for (let k = 0; k < nTest; k++) part[mine[k]] = 2;
    for (let k = nTest; k < nTest + nVal; k++) part[mine[k]] = 1;
  }
  const counts = [0, 0, 0];
  for (let r = 0; r < n; r++) counts[part[r]]++;
  const make = (k: number): RatingTriples => ({ users: new Int32Array(counts[k]), items: new Int32Array(counts[k]), ratings: new Float32Array(counts[k]) });
  const out = [make(0), make(1), make(2)];
  const at = [0, 0, 0];
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < n; r++) {
    const k = part[r];
    const t = out[k];
    t.users[at[k]] = ds.users[r];
    t.items[at[k]] = ds.items[r];
    t.ratings[at[k]] = ratings[r];
    at[k]++;
    if (k === 0) sum += ratings[r];
    if (ratings[r] < min) min = ratings[r];
    if (ratings[r] > max) max = ratings[r];
  }
  return { nUsers: ds.nUsers, nItems: ds.nItems, train: out[0], val: out[1], test: out[2], mean: sum / Math.max(1, counts[0]), min, max, seed: opts.seed };
}
