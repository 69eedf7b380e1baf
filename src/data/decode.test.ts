import { describe, expect, it } from 'vitest';
import { english } from './messages.ts';
import { decodeText, firstInvalidUtf8 } from './decode.ts';
import { DataError } from './errors.ts';
import { gunzip, isGzip } from './gzip.ts';
import { checkFileSize, MAX_FILE_BYTES } from './limits.ts';
import { latin1 } from './__fixtures__/movielensLike.ts';
import { gzip, utf16, utf8 } from './__fixtures__/bytes.ts';

const SAMPLE = 'userId,movieId,rating\n1,Amélie,5\n';

function refusal(f: () => unknown): DataError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeText(utf8(SAMPLE, true))).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(utf16(SAMPLE, 'le'))).toEqual({ text: SAMPLE, encoding: 'utf-16le', warnings: [] });
    expect(decodeText(utf16(SAMPLE, 'be'))).toEqual({ text: SAMPLE, encoding: 'utf-16be', warnings: [] });
  });

  it('falls back to Latin-1 and names the line of the first non-UTF-8 byte', () => {
    const d = decodeText(latin1('1|Toy Story\n2|GoldenEye\n3|Café\n'), 'u.item');
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('1|Toy Story\n2|GoldenEye\n3|Café\n');
    expect(d.warnings.map(english)).toEqual([
      'u.item is not valid UTF-8 (first at line 3), so it was read as Latin-1 (Windows-1252); check accented titles.',
    ]);
  });

  it('refuses NUL bytes, naming the line', () => {
    const bytes = utf8('1,2,3\n4,5,6\n7,\u00008,9\n');
    const e = refusal(() => decodeText(bytes, 'r.csv'));
    expect(e.message).toBe(
      'r.csv is not text: it has a NUL byte at line 3. Expected a ratings or titles file such as u.data, ratings.dat or ratings.csv.',
    );
    expect(e.line).toBe(3);
  });

  it('says so when the NULs look like UTF-16 without a BOM', () => {
    const noBom = utf16('1,2,3\n', 'le').subarray(2);
    expect(refusal(() => decodeText(noBom)).message).toBe(
      'The file is not text as read: it has NUL bytes from line 1 on. It looks like UTF-16 without a byte-order mark; save it as UTF-8.',
    );
  });

  it('refuses a file of mostly control characters', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 65 : 1 + (i % 8)));
    expect(refusal(() => decodeText(bytes)).message).toBe(
      'The file is not text: 133 of its first 200 characters are control characters. Expected a ratings or titles file such as u.data, ratings.dat or ratings.csv.',
    );
  });

  it('refuses NULs inside UTF-16 text', () => {
    const e = refusal(() => decodeText(utf16('a\nb\u0000c\n', 'le')));
    expect(e.line).toBe(2);
  });

  it('refuses gzip and zip archives by their magic bytes', () => {
    expect(refusal(() => decodeText(new Uint8Array([0x1f, 0x8b, 8, 0]), 'r.csv')).message).toBe(
      'r.csv is gzip-compressed; name it .gz or unpack it first.',
    );
    expect(refusal(() => decodeText(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'ml-100k.zip')).message).toBe(
      'ml-100k.zip is a zip archive; extract the ratings file (e.g. u.data or ratings.csv) from it first.',
    );
  });

  it('decodes an empty file to empty text (the parser refuses it)', () => {
    expect(decodeText(new Uint8Array(0)).text).toBe('');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(utf8('aé€😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe0, 0x80, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe9, 0x0a]))).toBe(2);
  });
});

describe('gunzip', () => {
  it('round-trips through CompressionStream', async () => {
    const bytes = utf8(SAMPLE.repeat(1000));
    const gz = await gzip(bytes);
    expect(isGzip(gz)).toBe(true);
    expect(await gunzip(gz)).toEqual(bytes);
  });

  it('refuses bytes that are not gzip', async () => {
    await expect(gunzip(utf8('1,2,3'))).rejects.toThrow(
      'This .gz file is not gzip-compressed (it lacks the gzip header).',
    );
  });

  it('refuses a damaged gzip file', async () => {
    const gz = await gzip(utf8(SAMPLE.repeat(100)));
    const broken = gz.slice(0, 20);
    await expect(gunzip(broken)).rejects.toThrow(/^This \.gz file is damaged and cannot be unpacked/);
  });

  it('refuses output past the size limit while it streams', async () => {
    const gz = await gzip(new Uint8Array(100_000).fill(65));
    await expect(gunzip(gz, 50_000)).rejects.toThrow('This .gz file unpacks to more than 0.1 MB, over the limit.');
  });
});

describe('checkFileSize', () => {
  it('accepts files up to the limit and names size and limit above it', () => {
    expect(MAX_FILE_BYTES).toBe(200_000_000);
    expect(() => checkFileSize(MAX_FILE_BYTES, 'ratings.csv')).not.toThrow();
    const e = refusal(() => checkFileSize(250_300_000, 'ratings.csv'));
    expect(e.message).toBe('ratings.csv is 250.3 MB, over the 200 MB limit. Use a sample of it, or filter it first.');
    expect(e.line).toBeNull();
  });
});
