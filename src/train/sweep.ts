/**
 * The T × α sweep: the student alone once (the baseline), then the KD student once per
 * (temperature, α), each from the same seed against the same frozen teacher, scored by validation
 * NDCG@10. The teacher is built and frozen once per sweep and shared by the cells; every cell
 * still gets a fresh engine (students, projector, optimizers, batch stream), so cells stay
 * independent. One loop shared by the CLI (`sweep`) and the studio's worker (sweepJob.ts), so both
 * measure the same thing.
 */
import type { Split } from '../data/types';
import type { TrainConfig } from './config';
import type { TeacherModel } from '../models/teacher';
import { DistillEngine, frozenTeacher } from './engine';
import { fitRole, type EpochInfo, type FitResult, type Role } from './fit';
import type { SweepRequest } from './protocol';

/** What a sweep measured: NDCG@10 per cell, rows by temperature, columns by α. */
export interface SweepResult {
  baseline: FitResult;
  grid: FitResult[][];
  seconds: number;
}

export interface SweepHooks {
  /** Users whose validation item scores each cell. */
  valUsers: Int32Array;
  /** A cell starts: 0 is the baseline, then the grid in T-major order. */
  onCellStart?(cell: number): void;
  /** After every training step of a cell; may throw to stop the sweep (the engine is still disposed). */
  afterStep?(cell: number, done: number, total: number): Promise<void>;
  onEpoch?(cell: number, e: EpochInfo): void;
  onBaseline?(r: FitResult): void;
  onCell?(ti: number, ai: number, r: FitResult): void;
}

/** Number of trainings in a sweep: the baseline plus one per grid cell. */
export const sweepCells = (r: SweepRequest): number => 1 + r.temperatures.length * r.alphas.length;

/** Trains one role on a fresh engine (sharing the frozen teacher) and disposes the engine, whatever happens. */
async function fitFresh(split: Split, config: TrainConfig, teacher: TeacherModel, role: Role, cell: number, epochs: number, hooks: SweepHooks): Promise<FitResult> {
  hooks.onCellStart?.(cell);
  const engine = new DistillEngine(split, config, teacher);
  try {
    return await fitRole(engine, role, {
      epochs,
      valUsers: hooks.valUsers,
      onEpoch: hooks.onEpoch && ((e) => hooks.onEpoch!(cell, e)),
      afterStep: hooks.afterStep && ((done, total) => hooks.afterStep!(cell, done, total)),
    });
  } finally {
    engine.dispose();
  }
}

/**
 * Runs the sweep of `request` over `split` with the trained teacher `teacherWeights`. `base` supplies everything
 * but T and α (loss, learning rates, sizes, seed).
 */
export async function runSweep(split: Split, base: TrainConfig, teacherWeights: Record<string, Float32Array>, request: SweepRequest, hooks: SweepHooks): Promise<SweepResult> {
  const t0 = performance.now();
  const teacher = frozenTeacher(split, base, teacherWeights);
  try {
    const baseline = await fitFresh(split, base, teacher, 'student', 0, request.epochs, hooks);
    hooks.onBaseline?.(baseline);
    const grid: FitResult[][] = [];
    let cell = 1;
    for (const [ti, temperature] of request.temperatures.entries()) {
      const row: FitResult[] = [];
      for (const [ai, alpha] of request.alphas.entries()) {
        const config = { ...base, distill: { ...base.distill, temperature, alpha } };
        const r = await fitFresh(split, config, teacher, 'kd', cell++, request.epochs, hooks);
        row.push(r);
        hooks.onCell?.(ti, ai, r);
      }
      grid.push(row);
    }
    return { baseline, grid, seconds: (performance.now() - t0) / 1000 };
  } finally {
    teacher.dispose();
  }
}
