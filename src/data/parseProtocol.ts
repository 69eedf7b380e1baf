/**
 * Messages between the app and the parse worker (parseWorker.ts). One discriminated union per
 * direction, so a `switch (msg.type)` narrows without casts. Type-only: importing this file
 * pulls no code into either side.
 */
import type { DataText } from './messages.ts';
import type { Dataset, DatasetStats, ParseOptions, RatingsFormat, Split } from './types.ts';

/** Parse options that can cross a thread boundary (no callbacks). */
export type ParseRequestOptions = Omit<ParseOptions, 'onProgress'> & {
  /** Titles layout; detected by default. */
  titlesFormat?: 'uitem' | 'movies' | 'books' | 'generic' | 'auto';
  /** Dataset name; the ratings file name by default. */
  name?: string;
  /** Also split the dataset (splitFor) with this seed, so a big file's split is not made on the page's thread. */
  splitSeed?: number;
};

/** App → worker: parse these files. `id` pairs replies with the request. */
export interface ParseRequest {
  type: 'parse';
  id: number;
  ratings: ArrayBuffer;
  ratingsName: string;
  titles?: ArrayBuffer;
  titlesName?: string;
  options?: ParseRequestOptions;
}

/** Worker → app: a share of the work is done (0..1, increasing). */
export interface ParseProgress {
  type: 'progress';
  id: number;
  fraction: number;
}

/** Worker → app: the dataset, its statistics and what the parser noticed. */
export interface ParseDone {
  type: 'done';
  id: number;
  dataset: Dataset;
  stats: DatasetStats;
  format: RatingsFormat;
  hasHeader: boolean;
  /** 1-based line numbers skipped in the ratings file. */
  skippedLines: number[];
  /** Number of titles read, when a titles file was given. */
  titleCount: number | null;
  /** The split, when the request named a split seed. */
  split?: Split;
}

/** Worker → app: the file was refused (message names the file and line) or the parser failed. */
export interface ParseFailed {
  type: 'error';
  id: number;
  /** The English sentence (or a parser bug's message). */
  message: string;
  line?: number;
  /** A refusal's sentence as key + values, for the studio's language; absent for a bug. */
  text?: DataText | string;
}

/** Everything the app sends the parse worker. */
export type ParseWorkerRequest = ParseRequest;
/** Everything the parse worker sends back. */
export type ParseWorkerResponse = ParseProgress | ParseDone | ParseFailed;
