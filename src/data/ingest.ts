/**
 * Files → Dataset in one call: size check, gunzip (.gz or gzip magic), decode, parse ratings and
 * titles, build, stats. Shared by the parse worker, the built-in loader and the CLI so all three
 * read a file the same way. Messages are prefixed with the file name, as two files are involved.
 */
import { DataError, isDataError } from './errors.ts';
import { dataText } from './messages.ts';
import { decodeText, type DecodedText, type TextEncodingName } from './decode.ts';
import { buildDataset } from './dataset.ts';
import { gunzip, isGzip } from './gzip.ts';
import { checkFileSize } from './limits.ts';
import { parseRatings } from './ratings.ts';
import { datasetStats } from './stats.ts';
import { parseTitles, type TitlesOptions } from './titles.ts';
import type { Dataset, DatasetStats, ParseOptions, RatingsTable, TitlesTable } from './types.ts';

/** A file as bytes with the name it was dropped or stored under (e.g. `u.data`, `ratings.csv.gz`). */
export interface NamedBytes {
  bytes: Uint8Array;
  name: string;
}

/** Everything {@link ingest} produced, for callers that show more than the dataset. */
export interface IngestResult {
  table: RatingsTable;
  titles: TitlesTable | null;
  dataset: Dataset;
  stats: DatasetStats;
  /** How the ratings file was decoded. */
  encoding: TextEncodingName;
}

/** Options of {@link ingest}: how to parse, and how to label the result. */
export interface IngestOptions extends ParseOptions {
  /** Titles layout; detected by default. */
  titlesFormat?: TitlesOptions['format'];
  /** Dataset name; the ratings file name without .gz by default. */
  name?: string;
  source?: Dataset['source'];
}

/**
 * Reads one file to text: refuses it when over the size limit (before and after gunzip),
 * gunzips when the name ends in .gz or the bytes are gzip, and decodes it.
 *
 * @throws DataError naming the file
 */
export async function readText(file: NamedBytes): Promise<DecodedText> {
  checkFileSize(file.bytes.length, file.name);
  const bytes = isGzip(file.bytes) || /\.gz$/i.test(file.name) ? await withName(file.name, () => gunzip(file.bytes)) : file.bytes;
  return decodeText(bytes, file.name);
}

/**
 * Ratings (and optionally titles) bytes → dataset and statistics. `onProgress` receives 0..1
 * across all stages.
 *
 * @throws DataError whose message starts with the file name, e.g. `u.data: line 57: expected 4 fields, found 5: "…"`
 * @example const { dataset, stats } = await ingest({ bytes, name: 'u.data' }, null, { source: 'upload' });
 */
export async function ingest(
  ratings: NamedBytes,
  titles: NamedBytes | null,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const progress = options.onProgress;
  progress?.(0);
  const ratingsText = await readText(ratings);
  progress?.(0.1);
  const table = await withName(ratings.name, async () =>
    parseRatings(ratingsText.text, {
      ...options,
      onProgress: progress && ((f) => progress(0.1 + 0.75 * f)),
    }),
  );
  table.warnings.unshift(...ratingsText.warnings);
  let titlesTable: TitlesTable | null = null;
  if (titles) {
    const titlesText = await readText(titles);
    titlesTable = await withName(titles.name, async () =>
      parseTitles(titlesText.text, { format: options.titlesFormat, fileName: titles.name }),
    );
    titlesTable.warnings = [...titlesText.warnings, ...titlesTable.warnings.map((w) => dataText('data.inFile', { name: titles.name, text: w }))];
    progress?.(0.95);
  }
  const name = options.name ?? ratings.name.replace(/\.gz$/i, '');
  const dataset = buildDataset(table, titlesTable, name, options.source ?? 'upload');
  const stats = datasetStats(dataset);
  progress?.(1);
  return { table, titles: titlesTable, dataset, stats, encoding: ratingsText.encoding };
}

async function withName<T>(name: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isDataError(e) && !e.message.startsWith(`${name}:`) && !e.message.startsWith(name)) {
      throw new DataError(dataText('data.inFile', { name, text: e.text }), e.line);
    }
    throw e;
  }
}
