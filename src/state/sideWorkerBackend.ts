/**
 * The backend of a panel's own worker (rating, transfer): the training worker's choice rather than
 * 'auto' again (a second probe cost ~10 s per run here, more under load) — except a software GPU
 * that won the ranking probe: an AutoRec epoch took 30 s on goodbooks-2k against 3 s on wasm
 * (headless Chromium, SwiftShader WebGL), so that one gives way to wasm. A backend the user forced stays.
 */
import type { BackendReport } from '../train/protocol';
import type { BackendChoice } from './defaults';

export function sideWorkerBackend(main: BackendReport | null, configured: BackendChoice): BackendChoice {
  if (!main) return configured;
  if (main.reason.key === 'backend.reason.override') return main.backend;
  return main.software ? 'wasm' : main.backend;
}
