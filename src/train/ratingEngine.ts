/**
 * The rating task's training core: a teacher (item AutoRec, blended with a larger biased MF), a
 * biased-MF student alone and the same student with distillation, on one RatingSplit. Plain class (no DOM, no worker) that the CLI, the
 * worker job and the tests drive. It owns every tensor; callers get plain numbers.
 *
 * The teacher trains first; then its predictions for every (item, user) pair are computed once and
 * kept on the CPU, so distillation needs no teacher forward pass: each KD step looks up the
 * teacher's rating for its rated pairs and for `unrated`× as many sampled unrated pairs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '../data/rng';
import type { RatingSplit, RatingTriples } from '../data/ratingSplit';
import { rowsByKey } from '../data/rowsByKey';
import { ratingKdLoss } from '../distill/ratingLoss';
import { BiasedMf, biasedMfInit } from '../models/biasedMf';
import { ItemAutoRec, autoRecInit } from '../models/itemAutoRec';
import type { RatingRunConfig } from '../models/ratingConfig';
import { Adam } from './adam';

/** Which student a step trains. */
export type RatingStudent = 'student' | 'kd';

/** Seeds per purpose, derived from the run seed. */
function seedsFor(seed: number) {
  const r = new Rng(seed ^ 0x5eed);
  return { teacher: r.nextU32(), student: r.nextU32(), teacherOrder: r.nextU32(), studentOrder: r.nextU32(), unrated: r.nextU32() };
}

/** Called after every step with (step within the epoch, steps in the epoch); may yield to events. */
export type StepHook = (step: number, steps: number) => Promise<void> | void;

/** What a distillation step adds to a batch: the teacher's ratings, the 1/0 rated mask and its count, and α. */
interface KdTargets {
  teacher: Float32Array;
  labelled: Float32Array;
  rated: number;
  alpha: number;
}

/**
 * One Adam step of a biased MF on a batch of (user, item) pairs: the plain squared error on the
 * ratings `y`, or with `kd` the distillation loss. Returns the loss, kept for the epoch's one read-back.
 */
function mfStep(model: BiasedMf, adam: Adam, users: Int32Array, items: Int32Array, y: Float32Array, kd?: KdTargets): tf.Scalar {
  return tf.tidy(() => {
    const u = tf.tensor1d(users, 'int32');
    const i = tf.tensor1d(items, 'int32');
    const fw = model.forward(u, i);
    const l = kd
      ? ratingKdLoss(fw.pred, tf.tensor1d(y), tf.tensor1d(kd.teacher), tf.tensor1d(kd.labelled), kd.rated, kd.alpha, true)
      : ratingKdLoss(fw.pred, tf.tensor1d(y), null, tf.ones([y.length]) as tf.Tensor1D, y.length, 0, true);
    adam.apply(model.backward(u, i, fw.cache, l.grad));
    return l.value!;
  });
}

/**
 * The one read-back of an epoch: the sum of its kept losses divided by `by` (their mean unless
 * told otherwise); disposes them. NaN when there are none (a model that did not train).
 */
async function readBack(xs: tf.Scalar[], by = xs.length): Promise<number> {
  if (!xs.length) return NaN;
  const t = tf.tidy(() => tf.div(tf.addN(xs), by));
  const v = (await t.data())[0];
  t.dispose();
  for (const x of xs) x.dispose();
  return v;
}

export class RatingEngine {
  readonly teacher: ItemAutoRec;
  /** The teacher's MF part (null when config.teacher.mfDim is 0) and its blend weight w: r̂_t = w·AutoRec + (1−w)·MF. */
  readonly teacherMf: BiasedMf | null;
  teacherBlend = 1;
  private readonly adamTM: Adam | null;
  private readonly teacherMfOrder: Rng;
  student: BiasedMf;
  kd: BiasedMf;
  private readonly adamT: Adam;
  private adamS: Adam;
  private adamK: Adam;
  private readonly studentSeed: number;
  /** Item CSR of the training ratings: users and ratings of item i at [itemStart[i], itemStart[i+1]). */
  private readonly itemStart: Int32Array;
  private readonly itemUsers: Int32Array;
  private readonly itemRatings: Float32Array;
  private readonly teacherOrder: Rng;
  private readonly studentOrder: Rng;
  private readonly unratedRng: Rng;
  /** The frozen teacher's clipped prediction for (item i, user u) at i·nUsers + u, once computed. */
  teacherMatrix: Float32Array | null = null;
  distill: RatingRunConfig['distill'];

  constructor(
    readonly split: RatingSplit,
    readonly config: RatingRunConfig,
  ) {
    const { nUsers, nItems, mean } = split;
    const s = seedsFor(config.seed);
    this.teacher = new ItemAutoRec(nUsers, config.teacher, autoRecInit(nUsers, config.teacher, mean, s.teacher));
    // identical starting weights: any difference between the two students is distillation's doing
    this.studentSeed = s.student;
    const init = biasedMfInit(nUsers, nItems, config.student, s.student);
    this.student = new BiasedMf(nUsers, nItems, config.student, mean, init);
    this.kd = new BiasedMf(nUsers, nItems, config.student, mean, init);
    this.adamT = new Adam(this.teacher.weights, config.teacher.lr);
    this.adamS = new Adam(this.student.weights, config.student.lr);
    this.adamK = new Adam(this.kd.weights, config.student.lr);
    const mfCfg = { ...config.student, dim: config.teacher.mfDim, l2: config.teacher.mfL2 };
    this.teacherMf = config.teacher.mfDim > 0 ? new BiasedMf(nUsers, nItems, mfCfg, mean, biasedMfInit(nUsers, nItems, mfCfg, s.teacher ^ 0x3f)) : null;
    this.adamTM = this.teacherMf ? new Adam(this.teacherMf.weights, config.student.lr) : null;
    this.teacherMfOrder = new Rng(s.teacherOrder ^ 0x3f);
    this.teacherOrder = new Rng(s.teacherOrder);
    this.studentOrder = new Rng(s.studentOrder);
    this.unratedRng = new Rng(s.unrated);
    this.distill = { ...config.distill };
    const t = split.train;
    const { start, rows } = rowsByKey(t.items, nItems);
    this.itemStart = start;
    this.itemUsers = Int32Array.from(rows, (r) => t.users[r]);
    this.itemRatings = Float32Array.from(rows, (r) => t.ratings[r]);
  }

  get teacherStepsPerEpoch(): number {
    return Math.ceil(this.split.nItems / this.config.teacher.batchItems);
  }

  get studentStepsPerEpoch(): number {
    return Math.ceil(this.split.train.users.length / this.config.batchSize);
  }

  /** Training-rating columns of `items` as dense rows [B, users] and their 0/1 mask; returns the observed count. */
  private fillColumns(items: ArrayLike<number>, x: Float32Array, mask: Float32Array | null): number {
    const U = this.split.nUsers;
    x.fill(0);
    mask?.fill(0);
    let n = 0;
    for (let b = 0; b < items.length; b++) {
      const i = items[b];
      for (let k = this.itemStart[i]; k < this.itemStart[i + 1]; k++) {
        x[b * U + this.itemUsers[k]] = this.itemRatings[k];
        if (mask) mask[b * U + this.itemUsers[k]] = 1;
      }
      n += this.itemStart[i + 1] - this.itemStart[i];
    }
    return n;
  }

  /** One teacher epoch over all items in a seeded order; returns the training RMSE over observed entries. */
  async teacherEpoch(onStep?: StepHook): Promise<number> {
    const { nItems, nUsers } = this.split;
    const nTrain = this.split.train.users.length;
    const order = this.teacherOrder.shuffle(Int32Array.from({ length: nItems }, (_, i) => i));
    const Bmax = this.config.teacher.batchItems;
    const x = new Float32Array(Bmax * nUsers);
    const mask = new Float32Array(Bmax * nUsers);
    const steps = this.teacherStepsPerEpoch;
    const sses: tf.Scalar[] = [];
    let observed = 0;
    for (let s = 0; s < steps; s++) {
      const items = order.subarray(s * Bmax, Math.min(nItems, (s + 1) * Bmax));
      const B = items.length;
      const n = this.fillColumns(items, x, mask);
      observed += n;
      const sse = tf.tidy(() => {
        const xt = tf.tensor2d(x.subarray(0, B * nUsers), [B, nUsers]);
        const mt = tf.tensor2d(mask.subarray(0, B * nUsers), [B, nUsers]);
        const fw = this.teacher.forward(xt);
        const { grads, sse } = this.teacher.backward(xt, mt, n, nTrain, fw);
        this.adamT.apply(grads);
        return sse;
      });
      sses.push(sse);
      await onStep?.(s + 1, steps);
    }
    return Math.sqrt((await readBack(sses, 1)) / Math.max(1, observed));
  }

  /**
   * The teacher's clipped predictions for every (item, user), [items · users], item-major: AutoRec
   * alone with `part: 'autorec'`, its MF part alone with 'mf', the blend (default).
   */
  async teacherPredictions(part: 'blend' | 'autorec' | 'mf' = 'blend'): Promise<Float32Array> {
    const { nItems, nUsers, min, max } = this.split;
    const B = this.config.teacher.batchItems;
    const out = new Float32Array(nItems * nUsers);
    const x = new Float32Array(B * nUsers);
    const mf = this.teacherMf;
    const w = !mf || part === 'autorec' ? 1 : part === 'mf' ? 0 : this.teacherBlend;
    for (let a = 0; a < nItems; a += B) {
      const n = Math.min(B, nItems - a);
      const items = Int32Array.from({ length: n }, (_, k) => a + k);
      if (w > 0) this.fillColumns(items, x, null);
      const t = tf.tidy(() => {
        let p: tf.Tensor2D | null = w > 0 ? (tf.mul(this.teacher.forward(tf.tensor2d(x.subarray(0, n * nUsers), [n, nUsers])).out, w) as tf.Tensor2D) : null;
        if (mf && w < 1) {
          const mw = mf.weights;
          // [n, users]: q_i·p_u + b_i + b_u + μ for this block of items and every user
          const q = tf.slice(mw.itemEmb, [a, 0], [n, mf.config.dim]) as tf.Tensor2D;
          const bi = tf.reshape(tf.slice(mw.itemBias, [a], [n]), [n, 1]);
          const m = tf.add(tf.add(tf.matMul(q, mw.userEmb as tf.Tensor2D, false, true), bi), tf.add(mw.userBias, mf.mean)) as tf.Tensor2D;
          const part = tf.mul(tf.clipByValue(m, min, max), 1 - w) as tf.Tensor2D;
          p = p ? tf.add(tf.clipByValue(p, min * w, max * w), part) : part;
        }
        return tf.clipByValue(p!, min, max);
      });
      out.set((await t.data()) as Float32Array, a * nUsers);
      t.dispose();
    }
    return out;
  }

  /** One epoch of the teacher's MF part over the training ratings; returns its mean training loss. */
  async teacherMfEpoch(onStep?: StepHook): Promise<number> {
    const mf = this.teacherMf;
    if (!mf || !this.adamTM) return NaN;
    return this.mfEpoch(mf, this.adamTM, this.teacherMfOrder, onStep);
  }

  private async mfEpoch(model: BiasedMf, adam: Adam, rng: Rng, onStep?: StepHook): Promise<number> {
    const tr = this.split.train;
    const losses: tf.Scalar[] = [];
    await this.trainBatches(rng, onStep, (rows) => {
      losses.push(mfStep(model, adam, Int32Array.from(rows, (r) => tr.users[r]), Int32Array.from(rows, (r) => tr.items[r]), Float32Array.from(rows, (r) => tr.ratings[r])));
    });
    return readBack(losses);
  }

  /** The training ratings in batches of `batchSize`, in an order shuffled by `rng`: `step` gets each batch's row indices. */
  private async trainBatches(rng: Rng, onStep: StepHook | undefined, step: (rows: Int32Array) => void): Promise<void> {
    const n = this.split.train.users.length;
    const order = rng.shuffle(Int32Array.from({ length: n }, (_, k) => k));
    const B = this.config.batchSize;
    const steps = this.studentStepsPerEpoch;
    for (let s = 0; s < steps; s++) {
      step(order.subarray(s * B, Math.min(n, (s + 1) * B)));
      await onStep?.(s + 1, steps);
    }
  }

  /** Looks up the teacher's predictions for triples from a prediction matrix. */
  teacherAt(matrix: Float32Array, t: Pick<RatingTriples, 'users' | 'items'>): Float32Array {
    const U = this.split.nUsers;
    return Float32Array.from(t.users, (u, k) => matrix[t.items[k] * U + u]);
  }

  /** Freezes the teacher for distillation: its prediction matrix is computed once and kept. */
  async freezeTeacher(): Promise<void> {
    this.teacherMatrix = await this.teacherPredictions();
  }

  /**
   * One epoch of the students over the training ratings in a seeded order, in lockstep on the same
   * batches. The KD student needs a frozen teacher. Returns each one's mean training loss (NaN when off).
   */
  async studentsEpoch(which: { student: boolean; kd: boolean }, onStep?: StepHook): Promise<{ student: number; kd: number }> {
    if (which.kd && !this.teacherMatrix) throw new Error('distillation needs the teacher frozen first (freezeTeacher)');
    const tr = this.split.train;
    const U = this.split.nUsers;
    const I = this.split.nItems;
    const losses = { student: [] as tf.Scalar[], kd: [] as tf.Scalar[] };
    await this.trainBatches(this.studentOrder, onStep, (rows) => {
      const nb = rows.length;
      const m = which.kd ? Math.round(nb * this.distill.unrated) : 0;
      const users = new Int32Array(nb + m);
      const items = new Int32Array(nb + m);
      const y = new Float32Array(nb + m);
      const labelled = new Float32Array(nb + m);
      for (let k = 0; k < nb; k++) {
        users[k] = tr.users[rows[k]];
        items[k] = tr.items[rows[k]];
        y[k] = tr.ratings[rows[k]];
        labelled[k] = 1;
      }
      // sampled pairs may now and then be rated ones; they still get only the teacher term
      for (let k = nb; k < nb + m; k++) {
        users[k] = this.unratedRng.int(U);
        items[k] = this.unratedRng.int(I);
      }
      if (which.student) losses.student.push(mfStep(this.student, this.adamS, users.subarray(0, nb), items.subarray(0, nb), y.subarray(0, nb)));
      if (which.kd) {
        const teacher = this.teacherAt(this.teacherMatrix!, { users, items });
        losses.kd.push(mfStep(this.kd, this.adamK, users, items, y, { teacher, labelled, rated: nb, alpha: this.distill.alpha }));
      }
    });
    return { student: await readBack(losses.student), kd: await readBack(losses.kd) };
  }

  /** A student's (or the teacher's MF part's) clipped predictions for triples, in batches. */
  async predict(which: RatingStudent | 'teacherMf', t: Pick<RatingTriples, 'users' | 'items'>): Promise<Float32Array> {
    const model = which === 'student' ? this.student : which === 'kd' ? this.kd : this.teacherMf;
    if (!model) throw new Error('the teacher has no MF part');
    const out = new Float32Array(t.users.length);
    const B = 8192;
    for (let a = 0; a < t.users.length; a += B) {
      const b = Math.min(t.users.length, a + B);
      const p = tf.tidy(() => tf.clipByValue(model.forward(tf.tensor1d(t.users.subarray(a, b), 'int32'), tf.tensor1d(t.items.subarray(a, b), 'int32')).pred, this.split.min, this.split.max));
      out.set((await p.data()) as Float32Array, a);
      p.dispose();
    }
    return out;
  }

  /**
   * Starts one student afresh from the same seeded weights, optionally with other settings (an L2
   * strength under search), so several settings are compared from one starting point.
   */
  restartStudent(which: RatingStudent, config = this.config.student): void {
    const { nUsers, nItems, mean } = this.split;
    const m = new BiasedMf(nUsers, nItems, config, mean, biasedMfInit(nUsers, nItems, config, this.studentSeed));
    if (which === 'student') {
      this.student.dispose();
      this.adamS.dispose();
      this.student = m;
      this.adamS = new Adam(m.weights, config.lr);
    } else {
      this.kd.dispose();
      this.adamK.dispose();
      this.kd = m;
      this.adamK = new Adam(m.weights, config.lr);
    }
  }

  /** Frees every tensor the engine made. */
  dispose(): void {
    this.teacher.dispose();
    this.teacherMf?.dispose();
    this.adamTM?.dispose();
    this.student.dispose();
    this.kd.dispose();
    this.adamT.dispose();
    this.adamS.dispose();
    this.adamK.dispose();
  }
}
