/**
 * `distill --task rating`: the rating-prediction lesson in one command — an item-AutoRec teacher,
 * a biased-MF student alone and the same student with (1−α)·MSE(y) + α·MSE(teacher), on one
 * held-out ratings split; L2 strengths, epochs and the KD settings chosen on the validation
 * ratings, errors reported on the test ratings.
 */
import { writeFile } from 'node:fs/promises';
import { ratingBlocker, splitRatings, type RatingSplit } from '../data/ratingSplit.ts';
import { meanStd } from '../eval/metrics.ts';
import type { RatingErrors } from '../eval/ratingMetrics.ts';
import { defaultRatingRunConfig, type RatingRunConfig } from '../models/ratingConfig.ts';
import { ratingStudentParams, ratingTeacherParams } from '../models/ratingSize.ts';
import { DEFAULT_SETTINGS, type BackendName, type Settings } from '../settings/defaults.ts';
import { SETTINGS } from '../settings/table.ts';
import { RatingEngine } from '../train/ratingEngine.ts';
import { fitRatingStudents, fitRatingTeacher, ratingReport, type RatingEpoch, type RatingFit } from '../train/ratingFit.ts';
import { parseArgs, stringFlag } from './args.ts';
import { applyFlags, flag, flagSpec, flagUsage, plain, readChoice, readList, readNumber, type FlagDoc } from './settingFlags.ts';
import { UsageError, type CliIO } from './command.ts';
import { loadData, nodeBackend } from './experiment.ts';

/**
 * What is searched on validation unless flags say otherwise. The student alone gets its own L2
 * search (0.03–1; 0.1 won on both files, inside the range) so it is a fair baseline; the teacher's λ (100) was picked on validation of goodbooks-2k
 * split seed 1 from 20 / 100 / 400 (val RMSE 0.843 / 0.834 / 0.858) and is not searched by
 * default because each teacher costs minutes.
 */
const DEFAULT_GRID = { studentL2: [0.03, 0.1, 0.3, 1], alpha: [0.5, 0.8], unrated: [0, 1] };

/** The command's defaults: the rating run's own (longer than the studio panel's). */
const BASE: Settings = { ...DEFAULT_SETTINGS, rating: defaultRatingRunConfig };
const R = {
  seed: flag(SETTINGS.ratingSeed),
  seeds: flag(SETTINGS.seeds, { fallback: [] as number[], defaultText: 'just --seed', help: 'several run seeds, each its own split; the JSON holds their means' }),
  teacherL2: flag(SETTINGS.ratingTeacherL2, { list: true, fallback: [defaultRatingRunConfig.teacher.l2] }),
  studentL2: flag(SETTINGS.ratingStudentL2, { list: true, fallback: DEFAULT_GRID.studentL2 }),
  alpha: flag(SETTINGS.ratingAlpha, { list: true, fallback: DEFAULT_GRID.alpha }),
  unrated: flag(SETTINGS.ratingUnrated, { list: true, fallback: DEFAULT_GRID.unrated }),
  patience: flag(SETTINGS.ratingPatience, { fallback: 5 }),
  backend: flag(SETTINGS.nodeBackend, { fallback: 'wasm' }),
};
export const RATING_FLAGS: readonly FlagDoc[] = [
  plain('task', 'rating', 'rating prediction'),
  plain('data', '<file>', 'ratings file with a rating column (default: the built-in goodbooks-2k)'),
  R.seed, R.seeds,
  flag(SETTINGS.ratingTeacherEpochs), flag(SETTINGS.ratingEpochs), R.patience,
  flag(SETTINGS.ratingHidden), R.teacherL2, flag(SETTINGS.ratingTeacherLr), flag(SETTINGS.ratingTeacherMfDim), flag(SETTINGS.ratingTeacherMfL2),
  flag(SETTINGS.ratingStudentDim), R.studentL2, flag(SETTINGS.ratingStudentLr), R.alpha, R.unrated, R.backend,
  plain('json', '<file>', 'write the results as JSON'),
];

export const RATING_USAGE = `usage: npm run cli -- distill --task rating [flags]

Rating prediction on a file with explicit ratings: a teacher (item AutoRec blended with a
biased MF of dim 32, the blend weight chosen on validation), a biased-MF
student alone and the student with distillation, (1−α)·MSE(y) + α·MSE(teacher), the
teacher term also on sampled unrated (user, item) pairs. 10% of each user's ratings are
held out for validation and 10% for test. Everything with a list (a,b,c) is searched on
the validation ratings. Writes {"teacher":{rmse,mae,params,…},"student":{…},"distilled":{…}}.

${flagUsage(RATING_FLAGS, BASE)}`;

/** What the JSON holds per model. */
export interface RatingModelResult extends RatingErrors {
  params: number;
  valRmse: number;
  valMae: number;
  bestEpoch: number;
  trainSeconds: number;
}

interface RatingRun {
  seed: number;
  teacher: RatingModelResult & { parts?: RatingFit['teacherMf'] };
  student: RatingModelResult;
  distilled: RatingModelResult & { alpha: number; unrated: number };
  chosen: { teacherL2: number; studentL2: number; alpha: number; unrated: number };
}

const logEpoch = (io: CliIO) => (e: RatingEpoch) =>
  io.stderr(`  ${e.model.padEnd(7)} epoch ${String(e.epoch).padStart(3)}  loss ${e.loss.toFixed(4)}  val RMSE ${e.val.rmse.toFixed(4)}  MAE ${e.val.mae.toFixed(4)}  (${e.seconds.toFixed(1)} s)\n`);

function result(test: RatingErrors, fit: RatingFit, params: number): RatingModelResult {
  return { ...test, params, valRmse: fit.bestVal.rmse, valMae: fit.bestVal.mae, bestEpoch: fit.bestEpoch, trainSeconds: fit.trainSeconds };
}

/** One seed: teacher λ search, student λ search, KD (α, unrated) search, all on validation; test errors of the chosen ones. */
async function runSeed(split: RatingSplit, base: RatingRunConfig, grid: { teacherL2: number[]; studentL2: number[]; alpha: number[]; unrated: number[] }, patience: number, io: CliIO): Promise<RatingRun> {
  const log = logEpoch(io);
  let best: { engine: RatingEngine; fit: RatingFit; l2: number } | null = null;
  for (const l2 of grid.teacherL2) {
    io.stderr(`seed ${base.seed}: teacher (AutoRec, hidden ${base.teacher.hidden}, λ ${l2})\n`);
    const engine = new RatingEngine(split, { ...base, teacher: { ...base.teacher, l2 } });
    const fit = await fitRatingTeacher(engine, { epochs: base.teacherEpochs, patience, onEpoch: log });
    if (fit.teacherMf) {
      const m = fit.teacherMf;
      io.stderr(`  teacher: AutoRec val RMSE ${m.autoRecValRmse.toFixed(4)}, its MF part (dim ${base.teacher.mfDim}) ${m.valRmse.toFixed(4)} at epoch ${m.bestEpoch}; blend w = ${m.blend} on AutoRec → ${fit.bestVal.rmse.toFixed(4)}\n`);
    }
    if (!best || fit.bestVal.rmse < best.fit.bestVal.rmse) {
      best?.engine.dispose();
      best = { engine, fit, l2 };
    } else engine.dispose();
  }
  const { engine, fit: tFit, l2: teacherL2 } = best!;
  let sBest: { fit: RatingFit; l2: number; weights: RatingEngine['student'] } | null = null;
  for (const l2 of grid.studentL2) {
    io.stderr(`seed ${base.seed}: student alone (biased MF dim ${base.student.dim}, λ ${l2})\n`);
    engine.restartStudent('student', { ...base.student, l2 });
    const fit = (await fitRatingStudents(engine, { student: true, kd: false }, { epochs: base.epochs, patience, onEpoch: log })).student!;
    if (!sBest || fit.bestVal.rmse < sBest.fit.bestVal.rmse) sBest = { fit, l2, weights: engine.student };
    else continue;
  }
  // restartStudent disposed the earlier students; retrain the chosen one if it was not the last
  if (sBest!.weights !== engine.student) {
    engine.restartStudent('student', { ...base.student, l2: sBest!.l2 });
    sBest!.fit = (await fitRatingStudents(engine, { student: true, kd: false }, { epochs: base.epochs, patience })).student!;
  }
  const studentCfg = { ...base.student, l2: sBest!.l2 };
  let kBest: { fit: RatingFit; alpha: number; unrated: number; test: RatingErrors } | null = null;
  for (const alpha of grid.alpha) {
    for (const unrated of grid.unrated) {
      io.stderr(`seed ${base.seed}: student + KD (α ${alpha}, ${unrated} unrated per rated pair)\n`);
      engine.restartStudent('kd', studentCfg);
      engine.distill = { alpha, unrated };
      const fit = (await fitRatingStudents(engine, { student: false, kd: true }, { epochs: base.epochs, patience, onEpoch: log })).kd!;
      if (!kBest || fit.bestVal.rmse < kBest.fit.bestVal.rmse) kBest = { fit, alpha, unrated, test: (await ratingReport(engine, split.test)).kd };
    }
  }
  const test = await ratingReport(engine, split.test);
  const run: RatingRun = {
    seed: base.seed,
    teacher: { ...result(test.teacher, tFit, ratingTeacherParams(split.nUsers, split.nItems, base.teacher, base.student)), ...(tFit.teacherMf ? { parts: tFit.teacherMf } : {}) },
    student: result(test.student, sBest!.fit, ratingStudentParams(split.nUsers, split.nItems, base.student)),
    distilled: { ...result(kBest!.test, kBest!.fit, ratingStudentParams(split.nUsers, split.nItems, base.student)), alpha: kBest!.alpha, unrated: kBest!.unrated },
    chosen: { teacherL2, studentL2: sBest!.l2, alpha: kBest!.alpha, unrated: kBest!.unrated },
  };
  engine.dispose();
  return run;
}

function table(r: Record<'teacher' | 'student' | 'distilled', RatingModelResult>, label: string): string {
  const rows: [string, RatingModelResult][] = [['teacher', r.teacher], ['student alone', r.student], ['student + KD', r.distilled]];
  const head = `${label}\n${'model'.padEnd(15)}${'RMSE'.padStart(8)}${'MAE'.padStart(8)}${'val RMSE'.padStart(10)}${'epoch'.padStart(7)}${'params'.padStart(10)}${'train s'.padStart(9)}`;
  const body = rows.map(([n, m]) => `${n.padEnd(15)}${m.rmse.toFixed(4).padStart(8)}${m.mae.toFixed(4).padStart(8)}${m.valRmse.toFixed(4).padStart(10)}${String(Math.round(m.bestEpoch)).padStart(7)}${String(m.params).padStart(10)}${m.trainSeconds.toFixed(1).padStart(9)}`);
  return [head, ...body].join('\n') + '\n';
}

/** Runs `distill --task rating`. */
export async function runRatingDistill(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, flagSpec(RATING_FLAGS));
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const base: RatingRunConfig = applyFlags(args, RATING_FLAGS, BASE).rating;
  const grid = {
    teacherL2: readList(args, R.teacherL2),
    studentL2: readList(args, R.studentL2),
    alpha: readList(args, R.alpha),
    unrated: readList(args, R.unrated),
  };
  const patience = readNumber(args, R.patience);
  const seeds = readList(args, R.seeds, [base.seed]);
  const backend = await nodeBackend(readChoice<BackendName>(args, R.backend), io);
  const t0 = performance.now();
  const ds = await loadData(stringFlag(args, 'data'));
  const why = ratingBlocker(ds);
  if (why) {
    io.stderr(`distill --task rating: ${ds.name}: ${why}\n`);
    return 1;
  }
  const runs: RatingRun[] = [];
  for (const seed of seeds) {
    const split = splitRatings(ds, { seed });
    io.stderr(`${ds.name}: ${split.nUsers} users, ${split.nItems} items, ${split.train.users.length} / ${split.val.users.length} / ${split.test.users.length} train / validation / test ratings, mean ${split.mean.toFixed(3)}; backend ${backend}\n`);
    const run = await runSeed(split, { ...base, seed }, grid, patience, io);
    runs.push(run);
    io.stdout(table(run, `seed ${seed} (chosen: teacher λ ${run.chosen.teacherL2}, student λ ${run.chosen.studentL2}, α ${run.chosen.alpha}, unrated ${run.chosen.unrated})`));
  }
  const mean = <K extends 'teacher' | 'student' | 'distilled'>(k: K) => {
    const out: Record<string, number> = {};
    for (const f of Object.keys(runs[0][k]) as (keyof RatingRun[K])[]) out[f as string] = meanStd(runs.map((r) => r[k][f] as number)).mean;
    out.rmseStd = meanStd(runs.map((r) => r[k].rmse)).std;
    return out as unknown as RatingModelResult & { rmseStd: number };
  };
  const summary = { teacher: mean('teacher'), student: mean('student'), distilled: mean('distilled') };
  if (runs.length > 1) io.stdout(table(summary, `mean of seeds ${seeds.join(', ')} (RMSE std: teacher ${summary.teacher.rmseStd.toFixed(4)}, student ${summary.student.rmseStd.toFixed(4)}, KD ${summary.distilled.rmseStd.toFixed(4)})`));
  const seconds = (performance.now() - t0) / 1000;
  io.stdout(`teacher vs student alone: RMSE ${summary.teacher.rmse.toFixed(4)} vs ${summary.student.rmse.toFixed(4)}; student + KD ${summary.distilled.rmse.toFixed(4)}; total ${seconds.toFixed(1)} s on ${backend}\n`);
  const json = stringFlag(args, 'json');
  if (json) {
    const out = { task: 'rating', ...summary, runs, config: { ...base, seeds, grid, patience }, dataset: { name: ds.name, users: ds.nUsers, items: ds.nItems, ratings: ds.users.length }, backend, totalSeconds: seconds };
    await writeFile(json, JSON.stringify(out, null, 2));
  }
  return 0;
}
