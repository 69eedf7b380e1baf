/**
 * Delimited text, one record at a time: RFC 4180 quoting (delimiters, doubled quotes and
 * newlines inside quotes), CRLF or LF, any delimiter including the two-character "::" of
 * MovieLens ratings.dat. Lines without a quote take a fast path (indexOf + slice) because a
 * million-line ratings file must parse in well under a second; quoted lines go char by char.
 */
import { DataError } from './errors.ts';
import { dataText, type DataVar } from './messages.ts';

/** Delimiters data/ knows. */
export type Delimiter = ',' | '\t' | ';' | '::' | '|';

/** The delimiter as a person would say it, for messages. */
export function delimiterName(d: string): DataVar {
  switch (d) {
    case ',':
      return dataText('data.delim.commas');
    case '\t':
      return dataText('data.delim.tabs');
    case ';':
      return dataText('data.delim.semicolons');
    case '::':
      return '"::"';
    case '|':
      return dataText('data.delim.pipes');
    default:
      return JSON.stringify(d);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * A cursor over the records of a delimited text. After `next()` returns true, `fields[0 ..
 * count)` hold the current record's fields (unquoted fields trimmed of spaces), `line` is the
 * 1-based line it starts on and `raw()` its text. A blank (or all-space) line has `count` 0.
 * The `fields` array is reused: copy what you keep.
 *
 * @example
 * const r = new RecordReader('a,"b,c"\n', ',');
 * r.next(); // true; r.count === 2; r.fields[1] === 'b,c'; r.line === 1
 */
export class RecordReader {
  readonly fields: string[] = [];
  count = 0;
  line = 0;
  /** Char offsets of the current record in the text, line terminator excluded. */
  start = 0;
  end = 0;
  private pos = 0;
  private nextLine = 1;
  private nextQuote: number;
  private readonly text: string;
  private readonly delim: string;

  constructor(text: string, delimiter: string) {
    // Old Mac files end lines with CR alone; treat them as LF so each line is one record.
    this.text = text.indexOf('\n') === -1 && text.indexOf('\r') !== -1 ? text.replace(/\r/g, '\n') : text;
    this.delim = delimiter;
    this.nextQuote = this.text.indexOf('"');
  }

  /** Offset of the next unread character; divide by `length` for progress. */
  get position(): number {
    return this.pos;
  }

  get length(): number {
    return this.text.length;
  }

  /** The current record as written (for messages). */
  raw(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Reads the next record; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const start = this.pos;
    if (start >= text.length) return false;
    this.line = this.nextLine;
    this.start = start;
    if (this.nextQuote !== -1 && this.nextQuote < start) this.nextQuote = text.indexOf('"', start);
    let eol = text.indexOf('\n', start);
    if (eol === -1) eol = text.length;
    if (this.nextQuote === -1 || this.nextQuote >= eol) {
      let end = eol;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      this.end = end;
      this.splitPlain(start, end);
      this.pos = eol + 1;
      this.nextLine++;
    } else {
      this.readQuoted(start);
    }
    if (this.count === 1 && this.fields[0] === '') this.count = 0;
    return true;
  }

  private splitPlain(start: number, end: number): void {
    const { text, delim, fields } = this;
    const dl = delim.length;
    let c = 0;
    let p = start;
    let q = text.indexOf(delim, p);
    while (q !== -1 && q < end) {
      fields[c++] = trimmed(text, p, q);
      p = q + dl;
      q = text.indexOf(delim, p);
    }
    fields[c++] = trimmed(text, p, end);
    this.count = c;
  }

  /** RFC 4180 for a record that has a quote somewhere; may span lines. */
  private readQuoted(start: number): void {
    const { text, delim, fields } = this;
    const n = text.length;
    const dl = delim.length;
    let i = start;
    let c = 0;
    let lines = 0;
    // No closures here: tsx/esbuild wrap each in __name(), which made this path 3x slower.
    for (;;) {
      // Skip spaces before a field so ` "a"` still counts as quoted.
      let j = i;
      while (j < n && text.charCodeAt(j) === SPACE) j++;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        let value = '';
        let k = j + 1;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q === -1) {
            throw new DataError(dataText('data.unclosedQuote', { line: this.line }), this.line);
          }
          const chunk = text.slice(k, q);
          lines += countLF(chunk);
          value = value === '' ? chunk : value + chunk;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            k = q + 2;
          } else {
            k = q + 1;
            break;
          }
        }
        // Lenient past the closing quote: keep stray text up to the delimiter rather than refuse.
        const m = k < n && !text.startsWith(delim, k) && text.charCodeAt(k) !== LF ? this.stretchEnd(k) : k;
        if (m > k) {
          let tailEnd = m;
          if (text.charCodeAt(tailEnd - 1) === CR) tailEnd--;
          const tail = text.slice(k, tailEnd).trim();
          fields[c++] = tail ? value + tail : value;
        } else {
          fields[c++] = value;
        }
        i = m;
      } else {
        const m = this.stretchEnd(i);
        let e = m;
        if (e > i && text.charCodeAt(e - 1) === CR && (m >= n || text.charCodeAt(m) === LF)) e--;
        fields[c++] = trimmed(text, i, e);
        i = m;
      }
      if (i < n && text.charCodeAt(i) !== LF) {
        i += dl; // a delimiter: another field follows
        continue;
      }
      // End of record at LF or end of text.
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      this.end = end;
      this.pos = i + 1;
      this.count = c;
      this.nextLine += 1 + lines;
      return;
    }
  }

  /** End of an unquoted stretch starting at `from`: the next delimiter or LF (or the text end). */
  private stretchEnd(from: number): number {
    const text = this.text;
    let lf = text.indexOf('\n', from);
    if (lf === -1) lf = text.length;
    const d = text.indexOf(this.delim, from);
    return d !== -1 && d < lf ? d : lf;
  }
}

function trimmed(text: string, a: number, b: number): string {
  if (a < b && (text.charCodeAt(a) === SPACE || text.charCodeAt(b - 1) === SPACE)) {
    return text.slice(a, b).trim();
  }
  return text.slice(a, b);
}

function countLF(s: string): number {
  let k = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) k++;
  return k;
}

/** The first `maxLines` non-blank records under one delimiter, as field arrays with line numbers. */
export interface SampleRecord {
  line: number;
  fields: string[];
  raw: string;
}

/**
 * Reads up to `maxLines` non-blank records from the start of `text` with `delimiter`. Stops
 * quietly at an unclosed quote (the full parse reports it with its line).
 */
export function sampleRecords(text: string, delimiter: string, maxLines = 50): SampleRecord[] {
  // Cap the text looked at so a single giant line does not make sniffing slow.
  const reader = new RecordReader(text.length > 1 << 20 ? text.slice(0, 1 << 20) : text, delimiter);
  const out: SampleRecord[] = [];
  try {
    while (out.length < maxLines && reader.next()) {
      if (reader.count === 0) continue;
      out.push({ line: reader.line, fields: reader.fields.slice(0, reader.count), raw: reader.raw() });
    }
  } catch {
    // an unclosed quote in the sample: use what was read
  }
  return out;
}

/** A detected delimiter with the field count most sample lines have under it. */
export interface DelimiterGuess {
  delimiter: Delimiter;
  fieldCount: number;
  /** Share of sampled lines with exactly `fieldCount` fields. */
  agreement: number;
}

/**
 * Picks the delimiter under which the sampled lines split most consistently into ≥ 2 fields.
 * Ties go to the earlier candidate. Returns null when no candidate splits the lines.
 *
 * @param candidates delimiters to try, in order of preference
 * @example detectDelimiter('1::2::5::9\n', ['::', '\t', ',', ';'])?.delimiter // → '::'
 */
export function detectDelimiter(
  text: string,
  candidates: readonly Delimiter[],
  maxLines = 50,
): DelimiterGuess | null {
  let best: DelimiterGuess | null = null;
  for (const d of candidates) {
    const sample = sampleRecords(text, d, maxLines);
    if (sample.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of sample) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [k, v] of counts) if (v > modeN || (v === modeN && k > mode)) [mode, modeN] = [k, v];
    if (mode < 2) continue;
    const agreement = modeN / sample.length;
    if (!best || agreement > best.agreement) best = { delimiter: d, fieldCount: mode, agreement };
  }
  return best;
}
