import { describe, expect, it } from 'vitest';
import { dataText, english } from './messages.ts';
import { buildDataset, duplicateRows } from './dataset.ts';
import { DataError } from './errors.ts';
import { toImplicit } from './implicit.ts';
import { kCore } from './kcore.ts';
import { parseRatings } from './ratings.ts';
import { datasetStats } from './stats.ts';
import { parseTitles } from './titles.ts';
import type { Dataset } from './types.ts';

const RATINGS = [
  'userId,movieId,rating,timestamp',
  'a,m1,4,10',
  'a,m2,2,11',
  'b,m1,5,12',
  'a,m1,1,13', // duplicate of line 2: this later one wins
  'c,m3,3,14',
  'b,m2,4,15',
  '',
].join('\n');

function ds(): Dataset {
  return buildDataset(parseRatings(RATINGS), null, 'tiny', 'upload');
}

describe('buildDataset', () => {
  it('keeps dense first-seen indices and the later line of a duplicate pair', () => {
    const d = ds();
    expect(d.nUsers).toBe(3);
    expect(d.nItems).toBe(3);
    expect(d.userKeys).toEqual(['a', 'b', 'c']);
    expect(d.itemKeys).toEqual(['m1', 'm2', 'm3']);
    expect([...d.users]).toEqual([0, 1, 0, 2, 1]);
    expect([...d.items]).toEqual([1, 0, 0, 2, 1]);
    expect([...d.ratings!]).toEqual([2, 5, 1, 3, 4]);
    expect([...d.timestamps!]).toEqual([11, 12, 13, 14, 15]);
    expect(d.titles).toBeNull();
    expect(d.years).toBeNull();
    expect(d.warnings.map(english)).toEqual(['1 duplicate (user, item) pair: kept the later line of each and dropped line 2.']);
  });

  it('counts several duplicates and lists their lines', () => {
    const t = parseRatings('1\t1\t1\t1\n1\t1\t2\t2\n1\t1\t3\t3\n2\t1\t4\t4\n2\t1\t5\t5\n');
    const d = buildDataset(t, null, 'x', 'upload');
    expect(d.users.length).toBe(2);
    expect([...d.ratings!]).toEqual([3, 5]);
    expect(d.warnings.map(english)).toEqual(['3 duplicate (user, item) pairs: kept the later line of each and dropped lines 1, 2, 4.']);
  });

  it('finds duplicate rows in O(n) across users', () => {
    expect(duplicateRows(Int32Array.from([0, 1, 0, 1, 0]), Int32Array.from([0, 0, 0, 1, 0]), 2, 2)).toEqual([0, 2]);
  });

  it('attaches titles and years per dense item and names how many items have none', () => {
    const titles = parseTitles('movieId,title,genres\nm1,Heat (1995),Action\nm3,<b>Bold</b>,Drama\nm9,Unused (2000),Drama\n');
    const d = buildDataset(parseRatings(RATINGS), titles, 'tiny', 'upload');
    expect(d.titles).toEqual(['Heat (1995)', null, '<b>Bold</b>']);
    expect([...d.years!]).toEqual([1995, NaN, NaN]);
    expect(d.warnings.map(english).at(-1)).toBe('1 of 3 items have no title in the titles file (item id m2).');
  });
});

describe('datasetStats', () => {
  it('counts users, items, density and the histograms', () => {
    const s = datasetStats(ds());
    expect(s).toEqual({
      users: 3,
      items: 3,
      interactions: 5,
      density: 5 / 9,
      hasRatings: true,
      hasTimestamps: true,
      minPerUser: 1,
      medianPerUser: 2,
      maxPerUser: 2,
      perUserHistogram: { edges: [1, 2, 3], counts: [1, 2] },
      ratingHistogram: [
        { value: 1, count: 1 },
        { value: 2, count: 1 },
        { value: 3, count: 1 },
        { value: 4, count: 1 },
        { value: 5, count: 1 },
      ],
    });
  });

  it('uses log-spaced edges up past the largest count', () => {
    const lines = Array.from({ length: 120 }, (_, k) => `u1,i${k}`).concat(['u2,i1', 'u3,i1', 'u3,i2', 'u3,i3', 'u3,i4']);
    const s = datasetStats(buildDataset(parseRatings('user,item\n' + lines.join('\n')), null, 'x', 'upload'));
    expect(s.perUserHistogram).toEqual({
      edges: [1, 2, 3, 5, 10, 20, 30, 50, 100, 200],
      counts: [1, 0, 1, 0, 0, 0, 0, 0, 1],
    });
    expect(s.medianPerUser).toBe(4);
    expect(s.ratingHistogram).toBeNull();
  });
});

describe('kCore', () => {
  it('iterates to the fixed point and re-indexes densely', () => {
    // u1,u2 rate i1,i2 (a 2-core); u3 rates i1,i3; i3 has one rating, so dropping it leaves u3 with one.
    const t = parseRatings('user,item\nu1,i1\nu1,i2\nu2,i1\nu2,i2\nu3,i1\nu3,i3\n');
    const d = kCore(buildDataset(t, null, 'x', 'upload'), 2);
    expect(d.userKeys).toEqual(['u1', 'u2']);
    expect(d.itemKeys).toEqual(['i1', 'i2']);
    expect([...d.users]).toEqual([0, 0, 1, 1]);
    expect([...d.items]).toEqual([0, 1, 0, 1]);
    expect(d.warnings.map(english)).toEqual(['2-core filter: removed 1 users, 1 items and 2 interactions.']);
  });

  it('keeps titles aligned with the kept items', () => {
    const titles = parseTitles('id,title\nm1,One\nm2,Two\nm3,Three\n');
    const d = kCore(buildDataset(parseRatings(RATINGS), titles, 'x', 'upload'), 2);
    expect(d.itemKeys).toEqual(['m1', 'm2']);
    expect(d.titles).toEqual(['One', 'Two']);
  });

  it('refuses when nothing is left, and a bad k', () => {
    expect(() => kCore(ds(), 10)).toThrow(new DataError(dataText('data.kcoreEmpty', { k: 10 })));
    expect(() => kCore(ds(), 10)).toThrow('No interactions are left after the 10-core filter; use a smaller k.');
    expect(() => kCore(ds(), 0)).toThrow('k-core needs a whole number k ≥ 1, not 0.');
  });
});

describe('toImplicit', () => {
  it('drops ratings, keeping every interaction', () => {
    const d = toImplicit(ds());
    expect(d.ratings).toBeNull();
    expect(d.users.length).toBe(5);
  });

  it('keeps ratings ≥ threshold and re-indexes', () => {
    const d = toImplicit(ds(), { threshold: 4 });
    expect(d.ratings).toBeNull();
    expect(d.userKeys).toEqual(['b']);
    expect(d.itemKeys).toEqual(['m1', 'm2']);
    expect(d.warnings.map(english).at(-1)).toBe('Implicit feedback: kept 2 of 5 interactions (rating ≥ 4).');
    expect(() => toImplicit(ds(), { threshold: 6 })).toThrow('No interaction has a rating of 6 or more.');
  });

  it('says so when there are no ratings to threshold', () => {
    const d = toImplicit(buildDataset(parseRatings('user,item\na,b\nc,d\n'), null, 'x', 'upload'), { threshold: 4 });
    expect(d.warnings.map(english).at(-1)).toBe('The dataset has no ratings, so the threshold 4 was not applied.');
  });
});
