/**
 * What the training commands share: loading a dataset (the built-in one by default), the split
 * the studio uses, a tf backend in Node, and a teacher — from a checkpoint when one fits, trained
 * otherwise. The engine code is the browser's (src/train); only file access is Node's.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadBuiltin } from '../data/builtin.ts';
import { splitFingerprint } from '../data/fingerprint.ts';
import { ingest, type NamedBytes } from '../data/ingest.ts';
import { english } from '../data/messages.ts';
import { checkTrainable, splitFor } from '../data/split.ts';
import type { Dataset, Split } from '../data/types.ts';
import { startBackend } from '../train/backends.ts';
import { BUILTIN_SPLIT_SEED, BUILTIN_TEACHER_CHECKPOINT, checkpointMismatch, decodeCheckpoint, describeMismatch, encodeCheckpoint } from '../train/checkpoint.ts';
import type { TrainConfig } from '../train/config.ts';
import type { DistillEngine } from '../train/engine.ts';
import { evaluate } from '../train/evaluate.ts';
import { fitRole, type EpochInfo, type FitResult } from '../train/fit.ts';
import { readWeights } from '../models/recommender.ts';
import type { BackendName } from '../train/protocol.ts';
import { readInput } from './files.ts';
import type { CliIO } from './command.ts';

const publicDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../public');

/** The shipped teacher checkpoint's path on disk. */
export const builtinCheckpointFile = path.join(publicDir, BUILTIN_TEACHER_CHECKPOINT);

/**
 * The built-in dataset (no path) or a ratings file with optional titles: a path, or the bytes of
 * a titles file the command has read already (transfer reads its rule's column from them too).
 */
export async function loadData(ratingsPath?: string, titles?: string | NamedBytes): Promise<Dataset> {
  if (!ratingsPath) return loadBuiltin(async (p) => new Uint8Array(await readFile(path.join(publicDir, p))));
  const titlesFile = typeof titles === 'string' ? await readInput(titles) : (titles ?? null);
  const r = await ingest(await readInput(ratingsPath), titlesFile, { source: 'upload' });
  return r.dataset;
}

/** The studio's split: by timestamp where there are timestamps, seeded random otherwise. */
export function makeSplit(ds: Dataset, splitSeed = BUILTIN_SPLIT_SEED): Split {
  const split = splitFor(ds, splitSeed);
  const why = checkTrainable(ds, split);
  if (why) throw new Error(english(why));
  return split;
}

/** Starts a backend in Node (wasm by default), falling back to cpu with a note on stderr. */
export async function nodeBackend(name: BackendName, io: CliIO): Promise<BackendName> {
  const err = await startBackend(name);
  if (!err) return name;
  io.stderr(`backend ${name} did not start (${err}); using cpu\n`);
  const e2 = await startBackend('cpu');
  if (e2) throw new Error(`no backend: ${e2}`);
  return 'cpu';
}

/** Teacher weights from a checkpoint file, or null with the reason it does not fit. */
export async function readTeacherCheckpoint(file: string, split: Split, config: TrainConfig): Promise<{ values: Record<string, Float32Array> } | { why: string }> {
  if (!existsSync(file)) return { why: `${file} does not exist` };
  const buf = await readFile(file);
  const { manifest, values } = decodeCheckpoint(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const why = checkpointMismatch(manifest, splitFingerprint(split), config.teacher);
  return why ? { why: describeMismatch(why) } : { values };
}

/**
 * The teacher weights a command starts from: `--teacher <file>`, else the shipped checkpoint when
 * the data is the built-in dataset; undefined (and a note on stderr) when none fits this split.
 */
export async function teacherFromFlags(file: string | undefined, dataPath: string | undefined, split: Split, config: TrainConfig, io: CliIO): Promise<Record<string, Float32Array> | undefined> {
  const ckpt = file ?? (dataPath ? undefined : builtinCheckpointFile);
  if (!ckpt) return undefined;
  const c = await readTeacherCheckpoint(ckpt, split, config);
  if ('values' in c) return c.values;
  io.stderr(`teacher checkpoint not used: ${c.why}\n`);
  return undefined;
}

/** Writes the engine's teacher as a checkpoint for this split. */
export async function saveTeacherCheckpoint(file: string, engine: DistillEngine, ds: Dataset, meta: { epochs: number; valNdcg10: number; testNdcg10: number }): Promise<number> {
  const { writeFile, mkdir } = await import('node:fs/promises');
  const buf = encodeCheckpoint(
    {
      dataset: ds.name,
      splitFingerprint: splitFingerprint(engine.split),
      seed: engine.config.seed,
      nUsers: engine.split.nUsers,
      nItems: engine.split.nItems,
      config: engine.config.teacher,
      ...meta,
    },
    engine.teacher.specs,
    await readWeights(engine.teacher),
  );
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, new Uint8Array(buf));
  return buf.byteLength;
}

/** One line per epoch on stderr, so stdout stays the table / JSON. */
export function epochLogger(io: CliIO): (e: EpochInfo) => void {
  return (e) => io.stderr(`  ${e.role.padEnd(7)} epoch ${String(e.epoch).padStart(2)}  loss ${e.loss.toFixed(4)}  val NDCG@10 ${e.val.ndcg.toFixed(4)}  (${e.seconds.toFixed(1)} s)\n`);
}

/**
 * Trains the teacher for `epochs` and keeps the last weights. Not the best epoch on validation:
 * a teacher picked for its luck on the validation items hands that luck down through its soft
 * labels, and the KD student then looks better on validation than on test (measured: +17% vs +7%).
 */
export async function trainTeacher(engine: DistillEngine, epochs: number, io: CliIO): Promise<FitResult> {
  return fitRole(engine, 'teacher', { epochs, valUsers: engine.split.evalUsers, keepBest: false, onEpoch: epochLogger(io) });
}

/** Validation NDCG@10 of the teacher as loaded. */
export async function teacherVal(engine: DistillEngine): Promise<number> {
  return (await evaluate(engine.teacher, engine.split, engine.split.evalUsers, 'val')).ndcg;
}
