/**
 * k-core filtering: the classic clean-up before training a recommender, so every user and
 * item has enough interactions to learn from. Dropping items lowers user counts and the other
 * way round, hence the iteration to a fixed point.
 */
import { DataError } from './errors.ts';
import { dataText } from './messages.ts';
import { subsetRows } from './subset.ts';
import type { Dataset } from './types.ts';

/**
 * The largest sub-dataset in which every user and every item has at least `k` interactions.
 * Re-indexed densely; a warning says what was removed.
 *
 * @param k minimum interactions per user and per item (integer ≥ 1; 1 keeps everything)
 * @throws DataError when nothing is left, or k is not a positive integer
 * @example kCore(ds, 5).nUsers
 */
export function kCore(ds: Dataset, k: number): Dataset {
  if (!Number.isInteger(k) || k < 1) throw new DataError(`k-core needs a whole number k ≥ 1, not ${k}.`);
  const n = ds.users.length;
  const keep = new Uint8Array(n).fill(1);
  const userCount = new Int32Array(ds.nUsers);
  const itemCount = new Int32Array(ds.nItems);
  for (let r = 0; r < n; r++) {
    userCount[ds.users[r]]++;
    itemCount[ds.items[r]]++;
  }
  let changed = true;
  let kept = n;
  while (changed) {
    changed = false;
    for (let r = 0; r < n; r++) {
      if (!keep[r]) continue;
      const u = ds.users[r];
      const i = ds.items[r];
      if (userCount[u] < k || itemCount[i] < k) {
        keep[r] = 0;
        userCount[u]--;
        itemCount[i]--;
        kept--;
        changed = true;
      }
    }
  }
  if (kept === 0) {
    throw new DataError(dataText('data.kcoreEmpty', { k }));
  }
  if (kept === n) return { ...ds, warnings: [...ds.warnings] };
  const out = subsetRows(ds, keep);
  out.warnings.push(dataText('data.kcoreRemoved', { k, users: ds.nUsers - out.nUsers, items: ds.nItems - out.nItems, interactions: n - kept }));
  return out;
}
