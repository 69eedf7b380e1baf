/**
 * `sweep`: validation NDCG@10 of the KD student over a grid of temperatures and α — the
 * measurement the defaults are chosen from (never the test item).
 */
import { writeFile } from 'node:fs/promises';
import { DistillEngine } from '../../train/engine.ts';
import { DEFAULT_SWEEP, type BackendName, type Settings } from '../../settings/defaults.ts';
import { SETTINGS } from '../../settings/table.ts';
import { runSweep } from '../../train/sweep.ts';
import { parseArgs, stringFlag } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { applyFlags, flag, flagSpec, flagUsage, plain, readChoice, type FlagDoc } from '../settingFlags.ts';
import { CLI_BASE, RUN_FLAGS } from './distill.ts';
import { loadData, makeSplit, nodeBackend, teacherFromFlags, trainTeacher } from '../experiment.ts';

// the studio's sweep panel offers the same grid first, so the CLI and the lesson quote one grid; the CLI trains 6 epochs per cell
const BASE: Settings = { ...CLI_BASE, sweep: { ...DEFAULT_SWEEP, epochs: 6 } };
const F = RUN_FLAGS;
const G = {
  temperature: flag(SETTINGS.sweepTemperatures, { help: "temperatures (the sweep panel's grid)" }),
  alpha: flag(SETTINGS.sweepAlphas),
  epochs: flag(SETTINGS.sweepEpochs),
};
const FLAGS: readonly FlagDoc[] = [
  G.temperature, G.alpha, F.loss, G.epochs, F.unseenOnly, F.data, F.titles, F.seed, F.splitSeed, F.lr, F.kdLr, F.studentDim, F.teacher, F.teacherEpochs, F.backend,
  plain('json', '<file>', 'write {"temperature":[…],"alpha":[…],"valNdcg10":[[…]],"studentAlone":…}'),
];

const USAGE = `usage: npm run cli -- sweep [flags]

Trains the KD student for every (T, α) and prints the grid of validation NDCG@10 (best epoch on
validation), beside the student alone's. The teacher comes from the shipped checkpoint when it fits.

${flagUsage(FLAGS, BASE)}`;

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'grid of validation NDCG@10 over temperature × α',
  usage: USAGE,
  flags: [FLAGS],
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, flagSpec(FLAGS));
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const settings = applyFlags(args, FLAGS, BASE);
    const { temperatures: temps, alphas, epochs } = settings.sweep;
    // the base run's T and α are the grid's first (each cell sets its own)
    const c = settings.train;
    const base = { ...c, distill: { ...c.distill, temperature: temps[0], alpha: alphas[0] } };
    const backend = await nodeBackend(readChoice<BackendName>(args, F.backend), io);
    const dataPath = stringFlag(args, 'data');
    const ds = await loadData(dataPath, stringFlag(args, 'titles'));
    const split = makeSplit(ds, settings.splitSeed);
    let teacher = await teacherFromFlags(stringFlag(args, 'teacher'), dataPath, split, base, io);
    if (!teacher) {
      const e = new DistillEngine(split, base);
      await trainTeacher(e, base.teacherEpochs, io);
      const { readWeights } = await import('../../models/recommender.ts');
      teacher = await readWeights(e.teacher);
      e.dispose();
    }
    const { baseline: s, grid: fits, seconds } = await runSweep(split, base, teacher, { temperatures: temps, alphas, epochs }, {
      valUsers: split.evalUsers,
      onBaseline: (r) => io.stderr(`student alone: val NDCG@10 ${r.bestVal.ndcg.toFixed(4)} (epoch ${r.bestEpoch})\n`),
      onCell: (ti, ai, r) => io.stderr(`T=${temps[ti]} α=${alphas[ai]}: val NDCG@10 ${r.bestVal.ndcg.toFixed(4)} (epoch ${r.bestEpoch})\n`),
    });
    const grid = fits.map((row) => row.map((r) => r.bestVal.ndcg));
    const w = 9;
    let out = `validation NDCG@10 of the KD student (${base.distill.loss}, ${epochs} epochs, best epoch on validation); student alone ${s.bestVal.ndcg.toFixed(4)}\n`;
    out += 'T \\ α'.padEnd(8) + alphas.map((a) => String(a).padStart(w)).join('') + '\n';
    temps.forEach((T, i) => (out += String(T).padEnd(8) + grid[i].map((v) => v.toFixed(4).padStart(w)).join('') + '\n'));
    out += `${temps.length * alphas.length} cells in ${seconds.toFixed(0)} s on ${backend}\n`;
    io.stdout(out);
    const json = stringFlag(args, 'json');
    if (json) await writeFile(json, JSON.stringify({ loss: base.distill.loss, epochs, temperature: temps, alpha: alphas, valNdcg10: grid, studentAlone: s.bestVal.ndcg, seconds }, null, 2));
    return 0;
  },
};
