/**
 * `compress`: trains the student alone and the KD student as `distill` does (teacher from the
 * shipped checkpoint when it fits), then compresses all three models (fp16, int8 per row and per
 * tensor, a pruning sweep, a low-rank sweep) and scores each compressed model — rebuilt from the
 * decoded weights — on the test and validation items.
 */
import { writeFile } from 'node:fs/promises';
import { defaultCompressConfig, type CompressConfig } from '../../compress/config.ts';
import type { CompressReport, ModelCompression, ScoredPoint } from '../../compress/types.ts';
import { DistillEngine } from '../../train/engine.ts';
import { compressModels } from '../../train/compressJob.ts';
import { fitRole } from '../../train/fit.ts';
import type { BackendName, Settings } from '../../settings/defaults.ts';
import { SETTINGS } from '../../settings/table.ts';
import { parseArgs, stringFlag } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { applyFlags, flag, flagSpec, flagUsage, readChoice, readNumber, type FlagDoc } from '../settingFlags.ts';
import { CLI_BASE, RUN_FLAGS } from './distill.ts';
import { epochLogger, loadData, makeSplit, nodeBackend, teacherFromFlags, trainTeacher } from '../experiment.ts';

/** The command scores every evaluated user by default (the studio a 500-user sample). */
const BASE: Settings = { ...CLI_BASE, compress: { ...defaultCompressConfig } };
const F = RUN_FLAGS;
const FLAGS: readonly FlagDoc[] = [
  F.data, F.titles, F.seed, F.splitSeed, F.epochs, F.kdEpochs, F.teacher, F.teacherEpochs,
  flag(SETTINGS.compressSparsities), flag(SETTINGS.compressRanks), flag(SETTINGS.compressUsers), flag(SETTINGS.compressTeacher), F.backend, F.json,
];

const USAGE = `usage: npm run cli -- compress [flags]

Trains the student alone and the KD student (teacher from the shipped checkpoint when it fits),
then compresses each model and scores the compressed model (rebuilt from its decoded weights) by
NDCG@10 on the test item (and on the validation item). Prints a table; with --json writes
{"fp32","fp16","int8","int8PerRow","prune":[…],"lowrank":[…]} for the KD student, and
"student" and "teacher" objects with the same keys.

  int8: q = round(w/s), s = max|w|/127, one fp32 scale per tensor ("int8") or per embedding row
        ("int8PerRow": user / item rows; dense layers and biases per tensor); bytes = values + 4·scales
  fp16: IEEE binary16, round to nearest even; 2 bytes per value
  prune: the smallest |w| of every weight matrix set to 0 (biases dense); bytes per tensor = the
        cheapest of dense, bitmap + values, COO (flat uint8/16/32 index) + values, CSR + values
  lowrank: every embedding table W ≈ (U_r Σ_r)·V_rᵀ by truncated SVD; bytes = 4·r·(rows + cols)

${flagUsage(FLAGS, BASE)}`;

const rel = (x: number, base: number) => `${x >= base ? '+' : ''}${(((x - base) / base) * 100).toFixed(1)}%`;

/** The printed table of one model's sweep. */
export function formatCompression(name: string, m: ModelCompression): string {
  const line = (label: string, p: ScoredPoint, note = '') =>
    `${label.padEnd(22)}${String(p.bytes).padStart(10)}${rel(p.bytes, m.fp32.bytes).padStart(9)}${p.ndcg10.toFixed(4).padStart(9)}${rel(p.ndcg10, m.fp32.ndcg10).padStart(9)}${p.valNdcg10.toFixed(4).padStart(10)}${note}`;
  return [
    `${name}\n${'method'.padEnd(22)}${'bytes'.padStart(10)}${'Δbytes'.padStart(9)}${'NDCG@10'.padStart(9)}${'ΔNDCG'.padStart(9)}${'val NDCG'.padStart(10)}`,
    line('fp32', m.fp32),
    line('fp16', m.fp16),
    line('int8 (per tensor)', m.int8),
    line('int8 (per row)', m.int8PerRow),
    ...m.prune.map((p) => line(`prune ${(p.sparsity * 100).toFixed(0)}%`, p, `  ${[...new Set(Object.values(p.formats))].join('/')}`)),
    ...m.lowrank.map((p) => line(`low-rank r=${p.rank}`, p, p.exceedsDense ? '  (factors larger than the dense tables)' : '')),
  ].join('\n') + '\n';
}

/** The JSON: the KD student's sweep at the top level, the others by name. */
export function compressJson(r: CompressReport) {
  return { ...r.kd, student: r.student, teacher: r.teacher, users: r.users, seconds: r.seconds };
}

export const compressCommand: Command = {
  name: 'compress',
  summary: 'int8 / fp16 / pruning / low-rank of teacher, student and KD student, scored by NDCG@10',
  usage: USAGE,
  flags: [FLAGS],
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, flagSpec(FLAGS));
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const settings = applyFlags(args, FLAGS, BASE);
    const config = settings.train;
    const cc: CompressConfig = settings.compress;
    const epochs = settings.plan.epochs;
    const kdEpochs = readNumber(args, F.kdEpochs, epochs);
    const backend = await nodeBackend(readChoice<BackendName>(args, F.backend), io);
    const t0 = performance.now();
    const dataPath = stringFlag(args, 'data');
    const ds = await loadData(dataPath, stringFlag(args, 'titles'));
    const split = makeSplit(ds, settings.splitSeed);
    io.stderr(`${ds.name}: ${split.nUsers} users, ${split.nItems} items; backend ${backend}\n`);
    const teacherValues = await teacherFromFlags(stringFlag(args, 'teacher'), dataPath, split, config, io);
    const engine = new DistillEngine(split, config, teacherValues);
    try {
      if (!teacherValues) await trainTeacher(engine, config.teacherEpochs, io);
      const log = epochLogger(io);
      await fitRole(engine, 'student', { epochs, valUsers: split.evalUsers, keepBest: true, onEpoch: log });
      await fitRole(engine, 'kd', { epochs: kdEpochs, valUsers: split.evalUsers, keepBest: true, onEpoch: log });
      const report = await compressModels({ teacher: cc.teacher ? engine.teacher : null, student: engine.student, kd: engine.kd }, split, cc, config.seed, (p) => {
        const what = p.key.method === 'prune' ? `prune ${p.key.sparsity}` : p.key.method === 'lowrank' ? `rank ${p.key.rank}` : p.key.method;
        io.stderr(`  compress ${p.done}/${p.total}: ${p.model} ${what}\n`);
      });
      io.stdout(formatCompression('KD student', report.kd) + formatCompression('student alone', report.student) + (report.teacher ? formatCompression('teacher', report.teacher) : ''));
      io.stdout(`scored on ${report.users} users; compression ${report.seconds.toFixed(0)} s, total ${((performance.now() - t0) / 1000).toFixed(0)} s on ${backend}${teacherValues ? ' (teacher from checkpoint)' : ''}\n`);
      const json = stringFlag(args, 'json');
      if (json) await writeFile(json, JSON.stringify({ ...compressJson(report), config: { ...cc, seed: config.seed, epochs, kdEpochs }, dataset: ds.name, backend }, null, 2));
    } finally {
      engine.dispose();
    }
    return 0;
  },
};
