/**
 * `sweep`: validation NDCG@10 of the KD student over a grid of temperatures and α — the
 * measurement the defaults are chosen from (never the test item).
 */
import { writeFile } from 'node:fs/promises';
import { DistillEngine } from '../../train/engine.ts';
import { fitRole } from '../../train/fit.ts';
import type { BackendName } from '../../train/protocol.ts';
import { intFlag, parseArgs, stringFlag } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { configFromFlags } from './distill.ts';
import { loadData, makeSplit, nodeBackend, numberList, teacherFromFlags, trainTeacher } from '../experiment.ts';

const USAGE = `usage: npm run cli -- sweep [flags]

Trains the KD student for every (T, α) and prints the grid of validation NDCG@10 (best epoch on
validation), beside the student alone's. The teacher comes from the shipped checkpoint when it fits.

flags:
  --temperature 0.5,1,2,4   temperatures (default 0.5,1,2,4)
  --alpha 0.5,0.9,1         α values (default 0.5,0.9,1)
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
    const temps = numberList(stringFlag(args, 'temperature') ?? '0.5,1,2,4', 'temperature');
    const alphas = numberList(stringFlag(args, 'alpha') ?? '0.5,0.9,1', 'alpha');
    const base = configFromFlags({ ...args, flags: { ...args.flags, temperature: String(temps[0]), alpha: String(alphas[0]) } });
    const epochs = intFlag(args, 'epochs', 6, 1, 500);
    const backend = await nodeBackend((stringFlag(args, 'backend') ?? 'wasm') as BackendName, io);
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
    const t0 = performance.now();
    const alone = new DistillEngine(split, base, teacher);
    const s = await fitRole(alone, 'student', { epochs, valUsers: split.evalUsers });
    alone.dispose();
    io.stderr(`student alone: val NDCG@10 ${s.bestVal.ndcg.toFixed(4)} (epoch ${s.bestEpoch})\n`);
    const grid: number[][] = [];
    for (const T of temps) {
      const row: number[] = [];
      for (const a of alphas) {
        const e = new DistillEngine(split, { ...base, distill: { ...base.distill, temperature: T, alpha: a } }, teacher);
        const r = await fitRole(e, 'kd', { epochs, valUsers: split.evalUsers });
        e.dispose();
        row.push(r.bestVal.ndcg);
        io.stderr(`T=${T} α=${a}: val NDCG@10 ${r.bestVal.ndcg.toFixed(4)} (epoch ${r.bestEpoch})\n`);
      }
      grid.push(row);
    }
    const seconds = (performance.now() - t0) / 1000;
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
