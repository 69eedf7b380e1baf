/**
 * Bench worker: training-step throughput on one backend with the built-in dataset's shapes, and
 * the cpu-parity run. Same engine and backend choice as the studio's worker.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { loadBuiltin } from '../../src/data/builtin';
import { splitLeaveOneOut } from '../../src/data/split';
import { chooseBackend, startBackend } from '../../src/train/backends';
import { DistillEngine } from '../../src/train/engine';
import { parityConfig, paritySplit } from '../parity';
import { measureSteps } from '../steps';
import type { BenchRequest, BenchResponse } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const post = (m: BenchResponse) => (self as unknown as { postMessage(m: BenchResponse): void }).postMessage(m);

async function steps(req: Extract<BenchRequest, { type: 'steps' }>): Promise<void> {
  const report = await chooseBackend(req.backend);
  if (report.backend !== req.backend) throw new Error(`${req.backend} did not start: ${report.failures.map((f) => f.error).join('; ')}`);
  const ds = await loadBuiltin(async (p) => new Uint8Array(await (await fetch(`/${p}`)).arrayBuffer()));
  const split = splitLeaveOneOut(ds, { seed: 1, order: 'random' });
  post({ type: 'steps', report, ...(await measureSteps(split, req.roles, req.seconds, req.maxSteps)) });
}

async function parity(req: Extract<BenchRequest, { type: 'parity' }>): Promise<void> {
  const run = async () => {
    const e = new DistillEngine(paritySplit(), parityConfig);
    const out: number[] = [];
    for (let i = 0; i < req.steps; i++) {
      const r = (await e.stepAndRead(true))!;
      out.push(r.teacher, r.student, r.kdHard, r.kdDistill);
    }
    e.dispose();
    return out;
  };
  const cpuErr = await startBackend('cpu');
  if (cpuErr) throw new Error(cpuErr);
  const cpu = await run();
  const report = await chooseBackend(req.backend);
  if (report.backend !== req.backend) throw new Error(`${req.backend} did not start: ${report.failures.map((f) => f.error).join('; ')}`);
  const other = await run();
  post({ type: 'parity', report, cpu, other });
}

self.onmessage = (e: MessageEvent<BenchRequest>) => {
  const req = e.data;
  (req.type === 'steps' ? steps(req) : parity(req)).catch((err: unknown) =>
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
