/**
 * Generated stand-ins for MovieLens files, for tests and the parse benchmark. Never a real
 * MovieLens file (its license forbids redistribution): only the shape — tab-separated
 * `user item rating timestamp` lines, every user and item present, no duplicate pairs — and a
 * Latin-1 u.item with `|` fields and 19 genre flags.
 */
import { Rng } from '../rng.ts';

/** Shape of a generated u.data. MovieLens 100K: 943 users, 1,682 items, 100,000 lines. */
export interface UDataShape {
  users: number;
  items: number;
  lines: number;
  seed?: number;
  /** Line separator; u.data uses LF. */
  eol?: string;
}

/**
 * A u.data-style text: `lines` distinct (user, item) pairs, ids 1-based, every user and item
 * appears at least once, each user has ≥ min(20, items) lines when `lines` allows it, ratings
 * 1–5, timestamps in MovieLens 100K's range, rows in shuffled order.
 *
 * @example generateUData({ users: 943, items: 1682, lines: 100_000 }).split('\n').length // → 100001 (trailing LF)
 */
export function generateUData(shape: UDataShape): string {
  const { users, items, lines } = shape;
  if (lines > users * items) throw new Error('more lines than distinct (user, item) pairs');
  if (lines < Math.max(users, items)) throw new Error('too few lines to cover every user and item');
  const rng = new Rng(shape.seed ?? 1);
  const seen = new Set<number>();
  const us = new Int32Array(lines);
  const is = new Int32Array(lines);
  let n = 0;
  const add = (u: number, i: number): boolean => {
    const key = u * items + i;
    if (seen.has(key)) return false;
    seen.add(key);
    us[n] = u;
    is[n] = i;
    n++;
    return true;
  };
  for (let k = 0; k < Math.max(users, items); k++) add(k % users, k % items);
  const perUserMin = Math.min(20, items, Math.floor(lines / users));
  const count = new Int32Array(users);
  for (let k = 0; k < n; k++) count[us[k]]++;
  for (let u = 0; u < users && n < lines; u++) {
    while (count[u] < perUserMin && n < lines) if (add(u, skewed(rng, items))) count[u]++;
  }
  while (n < lines) add(skewed(rng, users), skewed(rng, items));
  const order = rng.shuffle(Int32Array.from({ length: lines }, (_, k) => k));
  const out: string[] = new Array<string>(lines);
  for (let k = 0; k < lines; k++) {
    const r = order[k];
    const rating = 1 + rng.int(5);
    const ts = 874724710 + rng.int(18561928);
    out[k] = `${us[r] + 1}\t${is[r] + 1}\t${rating}\t${ts}`;
  }
  const eol = shape.eol ?? '\n';
  return out.join(eol) + eol;
}

/** An index in [0, n) with a popularity skew (low indices more likely). */
function skewed(rng: Rng, n: number): number {
  const x = rng.next();
  return Math.min(n - 1, Math.floor(n * x * x));
}

/** MovieLens 100K's genre flag order in u.item. */
export const UITEM_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary',
  'Drama', 'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi',
  'Thriller', 'War', 'Western',
] as const;

/**
 * A u.item-style file as Latin-1 bytes: `id|title (year)|01-Jan-year||url|19 flags`. Every 10th
 * title has an accented "é" (byte 0xE9, invalid as UTF-8) so decoding is exercised. Item `id`
 * has genre flag `id % 19` set (plus Drama for even ids).
 */
export function generateUItem(items: number): Uint8Array {
  const rows: string[] = [];
  for (let id = 1; id <= items; id++) {
    const year = 1930 + (id % 68);
    const title = id % 10 === 0 ? `Café Story ${id} (${year})` : `Movie ${id} (${year})`;
    const flags = UITEM_GENRES.map((_, g) => (g === id % 19 || (g === 8 && id % 2 === 0) ? '1' : '0'));
    rows.push(`${id}|${title}|01-Jan-${year}||http://example.org/title?${id}|${flags.join('|')}`);
  }
  return latin1(rows.join('\n') + '\n');
}

/** Encodes text whose characters are all below U+0100 as Latin-1 bytes. */
export function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 255) throw new Error('not Latin-1');
    out[i] = c;
  }
  return out;
}
