/**
 * `synth-ratings`: writes a MovieLens-shaped u.data file whose stars follow latent structure
 * (data/synthRatings.ts), e.g. a stand-in for MovieLens 100K for `distill --task rating`.
 */
import { writeFile } from 'node:fs/promises';
import { ML100K_SHAPE, synthesizeRatings, toUData } from '../../data/synthRatings.ts';
import { intFlag, parseArgs, stringFlag } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';

const USAGE = `usage: npm run cli -- synth-ratings --out <file> [flags]

Writes a u.data-style file (user, item, rating 1-5, timestamp; tab-separated) with
MovieLens 100K's shape by default and ratings drawn from biases + latent taste + noise.

flags:
  --out <file>      where to write (required)
  --users N         default ${ML100K_SHAPE.users}
  --items N         default ${ML100K_SHAPE.items}
  --ratings N       default ${ML100K_SHAPE.ratings}
  --factors K       latent taste factors (default 20)
  --seed S          default 1`;

export const synthRatingsCommand: Command = {
  name: 'synth-ratings',
  summary: 'write a MovieLens-shaped ratings file with latent structure in its stars',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, { out: 'string', users: 'string', items: 'string', ratings: 'string', factors: 'string', seed: 'string' });
    const out = stringFlag(args, 'out');
    if (!out) throw new UsageError('--out <file> is required');
    if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
    const ds = synthesizeRatings({
      users: intFlag(args, 'users', ML100K_SHAPE.users),
      items: intFlag(args, 'items', ML100K_SHAPE.items, 2),
      ratings: intFlag(args, 'ratings', ML100K_SHAPE.ratings),
      factors: intFlag(args, 'factors', 20, 1, 512),
      seed: intFlag(args, 'seed', 1, 0),
    });
    await writeFile(out, toUData(ds));
    io.stdout(`${out}: ${ds.nUsers} users, ${ds.nItems} items, ${ds.users.length} ratings\n`);
    return 0;
  },
};
