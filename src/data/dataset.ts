/**
 * RatingsTable (+ titles) → Dataset: duplicates resolved (the later line wins, as an export's
 * later line is the newer rating), titles and years attached per dense item.
 */
import { listLines } from './errors.ts';
import { dataText } from './messages.ts';
import { rowsByKey } from './rowsByKey.ts';
import type { Dataset, RatingsTable, TitlesTable } from './types.ts';

/**
 * Builds a dataset from a parsed ratings table. Users and items keep the table's dense indices
 * (first-seen order in the file). Where a (user, item) pair occurs on several lines, only the
 * last is kept (in its own position) and a warning names the dropped lines.
 *
 * @param table from parseRatings
 * @param titles from parseTitles, or null
 * @param name shown in the UI, e.g. "u.data"
 * @param source where it came from
 * @example buildDataset(parseRatings(text), null, 'u.data', 'upload').nUsers
 */
export function buildDataset(
  table: RatingsTable,
  titles: TitlesTable | null,
  name: string,
  source: Dataset['source'],
): Dataset {
  const nUsers = table.userKeys.length;
  const nItems = table.itemKeys.length;
  const warnings = [...table.warnings];
  const drop = duplicateRows(table.users, table.items, nUsers, nItems);
  let { users, items, ratings, timestamps } = table;
  if (drop.length > 0) {
    const keep = new Uint8Array(users.length).fill(1);
    for (const r of drop) keep[r] = 0;
    users = pick(users, keep);
    items = pick(items, keep);
    ratings = ratings && pick(ratings, keep);
    timestamps = timestamps && pick(timestamps, keep);
    const lines = drop.map((r) => (table.lines ? table.lines[r] : r + 1)).sort((a, b) => a - b);
    const one = drop.length === 1;
    const unit = dataText(table.lines ? (one ? 'data.unit.line' : 'data.unit.lines') : one ? 'data.unit.row' : 'data.unit.rows');
    warnings.push(dataText(one ? 'data.duplicatesOne' : 'data.duplicatesMany', { count: drop.length, unit, lines: listLines(lines) }));
  }
  let itemTitles: (string | null)[] | null = null;
  let years: Float64Array | null = null;
  if (titles) {
    warnings.push(...titles.warnings);
    itemTitles = table.itemKeys.map((k) => titles.titles.get(k) ?? null);
    const missing: string[] = [];
    itemTitles.forEach((t, i) => {
      if (t === null) missing.push(table.itemKeys[i]);
    });
    if (missing.length > 0) {
      const eg = missing.slice(0, 5).join(', ');
      const ids = `${eg}${missing.length > 5 ? ', …' : ''}`;
      warnings.push(dataText(missing.length === 1 ? 'data.untitledOne' : 'data.untitledMany', { missing: missing.length, items: nItems, ids }));
    }
    if (titles.years.size > 0) {
      years = new Float64Array(nItems);
      table.itemKeys.forEach((k, i) => {
        years![i] = titles.years.get(k) ?? NaN;
      });
    }
  }
  return {
    name,
    source,
    nUsers,
    nItems,
    userKeys: table.userKeys,
    itemKeys: table.itemKeys,
    users,
    items,
    ratings,
    timestamps,
    titles: itemTitles,
    years,
    warnings,
  };
}

/**
 * Row indices of (user, item) pairs that a later row repeats, ascending. O(rows + users + items):
 * rows are bucketed by user, then each user's rows are walked from the last with an item stamp.
 */
export function duplicateRows(users: Int32Array, items: Int32Array, nUsers: number, nItems: number): number[] {
  const { start, rows: byUser } = rowsByKey(users, nUsers);
  const stamp = new Int32Array(nItems);
  const drop: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    for (let k = start[u + 1] - 1; k >= start[u]; k--) {
      const r = byUser[k];
      const it = items[r];
      if (stamp[it] === u + 1) drop.push(r);
      else stamp[it] = u + 1;
    }
  }
  return drop.sort((a, b) => a - b);
}

function pick<T extends Int32Array | Float32Array | Float64Array>(a: T, keep: Uint8Array): T {
  let m = 0;
  for (let i = 0; i < keep.length; i++) m += keep[i];
  const out = new (a.constructor as new (n: number) => T)(m);
  let j = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) out[j++] = a[i];
  return out;
}
