/**
 * The training worker: a thin adapter from postMessage to the Session (session.ts), which holds
 * all the logic and runs in Node tests too. Backends are registered here, inside the worker
 * (tensorflow/tfjs#7914), and wasm binaries come from this origin (no CDN).
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseBackend, drop, loseDeviceForTest, setDeviceLostHandler } from './backends';
import type { FromWorker, ToWorker } from './protocol';
import { Session } from './runJob';

interface WorkerScope {
  postMessage(m: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

// A macrotask hop: lets queued messages (pause, set-hyper) run between two training steps.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const session = new Session({
  post: (m) => scope.postMessage(m),
  // a backend being left (its device lost) is freed before the next one starts
  chooseBackend: async (requested, exclude) => {
    for (const b of exclude) drop(b);
    return chooseBackend(requested, exclude);
  },
  yieldToEvents: () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    }),
  loseDevice: loseDeviceForTest,
});
setDeviceLostHandler((reason) => session.deviceLost(reason));

// One message at a time, in order; a running loop still yields to the next one.
let chain = Promise.resolve();
scope.onmessage = (e) => {
  chain = chain.then(() => session.handle(e.data));
};
