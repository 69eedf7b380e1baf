/**
 * `inspect <ratings> [--titles <file>]`: parse a ratings file the way the app does and print
 * what it found as JSON — the quickest way to see why a file is refused or how it was read.
 */
import { describeColumns } from '../../data/columns.ts';
import { isDataError } from '../../data/errors.ts';
import { english } from '../../data/messages.ts';
import { ingest } from '../../data/ingest.ts';
import type { ColumnMap, RatingsFormat } from '../../data/types.ts';
import { choiceFlag, parseArgs, stringFlag } from '../args.ts';
import { UsageError, type CliIO, type Command } from '../command.ts';
import { readInput } from '../files.ts';

const FORMATS = ['auto', 'udata', 'dat', 'csv', 'tsv', 'semicolon'] as const;
const TITLE_FORMATS = ['auto', 'uitem', 'movies', 'books', 'generic'] as const;

const USAGE = `usage: npm run cli -- inspect <ratings file> [flags]

Parses a ratings file (u.data, ratings.dat, ratings.csv, any CSV/TSV; .gz accepted) and prints
JSON: users, items, interactions, format, hasTimestamps, skippedLines, warnings, ...

flags:
  --format auto|udata|dat|csv|tsv|semicolon   layout (default: detected)
  --header auto|yes|no                         whether line 1 is a header (default: detected)
  --columns user=1,item=2[,rating=3][,timestamp=4]   1-based columns (default: from the header)
  --titles <file>                              titles file (u.item, movies.csv, books.csv, id,title)
  --titles-format auto|uitem|movies|books|generic`;

/** What `inspect` prints on success. */
export interface InspectReport {
  file: string;
  format: RatingsFormat;
  encoding: string;
  delimiter: string;
  hasHeader: boolean;
  /** e.g. "user 1, item 2, rating 3, timestamp 4" (1-based, as in messages). */
  columns: string;
  users: number;
  items: number;
  interactions: number;
  /** Data lines accepted before duplicates were merged. */
  acceptedLines: number;
  duplicatesDropped: number;
  hasRatings: boolean;
  hasTimestamps: boolean;
  density: number;
  perUser: { min: number; median: number; max: number };
  ratingHistogram: { value: number; count: number }[] | null;
  skippedLines: number[];
  warnings: string[];
  titles?: number;
  titlesFormat?: string;
  itemsWithoutTitle?: number;
}

/**
 * Runs inspect on already-parsed flags' files and returns the report (no printing).
 *
 * @throws DataError when a file is refused
 */
export async function inspectFiles(
  ratingsPath: string,
  opts: { format?: RatingsFormat | 'auto'; header?: boolean | 'auto'; columns?: ColumnMap; titlesPath?: string; titlesFormat?: (typeof TITLE_FORMATS)[number] } = {},
): Promise<InspectReport> {
  const ratings = await readInput(ratingsPath);
  const titles = opts.titlesPath ? await readInput(opts.titlesPath) : null;
  const r = await ingest(ratings, titles, {
    format: opts.format,
    header: opts.header,
    columns: opts.columns,
    titlesFormat: opts.titlesFormat,
  });
  const { table, dataset, stats } = r;
  const report: InspectReport = {
    file: ratingsPath,
    format: table.format,
    encoding: r.encoding,
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    columns: describeColumns(table.columns),
    users: stats.users,
    items: stats.items,
    interactions: stats.interactions,
    acceptedLines: table.users.length,
    duplicatesDropped: table.users.length - stats.interactions,
    hasRatings: stats.hasRatings,
    hasTimestamps: stats.hasTimestamps,
    density: stats.density,
    perUser: { min: stats.minPerUser, median: stats.medianPerUser, max: stats.maxPerUser },
    ratingHistogram: stats.ratingHistogram,
    skippedLines: table.skippedLines,
    warnings: dataset.warnings.map(english),
  };
  if (r.titles && dataset.titles) {
    report.titles = r.titles.titles.size;
    report.titlesFormat = r.titles.format;
    report.itemsWithoutTitle = dataset.titles.filter((t) => t === null).length;
  }
  return report;
}

/** `--columns user=1,item=2,rating=3` → zero-based ColumnMap. */
export function parseColumnsFlag(value: string): ColumnMap {
  const out: Partial<ColumnMap> = {};
  for (const part of value.split(',')) {
    const m = /^\s*(user|item|rating|timestamp)\s*=\s*(\d+)\s*$/.exec(part);
    if (!m || Number(m[2]) < 1) throw new UsageError(`--columns: cannot read "${part}" (expected e.g. user=1)`);
    out[m[1] as keyof ColumnMap] = Number(m[2]) - 1;
  }
  if (out.user === undefined || out.item === undefined) throw new UsageError('--columns must give user and item');
  return out as ColumnMap;
}

/** `inspect <ratings> [--format …] [--titles <file>]`: JSON report on stdout, or `error: <sentence>` on stderr and exit 1. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'parse a ratings file (and titles) and print what was read, as JSON',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, { format: 'string', titles: 'string', 'titles-format': 'string', header: 'string', columns: 'string' });
    if (args.positionals.length !== 1) throw new UsageError('inspect needs exactly one ratings file');
    const header = choiceFlag(args, 'header', ['auto', 'yes', 'no'] as const);
    const columns = stringFlag(args, 'columns');
    const opts = {
      format: choiceFlag(args, 'format', FORMATS),
      header: header === 'yes' ? true : header === 'no' ? false : 'auto',
      columns: columns === undefined ? undefined : parseColumnsFlag(columns),
      titlesPath: stringFlag(args, 'titles'),
      titlesFormat: choiceFlag(args, 'titles-format', TITLE_FORMATS),
    } as const;
    try {
      const report = await inspectFiles(args.positionals[0], opts);
      io.stdout(JSON.stringify(report, null, 2) + '\n');
      return 0;
    } catch (e) {
      if (!isDataError(e)) throw e;
      io.stderr(`error: ${e.message}\n`);
      return 1;
    }
  },
};
