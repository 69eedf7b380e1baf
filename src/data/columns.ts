/**
 * Which columns of a ratings file hold user, item, rating and timestamp, and whether line 1 is
 * a header: decided from content (names in the header, numbers below it), so an export from any
 * tool reads without a dialog, and overridable through ParseOptions.
 */
import { dataText, english, type DataText } from './messages.ts';
import type { ColumnMap } from './types.ts';

/** The roles a ratings column can play. */
export type ColumnRole = keyof ColumnMap;

/** Header names per role, compared after lower-casing and dropping everything but a-z0-9. */
const NAMES: Record<ColumnRole, readonly string[]> = {
  user: ['user', 'userid', 'uid', 'users', 'username', 'customer', 'customerid', 'reviewerid', 'visitorid', 'member', 'memberid'],
  item: [
    'item', 'itemid', 'iid', 'items', 'movie', 'movieid', 'mid', 'book', 'bookid', 'isbn', 'product',
    'productid', 'asin', 'track', 'trackid', 'song', 'songid', 'artist', 'artistid', 'animeid', 'recipeid',
  ],
  rating: ['rating', 'ratings', 'score', 'stars', 'rate', 'value', 'bookrating', 'overall', 'preference'],
  timestamp: ['timestamp', 'time', 'ts', 'date', 'datetime', 'unixtime', 'unixreviewtime', 'created', 'createdat', 'when'],
};

/** Lower-case alphanumerics only: "User_ID" → "userid", "Book-Rating" → "bookrating". */
export function normalizeHeaderName(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The role a header cell names, or null. */
export function roleOfHeader(cell: string): ColumnRole | null {
  const n = normalizeHeaderName(cell);
  for (const role of ['user', 'item', 'rating', 'timestamp'] as const) {
    if (NAMES[role].includes(n)) return role;
  }
  return null;
}

/**
 * Column positions from header names; roles not found are left out. Each role takes the first
 * column naming it, and a column serves one role.
 *
 * @example columnsFromHeader(['userId', 'movieId', 'rating', 'timestamp']) // → { user: 0, item: 1, rating: 2, timestamp: 3 }
 */
export function columnsFromHeader(header: readonly string[]): Partial<ColumnMap> {
  const out: Partial<ColumnMap> = {};
  header.forEach((cell, i) => {
    const role = roleOfHeader(cell);
    if (role && out[role] === undefined) out[role] = i;
  });
  return out;
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** True for a plain decimal number as written in a file ("4", "-1.5", "3e2"); not "NaN", "inf", "". */
export function looksNumeric(s: string): boolean {
  return NUMERIC.test(s);
}

/**
 * Whether the first record is a header: it names a known column, or none of its cells is a
 * number while some column is a number on (almost) every following line. A first line with a
 * number in it is data, so a bad first line ("1,2,NaN") is reported, not taken for a header.
 *
 * @param first the first non-blank record's fields
 * @param rest a sample of the records after it
 */
export function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  if (first.some((c) => roleOfHeader(c) !== null)) return true;
  if (first.some((c) => looksNumeric(c))) return false;
  if (rest.length === 0) return true;
  for (let col = 0; col < first.length; col++) {
    let numeric = 0;
    for (const r of rest) if (r[col] !== undefined && looksNumeric(r[col])) numeric++;
    if (numeric >= 0.8 * rest.length) return true;
  }
  return false;
}

/** Positional layout for a file without names: user, item, then rating and timestamp if present. */
export function positionalColumns(fieldCount: number): ColumnMap {
  const m: ColumnMap = { user: 0, item: 1 };
  if (fieldCount >= 3) m.rating = 2;
  if (fieldCount >= 4) m.timestamp = 3;
  return m;
}

/** A role's name in a sentence ("user", "rating"). */
export function roleText(role: ColumnRole): DataText {
  return dataText(`data.role.${role}` as const);
}

/** "user 1, item 2, rating 3, timestamp 4" (1-based), for messages. */
export function columnsText(m: ColumnMap): DataText {
  const vars = { user: m.user + 1, item: m.item + 1, rating: (m.rating ?? 0) + 1, timestamp: (m.timestamp ?? 0) + 1 };
  if (m.rating !== undefined && m.timestamp !== undefined) return dataText('data.columns4', vars);
  if (m.rating !== undefined) return dataText('data.columns3r', vars);
  if (m.timestamp !== undefined) return dataText('data.columns3t', vars);
  return dataText('data.columns2', vars);
}

/** {@link columnsText} in English (the CLI's JSON). */
export function describeColumns(m: ColumnMap): string {
  return english(columnsText(m));
}
