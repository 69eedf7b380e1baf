import { describe, expect, it } from 'vitest';
import { english } from './messages.ts';
import { decodeText } from './decode.ts';
import { DataError } from './errors.ts';
import { detectTitlesFormat, parseTitles } from './titles.ts';
import { generateUItem } from './__fixtures__/movielensLike.ts';

function refusal(text: string): DataError {
  try {
    parseTitles(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

const FLAGS_ACTION_COMEDY = '0|1|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0';

describe('parseTitles: u.item', () => {
  it('reads the MovieLens 100K layout: title, year from the release date, genres from the flags', () => {
    const t = parseTitles(
      `1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n` +
        `267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n` +
        `2|GoldenEye (1995)|||x|${FLAGS_ACTION_COMEDY}\n`,
    );
    expect(t.format).toBe('uitem');
    expect(t.titles).toEqual(new Map([['1', 'Toy Story (1995)'], ['267', 'unknown'], ['2', 'GoldenEye (1995)']]));
    expect(t.years).toEqual(new Map([['1', 1995], ['2', 1995]]));
    expect(t.genres.get('1')).toEqual(['Animation', "Children's", 'Comedy']);
    expect(t.genres.get('267')).toEqual(['unknown']);
    expect(t.genres.get('2')).toEqual(['Action', 'Comedy']);
    expect(t.warnings.map(english)).toEqual([]);
  });

  it('reads a Latin-1 u.item after decodeText, accents intact', () => {
    const d = decodeText(generateUItem(30), 'u.item');
    expect(d.encoding).toBe('windows-1252');
    const t = parseTitles(d.text, { fileName: 'u.item' });
    expect(t.titles.size).toBe(30);
    expect(t.titles.get('10')).toBe('Café Story 10 (1940)');
    expect(t.years.get('10')).toBe(1940);
    expect(t.genres.get('10')).toEqual(['Drama', 'Film-Noir']);
  });

  it('skips a short line and reports it', () => {
    const good = Array.from({ length: 12 }, (_, k) => `${k + 1}|M${k + 1}|01-Jan-2000||u|${FLAGS_ACTION_COMEDY}`);
    good[4] = '5|Broken';
    const t = parseTitles(good.join('\n'), { format: 'uitem' });
    expect(t.titles.size).toBe(11);
    expect(t.skippedLines).toEqual([5]);
    expect(t.warnings.map(english)).toEqual([
      'Skipped 1 bad line of the titles file: line 5.',
      'line 5: expected 24 fields separated by |, found 2: "5|Broken"',
    ]);
  });
});

describe('parseTitles: movies.csv', () => {
  it('reads RFC 4180 quoting, |-separated genres and the year in the title', () => {
    const text =
      'movieId,title,genres\r\n' +
      '1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\r\n' +
      '11,"American President, The (1995)",Comedy|Drama|Romance\r\n' +
      '12,"Dracula: Dead and ""Loving"" It (1995)",Comedy|Horror\r\n' +
      '13,"Two\nLines (2001) ",Drama\r\n' +
      '14,No Year,(no genres listed)\r\n';
    const t = parseTitles(text);
    expect(t.format).toBe('movies');
    expect(t.titles.get('11')).toBe('American President, The (1995)');
    expect(t.titles.get('12')).toBe('Dracula: Dead and "Loving" It (1995)');
    expect(t.titles.get('13')).toBe('Two\nLines (2001) ');
    expect(t.years).toEqual(new Map([['1', 1995], ['11', 1995], ['12', 1995], ['13', 2001]]));
    expect(t.genres.get('1')).toEqual(['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy']);
    expect(t.genres.get('14')).toEqual([]);
    expect(t.skippedLines).toEqual([]);
  });

  it('keeps markup in a title as literal text', () => {
    const t = parseTitles('movieId,title,genres\n1,<img src=x onerror=alert(1)>,Drama\n2,"<script>alert(""x"")</script>",Drama\n');
    expect(t.titles.get('1')).toBe('<img src=x onerror=alert(1)>');
    expect(t.titles.get('2')).toBe('<script>alert("x")</script>');
  });
});

describe('parseTitles: books.csv and generic', () => {
  it('reads goodbooks books.csv: quoted titles, authors, negative and empty years', () => {
    const t = parseTitles(
      'book_id,title,authors,year\n' +
        '1,"The Hunger Games (The Hunger Games, #1)",Suzanne Collins,2008\n' +
        '2076,The Epic of Gilgamesh,Anonymous,-1750\n' +
        '220,"Some ""Quoted"" Book","A, B",\n',
    );
    expect(t.format).toBe('books');
    expect(t.titles.get('1')).toBe('The Hunger Games (The Hunger Games, #1)');
    expect(t.titles.get('220')).toBe('Some "Quoted" Book');
    expect(t.years).toEqual(new Map([['1', 2008], ['2076', -1750]]));
    expect(t.authors?.get('220')).toBe('A, B');
  });

  it('reads a generic id,title file with a header (any delimiter) or without', () => {
    const a = parseTitles('item_id\tname\nA1\tFirst (1999)\nA2\tSecond\n');
    expect(a.format).toBe('generic');
    expect(a.titles).toEqual(new Map([['A1', 'First (1999)'], ['A2', 'Second']]));
    expect(a.years).toEqual(new Map([['A1', 1999]]));
    const b = parseTitles('7,Seven\n8,"Eight, Late"\n');
    expect(b.titles).toEqual(new Map([['7', 'Seven'], ['8', 'Eight, Late']]));
    expect(b.warnings.map(english)).toEqual(['The titles file has no header, so column 1 was read as the id and column 2 as the title.']);
  });

  it('reads MovieLens 1M movies.dat (id::title::genres, no header)', () => {
    const t = parseTitles('1::Toy Story (1995)::Animation|Children\'s|Comedy\n2::Jumanji (1995)::Adventure\n');
    expect(t.titles).toEqual(new Map([['1', 'Toy Story (1995)'], ['2', 'Jumanji (1995)']]));
    expect(t.genres.get('1')).toEqual(['Animation', "Children's", 'Comedy']);
    expect(t.years.get('2')).toBe(1995);
    expect(t.warnings.map(english)).toEqual([]);
  });

  it('keeps the later title of a repeated id and says so', () => {
    const t = parseTitles('id,title\n1,Old\n2,Two\n1,New\n');
    expect(t.titles.get('1')).toBe('New');
    expect(t.warnings.map(english)).toEqual(['1 titles repeat an id given before (first at line 4); the later title was kept.']);
  });

  it('skips a repeated header', () => {
    const t = parseTitles('id,title\n1,A\nid,title\n2,B\n');
    expect(t.titles.size).toBe(2);
    expect(t.skippedLines).toEqual([3]);
    expect(t.warnings.map(english)).toEqual(['line 3 of the titles file repeats the header; skipped it.']);
  });

  it('detects formats from content and the u.item file name', () => {
    expect(detectTitlesFormat('movieId,title,genres\n')).toBe('movies');
    expect(detectTitlesFormat('book_id,title,authors,year\n')).toBe('books');
    expect(detectTitlesFormat('1|A\n', 'ml-100k/u.item')).toBe('uitem');
    expect(detectTitlesFormat('id,title\n')).toBe('generic');
  });
});

describe('parseTitles: refusals', () => {
  it('refuses an empty file and a header-only file', () => {
    expect(refusal('').message).toBe('The titles file is empty: it has no lines to read.');
    const e = refusal('movieId,title,genres\n');
    expect(e.message).toBe('The titles file has a header (line 1) but no data lines.');
    expect(e.line).toBe(1);
  });

  it('refuses a header without a title column', () => {
    const e = refusal('movieId,genres\n1,Drama\n');
    expect(e.message).toBe('line 1: the titles header names no title column (expected e.g. title or name).');
  });

  it('refuses when more than 10% of lines are bad, naming the first', () => {
    const e = refusal('id,title\n1,A\n2\n3\n4,D\n');
    expect(e.message).toBe(
      'Too many bad lines in the titles file: 2 of 4 cannot be read. The first: line 3: expected at least 2 fields, found 1: "2"',
    );
    expect(e.line).toBe(3);
  });
});
