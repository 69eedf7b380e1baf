/**
 * Explicit ratings → implicit feedback ("the user interacted"), the signal the next-item task
 * trains on. A threshold keeps only the liked items (e.g. rating ≥ 4).
 */
import { DataError } from './errors.ts';
import { dataText } from './messages.ts';
import { subsetRows } from './subset.ts';
import type { Dataset } from './types.ts';

/** Options for {@link toImplicit}. */
export interface ImplicitOptions {
  /** Keep only interactions rated at least this; every interaction when omitted. */
  threshold?: number;
}

/**
 * Drops the ratings, keeping every interaction or only those rated ≥ `threshold`. Users and
 * items left without interactions are removed and the rest re-indexed.
 *
 * @throws DataError when the threshold keeps nothing
 * @example toImplicit(ds, { threshold: 4 }).ratings // → null
 */
export function toImplicit(ds: Dataset, options: ImplicitOptions = {}): Dataset {
  const { threshold } = options;
  if (threshold === undefined) return { ...ds, ratings: null, warnings: [...ds.warnings] };
  if (!ds.ratings) {
    return {
      ...ds,
      warnings: [...ds.warnings, dataText('data.implicitNoRatings', { threshold })],
    };
  }
  const n = ds.users.length;
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let r = 0; r < n; r++) {
    if (ds.ratings[r] >= threshold) {
      keep[r] = 1;
      kept++;
    }
  }
  if (kept === 0) throw new DataError(dataText('data.implicitEmpty', { threshold }));
  const out = subsetRows(
    ds,
    keep,
    dataText('data.implicitKept', { kept, total: n, threshold }),
  );
  return { ...out, ratings: null };
}
