/**
 * The teacher: u = user embedding, h = mean of the user's other history items' embeddings,
 * x = MLP([u; h]) + u + h, logits = x · item embeddings + item bias.
 * The residual, dropout 0.5 and a little L2 are what make it clearly beat the student
 * (shared/notes/reference-results.md). Item output embeddings are stored transposed ([dim, N]) so
 * the forward product needs no transpose flag.
 */
import * as tf from '@tensorflow/tfjs-core';
import { defaultTeacherConfig, type TeacherConfig } from './config';
import { initialWeights } from './init';
import { embeddingGrad, mm, sumRows } from './ops';
import { makeVariables, type BatchInput, type Forward, type Recommender } from './recommender';
import { teacherWeightSpecs, validateCatalog, type WeightSpec } from './size';

/** Checks settings by name, so a bad size slider gives a sentence instead of a shape error. */
export function validateTeacherConfig(nUsers: number, nItems: number, c: TeacherConfig): void {
  validateCatalog('teacher', nUsers, nItems);
  if (!Number.isInteger(c.dim) || c.dim < 1 || c.dim > 1024) throw new Error(`teacher: dim must be an integer in 1..1024, got ${c.dim}`);
  if (!Number.isInteger(c.hidden) || c.hidden < 1 || c.hidden > 4096) throw new Error(`teacher: hidden must be an integer in 1..4096, got ${c.hidden}`);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new Error(`teacher: dropout must be in [0, 1), got ${c.dropout}`);
  if (!(c.l2 >= 0)) throw new Error(`teacher: l2 must be ≥ 0, got ${c.l2}`);
  if (!(c.lr > 0)) throw new Error(`teacher: lr must be > 0, got ${c.lr}`);
}

/** The large recommender. */
export class TeacherModel implements Recommender {
  readonly kind = 'teacher' as const;
  readonly usesHistory = true;
  readonly specs: WeightSpec[];
  readonly weights: Record<string, tf.Variable>;
  readonly dropoutWidth: number;
  readonly dim: number;
  private sums: tf.Tensor2D | null = null;
  private host: { userEmb: Float32Array; sums: Float32Array; histEmb: Float32Array } | null = null;

  /**
   * @param init initial values per weight name; drawn from `seed` when omitted.
   * @example new TeacherModel(2668, 2000, defaultTeacherConfig, 1) // 453,520 parameters
   */
  constructor(
    readonly nUsers: number,
    readonly nItems: number,
    readonly config: TeacherConfig = defaultTeacherConfig,
    seed = 1,
    init?: Record<string, Float32Array>,
  ) {
    validateTeacherConfig(nUsers, nItems, config);
    this.specs = teacherWeightSpecs(nUsers, nItems, config);
    this.dim = config.dim;
    this.dropoutWidth = config.dropout > 0 ? config.hidden : 0;
    this.weights = makeVariables('teacher', this.specs, init ?? initialWeights(this.specs, seed, config.initStd));
  }

  forward(input: BatchInput, training: boolean): Forward {
    const w = this.weights;
    if (!input.history) throw new Error('teacher: the batch has no history rows');
    const u = tf.gather(w.userEmb, input.users) as tf.Tensor2D;
    const h = tf.matMul(input.history, w.histEmb as tf.Tensor2D) as tf.Tensor2D;
    return this.head(u, h, training ? input.dropoutMask : null);
  }

  /**
   * Eval-mode forward of a frozen teacher from cached per-user history sums S (see freeze):
   * h = (S[u] − E[target]) / (n_u − 1), the same mean as the dense history row, without the
   * [B, N] history product. `invCount` holds 1/(n_u − 1) per example, or 0 where the target is the
   * only item. With host copies of the frozen tables (wasm, cpu) u and h are gathered in plain JS:
   * wasm's Gather kernel costs ~1.2 ms per 512×64 rows, three of them a KD step.
   */
  forwardFrozen(users: Int32Array, targets: Int32Array, invCount: Float32Array): Forward {
    if (!this.sums) throw new Error('teacher: forwardFrozen needs freeze() first');
    const B = users.length;
    if (this.host) {
      const d = this.dim;
      const { userEmb, sums, histEmb } = this.host;
      const u = new Float32Array(B * d);
      const h = new Float32Array(B * d);
      for (let b = 0; b < B; b++) {
        const ur = users[b] * d;
        const tr = targets[b] * d;
        const inv = invCount[b];
        for (let k = 0; k < d; k++) {
          u[b * d + k] = userEmb[ur + k];
          h[b * d + k] = (sums[ur + k] - histEmb[tr + k]) * inv;
        }
      }
      return this.head(tf.tensor2d(u, [B, d]), tf.tensor2d(h, [B, d]), null);
    }
    const ut = tf.tensor1d(users, 'int32');
    const u = tf.gather(this.weights.userEmb, ut) as tf.Tensor2D;
    const gathered = tf.sub(tf.gather(this.sums, ut), tf.gather(this.weights.histEmb, tf.tensor1d(targets, 'int32')));
    const h = tf.mul(gathered, tf.tensor2d(invCount, [B, 1])) as tf.Tensor2D;
    return this.head(u, h, null);
  }

  /**
   * Caches S[u] = Σ_{j ∈ history(u)} histEmb[j] for every user; valid while the weights do not
   * change (the engine calls it when the teacher stops training and unfreeze when it resumes).
   * @param rows fills a [chunk, nItems] 0/1 history block for users start..start+chunk.
   * @param hostCopies keep the frozen tables in JS memory too; only where reading a tensor back
   *   synchronously is cheap and safe (wasm, cpu — never webgpu, where dataSync loses the device).
   */
  freeze(rows: (start: number, count: number, out: Float32Array) => void, hostCopies = ['wasm', 'cpu'].includes(tf.getBackend())): void {
    this.unfreeze();
    const chunk = 256;
    const buf = new Float32Array(chunk * this.nItems);
    const parts: tf.Tensor2D[] = [];
    for (let start = 0; start < this.nUsers; start += chunk) {
      const count = Math.min(chunk, this.nUsers - start);
      buf.fill(0);
      rows(start, count, buf);
      parts.push(tf.tidy(() => tf.matMul(tf.tensor2d(buf.subarray(0, count * this.nItems), [count, this.nItems]), this.weights.histEmb as tf.Tensor2D)));
    }
    this.sums = tf.concat(parts, 0) as tf.Tensor2D;
    for (const p of parts) p.dispose();
    if (hostCopies) {
      const w = this.weights;
      this.host = { userEmb: w.userEmb.dataSync() as Float32Array, sums: this.sums.dataSync() as Float32Array, histEmb: w.histEmb.dataSync() as Float32Array };
    }
  }

  /** Drops the cached history sums (the weights are about to change). */
  unfreeze(): void {
    this.sums?.dispose();
    this.sums = null;
    this.host = null;
  }

  get frozen(): boolean {
    return this.sums !== null;
  }

  /** MLP([u; h]) + u + h, then logits over every item. */
  private head(u: tf.Tensor2D, h: tf.Tensor2D, dropoutMask: tf.Tensor2D | null): Forward {
    const w = this.weights;
    const z = tf.concat([u, h], 1);
    const m1 = tf.add(tf.matMul(z, w.W1 as tf.Tensor2D), w.b1);
    const r = tf.relu(m1);
    const rd = dropoutMask ? tf.mul(r, dropoutMask) : r;
    const m2 = tf.add(tf.matMul(rd, w.W2 as tf.Tensor2D), w.b2);
    const x = tf.add(tf.add(m2, u), h) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(x, w.itemEmbT as tf.Tensor2D), w.itemBias) as tf.Tensor2D;
    return { logits, userVec: x, cache: { z, m1, rd } };
  }

  backward(input: BatchInput, fw: Forward, g: tf.Tensor2D, dUserVec?: tf.Tensor2D): Record<string, tf.Tensor> {
    const w = this.weights;
    const { z, m1, rd } = fw.cache as { z: tf.Tensor2D; m1: tf.Tensor2D; rd: tf.Tensor2D };
    const d = this.dim;
    const x = fw.userVec;
    const itemEmbT = mm(x, g, true); // [d,N] = xᵀ·g
    const itemBias = sumRows(g);
    let dx = mm(g, w.itemEmbT as tf.Tensor2D, false, true); // [B,d]
    if (dUserVec) dx = tf.add(dx, dUserVec);
    const W2 = mm(rd, dx, true);
    const b2 = sumRows(dx);
    let dr = mm(dx, w.W2 as tf.Tensor2D, false, true);
    if (input.dropoutMask && this.dropoutWidth > 0) dr = tf.mul(dr, input.dropoutMask);
    const dm1 = tf.mul(dr, tf.step(m1)) as tf.Tensor2D;
    const W1 = mm(z, dm1, true);
    const b1 = sumRows(dm1);
    const dz = mm(dm1, w.W1 as tf.Tensor2D, false, true);
    const [dzu, dzh] = tf.split(dz, [d, d], 1) as [tf.Tensor2D, tf.Tensor2D];
    const du = tf.add(dzu, dx) as tf.Tensor2D;
    const dh = tf.add(dzh, dx) as tf.Tensor2D;
    // dHist = historyᵀ·dh; without a CPU-built historyᵀ, as (dhᵀ·history)ᵀ so the big [B,N] operand is never transposed.
    const histEmb = input.historyT ? tf.matMul(input.historyT, dh) : tf.transpose(mm(dh, input.history as tf.Tensor2D, true));
    const userEmb = embeddingGrad(input.users, du, this.nUsers);
    return { userEmb, histEmb, W1, b1, W2, b2, itemEmbT, itemBias };
  }

  dispose(): void {
    this.unfreeze();
    for (const v of Object.values(this.weights)) v.dispose();
  }
}
