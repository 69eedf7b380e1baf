/**
 * `distill`: the whole lesson in one command — teacher, student alone and student + KD on the same
 * split with the engine the browser runs, epochs chosen on the validation item, reported on the
 * test item. With the shipped checkpoint the teacher is loaded instead of trained.
 */
import { writeFile } from 'node:fs/promises';
import { meanStd, type RankingMetrics } from '../../eval/metrics.ts';
import { sizeOf } from '../../models/size.ts';
import { defaultTrainConfig } from '../../train/config.ts';
import { DistillEngine } from '../../train/engine.ts';
import { evaluate, inferMsPer1000 } from '../../train/evaluate.ts';
import { fitRole, type FitResult } from '../../train/fit.ts';
import { DEFAULT_SETTINGS, type BackendName, type Settings } from '../../settings/defaults.ts';
import { SETTINGS } from '../../settings/table.ts';
import type { Recommender } from '../../models/recommender.ts';
import { choiceOf, parseArgs, peekFlag, stringFlag } from '../args.ts';
import { applyFlags, flag, flagSpec, flagUsage, plain, readChoice, readList, readNumber, type FlagDoc } from '../settingFlags.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { RATING_FLAGS, RATING_USAGE, runRatingDistill } from '../ratingDistill.ts';
import {
  builtinCheckpointFile,
  epochLogger,
  loadData,
  makeSplit,
  nodeBackend,
  readTeacherCheckpoint,
  saveTeacherCheckpoint,
  teacherVal,
  trainTeacher,
} from '../experiment.ts';

/** The distill command's defaults: a longer run than the studio's, the teacher trained first when no checkpoint fits. */
export const CLI_BASE: Settings = {
  ...DEFAULT_SETTINGS,
  train: { ...defaultTrainConfig, schedule: 'teacher-first', teacherEpochs: 20 },
  plan: { ...DEFAULT_SETTINGS.plan, epochs: 12 },
};

/** The run's flags that distill, sweep and compress share (each command adds its own). */
export const RUN_FLAGS = {
  data: plain('data', '<file>', 'ratings file (default: the built-in goodbooks-2k)'),
  titles: plain('titles', '<file>', 'titles file for --data'),
  epochs: flag(SETTINGS.epochs),
  kdEpochs: flag(SETTINGS.kdEpochs, { defaultText: 'as --epochs' }),
  teacherEpochs: flag(SETTINGS.teacherEpochs),
  seed: flag(SETTINGS.seed),
  seeds: flag(SETTINGS.seeds, { fallback: [] as number[], defaultText: 'just --seed' }),
  splitSeed: flag(SETTINGS.splitSeed),
  temperature: flag(SETTINGS.temperature),
  alpha: flag(SETTINGS.alpha),
  loss: flag(SETTINGS.loss),
  unseenOnly: flag(SETTINGS.unseenOnly),
  studentDim: flag(SETTINGS.studentDim),
  lr: flag(SETTINGS.studentLr),
  kdLr: flag(SETTINGS.kdLr),
  teacher: plain('teacher', '<file>', 'teacher checkpoint (default: the shipped one, when it fits)'),
  backend: flag(SETTINGS.nodeBackend, { fallback: 'wasm' }),
  json: plain('json', '<file>', 'write the results as JSON'),
};

const F = RUN_FLAGS;
const FLAGS: readonly FlagDoc[] = [
  F.data, F.titles, F.epochs, F.kdEpochs, F.teacherEpochs, F.seed, F.seeds, F.splitSeed,
  plain('vary-split', null, 'with --seeds: each seed also draws its own held-out items (split seed = seed; the teacher is trained for every split the checkpoint does not fit)'),
  F.temperature, F.alpha, F.loss, F.unseenOnly, F.studentDim, F.lr, F.kdLr,
  plain('teacher', '<file>', 'teacher checkpoint (default: the shipped one, when it fits); {seed} in the name picks one per split with --vary-split'),
  plain('retrain-teacher', null, 'train the teacher even when a checkpoint fits'),
  plain('save-teacher', '<file>', 'write the trained teacher as a checkpoint ({seed}: one per seed)'),
  F.backend, F.json,
  plain('task', 'ranking|rating', 'ranking (default: next-item, above) or rating prediction (its flags below)'),
];

const USAGE = `usage: npm run cli -- distill [flags]

Trains the teacher (or loads its checkpoint), the student alone and the student with
distillation on the same leave-one-out split; prints a table and, with --json, writes
{"teacher":{…},"student":{…},"distilled":{…}}. Epochs are chosen on the validation item.

${flagUsage(FLAGS, CLI_BASE)}`;

/** What the JSON holds per model. */
export interface ModelResult {
  ndcg10: number;
  hr10: number;
  mrr: number;
  recall10: number;
  valNdcg10: number;
  bestEpoch: number;
  params: number;
  bytes: number;
  bytesInt8: number;
  trainSeconds: number;
  examplesPerSecond: number;
  inferMsPer1000: number;
}

export interface DistillRun {
  seed: number;
  teacher: ModelResult;
  student: ModelResult;
  distilled: ModelResult;
}

async function report(model: Recommender, engine: DistillEngine, fit: FitResult | null, valNdcg: number): Promise<ModelResult> {
  const t: RankingMetrics = await evaluate(model, engine.split, engine.split.evalUsers, 'test');
  const size = sizeOf(model.specs);
  return {
    ndcg10: t.ndcg,
    hr10: t.hr,
    mrr: t.mrr,
    recall10: t.recall,
    valNdcg10: fit ? fit.bestVal.ndcg : valNdcg,
    bestEpoch: fit?.bestEpoch ?? 0,
    params: size.params,
    bytes: size.bytesFp32,
    bytesInt8: size.bytesInt8,
    trainSeconds: fit?.trainSeconds ?? 0,
    examplesPerSecond: fit?.examplesPerSecond ?? 0,
    inferMsPer1000: await inferMsPer1000(model, engine.split),
  };
}

const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)}%`;

/** The printed table for one run or the mean of several. */
export function formatTable(r: Omit<DistillRun, 'seed'>, label: string): string {
  const rows: [string, ModelResult][] = [['teacher', r.teacher], ['student alone', r.student], ['student + KD', r.distilled]];
  const head = `${label}\n${'model'.padEnd(15)}${'NDCG@10'.padStart(9)}${'HR@10'.padStart(8)}${'MRR'.padStart(8)}${'val NDCG'.padStart(10)}${'epoch'.padStart(7)}${'params'.padStart(10)}${'bytes'.padStart(11)}${'train s'.padStart(9)}${'ex/s'.padStart(9)}${'ms/1k'.padStart(8)}`;
  const body = rows.map(([n, m]) =>
    `${n.padEnd(15)}${m.ndcg10.toFixed(4).padStart(9)}${m.hr10.toFixed(3).padStart(8)}${m.mrr.toFixed(4).padStart(8)}${m.valNdcg10.toFixed(4).padStart(10)}${String(Math.round(m.bestEpoch)).padStart(7)}${String(m.params).padStart(10)}${String(m.bytes).padStart(11)}${m.trainSeconds.toFixed(1).padStart(9)}${Math.round(m.examplesPerSecond).toString().padStart(9)}${m.inferMsPer1000.toFixed(1).padStart(8)}`,
  );
  const lead = `teacher vs student alone: ${pct(r.teacher.ndcg10, r.student.ndcg10)} NDCG@10; student + KD vs alone: ${pct(r.distilled.ndcg10, r.student.ndcg10)}; ` +
    `KD student has ${((r.distilled.params / r.teacher.params) * 100).toFixed(1)}% of the teacher's parameters`;
  return [head, ...body, lead].join('\n') + '\n';
}

function meanOf(runs: DistillRun[], key: 'teacher' | 'student' | 'distilled'): ModelResult & { ndcg10Std: number } {
  const out = {} as Record<keyof ModelResult, number>;
  for (const k of Object.keys(runs[0][key]) as (keyof ModelResult)[]) out[k] = meanStd(runs.map((r) => r[key][k])).mean;
  return { ...out, ndcg10Std: meanStd(runs.map((r) => r[key].ndcg10)).std };
}

export const distillCommand: Command = {
  name: 'distill',
  summary: 'train teacher, student alone and student + KD; print the comparison',
  usage: `${USAGE}\n\n${RATING_USAGE}`,
  flags: [FLAGS, RATING_FLAGS],
  async run(argv: string[], io: CliIO): Promise<number> {
    // the two tasks take different flags, so the task is read first
    if (choiceOf('task', peekFlag(argv, 'task'), ['ranking', 'rating'] as const) === 'rating') return runRatingDistill(argv, io);
    const args = parseArgs(argv, flagSpec(FLAGS));
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const settings = applyFlags(args, FLAGS, CLI_BASE);
    const base = settings.train;
    const epochs = settings.plan.epochs;
    const kdEpochs = readNumber(args, F.kdEpochs, epochs);
    const seeds = readList(args, F.seeds, [base.seed]);
    const backend = await nodeBackend(readChoice<BackendName>(args, F.backend), io);
    const t0 = performance.now();
    const dataPath = stringFlag(args, 'data');
    const ds = await loadData(dataPath, stringFlag(args, 'titles'));
    const split = makeSplit(ds, settings.splitSeed);
    io.stderr(`${ds.name}: ${split.nUsers} users, ${split.nItems} items, ${split.trainUsers.length} training examples, ${split.evalUsers.length} evaluated users; backend ${backend}\n`);

    const ckptFile = stringFlag(args, 'teacher') ?? (dataPath ? undefined : builtinCheckpointFile);
    let teacherValues: Record<string, Float32Array> | null = null;
    if (ckptFile && !args.flags['retrain-teacher']) {
      const c = await readTeacherCheckpoint(ckptFile, split, base);
      if ('values' in c) teacherValues = c.values;
      else io.stderr(`teacher checkpoint not used: ${c.why}\n`);
    }

    const varySplit = args.flags['vary-split'] === true;
    const runs: DistillRun[] = [];
    for (const seed of seeds) {
      const config = { ...base, seed };
      // --vary-split: every seed draws its own held-out items too, so the mean also covers split noise
      const runSplit = varySplit ? makeSplit(ds, seed) : split;
      let runTeacher = varySplit && seed !== split.seed ? null : teacherValues;
      const perSeed = (f: string | undefined) => f?.replaceAll('{seed}', String(seed));
      if (varySplit && !runTeacher && ckptFile?.includes('{seed}') && !args.flags['retrain-teacher']) {
        const c = await readTeacherCheckpoint(perSeed(ckptFile)!, runSplit, config);
        if ('values' in c) runTeacher = c.values;
        else io.stderr(`teacher checkpoint not used: ${c.why}\n`);
      }
      const engine = new DistillEngine(runSplit, config, runTeacher ?? undefined);
      let tFit: FitResult | null = null;
      if (!runTeacher) {
        io.stderr(`seed ${seed}: training the teacher (${config.teacherEpochs} epochs)\n`);
        tFit = await trainTeacher(engine, config.teacherEpochs, io);
      } else io.stderr(`seed ${seed}: teacher from ${ckptFile}\n`);
      const log = epochLogger(io);
      const sFit = await fitRole(engine, 'student', { epochs, valUsers: runSplit.evalUsers, keepBest: true, onEpoch: log });
      const kFit = await fitRole(engine, 'kd', { epochs: kdEpochs, valUsers: runSplit.evalUsers, keepBest: true, onEpoch: log });
      const run: DistillRun = {
        seed,
        teacher: await report(engine.teacher, engine, tFit, tFit ? 0 : await teacherVal(engine)),
        student: await report(engine.student, engine, sFit, 0),
        distilled: await report(engine.kd, engine, kFit, 0),
      };
      runs.push(run);
      io.stdout(formatTable(run, `seed ${seed}`));
      const save = stringFlag(args, 'save-teacher');
      if (save && (runs.length === 1 || save.includes('{seed}')) && !runTeacher) {
        const bytes = await saveTeacherCheckpoint(perSeed(save)!, engine, ds, { epochs: tFit?.bestEpoch ?? 0, valNdcg10: run.teacher.valNdcg10, testNdcg10: run.teacher.ndcg10 });
        io.stderr(`teacher checkpoint written to ${perSeed(save)} (${bytes} bytes)\n`);
      }
      engine.dispose();
    }
    const seconds = (performance.now() - t0) / 1000;
    const mean = { teacher: meanOf(runs, 'teacher'), student: meanOf(runs, 'student'), distilled: meanOf(runs, 'distilled') };
    if (runs.length > 1) io.stdout(formatTable(mean, `mean of seeds ${seeds.join(', ')} (NDCG@10 std: teacher ${mean.teacher.ndcg10Std.toFixed(4)}, student ${mean.student.ndcg10Std.toFixed(4)}, KD ${mean.distilled.ndcg10Std.toFixed(4)})`));
    io.stdout(`total ${seconds.toFixed(1)} s on ${backend}${teacherValues ? ' (teacher from checkpoint)' : ''}\n`);
    const json = stringFlag(args, 'json');
    if (json) {
      const out = {
        ...mean,
        runs,
        config: { ...base, seeds, epochs, kdEpochs },
        varySplit,
        dataset: { name: ds.name, users: split.nUsers, items: split.nItems, trainExamples: split.trainUsers.length, evalUsers: split.evalUsers.length },
        backend,
        teacherFromCheckpoint: teacherValues !== null,
        totalSeconds: seconds,
      };
      await writeFile(json, JSON.stringify(out, null, 2));
    }
    return 0;
  },
};
