/**
 * The compression sweep on trained models, shared by the CLI (`compress`) and the studio's worker:
 * read each model's weights back once, build every variant (src/compress), rebuild a real model
 * from the decoded weights (dequantise on load), score NDCG@10 on the test and validation items,
 * and dispose it. Only one compressed copy is alive at a time; tf.memory().numTensors ends where
 * it started.
 */
import { sampleEvalUsers } from '../data/batches';
import type { Split } from '../data/types';
import type { CompressConfig } from '../compress/config';
import { checkUnder } from '../settings/check';
import { collect, variantsFor, type Built, type VariantKey } from '../compress/plan';
import type { CompressReport, ModelCompression } from '../compress/types';
import { readWeights, type Recommender } from '../models/recommender';
import { StudentModel } from '../models/student';
import { TeacherModel } from '../models/teacher';
import { EvalBuffers, evaluate } from './evaluate';
import type { FromWorker } from './protocol';

/** The trained models a sweep compresses; no teacher = skip it. */
export interface CompressTargets {
  teacher: TeacherModel | null;
  student: StudentModel;
  kd: StudentModel;
}

/** Where the sweep stands: points scored of all, and what is being scored. */
export interface CompressProgress {
  done: number;
  total: number;
  model: 'teacher' | 'student' | 'kd';
  key: VariantKey;
}

/** A fresh model of the same kind and settings, its weights the decoded ones (the caller disposes it). */
export function rebuildWith(model: TeacherModel | StudentModel, decoded: Record<string, Float32Array>): Recommender {
  return model instanceof TeacherModel
    ? new TeacherModel(model.nUsers, model.nItems, model.config, 0, decoded)
    : new StudentModel(model.nUsers, model.nItems, model.config, 0, decoded);
}

/** The users a sweep scores: every evaluated user, or a seeded sample of `config.users`. */
export function compressUsers(split: Split, config: CompressConfig, seed: number): Int32Array {
  return config.users > 0 ? sampleEvalUsers(split, config.users, seed) : split.evalUsers;
}

/**
 * Compresses and scores every model of `targets`.
 * @param onProgress after every scored point (the worker posts it; the CLI logs it)
 */
export async function compressModels(
  targets: CompressTargets,
  split: Split,
  config: CompressConfig,
  seed: number,
  onProgress?: (p: CompressProgress) => void | Promise<void>,
): Promise<CompressReport> {
  checkUnder('compress', config);
  const t0 = performance.now();
  const users = compressUsers(split, config, seed);
  const buf = new EvalBuffers(split.nItems);
  const order = (['kd', 'student', 'teacher'] as const).filter((k) => targets[k] !== null);
  const weights = new Map<string, Record<string, Float32Array>>();
  for (const k of order) weights.set(k, await readWeights(targets[k]!));
  const plans = order.map((k) => ({ k, variants: variantsFor(targets[k]!.specs, weights.get(k)!, config) }));
  const total = plans.reduce((a, p) => a + p.variants.length, 0);
  let done = 0;
  const out: Partial<Record<'kd' | 'student' | 'teacher', ModelCompression>> = {};
  for (const { k, variants } of plans) {
    const scored: { key: VariantKey; built: Built; score: { ndcg10: number; valNdcg10: number } }[] = [];
    for (const v of variants) {
      const built = v.build();
      const model = rebuildWith(targets[k]!, built.decoded);
      try {
        const test = await evaluate(model, split, users, 'test', 10, buf);
        const val = await evaluate(model, split, users, 'val', 10, buf);
        // keep only the numbers: the decoded copy is garbage once scored
        scored.push({ key: v.key, built: { ...built, decoded: {} }, score: { ndcg10: test.ndcg, valNdcg10: val.ndcg } });
      } finally {
        model.dispose();
      }
      await onProgress?.({ done: ++done, total, model: k, key: v.key });
    }
    out[k] = collect(scored);
  }
  return { kd: out.kd!, student: out.student!, teacher: out.teacher ?? null, users: users.length, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The worker's side: runs the sweep on the session's models and posts progress, then the report
 * (or a failure the panel shows).
 */
export async function runCompressJob(targets: CompressTargets | null, split: Split | null, config: CompressConfig, seed: number, post: (m: FromWorker) => void): Promise<void> {
  if (!targets || !split) {
    post({ type: 'compress-failed', message: 'there are no trained models yet: load a dataset and train first' });
    return;
  }
  try {
    post({ type: 'compress-progress', done: 0, total: 0 });
    const report = await compressModels(targets, split, config, seed, ({ done, total }) => post({ type: 'compress-progress', done, total }));
    post({ type: 'compress-done', report });
  } catch (e) {
    post({ type: 'compress-failed', message: e instanceof Error ? e.message : String(e) });
  }
}
