/**
 * The one error type data/ throws for input a person can fix (a bad file, a wrong option).
 * Anything else thrown from data/ is a bug. `text` is the sentence meant for the person as a
 * message key plus values (the studio words it in its language); `message` is its English.
 */
import { dataText, english, type DataText, type DataVar } from './messages.ts';

/**
 * A refusal: the input cannot be read as asked. `line` is the 1-based line the problem is on,
 * or null when it concerns the whole file (empty, too big, not text).
 *
 * @example
 * throw new DataError(dataText('data.fieldCount', { line: 57, expected: 4, found: 5, excerpt: '"196\\t242\\t3\\t881250949\\t9"' }), 57);
 */
export class DataError extends Error {
  readonly line: number | null;
  /** The sentence as key + values; a plain string only for option checks meant for programmers (CLI, tests). */
  readonly text: DataText | string;

  constructor(text: DataText | string, line: number | null = null) {
    super(english(text));
    this.name = 'DataError';
    this.line = line;
    this.text = text;
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
 * @example english(listLines([3, 9])) // → '3, 9'
 */
export function listLines(lines: readonly number[]): DataVar {
  const shown = lines.slice(0, LISTED_LINES).join(', ');
  return lines.length > LISTED_LINES ? dataText('data.linesMore', { lines: shown, more: lines.length - LISTED_LINES }) : shown;
}
