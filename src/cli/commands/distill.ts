/**
 * `distill`: the whole lesson in one command — teacher, student alone and student + KD on the same
 * split with the engine the browser runs, epochs chosen on the validation item, reported on the
 * test item. With the shipped checkpoint the teacher is loaded instead of trained.
 */
import { writeFile } from 'node:fs/promises';
import { DISTILL_LOSSES } from '../../distill/config.ts';
import { meanStd, type RankingMetrics } from '../../eval/metrics.ts';
import { sizeOf } from '../../models/size.ts';
import { defaultTrainConfig, type TrainConfig } from '../../train/config.ts';
import { DistillEngine } from '../../train/engine.ts';
import { evaluate, inferMsPer1000 } from '../../train/evaluate.ts';
import { fitRole, type FitResult } from '../../train/fit.ts';
import { BACKENDS } from '../../train/protocol.ts';
import type { Recommender } from '../../models/recommender.ts';
import { choiceFlag, choiceOf, intFlag, numberFlag, numberListFlag, parseArgs, peekFlag, stringFlag, type ParsedArgs } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { RATING_USAGE, runRatingDistill } from '../ratingDistill.ts';
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

const USAGE = `usage: npm run cli -- distill [flags]

Trains the teacher (or loads its checkpoint), the student alone and the student with
distillation on the same leave-one-out split; prints a table and, with --json, writes
{"teacher":{…},"student":{…},"distilled":{…}}. Epochs are chosen on the validation item.

flags:
  --data <file>            ratings file (default: the built-in goodbooks-2k)
  --titles <file>          titles file for --data
  --epochs N               most epochs of the student alone (default 12)
  --kd-epochs N            most epochs of the student with KD (default: as --epochs)
  --teacher-epochs N       teacher epochs when it is trained (default 20)
  --seed S                 run seed: initialisation, shuffling, dropout (default 1)
  --seeds 1,2,3            several run seeds; the JSON's top level holds their means
  --split-seed S           seed of the held-out items (default 1; the checkpoint fits 1)
  --vary-split             with --seeds: each seed also draws its own held-out items (split seed =
                           seed; the teacher is trained for every split the checkpoint does not fit)
  --temperature T          soft-label temperature (default ${defaultTrainConfig.distill.temperature})
  --alpha A                weight of the distillation term (default ${defaultTrainConfig.distill.alpha})
  --loss soft|mse|rank|hint  distillation term (default ${defaultTrainConfig.distill.loss})
  --unseen-only / --all-items  soft and ranking losses over the items the user has not seen / over all items
  --student-dim D          student embedding size (default ${defaultTrainConfig.student.dim})
  --lr R / --kd-lr R       learning rate of the student alone / with KD (defaults ${defaultTrainConfig.student.lr} / ${defaultTrainConfig.distill.lr})
  --teacher <file>         teacher checkpoint (default: the shipped one, when it fits); {seed} in the
                           name picks one per split with --vary-split
  --retrain-teacher        train the teacher even when a checkpoint fits
  --save-teacher <file>    write the trained teacher as a checkpoint ({seed}: one per seed)
  --backend wasm|cpu       tf.js backend (default wasm)
  --json <file>            write the results as JSON
  --task ranking|rating    ranking (default: next-item, above) or rating prediction
                           (its flags below)`;

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

/** The run config the flags describe. */
export function configFromFlags(args: ParsedArgs): TrainConfig {
  const loss = choiceFlag(args, 'loss', DISTILL_LOSSES, defaultTrainConfig.distill.loss);
  return {
    ...defaultTrainConfig,
    seed: intFlag(args, 'seed', defaultTrainConfig.seed, 0),
    schedule: 'teacher-first',
    teacherEpochs: intFlag(args, 'teacher-epochs', 20, 1, 500),
    student: {
      ...defaultTrainConfig.student,
      dim: intFlag(args, 'student-dim', defaultTrainConfig.student.dim, 1, 1024),
      lr: numberFlag(args, 'lr', defaultTrainConfig.student.lr, 1e-6, 1),
    },
    distill: {
      ...defaultTrainConfig.distill,
      loss,
      temperature: numberFlag(args, 'temperature', defaultTrainConfig.distill.temperature, 0.1, 50),
      alpha: numberFlag(args, 'alpha', defaultTrainConfig.distill.alpha, 0, 1),
      lr: numberFlag(args, 'kd-lr', defaultTrainConfig.distill.lr, 1e-6, 1),
      unseenOnly: args.flags['unseen-only'] === true ? true : args.flags['all-items'] === true ? false : defaultTrainConfig.distill.unseenOnly,
    },
  };
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
  async run(argv: string[], io: CliIO): Promise<number> {
    // the two tasks take different flags, so the task is read first
    if (choiceOf('task', peekFlag(argv, 'task'), ['ranking', 'rating'] as const) === 'rating') return runRatingDistill(argv, io);
    const args = parseArgs(argv, {
      data: 'string', titles: 'string', epochs: 'string', 'kd-epochs': 'string', 'teacher-epochs': 'string', seed: 'string', seeds: 'string',
      'split-seed': 'string', 'vary-split': 'boolean', temperature: 'string', alpha: 'string', loss: 'string', 'student-dim': 'string', lr: 'string', 'kd-lr': 'string', 'unseen-only': 'boolean', 'all-items': 'boolean',
      teacher: 'string', 'retrain-teacher': 'boolean', 'save-teacher': 'string', backend: 'string', json: 'string', task: 'string',
    });
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const base = configFromFlags(args);
    const epochs = intFlag(args, 'epochs', 12, 1, 500);
    const kdEpochs = intFlag(args, 'kd-epochs', epochs, 1, 500);
    const seeds = numberListFlag(args, 'seeds', [base.seed]);
    const backend = await nodeBackend(choiceFlag(args, 'backend', BACKENDS, 'wasm'), io);
    const t0 = performance.now();
    const dataPath = stringFlag(args, 'data');
    const ds = await loadData(dataPath, stringFlag(args, 'titles'));
    const split = makeSplit(ds, intFlag(args, 'split-seed', 1, 0));
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
