import { describe, expect, it } from 'vitest';
import { buildDataset } from '../data/dataset';
import { parseRatings } from '../data/ratings';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { badTransferRequest, TUNED_L2_GRID, type FromWorker, type ToWorker } from '../train/protocol';
import { fakeClients as fakes } from '../test/fakeTrainPort';
import { SideWorker, type SideJob } from './sideWorker';
import { l2Choice, TransferBridge } from './transferBridge';
import { createTransferStore } from './transferStore';

function recorder(): SideJob & { seen: string[]; fatal: string[] } {
  const seen: string[] = [];
  const fatal: string[] = [];
  return { seen, fatal, onMessage: (m) => seen.push(m.type), onFatal: (message) => fatal.push(message) };
}

const first: ToWorker = { type: 'transfer-cancel' };
const fatalError: FromWorker = { type: 'error', message: 'out of memory', recoverable: false };

describe('SideWorker', () => {
  it('starts a worker per job on the chosen backend, ends the previous one, and drops an ended worker’s messages', () => {
    const { clients, make } = fakes();
    const w = new SideWorker(make);
    const a = recorder();
    w.start('wasm', a, first);
    expect(clients[0].sent).toEqual([{ type: 'init', backend: 'wasm' }, first]);
    expect(w.running).toBe(true);
    const b = recorder();
    w.start('cpu', b, first);
    expect(clients[0].disposed).toBe(true);
    clients[0].emit({ type: 'transfer-done', cancelled: false });
    clients[1].emit({ type: 'transfer-done', cancelled: false });
    expect(a.seen).toEqual([]);
    expect(b.seen).toEqual(['transfer-done']);
    w.send(first);
    expect(clients[1].sent.length).toBe(3);
    w.end();
    expect(clients[1].disposed).toBe(true);
    expect(w.running).toBe(false);
    w.send(first);
    expect(clients[1].sent.length).toBe(3);
  });

  it('a fatal worker error goes to the job and ends the worker; a recoverable one is not the job’s', () => {
    const { clients, make } = fakes();
    const w = new SideWorker(make);
    const job = recorder();
    w.start('wasm', job, first);
    clients[0].emit({ type: 'error', message: 'a hiccup', recoverable: true });
    expect(job.fatal).toEqual([]);
    expect(job.seen).toEqual([]);
    expect(w.running).toBe(true);
    clients[0].emit(fatalError);
    expect(job.fatal).toEqual(['out of memory']);
    expect(clients[0].disposed).toBe(true);
    expect(w.running).toBe(false);
  });
});

describe('TransferBridge on its side worker', () => {
  const ds = buildDataset(parseRatings('user,item\na,1\na,3\nb,2\nb,4\nc,1\nc,2\n'), null, 'x.csv', 'upload');

  const settings = { ...DEFAULT_SETTINGS.transfer, rule: 'ids' as const };

  function setup() {
    const store = createTransferStore();
    store.getState().idListLoaded('source.txt', new Set(['1', '2']));
    const { clients, make } = fakes();
    return { store, clients, bridge: new TransferBridge(store, make) };
  }

  it('cancel terminates the worker at once; a fatal error fails the run', () => {
    const { store, clients, bridge } = setup();
    bridge.run(ds, 'wasm', settings);
    expect(clients[0].sent.map((m) => m.type)).toEqual(['init', 'transfer-run']);
    expect(store.getState().status).toBe('running');
    bridge.cancel();
    expect(clients[0].disposed).toBe(true);
    expect(store.getState().status).toBe('cancelled');
    bridge.run(ds, 'wasm', settings);
    clients[1].emit(fatalError);
    expect(store.getState()).toMatchObject({ status: 'error', error: 'out of memory' });
    expect(clients[1].disposed).toBe(true);
    // nothing runs now: a cancel leaves the failure as it is
    bridge.cancel();
    expect(store.getState().status).toBe('error');
  });

  it('the request carries the weight decay grid for every mode when the box is ticked, and no decay when not', () => {
    const { clients, bridge } = setup();
    const sentRequest = (i: number) => {
      const m = clients[i].sent.find((x) => x.type === 'transfer-run');
      if (m?.type !== 'transfer-run') throw new Error('no transfer-run sent');
      return m.request;
    };
    bridge.run(ds, 'wasm', settings);
    expect(sentRequest(0)).toMatchObject({ l2s: [0], pretrainL2s: [0] });
    bridge.run(ds, 'wasm', { ...settings, tuneL2: true });
    expect(sentRequest(1)).toMatchObject({ l2s: [0, 1e-4, 3e-4, 1e-3], pretrainL2s: [3e-5] });
    expect(badTransferRequest(sentRequest(1))).toBeNull();
    // the request holds copies: the worker's side cannot change the shared grid
    expect(sentRequest(1).l2s).not.toBe(TUNED_L2_GRID.l2s);
    expect(l2Choice(false)).toEqual({ l2s: [0], pretrainL2s: [0] });
  });
});
