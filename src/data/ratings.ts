/**
 * The ratings parser: text → RatingsTable (columnar, ids as opaque keys mapped to dense
 * indices in first-seen order). One pass with a reused field array, a key → index Map and
 * growing typed arrays: no object per row, so 1,000,000 lines parse in a fraction of a second.
 *
 * Bad lines: a line that cannot be read is skipped and reported (its number in `skippedLines`,
 * a sentence in `warnings`). The file is refused instead (DataError naming the first bad line)
 * when the first data line is bad — the layout was taken from it, so it is likely wrong — or
 * when more than {@link MAX_BAD_SHARE} of data lines are bad, or when the delimiter changes.
 */
import { roleOfHeader, looksNumeric, roleText, type ColumnRole } from './columns.ts';
import { RecordReader, delimiterName, type Delimiter } from './delimited.ts';
import { DataError, excerpt, listLines } from './errors.ts';
import { MAX_BAD_SHARE } from './limits.ts';
import { dataText, type DataText } from './messages.ts';
import { RATINGS_DELIMITERS, resolveLayout } from './layout.ts';
import type { ParseOptions, RatingsTable } from './types.ts';

/** Bad lines quoted in full in the warnings; the rest are only listed by number. */
const DETAILED_BAD_LINES = 3;
const PROGRESS_EVERY = 1 << 16;

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a ratings file's text. Layout is detected unless given in `options`: MovieLens u.data
 * (tab, no header), ratings.dat ("::"), ratings.csv (header userId,movieId,rating,timestamp),
 * and any CSV / TSV / semicolon file with or without a header.
 *
 * Ratings must be finite numbers; timestamps finite numbers (any unit, kept as written) or ISO
 * dates ("2020-01-02", "2020-01-02 10:00:00"), which become seconds since 1970 UTC.
 * Duplicate (user, item) lines are all kept here; {@link buildDataset} resolves them.
 *
 * @param text decoded file text (see decodeText)
 * @returns one entry per accepted line, in file order
 * @throws DataError naming the line and the problem (see the file note for when)
 * @example parseRatings('1\t10\t5\t881250949\n2\t10\t3\t881250950\n').userKeys // → ['1', '2']
 */
export function parseRatings(text: string, options: ParseOptions = {}): RatingsTable {
  const layout = resolveLayout(text, options);
  const { delimiter, fieldCount, header, headerLine, columns } = layout;
  const warnings = [...layout.warnings];
  const uc = columns.user;
  const ic = columns.item;
  const rc = columns.rating ?? -1;
  const tc = columns.timestamp ?? -1;

  let cap = Math.max(1024, Math.ceil(text.length / 16));
  let users = new Int32Array(cap);
  let items = new Int32Array(cap);
  let ratings = rc >= 0 ? new Float32Array(cap) : null;
  let timestamps = tc >= 0 ? new Float64Array(cap) : null;
  let lines = new Int32Array(cap);
  let n = 0;

  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const userKeys: string[] = [];
  const itemKeys: string[] = [];
  const skippedLines: number[] = [];
  const repeatedHeaders: number[] = [];
  const badDetails: DataText[] = [];
  const badList: number[] = [];
  let badLines = 0;
  let firstBadLine = 0;
  let dataLines = 0;
  let datesSeen = false;

  const reader = new RecordReader(text, delimiter);
  const f = reader.fields;
  const onProgress = options.onProgress;
  let records = 0;

  const bad = (line: number, problem: DataText): void => {
    if (dataLines === 1) throw new DataError(dataText('data.firstLineBad', { problem }), line);
    badLines++;
    if (firstBadLine === 0) firstBadLine = line;
    skippedLines.push(line);
    badList.push(line);
    if (badDetails.length < DETAILED_BAD_LINES) badDetails.push(problem);
  };

  const column = (c: number, role: ColumnRole): DataText => dataText('data.column', { n: c + 1, role: roleText(role) });

  while (reader.next()) {
    const count = reader.count;
    if (count === 0) continue;
    if (onProgress && ++records % PROGRESS_EVERY === 0) onProgress(reader.position / reader.length);
    const line = reader.line;
    if (line === headerLine) continue;
    if (header && count === header.length && f[0] === header[0] && sameCells(f, header)) {
      repeatedHeaders.push(line);
      skippedLines.push(line);
      continue;
    }
    dataLines++;
    if (count !== fieldCount) {
      const raw = reader.raw();
      if (!header && dataLines > 1 && f.slice(0, count).some((c) => roleOfHeader(c) !== null)) {
        dataLines--;
        repeatedHeaders.push(line);
        skippedLines.push(line);
        continue;
      }
      const other = otherDelimiter(raw, delimiter, fieldCount);
      if (other) {
        const vars = { line, found: delimiterName(other), format: layout.format, expected: delimiterName(delimiter), excerpt: excerpt(raw) };
        throw new DataError(dataText(dataLines === 1 ? 'data.otherDelimiter' : 'data.delimiterChanges', vars), line);
      }
      bad(line, dataText('data.fieldCount', { line, expected: fieldCount, found: count, excerpt: excerpt(raw) }));
      continue;
    }
    const uKey = f[uc];
    const iKey = f[ic];
    if (uKey === '' || iKey === '') {
      const c = uKey === '' ? uc : ic;
      bad(line, dataText('data.emptyField', { line, column: column(c, c === uc ? 'user' : 'item'), excerpt: excerpt(reader.raw()) }));
      continue;
    }
    let r = 0;
    if (rc >= 0) {
      const s = f[rc];
      r = s === '' ? NaN : +s;
      if (!Number.isFinite(r)) {
        if (!header && dataLines > 1 && roleOfHeader(s) !== null) {
          dataLines--;
          repeatedHeaders.push(line);
          skippedLines.push(line);
          continue;
        }
        bad(line, dataText('data.badRating', { line, column: column(rc, 'rating'), value: JSON.stringify(s), excerpt: excerpt(reader.raw()) }));
        continue;
      }
    }
    let t = 0;
    if (tc >= 0) {
      const s = f[tc];
      t = s === '' ? NaN : +s;
      if (!Number.isFinite(t)) {
        t = parseIsoDate(s);
        if (Number.isFinite(t)) datesSeen = true;
        else {
          bad(line, dataText('data.badTimestamp', { line, column: column(tc, 'timestamp'), value: JSON.stringify(s), excerpt: excerpt(reader.raw()) }));
          continue;
        }
      }
    }
    let u = userIndex.get(uKey);
    if (u === undefined) {
      u = userKeys.length;
      userIndex.set(uKey, u);
      userKeys.push(uKey);
    }
    let it = itemIndex.get(iKey);
    if (it === undefined) {
      it = itemKeys.length;
      itemIndex.set(iKey, it);
      itemKeys.push(iKey);
    }
    if (n === cap) {
      cap *= 2;
      users = grow(users, cap);
      items = grow(items, cap);
      lines = grow(lines, cap);
      if (ratings) ratings = grow(ratings, cap);
      if (timestamps) timestamps = grow(timestamps, cap);
    }
    users[n] = u;
    items[n] = it;
    lines[n] = line;
    if (ratings) ratings[n] = r;
    if (timestamps) timestamps[n] = t;
    n++;
  }

  if (dataLines === 0) {
    if (header) throw new DataError(dataText('data.headerNoData', { line: headerLine }), headerLine);
    throw new DataError(dataText('data.empty'));
  }
  if (badLines > MAX_BAD_SHARE * dataLines || n === 0) {
    const vars = { bad: badLines, total: dataLines, percent: percent(badLines, dataLines), max: percent(MAX_BAD_SHARE, 1), first: badDetails[0] ?? '' };
    throw new DataError(dataText('data.tooManyBad', vars), firstBadLine);
  }
  if (repeatedHeaders.length > 0) {
    warnings.push(
      repeatedHeaders.length === 1
        ? dataText('data.repeatedHeader', { line: repeatedHeaders[0] })
        : dataText('data.repeatedHeaders', { lines: listLines(repeatedHeaders) }),
    );
  }
  if (badLines > 0) {
    warnings.push(dataText(badLines === 1 ? 'data.skippedOne' : 'data.skippedMany', { bad: badLines, total: dataLines, lines: listLines(badList) }), ...badDetails);
  }
  if (datesSeen) warnings.push(dataText('data.datesAsSeconds'));
  onProgress?.(1);

  return {
    format: layout.format,
    delimiter,
    hasHeader: header !== null,
    header,
    columns,
    userKeys,
    itemKeys,
    users: users.slice(0, n),
    items: items.slice(0, n),
    ratings: ratings ? ratings.slice(0, n) : null,
    timestamps: timestamps ? timestamps.slice(0, n) : null,
    lines: lines.slice(0, n),
    skippedLines,
    warnings,
  };
}

function grow<T extends Int32Array | Float32Array | Float64Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

function sameCells(f: readonly string[], header: readonly string[]): boolean {
  for (let i = 0; i < header.length; i++) if (f[i] !== header[i]) return false;
  return true;
}

/** Another delimiter under which the line has the expected field count, if any. */
function otherDelimiter(raw: string, delimiter: Delimiter, fieldCount: number): Delimiter | null {
  for (const d of RATINGS_DELIMITERS) {
    if (d === delimiter) continue;
    const r = new RecordReader(raw, d);
    try {
      if (r.next() && r.count === fieldCount && fieldCount >= 2) return d;
    } catch {
      // an unclosed quote under this delimiter: not it
    }
  }
  return null;
}

/** Seconds since 1970 UTC for an ISO date or date-time; NaN otherwise. */
function parseIsoDate(s: string): number {
  if (looksNumeric(s)) return NaN;
  const m = ISO_DATE.exec(s.trim());
  if (!m) return NaN;
  const time = m[2] ?? '00:00';
  const zone = m[3] ?? 'Z';
  return Date.parse(`${m[1]}T${time}${zone}`) / 1000;
}

function percent(part: number, whole: number): string {
  const p = (100 * part) / whole;
  return `${p >= 10 || Number.isInteger(p) ? Math.round(p) : p.toFixed(1)}%`;
}
