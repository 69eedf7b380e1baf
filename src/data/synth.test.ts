import { describe, expect, it } from 'vitest';
import { datasetStats } from './stats.ts';
import { synthesize } from './synth.ts';

describe('synthesize', () => {
  const opts = { users: 300, items: 120, clusters: 4, perUser: 15, seed: 9, noise: 0.1 };

  it('has the asked sizes, distinct pairs per user and cluster titles', () => {
    const ds = synthesize(opts);
    expect(ds.source).toBe('synthetic');
    expect(ds.nUsers).toBe(300);
    expect(ds.nItems).toBe(120);
    expect(ds.users.length).toBe(300 * 15);
    expect(ds.titles![0]).toBe('Cluster 1 · item 1');
    expect(ds.titles![31]).toBe('Cluster 2 · item 2');
    expect(ds.titles![119]).toBe('Cluster 4 · item 30');
    const pairs = new Set<number>();
    for (let r = 0; r < ds.users.length; r++) pairs.add(ds.users[r] * ds.nItems + ds.items[r]);
    expect(pairs.size).toBe(ds.users.length);
    expect(datasetStats(ds).minPerUser).toBe(15);
  });

  it('is deterministic for a seed', () => {
    expect(synthesize(opts)).toEqual(synthesize(opts));
    expect([...synthesize({ ...opts, seed: 10 }).items]).not.toEqual([...synthesize(opts).items]);
  });

  it('puts most interactions inside the user’s cluster, popular items first', () => {
    const ds = synthesize(opts);
    let inside = 0;
    const perItem = new Int32Array(ds.nItems);
    for (let r = 0; r < ds.users.length; r++) {
      if (ds.userCluster[ds.users[r]] === ds.itemCluster[ds.items[r]]) inside++;
      perItem[ds.items[r]]++;
    }
    expect(inside / ds.users.length).toBeGreaterThan(0.85);
    // Zipf inside a cluster: the cluster's first item beats its last by far.
    expect(perItem[0]).toBeGreaterThan(3 * perItem[29]);
    // Ratings say in-cluster items are liked.
    for (let r = 0; r < 50; r++) {
      const same = ds.userCluster[ds.users[r]] === ds.itemCluster[ds.items[r]];
      expect(ds.ratings![r] >= 4).toBe(same);
    }
  });

  it('copes with a user needing more items than the cluster has, and is fast when tiny', () => {
    const t0 = performance.now();
    const ds = synthesize({ users: 20, items: 10, clusters: 5, perUser: 8, seed: 1, noise: 0 });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(ds.users.length).toBe(160);
    expect(() => synthesize({ ...opts, clusters: 0 })).toThrow('clusters must be a whole number from 1 to items (120), not 0.');
    expect(() => synthesize({ ...opts, noise: 2 })).toThrow('noise must be between 0 and 1, not 2.');
  });
});
