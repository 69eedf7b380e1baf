/** The numbers the dataset panel shows, computed in one pass over the columns. */
import type { Dataset, DatasetStats } from './types.ts';

/** Histogram edges for interactions per user: roughly log-spaced, as the counts are skewed. */
const EDGE_STEPS = [1, 2, 3, 5];

/**
 * Statistics of a dataset.
 *
 * `perUserHistogram.edges` are 1, 2, 3, 5, 10, 20, 30, 50, 100, … up to the first edge above the
 * largest count; bin i counts users with edges[i] ≤ n < edges[i+1]. `ratingHistogram` counts
 * each distinct rating value, ascending.
 *
 * @example datasetStats(ds).density // interactions / (users · items), e.g. 0.0378
 */
export function datasetStats(ds: Dataset): DatasetStats {
  const n = ds.users.length;
  const perUser = new Int32Array(ds.nUsers);
  for (let r = 0; r < n; r++) perUser[ds.users[r]]++;
  const sorted = perUser.slice().sort();
  const m = sorted.length;
  const median = m === 0 ? 0 : m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  const max = m ? sorted[m - 1] : 0;
  const edges = histogramEdges(max);
  const counts = new Array<number>(edges.length - 1).fill(0);
  let bin = 0;
  for (let k = 0; k < m; k++) {
    while (bin < counts.length - 1 && sorted[k] >= edges[bin + 1]) bin++;
    if (sorted[k] >= edges[0]) counts[bin]++;
  }
  let ratingHistogram: DatasetStats['ratingHistogram'] = null;
  if (ds.ratings) {
    const byValue = new Map<number, number>();
    for (let r = 0; r < n; r++) {
      const v = ds.ratings[r];
      byValue.set(v, (byValue.get(v) ?? 0) + 1);
    }
    ratingHistogram = [...byValue]
      .sort((a, b) => a[0] - b[0])
      .map(([value, count]) => ({ value, count }));
  }
  const cells = ds.nUsers * ds.nItems;
  return {
    users: ds.nUsers,
    items: ds.nItems,
    interactions: n,
    density: cells > 0 ? n / cells : 0,
    hasRatings: ds.ratings !== null,
    hasTimestamps: ds.timestamps !== null,
    minPerUser: m ? sorted[0] : 0,
    medianPerUser: median,
    maxPerUser: max,
    perUserHistogram: { edges, counts },
    ratingHistogram,
  };
}

/** 1, 2, 3, 5, 10, 20, 30, 50, 100, … until an edge exceeds `max`. */
function histogramEdges(max: number): number[] {
  const edges: number[] = [];
  for (let scale = 1; ; scale *= 10) {
    for (const s of EDGE_STEPS) {
      edges.push(s * scale);
      if (s * scale > max) return edges;
    }
  }
}
