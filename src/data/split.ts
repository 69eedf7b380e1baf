/**
 * Leave-one-out split with a validation item, the evaluation protocol of next-item
 * recommendation: per user, the last interaction is the test item and the one before it the
 * validation item; the rest is training history. Deterministic for a seed.
 */
import { DataError } from './errors.ts';
import { dataText, type DataText } from './messages.ts';
import { Rng } from './rng.ts';
import { rowsByKey } from './rowsByKey.ts';
import type { Dataset, Split, SplitOptions } from './types.ts';

/** Default minimum interactions for a user to be evaluated (one to train, validate, test). */
export const DEFAULT_MIN_INTERACTIONS = 3;

/**
 * Splits a dataset. "Last" means: latest timestamp (ties: later row) with `order: 'timestamp'`,
 * latest row with `order: 'row'`, a seeded random pick with `order: 'random'` — also when
 * timestamps were asked for but the dataset has none (then `split.order` is 'random').
 * Users with fewer than `minInteractions` keep everything in train and get -1.
 *
 * @returns train examples grouped by user (items ascending) and the same as CSR history
 * @throws DataError when minInteractions is not an integer ≥ 2
 * @example splitLeaveOneOut(ds, { seed: 42, order: 'timestamp' }).testItem[0]
 */
export function splitLeaveOneOut(ds: Dataset, opts: SplitOptions): Split {
  const minInteractions = opts.minInteractions ?? DEFAULT_MIN_INTERACTIONS;
  if (!Number.isInteger(minInteractions) || minInteractions < 2) {
    throw new DataError(`minInteractions must be a whole number ≥ 2, not ${minInteractions}.`);
  }
  const order: Split['order'] = opts.order === 'timestamp' && !ds.timestamps ? 'random' : opts.order;
  const { nUsers, nItems } = ds;
  const n = ds.users.length;
  // Rows bucketed by user, stable, so within a user rows stay in file order.
  const { start, rows } = rowsByKey(ds.users, nUsers);

  const rng = new Rng(opts.seed);
  const ts = ds.timestamps;
  const valItem = new Int32Array(nUsers).fill(-1);
  const testItem = new Int32Array(nUsers).fill(-1);
  const histOffsets = new Int32Array(nUsers + 1);
  const histItems = new Int32Array(n);
  const evalUsers: number[] = [];
  let h = 0;
  for (let u = 0; u < nUsers; u++) {
    const a = start[u];
    const b = start[u + 1];
    let testK = -1;
    let valK = -1;
    if (b - a >= minInteractions) {
      if (order === 'random') {
        testK = a + rng.int(b - a);
        valK = a + rng.int(b - a - 1);
        if (valK >= testK) valK++;
      } else if (order === 'row') {
        testK = b - 1;
        valK = b - 2;
      } else {
        testK = latest(rows, ts!, a, b, -1);
        valK = latest(rows, ts!, a, b, testK);
      }
      testItem[u] = ds.items[rows[testK]];
      valItem[u] = ds.items[rows[valK]];
      evalUsers.push(u);
    }
    const from = h;
    for (let k = a; k < b; k++) if (k !== testK && k !== valK) histItems[h++] = ds.items[rows[k]];
    histItems.subarray(from, h).sort();
    histOffsets[u + 1] = h;
  }
  return assembleSplit({ nUsers, nItems, histOffsets, trainItems: histItems.slice(0, h), valItem, testItem, evalUsers, order, seed: opts.seed, minInteractions });
}

/** The parts a split is made of: each user's sorted training items laid out by `histOffsets`. */
export interface SplitParts {
  nUsers: number;
  nItems: number;
  histOffsets: Int32Array;
  trainItems: Int32Array;
  valItem: Int32Array;
  testItem: Int32Array;
  evalUsers: readonly number[];
  order: Split['order'];
  seed: number;
  minInteractions: number;
}

/** A Split from its parts (the training examples are the users' histories, one row per item). */
export function assembleSplit(p: SplitParts): Split {
  const trainUsers = new Int32Array(p.trainItems.length);
  for (let u = 0; u < p.nUsers; u++) trainUsers.fill(u, p.histOffsets[u], p.histOffsets[u + 1]);
  return {
    nUsers: p.nUsers,
    nItems: p.nItems,
    trainUsers,
    trainItems: p.trainItems,
    histOffsets: p.histOffsets,
    histItems: p.trainItems.slice(),
    valItem: p.valItem,
    testItem: p.testItem,
    evalUsers: Int32Array.from(p.evalUsers),
    order: p.order,
    seed: p.seed,
    minInteractions: p.minInteractions,
  };
}

/** Position in `rows[a..b)` of the latest row by (timestamp, row index), skipping position `skip`. */
function latest(rows: Int32Array, ts: Float64Array, a: number, b: number, skip: number): number {
  let best = -1;
  for (let k = a; k < b; k++) {
    if (k === skip) continue;
    // Rows within a user are in file order, so ≥ lets the later row win a timestamp tie.
    if (best === -1 || ts[rows[k]] >= ts[rows[best]]) best = k;
  }
  return best;
}

/**
 * A sentence saying why this dataset and split cannot train, or null when they can.
 *
 * @example english(checkTrainable(ds, split)!) // → 'No user has at least 3 interactions, so none is left to evaluate …'
 */
export function checkTrainable(ds: Dataset, split: Split): DataText | null {
  if (ds.nUsers < 2) return dataText(ds.nUsers === 1 ? 'data.fewUsersOne' : 'data.fewUsersMany', { count: ds.nUsers });
  if (ds.nItems < 2) return dataText(ds.nItems === 1 ? 'data.fewItemsOne' : 'data.fewItemsMany', { count: ds.nItems });
  if (split.evalUsers.length === 0) return dataText('data.noEvalUsers', { min: split.minInteractions ?? DEFAULT_MIN_INTERACTIONS });
  if (split.trainItems.length === 0) return dataText('data.noTrainLeft');
  return null;
}

/**
 * The split every studio run uses: leave-one-out by timestamp where the dataset has them, seeded
 * random otherwise. `splitSeed` is a dataset-level setting, separate from the run seed.
 */
export function splitFor(ds: Dataset, splitSeed: number): Split {
  return splitLeaveOneOut(ds, { seed: splitSeed, order: ds.timestamps ? 'timestamp' : 'random' });
}
