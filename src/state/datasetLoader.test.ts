import { describe, expect, it } from 'vitest';
import { english } from '../data/messages';
import { ingest } from '../data/ingest';
import { splitFor } from '../data/split';
import type { Split } from '../data/types';
import { DatasetLoader, SYNTHETIC_DEMO, type ParseFn } from './datasetLoader';
import { createStudioStore } from './store';

/** The parse worker's work, in-process: ingest() with the same options. */
let workerSplit: Split | undefined;
const parse: ParseFn = async (ratings, titles, options, onProgress) => {
  const { splitSeed, ...opts } = options ?? {};
  const r = await ingest(
    { bytes: new Uint8Array(ratings.bytes), name: ratings.name },
    titles ? { bytes: new Uint8Array(titles.bytes), name: titles.name } : null,
    { ...opts, source: 'upload', onProgress },
  );
  workerSplit = splitSeed === undefined ? undefined : splitFor(r.dataset, splitSeed);
  const made = workerSplit ? { split: workerSplit } : {};
  return { type: 'done', id: 0, dataset: r.dataset, stats: r.stats, format: r.table.format, hasHeader: r.table.hasHeader, skippedLines: r.table.skippedLines, titleCount: r.titles ? r.titles.titles.size : null, ...made };
};

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });
const udata = (users: number, perUser: number) =>
  Array.from({ length: users * perUser }, (_, k) => `${1 + Math.floor(k / perUser)}\t${1 + ((k * 7) % 40)}\t4\t${880000000 + k}`).join('\n');

function setup() {
  const store = createStudioStore();
  const loader = new DatasetLoader(store, { parse, fetchBytes: async (p) => { throw new Error(`${p}: HTTP 404 Not Found`); } });
  return { store, loader };
}

describe('DatasetLoader', () => {
  it('loads an upload with stats, split and titles; a broken upload keeps it', async () => {
    const { store, loader } = setup();
    await loader.setRatingsFile(file('u.data', udata(20, 5)));
    const cur = store.getState().dataset.current!;
    expect(cur.stats).toMatchObject({ users: 20, interactions: 100 });
    expect(cur.dataset.source).toBe('upload');
    expect(cur.split.evalUsers.length).toBe(20);
    // the split made next to the parse (off the page's thread) is the one kept
    expect(cur.split).toBe(workerSplit);
    expect(cur.blocker).toBeNull();

    await loader.setRatingsFile(file('broken.data', '1\t2\t3\t4\n1\t3\tx\t5\n2\t3\t3\n2\t4\t1\t2\t9\n'));
    expect(english(store.getState().dataset.error!)).toMatch(/broken\.data: .*line \d+/);
    expect(store.getState().dataset.current).toBe(cur);

    await loader.setTitlesFile(file('titles.csv', 'item_id,title\n1,"<b>One</b>"\n'));
    await loader.setRatingsFile(file('u.data', udata(20, 5)));
    const titled = store.getState().dataset.current!;
    expect(titled.titleCount).toBe(1);
    expect(titled.dataset.titles).toContain('<b>One</b>');
    expect(store.getState().dataset.error).toBeNull();
  });

  it('says why a dataset cannot train, before any training', async () => {
    const { store, loader } = setup();
    await loader.setRatingsFile(file('two.data', '1\t1\t5\t1\n1\t2\t5\t2\n2\t1\t5\t3\n'));
    expect(english(store.getState().dataset.current!.blocker!)).toMatch(/No user has at least 3 interactions/);
  });

  it('the synthetic demo loads at once; a failed built-in fetch is an error and a notice', async () => {
    const { store, loader } = setup();
    loader.loadSynthetic();
    expect(store.getState().dataset.current?.stats.users).toBe(SYNTHETIC_DEMO.users);
    expect(store.getState().dataset.current?.dataset.source).toBe('synthetic');
    await loader.loadBuiltin();
    expect(store.getState().dataset.error).toContain('HTTP 404');
    expect(store.getState().dataset.current?.dataset.source).toBe('synthetic');
    expect(store.getState().ui.notices.map((n) => n.key)).toContain('notice.builtinFetchFailed');
  });

  it('a dropped pair: the file named like titles is the titles file', async () => {
    const { store, loader } = setup();
    await loader.dropFiles([file('u.item', '1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n'), file('u.data', udata(10, 5))]);
    expect(store.getState().dataset.current?.stats.users).toBe(10);
    expect(store.getState().dataset.current?.titleCount).toBe(1);
  });
});
