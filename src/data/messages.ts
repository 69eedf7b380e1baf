/**
 * Sentences data/ has for a person (refusals, skipped lines, warnings) as a message key plus
 * values, never as finished text, so the studio words them in its language (ui/i18n has every
 * key: these English templates are part of its English table) while data/ stays free of
 * languages. The CLI and the tests read them in English through {@link english}.
 */

/** A value in a sentence: text or a number as it is, or a nested sentence (a bad line inside "Too many bad lines"). */
export type DataVar = string | number | DataText;

/** A sentence: a key of {@link DATA_MESSAGES} and its `{placeholder}` values. */
export interface DataText {
  readonly key: DataMessageKey;
  readonly vars: Readonly<Record<string, DataVar>>;
}

/** English templates of every data/ sentence, in the studio's message-table form. */
export const DATA_MESSAGES = {
  'data.inFile': '{name}: {text}',
  'data.theFile': 'The file',
  'data.linesMore': '{lines} and {more} more',
  'data.detected': 'detected',
  'data.role.user': 'user',
  'data.role.item': 'item',
  'data.role.rating': 'rating',
  'data.role.timestamp': 'timestamp',
  'data.unit.line': 'line',
  'data.unit.lines': 'lines',
  'data.unit.row': 'row',
  'data.unit.rows': 'rows',
  'data.delim.commas': 'commas',
  'data.delim.tabs': 'tabs',
  'data.delim.semicolons': 'semicolons',
  'data.delim.pipes': 'pipes (|)',
  'data.columns2': 'user {user}, item {item}',
  'data.columns3r': 'user {user}, item {item}, rating {rating}',
  'data.columns3t': 'user {user}, item {item}, timestamp {timestamp}',
  'data.columns4': 'user {user}, item {item}, rating {rating}, timestamp {timestamp}',
  'data.column': 'column {n} ({role})',

  'data.notUtf8': '{name} is not valid UTF-8 (first at line {line}), so it was read as Latin-1 (Windows-1252); check accented titles.',
  'data.nulChar': '{name} is not text: it has a NUL character at line {line}. Expected a ratings or titles file such as u.data, ratings.dat or ratings.csv.',
  'data.nulByte': '{name} is not text: it has a NUL byte at line {line}. Expected a ratings or titles file such as u.data, ratings.dat or ratings.csv.',
  'data.utf16NoBom': '{name} is not text as read: it has NUL bytes from line {line} on. It looks like UTF-16 without a byte-order mark; save it as UTF-8.',
  'data.controlChars': '{name} is not text: {control} of its first {n} characters are control characters. Expected a ratings or titles file such as u.data, ratings.dat or ratings.csv.',
  'data.gzipUnnamed': '{name} is gzip-compressed; name it .gz or unpack it first.',
  'data.zip': '{name} is a zip archive; extract the ratings file (e.g. u.data or ratings.csv) from it first.',
  'data.gzNotGzip': 'This .gz file is not gzip-compressed (it lacks the gzip header).',
  'data.gzTooBig': 'This .gz file unpacks to more than {limit}, over the limit.',
  'data.gzDamaged': 'This .gz file is damaged and cannot be unpacked ({detail}).',
  'data.tooBig': '{name} is {size}, over the {limit} limit. Use a sample of it, or filter it first.',

  'data.empty': 'The file is empty: it has no lines to read.',
  'data.idListEmpty': 'The item list is empty: it names no item id.',
  'data.noDelimiter': 'line {line}: cannot tell the delimiter: the first lines do not split into 2 or more fields by tabs, commas, semicolons or "::": {excerpt}',
  'data.headerGuessed': 'line {line}: the header ({header}) names no user and item columns, so the columns were read in order as {columns}.',
  'data.headerNoColumns': 'line {line}: the header ({header}) names no user and item columns; say which columns hold the user, the item, the rating and the timestamp.',
  'data.noHeaderWide': 'line {line}: there is no header and lines have {fields} fields; say which columns hold the user, the item, the rating and the timestamp.',
  'data.noHeader': 'The file has no header, so the columns were read in order as {columns}.',
  'data.otherDelimiter': 'line {line}: this line is separated by {found}, but the {format} format uses {expected}: {excerpt}',
  'data.delimiterChanges': 'line {line}: the delimiter changes here: this line is separated by {found}, the lines before by {expected}: {excerpt}. Save the file with one delimiter.',
  'data.tooFewFields': 'line {line}: expected at least 2 fields (user, item), found 1: {excerpt}',
  'data.noSuchColumn': 'Column {column} ({role}) does not exist: lines have {fields} fields.',
  'data.columnTwice': 'Column {column} cannot be both {first} and {second}.',
  'data.unclosedQuote': 'line {line}: a quoted field starts here and never closes (a missing ").',

  'data.firstLineBad': '{problem} The first data line must be readable: the layout was taken from it.',
  'data.fieldCount': 'line {line}: expected {expected} fields, found {found}: {excerpt}',
  'data.emptyField': 'line {line}: {column} is empty: {excerpt}',
  'data.badRating': 'line {line}: {column} is {value}, not a finite number: {excerpt}',
  'data.badTimestamp': 'line {line}: {column} is {value}, not a finite number or a date: {excerpt}',
  'data.headerNoData': 'The file has a header (line {line}) but no data lines.',
  'data.tooManyBad': 'Too many bad lines: {bad} of {total} data lines ({percent}) cannot be read, more than the {max} that are skipped. The first: {first}',
  'data.repeatedHeader': 'line {line} repeats the header (two files joined?); skipped it.',
  'data.repeatedHeaders': 'lines {lines} repeat the header (files joined?); skipped them.',
  'data.skippedOne': 'Skipped {bad} bad line of {total}: line {lines}.',
  'data.skippedMany': 'Skipped {bad} bad lines of {total}: lines {lines}.',
  'data.datesAsSeconds': 'Timestamps written as dates were read as seconds since 1970 (UTC).',

  'data.titles.headerNoData': 'The titles file has a header (line {line}) but no data lines.',
  'data.titles.empty': 'The titles file is empty: it has no lines to read.',
  'data.titles.tooManyBad': 'Too many bad lines in the titles file: {bad} of {total} cannot be read. The first: {first}',
  'data.titles.skippedOne': 'Skipped {bad} bad line of the titles file: line {lines}.',
  'data.titles.skippedMany': 'Skipped {bad} bad lines of the titles file: lines {lines}.',
  'data.titles.duplicateIds': '{count} titles repeat an id given before (first at line {line}); the later title was kept.',
  'data.titles.uitemFields': 'line {line}: expected {expected} fields separated by |, found {found}: {excerpt}',
  'data.titles.emptyId': 'line {line}: column {column} (id) is empty: {excerpt}',
  'data.titles.oneField': 'line {line}: expected an id and a title, found 1 field: {excerpt}',
  'data.titles.tooFewFields': 'line {line}: expected at least {expected} fields, found {found}: {excerpt}',
  'data.titles.noHeader': 'The titles file has no header, so column 1 was read as the id and column 2 as the title.',
  'data.titles.repeatedHeader': 'line {line} of the titles file repeats the header; skipped it.',
  'data.titles.noIdColumn': 'line {line}: the titles header names no id column (expected e.g. movieId, book_id or id).',
  'data.titles.noTitleColumn': 'line {line}: the titles header names no title column (expected e.g. title or name).',

  'data.duplicatesOne': '{count} duplicate (user, item) pair: kept the later line of each and dropped {unit} {lines}.',
  'data.duplicatesMany': '{count} duplicate (user, item) pairs: kept the later line of each and dropped {unit} {lines}.',
  'data.untitledOne': '{missing} of {items} items have no title in the titles file (item id {ids}).',
  'data.untitledMany': '{missing} of {items} items have no title in the titles file (item ids {ids}).',

  'data.fewUsersOne': 'The dataset has {count} user; training needs at least 2.',
  'data.fewUsersMany': 'The dataset has {count} users; training needs at least 2.',
  'data.fewItemsOne': 'The dataset has {count} item; training needs at least 2.',
  'data.fewItemsMany': 'The dataset has {count} items; training needs at least 2.',
  'data.noEvalUsers': 'No user has at least {min} interactions, so none is left to evaluate (each needs one to validate, one to test and the rest to train on).',
  'data.noTrainLeft': 'No interaction is left to train on after holding out validation and test items.',

  'data.synthName': 'synthetic {users}×{items}, {clusters} clusters',
  'data.synthTitle': 'Cluster {cluster} · item {item}',

  'data.implicitNoRatings': 'The dataset has no ratings, so the threshold {threshold} was not applied.',
  'data.implicitKept': 'Implicit feedback: kept {kept} of {total} interactions (rating ≥ {threshold}).',
  'data.implicitEmpty': 'No interaction has a rating of {threshold} or more.',
  'data.kcoreEmpty': 'No interactions are left after the {k}-core filter; use a smaller k.',
  'data.kcoreRemoved': '{k}-core filter: removed {users} users, {items} items and {interactions} interactions.',
} as const;

/** Every data/ sentence key. */
export type DataMessageKey = keyof typeof DATA_MESSAGES;

/** A sentence with its values. @example dataText('data.empty') */
export function dataText(key: DataMessageKey, vars: Readonly<Record<string, DataVar>> = {}): DataText {
  return { key, vars };
}

/** True for a {@link DataText} (also after a structured clone from a worker). */
export function isDataText(x: unknown): x is DataText {
  return typeof x === 'object' && x !== null && typeof (x as DataText).key === 'string' && typeof (x as DataText).vars === 'object';
}

/**
 * Fills a sentence from templates of one language; nested sentences are worded the same way, and
 * a placeholder without a value stays visible as `{name}`.
 *
 * @param template the template of a key in the language wanted
 */
export function wordDataText(text: DataVar, template: (key: DataMessageKey) => string): string {
  if (!isDataText(text)) return String(text);
  return template(text.key).replace(/\{(\w+)\}/g, (m, name: string) => (name in text.vars ? wordDataText(text.vars[name], template) : m));
}

/** The English sentence (CLI output, logs, DataError.message). @example english(dataText('data.empty')) // → 'The file is empty: it has no lines to read.' */
export function english(text: DataVar): string {
  return wordDataText(text, (k) => DATA_MESSAGES[k]);
}
