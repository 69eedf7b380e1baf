/**
 * The shapes that flow out of data/: a parsed ratings table, a dense dataset, its statistics and
 * its leave-one-out split. Pure types; data/ imports no tf, DOM or React (see eslint zones in README).
 * Everything is columnar (typed arrays) so a million-row file stays cheap to hold and to post
 * between threads.
 */
import type { DataText } from './messages.ts';

/** A ratings layout the parser knows by name; `auto` asks it to detect one. */
export type RatingsFormat = 'udata' | 'dat' | 'csv' | 'tsv' | 'semicolon';

/** Zero-based column positions in a delimited ratings file. */
export interface ColumnMap {
  user: number;
  item: number;
  rating?: number;
  timestamp?: number;
}

/** What a caller may say about a ratings file; everything not given is detected. */
export interface ParseOptions {
  /** Layout; `auto` (default) detects it from the first lines. */
  format?: RatingsFormat | 'auto';
  /** Column mapping for generic CSV/TSV/semicolon files; detected from a header when omitted. */
  columns?: ColumnMap;
  /** Whether line 1 is a header; `auto` (default) decides from its content. */
  header?: boolean | 'auto';
  /** Called with 0..1 while parsing, at most every few thousand lines. */
  onProgress?: (fraction: number) => void;
}

/** A parsed ratings file, before any filtering: one entry per accepted line. */
export interface RatingsTable {
  format: RatingsFormat;
  delimiter: string;
  hasHeader: boolean;
  /** Header cells when there was a header, else null. */
  header: string[] | null;
  columns: ColumnMap;
  /** Dense index → the id as written in the file (ids are opaque keys). */
  userKeys: string[];
  itemKeys: string[];
  /** Per accepted line, in file order: dense user and item index. */
  users: Int32Array;
  items: Int32Array;
  /** Per accepted line; null when the file has no rating / timestamp column. */
  ratings: Float32Array | null;
  timestamps: Float64Array | null;
  /** Per accepted line: its 1-based line number in the file (for messages about duplicates). */
  lines?: Int32Array;
  /** 1-based line numbers of lines that were skipped (bad or repeated header). */
  skippedLines: number[];
  /** Sentences for the person, each naming its line(s) where there is one. */
  warnings: DataText[];
}

/** Item metadata read from a titles file (u.item, movies.csv, books.csv). */
export interface TitlesTable {
  format: 'uitem' | 'movies' | 'books' | 'generic';
  /** Item id as written → title. */
  titles: Map<string, string>;
  /** Item id → publication / release year, where the file has one. */
  years: Map<string, number>;
  /** Item id → genres, where the file has them. */
  genres: Map<string, string[]>;
  /** Item id → authors as written (books.csv), where the file has them. */
  authors?: Map<string, string>;
  skippedLines: number[];
  warnings: DataText[];
}

/** A dataset ready for splitting: dense 0..n-1 ids, duplicates resolved. */
export interface Dataset {
  name: string;
  source: 'builtin' | 'upload' | 'synthetic';
  nUsers: number;
  nItems: number;
  userKeys: string[];
  itemKeys: string[];
  /** One entry per interaction; file order preserved (row order can serve as time). */
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array | null;
  timestamps: Float64Array | null;
  /** Per dense item: its title, or null where none is known. Null when no titles were given. */
  titles: (string | null)[] | null;
  /** The name data/ made up (the synthetic demo) as key + values; `name` holds it in English. */
  nameText?: DataText;
  /** Per dense item, titles data/ made up (the synthetic demo) as key + values, so they read in the studio's language; `titles` holds them in English. */
  titleTexts?: DataText[];
  /** Per dense item: year, NaN where unknown. Null when not known at all. */
  years: Float64Array | null;
  /** Sentences carried over from parsing (skipped lines, duplicates merged, ...). */
  warnings: DataText[];
}

/** Numbers the dataset panel shows. */
export interface DatasetStats {
  users: number;
  items: number;
  interactions: number;
  /** interactions / (users · items). */
  density: number;
  hasRatings: boolean;
  hasTimestamps: boolean;
  minPerUser: number;
  medianPerUser: number;
  maxPerUser: number;
  /** Histogram of interactions per user: bin i counts users with edges[i] ≤ n < edges[i+1]. */
  perUserHistogram: { edges: number[]; counts: number[] };
  /** Counts per distinct rating value, ascending, when there are ratings. */
  ratingHistogram: { value: number; count: number }[] | null;
}

/** How to hold out each user's last interactions. */
export interface SplitOptions {
  seed: number;
  /** `timestamp` needs timestamps; `row` treats file order as time; `random` is seeded. */
  order: 'timestamp' | 'row' | 'random';
  /** A user needs at least this many interactions to get a validation and a test item (default 3). */
  minInteractions?: number;
}

/**
 * Leave-one-out split with a validation item. Users with too few interactions keep all of them in
 * train and are not evaluated. Training examples are (user, train item) pairs.
 */
export interface Split {
  nUsers: number;
  nItems: number;
  /** One training example per (user, train item), grouped by user. */
  trainUsers: Int32Array;
  trainItems: Int32Array;
  /** CSR over users: train items of user u are histItems[histOffsets[u] .. histOffsets[u+1]), ascending. */
  histOffsets: Int32Array;
  histItems: Int32Array;
  /** Per user: held-out validation / test item, or -1 when the user is not evaluated. */
  valItem: Int32Array;
  testItem: Int32Array;
  /** Users with a validation and a test item, ascending. */
  evalUsers: Int32Array;
  /** The order actually used (random when timestamps were asked for but missing). */
  order: SplitOptions['order'];
  seed: number;
  /** The minimum number of interactions a user needed to be evaluated. */
  minInteractions?: number;
}
