/**
 * The dataset that is there on first open: goodbooks-2k, shipped under public/ (see
 * public/data/goodbooks-2k/README.md). Its license (CC BY-SA 4.0) requires the attribution
 * below wherever the dataset is presented.
 */
import { isGzip } from './gzip.ts';
import { ingest } from './ingest.ts';
import type { Dataset } from './types.ts';

/** Name, files (relative to the site root / public/) and expected counts of the built-in dataset. */
export const BUILTIN_DATASET = {
  name: 'goodbooks-2k',
  ratingsPath: 'data/goodbooks-2k/ratings.csv.gz',
  titlesPath: 'data/goodbooks-2k/books.csv',
  /** What a correct load gives; tests and a sanity check in the app compare against these. */
  expected: { users: 2668, items: 2000, interactions: 201701, titles: 2000 },
} as const;

/** Attribution for a derived dataset under a Creative Commons license. */
export interface DatasetAttribution {
  /** The original work. */
  title: string;
  author: string;
  url: string;
  license: string;
  licenseUrl: string;
  /** What was changed, as the license asks. */
  changes: string;
  /** The license of the derived dataset itself. */
  derivedLicense: string;
}

/** Attribution of goodbooks-2k, from the "License and attribution" section of its README. */
export const BUILTIN_ATTRIBUTION: DatasetAttribution = {
  title: 'goodbooks-10k',
  author: 'Zygmunt Zając',
  url: 'https://github.com/zygmuntz/goodbooks-10k',
  license: 'CC BY-SA 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
  changes:
    'A random subset of users (via fant0md/minor-goodbooks-recommender), restricted to the 2,000 ' +
    'most-rated books and to users with at least 5 ratings among them; metadata reduced to id, ' +
    'title, authors and year; ratings file gzip-compressed.',
  derivedLicense: 'goodbooks-2k is licensed under CC BY-SA 4.0 as well.',
};

/**
 * Loads the built-in dataset through a byte reader, so the same code runs in the browser
 * (`fetch`) and in Node (`readFile` under public/).
 *
 * @param readBytes reads a path relative to the site root, e.g. `data/goodbooks-2k/books.csv`
 * @example
 * const ds = await loadBuiltin(async (p) => new Uint8Array(await (await fetch(import.meta.env.BASE_URL + p)).arrayBuffer()));
 * ds.nUsers // → 2668
 */
export async function loadBuiltin(readBytes: (relPath: string) => Promise<Uint8Array>): Promise<Dataset> {
  const [ratings, titles] = await Promise.all([
    readBytes(BUILTIN_DATASET.ratingsPath),
    readBytes(BUILTIN_DATASET.titlesPath),
  ]);
  const { dataset } = await ingest(
    // Some servers send .gz files with Content-Encoding: gzip, and fetch then hands back plain text.
    { bytes: ratings, name: isGzip(ratings) ? 'ratings.csv.gz' : 'ratings.csv' },
    { bytes: titles, name: 'books.csv' },
    { name: BUILTIN_DATASET.name, source: 'builtin', format: 'csv' },
  );
  return dataset;
}
