import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../data/rng';
import { useCpu } from '../test/tfSetup';
import { SETTINGS } from '../settings/table';
import { badTransferRequest, type FromWorker, type TransferRequest } from './protocol';
import { TransferJob } from './transferJob';

beforeAll(useCpu);

function request(keeps: number[], nUsers = 24, perUser = 10, maxEpochs = 1): TransferRequest {
  const rng = new Rng(9);
  const users: number[] = [];
  const items: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    const seen = new Set<number>();
    while (seen.size < perUser) seen.add(rng.next() < 0.8 ? (u % 2) + 2 * rng.int(15) : rng.int(30));
    for (const i of seen) {
      users.push(u);
      items.push(i);
    }
  }
  return { nUsers, users: Int32Array.from(users), items: Int32Array.from(items), domainOf: Int8Array.from({ length: 30 }, (_, i) => (i < 18 ? 0 : 1)), keeps, seed: 1, maxEpochs, l2s: [0], pretrainL2s: [0] };
}

/** A host as the worker is: posts collected, and a macrotask hop between steps (the worker's is a MessageChannel). */
function host(got: FromWorker[], onYield: () => void = () => {}) {
  return {
    post: (m: FromWorker) => got.push(m),
    yieldToEvents: () =>
      new Promise<void>((resolve) => {
        onYield();
        setTimeout(resolve, 0);
      }),
  };
}

describe('transfer job', () => {
  it('streams progress, one result per keep, then done', async () => {
    const got: FromWorker[] = [];
    await new TransferJob(host(got)).run(request([0.5, 1]));
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
    const job = new TransferJob({
      post: (m) => {
        got.push(m);
        if (m.type === 'transfer-progress' && m.epoch >= 1) job.cancel();
      },
      yieldToEvents: async () => {},
    });
    await job.run(request([0.5]));
    expect(got.at(-1)).toEqual({ type: 'transfer-done', cancelled: true });
    const bad = request([0.5]);
    bad.domainOf.fill(0);
    const msgs: FromWorker[] = [];
    await new TransferJob(host(msgs)).run(bad);
    expect(msgs.at(-1)).toEqual({ type: 'transfer-error', message: 'one of the two domains has no interactions' });
  });

  it('tries every weight decay of the request per mode and reports the one validation chose; progress counts the grid', async () => {
    const got: FromWorker[] = [];
    const req = { ...request([1], 24, 10, 2), l2s: [0, 1e-3], pretrainL2s: [3e-5] };
    await new TransferJob(host(got)).run(req);
    expect(got.at(-1)).toEqual({ type: 'transfer-done', cancelled: false });
    const result = got.flatMap((m) => (m.type === 'transfer-result' ? [m.result] : []));
    expect(result).toHaveLength(1);
    const r = result[0];
    expect(r.pretrain.l2).toBe(3e-5);
    for (const m of [r.scratch, r.frozen, r.finetune, r.joint, r.crossKd, r.crossKd.student]) expect(req.l2s).toContain(m.l2);
    // each mode trained once per value: its epoch count restarts, and the bar still only moves forward
    const progress = got.flatMap((m) => (m.type === 'transfer-progress' ? [m] : []));
    const scratchEpochs = progress.filter((p) => p.phase === 'scratch').map((p) => p.epoch);
    expect(scratchEpochs.filter((e) => e === 1)).toHaveLength(2);
    // the progress line says which value a mode is trying; one value (the pretraining here) says none
    expect(new Set(progress.filter((p) => p.phase === 'scratch').map((p) => p.l2))).toEqual(new Set(req.l2s));
    expect(progress.filter((p) => p.phase === 'pretrain').every((p) => p.l2 === null)).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction);
    expect(progress.at(-1)!.fraction).toBeLessThanOrEqual(1);
    expect(progress.at(-1)!.fraction).toBeGreaterThan(0.8);
  });

  it('refuses a request with a bad weight decay list before any training, naming the list', async () => {
    const ok = request([0.5]);
    expect(badTransferRequest(ok)).toBeNull();
    expect(badTransferRequest({ ...ok, l2s: [0, 1e-4, 3e-4, 1e-3], pretrainL2s: [3e-5] })).toBeNull();
    const cases: [Partial<TransferRequest>, RegExp][] = [
      [{ l2s: [0, -1e-4] }, /^weight decay values must hold numbers from 0 to 1, got -0\.0001$/],
      [{ l2s: [NaN] }, /^weight decay values must hold numbers from 0 to 1, got NaN$/],
      [{ l2s: [Infinity] }, /got Infinity$/],
      [{ l2s: [] }, /^weight decay values must list 1 to 6 values, got 0$/],
      [{ l2s: Array.from({ length: SETTINGS.transferL2s.maxLength + 1 }, (_, i) => i * 1e-4) }, /^weight decay values must list 1 to 6 values, got 7$/],
      [{ pretrainL2s: [-1] }, /^pretraining weight decay values must hold numbers from 0 to 1, got -1$/],
      [{ keeps: [0] }, /^keeps must hold numbers from 0\.01 to 1, got 0$/],
      [{ maxEpochs: 1.5 }, /^most epochs must be a whole number from 1 to 500, got 1\.5$/],
    ];
    for (const [patch, why] of cases) {
      const bad = { ...ok, ...patch };
      expect(badTransferRequest(bad)).toMatch(why);
      const got: FromWorker[] = [];
      const job = new TransferJob(host(got));
      await job.run(bad);
      expect(got).toHaveLength(1);
      expect(got[0].type).toBe('transfer-error');
      if (got[0].type === 'transfer-error') expect(got[0].message).toMatch(why);
    }
    // a refused request leaves the job free for the next one
    const after: FromWorker[] = [];
    const job = new TransferJob(host(after));
    await job.run({ ...ok, l2s: [NaN] });
    await job.run(ok);
    expect(after.at(-1)).toEqual({ type: 'transfer-done', cancelled: false });
  });

  it('a cancel that arrives from the event loop mid-epoch is seen at the next step', async () => {
    // 400 users × 30 interactions: the source pretraining has ~14 steps of 512 per epoch
    const req = request([1], 400, 30, 5);
    const before = tf.memory().numTensors;
    const got: FromWorker[] = [];
    let steps = 0;
    const job = new TransferJob(host(got, () => steps++));
    const run = job.run(req);
    // a real cancel, as a message would come: from a timer, once the run is a few steps in
    const timer = setInterval(() => {
      if (steps >= 3) {
        clearInterval(timer);
        job.cancel();
      }
    }, 0);
    await run;
    clearInterval(timer);
    expect(got.at(-1)).toEqual({ type: 'transfer-done', cancelled: true });
    // seen within the first epoch: no epoch of pretraining was reported as finished
    expect(got.some((m) => m.type === 'transfer-progress' && m.epoch >= 1)).toBe(false);
    // source rows less one validation item per user, in batches of 512 (the engine's batch size)
    const stepsPerEpoch = Math.floor((req.items.filter((i) => req.domainOf[i] === 0).length - req.nUsers) / 512);
    expect(stepsPerEpoch).toBeGreaterThan(5);
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(steps).toBeLessThan(stepsPerEpoch);
    // the engine of the cancelled phase was disposed
    expect(tf.memory().numTensors).toBe(before);
  });
});
