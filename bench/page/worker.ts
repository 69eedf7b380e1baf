/**
 * Bench worker: training-step throughput on one backend with the built-in dataset's shapes, and
 * the cpu-parity run. Same engine and backend choice as the studio's worker.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { loadBuiltin } from '../../src/data/builtin';
import { splitLeaveOneOut } from '../../src/data/split';
import { chooseBackend, startBackend } from '../../src/train/backends';
import { defaultTrainConfig } from '../../src/train/config';
import { DistillEngine, type Roles } from '../../src/train/engine';
import { inferMsPer1000 } from '../../src/train/evaluate';
import { parityConfig, paritySplit } from '../parity';
import type { BenchRequest, BenchResponse, StepRole } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const post = (m: BenchResponse) => (self as unknown as { postMessage(m: BenchResponse): void }).postMessage(m);

const ROLES: Record<StepRole, Roles> = {
  teacher: { teacher: 'train', student: false, kd: false },
  student: { teacher: 'off', student: true, kd: false },
  kd: { teacher: 'frozen', student: false, kd: true },
};

async function steps(req: Extract<BenchRequest, { type: 'steps' }>): Promise<void> {
  const report = await chooseBackend(req.backend);
  if (report.backend !== req.backend) throw new Error(`${req.backend} did not start: ${report.failures.map((f) => f.error).join('; ')}`);
  const ds = await loadBuiltin(async (p) => new Uint8Array(await (await fetch(`/${p}`)).arrayBuffer()));
  const split = splitLeaveOneOut(ds, { seed: 1, order: 'random' });
  const engine = new DistillEngine(split, { ...defaultTrainConfig, schedule: 'online' });
  const t0 = performance.now();
  engine.roles = { teacher: 'train', student: true, kd: true };
  await engine.stepAndRead(true); // shader compilation
  const firstStepMs = performance.now() - t0;
  const roles: Partial<Record<StepRole, { steps: number; msPerStep: number; examplesPerSecond: number }>> = {};
  for (const role of req.roles) {
    engine.roles = { ...ROLES[role] };
    await engine.stepAndRead(true);
    let n = 0;
    const s0 = performance.now();
    // the loss is read back every 10th step, as the studio does
    while (n < req.maxSteps && (n < 3 || performance.now() - s0 < req.seconds * 1000)) await engine.stepAndRead(++n % 10 === 0);
    const last = engine.step(true);
    await last?.data();
    last?.dispose();
    n += 1;
    const ms = (performance.now() - s0) / n;
    roles[role] = { steps: n, msPerStep: ms, examplesPerSecond: (engine.config.batchSize * 1000) / ms };
  }
  const inferMs = { teacher: await inferMsPer1000(engine.teacher, split), student: await inferMsPer1000(engine.student, split) };
  engine.dispose();
  post({ type: 'steps', report, firstStepMs, roles, inferMsPer1000: inferMs });
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
  void tf;
};
