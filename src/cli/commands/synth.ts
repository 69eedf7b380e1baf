/**
 * `synth-ratings`: writes a MovieLens-shaped u.data file whose stars follow latent structure
 * (data/synthRatings.ts), e.g. a stand-in for MovieLens 100K for `distill --task rating`.
 */
import { writeFile } from 'node:fs/promises';
import { ML100K_SHAPE, synthesizeRatings, toUData } from '../../data/synthRatings.ts';
import { SETTINGS } from '../../settings/table.ts';
import { parseArgs, stringFlag } from '../args.ts';
import { flag, flagSpec, flagUsage, plain, readNumber, type FlagDoc } from '../settingFlags.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';

const S = {
  users: flag(SETTINGS.synthUsers, { fallback: ML100K_SHAPE.users }),
  items: flag(SETTINGS.synthItems, { fallback: ML100K_SHAPE.items }),
  ratings: flag(SETTINGS.synthRatings, { fallback: ML100K_SHAPE.ratings }),
  factors: flag(SETTINGS.synthFactors, { fallback: 20 }),
  seed: flag(SETTINGS.synthSeed, { fallback: 1 }),
};
const FLAGS: readonly FlagDoc[] = [plain('out', '<file>', 'where to write (required)'), S.users, S.items, S.ratings, S.factors, S.seed];

const USAGE = `usage: npm run cli -- synth-ratings --out <file> [flags]

Writes a u.data-style file (user, item, rating 1-5, timestamp; tab-separated) with
MovieLens 100K's shape by default and ratings drawn from biases + latent taste + noise.

${flagUsage(FLAGS)}`;

export const synthRatingsCommand: Command = {
  name: 'synth-ratings',
  summary: 'write a MovieLens-shaped ratings file with latent structure in its stars',
  usage: USAGE,
  flags: [FLAGS],
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, flagSpec(FLAGS));
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('--out <file> is required');
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const ds = synthesizeRatings({
      users: readNumber(args, S.users),
      items: readNumber(args, S.items),
      ratings: readNumber(args, S.ratings),
      factors: readNumber(args, S.factors),
      seed: readNumber(args, S.seed),
    });
    await writeFile(out, toUData(ds));
    io.stdout(`${out}: ${ds.nUsers} users, ${ds.nItems} items, ${ds.users.length} ratings\n`);
    return 0;
  },
};
