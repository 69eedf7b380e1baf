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

/** A watched model's best epoch so far: its validation errors and what was saved to restore it. */
interface Best<S> {
  epoch: number;
  val: RatingErrors;
  saved: S;
}

/** What a watched model's score sees of the epoch just trained. */
interface Trained<L> {
  epoch: number;
  /** What `train` returned (the epoch's loss). */
  loss: L;
  /** Training time of the epoch, validation excluded. */
  seconds: number;
}

/**
 * The one best-epoch loop of the rating task. Up to `opts.epochs` times: `train` runs an epoch
 * (timed), then each watched model is scored on validation (`score`) and, when its RMSE is its
 * best so far, saved (`save`). Patience counts epochs in which no model improved; `stop` is asked
 * between epochs. At the end every model gets its best epoch back (`restore`).
 */
async function keepBestEpochs<K extends string, L, S>(
  keys: readonly K[],
  opts: Pick<RatingFitOptions, 'epochs' | 'patience' | 'stop'>,
  step: {
    train(): Promise<L>;
    score(key: K, trained: Trained<L>): Promise<RatingErrors>;
    save(key: K): Promise<S>;
    restore(key: K, saved: S): void;
  },
): Promise<{ best: Map<K, Best<S>>; trainSeconds: number }> {
  const best = new Map<K, Best<S>>();
  let trainMs = 0;
  let lastGain = 0;
  for (let e = 1; e <= opts.epochs; e++) {
    const t0 = performance.now();
    const loss = await step.train();
    const seconds = (performance.now() - t0) / 1000;
    trainMs += seconds * 1000;
    for (const k of keys) {
      const val = await step.score(k, { epoch: e, loss, seconds });
      const b = best.get(k);
      if (!b || val.rmse < b.val.rmse) {
        best.set(k, { epoch: e, val, saved: await step.save(k) });
        lastGain = e;
      }
    }
    if ((opts.patience && e - lastGain >= opts.patience) || opts.stop?.()) break;
  }
  for (const [k, b] of best) step.restore(k, b.saved);
  return { best, trainSeconds: trainMs / 1000 };
}

const NO_ERRORS: RatingErrors = { rmse: NaN, mae: NaN };

/**
 * Trains the teacher for up to `epochs`, keeps the best on validation and freezes it (its
 * prediction matrix becomes the distillation target).
 */
export async function fitRatingTeacher(engine: RatingEngine, opts: RatingFitOptions): Promise<RatingFit> {
  const val = engine.split.val;
  const epochs: RatingEpoch[] = [];
  let matrix: Float32Array | null = null;
  const fit = await keepBestEpochs(['teacher'] as const, opts, {
    train: () => engine.teacherEpoch(opts.onStep),
    score: async (_, { epoch, loss, seconds }) => {
      matrix = await engine.teacherPredictions();
      const errs = ratingErrors(engine.teacherAt(matrix, val), val.ratings);
      const info: RatingEpoch = { model: 'teacher', epoch, loss, val: errs, seconds };
      epochs.push(info);
      await opts.onEpoch?.(info);
      return errs;
    },
    save: async () => ({ weights: await readWeights(engine.teacher), matrix: matrix! }),
    restore: (_, saved) => writeWeights(engine.teacher, saved.weights),
  });
  const best = fit.best.get('teacher');
  let trainMs = fit.trainSeconds * 1000;
  let bestVal = best?.val ?? NO_ERRORS;
  let mf: RatingFit['teacherMf'];
  if (engine.teacherMf && !opts.stop?.()) {
    const t0 = performance.now();
    const m = await fitTeacherMf(engine, opts);
    trainMs += performance.now() - t0;
    // the blend weight w of r̂ = w·AutoRec + (1−w)·MF, on validation (grid of 0.05)
    const a = engine.teacherAt(best?.saved.matrix ?? (await engine.teacherPredictions('autorec')), val);
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
  engine.teacherMatrix = engine.teacherMf ? await engine.teacherPredictions() : (best?.saved.matrix ?? (await engine.teacherPredictions()));
  return { bestEpoch: best?.epoch ?? 0, bestVal, epochs, trainSeconds: trainMs / 1000, teacherMf: mf };
}

/** The teacher's MF part, its best epoch on validation kept. */
async function fitTeacherMf(engine: RatingEngine, opts: RatingFitOptions): Promise<{ bestEpoch: number; bestVal: RatingErrors }> {
  const mf = engine.teacherMf!;
  const val = engine.split.val;
  const { best } = await keepBestEpochs(['teacherMf'] as const, opts, {
    train: () => engine.teacherMfEpoch(opts.onStep),
    // scored on the validation pairs only: the full items × users matrix took 0.2–0.4 s an epoch
    score: async () => ratingErrors(await engine.predict('teacherMf', val), val.ratings),
    save: () => readWeights(mf),
    restore: (_, weights) => writeWeights(mf, weights),
  });
  const b = best.get('teacherMf');
  return { bestEpoch: b?.epoch ?? 0, bestVal: b?.val ?? NO_ERRORS };
}

/**
 * Trains the student alone and/or the KD student in lockstep for up to `epochs`; each keeps its own
 * best epoch on validation. Patience counts epochs in which neither improved.
 */
export async function fitRatingStudents(engine: RatingEngine, which: { student: boolean; kd: boolean }, opts: RatingFitOptions): Promise<{ student: RatingFit | null; kd: RatingFit | null }> {
  const val = engine.split.val;
  const roles = (['student', 'kd'] as const).filter((r) => which[r]);
  const model = (r: RatingStudent) => (r === 'student' ? engine.student : engine.kd);
  const epochs = new Map(roles.map((r) => [r, [] as RatingEpoch[]]));
  const { best, trainSeconds } = await keepBestEpochs(roles, opts, {
    train: () => engine.studentsEpoch(which, opts.onStep),
    score: async (r, { epoch, loss, seconds }) => {
      const errs = ratingErrors(await engine.predict(r, val), val.ratings);
      const info: RatingEpoch = { model: r, epoch, loss: loss[r], val: errs, seconds };
      epochs.get(r)!.push(info);
      await opts.onEpoch?.(info);
      return errs;
    },
    save: (r) => readWeights(model(r)),
    restore: (r, weights) => writeWeights(model(r), weights),
  });
  const out = { student: null as RatingFit | null, kd: null as RatingFit | null };
  for (const r of roles) {
    const b = best.get(r);
    out[r] = { bestEpoch: b?.epoch ?? 0, bestVal: b?.val ?? NO_ERRORS, epochs: epochs.get(r)!, trainSeconds };
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
