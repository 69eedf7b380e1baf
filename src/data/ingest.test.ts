import { describe, expect, it } from 'vitest';
import { english } from './messages.ts';
import { ingest, readText } from './ingest.ts';
import { gzip, utf8 } from './__fixtures__/bytes.ts';
import { generateUItem } from './__fixtures__/movielensLike.ts';

const UDATA = '1\t1\t5\t881250949\n1\t2\t3\t881250950\n2\t1\t4\t881250951\n2\t3\t4\t881250952\n';

describe('ingest', () => {
  it('gunzips by name or by magic bytes', async () => {
    const gz = await gzip(utf8(UDATA));
    expect((await readText({ bytes: gz, name: 'u.data.gz' })).text).toBe(UDATA);
    expect((await readText({ bytes: gz, name: 'u.data' })).text).toBe(UDATA);
    const r = await ingest({ bytes: gz, name: 'u.data.gz' }, null);
    expect(r.dataset.name).toBe('u.data');
    expect(r.stats.interactions).toBe(4);
  });

  it('joins a Latin-1 u.item and reports the encoding', async () => {
    const r = await ingest({ bytes: utf8(UDATA), name: 'u.data' }, { bytes: generateUItem(3), name: 'u.item' });
    expect(r.encoding).toBe('utf-8');
    expect(r.titles!.format).toBe('uitem');
    expect(r.dataset.titles).toEqual(['Movie 1 (1931)', 'Movie 2 (1932)', 'Movie 3 (1933)']);
    expect(r.dataset.warnings.map(english)).toEqual([]);
  });

  it('prefixes refusals with the file name and keeps the line', async () => {
    const bad = 'u,i,r\n1,2,x\n';
    await expect(ingest({ bytes: utf8(bad), name: 'r.csv' }, null)).rejects.toMatchObject({
      name: 'DataError',
      line: 2,
      message: 'r.csv: line 2: column 3 (rating) is "x", not a finite number: "1,2,x" The first data line must be readable: the layout was taken from it.',
    });
    await expect(ingest({ bytes: utf8(UDATA), name: 'u.data' }, { bytes: utf8('id,title\n'), name: 't.csv' })).rejects.toThrow(
      't.csv: The titles file has a header (line 1) but no data lines.',
    );
    await expect(ingest({ bytes: utf8('abc'), name: 'x.gz' }, null)).rejects.toThrow(
      'x.gz: This .gz file is not gzip-compressed (it lacks the gzip header).',
    );
  });

  it('reports progress from 0 to 1', async () => {
    const seen: number[] = [];
    await ingest({ bytes: utf8(UDATA), name: 'u.data' }, null, { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
