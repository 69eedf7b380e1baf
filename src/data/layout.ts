/**
 * The layout of a ratings file — delimiter, fields per line, header, columns — decided once from
 * its first lines (or taken from ParseOptions) before the fast pass over all lines.
 */
import {
  columnsFromHeader,
  columnsText,
  looksLikeHeader,
  positionalColumns,
  roleText,
} from './columns.ts';
import { delimiterName, detectDelimiter, sampleRecords, type Delimiter } from './delimited.ts';
import { DataError, excerpt } from './errors.ts';
import { dataText, type DataText, type DataVar } from './messages.ts';
import type { ColumnMap, ParseOptions, RatingsFormat } from './types.ts';

/** What the full pass needs to know before it starts. */
export interface RatingsLayout {
  format: RatingsFormat;
  delimiter: Delimiter;
  /** Fields every data line must have. */
  fieldCount: number;
  /** Header cells, or null. */
  header: string[] | null;
  /** 1-based line of the header, or 0 when there is none. */
  headerLine: number;
  columns: ColumnMap;
  warnings: DataText[];
}

/** Delimiters tried for ratings files, in order of preference when lines split equally well. */
export const RATINGS_DELIMITERS: readonly Delimiter[] = ['::', '\t', ',', ';'];

const FORMAT_DELIMITER: Record<RatingsFormat, Delimiter> = {
  udata: '\t',
  tsv: '\t',
  dat: '::',
  csv: ',',
  semicolon: ';',
};

/** Known layouts whose columns are fixed by the format, not by a header. */
const FIXED_LAYOUT: ReadonlySet<RatingsFormat> = new Set(['udata', 'dat']);

/**
 * Decides the layout of a ratings text.
 *
 * @throws DataError when the text has no lines, no delimiter splits its first lines, or the
 *   columns cannot be told (no header, more than 4 fields, no `options.columns`)
 */
export function resolveLayout(text: string, options: ParseOptions = {}): RatingsLayout {
  const warnings: DataText[] = [];
  const asked = options.format && options.format !== 'auto' ? options.format : null;
  let delimiter: Delimiter;
  if (asked) {
    delimiter = FORMAT_DELIMITER[asked];
  } else {
    const guess = detectDelimiter(text, RATINGS_DELIMITERS);
    if (!guess) {
      const first = sampleRecords(text, '\n', 1)[0];
      if (!first) throw new DataError(dataText('data.empty'));
      throw new DataError(dataText('data.noDelimiter', { line: first.line, excerpt: excerpt(first.raw) }), first.line);
    }
    delimiter = guess.delimiter;
  }
  const sample = sampleRecords(text, delimiter, 50);
  if (sample.length === 0) throw new DataError(dataText('data.empty'));
  const first = sample[0];
  const hasHeader =
    options.header === true ||
    (options.header !== false &&
      looksLikeHeader(
        first.fields,
        sample.slice(1).map((r) => r.fields),
      ));
  const dataSample = hasHeader ? sample.slice(1) : sample;
  const fieldCount = modeFieldCount(dataSample.length ? dataSample : sample);
  if (fieldCount < 2) throw wrongDelimiter(first, delimiter, asked);
  const format: RatingsFormat =
    asked ??
    (delimiter === '::'
      ? 'dat'
      : delimiter === '\t'
        ? !hasHeader && fieldCount === 4
          ? 'udata'
          : 'tsv'
        : delimiter === ','
          ? 'csv'
          : 'semicolon');
  const header = hasHeader ? first.fields : null;
  const columns = resolveColumns(format, fieldCount, header, first.line, options.columns, warnings);
  return { format, delimiter, fieldCount, header, headerLine: hasHeader ? first.line : 0, columns, warnings };
}

function modeFieldCount(records: readonly { fields: string[] }[]): number {
  const counts = new Map<number, number>();
  let mode = 0;
  let modeN = 0;
  for (const r of records) {
    const n = (counts.get(r.fields.length) ?? 0) + 1;
    counts.set(r.fields.length, n);
    if (n > modeN) [mode, modeN] = [r.fields.length, n];
  }
  return mode;
}

function resolveColumns(
  format: RatingsFormat,
  fieldCount: number,
  header: string[] | null,
  headerLine: number,
  given: ColumnMap | undefined,
  warnings: DataText[],
): ColumnMap {
  if (given) {
    checkColumns(given, fieldCount);
    return { ...given };
  }
  if (FIXED_LAYOUT.has(format)) {
    return positionalColumns(Math.min(fieldCount, 4));
  }
  if (header) {
    const named = columnsFromHeader(header);
    if (named.user !== undefined && named.item !== undefined) {
      const m: ColumnMap = { user: named.user, item: named.item };
      if (named.rating !== undefined) m.rating = named.rating;
      if (named.timestamp !== undefined) m.timestamp = named.timestamp;
      checkColumns(m, fieldCount);
      return m;
    }
    if (fieldCount <= 4 && fieldCount >= 2) {
      const m = positionalColumns(fieldCount);
      warnings.push(dataText('data.headerGuessed', { line: headerLine, header: header.join(', '), columns: columnsText(m) }));
      return m;
    }
    throw new DataError(dataText('data.headerNoColumns', { line: headerLine, header: header.join(', ') }), headerLine);
  }
  if (fieldCount > 4) {
    throw new DataError(dataText('data.noHeaderWide', { line: 1, fields: fieldCount }), 1);
  }
  const m = positionalColumns(fieldCount);
  warnings.push(dataText('data.noHeader', { columns: columnsText(m) }));
  return m;
}

/** The first line does not split under the delimiter in use: name the one it has, if any. */
function wrongDelimiter(first: { line: number; raw: string }, delimiter: Delimiter, format: RatingsFormat | null): DataError {
  const other = detectDelimiter(first.raw, RATINGS_DELIMITERS.filter((d) => d !== delimiter));
  const { line, raw } = first;
  if (other) {
    const found = delimiterName(other.delimiter);
    return new DataError(dataText('data.otherDelimiter', { line, found, format: format ?? dataText('data.detected'), expected: delimiterName(delimiter), excerpt: excerpt(raw) }), line);
  }
  return new DataError(dataText('data.tooFewFields', { line, excerpt: excerpt(raw) }), line);
}

function checkColumns(m: ColumnMap, fieldCount: number): void {
  const seen = new Map<number, DataVar>();
  for (const role of ['user', 'item', 'rating', 'timestamp'] as const) {
    const c = m[role];
    if (c === undefined) continue;
    const name = roleText(role);
    if (!Number.isInteger(c) || c < 0 || c >= fieldCount) {
      throw new DataError(dataText('data.noSuchColumn', { column: Number.isInteger(c) ? c + 1 : c, role: name, fields: fieldCount }));
    }
    const other = seen.get(c);
    if (other) throw new DataError(dataText('data.columnTwice', { column: c + 1, first: other, second: name }));
    seen.set(c, name);
  }
}
