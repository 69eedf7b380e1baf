/**
 * `sweep`: validation NDCG@10 of the KD student over a grid of temperatures and α — the
 * measurement the defaults are chosen from (never the test item).
 */
import { writeFile } from 'node:fs/promises';
import { DistillEngine } from '../../train/engine.ts';
import { BACKENDS, DEFAULT_SWEEP } from '../../train/protocol.ts';
import { runSweep } from '../../train/sweep.ts';
import { choiceFlag, intFlag, numberListFlag, parseArgs, stringFlag } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { configFromFlags } from './distill.ts';
import { loadData, makeSplit, nodeBackend, teacherFromFlags, trainTeacher } from '../experiment.ts';

// the studio's sweep panel offers the same grid first, so the CLI and the lesson quote one grid
const GRID = { temperature: DEFAULT_SWEEP.temperatures.join(','), alpha: DEFAULT_SWEEP.alphas.join(',') };

const USAGE = `usage: npm run cli -- sweep [flags]

Trains the KD student for every (T, α) and prints the grid of validation NDCG@10 (best epoch on
validation), beside the student alone's. The teacher comes from the shipped checkpoint when it fits.

flags:
  --temperature ${GRID.temperature}  temperatures (default ${GRID.temperature}, the sweep panel's)
  --alpha ${GRID.alpha}         α values (default ${GRID.alpha})
  --loss soft|mse|rank|hint  distillation term (default soft)
  --epochs N                student epochs per cell (default 6)
  --unseen-only, --all-items  as in distill
  --data, --titles, --seed, --split-seed, --lr, --kd-lr, --teacher, --teacher-epochs, --backend as in distill
  --json <file>             write {"temperature":[…],"alpha":[…],"valNdcg10":[[…]],"studentAlone":…}`;

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'grid of validation NDCG@10 over temperature × α',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, {
      data: 'string', titles: 'string', epochs: 'string', 'teacher-epochs': 'string', seed: 'string', 'split-seed': 'string',
      temperature: 'string', alpha: 'string', loss: 'string', 'student-dim': 'string', lr: 'string', 'kd-lr': 'string', 'unseen-only': 'boolean', 'all-items': 'boolean', teacher: 'string', backend: 'string', json: 'string',
    });
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const temps = numberListFlag(args, 'temperature', DEFAULT_SWEEP.temperatures);
    const alphas = numberListFlag(args, 'alpha', DEFAULT_SWEEP.alphas);
    const base = configFromFlags({ ...args, flags: { ...args.flags, temperature: String(temps[0]), alpha: String(alphas[0]) } });
    const epochs = intFlag(args, 'epochs', 6, 1, 500);
    const backend = await nodeBackend(choiceFlag(args, 'backend', BACKENDS, 'wasm'), io);
    const dataPath = stringFlag(args, 'data');
    const ds = await loadData(dataPath, stringFlag(args, 'titles'));
    const split = makeSplit(ds, intFlag(args, 'split-seed', 1, 0));
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
