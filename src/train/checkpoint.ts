/**
 * Teacher checkpoints: one binary file holding a JSON manifest and the fp32 weights, so the
 * studio can start distilling at once on the built-in dataset. The manifest pins the split the
 * teacher was trained on (fingerprint); a checkpoint for another split is refused.
 * Layout: "DSCK" | u32 manifest length | manifest JSON (UTF-8) | pad to 4 | float32 weights.
 */
import type { TeacherConfig } from '../models/config';
import type { WeightSpec } from '../models/size';

const MAGIC = 0x4b435344; // "DSCK" little-endian

/** The shipped teacher of the built-in dataset, relative to the site root (public/). */
export const BUILTIN_TEACHER_CHECKPOINT = 'checkpoints/goodbooks-2k-teacher.bin';

/** The split seed that checkpoint was trained on; other split seeds train their own teacher. */
export const BUILTIN_SPLIT_SEED = 1;

export interface CheckpointManifest {
  format: 'distillation-studio/teacher';
  version: 1;
  dataset: string;
  splitFingerprint: string;
  seed: number;
  nUsers: number;
  nItems: number;
  config: TeacherConfig;
  /** Epochs trained and the validation / test NDCG@10 at save time, for the record. */
  epochs: number;
  valNdcg10: number;
  testNdcg10: number;
  weights: { name: string; shape: number[]; offset: number }[];
}

/** Packs weights (in spec order) and a manifest into one ArrayBuffer. */
export function encodeCheckpoint(
  meta: Omit<CheckpointManifest, 'format' | 'version' | 'weights'>,
  specs: WeightSpec[],
  values: Record<string, Float32Array>,
): ArrayBuffer {
  let offset = 0;
  const weights = specs.map((s) => {
    const w = { name: s.name, shape: s.shape, offset };
    offset += s.shape.reduce((a, b) => a * b, 1);
    return w;
  });
  const manifest: CheckpointManifest = { format: 'distillation-studio/teacher', version: 1, ...meta, weights };
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const head = 8 + json.length;
  const pad = (4 - (head % 4)) % 4;
  const buf = new ArrayBuffer(head + pad + offset * 4);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, json.length, true);
  new Uint8Array(buf, 8, json.length).set(json);
  const data = new Float32Array(buf, head + pad, offset);
  for (const w of weights) {
    const v = values[w.name];
    if (!v) throw new Error(`checkpoint: no values for weight ${w.name}`);
    data.set(v, w.offset);
  }
  return buf;
}

/** Reads a checkpoint; throws a sentence when the file is not one. */
export function decodeCheckpoint(buf: ArrayBuffer): { manifest: CheckpointManifest; values: Record<string, Float32Array> } {
  if (buf.byteLength < 8 || new DataView(buf).getUint32(0, true) !== MAGIC) throw new Error('checkpoint: not a Distillation Studio teacher checkpoint');
  const len = new DataView(buf).getUint32(4, true);
  const manifest = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, len))) as CheckpointManifest;
  if (manifest.format !== 'distillation-studio/teacher' || manifest.version !== 1) throw new Error('checkpoint: unknown format or version');
  const head = 8 + len;
  const start = head + ((4 - (head % 4)) % 4);
  const values: Record<string, Float32Array> = {};
  for (const w of manifest.weights) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    // copy out, so the weights do not pin (or get detached with) the whole file buffer
    values[w.name] = new Float32Array(buf.slice(start + w.offset * 4, start + (w.offset + n) * 4));
  }
  return { manifest, values };
}

/** Why a checkpoint cannot serve a split and config. */
export type CheckpointMismatch =
  | { kind: 'split'; fitted: string; current: string }
  | { kind: 'size'; setting: 'dim' | 'hidden'; fitted: number; wanted: number };

/** Why a checkpoint cannot serve this split and config, or null when it can. */
export function checkpointMismatch(m: CheckpointManifest, fingerprint: string, config: TeacherConfig): CheckpointMismatch | null {
  if (m.splitFingerprint !== fingerprint) return { kind: 'split', fitted: m.splitFingerprint, current: fingerprint };
  for (const k of ['dim', 'hidden'] as const) {
    if (m.config[k] !== config[k]) return { kind: 'size', setting: k, fitted: m.config[k], wanted: config[k] };
  }
  return null;
}

/** A mismatch as an English clause, for the CLI and logs. */
export function describeMismatch(w: CheckpointMismatch): string {
  return w.kind === 'split'
    ? `the checkpoint was trained on another split (${w.fitted}, this one is ${w.current})`
    : `the checkpoint's teacher has ${w.setting} ${w.fitted}, the settings ask for ${w.wanted}`;
}
