/**
 * Choosing the tf.js backend honestly: WebGPU first, but only where it is a real GPU or a short
 * probe shows it faster than the alternatives; then WebGL, WASM, CPU. Every failure and every
 * probe figure is reported, so the badge can say why. Runs in the worker and in Node.
 * Traps handled here (shared/notes/webgpu-training.md): setBackend resolves false without an
 * adapter; a software adapter is detected from adapter.info; the transposed-matMul bug needs
 * WEBGPU_MATMUL_PROGRAM_TYPE=3; threaded wasm breaks under Vite; tfjs ignores device.lost.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { BackendName, BackendReport } from './protocol';

type Adapter = BackendReport['adapter'];

/** Called once when the GPU device behind the webgpu backend is lost. */
let onDeviceLost: ((reason: string) => void) | null = null;
let currentDevice: GPUDevice | null = null;

/** Registers the handler for a lost WebGPU device (tfjs itself never listens). */
export function setDeviceLostHandler(h: ((reason: string) => void) | null): void {
  onDeviceLost = h;
}

/** Destroys the current WebGPU device: a test hook for the recovery path. */
export function loseDeviceForTest(): boolean {
  if (!currentDevice) return false;
  currentDevice.destroy();
  return true;
}

function gpuApi(): GPU | undefined {
  return (globalThis.navigator as Navigator | undefined)?.gpu;
}

function isSoftwareAdapter(info: GPUAdapterInfo): boolean {
  const i = info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  return i.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe/i.test(`${i.architecture} ${i.description} ${i.device}`);
}

/** Finds the WebGPU adapter and registers a webgpu backend that owns its device. */
async function prepareWebGpu(): Promise<{ adapter: Adapter; software: boolean } | { error: string }> {
  const gpu = gpuApi();
  if (!gpu) return { error: 'navigator.gpu is missing (no WebGPU in this browser)' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { error: 'requestAdapter() returned null (WebGPU is disabled or no adapter fits)' };
  const info = adapter.info;
  const software = isSoftwareAdapter(info);
  drop('webgpu');
  tf.registerBackend('webgpu', async () => {
    const limits = adapter.limits;
    const requiredFeatures: GPUFeatureName[] = adapter.features.has('timestamp-query') ? ['timestamp-query'] : [];
    const device = await adapter.requestDevice({
      requiredFeatures,
      requiredLimits: {
        maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
        maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
        maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
      },
    });
    currentDevice = device;
    void device.lost.then((l) => {
      if (currentDevice === device) currentDevice = null;
      // 'destroyed' from our own removeBackend is not a loss worth reporting
      if (onDeviceLost && !(l.reason === 'destroyed' && removingWebGpu)) onDeviceLost(l.message || String(l.reason));
    });
    return new WebGPUBackend(device, info);
  }, 3);
  const i = info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  return {
    adapter: { vendor: info.vendor, architecture: info.architecture, description: info.description, isFallback: i.isFallbackAdapter === true },
    software,
  };
}

let removingWebGpu = false;

// Lets the parity test show it catches the split-K matMul bug: set to skip the fix, then watch it fail.
const DEBUG_NO_MATMUL_FIX = typeof process !== 'undefined' && process.env?.DS_DEBUG_NO_MATMUL_FIX === '1';

/** The WebGL renderer string, and whether it is a software rasteriser. */
function webglRenderer(): { renderer: string; software: boolean } | null {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : null;
    const gl = canvas?.getContext('webgl2') as WebGL2RenderingContext | null | undefined;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer, software: /swiftshader|llvmpipe|software|basic render/i.test(renderer) };
  } catch {
    return null;
  }
}

/** Switches tf to a backend and checks it really runs (setBackend can resolve false, or "succeed" on another). */
export async function startBackend(name: BackendName): Promise<string | null> {
  try {
    if (name === 'wasm') tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const ok = await tf.setBackend(name);
    if (!ok) return `setBackend('${name}') returned false`;
    await tf.ready();
    if (tf.getBackend() !== name) return `tf is on '${tf.getBackend()}' instead`;
    if (name === 'webgpu' && !DEBUG_NO_MATMUL_FIX) tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', 3);
    // one tiny op proves the backend computes
    const v = await tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2))).data();
    if (v[0] !== 3) return `a test op gave ${v[0]} instead of 3`;
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** A small workload shaped like a training step's heaviest part; returns ms per repetition after a warm-up. */
export async function probe(reps = 3): Promise<number> {
  const run = async () => {
    const t = tf.tidy(() => {
      const x = tf.fill([512, 64], 0.01) as tf.Tensor2D;
      const w = tf.fill([64, 2000], 0.02) as tf.Tensor2D;
      const p = tf.softmax(tf.matMul(x, w));
      return tf.sum(tf.matMul(p, w, false, true));
    });
    await t.data();
    t.dispose();
  };
  await run();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) await run();
  return (performance.now() - t0) / reps;
}

/** Frees a backend we probed but did not choose, or one whose device died. */
export function drop(name: BackendName): void {
  if (name === 'cpu' || name === 'wasm' || !tf.findBackendFactory(name)) return;
  removingWebGpu = name === 'webgpu';
  try {
    tf.removeBackend(name);
  } finally {
    removingWebGpu = false;
  }
}

/**
 * Picks and starts a backend.
 * @param requested a name to force (`?backend=`), or 'auto'. A forced backend that fails falls back
 *   like 'auto' and the failure is reported.
 * @param exclude backends not to try (e.g. one whose device was just lost).
 */
export async function chooseBackend(requested: BackendName | 'auto', exclude: BackendName[] = []): Promise<BackendReport> {
  const failures: BackendReport['failures'] = [];
  const probes: BackendReport['probes'] = [];
  let adapter: Adapter = null;
  let renderer: string | null = null;
  const software = { webgpu: false, webgl: false };
  const done = (backend: BackendName, reason: BackendReport['reason']): BackendReport => ({
    backend,
    reason,
    adapter,
    webglRenderer: renderer,
    software: backend === 'webgpu' || backend === 'webgl' ? software[backend] : false,
    probes,
    failures,
  });

  if (requested !== 'auto' && !exclude.includes(requested)) {
    if (requested === 'webgpu') {
      const w = await prepareWebGpu();
      if ('error' in w) failures.push({ backend: 'webgpu', error: w.error });
      else ({ adapter, software: software.webgpu } = w);
    }
    if (requested === 'webgl') {
      const r = webglRenderer();
      renderer = r?.renderer ?? null;
      software.webgl = r?.software ?? false;
    }
    if (!failures.length) {
      const err = await startBackend(requested);
      if (!err) return done(requested, { key: 'backend.reason.override' });
      failures.push({ backend: requested, error: err });
    }
    exclude = [...exclude, requested];
  }

  // Hardware GPUs win outright; software ones must earn their place in the probe.
  const candidates: BackendName[] = [];
  if (!exclude.includes('webgpu')) {
    const w = await prepareWebGpu();
    if ('error' in w) failures.push({ backend: 'webgpu', error: w.error });
    else {
      ({ adapter, software: software.webgpu } = w);
      const err = await startBackend('webgpu');
      if (err) failures.push({ backend: 'webgpu', error: err });
      else if (!w.software) return done('webgpu', { key: 'backend.reason.hardwareGpu' });
      else candidates.push('webgpu');
    }
  }
  if (!exclude.includes('webgl')) {
    const r = webglRenderer();
    renderer = r?.renderer ?? null;
    software.webgl = r?.software ?? false;
    if (!r) failures.push({ backend: 'webgl', error: 'no WebGL2 context' });
    else if (!r.software) {
      const err = await startBackend('webgl');
      if (!err) {
        if (candidates.includes('webgpu')) drop('webgpu');
        return done('webgl', { key: 'backend.reason.hardwareGpu' });
      }
      failures.push({ backend: 'webgl', error: err });
    } else candidates.push('webgl');
  }
  if (!exclude.includes('wasm')) candidates.push('wasm');

  let best: { name: BackendName; ms: number } | null = null;
  for (const name of candidates) {
    const err = await startBackend(name);
    if (err) {
      failures.push({ backend: name, error: err });
      continue;
    }
    try {
      const ms = await probe();
      probes.push({ backend: name, ms });
      if (!best || ms < best.ms) best = { name, ms };
    } catch (e) {
      failures.push({ backend: name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  for (const p of probes) if (p.backend !== best?.name) drop(p.backend);
  if (best && !(await startBackend(best.name))) {
    return done(best.name, { key: probes.length > 1 ? 'backend.reason.probeFastest' : 'backend.reason.onlyOne' });
  }
  const err = await startBackend('cpu');
  if (err) throw new Error(`no tf.js backend could start: ${[...failures.map((f) => `${f.backend}: ${f.error}`), `cpu: ${err}`].join('; ')}`);
  return done('cpu', { key: 'backend.reason.onlyOne' });
}

/** Bytes held on the GPU by the current backend, when it reports them. */
export function gpuBytes(): number | null {
  const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return typeof m.numBytesInGPU === 'number' ? m.numBytesInGPU : null;
}
