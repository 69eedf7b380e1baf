import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../data/builtin';
import { readIdList, readItemColumn } from '../data/itemColumn';
import { domainsByCut, domainsByLabel, jointSplit, keptCount, sourceSplit, splitDomains, targetSplit } from './domains';
import { popularityMetrics, popularityScores } from './popularity';
import { applyRule, yearColumn } from './rule';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

// 3 users, 5 items; items 0,1 before 2000 (source), 2,3 from 2000 (target), 4 undated (target by default)
const years = [1990, 1999, 2000, 2010, NaN];
const users = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
const items = Int32Array.from([0, 2, 3, 4, 1, 0, 2, 2, 3, 4, 0, 1]);

describe('domain split', () => {
  it('counts a hand case: items and interactions per domain, shared users', () => {
    const d = splitDomains(users, items, 3, domainsByCut(years, 2000));
    expect(Array.from(d.source.items)).toEqual([0, 1]);
    expect(Array.from(d.target.items)).toEqual([2, 3, 4]);
    expect(d.source.users.length).toBe(5);
    expect(d.target.users.length).toBe(7);
    expect(d.sharedUsers).toBe(3);
    // domain item ids are dense within the domain
    expect(Array.from(d.target.itemIds)).toEqual([0, 1, 2, 0, 0, 1, 2]);
    // undated items can be left out instead
    const none = splitDomains(users, items, 3, domainsByCut(years, 2000, -1));
    expect(none.target.items.length).toBe(2);
    expect(none.target.users.length).toBe(5);
  });

  it('labels and id lists', () => {
    expect(Array.from(domainsByLabel([['Drama'], ['Comedy', 'drama'], [], null], 'Drama'))).toEqual([1, 1, -1, -1]);
    const col = readItemColumn('book_id,title,genre\n10,A,Fantasy|Drama\n11,B,Crime\n', 'genre');
    expect(Array.from(applyRule({ kind: 'label', target: 'Crime' }, ['10', '11'], col))).toEqual([0, 1]);
    expect(Array.from(applyRule({ kind: 'ids', source: readIdList('item_id\n11\n') }, ['10', '11'], null))).toEqual([1, 0]);
    expect(() => applyRule({ kind: 'cut', cut: 0 }, ['10', '11'], col)).toThrow(/no numbers to cut/);
    expect(() => applyRule({ kind: 'ids', source: new Set(['1']) }, ['10', '11'], null)).toThrow(/no item in the source/);
  });

  it('on the built-in dataset, cut 2000: source 965 books / 105,820 interactions, target 1,035 / 95,881', async () => {
    const ds = await loadBuiltin(async (p) => new Uint8Array(await readFile(PUBLIC + p)));
    const d = splitDomains(ds.users, ds.items, ds.nUsers, applyRule({ kind: 'cut', cut: 2000 }, ds.itemKeys, yearColumn(ds.itemKeys, ds.years!)));
    expect([d.source.items.length, d.source.users.length]).toEqual([965, 105_820]);
    expect([d.target.items.length, d.target.users.length]).toEqual([1_035, 95_881]);
    const t = targetSplit(d, 1, 1);
    // one validation and one test item per user with ≥ 3 target interactions (reference: 2,620)
    expect(t.evalUsers.length).toBe(2_620);
    expect(t.trainItems.length).toBe(95_881 - 2 * 2_620);
  });
});

describe('target thinning and splits', () => {
  const many = { users: [] as number[], items: [] as number[] };
  for (let u = 0; u < 20; u++) for (let i = 0; i < 3 + u; i++) {
    many.users.push(u);
    many.items.push((u * 7 + i) % 40);
  }
  const d = splitDomains(Int32Array.from(many.users), Int32Array.from(many.items), 20, Int8Array.from({ length: 40 }, (_, i) => (i < 10 ? 0 : 1)));

  it('keeps max(1, round(keep·n)) of each user\'s training interactions, nested across keeps, held-out items fixed', () => {
    const full = targetSplit(d, 1, 5);
    const fifth = targetSplit(d, 0.2, 5);
    const half = targetSplit(d, 0.5, 5);
    expect(Array.from(fifth.testItem)).toEqual(Array.from(full.testItem));
    expect(Array.from(fifth.valItem)).toEqual(Array.from(full.valItem));
    for (let u = 0; u < 20; u++) {
      const all = full.histItems.subarray(full.histOffsets[u], full.histOffsets[u + 1]);
      const a = Array.from(fifth.histItems.subarray(fifth.histOffsets[u], fifth.histOffsets[u + 1]));
      const b = Array.from(half.histItems.subarray(half.histOffsets[u], half.histOffsets[u + 1]));
      expect(a.length).toBe(keptCount(all.length, 0.2));
      expect(b.length).toBe(keptCount(all.length, 0.5));
      for (const i of a) expect(b).toContain(i);
      for (const i of b) expect(Array.from(all)).toContain(i);
      expect(a).not.toContain(full.testItem[u]);
    }
    expect(keptCount(0, 0.2)).toBe(0);
    expect(keptCount(3, 0.05)).toBe(1);
    // the same seed gives the same thinning; another seed another
    expect(Array.from(targetSplit(d, 0.2, 5).trainItems)).toEqual(Array.from(fifth.trainItems));
    expect(Array.from(targetSplit(d, 0.2, 6).testItem)).not.toEqual(Array.from(fifth.testItem));
    expect(() => targetSplit(d, 0, 1)).toThrow(/keep/);
  });

  it('joint split: source items first, target items shifted, target held-out items', () => {
    const t = targetSplit(d, 0.5, 2);
    const j = jointSplit(d, t);
    const nS = d.source.items.length;
    expect(j.nItems).toBe(nS + t.nItems);
    expect(j.trainItems.length).toBe(d.source.users.length + t.trainItems.length);
    for (const u of t.evalUsers) expect(j.testItem[u]).toBe(t.testItem[u] + nS);
    const s = sourceSplit(d, 2);
    expect(s.trainItems.length + s.evalUsers.length).toBe(d.source.users.length);
    expect(s.testItem.every((x) => x === -1)).toBe(true);
  });

  it('popularity: counts, ties to the lower id, held-out item never counted', () => {
    const t = targetSplit(d, 1, 3);
    const sc = popularityScores(t);
    const counts = new Array(t.nItems).fill(0);
    for (const i of t.trainItems) counts[i]++;
    for (let i = 0; i < t.nItems; i++) expect(Math.ceil(sc[i])).toBe(counts[i]);
    for (let i = 1; i < t.nItems; i++) if (counts[i] === counts[i - 1]) expect(sc[i]).toBeLessThan(sc[i - 1]);
    const m = popularityMetrics(t, 'test');
    expect(m.users).toBe(t.evalUsers.length);
    expect(m.ndcg).toBeGreaterThanOrEqual(0);
  });
});
