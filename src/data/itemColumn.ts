/**
 * One column of an item metadata file (a titles file with a header), by name: what a transfer
 * domain rule such as "genre" or "year" reads. Also reads a plain list of item ids.
 */
import { normalizeHeaderName } from './columns.ts';
import { RecordReader, detectDelimiter } from './delimited.ts';
import { DataError } from './errors.ts';
import { dataText } from './messages.ts';
import { parseTitles } from './titles.ts';

/**
 * Item id → the column's cells (split on `|` for list columns such as movies.csv genres). The id is
 * the first column. `year` and `genres` also work on files whose titles parser knows them (u.item's
 * genre flags, a year at the end of a movie title).
 *
 * @throws DataError when the file has no header naming the column
 * @example readItemColumn('book_id,title,genre\n1,A,Fantasy\n', 'genre').get('1') // → ['Fantasy']
 */
export function readItemColumn(text: string, column: string, fileName = ''): Map<string, string[]> {
  const want = normalizeHeaderName(column);
  if (want === 'year' || want === 'genre' || want === 'genres') {
    const t = parseTitles(text, { fileName });
    const out = new Map<string, string[]>();
    if (want === 'year') for (const [id, y] of t.years) out.set(id, [String(y)]);
    else for (const [id, g] of t.genres) out.set(id, g);
    if (out.size > 0) return out;
  }
  const delimiter = detectDelimiter(text, [',', '\t', ';', '|', '::'])?.delimiter ?? ',';
  const r = new RecordReader(text, delimiter);
  let col = -1;
  const out = new Map<string, string[]>();
  while (r.next()) {
    if (r.count === 0) continue;
    if (col < 0) {
      const names = r.fields.slice(0, r.count);
      col = names.findIndex((n) => normalizeHeaderName(n) === want || normalizeHeaderName(n) === `${want}s`);
      if (col < 0) throw new DataError(`line ${r.line}: the header names no column "${column}" (it has ${names.join(', ')}).`, r.line);
      continue;
    }
    const cell = r.count > col ? r.fields[col].trim() : '';
    if (cell !== '') out.set(r.fields[0].trim(), cell.split('|').map((s) => s.trim()));
  }
  if (col < 0) throw new DataError('The item file is empty.');
  return out;
}

/** Item ids from a list file: one per line, or separated by commas, tabs or spaces; a header word is skipped. */
export function readIdList(text: string): Set<string> {
  const ids = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (ids.length > 0 && /[a-z]/i.test(ids[0]) && /id$/i.test(normalizeHeaderName(ids[0]))) ids.shift();
  if (ids.length === 0) throw new DataError(dataText('data.idListEmpty'));
  return new Set(ids);
}
