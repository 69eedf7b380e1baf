/**
 * Titles files → TitlesTable: MovieLens u.item (`|`, Latin-1, 19 genre flags), MovieLens
 * movies.csv (RFC 4180, `|`-separated genres, year inside the title), goodbooks books.csv
 * (book_id,title,authors,year), MovieLens 1M movies.dat (id::title::genres) and a generic
 * id,title file. Titles are kept exactly as written (the UI renders them as text, never HTML).
 */
import { normalizeHeaderName, looksNumeric } from './columns.ts';
import { RecordReader, detectDelimiter, sampleRecords } from './delimited.ts';
import { DataError, excerpt, listLines } from './errors.ts';
import { dataText, type DataText } from './messages.ts';
import { MAX_BAD_SHARE } from './limits.ts';
import type { TitlesTable } from './types.ts';

/** The titles layouts data/ reads. */
export type TitlesFormat = TitlesTable['format'];

/** What a caller may say about a titles file. */
export interface TitlesOptions {
  /** Layout; `auto` (default) detects it from the file name and the first lines. */
  format?: TitlesFormat | 'auto';
  /** File name as dropped, e.g. `u.item`: a hint for detection only. */
  fileName?: string;
}

/** MovieLens 100K's genre flags in u.item, in column order. */
export const UITEM_GENRE_NAMES: readonly string[] = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary',
  'Drama', 'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi',
  'Thriller', 'War', 'Western',
];
const UITEM_FIELDS = 5 + UITEM_GENRE_NAMES.length;

const ID_NAMES = ['id', 'itemid', 'item', 'iid', 'movieid', 'bookid', 'isbn', 'asin', 'productid'];
const TITLE_NAMES = ['title', 'name', 'movietitle', 'booktitle', 'originaltitle', 'itemname'];
const YEAR_TITLE = /\((\d{4})\)\s*$/;

/**
 * Parses a titles file.
 *
 * @param text decoded file text (u.item is Latin-1: decode with decodeText)
 * @returns id → title, year (u.item release date, books.csv year, or "(1995)" at the end of a
 *   title), genres (u.item flags, movies.csv)
 * @throws DataError when the file is empty, header-only, has no id/title columns, or more than
 *   10% of its lines are bad (naming the first)
 * @example parseTitles('movieId,title,genres\n1,"Toy Story (1995)",Animation|Comedy\n').years.get('1') // → 1995
 */
export function parseTitles(text: string, options: TitlesOptions = {}): TitlesTable {
  const format = options.format && options.format !== 'auto' ? options.format : detectTitlesFormat(text, options.fileName);
  const acc = new Accumulator(format);
  if (format === 'uitem') readUItem(text, acc);
  else readDelimited(text, format, acc);
  return acc.finish();
}

/** The titles layout of a text, from its first lines (the file name breaks ties). */
export function detectTitlesFormat(text: string, fileName = ''): TitlesFormat {
  const firstPipe = sampleLines(text, 1)[0];
  if (firstPipe) {
    const cells = firstPipe.text.split('|');
    if (cells.length === UITEM_FIELDS && cells.slice(5).every((c) => c.trim() === '0' || c.trim() === '1')) {
      return 'uitem';
    }
  }
  if (/(^|[\\/])u\.item$/i.test(fileName)) return 'uitem';
  const first = sampleRecords(text, ',', 1)[0];
  const head = first ? first.fields.map(normalizeHeaderName) : [];
  if (head[0] === 'movieid' && head[1] === 'title') return 'movies';
  if (head[0] === 'bookid' && head[1] === 'title') return 'books';
  return 'generic';
}

class Accumulator {
  readonly titles = new Map<string, string>();
  readonly years = new Map<string, number>();
  readonly genres = new Map<string, string[]>();
  readonly authors = new Map<string, string>();
  readonly skippedLines: number[] = [];
  readonly warnings: DataText[] = [];
  private readonly details: DataText[] = [];
  private readonly badLines: number[] = [];
  private readonly duplicates: number[] = [];
  dataLines = 0;
  headerLine = 0;

  constructor(readonly format: TitlesFormat) {}

  bad(line: number, problem: DataText): void {
    this.skippedLines.push(line);
    this.badLines.push(line);
    if (this.details.length < 3) this.details.push(problem);
  }

  add(line: number, id: string, title: string): void {
    if (this.titles.has(id)) this.duplicates.push(line);
    this.titles.set(id, title);
  }

  finish(): TitlesTable {
    const bad = this.badLines.length;
    if (this.dataLines === 0) {
      if (this.headerLine) {
        throw new DataError(dataText('data.titles.headerNoData', { line: this.headerLine }), this.headerLine);
      }
      throw new DataError(dataText('data.titles.empty'));
    }
    if (bad > MAX_BAD_SHARE * this.dataLines || this.titles.size === 0) {
      throw new DataError(dataText('data.titles.tooManyBad', { bad, total: this.dataLines, first: this.details[0] ?? '' }), this.badLines[0] ?? null);
    }
    if (bad > 0) {
      this.warnings.push(dataText(bad === 1 ? 'data.titles.skippedOne' : 'data.titles.skippedMany', { bad, lines: listLines(this.badLines) }), ...this.details);
    }
    if (this.duplicates.length > 0) {
      this.warnings.push(dataText('data.titles.duplicateIds', { count: this.duplicates.length, line: this.duplicates[0] }));
    }
    const table: TitlesTable = {
      format: this.format,
      titles: this.titles,
      years: this.years,
      genres: this.genres,
      skippedLines: this.skippedLines,
      warnings: this.warnings,
    };
    if (this.authors.size > 0) table.authors = this.authors;
    return table;
  }
}

function sampleLines(text: string, max: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let line = 0;
  let p = 0;
  while (p <= text.length && out.length < max) {
    let e = text.indexOf('\n', p);
    if (e === -1) e = text.length;
    line++;
    const s = text.slice(p, e).replace(/\r$/, '');
    if (s.trim() !== '') out.push({ line, text: s });
    if (e === text.length) break;
    p = e + 1;
  }
  return out;
}

/** u.item has no quoting (titles may hold a lone "), so it is split on `|` line by line. */
function readUItem(text: string, acc: Accumulator): void {
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k].replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = k + 1;
    acc.dataLines++;
    const cells = raw.split('|');
    if (cells.length !== UITEM_FIELDS) {
      acc.bad(line, dataText('data.titles.uitemFields', { line, expected: UITEM_FIELDS, found: cells.length, excerpt: excerpt(raw) }));
      continue;
    }
    const id = cells[0].trim();
    if (id === '') {
      acc.bad(line, dataText('data.titles.emptyId', { line, column: 1, excerpt: excerpt(raw) }));
      continue;
    }
    const title = cells[1].trim();
    acc.add(line, id, title);
    const year = /(\d{4})\s*$/.exec(cells[2])?.[1] ?? YEAR_TITLE.exec(title)?.[1];
    if (year) acc.years.set(id, Number(year));
    const genres = UITEM_GENRE_NAMES.filter((_, g) => cells[5 + g].trim() === '1');
    acc.genres.set(id, genres);
  }
}

interface TitleColumns {
  id: number;
  title: number;
  year: number;
  genres: number;
  authors: number;
}

function readDelimited(text: string, format: TitlesFormat, acc: Accumulator): void {
  const delimiter = format === 'generic' ? (detectDelimiter(text, ['::', ',', '\t', ';', '|'])?.delimiter ?? ',') : ',';
  const reader = new RecordReader(text, delimiter);
  const f = reader.fields;
  let cols: TitleColumns | null = null;
  let header: string[] | null = null;
  while (reader.next()) {
    if (reader.count === 0) continue;
    const line = reader.line;
    if (!cols) {
      const names = f.slice(0, reader.count).map(normalizeHeaderName);
      const isHeader = format !== 'generic' || names.some((n) => ID_NAMES.includes(n) || TITLE_NAMES.includes(n));
      if (isHeader) {
        header = f.slice(0, reader.count);
        acc.headerLine = line;
        cols = titleColumns(names, line);
        continue;
      }
      if (reader.count < 2) {
        throw new DataError(dataText('data.titles.oneField', { line, excerpt: excerpt(reader.raw()) }), line);
      }
      // MovieLens 1M movies.dat is id::title::genres without a header: a known layout, no warning.
      const dat = delimiter === '::' && reader.count === 3;
      cols = { id: 0, title: 1, year: -1, genres: dat ? 2 : -1, authors: -1 };
      if (!dat) acc.warnings.push(dataText('data.titles.noHeader'));
    }
    if (header && reader.count === header.length && f[0] === header[0] && f[1] === header[1]) {
      acc.skippedLines.push(line);
      acc.warnings.push(dataText('data.titles.repeatedHeader', { line }));
      continue;
    }
    acc.dataLines++;
    const need = Math.max(cols.id, cols.title) + 1;
    if (reader.count < need) {
      acc.bad(line, dataText('data.titles.tooFewFields', { line, expected: need, found: reader.count, excerpt: excerpt(reader.raw()) }));
      continue;
    }
    const id = f[cols.id];
    if (id === '') {
      acc.bad(line, dataText('data.titles.emptyId', { line, column: cols.id + 1, excerpt: excerpt(reader.raw()) }));
      continue;
    }
    const title = f[cols.title];
    acc.add(line, id, title);
    const yearCell = cols.year >= 0 ? f[cols.year] : undefined;
    if (yearCell !== undefined && looksNumeric(yearCell)) acc.years.set(id, Number(yearCell));
    else if (cols.year < 0) {
      const y = YEAR_TITLE.exec(title)?.[1];
      if (y) acc.years.set(id, Number(y));
    }
    if (cols.genres >= 0 && f[cols.genres] !== undefined) {
      const g = f[cols.genres];
      acc.genres.set(id, g === '' || g === '(no genres listed)' ? [] : g.split('|'));
    }
    if (cols.authors >= 0 && f[cols.authors] !== undefined) acc.authors.set(id, f[cols.authors]);
  }
}

function titleColumns(names: string[], line: number): TitleColumns {
  const find = (cands: readonly string[]): number => names.findIndex((n) => cands.includes(n));
  const id = find(ID_NAMES);
  const title = find(TITLE_NAMES);
  if (id < 0 || title < 0) {
    throw new DataError(dataText(id < 0 ? 'data.titles.noIdColumn' : 'data.titles.noTitleColumn', { line }), line);
  }
  return {
    id,
    title,
    year: names.findIndex((n) => n === 'year' || n === 'originalpublicationyear'),
    genres: names.indexOf('genres'),
    authors: names.findIndex((n) => n === 'authors' || n === 'author'),
  };
}
