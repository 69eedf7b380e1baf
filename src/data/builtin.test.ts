// Reads the shipped files from public/ with node:fs: tests run in Node only; builtin.ts itself
// takes a byte reader and stays free of node: imports.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ATTRIBUTION, BUILTIN_DATASET, loadBuiltin } from './builtin.ts';
import { datasetStats } from './stats.ts';
import { splitLeaveOneOut, checkTrainable } from './split.ts';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));
const readPublic = async (rel: string): Promise<Uint8Array> => new Uint8Array(await readFile(PUBLIC + rel));

describe('built-in dataset goodbooks-2k', () => {
  it('loads with exactly 2,668 users, 2,000 items, 201,701 interactions and 2,000 titles', async () => {
    const ds = await loadBuiltin(readPublic);
    expect(ds.name).toBe('goodbooks-2k');
    expect(ds.source).toBe('builtin');
    expect(ds.nUsers).toBe(2668);
    expect(ds.nItems).toBe(2000);
    expect(ds.users.length).toBe(201701);
    expect(ds.titles!.filter((t) => t !== null).length).toBe(2000);
    expect(ds.timestamps).toBeNull();
    expect(ds.warnings).toEqual([]);
    expect(BUILTIN_DATASET.expected).toEqual({ users: 2668, items: 2000, interactions: 201701, titles: 2000 });
    const i = ds.itemKeys.indexOf('2076');
    expect(ds.titles![i]).toBe('The Epic of Gilgamesh');
    expect(ds.years![i]).toBe(-1750);
    expect(Number.isNaN(ds.years![ds.itemKeys.indexOf('220')])).toBe(true);

    const stats = datasetStats(ds);
    expect([stats.minPerUser, stats.medianPerUser, stats.maxPerUser]).toEqual([5, 75, 194]);
    expect(stats.ratingHistogram!.map((b) => b.count)).toEqual([4590, 12566, 45777, 70901, 67867]);
    const split = splitLeaveOneOut(ds, { seed: 1, order: 'timestamp' });
    expect(split.order).toBe('random');
    expect(split.evalUsers.length).toBe(2668);
    expect(checkTrainable(ds, split)).toBeNull();
  });

  it('carries the CC BY-SA attribution as fields', () => {
    expect(BUILTIN_ATTRIBUTION).toMatchObject({
      title: 'goodbooks-10k',
      author: 'Zygmunt Zając',
      url: 'https://github.com/zygmuntz/goodbooks-10k',
      license: 'CC BY-SA 4.0',
      licenseUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    });
    expect(BUILTIN_ATTRIBUTION.changes).toMatch(/^A random subset of users/);
  });
});
