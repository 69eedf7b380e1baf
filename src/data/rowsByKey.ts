/**
 * Rows grouped by a key (a CSR index): the rows whose key is k are rows[start[k] .. start[k+1]),
 * in their original order. A stable counting sort, O(rows + keys), so it scales to the 25M rows of
 * ML-25M where a comparison sort of row indices would not. Used for user → rows (splits, duplicate
 * detection) and item → rows (the rating teacher's item columns).
 * @example rowsByKey(Int32Array.of(1, 0, 1), 2) // → { start: [0, 1, 3], rows: [1, 0, 2] }
 */
export function rowsByKey(keys: Int32Array, nKeys: number): { start: Int32Array; rows: Int32Array } {
  const n = keys.length;
  const start = new Int32Array(nKeys + 1);
  for (let r = 0; r < n; r++) start[keys[r] + 1]++;
  for (let k = 0; k < nKeys; k++) start[k + 1] += start[k];
  const fill = start.slice(0, nKeys);
  const rows = new Int32Array(n);
  for (let r = 0; r < n; r++) rows[fill[keys[r]]++] = r;
  return { start, rows };
}
