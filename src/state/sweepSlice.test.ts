import { describe, expect, it } from 'vitest';
import { bestCell, initialSweepState, nextSweepState } from './sweepSlice';
import type { SweepEvent } from '../train/protocol';

const play = (events: SweepEvent[]) => events.reduce(nextSweepState, initialSweepState);

describe('sweep slice', () => {
  it('fills the grid cell by cell and marks the best', () => {
    const s = play([
      { kind: 'started', request: { temperatures: [0.5, 2], alphas: [0.5, 1], epochs: 1 }, cells: 5 },
      { kind: 'progress', cell: 0, fraction: 0.5 },
      { kind: 'baseline', ndcg: 0.07 },
      { kind: 'cell', ti: 0, ai: 1, ndcg: 0.12 },
      { kind: 'cell', ti: 1, ai: 0, ndcg: 0.08 },
    ]);
    expect(s.status).toBe('running');
    expect(s.grid).toEqual([[null, 0.12], [0.08, null]]);
    expect(s.baseline).toBe(0.07);
    expect(bestCell(s.grid)).toEqual({ ti: 0, ai: 1, ndcg: 0.12 });
    const done = nextSweepState(s, { kind: 'done', seconds: 12, numTensors: 40 });
    expect(done).toMatchObject({ status: 'done', seconds: 12, numTensors: 40, fraction: 1 });
  });

  it('keeps the last result on a refusal, and a new start clears it', () => {
    const s = play([
      { kind: 'started', request: { temperatures: [1], alphas: [1], epochs: 1 }, cells: 2 },
      { kind: 'cell', ti: 0, ai: 0, ndcg: 0.1 },
      { kind: 'done', seconds: 1, numTensors: 0 },
      { kind: 'refused', reason: 'training' },
    ]);
    expect(s.refusal).toBe('training');
    expect(s.grid).toEqual([[0.1]]);
    const again = nextSweepState(s, { kind: 'started', request: { temperatures: [1, 2], alphas: [1], epochs: 1 }, cells: 3 });
    expect(again.refusal).toBeNull();
    expect(again.grid).toEqual([[null], [null]]);
    expect(bestCell(again.grid)).toBeNull();
  });
});
