import { describe, expect, it } from 'vitest';
import { buildDataset } from '../data/dataset';
import { parseRatings } from '../data/ratings';
import type { Dataset } from '../data/types';
import { planDomains } from './transferDomains';

const parse = (text: string): Dataset => buildDataset(parseRatings(text), null, 'x.csv', 'upload');
// users a, b, c; items 1..4; a and b rate both halves
const ds = parse('user,item\na,1\na,3\nb,2\nb,4\nc,1\nc,2\n');

describe('the panel’s domain rules', () => {
  it('an id list: counts, or why not (no list, no listed item, every item listed, no shared user)', () => {
    const p = planDomains(ds, { kind: 'ids', ids: new Set(['1', '2']) });
    expect('why' in p ? p : p.counts).toEqual({ source: [2, 4], target: [2, 2], shared: 2, sameItemIds: null });
    expect(planDomains(ds, { kind: 'ids', ids: null })).toEqual({ why: 'noList' });
    expect(planDomains(ds, { kind: 'ids', ids: new Set(['9']) })).toEqual({ why: 'noListedItem' });
    expect(planDomains(ds, { kind: 'ids', ids: new Set(['1', '2', '3', '4']) })).toEqual({ why: 'allListed' });
    const apart = parse('user,item\na,1\nb,2\n');
    expect(planDomains(apart, { kind: 'ids', ids: new Set(['1']) })).toEqual({ why: 'noSharedUsers' });
  });

  it('a year cut needs years; a second file is the target, users matched by id', () => {
    expect(planDomains(ds, { kind: 'cut', cut: 2000 })).toEqual({ why: 'noYears' });
    expect(planDomains(ds, { kind: 'file', target: null })).toEqual({ why: 'noFile' });
    const films = parse('user,item\nb,1\nc,7\nd,7\n');
    const p = planDomains(ds, { kind: 'file', target: films });
    if ('why' in p) throw new Error(p.why);
    expect(p.counts).toEqual({ source: [4, 6], target: [2, 3], shared: 2, sameItemIds: 1 });
    // what the worker gets: both files' interactions, source items first
    expect(p.users.length).toBe(9);
    expect(Array.from(p.domainOf)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(planDomains(ds, { kind: 'file', target: parse('user,item\nz,1\n') })).toEqual({ why: 'noSharedUsers' });
  });
});
