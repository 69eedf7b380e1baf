/**
 * The rating task inside the training worker: receives the ratings, splits them, trains the
 * teacher, then the student alone and the KD student in lockstep, streaming validation errors per
 * epoch and ending with test errors. The run loop is not awaited by the message handler, so a
 * `stop` or `set-distill` gets in between steps.
 */
import { splitRatings } from '../data/ratingSplit';
import { ratingStudentParams, ratingTeacherParams } from '../models/ratingSize';
import type { RatingCommand, RatingEvent, RatingModelSummary } from './protocol';
import { RatingEngine } from './ratingEngine';
import { fitRatingStudents, fitRatingTeacher, ratingReport, type RatingFit } from './ratingFit';

/** What the job needs from its host. */
export interface RatingJobHost {
  post(event: RatingEvent): void;
  yieldToEvents(): Promise<void>;
}

/** Steps between two yields to incoming messages (and progress events). */
const YIELD_EVERY = 4;

export class RatingJob {
  private engine: RatingEngine | null = null;
  private stopping = false;
  private running: Promise<void> | null = null;

  constructor(private readonly host: RatingJobHost) {}

  async handle(cmd: RatingCommand): Promise<void> {
    switch (cmd.type) {
      case 'start':
        this.stopping = true;
        await this.running;
        this.stopping = false;
        this.running = this.run(cmd).finally(() => (this.running = null));
        return;
      case 'set-distill':
        if (this.engine) this.engine.distill = { ...cmd.distill };
        return;
      case 'stop':
        this.stopping = true;
        return;
    }
  }

  private async run(cmd: Extract<RatingCommand, { type: 'start' }>): Promise<void> {
    const t0 = performance.now();
    const c = cmd.config;
    try {
      this.host.post({ type: 'progress', phase: 'split', fraction: 0 });
      const split = splitRatings(cmd.data, { seed: cmd.splitSeed });
      const engine = new RatingEngine(split, c);
      this.engine = engine;
      const teacherSteps = c.teacherEpochs * (engine.teacherStepsPerEpoch + (engine.teacherMf ? engine.studentStepsPerEpoch : 0));
      const total = teacherSteps + c.epochs * engine.studentStepsPerEpoch;
      let done = 0;
      const onStep = async (step: number) => {
        done++;
        if (step % YIELD_EVERY === 0) {
          this.host.post({ type: 'progress', phase: engine.teacherMatrix ? 'students' : 'teacher', fraction: Math.min(1, done / total) });
          await this.host.yieldToEvents();
        }
      };
      const stop = () => this.stopping;
      const onEpoch = (e: { model: 'teacher' | 'student' | 'kd'; epoch: number; val: { rmse: number; mae: number } }) =>
        this.host.post({ type: 'epoch', point: { model: e.model, epoch: e.epoch, valRmse: e.val.rmse, valMae: e.val.mae } });
      const tFit = await fitRatingTeacher(engine, { epochs: c.teacherEpochs, onStep, onEpoch, stop });
      done = teacherSteps;
      const fits = this.stopping ? null : await fitRatingStudents(engine, { student: true, kd: true }, { epochs: c.epochs, onStep, onEpoch, stop });
      this.host.post({ type: 'progress', phase: 'testing', fraction: 1 });
      const test = await ratingReport(engine, split.test);
      const studentParams = ratingStudentParams(split.nUsers, split.nItems, c.student);
      const row = (t: { rmse: number; mae: number }, fit: RatingFit | null, params: number): RatingModelSummary => ({
        rmse: t.rmse,
        mae: t.mae,
        params,
        bestEpoch: fit?.bestEpoch ?? 0,
        valRmse: fit?.bestVal.rmse ?? NaN,
      });
      this.host.post({
        type: 'result',
        teacher: row(test.teacher, tFit, ratingTeacherParams(split.nUsers, split.nItems, c.teacher, c.student)),
        student: row(test.student, fits?.student ?? null, studentParams),
        kd: row(test.kd, fits?.kd ?? null, studentParams),
        seconds: (performance.now() - t0) / 1000,
        stopped: this.stopping,
      });
    } catch (e) {
      this.host.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.engine?.dispose();
      this.engine = null;
    }
  }
}
