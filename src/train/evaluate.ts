/**
 * Full-ranking evaluation, batched in tf: for each user, score every item, drop the items the
 * user interacted with (train items and the other held-out item), and count the
 * candidates that score higher than or the same as the held-out item. One read-back per batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fillEvalRows } from '../data/batches';
import type { Split } from '../data/types';
import { rankingMetrics, type RankingMetrics } from '../eval/metrics';
import type { Recommender } from '../models/recommender';
import { EXCLUDED_LOGIT, oneHotF } from '../models/ops';

/** Users scored per batch; fixed so every batch has the same shapes (webgpu buffer pool). */
export const EVAL_BATCH = 256;

/** Ranks of the held-out item per user, and optionally each user's top-K item ids (row-major). */
export interface Scored {
  users: Int32Array;
  ranks: Int32Array;
  topK: Int32Array | null;
}

/** Reusable CPU buffers for one catalogue size. */
export class EvalBuffers {
  readonly users = new Int32Array(EVAL_BATCH);
  readonly targets = new Int32Array(EVAL_BATCH);
  readonly history: Float32Array;
  readonly exclude: Float32Array;
  constructor(readonly nItems: number) {
    this.history = new Float32Array(EVAL_BATCH * nItems);
    this.exclude = new Float32Array(EVAL_BATCH * nItems);
  }
}

/** Logits of the model for a batch of users in eval mode (no dropout), with excluded items pushed down. */
function maskedLogits(model: Recommender, buf: EvalBuffers): tf.Tensor2D {
  const N = buf.nItems;
  const users = tf.tensor1d(buf.users.map((u) => Math.max(u, 0)), 'int32');
  const history = model.usesHistory ? tf.tensor2d(buf.history, [EVAL_BATCH, N]) : null;
  const { logits } = model.forward({ users, history, dropoutMask: null }, false);
  return tf.add(logits, tf.mul(tf.tensor2d(buf.exclude, [EVAL_BATCH, N]), EXCLUDED_LOGIT)) as tf.Tensor2D;
}

/**
 * Scores `users` against their held-out item.
 * @param heldOut which item to rank: the validation item (choosing settings) or the test item (reporting).
 * @param k when given, also returns each user's top-k candidates.
 */
export async function scoreUsers(
  model: Recommender,
  split: Split,
  users: Int32Array,
  heldOut: 'val' | 'test',
  k: number | null = null,
  buf: EvalBuffers = new EvalBuffers(split.nItems),
): Promise<Scored> {
  const held = heldOut === 'val' ? split.valItem : split.testItem;
  const ranks = new Int32Array(users.length);
  const topK = k ? new Int32Array(users.length * k) : null;
  for (let start = 0; start < users.length; start += EVAL_BATCH) {
    const n = Math.min(EVAL_BATCH, users.length - start);
    for (let b = 0; b < EVAL_BATCH; b++) {
      const u = b < n ? users[start + b] : -1;
      buf.users[b] = u;
      buf.targets[b] = u >= 0 ? Math.max(held[u], 0) : 0;
    }
    fillEvalRows(split, buf.users, heldOut, buf.history, buf.exclude);
    const out = tf.tidy(() => {
      const masked = maskedLogits(model, buf);
      const target = tf.sum(tf.mul(masked, oneHotF(tf.tensor1d(buf.targets, 'int32'), split.nItems)), 1, true);
      // Ties count against the held-out item: rank = items not strictly lower, less the item
      // itself (step(x) is 1 for x > 0; excluded items sit far below). A broadcast tf.greater is
      // ~100× slower on wasm.
      const rank = tf.sub(split.nItems - 1, tf.sum(tf.step(tf.sub(target, masked)), 1, true));
      if (!k) return rank;
      // ids < 2^24 are exact in float32, so ranks and ids share one read-back
      return tf.concat([rank, tf.cast(tf.topk(masked, k, true).indices, 'float32')], 1);
    });
    const v = (await out.data()) as Float32Array;
    out.dispose();
    const w = k ? k + 1 : 1;
    for (let b = 0; b < n; b++) {
      ranks[start + b] = v[b * w];
      if (topK && k) for (let j = 0; j < k; j++) topK[(start + b) * k + j] = v[b * w + 1 + j];
    }
  }
  return { users, ranks, topK };
}

/**
 * Each user's top-k candidates (row-major), and nothing else: what serving recommendations
 * costs — score every item, drop the ones the user has seen, take the top k.
 */
export async function recommend(model: Recommender, split: Split, users: Int32Array, k: number, buf: EvalBuffers = new EvalBuffers(split.nItems)): Promise<Int32Array> {
  const top = new Int32Array(users.length * k);
  for (let start = 0; start < users.length; start += EVAL_BATCH) {
    const n = Math.min(EVAL_BATCH, users.length - start);
    for (let b = 0; b < EVAL_BATCH; b++) buf.users[b] = b < n ? users[start + b] : -1;
    fillEvalRows(split, buf.users, 'test', buf.history, buf.exclude);
    const ids = tf.tidy(() => tf.topk(maskedLogits(model, buf), k, true).indices);
    const v = await ids.data();
    ids.dispose();
    top.set(v.subarray(0, n * k), start * k);
  }
  return top;
}

/** Ranking metrics of a model on the given users. */
export async function evaluate(
  model: Recommender,
  split: Split,
  users: Int32Array,
  heldOut: 'val' | 'test',
  k = 10,
  buf?: EvalBuffers,
): Promise<RankingMetrics> {
  const { ranks } = await scoreUsers(model, split, users, heldOut, null, buf);
  return rankingMetrics(ranks, k);
}

/**
 * Inference time per 1,000 users: score all items and take the top 10, read back included.
 * The first batch is a warm-up (shader compilation on GPUs) and is not timed.
 */
export async function inferMsPer1000(model: Recommender, split: Split, buf?: EvalBuffers): Promise<number> {
  const pool = split.evalUsers.length > 0 ? split.evalUsers : Int32Array.from({ length: split.nUsers }, (_, i) => i);
  const users = new Int32Array(1000);
  for (let i = 0; i < users.length; i++) users[i] = pool[i % pool.length];
  const b = buf ?? new EvalBuffers(split.nItems);
  await recommend(model, split, users.subarray(0, EVAL_BATCH), 10, b);
  const t0 = performance.now();
  await recommend(model, split, users, 10, b);
  return performance.now() - t0;
}
