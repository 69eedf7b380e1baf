/**
 * The bench page's API, called by Playwright (`npm run bench`, the browser tests):
 * - `benchApi.ask(req)`: step throughput or cpu parity on one backend, in a fresh bench worker;
 * - `benchApi.trainer`: the studio's own training worker (TrainClient) with every message it
 *   sends recorded, so tests can check the protocol's behaviour in real Chromium.
 */
import { loadBuiltin } from '../../src/data/builtin';
import { splitLeaveOneOut } from '../../src/data/split';
import { synthesize } from '../../src/data/synth';
import type { Dataset } from '../../src/data/types';
import { BUILTIN_TEACHER_CHECKPOINT } from '../../src/train/checkpoint';
import { TrainClient } from '../../src/train/client';
import { defaultTrainConfig, type TrainConfig } from '../../src/train/config';
import { defaultRunPlan, type BackendName, type FromWorker, type RunPlan, type ToWorker } from '../../src/train/protocol';
import type { BenchRequest, BenchResponse } from './protocol';

function ask(req: BenchRequest): Promise<BenchResponse> {
  return new Promise((resolve) => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<BenchResponse>) => {
      w.terminate();
      resolve(e.data);
    };
    w.onerror = (e) => {
      w.terminate();
      resolve({ type: 'error', message: e.message || 'worker failed' });
    };
    w.postMessage(req);
  });
}

/** Messages as recorded: the message and performance.now() when it arrived. */
type Recorded = { at: number; msg: FromWorker };

const trainer = {
  client: null as TrainClient | null,
  messages: [] as Recorded[],
  sentAt: {} as Record<string, number>,
  /** Starts a fresh studio worker on a backend ('auto' or forced). */
  init(backend: BackendName | 'auto') {
    this.client?.dispose();
    this.messages = [];
    this.client = new TrainClient();
    this.client.onMessage((msg) => this.messages.push({ at: performance.now(), msg }));
    this.send({ type: 'init', backend });
  },
  /** Loads the built-in dataset (with its teacher checkpoint) or a small synthetic one. */
  async load(data: 'builtin' | 'synthetic', config: Partial<TrainConfig> = {}, plan: Partial<RunPlan> = {}) {
    const ds: Dataset =
      data === 'builtin'
        ? await loadBuiltin(async (p) => new Uint8Array(await (await fetch(`/${p}`)).arrayBuffer()))
        : synthesize({ users: 300, items: 200, clusters: 5, perUser: 20, seed: 1, noise: 0.1 });
    const split = splitLeaveOneOut(ds, { seed: 1, order: ds.timestamps ? 'timestamp' : 'random' });
    const cfg: TrainConfig = { ...defaultTrainConfig, ...config };
    let checkpoint: ArrayBuffer | null = null;
    if (data === 'builtin' && cfg.schedule === 'checkpoint') {
      const r = await fetch(`/${BUILTIN_TEACHER_CHECKPOINT}`);
      // a dev server answers unknown paths with index.html: only a binary answer is a checkpoint
      checkpoint = r.ok && !(r.headers.get('content-type') ?? '').includes('text/html') ? await r.arrayBuffer() : null;
    }
    if (data === 'synthetic' && !config.schedule) cfg.schedule = 'online';
    this.send({ type: 'load', split, config: cfg, plan: { ...defaultRunPlan, ...plan }, checkpoint });
  },
  send(msg: ToWorker) {
    this.sentAt[msg.type] = performance.now();
    this.client?.send(msg);
  },
  /** The last message of a type, or null. */
  last<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }> | null {
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i].msg.type === type) return this.messages[i].msg as Extract<FromWorker, { type: T }>;
    return null;
  },
};

const api = { ask, trainer };
declare global {
  interface Window {
    benchApi: typeof api;
  }
}
window.benchApi = api;
document.getElementById('log')!.textContent = 'ready';
