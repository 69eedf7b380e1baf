/** Messages between the bench page and its worker (one worker per request, so backends start fresh). */
import type { BackendName, BackendReport } from '../../src/train/protocol';

export type StepRole = 'teacher' | 'student' | 'kd';

export interface StepFigures {
  steps: number;
  msPerStep: number;
  examplesPerSecond: number;
}

export type BenchRequest =
  | { type: 'steps'; backend: BackendName; seconds: number; maxSteps: number; roles: StepRole[] }
  | { type: 'parity'; backend: BackendName; steps: number };

export type BenchResponse =
  | {
      type: 'steps';
      report: BackendReport;
      firstStepMs: number;
      roles: Partial<Record<StepRole, StepFigures>>;
      inferMsPer1000: { teacher: number; student: number };
    }
  | { type: 'parity'; report: BackendReport; cpu: number[]; other: number[] }
  | { type: 'error'; message: string };
