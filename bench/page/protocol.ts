/** Messages between the bench page and its worker (one worker per request, so backends start fresh). */
import type { BackendName, BackendReport } from '../../src/train/protocol';
import type { StepRole, StepsResult } from '../steps';


export type BenchRequest =
  | { type: 'steps'; backend: BackendName; seconds: number; maxSteps: number; roles: StepRole[] }
  | { type: 'parity'; backend: BackendName; steps: number };

export type BenchResponse =
  | ({ type: 'steps'; report: BackendReport } & StepsResult)
  | { type: 'parity'; report: BackendReport; cpu: number[]; other: number[] }
  | { type: 'error'; message: string };
