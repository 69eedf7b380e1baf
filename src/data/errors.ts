/**
 * The one error type data/ throws for input a person can fix (a bad file, a wrong option).
 * Anything else thrown from data/ is a bug. The message is a full sentence meant for the
 * person, so the UI and the CLI show it as is.
 */

/**
 * A refusal: the input cannot be read as asked. `line` is the 1-based line the problem is on,
 * or null when it concerns the whole file (empty, too big, not text).
 *
 * @example
 * throw new DataError('line 57: expected 4 fields, found 5: "196\\t242\\t3\\t881250949\\t9"', 57);
 */
export class DataError extends Error {
  readonly line: number | null;

  constructor(message: string, line: number | null = null) {
    super(message);
    this.name = 'DataError';
    this.line = line;
  }
}

/** True for a {@link DataError}, also across realms where `instanceof` may fail. */
export function isDataError(e: unknown): e is DataError {
  return e instanceof DataError || (e instanceof Error && e.name === 'DataError');
}

const MAX_EXCERPT = 80;

/**
 * A line as quoted in a message: JSON-escaped (tabs show as \t) and cut to about 80 characters,
 * so a 2 MB single-line file does not end up in an error dialog.
 *
 * @example excerpt('196\t242\t3') // → '"196\\t242\\t3"'
 */
export function excerpt(raw: string): string {
  const cut = raw.length > MAX_EXCERPT ? raw.slice(0, MAX_EXCERPT - 1) + '…' : raw;
  return JSON.stringify(cut);
}

/** Line numbers listed in a message before "and N more". */
const LISTED_LINES = 10;

/**
 * Line numbers for a sentence: "57, 102, 9001", or the first ten and "and 5 more".
 *
 * @example listLines([3, 9]) // → '3, 9'
 */
export function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, LISTED_LINES).join(', ');
  return lines.length > LISTED_LINES ? `${shown} and ${lines.length - LISTED_LINES} more` : shown;
}
