/**
 * Epoch loops of the rating task with the epoch chosen on the validation ratings, never on test:
 * after every epoch each model is scored on validation and the best epoch's weights are kept.
 * Shared by the CLI and the studio's worker job.
 */
import type { RatingTriples } from '../data/ratingSplit';
import { ratingErrors, type RatingErrors } from '../eval/ratingMetrics';
import { readWeights, writeWeights } from '../models/recommender';
import type { RatingEngine, RatingStudent, StepHook } from './ratingEngine';

/** One epoch of one model: training RMSE (teacher) or loss (students), and validation errors. */
export interface RatingEpoch {
  model: 'teacher' | RatingStudent;
  epoch: number;
  loss: number;
  val: RatingErrors;
  seconds: number;
}

/** The epoch a model ends with and its validation errors. */
export interface RatingFit {
  bestEpoch: number;
  bestVal: RatingErrors;
  epochs: RatingEpoch[];
  trainSeconds: number;
  /** The teacher's MF part, when it has one: its best epoch, validation RMSE alone, AutoRec's alone, and the blend weight w on AutoRec. */
  teacherMf?: { bestEpoch: number; valRmse: number; autoRecValRmse: number; blend: number };
}

/** Options of the fit loops. */
export interface RatingFitOptions {
  epochs: number;
  /** Stop after this many epochs without a better validation RMSE (default: never). */
  patience?: number;
  onEpoch?: (e: RatingEpoch) => void | Promise<void>;
  onStep?: StepHook;
  /** Checked between epochs; true ends the loop early (the best weights so far are kept). */
  stop?: () => boolean;
}

/**
 * Trains the teacher for up to `epochs`, keeps the best on validation and freezes it (its
 * prediction matrix becomes the distillation target).
 */
export async function fitRatingTeacher(engine: RatingEngine, opts: RatingFitOptions): Promise<RatingFit> {
  const val = engine.split.val;
  const epochs: RatingEpoch[] = [];
  let best: { epoch: number; val: RatingErrors; weights: Record<string, Float32Array>; matrix: Float32Array } | null = null;
  let trainMs = 0;
  for (let e = 1; e <= opts.epochs; e++) {
    const t0 = performance.now();
    const loss = await engine.teacherEpoch(opts.onStep);
    const seconds = (performance.now() - t0) / 1000;
    trainMs += seconds * 1000;
    const matrix = await engine.teacherPredictions();
    const errs = ratingErrors(engine.teacherAt(matrix, val), val.ratings);
    const info: RatingEpoch = { model: 'teacher', epoch: e, loss, val: errs, seconds };
    epochs.push(info);
    await opts.onEpoch?.(info);
    if (!best || errs.rmse < best.val.rmse) best = { epoch: e, val: errs, weights: await readWeights(engine.teacher), matrix };
    if ((opts.patience && e - best.epoch >= opts.patience) || opts.stop?.()) break;
  }
  if (best) writeWeights(engine.teacher, best.weights);
  let bestVal = best?.val ?? { rmse: NaN, mae: NaN };
  let mf: RatingFit['teacherMf'];
  if (engine.teacherMf && !opts.stop?.()) {
    const t0 = performance.now();
    const m = await fitTeacherMf(engine, opts);
    trainMs += performance.now() - t0;
    // the blend weight w of r̂ = w·AutoRec + (1−w)·MF, on validation (grid of 0.05)
    const a = engine.teacherAt(best?.matrix ?? (await engine.teacherPredictions('autorec')), val);
    const b = await engine.predict('teacherMf', val);
    const { min, max } = engine.split;
    let pick = { w: 1, val: ratingErrors(a, val.ratings) };
    for (let k = 0; k < 20; k++) {
      const w = k / 20;
      const e = ratingErrors(Float32Array.from(a, (x, j) => Math.min(max, Math.max(min, w * x + (1 - w) * b[j]))), val.ratings);
      if (e.rmse < pick.val.rmse) pick = { w, val: e };
    }
    engine.teacherBlend = pick.w;
    bestVal = pick.val;
    mf = { bestEpoch: m.bestEpoch, valRmse: m.bestVal.rmse, autoRecValRmse: best?.val.rmse ?? NaN, blend: pick.w };
  }
  engine.teacherMatrix = engine.teacherMf ? await engine.teacherPredictions() : (best?.matrix ?? (await engine.teacherPredictions()));
  return { bestEpoch: best?.epoch ?? 0, bestVal, epochs, trainSeconds: trainMs / 1000, teacherMf: mf };
}

/** The teacher's MF part, its best epoch on validation kept. */
async function fitTeacherMf(engine: RatingEngine, opts: RatingFitOptions): Promise<{ bestEpoch: number; bestVal: RatingErrors }> {
  const mf = engine.teacherMf!;
  const val = engine.split.val;
  let best: { epoch: number; val: RatingErrors; weights: Record<string, Float32Array> } | null = null;
  for (let e = 1; e <= opts.epochs; e++) {
    await engine.teacherMfEpoch(opts.onStep);
    // scored on the validation pairs only: the full items × users matrix took 0.2–0.4 s an epoch
    const errs = ratingErrors(await engine.predict('teacherMf', val), val.ratings);
    if (!best || errs.rmse < best.val.rmse) best = { epoch: e, val: errs, weights: await readWeights(mf) };
    if ((opts.patience && e - best.epoch >= opts.patience) || opts.stop?.()) break;
  }
  if (best) writeWeights(mf, best.weights);
  return { bestEpoch: best?.epoch ?? 0, bestVal: best?.val ?? { rmse: NaN, mae: NaN } };
}

/**
 * Trains the student alone and/or the KD student in lockstep for up to `epochs`; each keeps its own
 * best epoch on validation. Patience counts epochs in which neither improved.
 */
export async function fitRatingStudents(engine: RatingEngine, which: { student: boolean; kd: boolean }, opts: RatingFitOptions): Promise<{ student: RatingFit | null; kd: RatingFit | null }> {
  const val = engine.split.val;
  const roles = (['student', 'kd'] as const).filter((r) => which[r]);
  const state = new Map(roles.map((r) => [r, { epochs: [] as RatingEpoch[], best: null as { epoch: number; val: RatingErrors; weights: Record<string, Float32Array> } | null }]));
  let trainMs = 0;
  let lastGain = 0;
  for (let e = 1; e <= opts.epochs; e++) {
    const t0 = performance.now();
    const loss = await engine.studentsEpoch(which, opts.onStep);
    const seconds = (performance.now() - t0) / 1000;
    trainMs += seconds * 1000;
    for (const r of roles) {
      const s = state.get(r)!;
      const errs = ratingErrors(await engine.predict(r, val), val.ratings);
      const info: RatingEpoch = { model: r, epoch: e, loss: loss[r], val: errs, seconds };
      s.epochs.push(info);
      await opts.onEpoch?.(info);
      if (!s.best || errs.rmse < s.best.val.rmse) {
        s.best = { epoch: e, val: errs, weights: await readWeights(r === 'student' ? engine.student : engine.kd) };
        lastGain = e;
      }
    }
    if ((opts.patience && e - lastGain >= opts.patience) || opts.stop?.()) break;
  }
  const out = { student: null as RatingFit | null, kd: null as RatingFit | null };
  for (const r of roles) {
    const s = state.get(r)!;
    if (s.best) writeWeights(r === 'student' ? engine.student : engine.kd, s.best.weights);
    out[r] = { bestEpoch: s.best?.epoch ?? 0, bestVal: s.best?.val ?? { rmse: NaN, mae: NaN }, epochs: s.epochs, trainSeconds: trainMs / 1000 };
  }
  return out;
}

/** Test (or any) errors of each model on a set of ratings. */
export async function ratingReport(engine: RatingEngine, t: RatingTriples): Promise<{ teacher: RatingErrors; student: RatingErrors; kd: RatingErrors }> {
  if (!engine.teacherMatrix) await engine.freezeTeacher();
  return {
    teacher: ratingErrors(engine.teacherAt(engine.teacherMatrix!, t), t.ratings),
    student: ratingErrors(await engine.predict('student', t), t.ratings),
    kd: ratingErrors(await engine.predict('kd', t), t.ratings),
  };
}
