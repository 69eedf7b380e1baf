/**
 * Keeping some interactions of a dataset and re-indexing users and items densely, for filters
 * (k-core, implicit threshold) that can empty a user or an item.
 */
import type { DataText } from './messages.ts';
import type { Dataset } from './types.ts';

/**
 * A dataset with only the rows where `keep[row]` is 1. Users and items without a kept row are
 * dropped; the rest keep their relative order, so index order stays first-seen order.
 *
 * @param keep one flag per interaction (0 or 1)
 * @param warning a sentence added to the result's warnings, if given
 */
export function subsetRows(ds: Dataset, keep: Uint8Array, warning?: DataText): Dataset {
  const userMap = new Int32Array(ds.nUsers).fill(-1);
  const itemMap = new Int32Array(ds.nItems).fill(-1);
  let m = 0;
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    m++;
    userMap[ds.users[r]] = 0;
    itemMap[ds.items[r]] = 0;
  }
  const userKeys = renumber(userMap, ds.userKeys);
  const itemKeys = renumber(itemMap, ds.itemKeys);
  const users = new Int32Array(m);
  const items = new Int32Array(m);
  const ratings = ds.ratings ? new Float32Array(m) : null;
  const timestamps = ds.timestamps ? new Float64Array(m) : null;
  let j = 0;
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    users[j] = userMap[ds.users[r]];
    items[j] = itemMap[ds.items[r]];
    if (ratings) ratings[j] = ds.ratings![r];
    if (timestamps) timestamps[j] = ds.timestamps![r];
    j++;
  }
  const keptItems: number[] = [];
  for (let i = 0; i < ds.nItems; i++) if (itemMap[i] >= 0) keptItems.push(i);
  return {
    ...ds,
    nUsers: userKeys.length,
    nItems: itemKeys.length,
    userKeys,
    itemKeys,
    users,
    items,
    ratings,
    timestamps,
    titles: ds.titles ? keptItems.map((i) => ds.titles![i]) : null,
    titleTexts: ds.titleTexts ? keptItems.map((i) => ds.titleTexts![i]) : undefined,
    years: ds.years ? Float64Array.from(keptItems, (i) => ds.years![i]) : null,
    warnings: warning ? [...ds.warnings, warning] : [...ds.warnings],
  };
}

/** Gives each marked (≥ 0) entry its rank among marked entries; returns the kept keys. */
function renumber(map: Int32Array, keys: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < map.length; i++) {
    if (map[i] >= 0) {
      map[i] = out.length;
      out.push(keys[i]);
    }
  }
  return out;
}
