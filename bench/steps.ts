/**
 * Step throughput of the three training steps on whatever tf backend is current — shared by the
 * Node bench and the browser bench worker, so both measure the same thing the same way.
 */
import type { Split } from '../src/data/types';
import { defaultTrainConfig } from '../src/train/config';
import { DistillEngine, type Roles } from '../src/train/engine';
import { inferMsPer1000 } from '../src/train/evaluate';

export type StepRole = 'teacher' | 'student' | 'kd';

export interface StepFigures {
  steps: number;
  msPerStep: number;
  examplesPerSecond: number;
}

export interface StepsResult {
  /** The first step of every model, shader compilation included. */
  firstStepMs: number;
  roles: Partial<Record<StepRole, StepFigures>>;
  inferMsPer1000: { teacher: number; student: number };
}

const ROLES: Record<StepRole, Roles> = {
  teacher: { teacher: 'train', student: false, kd: false },
  student: { teacher: 'off', student: true, kd: false },
  kd: { teacher: 'frozen', student: false, kd: true },
};

/**
 * Times each role for about `seconds` (at least 3 steps, at most `maxSteps`) after one warm-up
 * step, reading the loss back every 10th step as the studio does.
 */
export async function measureSteps(split: Split, roles: StepRole[], seconds: number, maxSteps: number): Promise<StepsResult> {
  const engine = new DistillEngine(split, { ...defaultTrainConfig, schedule: 'online' });
  try {
    const t0 = performance.now();
    engine.roles = { teacher: 'train', student: true, kd: true };
    await engine.stepAndRead(true);
    const firstStepMs = performance.now() - t0;
    const out: StepsResult['roles'] = {};
    for (const role of roles) {
      engine.roles = { ...ROLES[role] };
      await engine.stepAndRead(true);
      let n = 0;
      const s0 = performance.now();
      while (n < maxSteps && (n < 3 || performance.now() - s0 < seconds * 1000)) await engine.stepAndRead(++n % 10 === 0);
      // the last step is read back, so queued GPU work is inside the timing
      const last = engine.step(true);
      await last?.data();
      last?.dispose();
      n += 1;
      const ms = (performance.now() - s0) / n;
      out[role] = { steps: n, msPerStep: ms, examplesPerSecond: (engine.config.batchSize * 1000) / ms };
    }
    return {
      firstStepMs,
      roles: out,
      inferMsPer1000: { teacher: await inferMsPer1000(engine.teacher, split), student: await inferMsPer1000(engine.student, split) },
    };
  } finally {
    engine.dispose();
  }
}
