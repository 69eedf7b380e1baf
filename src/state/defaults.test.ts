import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../train/config';
import { defaultRunPlan } from '../train/protocol';
import { DEFAULT_RUN_PLAN, DEFAULT_TRAIN_CONFIG } from './defaults';

describe('studio defaults', () => {
  it('equal the engine defaults (state/ rebuilds them without importing tf)', () => {
    expect(DEFAULT_TRAIN_CONFIG).toEqual(defaultTrainConfig);
    expect(DEFAULT_RUN_PLAN).toEqual(defaultRunPlan);
  });
});
