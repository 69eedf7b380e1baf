// Runs the worker adapter in Node with a stand-in for the worker's global scope.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParseWorkerRequest, ParseWorkerResponse } from './parseProtocol.ts';
import { utf8 } from './__fixtures__/bytes.ts';
import { generateUData } from './__fixtures__/movielensLike.ts';
import { english } from './messages.ts';
import { splitFor } from './split.ts';

const posted: { msg: ParseWorkerResponse; transfer?: ArrayBuffer[] }[] = [];
const scope: {
  onmessage: ((e: { data: ParseWorkerRequest }) => void) | null;
  postMessage(msg: ParseWorkerResponse, transfer?: ArrayBuffer[]): void;
} = {
  onmessage: null,
  postMessage: (msg, transfer) => posted.push({ msg, transfer }),
};

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('./parseWorker.ts');
});

async function send(req: ParseWorkerRequest): Promise<ParseWorkerResponse[]> {
  posted.length = 0;
  scope.onmessage!({ data: req });
  for (let k = 0; k < 200 && !posted.some((p) => p.msg.type !== 'progress'); k++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  return posted.map((p) => p.msg);
}

const buffer = (text: string): ArrayBuffer => utf8(text).buffer as ArrayBuffer;

describe('parseWorker', () => {
  it('posts progress several times, then the dataset with stats', async () => {
    const text = generateUData({ users: 1000, items: 500, lines: 200_000, seed: 2 });
    const msgs = await send({ type: 'parse', id: 7, ratings: buffer(text), ratingsName: 'u.data', titles: buffer('id,title\n1,One\n'), titlesName: 't.csv' });
    const progress = msgs.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((m) => m.id === 7)).toBe(true);
    const done = msgs.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.id).toBe(7);
    expect(done.stats.interactions).toBe(200_000);
    expect(done.dataset.nUsers).toBe(1000);
    expect(done.format).toBe('udata');
    expect(done.titleCount).toBe(1);
    expect(done.skippedLines).toEqual([]);
    expect(posted.at(-1)!.transfer!.length).toBe(4);
    expect(done.split).toBeUndefined();
  });

  it('splits too when asked for a split seed, the same split as on the page, handed over', async () => {
    const text = generateUData({ users: 300, items: 200, lines: 20_000, seed: 3 });
    const msgs = await send({ type: 'parse', id: 9, ratings: buffer(text), ratingsName: 'u.data', options: { splitSeed: 5 } });
    const done = msgs.at(-1)!;
    if (done.type !== 'done' || !done.split) throw new Error('expected done with a split');
    const ref = splitFor(done.dataset, 5);
    expect(done.split.seed).toBe(5);
    expect([...done.split.testItem]).toEqual([...ref.testItem]);
    expect([...done.split.trainItems]).toEqual([...ref.trainItems]);
    expect(posted.at(-1)!.transfer!.length).toBeGreaterThan(4);
  });

  it('posts an error with the message and line', async () => {
    const msgs = await send({ type: 'parse', id: 8, ratings: buffer('u,i,r\n1,2,3\n1,2\t3\t4\n'), ratingsName: 'r.csv' });
    expect(msgs.at(-1)).toMatchObject({
      type: 'error',
      id: 8,
      message: 'r.csv: line 3: the delimiter changes here: this line is separated by tabs, the lines before by commas: "1,2\\t3\\t4". Save the file with one delimiter.',
      line: 3,
    });
    // and the same sentence as key + values, for the studio's language
    const last = msgs.at(-1)!;
    if (last.type !== 'error' || !last.text) throw new Error('expected an error with its text');
    expect(english(last.text)).toBe(last.message);
    expect(last.text).toMatchObject({ key: 'data.inFile', vars: { name: 'r.csv', text: { key: 'data.delimiterChanges', vars: { line: 3 } } } });
  });
});
