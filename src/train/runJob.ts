/**
 * A training session: everything the worker does, as a plain class driven by protocol messages,
 * so Vitest can drive it in Node. It owns the engine (and so every tensor), runs the step loop
 * while yielding to incoming messages, batches metrics into a steady stream, evaluates a fixed
 * validation sample every N steps, and recovers from a lost GPU device from the last CPU snapshot.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sampleEvalUsers } from '../data/batches';
import { splitFingerprint } from '../data/fingerprint';
import type { Split } from '../data/types';
import { softLabelView, topUnseen } from '../distill/softLabels';
import { distillsOverUnseen } from '../distill/config';
import { rankingMetrics, type RankingMetrics } from '../eval/metrics';
import { topKOverlap } from '../eval/overlap';
import type { Recommender } from '../models/recommender';
import { sizeOf } from '../models/size';
import { checkpointMismatch, decodeCheckpoint, describeMismatch } from './checkpoint';
import { runCompressJob } from './compressJob';
import type { TrainConfig } from './config';
import { DistillEngine, type EngineSnapshot, type LossRow } from './engine';
import { RatingJob } from './ratingJob';
import { TransferJob } from './transferJob';
import { EVAL_BATCH, EvalBuffers, evaluate, inferMsPer1000, scoreUsers } from './evaluate';
import { SweepJob } from './sweepJob';
import { exportModel } from './exportJob';
import {
  assertNever,
  type BackendName,
  type BackendReport,
  type FromWorker,
  type HyperParams,
  type ModelReport,
  type RunPlan,
  type RunStatus,
  type ToWorker,
  type ValPoint,
  type WorkerNotice,
} from './protocol';

/** What the session needs from its host (the worker, or a test). */
export interface SessionHost {
  post(msg: FromWorker): void;
  chooseBackend(requested: BackendName | 'auto', exclude: BackendName[]): Promise<BackendReport>;
  /** Lets queued messages (pause, set-hyper) in between steps. */
  yieldToEvents(): Promise<void>;
  /** Hook for the lost-device test; returns false when there is no device to lose. */
  loseDevice?(): boolean;
}

/** Minimum time between two metric messages: a steady stream, not a flood. */
const FLUSH_MS = 200;
/** Items in the soft-label view. */
const SOFT_TOP_N = 20;

interface Loaded {
  split: Split;
  config: TrainConfig;
  plan: RunPlan;
  teacherWeights: Record<string, Float32Array> | null;
}

export class Session {
  private engine: DistillEngine | null = null;
  private loaded: Loaded | null = null;
  private status: RunStatus = 'empty';
  private backend: BackendName = 'cpu';
  private valSample: Int32Array = new Int32Array(0);
  private evalBuf: EvalBuffers | null = null;
  private rows: LossRow[] = [];
  private vals: ValPoint[] = [];
  private lastFlush = 0;
  /** performance.now() when play was first pressed in this run, or null before. */
  private playedAt: number | null = null;
  private teacherVal: RankingMetrics | null = null;
  /** Epoch (of the example stream) at which the students started. */
  private studentStart = 0;
  private selectedUser = -1;
  private lastLogits: { teacher: Float32Array; kd: Float32Array; student: Float32Array } | null = null;
  private snapshot: EngineSnapshot | null = null;
  private lostReason: string | null = null;
  private looping = false;
  private hyper: HyperParams | null = null;
  private readonly sweep: SweepJob;
  /** The rating task (its own module); made on its first command. */
  private ratingJob: RatingJob | null = null;
  private readonly transfer: TransferJob;

  constructor(private readonly host: SessionHost) {
    this.sweep = new SweepJob(host);
    this.transfer = new TransferJob(host);
  }

  /** Called by the host when the GPU device is lost. */
  deviceLost(reason: string): void {
    this.lostReason = reason;
  }

  async handle(msg: ToWorker): Promise<void> {
    try {
      switch (msg.type) {
        case 'init': {
          const report = await this.host.chooseBackend(msg.backend, []);
          this.backend = report.backend;
          this.host.post({ type: 'ready', report });
          return;
        }
        case 'load':
          this.status = 'paused';
          while (this.looping) await this.host.yieldToEvents();
          this.loaded = { split: msg.split, config: msg.config, plan: msg.plan, teacherWeights: this.teacherFrom(msg) };
          this.hyper = { distill: { ...msg.config.distill }, studentLr: msg.config.student.lr, teacherLr: msg.config.teacher.lr };
          this.valSample = sampleEvalUsers(msg.split, msg.plan.valUsers, msg.config.seed);
          await this.warmUp();
          await this.rebuild();
          return;
        case 'start':
          if (this.sweep.busy) return this.sweep.refuseRun();
          if (this.status === 'ready' || this.status === 'paused') {
            this.status = 'running';
            this.playedAt ??= performance.now();
            this.sendProgress();
            void this.loop();
          }
          return;
        case 'pause':
          if (this.status === 'running') this.status = 'paused';
          this.flush(true);
          return;
        case 'step':
          if (this.sweep.busy) return this.sweep.refuseRun();
          if (this.status === 'ready' || this.status === 'paused') {
            this.playedAt ??= performance.now();
            this.status = 'paused';
            await this.oneStep(true);
            this.flush(true);
          }
          return;
        case 'reset':
          if (!this.loaded) return;
          this.status = 'paused';
          while (this.looping) await this.host.yieldToEvents();
          await this.rebuild();
          return;
        case 'set-hyper':
          this.hyper = msg.hyper;
          this.applyHyper();
          if (this.lastLogits && this.selectedUser >= 0) this.postSoftLabels();
          return;
        case 'select-user':
          this.selectedUser = msg.user;
          await this.refreshUser();
          return;
        case 'compress':
          if (this.status === 'running') this.status = 'paused';
          while (this.looping) await this.host.yieldToEvents();
          this.sendProgress();
          await runCompressJob(this.engine, this.loaded?.split ?? null, msg.config, this.loaded?.config.seed ?? 1, (m) => this.host.post(m));
          return;
        case 'sweep':
          await this.sweep.handle(msg.command, { status: this.status, loaded: this.loaded, engine: this.engine, hyper: this.hyper });
          return;
        case 'export-model': {
          const { type: _, ...req } = msg;
          const result = this.engine && this.loaded ? await exportModel(this.engine, this.loaded.split, req).catch((e: unknown) => ({ error: String(e instanceof Error ? e.message : e) })) : { error: 'no trained model yet' };
          this.host.post({ type: 'model-export', id: msg.id, result });
          return;
        }
        case 'rating':
          this.ratingJob ??= new RatingJob({ post: (event) => this.host.post({ type: 'rating', event }), yieldToEvents: () => this.host.yieldToEvents() });
          await this.ratingJob.handle(msg.command);
          return;
        case 'transfer-run':
          // not awaited: the message chain stays free for transfer-cancel
          void this.transfer.run(msg.request);
          return;
        case 'transfer-cancel':
          this.transfer.cancel();
          return;
        case 'debug-lose-device':
          if (!this.host.loseDevice?.()) {
            this.host.post({ type: 'error', message: 'there is no GPU device to lose on this backend', recoverable: true, notice: { key: 'notice.noDeviceToLose' } });
          }
          return;
        default:
          assertNever(msg);
      }
    } catch (e) {
      this.fail(e);
    }
  }

  /** The teacher weights for this load, when the schedule starts from a checkpoint that fits. */
  private teacherFrom(msg: Extract<ToWorker, { type: 'load' }>): Record<string, Float32Array> | null {
    if (msg.config.schedule !== 'checkpoint') return null;
    if (!msg.checkpoint) {
      this.host.post({
        type: 'error',
        message: 'no teacher checkpoint for this dataset: the teacher trains first',
        recoverable: true,
        notice: { key: 'notice.workerNoCheckpoint' },
      });
      return null;
    }
    let decoded: ReturnType<typeof decodeCheckpoint>;
    try {
      decoded = decodeCheckpoint(msg.checkpoint);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.host.post({ type: 'error', message: `${detail}: the teacher trains first`, recoverable: true, notice: { key: 'notice.checkpointUnreadable', detail } });
      return null;
    }
    const { manifest, values } = decoded;
    const why = checkpointMismatch(manifest, splitFingerprint(msg.split), msg.config.teacher);
    if (why) {
      const notice: WorkerNotice =
        why.kind === 'split'
          ? { key: 'notice.checkpointOtherSplit', fitted: why.fitted, current: why.current }
          : { key: why.setting === 'dim' ? 'notice.checkpointOtherDim' : 'notice.checkpointOtherHidden', fitted: why.fitted, wanted: why.wanted };
      this.host.post({ type: 'error', message: `${describeMismatch(why)}: the teacher trains first`, recoverable: true, notice });
      return null;
    }
    return values;
  }

  private applyHyper(): void {
    if (!this.engine || !this.hyper) return;
    this.engine.distill = { ...this.hyper.distill };
    this.engine.setStudentLr(this.hyper.studentLr);
    this.engine.setTeacherLr(this.hyper.teacherLr);
  }

  /** One throw-away step of every model and one evaluation, so shaders compile before play. */
  private async warmUp(): Promise<void> {
    const l = this.loaded!;
    this.status = 'warming';
    this.sendProgress('progress.warmup', 0);
    this.disposeEngine();
    const e = new DistillEngine(l.split, { ...l.config, schedule: 'online' });
    e.roles = { teacher: 'train', student: true, kd: true };
    await e.stepAndRead(true);
    this.sendProgress('progress.warmup', 0.5);
    const buf = new EvalBuffers(l.split.nItems);
    const one = l.split.evalUsers.subarray(0, 1);
    for (const m of [e.teacher, e.student]) await scoreUsers(m, l.split, one, 'val', 10, buf);
    e.dispose();
    this.sendProgress('progress.warmup', 1);
  }

  /** A fresh engine at step 0 (load and reset), with the starting validation point. */
  private async rebuild(): Promise<void> {
    const l = this.loaded!;
    this.disposeEngine();
    const schedule = l.teacherWeights ? 'checkpoint' : l.config.schedule === 'checkpoint' ? 'teacher-first' : l.config.schedule;
    this.engine = new DistillEngine(l.split, { ...l.config, schedule }, l.teacherWeights ?? undefined);
    this.applyHyper();
    this.evalBuf = new EvalBuffers(l.split.nItems);
    this.rows = [];
    this.vals = [];
    this.playedAt = null;
    this.teacherVal = null;
    this.snapshot = null;
    this.studentStart = this.engine.roles.student ? 0 : NaN;
    this.status = 'ready';
    await this.validate();
    await this.refreshUser();
    this.flush(true);
  }

  private disposeEngine(): void {
    this.engine?.dispose();
    this.engine = null;
  }

  private get totalSteps(): number {
    const l = this.loaded;
    if (!l || !this.engine) return 0;
    const teacherEpochs = this.engine.roles.teacher === 'frozen' ? 0 : l.config.schedule === 'online' ? 0 : l.config.teacherEpochs;
    return Math.ceil((teacherEpochs + l.plan.epochs) * this.engine.stepsPerEpoch);
  }

  /** Student epochs done (0 while the teacher trains first). */
  private get studentEpoch(): number {
    const e = this.engine;
    return e && !Number.isNaN(this.studentStart) ? e.epoch - this.studentStart : 0;
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (this.status === 'running') {
        if (this.lostReason) await this.recover();
        await this.oneStep(false);
        if (this.studentEpoch >= this.loaded!.plan.epochs) await this.finish();
        this.flush(false);
        await this.host.yieldToEvents();
      }
    } catch (e) {
      // a failed GPU read can arrive before device.lost resolves: give the loss a moment to be reported
      for (let i = 0; i < 20 && !this.lostReason && (this.backend === 'webgpu' || this.backend === 'webgl'); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      if (this.lostReason) {
        await this.recover();
        this.looping = false;
        if (this.status === 'running') void this.loop();
        return;
      }
      this.fail(e);
    } finally {
      this.looping = false;
    }
  }

  private async oneStep(forceReport: boolean): Promise<void> {
    const e = this.engine!;
    const l = this.loaded!;
    // the teacher-first schedule hands over to the students once the teacher has its epochs
    if (e.roles.teacher === 'train' && !e.roles.student && e.epoch >= l.config.teacherEpochs) {
      e.roles = { teacher: 'frozen', student: true, kd: true };
      this.studentStart = e.epoch;
      this.teacherVal = null;
    }
    const report = forceReport || (e.steps + 1) % l.plan.reportEvery === 0;
    const row = await e.stepAndRead(report);
    if (row) {
      for (const k of ['teacher', 'student', 'kdHard', 'kdDistill', 'kdTotal'] as const) {
        // SwiftShader's log(0) gives −88 instead of −Infinity: check in JS that losses are finite
        if (Number.isFinite(row[k]) || Number.isNaN(row[k])) continue;
        throw new Error(`the ${k} loss became ${row[k]} at step ${row.step}: lower the learning rate and reset`);
      }
      this.rows.push({ ...row, epoch: e.roles.student ? this.studentEpoch : e.epoch });
    }
    if (e.steps % l.plan.evalEvery === 0 || forceReport) {
      await this.validate();
      await this.refreshUser();
      if (this.backend === 'webgpu' || this.backend === 'webgl') this.snapshot = await e.snapshot();
    }
  }

  /** Validation NDCG@10 etc. of every model on the fixed sample. */
  private async validate(): Promise<void> {
    const e = this.engine!;
    const split = this.loaded!.split;
    const buf = this.evalBuf!;
    if (e.roles.teacher === 'train' || !this.teacherVal) this.teacherVal = await evaluate(e.teacher, split, this.valSample, 'val', 10, buf);
    const student = await evaluate(e.student, split, this.valSample, 'val', 10, buf);
    const kd = await evaluate(e.kd, split, this.valSample, 'val', 10, buf);
    this.vals.push({
      step: e.steps,
      epoch: e.roles.student ? this.studentEpoch : e.epoch,
      ms: this.playedAt === null ? 0 : performance.now() - this.playedAt,
      teacher: this.teacherVal,
      student,
      kd,
    });
  }

  /** Logits of one user from each model, eval mode, one read-back. */
  private async userLogits(user: number): Promise<{ teacher: Float32Array; kd: Float32Array; student: Float32Array }> {
    const e = this.engine!;
    const split = this.loaded!.split;
    const N = split.nItems;
    const row = new Float32Array(EVAL_BATCH * N);
    const hs = split.histOffsets[user];
    const he = split.histOffsets[user + 1];
    for (let i = hs; i < he; i++) row[split.histItems[i]] = 1 / (he - hs);
    const t = tf.tidy(() => {
      const users = tf.tensor1d(new Int32Array(EVAL_BATCH).fill(user), 'int32');
      const input = { users, history: tf.tensor2d(row, [EVAL_BATCH, N]), dropoutMask: null };
      const first = (m: Recommender) => tf.slice(m.forward(input, false).logits, [0, 0], [1, N]);
      return tf.concat([first(e.teacher), first(e.kd), first(e.student)], 0);
    });
    const v = (await t.data()) as Float32Array;
    t.dispose();
    return { teacher: v.slice(0, N), kd: v.slice(N, 2 * N), student: v.slice(2 * N, 3 * N) };
  }

  private async refreshUser(): Promise<void> {
    const split = this.loaded?.split;
    if (!split || !this.engine || this.selectedUser < 0 || this.selectedUser >= split.nUsers) return;
    this.lastLogits = await this.userLogits(this.selectedUser);
    this.postSoftLabels();
    const u = this.selectedUser;
    const hist = split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1]);
    const exclude = split.valItem[u] >= 0 ? [...hist, split.valItem[u]] : hist;
    this.host.post({
      type: 'recommendations',
      recs: {
        user: u,
        teacher: topUnseen(this.lastLogits.teacher, 10, exclude),
        student: topUnseen(this.lastLogits.student, 10, exclude),
        kd: topUnseen(this.lastLogits.kd, 10, exclude),
      },
    });
  }

  private postSoftLabels(): void {
    const split = this.loaded!.split;
    const u = this.selectedUser;
    const hist = split.histItems.subarray(split.histOffsets[u], split.histOffsets[u + 1]);
    const T = this.hyper?.distill.temperature ?? 1;
    const unseen = this.hyper ? distillsOverUnseen(this.hyper.distill) : false;
    const view = softLabelView(this.lastLogits!, T, SOFT_TOP_N, Math.max(split.testItem[u], 0), hist, unseen);
    this.host.post({ type: 'soft-labels', labels: { ...view, user: u } });
  }

  /** End of the run: test metrics, sizes, latency and overlap for the comparison panel. */
  private async finish(): Promise<void> {
    const e = this.engine!;
    const split = this.loaded!.split;
    this.status = 'finishing';
    this.flush(true);
    this.sendProgress('progress.testing', 0);
    const buf = this.evalBuf!;
    const report = async (m: Recommender): Promise<{ r: ModelReport; top: Int32Array }> => {
      const scored = await scoreUsers(m, split, split.evalUsers, 'test', 10, buf);
      const size = sizeOf(m.specs);
      return {
        r: {
          test: rankingMetrics(scored.ranks, 10),
          val: await evaluate(m, split, split.evalUsers, 'val', 10, buf),
          params: size.params,
          bytesFp32: size.bytesFp32,
          bytesInt8: size.bytesInt8,
          inferMsPer1000: await inferMsPer1000(m, split, buf),
        },
        top: scored.topK!,
      };
    };
    const t = await report(e.teacher);
    this.sendProgress('progress.testing', 1 / 3);
    const s = await report(e.student);
    this.sendProgress('progress.testing', 2 / 3);
    const k = await report(e.kd);
    this.host.post({
      type: 'comparison',
      teacher: t.r,
      student: s.r,
      kd: k.r,
      overlapKd: topKOverlap(t.top, k.top, 10),
      overlapStudent: topKOverlap(t.top, s.top, 10),
    });
    this.status = 'done';
    this.sendProgress();
  }

  /** After a lost device: next-best backend, a new engine, the last snapshot's weights. */
  private async recover(): Promise<void> {
    const from = this.backend;
    this.lostReason = null;
    const snap = this.snapshot;
    this.engine = null; // its tensors died with the device
    const report = await this.host.chooseBackend('auto', [from]);
    this.backend = report.backend;
    this.host.post({ type: 'ready', report: { ...report, reason: { key: 'backend.reason.deviceLost', from } } });
    const l = this.loaded!;
    this.engine = new DistillEngine(l.split, { ...l.config, schedule: l.teacherWeights ? 'checkpoint' : l.config.schedule }, l.teacherWeights ?? undefined);
    this.applyHyper();
    this.evalBuf = new EvalBuffers(l.split.nItems);
    if (snap) this.engine.restore(snap);
    const step = this.engine.steps;
    this.host.post({
      type: 'error',
      message: `the ${from} device was lost; training continues on ${report.backend} from step ${step}`,
      recoverable: true,
      notice: { key: 'notice.deviceLost', from, to: report.backend, step },
    });
  }

  private flush(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastFlush < FLUSH_MS) return;
    this.lastFlush = now;
    if (this.rows.length || this.vals.length) {
      this.host.post({ type: 'metrics', rows: this.rows, val: this.vals });
      this.rows = [];
      this.vals = [];
    }
    this.sendProgress();
  }

  private sendProgress(phase = this.phaseKey(), fraction: number | null = null): void {
    const e = this.engine;
    this.host.post({
      type: 'progress',
      status: this.status,
      phase,
      fraction: fraction ?? (e && this.totalSteps ? Math.min(1, e.steps / this.totalSteps) : null),
      step: e?.steps ?? 0,
      epoch: e ? (e.roles.student ? this.studentEpoch : e.epoch) : 0,
      totalSteps: this.totalSteps,
      numTensors: tf.memory().numTensors,
      gpuBytes: (tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number }).numBytesInGPU ?? null,
    });
  }

  private phaseKey(): string {
    const e = this.engine;
    if (!e) return 'progress.idle';
    if (this.status === 'done') return 'progress.done';
    if (this.status === 'ready') return 'progress.ready';
    return e.roles.student ? 'progress.students' : 'progress.teacher';
  }

  private fail(e: unknown): void {
    this.status = this.engine ? 'paused' : 'empty';
    this.host.post({ type: 'error', message: e instanceof Error ? e.message : String(e), recoverable: false });
    this.sendProgress();
  }
}
