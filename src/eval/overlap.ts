/**
 * Teacher–student agreement: overlap of per-user top-K recommendation lists, plus a pure
 * reference top-K for tests of the tf scorer.
 *
 * Import constraint: pure TS over typed arrays. No tf.js, DOM, React or `node:` imports.
 *
 * Shapes: a top-K block is a flat row-major `Int32Array` of length users·k; row u holds user
 * u's item ids, best first. Negative ids are padding (fewer than K candidates) and are never
 * counted as shared items. Order within a row does not matter for the overlap measures.
 */

/** Checks two top-K blocks and returns the number of users (rows). */
function checkPair(a: Int32Array, b: Int32Array, k: number): number {
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`k must be a positive integer, got ${k}`);
  }
  if (a.length !== b.length) {
    throw new Error(`top-K lists differ in length: ${a.length} vs ${b.length}`);
  }
  if (a.length % k !== 0) {
    throw new Error(`top-K length ${a.length} is not a multiple of k=${k}`);
  }
  return a.length / k;
}

/** Distinct non-negative ids of row u, and the size of their intersection with row u of b. */
function rowCounts(a: Int32Array, b: Int32Array, k: number, u: number): { na: number; nb: number; shared: number } {
  const ra = new Set<number>();
  const rb = new Set<number>();
  for (let j = u * k; j < (u + 1) * k; j++) {
    if (a[j] >= 0) ra.add(a[j]);
    if (b[j] >= 0) rb.add(b[j]);
  }
  let shared = 0;
  for (const id of ra) if (rb.has(id)) shared++;
  return { na: ra.size, nb: rb.size, shared };
}

/**
 * Mean over users of |topK_a ∩ topK_b| / k: the share of one model's top-K that the other
 * model also recommends.
 *
 * @param a teacher top-K, flat users·k item ids. Example (k=2): `[1, 2, 3, 4]`.
 * @param b student top-K, same shape. Example: `[2, 1, 5, 6]` → (2/2 + 0/2) / 2 = 0.5.
 * @param k list length per user.
 * @returns overlap in [0, 1]; 0 for zero users.
 * @throws Error if the lengths differ, are not a multiple of k, or k is not a positive integer.
 */
export function topKOverlap(a: Int32Array, b: Int32Array, k: number): number {
  const users = checkPair(a, b, k);
  if (users === 0) return 0;
  let sum = 0;
  for (let u = 0; u < users; u++) sum += rowCounts(a, b, k, u).shared / k;
  return sum / users;
}

/**
 * Mean over users of the Jaccard index |A ∩ B| / |A ∪ B| of the two top-K sets. For full
 * lists of K distinct items it equals s / (2K − s) for s shared items. A user whose two rows
 * are both all padding counts as 1 (two identical empty lists).
 *
 * @param a teacher top-K, flat users·k item ids. Example (k=2): `[1, 2, 3, 4]`.
 * @param b student top-K, same shape. Example: `[2, 5, 3, 4]` → (1/3 + 2/2) / 2 = 2/3.
 * @param k list length per user.
 * @returns Jaccard in [0, 1]; 0 for zero users.
 * @throws Error if the lengths differ, are not a multiple of k, or k is not a positive integer.
 */
export function jaccardAtK(a: Int32Array, b: Int32Array, k: number): number {
  const users = checkPair(a, b, k);
  if (users === 0) return 0;
  let sum = 0;
  for (let u = 0; u < users; u++) {
    const { na, nb, shared } = rowCounts(a, b, k, u);
    const union = na + nb - shared;
    sum += union === 0 ? 1 : shared / union;
  }
  return sum / users;
}

/** True if item i (score si) should come before item j (score sj): higher score, then lower id. */
function before(si: number, i: number, sj: number, j: number): boolean {
  return si > sj || (si === sj && i < j);
}

/**
 * Reference top-K per user from a full score matrix (pure, O(users·nItems·k); for tests of the
 * tf scorer). Best first; ties broken by lower item id; a NaN score is treated as -Infinity.
 * Rows with fewer than k non-excluded items are padded with -1.
 *
 * @param scores flat row-major users·nItems scores. Example: `[0.1, 0.9, 0.5, 0.9]`, nItems 4.
 * @param nItems catalog size (row length).
 * @param k list length per user. Example: k=2 → `[1, 3]` (1 and 3 tie; lower id first);
 *   with `exclude = () => [1]` → `[3, 2]`.
 * @param exclude item ids to leave out for a user (e.g. their training items); out-of-range
 *   ids are ignored.
 * @returns flat row-major users·k item ids.
 * @throws Error if nItems or k is not a positive integer, or scores.length is not a multiple
 *   of nItems.
 */
export function topKFromScores(
  scores: Float32Array,
  nItems: number,
  k: number,
  exclude?: (user: number) => ArrayLike<number>,
): Int32Array {
  if (!Number.isInteger(nItems) || nItems < 1) {
    throw new Error(`nItems must be a positive integer, got ${nItems}`);
  }
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`k must be a positive integer, got ${k}`);
  }
  if (scores.length % nItems !== 0) {
    throw new Error(`scores length ${scores.length} is not a multiple of nItems=${nItems}`);
  }
  const users = scores.length / nItems;
  const out = new Int32Array(users * k).fill(-1);
  const excluded = new Uint8Array(nItems);
  const ids = new Int32Array(k);
  const vals = new Float64Array(k);
  for (let u = 0; u < users; u++) {
    const ex = exclude ? exclude(u) : [];
    for (let j = 0; j < ex.length; j++) {
      const id = ex[j];
      if (Number.isInteger(id) && id >= 0 && id < nItems) excluded[id] = 1;
    }
    // Keep a sorted buffer of the best `filled` items; insert each candidate in place.
    let filled = 0;
    const row = u * nItems;
    for (let i = 0; i < nItems; i++) {
      if (excluded[i] === 1) continue;
      const raw = scores[row + i];
      const s = Number.isNaN(raw) ? -Infinity : raw;
      if (filled === k && !before(s, i, vals[k - 1], ids[k - 1])) continue;
      let p = filled === k ? k - 1 : filled++;
      while (p > 0 && before(s, i, vals[p - 1], ids[p - 1])) {
        vals[p] = vals[p - 1];
        ids[p] = ids[p - 1];
        p--;
      }
      vals[p] = s;
      ids[p] = i;
    }
    out.set(ids.subarray(0, filled), u * k);
    for (let j = 0; j < ex.length; j++) {
      const id = ex[j];
      if (Number.isInteger(id) && id >= 0 && id < nItems) excluded[id] = 0;
    }
  }
  return out;
}
