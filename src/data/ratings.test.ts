import { describe, expect, it } from 'vitest';
import { english } from './messages.ts';
import { decodeText } from './decode.ts';
import { DataError } from './errors.ts';
import { parseRatings } from './ratings.ts';
import type { ParseOptions } from './types.ts';
import { utf16, utf8 } from './__fixtures__/bytes.ts';
import { generateUData, latin1 } from './__fixtures__/movielensLike.ts';

function refusal(text: string, options?: ParseOptions): DataError {
  try {
    parseRatings(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

/** `n` good u.data lines for user 1..n, item 10+k. */
function udataLines(n: number): string[] {
  return Array.from({ length: n }, (_, k) => `${k + 1}\t${10 + k}\t${1 + (k % 5)}\t${881250000 + k}`);
}

describe('parseRatings: formats', () => {
  it('reads MovieLens u.data (tab, no header, timestamps)', () => {
    const t = parseRatings('196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t377\t1\t878887116\n');
    expect(t.format).toBe('udata');
    expect(t.delimiter).toBe('\t');
    expect(t.hasHeader).toBe(false);
    expect(t.columns).toEqual({ user: 0, item: 1, rating: 2, timestamp: 3 });
    expect(t.userKeys).toEqual(['196', '186']);
    expect(t.itemKeys).toEqual(['242', '302', '377']);
    expect([...t.users]).toEqual([0, 1, 0]);
    expect([...t.items]).toEqual([0, 1, 2]);
    expect([...t.ratings!]).toEqual([3, 3, 1]);
    expect([...t.timestamps!]).toEqual([881250949, 891717742, 878887116]);
    expect([...t.lines!]).toEqual([1, 2, 3]);
    expect(t.skippedLines).toEqual([]);
    expect(t.warnings.map(english)).toEqual([]);
  });

  it('reads MovieLens ratings.dat ("::")', () => {
    const t = parseRatings('1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n');
    expect(t.format).toBe('dat');
    expect(t.delimiter).toBe('::');
    expect(t.userKeys).toEqual(['1', '2']);
    expect(t.itemKeys).toEqual(['1193', '661']);
    expect(t.timestamps).not.toBeNull();
    expect(t.warnings.map(english)).toEqual([]);
  });

  it('reads MovieLens ratings.csv (header userId,movieId,rating,timestamp; half stars)', () => {
    const t = parseRatings('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,3.5,964981247\n2,1,0.5,964982224\n');
    expect(t.format).toBe('csv');
    expect(t.hasHeader).toBe(true);
    expect(t.header).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    expect(t.columns).toEqual({ user: 0, item: 1, rating: 2, timestamp: 3 });
    expect([...t.ratings!]).toEqual([4, 3.5, 0.5]);
    expect([...t.lines!]).toEqual([2, 3, 4]);
  });

  it('maps columns from header names in any order (goodbooks, snake_case, uid/iid, score, time)', () => {
    const a = parseRatings('book_id,user_id,rating\n26,58,1\n58,58,4\n');
    expect(a.columns).toEqual({ user: 1, item: 0, rating: 2 });
    expect(a.userKeys).toEqual(['58']);
    expect(a.itemKeys).toEqual(['26', '58']);
    expect(a.timestamps).toBeNull();
    const b = parseRatings('time\tscore\tiid\tuid\n5\t1\ti1\tu1\n6\t2\ti2\tu1\n');
    expect(b.format).toBe('tsv');
    expect(b.columns).toEqual({ user: 3, item: 2, rating: 1, timestamp: 0 });
  });

  it('reads semicolon files (Book-Crossing style, quoted)', () => {
    const t = parseRatings('"User-ID";"ISBN";"Book-Rating"\n"276725";"034545104X";"0"\n"276726";"0155061224";"5"\n');
    expect(t.format).toBe('semicolon');
    expect(t.columns).toEqual({ user: 0, item: 1, rating: 2 });
    expect(t.itemKeys).toEqual(['034545104X', '0155061224']);
    expect([...t.ratings!]).toEqual([0, 5]);
  });

  it('reads implicit files with only user and item', () => {
    const t = parseRatings('user,item\na,x\nb,y\n');
    expect(t.ratings).toBeNull();
    expect(t.timestamps).toBeNull();
    expect(t.users.length).toBe(2);
  });

  it('reads a headerless CSV positionally and says so', () => {
    const t = parseRatings('1,10,5\n2,10,3\n');
    expect(t.hasHeader).toBe(false);
    expect(t.columns).toEqual({ user: 0, item: 1, rating: 2 });
    expect(t.warnings.map(english)).toEqual(['The file has no header, so the columns were read in order as user 1, item 2, rating 3.']);
  });

  it('detects a header by content when its names are unknown', () => {
    const t = parseRatings('who,what,stars_given\nu1,i1,4\nu2,i2,5\n');
    expect(t.hasHeader).toBe(true);
    expect(t.columns).toEqual({ user: 0, item: 1, rating: 2 });
    expect(t.warnings.map(english)).toEqual([
      'line 1: the header (who, what, stars_given) names no user and item columns, so the columns were read in order as user 1, item 2, rating 3.',
    ]);
  });

  it('takes the caller’s format, header and column map over detection', () => {
    const t = parseRatings('5,x,u9,123\n4,y,u8,124\n', { format: 'csv', header: false, columns: { user: 2, item: 1, rating: 0 } });
    expect(t.userKeys).toEqual(['u9', 'u8']);
    expect([...t.ratings!]).toEqual([5, 4]);
    expect(t.timestamps).toBeNull();
    expect(t.warnings.map(english)).toEqual([]);
    expect(parseRatings('a\tb\n1\t2\n', { header: false, format: 'tsv' }).userKeys).toEqual(['a', '1']);
  });

  it('refuses a column map that does not fit the lines', () => {
    expect(refusal('1,2,3\n', { columns: { user: 0, item: 5 } }).message).toBe('Column 6 (item) does not exist: lines have 3 fields.');
    expect(refusal('1,2,3\n', { columns: { user: 0, item: 0 } }).message).toBe('Column 1 cannot be both user and item.');
  });

  it('keeps ids as opaque keys ("007" is not "7")', () => {
    expect(parseRatings('007\t1\t5\t1\n7\t1\t5\t1\n').userKeys).toEqual(['007', '7']);
  });

  it('reads ISO dates as seconds since 1970 UTC and says so', () => {
    const t = parseRatings('user,item,rating,date\n1,2,5,2020-01-02\n1,3,4,2020-01-02 10:00:00\n');
    expect([...t.timestamps!]).toEqual([1577923200, 1577923200 + 36000]);
    expect(t.warnings.map(english)).toEqual(['Timestamps written as dates were read as seconds since 1970 (UTC).']);
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    parseRatings(udataLines(200_000).join('\n'), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('parseRatings: robustness', () => {
  it('reads CRLF line ends', () => {
    const t = parseRatings('userId,movieId,rating\r\n1,2,5\r\n3,4,1\r\n');
    expect(t.itemKeys).toEqual(['2', '4']);
    expect([...t.ratings!]).toEqual([5, 1]);
  });

  it('reads a UTF-8 BOM file and UTF-16 LE/BE files with BOM', () => {
    const text = 'userId,movieId,rating\n1,2,5\n3,4,1\n';
    for (const bytes of [utf8(text, true), utf16(text, 'le'), utf16(text, 'be')]) {
      const t = parseRatings(decodeText(bytes).text);
      expect(t.header).toEqual(['userId', 'movieId', 'rating']);
      expect(t.userKeys).toEqual(['1', '3']);
    }
  });

  it('skips blank lines anywhere and still names physical lines', () => {
    const t = parseRatings('\n\n1\t2\t3\t4\n\n   \n5\t6\t7\t8\n\n');
    expect(t.users.length).toBe(2);
    expect([...t.lines!]).toEqual([3, 6]);
    expect(t.skippedLines).toEqual([]);
  });

  it('reads quoted fields (RFC 4180) in ratings files', () => {
    const t = parseRatings('"user","item","rating"\n"a,1","x ""y""","4"\n"b",z,5\n');
    expect(t.userKeys).toEqual(['a,1', 'b']);
    expect(t.itemKeys).toEqual(['x "y"', 'z']);
  });

  it('skips and reports a repeated header (two exports concatenated)', () => {
    const t = parseRatings('userId,movieId,rating\n1,2,5\n3,4,1\nuserId,movieId,rating\n5,6,2\n');
    expect(t.users.length).toBe(3);
    expect(t.skippedLines).toEqual([4]);
    expect(t.warnings.map(english)).toEqual(['line 4 repeats the header (two files joined?); skipped it.']);
  });

  it('skips a header-like line inside a headerless file as a header, not a bad line', () => {
    const t = parseRatings('1\t2\t3\t4\n5\t6\t7\t8\nuser\titem\trating\ttimestamp\n9\t9\t9\t9\n');
    expect(t.users.length).toBe(3);
    expect(t.skippedLines).toEqual([3]);
    expect(t.warnings.map(english)).toEqual(['line 3 repeats the header (two files joined?); skipped it.']);
  });

  it('keeps every duplicate line (buildDataset resolves them)', () => {
    const t = parseRatings('1\t2\t3\t4\n1\t2\t5\t6\n');
    expect(t.users.length).toBe(2);
  });

  it('reads Latin-1 ids after decodeText', () => {
    const t = parseRatings(decodeText(latin1('user;item;rating\nJosé;Café;4\nZoë;Crème;5\n')).text);
    expect(t.userKeys).toEqual(['José', 'Zoë']);
    expect(t.itemKeys).toEqual(['Café', 'Crème']);
  });
});

describe('parseRatings: bad lines and refusals', () => {
  it('skips a few bad lines in a big file and reports count, line numbers and problems', () => {
    const lines = udataLines(100);
    lines[56] = '57\t66\t3\t881250056\t9'; // line 57: five fields
    lines[69] = '70\t79\tabc\t881250069'; // line 70: rating not a number
    lines[79] = '80\t89\tNaN\t881250079';
    lines[80] = '81\t90\tinf\t881250080';
    lines[89] = '\t99\t5\t881250089'; // line 90: empty user
    lines[94] = '95\t104\t5\tyesterday';
    const t = parseRatings(lines.join('\n') + '\n');
    expect(t.users.length).toBe(94);
    expect(t.skippedLines).toEqual([57, 70, 80, 81, 90, 95]);
    expect(t.warnings.map(english)).toEqual([
      'Skipped 6 bad lines of 100: lines 57, 70, 80, 81, 90, 95.',
      'line 57: expected 4 fields, found 5: "57\\t66\\t3\\t881250056\\t9"',
      'line 70: column 3 (rating) is "abc", not a finite number: "70\\t79\\tabc\\t881250069"',
      'line 80: column 3 (rating) is "NaN", not a finite number: "80\\t89\\tNaN\\t881250079"',
    ]);
  });

  it('lists at most ten line numbers', () => {
    const lines = udataLines(1000);
    for (let k = 100; k < 112; k++) lines[k] = `${k}\t1`;
    const t = parseRatings(lines.join('\n'));
    expect(t.warnings.map(english)[0]).toBe(
      'Skipped 12 bad lines of 1000: lines 101, 102, 103, 104, 105, 106, 107, 108, 109, 110 and 2 more.',
    );
  });

  it('quotes at most 80 characters of a bad line', () => {
    const lines = udataLines(20);
    lines[5] = '6\t15\t2\t881250005\t' + 'x'.repeat(200);
    const t = parseRatings(lines.join('\n'));
    expect(t.warnings.map(english)[1]).toBe(`line 6: expected 4 fields, found 5: "6\\t15\\t2\\t881250005\\t${'x'.repeat(62)}…"`);
  });

  it('refuses when more than 10% of data lines are bad, naming the first bad line', () => {
    const lines = udataLines(20);
    lines[4] = '5\t14\tfive\t881250004';
    lines[9] = '10\t19\t5';
    lines[14] = '15\t24\t3\t881250014\t0';
    const e = refusal(lines.join('\n'));
    expect(e.message).toBe(
      'Too many bad lines: 3 of 20 data lines (15%) cannot be read, more than the 10% that are skipped. ' +
        'The first: line 5: column 3 (rating) is "five", not a finite number: "5\\t14\\tfive\\t881250004"',
    );
    expect(e.line).toBe(5);
  });

  it('accepts exactly 10% bad lines', () => {
    const lines = udataLines(20);
    lines[4] = '5\t14\tfive\t881250004';
    lines[9] = '10\t19\t5';
    expect(parseRatings(lines.join('\n')).skippedLines).toEqual([5, 10]);
  });

  it('refuses a bad first data line: the layout was taken from it', () => {
    const e = refusal('userId,movieId,rating\n1,2,abc\n3,4,5\n5,6,1\n');
    expect(e.message).toBe(
      'line 2: column 3 (rating) is "abc", not a finite number: "1,2,abc" The first data line must be readable: the layout was taken from it.',
    );
    expect(e.line).toBe(2);
  });

  it('refuses a non-finite rating on the first line naming the column (NaN, inf)', () => {
    expect(refusal('1\t2\tNaN\t5\n1\t3\t4\t5\n').message).toMatch(/^line 1: column 3 \(rating\) is "NaN", not a finite number/);
    expect(refusal('u,i,r\n1,2,inf\n1,3,4\n').message).toMatch(/^line 2: column 3 \(rating\) is "inf", not a finite number/);
    expect(refusal('u,i,r\n1,2,Infinity\n1,3,4\n').line).toBe(2);
    expect(refusal('u,i,r\n1,2,\n1,3,4\n').message).toMatch(/^line 2: column 3 \(rating\) is "", not a finite number/);
  });

  it('refuses a file whose delimiter changes mid-file, naming the line', () => {
    const lines = udataLines(50);
    lines[30] = '31,40,3,881250030';
    const e = refusal(lines.join('\n'));
    expect(e.message).toBe(
      'line 31: the delimiter changes here: this line is separated by commas, the lines before by tabs: ' +
        '"31,40,3,881250030". Save the file with one delimiter.',
    );
    expect(e.line).toBe(31);
  });

  it('refuses a file that does not match the format asked for', () => {
    const e = refusal('1,2,3,4\n5,6,7,8\n', { format: 'udata' });
    expect(e.message).toBe('line 1: this line is separated by commas, but the udata format uses tabs: "1,2,3,4"');
    expect(e.line).toBe(1);
  });

  it('refuses an empty file and a file of blank lines', () => {
    expect(refusal('').message).toBe('The file is empty: it has no lines to read.');
    expect(refusal('\n  \r\n\n').message).toBe('The file is empty: it has no lines to read.');
    expect(refusal('', { format: 'csv' }).line).toBeNull();
  });

  it('refuses a header-only file', () => {
    const e = refusal('userId,movieId,rating,timestamp\n\n');
    expect(e.message).toBe('The file has a header (line 1) but no data lines.');
    expect(e.line).toBe(1);
  });

  it('refuses a text with no delimiter, naming the first line', () => {
    const e = refusal('\nhello world\nnothing here\n');
    expect(e.message).toBe(
      'line 2: cannot tell the delimiter: the first lines do not split into 2 or more fields by tabs, commas, semicolons or "::": "hello world"',
    );
    expect(e.line).toBe(2);
  });

  it('refuses a headerless file with more than 4 fields unless columns are given', () => {
    expect(refusal('1,2,3,4,5\n6,7,8,9,10\n').message).toBe(
      'line 1: there is no header and lines have 5 fields; say which columns hold the user, the item, the rating and the timestamp.',
    );
    expect(parseRatings('1,2,3,4,5\n6,7,8,9,10\n', { columns: { user: 4, item: 0 } }).userKeys).toEqual(['5', '10']);
  });

  it('refuses a quoted field that never closes', () => {
    const e = refusal('u,i,r\n1,2,3\n4,"5,6\n7,8,9\n');
    expect(e.message).toBe('line 3: a quoted field starts here and never closes (a missing ").');
    expect(e.line).toBe(3);
  });
});

describe('parseRatings: speed', () => {
  it('parses a generated 1,000,000-line u.data file (time printed, not asserted)', () => {
    const text = generateUData({ users: 6040, items: 3706, lines: 1_000_000, seed: 3 });
    const times: number[] = [];
    let t = parseRatings(text);
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      t = parseRatings(text);
      times.push(performance.now() - t0);
    }
    expect(t.users.length).toBe(1_000_000);
    expect(t.userKeys.length).toBe(6040);
    expect(t.itemKeys.length).toBe(3706);
    times.sort((a, b) => a - b);
    console.log(`parseRatings, 1,000,000 lines (${(text.length / 1e6).toFixed(1)} MB): median of 3 = ${times[1].toFixed(0)} ms`);
  });
});
