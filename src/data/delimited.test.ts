import { describe, expect, it } from 'vitest';
import { RecordReader, detectDelimiter, sampleRecords } from './delimited.ts';
import { DataError } from './errors.ts';

function records(text: string, delimiter: string): { line: number; fields: string[]; raw: string }[] {
  const r = new RecordReader(text, delimiter);
  const out: { line: number; fields: string[]; raw: string }[] = [];
  while (r.next()) out.push({ line: r.line, fields: r.fields.slice(0, r.count), raw: r.raw() });
  return out;
}

describe('RecordReader', () => {
  it('splits plain lines, LF and CRLF, with or without a final newline', () => {
    expect(records('1,2,3\r\n4,5,6', ',')).toEqual([
      { line: 1, fields: ['1', '2', '3'], raw: '1,2,3' },
      { line: 2, fields: ['4', '5', '6'], raw: '4,5,6' },
    ]);
  });

  it('reports blank and all-space lines with count 0 and keeps counting lines', () => {
    const out = records('\n1\t2\n   \r\n3\t4\n', '\t');
    expect(out.map((r) => [r.line, r.fields.length])).toEqual([
      [1, 0],
      [2, 2],
      [3, 0],
      [4, 2],
    ]);
  });

  it('handles the two-character delimiter of ratings.dat', () => {
    expect(records('1::1193::5::978300760\n', '::')[0].fields).toEqual(['1', '1193', '5', '978300760']);
  });

  it('reads RFC 4180 quoting: delimiters, doubled quotes and newlines inside quotes', () => {
    const text = 'id,title\n1,"Heat, the ""Movie"""\n2,"Two\r\nlines"\n3,plain\n';
    expect(records(text, ',')).toEqual([
      { line: 1, fields: ['id', 'title'], raw: 'id,title' },
      { line: 2, fields: ['1', 'Heat, the "Movie"'], raw: '1,"Heat, the ""Movie"""' },
      { line: 3, fields: ['2', 'Two\r\nlines'], raw: '2,"Two\r\nlines"' },
      { line: 5, fields: ['3', 'plain'], raw: '3,plain' },
    ]);
  });

  it('reads an empty quoted field and a quoted last field followed by CRLF', () => {
    expect(records('"",b,"c"\r\nx,y,z\r\n', ',').map((r) => r.fields)).toEqual([
      ['', 'b', 'c'],
      ['x', 'y', 'z'],
    ]);
  });

  it('trims spaces around unquoted fields and before quotes', () => {
    expect(records(' 1 , "a b" , 3 \n', ',')[0].fields).toEqual(['1', 'a b', '3']);
  });

  it('keeps a quote inside an unquoted field literally', () => {
    expect(records('1,12" vinyl,3\n', ',')[0].fields).toEqual(['1', '12" vinyl', '3']);
  });

  it('refuses a quoted field that never closes, naming its line', () => {
    const r = new RecordReader('a,b\n1,"open\n2,3\n', ',');
    r.next();
    try {
      r.next();
      throw new Error('expected a DataError');
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).message).toBe('line 2: a quoted field starts here and never closes (a missing ").');
      expect((e as DataError).line).toBe(2);
    }
  });

  it('treats lone CR line ends (old Mac files) as line breaks', () => {
    expect(records('1,2\r3,4\r', ',').map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('detectDelimiter', () => {
  const cands = ['::', '\t', ',', ';'] as const;
  it('picks the delimiter that splits lines consistently', () => {
    expect(detectDelimiter('1::2::5::9\n3::4::1::9\n', cands)).toEqual({ delimiter: '::', fieldCount: 4, agreement: 1 });
    expect(detectDelimiter('1\t2\t5\n3\t4\t1\n', cands)?.delimiter).toBe('\t');
    expect(detectDelimiter('u;i;r\n1;2;3,5\n', cands)).toEqual({ delimiter: ';', fieldCount: 3, agreement: 1 });
    expect(detectDelimiter('"a,b",c\n"d,e",f\n', cands)).toEqual({ delimiter: ',', fieldCount: 2, agreement: 1 });
  });

  it('returns null when nothing splits', () => {
    expect(detectDelimiter('hello\nworld\n', cands)).toBeNull();
    expect(detectDelimiter('', cands)).toBeNull();
  });

  it('samples only non-blank records', () => {
    expect(sampleRecords('\n\na,b\n\nc,d\n', ',').map((r) => r.line)).toEqual([3, 5]);
  });
});
