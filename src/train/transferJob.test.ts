import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../data/rng';
import { useCpu } from '../test/tfSetup';
import type { FromWorker, TransferRequest } from './protocol';
import { TransferJob } from './transferJob';

beforeAll(useCpu);

function request(keeps: number[]): TransferRequest {
  const rng = new Rng(9);
  const users: number[] = [];
  const items: number[] = [];
  for (let u = 0; u < 24; u++) {
    const seen = new Set<number>();
    while (seen.size < 10) seen.add(rng.next() < 0.8 ? (u % 2) + 2 * rng.int(15) : rng.int(30));
    for (const i of seen) {
      users.push(u);
      items.push(i);
    }
  }
  return { nUsers: 24, users: Int32Array.from(users), items: Int32Array.from(items), domainOf: Int8Array.from({ length: 30 }, (_, i) => (i < 18 ? 0 : 1)), keeps, seed: 1, maxEpochs: 1 };
}

describe('transfer job', () => {
  it('streams progress, one result per keep, then done', async () => {
    const got: FromWorker[] = [];
    await new TransferJob((m) => got.push(m)).run(request([0.5, 1]));
    const types = got.map((m) => m.type);
    expect(types.filter((t) => t === 'transfer-result')).toHaveLength(2);
    expect(types.at(-1)).toBe('transfer-done');
    const fractions = got.flatMap((m) => (m.type === 'transfer-progress' ? [m.fraction] : []));
    expect(fractions.length).toBeGreaterThan(5);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions.at(-1)!).toBeLessThanOrEqual(1);
  });

  it('a cancel ends the run after the current epoch; a request with an empty domain gets a sentence', async () => {
    const got: FromWorker[] = [];
    const job = new TransferJob((m) => {
      got.push(m);
      if (m.type === 'transfer-progress' && m.epoch >= 1) job.cancel();
    });
    await job.run(request([0.5]));
    expect(got.at(-1)).toEqual({ type: 'transfer-done', cancelled: true });
    const bad = request([0.5]);
    bad.domainOf.fill(0);
    const msgs: FromWorker[] = [];
    await new TransferJob((m) => msgs.push(m)).run(bad);
    expect(msgs.at(-1)).toEqual({ type: 'transfer-error', message: 'one of the two domains has no interactions' });
  });
});
