import { describe, expect, it } from 'vitest';
import { badGrid } from '../../train/protocol';
import { numberList, parseSweep } from './sweepInput';

describe('sweep fields', () => {
  it('reads lists separated by commas, spaces or semicolons, without repeats', () => {
    expect(numberList('0.25, 0.5 1;2')).toEqual([0.25, 0.5, 1, 2]);
    expect(numberList('1,1, 2')).toEqual([1, 2]);
    expect(numberList('')).toBeNull();
    expect(numberList('1, two')).toBeNull();
    expect(numberList('-1')).toBeNull();
  });

  it('makes a grid the worker accepts, or names the field that is wrong', () => {
    const ok = parseSweep('0.25,0.5,1,2', '0.5,0.9,1', '2');
    expect(ok).toEqual({ request: { temperatures: [0.25, 0.5, 1, 2], alphas: [0.5, 0.9, 1], epochs: 2 } });
    if ('request' in ok) expect(badGrid(ok.request)).toBe(false);
    expect(parseSweep('0.05', '1', '2')).toEqual({ problem: 'sweep.bad.temperatures' });
    expect(parseSweep('1,2,3,4,5,6,7', '1', '2')).toEqual({ problem: 'sweep.bad.temperatures' });
    expect(parseSweep('1', '1.5', '2')).toEqual({ problem: 'sweep.bad.alphas' });
    expect(parseSweep('1', '1', '0')).toEqual({ problem: 'sweep.bad.epochs' });
    expect(parseSweep('1', '1', '2.5')).toEqual({ problem: 'sweep.bad.epochs' });
  });
});
