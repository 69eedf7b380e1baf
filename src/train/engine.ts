/**
 * The training core: a teacher, a student trained alone and the same student trained with
 * distillation, stepped in lockstep on the same batches. Plain class, no DOM and no worker: the
 * browser worker, the CLI and the tests all drive this one. The engine owns every tensor; callers
 * get plain numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ExampleStream, fillHistoryBlock, fillLeaveOneOutWeights, fillOtherHistoryMask, fillTrainHistory, fillTrainHistoryT } from '../data/batches';
import { Rng } from '../data/rng';
import type { Split } from '../data/types';
import { distillsOverUnseen, type DistillConfig } from '../distill/config';
import { hardLoss, kdLoss } from '../distill/losses';
import { initialWeights } from '../models/init';
import { EXCLUDED_LOGIT, oneHotF } from '../models/ops';
import { readWeights, writeWeights, type BatchInput, type Forward } from '../models/recommender';
import { StudentModel } from '../models/student';
import { TeacherModel } from '../models/teacher';
import { studentWeightSpecs } from '../models/size';
import { Adam } from './adam';
import type { TrainConfig } from './config';
import { validateTrainConfig } from './validate';

/** Loss values of one step; NaN where a model did not take part. */
export interface LossRow {
  step: number;
  /** Epochs of training data seen by the students (by the teacher while it trains alone). */
  epoch: number;
  teacher: number;
  student: number;
  kdHard: number;
  kdDistill: number;
  kdTotal: number;
}

/** The engine's state on the CPU (weights and progress). */
export interface EngineSnapshot {
  teacher: Record<string, Float32Array>;
  student: Record<string, Float32Array>;
  kd: Record<string, Float32Array>;
  projP: Float32Array;
  projB: Float32Array;
  steps: number;
  seen: number;
  roles: Roles;
}

/** Which models a step touches. */
export interface Roles {
  teacher: 'train' | 'frozen' | 'off';
  student: boolean;
  kd: boolean;
}

/** Seeds derived from the run seed, one per purpose, so changing one purpose never shifts another. */
export function seedsFor(seed: number) {
  const r = new Rng(seed);
  return { teacherInit: r.nextU32(), studentInit: r.nextU32(), stream: r.nextU32(), dropout: r.nextU32(), projector: r.nextU32() };
}

/** Hint projector shape: student dim → teacher dim. */
function projectorSpecs(dS: number, dT: number) {
  return [
    { name: 'P', shape: [dS, dT], perRowScale: false },
    { name: 'b', shape: [dT], perRowScale: false },
  ];
}

/** Caches a teacher's per-user history sums over `split` (see TeacherModel.freeze). */
function freezeOn(teacher: TeacherModel, split: Split): void {
  teacher.freeze((start, count, out) => fillHistoryBlock(split, start, count, out));
}

/**
 * A trained teacher built and frozen once, to be handed to several engines on `split` (a sweep's
 * cells): each engine then skips building the model, its optimizer moments and the history sums.
 * The caller disposes it after the last engine.
 */
export function frozenTeacher(split: Split, config: TrainConfig, weights: Record<string, Float32Array>): TeacherModel {
  const teacher = new TeacherModel(split.nUsers, split.nItems, config.teacher, seedsFor(config.seed).teacherInit, weights);
  freezeOn(teacher, split);
  return teacher;
}

export class DistillEngine {
  readonly teacher: TeacherModel;
  readonly student: StudentModel;
  readonly kd: StudentModel;
  /** Hint projector (student user vector → teacher user vector); training-only, never deployed. */
  readonly projector: { P: tf.Variable; b: tf.Variable };
  /**
   * Null exactly when the teacher was handed in ready-made (a sweep's one frozen teacher): this
   * engine neither trains nor disposes it, so it needs no moments.
   */
  private readonly adamT: Adam | null;
  private readonly adamS: Adam;
  private readonly adamK: Adam;
  private readonly stream: ExampleStream;
  private readonly dropRng: Rng;
  private readonly users: Int32Array;
  private readonly targets: Int32Array;
  /** The teacher's training history, row- and column-major; made on its first training step (a frozen teacher never needs them). */
  private history: Float32Array | null = null;
  private historyT: Float32Array | null = null;
  private readonly invCount: Float32Array;
  private maskBuf: Float32Array | null = null;
  private readonly mask: Float32Array | null;
  distill: DistillConfig;
  roles: Roles;
  /** Steps taken. */
  steps = 0;

  /**
   * @param teacher a trained teacher: its weights (a checkpoint), built into this engine's own
   *   model, or a model built by frozenTeacher and shared by several engines, which stays the
   *   caller's to dispose. Either way it starts frozen. Without it the teacher starts from its
   *   seeded initialisation and trains (online or first, as `roles` says).
   */
  constructor(
    readonly split: Split,
    readonly config: TrainConfig,
    teacher?: Record<string, Float32Array> | TeacherModel,
  ) {
    validateTrainConfig(config, split.nUsers, split.nItems);
    const seeds = seedsFor(config.seed);
    const { nUsers, nItems } = split;
    const shared = teacher instanceof TeacherModel;
    if (shared) {
      if (teacher.nUsers !== nUsers || teacher.nItems !== nItems || teacher.dim !== config.teacher.dim) {
        throw new Error(`engine: the shared teacher is ${teacher.nUsers} users × ${teacher.nItems} items, dim ${teacher.dim}; this run needs ${nUsers} × ${nItems}, dim ${config.teacher.dim}`);
      }
      this.teacher = teacher;
    } else this.teacher = new TeacherModel(nUsers, nItems, config.teacher, seeds.teacherInit, teacher);
    // The two students start from identical weights: any difference between them is distillation's doing.
    const sInit = initialWeights(studentWeightSpecs(nUsers, nItems, config.student), seeds.studentInit, config.student.initStd);
    this.student = new StudentModel(nUsers, nItems, config.student, 0, sInit);
    this.kd = new StudentModel(nUsers, nItems, config.student, 0, sInit);
    const pInit = initialWeights(projectorSpecs(config.student.dim, config.teacher.dim), seeds.projector, 0);
    this.projector = {
      P: tf.tidy(() => tf.variable(tf.tensor2d(pInit.P, [config.student.dim, config.teacher.dim]), true)),
      b: tf.tidy(() => tf.variable(tf.tensor1d(pInit.b), true)),
    };
    this.adamT = shared ? null : new Adam(this.teacher.weights, config.teacher.lr, config.teacher.l2);
    this.adamS = new Adam(this.student.weights, config.student.lr, config.student.l2);
    this.adamK = new Adam({ ...this.kd.weights, projP: this.projector.P, projB: this.projector.b }, config.distill.lr, config.student.l2);
    this.stream = new ExampleStream(split, config.batchSize, seeds.stream);
    this.dropRng = new Rng(seeds.dropout);
    const B = config.batchSize;
    this.users = new Int32Array(B);
    this.targets = new Int32Array(B);
    this.invCount = new Float32Array(B);
    this.mask = this.teacher.dropoutWidth > 0 ? new Float32Array(B * this.teacher.dropoutWidth) : null;
    this.distill = { ...config.distill };
    this.roles = teacher ? { teacher: 'frozen', student: true, kd: true } : config.schedule === 'online' ? { teacher: 'train', student: true, kd: true } : { teacher: 'train', student: false, kd: false };
  }

  /** Epochs of training data seen so far. */
  get epoch(): number {
    return this.stream.epoch;
  }

  get stepsPerEpoch(): number {
    return Math.ceil(this.stream.epochSize / this.config.batchSize);
  }

  /** The student alone's learning rate, live (the KD student's is `distill.lr`). */
  setStudentLr(lr: number): void {
    this.adamS.lr = lr;
  }

  /** The student alone's weight decay pulls `name` toward these values instead of 0 (transfer: L2-SP). */
  anchorStudent(name: string, values: Float32Array): void {
    this.adamS.anchor(name, values);
  }

  setTeacherLr(lr: number): void {
    if (this.adamT) this.adamT.lr = lr;
  }

  private fillDropout(): void {
    if (!this.mask) return;
    const p = this.config.teacher.dropout;
    const keep = 1 / (1 - p);
    for (let i = 0; i < this.mask.length; i++) this.mask[i] = this.dropRng.next() < p ? 0 : keep;
  }

  /**
   * Enqueues one step of every active model on the next batch. Returns, when `report` is set,
   * a [5] tensor of loss values (teacher, student, kdHard, kdDistill, kdTotal; NaN when absent)
   * that the caller reads back and disposes.
   */
  step(report: boolean): tf.Tensor1D | null {
    const { roles } = this;
    const B = this.config.batchSize;
    const N = this.split.nItems;
    this.stream.next(this.users, this.targets);
    const teacherUsed = roles.teacher === 'train' || (roles.kd && roles.teacher === 'frozen') || (report && roles.teacher !== 'off');
    const teacherTrains = roles.teacher === 'train';
    // A frozen teacher reads cached history sums instead of a [B, N] history product.
    const frozen = teacherUsed && !teacherTrains;
    const adamT = teacherTrains ? this.adamT : null;
    if (teacherTrains) {
      if (!adamT) throw new Error('engine: a shared teacher stays frozen; it cannot train');
      this.teacher.unfreeze();
      this.history ??= new Float32Array(B * N);
      this.historyT ??= new Float32Array(B * N);
      fillTrainHistory(this.split, this.users, this.targets, this.history);
      fillTrainHistoryT(this.split, this.users, this.targets, this.historyT);
      this.fillDropout();
    } else if (frozen) {
      if (!this.teacher.frozen) freezeOn(this.teacher, this.split);
      fillLeaveOneOutWeights(this.split, this.users, this.invCount);
    }
    const masked = roles.kd && distillsOverUnseen(this.distill);
    if (masked) {
      this.maskBuf ??= new Float32Array(B * N);
      fillOtherHistoryMask(this.split, this.users, this.targets, EXCLUDED_LOGIT, this.maskBuf);
    }
    this.adamK.lr = this.distill.lr;
    this.steps += 1;
    const out = tf.tidy(() => {
      const input: BatchInput = {
        users: tf.tensor1d(this.users, 'int32'),
        history: teacherTrains && this.history ? tf.tensor2d(this.history, [B, N]) : null,
        dropoutMask: teacherTrains && this.mask ? tf.tensor2d(this.mask, [B, this.teacher.dropoutWidth]) : null,
        historyT: teacherTrains && this.historyT ? tf.tensor2d(this.historyT, [N, B]) : null,
      };
      const targets = tf.tensor1d(this.targets, 'int32');
      const onehot = oneHotF(targets, N);
      const nan = tf.scalar(NaN);
      let teacherLoss: tf.Scalar = nan;
      let tf_: Forward | null = null;
      if (adamT) {
        tf_ = this.teacher.forward(input, true);
        const l = hardLoss(tf_.logits, onehot, report);
        adamT.apply(this.teacher.backward(input, tf_, l.grad));
        if (l.value) teacherLoss = l.value;
      } else if (frozen) {
        tf_ = this.teacher.forwardFrozen(this.users, this.targets, this.invCount);
        if (report) teacherLoss = hardLoss(tf_.logits, onehot, true).value ?? nan;
      }
      let studentLoss: tf.Scalar = nan;
      if (roles.student) {
        const fw = this.student.forward(input);
        const l = hardLoss(fw.logits, onehot, report);
        this.adamS.apply(this.student.backward(input, fw, l.grad));
        if (l.value) studentLoss = l.value;
      }
      let kdParts: tf.Tensor1D = tf.stack([nan, nan, nan]) as tf.Tensor1D;
      if (roles.kd && tf_) {
        const fw = this.kd.forward(input);
        const k = kdLoss(
          {
            zs: fw.logits,
            zt: tf_.logits,
            onehot,
            studentVec: fw.userVec,
            teacherVec: tf_.userVec,
            projector: { P: this.projector.P as tf.Tensor2D, b: this.projector.b as tf.Tensor1D },
            distillMask: masked && this.maskBuf ? tf.tensor2d(this.maskBuf, [B, N]) : undefined,
          },
          this.distill,
          report,
        );
        const grads = this.kd.backward(input, fw, k.grad, k.dUserVec ?? undefined);
        if (k.projector) {
          grads.projP = k.projector.P;
          grads.projB = k.projector.b;
        }
        this.adamK.apply(grads);
        if (k.parts) kdParts = k.parts;
      }
      if (!report) return undefined;
      return tf.concat([tf.stack([teacherLoss, studentLoss]), kdParts]) as tf.Tensor1D;
    });
    return out ?? null;
  }

  /** One step, read back into a LossRow when `report` is set. */
  async stepAndRead(report: boolean): Promise<LossRow | null> {
    const t = this.step(report);
    if (!t) return null;
    const v = await t.data();
    t.dispose();
    return { step: this.steps, epoch: this.epoch, teacher: v[0], student: v[1], kdHard: v[2], kdDistill: v[3], kdTotal: v[4] };
  }

  /** Every weight and the progress counters on the CPU: what a lost GPU device would take away. */
  async snapshot(): Promise<EngineSnapshot> {
    return {
      teacher: await readWeights(this.teacher),
      student: await readWeights(this.student),
      kd: await readWeights(this.kd),
      projP: (await this.projector.P.data()) as Float32Array,
      projB: (await this.projector.b.data()) as Float32Array,
      steps: this.steps,
      seen: this.stream.seen,
      roles: { ...this.roles },
    };
  }

  /** Continues from a snapshot (Adam's moments start afresh). */
  restore(s: EngineSnapshot): void {
    // a shared teacher never trains, so it already holds the snapshot's weights (and other engines read it)
    if (this.adamT) {
      this.teacher.unfreeze();
      writeWeights(this.teacher, s.teacher);
    }
    writeWeights(this.student, s.student);
    writeWeights(this.kd, s.kd);
    tf.tidy(() => {
      this.projector.P.assign(tf.tensor(s.projP, this.projector.P.shape));
      this.projector.b.assign(tf.tensor(s.projB, this.projector.b.shape));
    });
    this.steps = s.steps;
    this.stream.seen = s.seen;
    this.roles = { ...s.roles };
  }

  /** Frees every tensor the engine made. */
  dispose(): void {
    if (this.adamT) this.teacher.dispose();
    this.student.dispose();
    this.kd.dispose();
    this.projector.P.dispose();
    this.projector.b.dispose();
    this.adamT?.dispose();
    this.adamS.dispose();
    this.adamK.dispose();
  }
}
