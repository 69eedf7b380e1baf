/**
 * `bench-parse [--lines N] [--runs R]`: times the ratings parser on a generated u.data-style
 * file (never a real MovieLens file), median of R runs. Numbers, not a pass/fail test.
 */
import { generateUData } from '../../data/__fixtures__/movielensLike.ts';
import { ingest } from '../../data/ingest.ts';
import { parseRatings } from '../../data/ratings.ts';
import { SETTINGS } from '../../settings/table.ts';
import { parseArgs } from '../args.ts';
import { flag, flagSpec, flagUsage, readNumber, type FlagDoc } from '../settingFlags.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';

/** Timings of one benchmark, in milliseconds. */
export interface ParseBenchResult {
  lines: number;
  bytes: number;
  runs: number;
  /** text → RatingsTable. */
  parseMs: number[];
  medianParseMs: number;
  /** bytes → decode → parse → dataset (duplicates resolved) → stats. */
  ingestMs: number[];
  medianIngestMs: number;
}

/**
 * Generates a file of `lines` lines (6,040 users × 3,706 items, MovieLens 1M's shape) and times
 * parsing it `runs` times.
 */
export async function benchParse(lines: number, runs: number): Promise<ParseBenchResult> {
  const users = Math.max(1, Math.min(6040, Math.floor(lines / 20)));
  const items = Math.max(1, Math.min(3706, Math.ceil(lines / users) * 4));
  const text = generateUData({ users, items, lines: Math.max(lines, users, items), seed: 7 });
  const bytes = new TextEncoder().encode(text);
  const parseMs: number[] = [];
  const ingestMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t0 = performance.now();
    parseRatings(text);
    parseMs.push(performance.now() - t0);
    t0 = performance.now();
    await ingest({ bytes, name: 'u.data' }, null);
    ingestMs.push(performance.now() - t0);
  }
  return {
    lines,
    bytes: bytes.length,
    runs,
    parseMs: parseMs.map(round),
    medianParseMs: round(median(parseMs)),
    ingestMs: ingestMs.map(round),
    medianIngestMs: round(median(ingestMs)),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  return m % 2 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const B = {
  lines: flag(SETTINGS.benchLines, { fallback: 1_000_000, help: 'lines of the generated file' }),
  runs: flag(SETTINGS.benchRuns, { fallback: 3, help: 'runs; the median is reported' }),
};
const FLAGS: readonly FlagDoc[] = [B.lines, B.runs];

/** `bench-parse [--lines N] [--runs R]`: prints {@link ParseBenchResult} as JSON. */
export const benchParseCommand: Command = {
  name: 'bench-parse',
  summary: 'time the ratings parser on a generated u.data-style file (median of runs)',
  usage: `usage: npm run cli -- bench-parse [flags]\n\n${flagUsage(FLAGS)}`,
  flags: [FLAGS],
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, flagSpec(FLAGS));
    if (args.positionals.length > 0) throw new UsageError('bench-parse takes no file');
    const result = await benchParse(readNumber(args, B.lines), readNumber(args, B.runs));
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    return 0;
  },
};
