import { describe, expect, it } from 'vitest';
import { Rng } from './rng.ts';
import { rowsByKey } from './rowsByKey.ts';

describe('rowsByKey', () => {
  it('groups rows by key in their original order, empty keys included', () => {
    const { start, rows } = rowsByKey(Int32Array.of(2, 0, 2, 2, 0), 4);
    expect([...start]).toEqual([0, 2, 2, 5, 5]);
    expect([...rows]).toEqual([1, 4, 0, 2, 3]);
  });

  it('is a stable sort of the row indices by key', () => {
    const rng = new Rng(3);
    const keys = Int32Array.from({ length: 500 }, () => rng.int(37));
    const { start, rows } = rowsByKey(keys, 37);
    const expected = Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
    expect([...rows]).toEqual(expected);
    for (let k = 0; k < 37; k++) for (let j = start[k]; j < start[k + 1]; j++) expect(keys[rows[j]]).toBe(k);
    expect(rowsByKey(new Int32Array(0), 3).start).toEqual(new Int32Array(4));
  });
});
