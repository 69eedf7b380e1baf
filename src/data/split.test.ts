import { describe, expect, it } from 'vitest';
import { english } from './messages.ts';
import { buildDataset } from './dataset.ts';
import { parseRatings } from './ratings.ts';
import { checkTrainable, splitLeaveOneOut } from './split.ts';
import { synthesize } from './synth.ts';
import type { Dataset, Split } from './types.ts';

function fromText(text: string): Dataset {
  return buildDataset(parseRatings(text), null, 't', 'upload');
}

// User "1": items 10..14 with timestamps out of file order, a tie at 500 (rows for 13 and 14).
// User "2": two interactions only (below the minimum). User "3": three.
const TEXT = [
  '1\t10\t5\t300',
  '1\t11\t4\t100',
  '2\t10\t3\t50',
  '1\t13\t3\t500',
  '1\t12\t2\t200',
  '1\t14\t1\t500',
  '3\t11\t5\t7',
  '2\t12\t4\t60',
  '3\t10\t5\t9',
  '3\t14\t5\t8',
  '',
].join('\n');

/** Keys of a user's items in a split, for readable expectations. */
function keys(ds: Dataset, split: Split, user: string): { hist: string[]; val: string | null; test: string | null } {
  const u = ds.userKeys.indexOf(user);
  const hist = [...split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1])].map((i) => ds.itemKeys[i]);
  const key = (i: number): string | null => (i < 0 ? null : ds.itemKeys[i]);
  return { hist, val: key(split.valItem[u]), test: key(split.testItem[u]) };
}

function checkInvariants(ds: Dataset, split: Split): void {
  const n = ds.users.length;
  expect(split.trainItems.length + 2 * split.evalUsers.length).toBe(n);
  expect(split.histOffsets[ds.nUsers]).toBe(split.trainItems.length);
  expect([...split.histItems]).toEqual([...split.trainItems]);
  for (let u = 0; u < ds.nUsers; u++) {
    const hist = [...split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1])];
    expect(hist).toEqual([...hist].sort((a, b) => a - b));
    for (let k = split.histOffsets[u]; k < split.histOffsets[u + 1]; k++) expect(split.trainUsers[k]).toBe(u);
    if (split.testItem[u] >= 0) {
      expect(hist).not.toContain(split.testItem[u]);
      expect(hist).not.toContain(split.valItem[u]);
      expect(split.valItem[u]).not.toBe(split.testItem[u]);
    }
  }
}

describe('splitLeaveOneOut', () => {
  it('holds out the latest by timestamp, ties going to the later row', () => {
    const ds = fromText(TEXT);
    const split = splitLeaveOneOut(ds, { seed: 1, order: 'timestamp' });
    expect(split.order).toBe('timestamp');
    expect(keys(ds, split, '1')).toEqual({ hist: ['10', '11', '12'], val: '13', test: '14' });
    expect(keys(ds, split, '3')).toEqual({ hist: ['11'], val: '14', test: '10' });
    checkInvariants(ds, split);
  });

  it('keeps users below the minimum in train, unevaluated', () => {
    const ds = fromText(TEXT);
    const split = splitLeaveOneOut(ds, { seed: 1, order: 'timestamp' });
    expect(keys(ds, split, '2')).toEqual({ hist: ['10', '12'], val: null, test: null });
    expect([...split.evalUsers].map((u) => ds.userKeys[u])).toEqual(['1', '3']);
    const strict = splitLeaveOneOut(ds, { seed: 1, order: 'timestamp', minInteractions: 4 });
    expect([...strict.evalUsers].map((u) => ds.userKeys[u])).toEqual(['1']);
    expect(strict.minInteractions).toBe(4);
  });

  it('uses file order with order: row', () => {
    const ds = fromText(TEXT);
    const split = splitLeaveOneOut(ds, { seed: 1, order: 'row' });
    expect(keys(ds, split, '1')).toEqual({ hist: ['10', '11', '13'], val: '12', test: '14' });
    expect(keys(ds, split, '3')).toEqual({ hist: ['11'], val: '10', test: '14' });
    checkInvariants(ds, split);
  });

  it('picks at random with a seed, the same for the same seed', () => {
    const ds = synthesize({ users: 200, items: 100, clusters: 5, perUser: 12, seed: 3, noise: 0.2 });
    const a = splitLeaveOneOut(ds, { seed: 42, order: 'random' });
    const b = splitLeaveOneOut(ds, { seed: 42, order: 'random' });
    const c = splitLeaveOneOut(ds, { seed: 43, order: 'random' });
    expect(a).toEqual(b);
    expect([...a.testItem]).not.toEqual([...c.testItem]);
    checkInvariants(ds, a);
    // Random picks should not simply be the last rows.
    const byRow = splitLeaveOneOut(ds, { seed: 42, order: 'row' });
    let same = 0;
    for (let u = 0; u < ds.nUsers; u++) if (a.testItem[u] === byRow.testItem[u]) same++;
    expect(same).toBeLessThan(ds.nUsers / 4);
  });

  it('falls back to random when timestamps are asked for but missing', () => {
    const ds = fromText('user,item\na,1\na,2\na,3\na,4\nb,1\nb,2\nb,3\n');
    const split = splitLeaveOneOut(ds, { seed: 5, order: 'timestamp' });
    expect(split.order).toBe('random');
    expect(split).toEqual(splitLeaveOneOut(ds, { seed: 5, order: 'random' }));
    expect(split.evalUsers.length).toBe(2);
    checkInvariants(ds, split);
  });

  it('refuses a minimum below 2', () => {
    expect(() => splitLeaveOneOut(fromText(TEXT), { seed: 1, order: 'row', minInteractions: 1 })).toThrow(
      'minInteractions must be a whole number ≥ 2, not 1.',
    );
  });
});

describe('checkTrainable', () => {
  it('accepts a normal dataset', () => {
    const ds = fromText(TEXT);
    expect(checkTrainable(ds, splitLeaveOneOut(ds, { seed: 1, order: 'row' }))).toBeNull();
  });

  it('names too few users or items', () => {
    const oneUser = fromText('user,item\na,1\na,2\na,3\n');
    expect(english(checkTrainable(oneUser, splitLeaveOneOut(oneUser, { seed: 1, order: 'row' }))!)).toBe(
      'The dataset has 1 user; training needs at least 2.',
    );
    const oneItem = fromText('user,item\na,1\nb,1\n');
    expect(english(checkTrainable(oneItem, splitLeaveOneOut(oneItem, { seed: 1, order: 'row' }))!)).toBe(
      'The dataset has 1 item; training needs at least 2.',
    );
  });

  it('says when no user is left to evaluate', () => {
    const ds = fromText('user,item\na,1\na,2\nb,1\nb,3\n');
    expect(english(checkTrainable(ds, splitLeaveOneOut(ds, { seed: 1, order: 'row' }))!)).toBe(
      'No user has at least 3 interactions, so none is left to evaluate (each needs one to validate, one to test and the rest to train on).',
    );
  });
});
